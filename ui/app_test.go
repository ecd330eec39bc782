package ui

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"boomerang/chart"
	"boomerang/scenarios"
	"boomerang/sim"
)

// uiQueue stands in for fyne.Do: the controller and timers queue
// functions, and the test goroutine — playing the UI goroutine — runs
// them in drain. (The test driver's fyne.Do would run them on the
// caller's goroutine, racing with the test.)
type uiQueue struct{ ch chan func() }

func newQueue() *uiQueue { return &uiQueue{ch: make(chan func(), 1<<14)} }

func (q *uiQueue) do(f func()) { q.ch <- f }

func (q *uiQueue) drain() {
	for {
		select {
		case f := <-q.ch:
			f()
		default:
			return
		}
	}
}

// waitFor runs queued UI work until cond holds, or fails after 20 s.
func waitFor(t *testing.T, q *uiQueue, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		q.drain()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// settle runs queued UI work for d, for checks that nothing more happens.
func settle(q *uiQueue, d time.Duration) {
	end := time.Now().Add(d)
	for time.Now().Before(end) {
		q.drain()
		time.Sleep(2 * time.Millisecond)
	}
	q.drain()
}

// testConfig is the default scenario on a smaller population, so the
// tests stay quick under -race.
func testConfig(t *testing.T) sim.Config {
	t.Helper()
	cfg, err := scenarios.Default()
	if err != nil {
		t.Fatal(err)
	}
	cfg.Population.Size = 1500
	return cfg
}

// newTestApp opens the app on the test driver and waits for step 0.
func newTestApp(t *testing.T) (*App, *uiQueue) {
	t.Helper()
	a := test.NewApp()
	t.Cleanup(a.Quit)
	q := newQueue()
	u := New(a, testConfig(t), Options{Do: q.do, StepDelay: 15 * time.Millisecond, Workers: 2, NoPrefs: true})
	t.Cleanup(u.close)
	u.Window.Resize(fyne.NewSize(1000, 640))
	waitFor(t, q, "step 0", func() bool { _, ok := u.Snapshot(); return ok })
	return u, q
}

func step(u *App) int { s, _ := u.Snapshot(); return s.T }

func TestOpensReadyAtStepZero(t *testing.T) {
	u, q := newTestApp(t)
	if got := u.StepLabel(); got != "Step 0 / 60" {
		t.Errorf("step label = %q, want %q", got, "Step 0 / 60")
	}
	if title := u.Window.Title(); !strings.HasPrefix(title, "Boomerang — ") || len(title) < len("Boomerang — ")+5 {
		t.Errorf("window title = %q", title)
	}
	if u.play.Disabled() || u.step.Disabled() || u.reset.Disabled() {
		t.Error("buttons should be enabled once step 0 is there")
	}
	if u.play.Text != "Play" {
		t.Errorf("play button says %q", u.play.Text)
	}
	if !strings.Contains(u.explain.Text, "control arm sees no ads") {
		t.Errorf("explanation = %q", u.explain.Text)
	}
	// The chart shows step 0 with both arms before anything is pressed.
	img := u.Window.Canvas().Capture()
	q.drain()
	f, n := u.Chart.LastFrame()
	if n == 0 || f.Arms != 2 || f.T != 0 || f.Title != "Opinion shift vs control" {
		t.Errorf("first frame = %+v (%d frames)", f, n)
	}
	if colours(img, 16) < 16 {
		t.Error("captured window is nearly blank")
	}
}

func TestPlayAdvancesAndPauseStops(t *testing.T) {
	u, q := newTestApp(t)
	test.Tap(u.play)
	waitFor(t, q, "the step counter to advance", func() bool { return step(u) >= 3 })
	if u.play.Text != "Pause" {
		t.Errorf("while playing the button says %q, want Pause", u.play.Text)
	}
	if !strings.HasPrefix(u.StepLabel(), "Step ") || u.StepLabel() == "Step 0 / 60" {
		t.Errorf("step label = %q", u.StepLabel())
	}
	test.Tap(u.play)
	waitFor(t, q, "pause", func() bool { s, _ := u.Snapshot(); return !s.Playing })
	paused := step(u)
	settle(q, 150*time.Millisecond)
	if got := step(u); got != paused {
		t.Errorf("paused at step %d but moved on to %d", paused, got)
	}
	if u.play.Text != "Play" {
		t.Errorf("paused: button says %q, want Play", u.play.Text)
	}
}

func TestStepAdvancesExactlyOne(t *testing.T) {
	u, q := newTestApp(t)
	for want := 1; want <= 3; want++ {
		test.Tap(u.step)
		waitFor(t, q, "one step", func() bool { return step(u) >= want })
		settle(q, 60*time.Millisecond)
		if got := step(u); got != want {
			t.Fatalf("after %d taps on Step: step %d", want, got)
		}
		if label := u.StepLabel(); label != "Step "+strconv.Itoa(want)+" / 60" {
			t.Errorf("label = %q", label)
		}
	}
}

func TestResetReturnsToZero(t *testing.T) {
	u, q := newTestApp(t)
	test.Tap(u.step)
	test.Tap(u.step)
	waitFor(t, q, "two steps", func() bool { return step(u) == 2 })
	first, _ := u.Snapshot()
	test.Tap(u.reset)
	waitFor(t, q, "reset", func() bool { return step(u) == 0 })
	if got := u.StepLabel(); got != "Step 0 / 60" {
		t.Errorf("after reset: %q", got)
	}
	// Same seed, same population: stepping again gives the same numbers.
	test.Tap(u.step)
	test.Tap(u.step)
	waitFor(t, q, "two steps again", func() bool { return step(u) == 2 })
	again, _ := u.Snapshot()
	for i := range first.Result.Arms {
		a, b := first.Result.Arms[i].Series[2], again.Result.Arms[i].Series[2]
		if a.MeanOpinion != b.MeanOpinion || a.Conversions != b.Conversions {
			t.Errorf("arm %s differs after reset: %+v vs %+v", first.Result.Arms[i].Name, a, b)
		}
	}
}

func TestMetricSelectChangesChart(t *testing.T) {
	u, q := newTestApp(t)
	for _, m := range Metrics {
		u.metric.SetSelected(m.Label)
		ledger := u.Charts[3]
		if got := ledger.Metric(); got != m.Name {
			t.Errorf("select %q: chart metric = %q, want %q", m.Label, got, m.Name)
		}
		u.Window.Canvas().Capture()
		q.drain()
		f, _ := ledger.LastFrame()
		want, _ := chart.MetricLabel(m.Name)
		if f.Metric != m.Name || f.Title != want.Title {
			t.Errorf("select %q: drawn %q titled %q", m.Label, f.Metric, f.Title)
		}
	}
}

func TestKeyboard(t *testing.T) {
	u, q := newTestApp(t)
	c := u.Window.Canvas()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	waitFor(t, q, "→ steps", func() bool { return step(u) == 1 })
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyR})
	waitFor(t, q, "R resets", func() bool { return step(u) == 0 })
}

