package ui

import (
	"sync"
	"time"

	"boomerang/sim"
)

// DefaultStepDelay is the pace of Play: the time one step takes on
// screen at least, so that a student can watch the arms drift apart
// (60 steps ≈ 6 seconds).
const DefaultStepDelay = 100 * time.Millisecond

// Snapshot is the state of the simulation the controller hands to the
// UI after every change. It is a copy: the UI may keep it.
type Snapshot struct {
	Result  sim.Result // the series so far, from step 0
	T       int        // steps done
	Steps   int        // steps in the scenario
	Playing bool       // the controller is stepping on its own
	Done    bool       // T == Steps

	// The population view's data: the shared world and a copy of the
	// opinions and conversions of one arm (the last, usually the most
	// targeted), named Arm.
	World     *sim.World
	Arm       string
	Opinions  []float32
	Converted []bool
}

// command is a request from the UI to the controller goroutine.
type command int

const (
	cmdPlay command = iota
	cmdPause
	cmdToggle
	cmdStep
	cmdReset
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
}

// NewController prepares a controller for one replication of cfg with the
// given seed; workers bounds the goroutines a step uses. fail is called
// (from the controller goroutine) if the run cannot be built. Call Start
// to begin.
func NewController(cfg sim.Config, seed uint64, workers int, publish func(Snapshot), fail func(error)) *Controller {
	return &Controller{
		cfg: cfg, seed: seed, workers: max(workers, 1),
		publish: publish, fail: fail,
		cmds:  make(chan command, 64),
		stop:  make(chan struct{}),
		done:  make(chan struct{}),
		delay: DefaultStepDelay,
	}
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
	playing := false
	publish := func() {
		s := Snapshot{
			Result: run.Result(), T: run.T, Steps: c.cfg.Steps,
			Playing: playing, Done: run.Done(), World: run.World,
		}
		if n := len(run.Arms); n > 0 {
			a := run.Arms[n-1]
			s.Arm = a.Name
			s.Opinions = append([]float32(nil), a.State.Opinion...)
			s.Converted = append([]bool(nil), a.State.Converted...)
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
	}
	publish()

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
					run.Step()
				}
			case cmdReset:
				pause()
				restart()
			}
			publish()
		case <-next:
			start := time.Now()
			run.Step()
			if run.Done() {
				pause()
			} else {
				next = time.After(max(0, c.stepDelay()-time.Since(start)))
			}
			publish()
		}
	}
}
