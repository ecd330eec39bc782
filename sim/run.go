package sim

import (
	"fmt"
	"sync"
	"time"

	"boomerang/sim/influence"
)

// Arm is one arm of a run: a strategy acting on its own twin of the world.
type Arm struct {
	Name      string
	Strategy  Strategy
	State     *ArmState
	Influence influence.Model
	Series    []Metrics // one row per step, from step 0
	// Times, when not nil, accumulates the wall time of each phase of this
	// arm's steps (boomerang-cli bench). Nil in normal runs: no clock reads.
	Times *StepTimes
	plan  Plan
}

// StepTimes is the wall time an arm spent in each phase of its steps.
type StepTimes struct {
	Plan      time.Duration // frequency-cap bookkeeping and the strategy's plan
	Response  time.Duration // clicks, opinion change, conversions
	Influence time.Duration // social influence
	Steps     int           // steps timed
}

// Run is one replication: one World and its arms, advanced in lockstep.
type Run struct {
	World   *World
	Arms    []*Arm
	Control int // index of the control arm (strategy none), or −1
	T       int // steps done so far
	workers int
}

// NewRun builds the world for seed and its arms, and records step 0.
// workers bounds the goroutines used; it never changes the results.
func NewRun(cfg Config, seed uint64, workers int) (*Run, error) {
	w, err := BuildWorld(cfg, seed, workers)
	if err != nil {
		return nil, err
	}
	return NewRunOn(w, workers)
}

// NewRunOn starts a run on an existing world (e.g. to rerun arms on the
// same population without rebuilding it).
func NewRunOn(w *World, workers int) (*Run, error) {
	r := &Run{World: w, Control: -1, workers: max(workers, 1)}
	w.refreshRules() // regulation.go: compiles the rules if the profiles were replaced
	for _, ac := range w.Config.Arms {
		st, err := NewStrategy(ac)
		if err != nil {
			return nil, fmt.Errorf("arms %q: %w", ac.Name, err)
		}
		state := newArmState(w)
		inf, err := influence.New(w.Config.Influence, influence.Setup{
			Graph: w.Graph, Initial: w.Prejudice, Seed: w.Seed, Workers: r.workers,
		})
		if err != nil {
			return nil, err
		}
		if IsControl(ac.Strategy) && r.Control < 0 {
			r.Control = len(r.Arms)
		}
		r.Arms = append(r.Arms, &Arm{Name: ac.Name, Strategy: st, State: state, Influence: inf})
	}
	r.record(0)
	return r, nil
}

// Done reports whether the configured number of steps has been run.
func (r *Run) Done() bool { return r.T >= r.World.Config.Steps }

// Step advances every arm by one step. Arms are independent, so they run
// concurrently; each arm's result is the same as if run alone.
func (r *Run) Step() {
	r.T++
	t := r.T
	r.eachArm(func(a *Arm) { a.step(t, r.World) })
	r.record(t)
}

// RunToEnd steps until Done.
func (r *Run) RunToEnd() {
	for !r.Done() {
		r.Step()
	}
}

// step is one step of one arm: plan, respond, influence. Metrics are
// recorded by the run once every arm has stepped.
func (a *Arm) step(t int, w *World) {
	clock := a.Times.start()
	a.plan.Exposures = a.plan.Exposures[:0]
	a.State.rules.sync(t, w)                // regulation_frequency.go: start the frequency-cap period
	a.Strategy.Plan(t, w, a.State, &a.plan) // who sees which message, and why
	clock = a.Times.lap(clock, phasePlan)
	respond(t, w, a.State, &a.plan) // clicks, opinion change, conversions
	clock = a.Times.lap(clock, phaseResponse)
	a.Influence.Step(t, a.State.Opinion) // social dynamics
	a.Times.lap(clock, phaseInfluence)
}

// phase names a phase of Arm.step for StepTimes.lap.
type phase int

// The phases of a step, in order.
const (
	phasePlan phase = iota
	phaseResponse
	phaseInfluence // the last: lap counts the step
)

// start is the clock at the start of a step: the time now, or the zero
// time on a nil StepTimes (a normal run reads no clock).
func (st *StepTimes) start() time.Time {
	if st == nil {
		return time.Time{}
	}
	return time.Now()
}

// lap adds the time since "since" to phase p and returns the time now;
// after the last phase it counts the step. On a nil StepTimes it does
// nothing and reads no clock.
func (st *StepTimes) lap(since time.Time, p phase) time.Time {
	if st == nil {
		return time.Time{}
	}
	now := time.Now()
	d := now.Sub(since)
	switch p {
	case phasePlan:
		st.Plan += d
	case phaseResponse:
		st.Response += d
	case phaseInfluence:
		st.Influence += d
		st.Steps++
	}
	return now
}

// record appends step t's metrics to every arm, then the comparisons with
// the control arm.
func (r *Run) record(t int) {
	inner := r.innerWorkers()
	r.eachArm(func(a *Arm) { a.Series = append(a.Series, measure(t, r.World, a.State, inner)) })
	if r.Control < 0 {
		for _, a := range r.Arms {
			m := &a.Series[t]
			m.ShiftVsControl = nan()
			m.VoteShareVsControl = nan()
			m.NaiveLift, m.CausalLift = nan(), nan()
		}
		return
	}
	cs := r.Arms[r.Control].State
	r.eachArm(func(a *Arm) {
		m := &a.Series[t]
		m.NaiveLift, m.CausalLift = lifts(a.State, cs, inner)
	})
	c := r.Arms[r.Control].Series[t]
	for _, a := range r.Arms {
		m := &a.Series[t]
		m.ShiftVsControl = m.MeanOpinion - c.MeanOpinion
		m.VoteShareVsControl = m.VoteShare - c.VoteShare
		m.ConversionsVsControl = m.Conversions - c.Conversions
		if m.ConversionsVsControl > 0 {
			m.CostPerConversion = m.Spend / float64(m.ConversionsVsControl)
		}
	}
}

// innerWorkers is how many goroutines each arm's metrics and lifts may
// use: the run's workers shared out over the arms, which already run
// concurrently, so a one-arm run uses every worker inside its arm (the
// synchronous influence kernels split over all workers themselves).
// Results never depend on it.
func (r *Run) innerWorkers() int {
	return max(1, r.workers/max(1, len(r.Arms)))
}

// eachArm runs f on every arm, concurrently when the run has workers to spare.
func (r *Run) eachArm(f func(*Arm)) {
	if r.workers <= 1 || len(r.Arms) == 1 {
		for _, a := range r.Arms {
			f(a)
		}
		return
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, r.workers)
	for _, a := range r.Arms {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			f(a)
		}()
	}
	wg.Wait()
}
