package ui

import (
	"sync"
	"sync/atomic"
	"time"

	"boomerang/batch"
	"boomerang/sim"
)

// DefaultStepDelay is the pace of Play: the time one step takes on
// screen at least, so that a student can watch the arms drift apart
// (60 steps ≈ 6 seconds).
const DefaultStepDelay = 100 * time.Millisecond

// Snapshot is the state of the simulation the controller hands to the
// UI after every change. It is a copy: the UI may keep it.
type Snapshot struct {
	Result sim.Result // the series so far, from step 0
	// Replicas are the other replications' series (seeds
	// batch.RepSeed(seed, 1 … R−1)), stepped in lockstep with Result, so
	// that the charts can draw 95 % bands; empty when R = 1.
	Replicas []sim.Result
	T        int  // steps done
	Steps    int  // steps in the scenario
	Playing  bool // the controller is stepping on its own
	Done     bool // T == Steps

	// The population and target views' data: the shared world and a copy
	// of the opinions, conversions and impressions of the shown arm (see
	// Controller.ShowArm), named Arm, index ArmIndex in Result.Arms, and
	// of the control arm's opinions (the first arm).
	World       *sim.World
	Arm         string
	ArmIndex    int
	Opinions    []float32
	Converted   []bool
	Impressions []int32
	Control     []float32

	// History[t] is the shown arm's opinions after step t, for t = 0 … T
	// (nil when the population is too large to keep them; see
	// MaxHistory). Its rows never change once published: snapshots share
	// them.
	History [][]float32
	// Log is every impression of the shown arm so far, in order, with why
	// its person was picked (sim.World.Explain). Shared and append-only:
	// read it, never write to it. Nil when the population or the campaign
	// is too large to log (MaxLogAgents, MaxLogImpressions).
	Log []sim.Impression
}

// MaxHistory bounds the opinions the controller keeps for the target
// view's "opinion over time": agents × (steps+1) × arms floats (32 M
// floats is 128 MB; the default scenario needs 1.2 M).
const MaxHistory = 32 << 20

// MaxLogAgents is the largest population whose every impression the
// controller logs for the target view (about 40 bytes per impression).
const MaxLogAgents = 200_000

// MaxLogImpressions bounds the impressions the controller logs (budget ×
// steps of the shown arm): 5 M is about 200 MB. The default scenario
// buys 0.12 M.
const MaxLogImpressions = 5_000_000

// LogsImpressions reports whether the controller logs every impression
// of a run of cfg on n people: every campaign arm's (so that any arm can
// be shown), within MaxLogAgents and MaxLogImpressions.
func LogsImpressions(cfg sim.Config, n int) bool {
	arms := max(1, len(cfg.Arms)-1)
	return n <= MaxLogAgents && float64(cfg.Campaign.Budget)*float64(cfg.Steps)*float64(arms) <= MaxLogImpressions
}

// DefaultShownArm is the arm the population and target views show at
// first: the last arm that tries to persuade (not the control, not a
// demobiliser, whose ads move turnout rather than opinion), else the last.
func DefaultShownArm(cfg sim.Config) int {
	for k := len(cfg.Arms) - 1; k > 0; k-- {
		if s := cfg.Arms[k].Strategy; !sim.IsControl(s) && s != "demobilise" {
			return k
		}
	}
	return max(0, len(cfg.Arms)-1)
}

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

	cmds    chan command
	stop    chan struct{}
	done    chan struct{}
	delayMu sync.Mutex
	delay   time.Duration
	once    sync.Once
	reps    int
	shown   atomic.Int32 // the arm the views show
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

// SetReplications sets how many replications run side by side (1 …
// MaxReplications); call before Start.
func (c *Controller) SetReplications(n int) { c.reps = max(1, min(n, MaxReplications)) }

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

