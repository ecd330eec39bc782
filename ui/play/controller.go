package play

import (
	"sync"
	"sync/atomic"
	"time"

	"boomerang/batch"
	"boomerang/sim"
)

// command is a request from the UI to the controller goroutine.
type command int

const (
	cmdPlay command = iota
	cmdPause
	cmdToggle
	cmdStep
	cmdReset
	cmdRefresh // publish again (the shown arm changed)
)

// DefaultReplications is the desktop app's default number of runs side by
// side (issue 17): the smallest with which broadcast-basics' headline
// (broadcast's extra conversions and opinion shift vs control) has a 95 %
// interval above zero at each of seeds 1–6 (with 2 runs, 5 of 6), while
// the run still plays well above 10 steps/s on two cores
// (docs/APP.md, "Runs").
const DefaultReplications = 3

// MaxReplications bounds the app's live replications: each one is a
// whole extra population stepped alongside the first.
const MaxReplications = 10

// Controller runs a simulation off the UI goroutine. It builds the run,
// steps it while playing, and obeys Play, Pause, Step and Reset in the
// order they were asked for. After every change it calls publish with a
// Snapshot, from its own goroutine: publish must hand the snapshot to the
// UI goroutine (fyne.Do), never touch widgets itself.
type Controller struct {
	cfg     sim.Config
	seed    uint64
	workers int
	publish func(Snapshot)
	fail    func(error)

	cmds     chan command
	stop     chan struct{}
	done     chan struct{}
	delayMu  sync.Mutex
	delay    time.Duration
	minDelay time.Duration // the least wait between two steps while playing
	waitRep  func()        // called between step 0's snapshot and building the replicas
	once     sync.Once
	reps     int
	shown    atomic.Int32 // the arm the views show
}

// NewController prepares a controller for one replication of cfg with the
// given seed; workers bounds the goroutines a step uses. fail is called
// (from the controller goroutine) if the run cannot be built. Call Start
// to begin.
func NewController(cfg sim.Config, seed uint64, workers int, publish func(Snapshot), fail func(error)) *Controller {
	c := &Controller{
		cfg: cfg, seed: seed, workers: max(workers, 1),
		publish: publish, fail: fail,
		cmds:  make(chan command, 64),
		stop:  make(chan struct{}),
		done:  make(chan struct{}),
		delay: DefaultStepDelay,
	}
	c.shown.Store(int32(DefaultShownArm(cfg)))
	return c
}

// ShowArm makes arm k (an index into the scenario's arms) the one whose
// people the snapshots carry, from the next snapshot on; it publishes
// one at once. Out-of-range values are ignored.
func (c *Controller) ShowArm(k int) {
	if k < 0 || k >= len(c.cfg.Arms) {
		return
	}
	c.shown.Store(int32(k))
	c.send(cmdRefresh)
}

// SetReplications sets how many replications run side by side (1 …
// MaxReplications); call before Start.
func (c *Controller) SetReplications(n int) { c.reps = max(1, min(n, MaxReplications)) }

// SetMinStepDelay sets the least time between two steps while playing,
// whatever the speed (a browser needs its thread back to draw); call
// before Start.
func (c *Controller) SetMinStepDelay(d time.Duration) { c.minDelay = max(d, 0) }

// SetBeforeReplicas sets a function the controller calls after it has
// published step 0 and before it builds the other replications: a
// browser tab, with one thread, needs that moment to draw step 0.
func (c *Controller) SetBeforeReplicas(wait func()) { c.waitRep = wait }

// Start builds the run in the background and publishes step 0.
func (c *Controller) Start() { go c.loop() }

// Play starts stepping (from the beginning if the run has ended).
func (c *Controller) Play() { c.send(cmdPlay) }

// Pause stops stepping after the current step.
func (c *Controller) Pause() { c.send(cmdPause) }

// Toggle plays when paused and pauses when playing.
func (c *Controller) Toggle() { c.send(cmdToggle) }

// Step pauses and advances exactly one step.
func (c *Controller) Step() { c.send(cmdStep) }

// Reset pauses and goes back to step 0 on the same population (same
// seed, so the same run again).
func (c *Controller) Reset() { c.send(cmdReset) }

// SetStepDelay sets the minimum time per step while playing (0: as fast
// as the model runs).
func (c *Controller) SetStepDelay(d time.Duration) {
	c.delayMu.Lock()
	c.delay = max(d, 0)
	c.delayMu.Unlock()
}

func (c *Controller) stepDelay() time.Duration {
	c.delayMu.Lock()
	defer c.delayMu.Unlock()
	return c.delay
}

// Stop ends the controller goroutine and waits for it. It is safe to call
// more than once.
func (c *Controller) Stop() {
	c.once.Do(func() { close(c.stop) })
	<-c.done
}

func (c *Controller) send(cmd command) {
	select {
	case c.cmds <- cmd:
	case <-c.stop:
	}
}

// failed reports err, if the controller has someone to report it to.
func (c *Controller) failed(err error) {
	if c.fail != nil {
		c.fail(err)
	}
}

