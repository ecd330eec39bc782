package ui

import (
	"sync"
	"testing"
	"time"

	"boomerang/ui/play"
)

// recorder applies snapshots by remembering their steps and states.
type recorder struct {
	mu      sync.Mutex
	applied []Snapshot
	delay   time.Duration // how long an apply takes
}

func (r *recorder) apply(s Snapshot) {
	time.Sleep(r.delay)
	r.mu.Lock()
	r.applied = append(r.applied, s)
	r.mu.Unlock()
}

func (r *recorder) steps() []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	var t []int
	for _, s := range r.applied {
		t = append(t, s.T)
	}
	return t
}

func playing(t int) Snapshot { return Snapshot{T: t, Steps: 10, Playing: true} }

func TestLatestKeepsOrderAndSkipsOnlyPlayingSteps(t *testing.T) {
	q := newQueue()
	calls := 0
	do := func(f func()) { calls++; q.do(f) }
	var r recorder
	l := newLatest(do, r.apply)

	l.put(Snapshot{T: 0, Steps: 10}) // step 0: kept
	for i := 1; i <= 4; i++ {
		l.put(playing(i)) // 1…3 give way to the next
	}
	l.put(Snapshot{T: 4, Steps: 10}) // the pause: replaces the playing 4, kept
	l.put(Snapshot{T: 5, Steps: 10}) // a single step: kept
	if calls != 1 {
		t.Errorf("%d deliveries queued for one busy UI, want 1", calls)
	}
	q.drain()
	got := r.steps()
	want := []int{0, 4, 5}
	if len(got) != len(want) {
		t.Fatalf("applied steps %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("applied steps %v, want %v", got, want)
		}
	}
	if r.applied[1].Playing {
		t.Error("the pause was applied as a playing snapshot")
	}

	// Once delivered, the next snapshot is delivered again.
	for i := 6; i <= 9; i++ {
		l.put(playing(i))
	}
	l.put(Snapshot{T: 10, Steps: 10, Done: true})
	q.drain()
	if calls != 2 {
		t.Errorf("%d deliveries queued in all, want 2", calls)
	}
	got = r.steps()
	if n := len(got); n != 4 || got[n-1] != 10 || !r.applied[n-1].Done {
		t.Errorf("applied steps %v: the last step (done) must come last, after 0, 4, 5", got)
	}
}

func TestLatestNeverLosesTheLastStep(t *testing.T) {
	q := newQueue()
	var r recorder
	l := newLatest(q.do, r.apply)
	stop := make(chan struct{})
	ui := make(chan struct{})
	go func() { // the UI goroutine, draining as it can
		defer close(ui)
		for {
			select {
			case <-stop:
				q.drain()
				return
			default:
				q.drain()
				time.Sleep(time.Millisecond)
			}
		}
	}()
	const steps = 2000
	for i := 0; i < steps; i++ {
		l.put(Snapshot{T: i, Steps: steps, Playing: true})
	}
	l.put(Snapshot{T: steps, Steps: steps, Done: true})
	time.Sleep(20 * time.Millisecond)
	close(stop)
	<-ui
	got := r.steps()
	if len(got) == 0 || got[len(got)-1] != steps {
		t.Fatalf("last applied step %v, want %d", got[max(0, len(got)-1):], steps)
	}
	for i := 1; i < len(got); i++ {
		if got[i] <= got[i-1] {
			t.Fatalf("steps applied out of order: %d after %d", got[i], got[i-1])
		}
	}
	if len(got) > steps/2 {
		t.Errorf("%d of %d snapshots applied: the busy UI was not spared", len(got), steps)
	}
}

// A controller playing as fast as the model runs, shown by a UI that
// takes 20 ms per snapshot: the UI keeps up with the model instead of
// working through a backlog, and still shows the last step.
func TestLatestWithController(t *testing.T) {
	cfg := testConfig(t)
	cfg.Population.Size = 300
	cfg.Steps = 40
	q := newQueue()
	r := recorder{delay: 20 * time.Millisecond}
	l := newLatest(q.do, r.apply)
	c := play.NewController(cfg, cfg.Seed, 1, l.put, func(err error) { t.Error(err) })
	c.SetStepDelay(0)
	c.Start()
	defer c.Stop()
	waitFor(t, q, "step 0", func() bool { return len(r.steps()) > 0 })
	c.Play()
	waitFor(t, q, "the last step", func() bool {
		r.mu.Lock()
		defer r.mu.Unlock()
		n := len(r.applied)
		return n > 0 && r.applied[n-1].Done
	})
	r.mu.Lock()
	last := r.applied[len(r.applied)-1]
	n := len(r.applied)
	r.mu.Unlock()
	if last.T != cfg.Steps || len(last.Result.Arms) == 0 {
		t.Fatalf("last snapshot: step %d, %d arms", last.T, len(last.Result.Arms))
	}
	// The skipped snapshots lose nothing: the last one holds every step's
	// metrics.
	for _, a := range last.Result.Arms {
		if len(a.Series) != cfg.Steps+1 {
			t.Errorf("arm %s: %d points, want %d", a.Name, len(a.Series), cfg.Steps+1)
		}
	}
	t.Logf("%d snapshots applied for %d steps", n, cfg.Steps)
}