// loop is the controller goroutine.
func (c *Controller) loop() {
	defer close(c.done)
	run, err := sim.NewRun(c.cfg, c.seed, c.workers)
	if err != nil {
		if c.fail != nil {
			c.fail(err)
		}
		<-c.stop
		return
	}
	// The other replications, each on its own world (built after step 0
	// of the first is on screen, so the first frame is not delayed).
	var extra []*sim.Run
	buildExtra := func() error {
		for r := 1; r < c.reps; r++ {
			x, err := sim.NewRun(c.cfg, batch.RepSeed(c.seed, r), c.workers)
			if err != nil {
				return err
			}
			extra = append(extra, x)
		}
		return nil
	}
	playing := false
	// history[k][t] is arm k's opinions after step t, for every arm, so
	// that any arm can be shown with its past.
	var history [][][]float32
	keepHistory := run.World.Pop.N*(c.cfg.Steps+1)*len(run.Arms) <= MaxHistory
	prepare := func() {
		history = make([][][]float32, len(run.Arms))
		if LogsImpressions(c.cfg, run.World.Pop.N) {
			run.EnableLog(nil)
			if len(run.Arms) > 1 {
				run.Arms[0].DisableLog() // the control arm sees no ads
			}
		}
	}
	prepare()
	publish := func() {
		s := Snapshot{
			Result: run.Result(), T: run.T, Steps: c.cfg.Steps,
			Playing: playing, Done: run.Done(), World: run.World,
		}
		for _, x := range extra {
			s.Replicas = append(s.Replicas, x.Result())
		}
		if n := len(run.Arms); n > 0 {
			k := min(int(c.shown.Load()), n-1)
			a := run.Arms[k]
			s.Arm, s.ArmIndex = a.Name, k
			s.Opinions = append([]float32(nil), a.State.Opinion...)
			s.Converted = append([]bool(nil), a.State.Converted...)
			s.Impressions = append([]int32(nil), a.State.Impressions...)
			s.Control = append([]float32(nil), run.Arms[0].State.Opinion...)
			s.Log = a.LogView()
			if keepHistory {
				// One row per arm and step, never written again.
				for j, b := range run.Arms {
					for len(history[j]) <= run.T {
						row := s.Opinions
						if j != k {
							row = append([]float32(nil), b.State.Opinion...)
						}
						history[j] = append(history[j], row)
					}
				}
				s.History = history[k][:len(history[k]):len(history[k])]
			}
		}
		c.publish(s)
	}
	restart := func() {
		r, err := sim.NewRunOn(run.World, c.workers)
		if err != nil { // cannot happen: the same world built fine
			if c.fail != nil {
				c.fail(err)
			}
			return
		}
		run = r
		prepare()
		for i, x := range extra {
			if extra[i], err = sim.NewRunOn(x.World, c.workers); err != nil && c.fail != nil {
				c.fail(err)
			}
		}
	}
	publish()
	firstFrameWait() // a browser draws step 0 before the replicas are built (web_js.go)
	if err := buildExtra(); err != nil {
		if c.fail != nil {
			c.fail(err)
		}
		extra = nil
	}
	if len(extra) > 0 {
		publish()
	}

	step := func() {
		run.Step()
		for _, x := range extra {
			x.Step()
		}
	}
	var next <-chan time.Time // fires when the next step is due, while playing
	play := func() {
		if run.Done() {
			restart()
		}
		playing = !run.Done()
		if playing {
			next = time.After(0)
		}
	}
	pause := func() { playing, next = false, nil }

	for {
		select {
		case <-c.stop:
			return
		case cmd := <-c.cmds:
			switch cmd {
			case cmdPlay:
				play()
			case cmdPause:
				pause()
			case cmdToggle:
				if playing {
					pause()
				} else {
					play()
				}
			case cmdStep:
				pause()
				if !run.Done() {
					step()
				}
			case cmdReset:
				pause()
				restart()
			}
			publish()
		case <-next:
			start := time.Now()
			step()
			if run.Done() {
				pause()
			} else {
				next = time.After(max(minStepDelay, c.stepDelay()-time.Since(start)))
			}
			publish()
		}
	}
}