// loop is the controller goroutine: it builds the run, publishes step 0,
// builds the other replications, then obeys commands and steps while
// playing, publishing after each.
func (c *Controller) loop() {
	defer close(c.done)
	run, err := sim.NewRun(c.cfg, c.seed, c.workers)
	if err != nil {
		c.failed(err)
		<-c.stop
		return
	}
	r := &runner{c: c, run: run,
		keepHistory: run.World.Pop.N*(c.cfg.Steps+1)*len(run.Arms) <= MaxHistory}
	r.prepare()
	r.publish()
	if c.waitRep != nil {
		c.waitRep()
	}
	// The other replications, each on its own world (built after step 0
	// of the first is on screen, so the first frame is not delayed).
	if err := r.buildExtra(); err != nil {
		c.failed(err)
		r.extra = nil
	}
	if len(r.extra) > 0 {
		r.publish()
	}
	for {
		select {
		case <-c.stop:
			return
		case cmd := <-c.cmds:
			r.obey(cmd)
			r.publish()
		case <-r.next:
			r.tick()
			r.publish()
		}
	}
}

// runner is the controller goroutine's state: the run and the other
// replications stepped in lockstep with it, whether it plays, and the
// opinions kept for the views' "opinion over time".
type runner struct {
	c       *Controller
	run     *sim.Run
	extra   []*sim.Run // replications 1 … R−1
	playing bool
	next    <-chan time.Time // fires when the next step is due, while playing
	// history[k][t] is arm k's opinions after step t, for every arm, so
	// that any arm can be shown with its past.
	history     [][][]float32
	keepHistory bool
}

// buildExtra builds the other replications, each with its own seed.
func (r *runner) buildExtra() error {
	c := r.c
	for k := 1; k < c.reps; k++ {
		x, err := sim.NewRun(c.cfg, batch.RepSeed(c.seed, k), c.workers)
		if err != nil {
			return err
		}
		r.extra = append(r.extra, x)
	}
	return nil
}

// prepare readies a fresh run: an empty history, and the impression log
// of every campaign arm when it fits (LogsImpressions).
func (r *runner) prepare() {
	r.history = make([][][]float32, len(r.run.Arms))
	if LogsImpressions(r.c.cfg, r.run.World.Pop.N) {
		r.run.EnableLog(nil)
		if len(r.run.Arms) > 1 {
			r.run.Arms[0].DisableLog() // the control arm sees no ads
		}
	}
}

// publish hands a snapshot of the state to the UI.
func (r *runner) publish() {
	run := r.run
	s := Snapshot{
		Result: run.Result(), T: run.T, Steps: r.c.cfg.Steps,
		Playing: r.playing, Done: run.Done(), World: run.World,
	}
	for _, x := range r.extra {
		s.Replicas = append(s.Replicas, x.Result())
	}
	if n := len(run.Arms); n > 0 {
		k := min(int(r.c.shown.Load()), n-1)
		a := run.Arms[k]
		s.Arm, s.ArmIndex = a.Name, k
		s.Opinions = append([]float32(nil), a.State.Opinion...)
		s.Converted = append([]bool(nil), a.State.Converted...)
		s.Impressions = append([]int32(nil), a.State.Impressions...)
		s.Control = append([]float32(nil), run.Arms[0].State.Opinion...)
		s.Log = a.LogView()
		if r.keepHistory {
			s.History = r.keep(k, s.Opinions)
		}
	}
	r.c.publish(s)
}

// keep adds the rows of the steps not kept yet to every arm's history
// (arm k's row is shown, the snapshot's own copy) and returns arm k's.
// Rows are never written again: snapshots share them.
func (r *runner) keep(k int, shown []float32) [][]float32 {
	for j, b := range r.run.Arms {
		for len(r.history[j]) <= r.run.T {
			row := shown
			if j != k {
				row = append([]float32(nil), b.State.Opinion...)
			}
			r.history[j] = append(r.history[j], row)
		}
	}
	h := r.history[k]
	return h[:len(h):len(h)]
}

// restart goes back to step 0 on the same worlds.
func (r *runner) restart() {
	run, err := sim.NewRunOn(r.run.World, r.c.workers)
	if err != nil { // cannot happen: the same world built fine
		r.c.failed(err)
		return
	}
	r.run = run
	r.prepare()
	for i, x := range r.extra {
		if r.extra[i], err = sim.NewRunOn(x.World, r.c.workers); err != nil {
			r.c.failed(err)
		}
	}
}

// step advances every replication one step.
func (r *runner) step() {
	r.run.Step()
	for _, x := range r.extra {
		x.Step()
	}
}

// play starts playing, from step 0 if the run has ended.
func (r *runner) play() {
	if r.run.Done() {
		r.restart()
	}
	r.playing = !r.run.Done()
	if r.playing {
		r.next = time.After(0)
	}
}

// pause stops playing.
func (r *runner) pause() { r.playing, r.next = false, nil }

// obey carries out a command from the UI.
func (r *runner) obey(cmd command) {
	switch cmd {
	case cmdPlay:
		r.play()
	case cmdPause:
		r.pause()
	case cmdToggle:
		if r.playing {
			r.pause()
		} else {
			r.play()
		}
	case cmdStep:
		r.pause()
		if !r.run.Done() {
			r.step()
		}
	case cmdReset:
		r.pause()
		r.restart()
	}
}

// tick takes the step that is due while playing and schedules the next:
// the step delay after this one began, and at least the minimum delay.
func (r *runner) tick() {
	start := time.Now()
	r.step()
	if r.run.Done() {
		r.pause()
		return
	}
	r.next = time.After(max(r.c.minDelay, r.c.stepDelay()-time.Since(start)))
}