func TestRunsToTheEndAndPlaysAgain(t *testing.T) {
	u, q := newTestApp(t)
	u.Controller().SetStepDelay(0)
	test.Tap(u.play)
	waitFor(t, q, "the end", func() bool { s, _ := u.Snapshot(); return s.Done })
	s, _ := u.Snapshot()
	if s.T != 60 || s.Playing || u.StepLabel() != "Step 60 / 60" {
		t.Errorf("at the end: T=%d playing=%v label %q", s.T, s.Playing, u.StepLabel())
	}
	if !u.step.Disabled() || u.play.Text != "Play again" {
		t.Errorf("at the end: step disabled=%v, play says %q", u.step.Disabled(), u.play.Text)
	}
	// The final frame is drawn, not left to the throttle.
	u.Window.Canvas().Capture()
	if f, _ := u.Chart.LastFrame(); f.T != 60 {
		t.Errorf("final frame shows step %d", f.T)
	}
	// Slow down again, or the new run may reach the end before a drain.
	u.Controller().SetStepDelay(50 * time.Millisecond)
	test.Tap(u.play)
	waitFor(t, q, "a new run", func() bool { s, _ := u.Snapshot(); return s.T < 60 })
}

func TestChartRedrawsThrottled(t *testing.T) {
	q := newQueue()
	lc := NewLiveChart("conversions", 60, q.do)
	w := test.NewWindow(lc)
	defer w.Close()
	w.Resize(fyne.NewSize(640, 400))
	start := time.Now()
	lc.Flush()
	var series []sim.Metrics
	for i := range 200 {
		series = append(series, sim.Metrics{Step: i, Conversions: int64(i)})
		lc.SetResult(sim.Result{Arms: []sim.ArmResult{{Name: "control", Strategy: "none", Series: series}}})
		time.Sleep(time.Millisecond)
		q.drain()
	}
	settle(q, 2*lc.interval)
	elapsed := time.Since(start)
	refreshes := lc.refreshes
	// One frame per interval, plus the first (Flush), the trailing redraw
	// and one for a timer that fires late on a loaded machine; without the
	// throttle there would be ~200.
	if limit := int(math.Ceil(elapsed.Seconds()*MaxFPS)) + 3; refreshes > limit {
		t.Errorf("%d refreshes in %v: more than %d (MaxFPS %d)", refreshes, elapsed, limit, MaxFPS)
	}
	if lc.pending {
		t.Error("a trailing redraw is still pending")
	}
	if refreshes < 2 {
		t.Errorf("%d refreshes: the chart was not redrawn", refreshes)
	}
	// The trailing redraw draws the last result.
	w.Canvas().Capture()
	if f, _ := lc.LastFrame(); f.T != 199 {
		t.Errorf("last frame shows step %d, want 199", f.T)
	}
}
