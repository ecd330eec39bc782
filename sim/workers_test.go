package sim

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"boomerang/sim/influence"
	"boomerang/sim/rng"
)

// sameBits compares two opinion vectors bit for bit.
func sameBits(a, b []float32) bool {
	return slices.EqualFunc(a, b, func(x, y float32) bool { return math.Float32bits(x) == math.Float32bits(y) })
}

// Every influence model × every strategy: a full run with 1 worker and with
// 2 and 3 workers (parallel kernels, arms in parallel) gives bit-identical
// series and final opinions.
func TestRunBitIdenticalAcrossWorkers(t *testing.T) {
	for _, model := range influence.Names() {
		t.Run(model, func(t *testing.T) {
			c := targetedConfig()
			c.Influence.Model = model
			c.Arms = allStrategyArms()
			one := runWith(t, c, 5, 1, profiled(0.4, 0.7))
			for _, workers := range []int{2, 3} {
				par := runWith(t, c, 5, workers, profiled(0.4, 0.7))
				for i, a := range one.Arms {
					b := par.Arms[i]
					if !seriesEqual(a.Series, b.Series) {
						t.Errorf("%s, %s: series differ between 1 and %d workers", model, a.Name, workers)
					}
					if !sameBits(a.State.Opinion, b.State.Opinion) {
						t.Errorf("%s, %s: final opinions differ between 1 and %d workers", model, a.Name, workers)
					}
				}
			}
		})
	}
}

// The world with trained inference (quiz, SVD, regressions, inference,
// burn-in) is bit-identical for 1 and 2 workers, and so is a run on it.
func TestWorldBitIdenticalAcrossWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two worlds with trained inference")
	}
	c := DefaultConfig()
	c.Population.Size = 20_000 // 0.3 % quiz: 60 quiz takers, enough to train
	c.Steps = 4
	c.Campaign.Budget = 2000
	c.Arms = allStrategyArms()
	w1, err := BuildWorld(c, 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	w2, err := BuildWorld(c, 3, 2)
	if err != nil {
		t.Fatal(err)
	}
	if w1.Footprint.Model == nil {
		t.Fatal("no inference model trained")
	}
	if !sameBits(w1.Initial, w2.Initial) {
		t.Error("initial opinions differ between 1 and 2 workers")
	}
	if !slices.Equal(w1.Graph.Offsets, w2.Graph.Offsets) || !slices.Equal(w1.Graph.Adj, w2.Graph.Adj) {
		t.Error("networks differ between 1 and 2 workers")
	}
	for a := Attr(0); a < NumAttrs; a++ {
		if !sameBits(w1.Profiles.Inferred[a], w2.Profiles.Inferred[a]) {
			t.Errorf("inferred %v differs between 1 and 2 workers", a)
		}
	}
	if fmt.Sprint(w1.Footprint.Accuracy) != fmt.Sprint(w2.Footprint.Accuracy) {
		t.Error("accuracy report differs between 1 and 2 workers")
	}
	r1, err := NewRunOn(w1, 1)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := NewRunOn(w2, 2)
	if err != nil {
		t.Fatal(err)
	}
	r1.RunToEnd()
	r2.RunToEnd()
	for i := range r1.Arms {
		if !seriesEqual(r1.Arms[i].Series, r2.Arms[i].Series) || !sameBits(r1.Arms[i].State.Opinion, r2.Arms[i].State.Opinion) {
			t.Errorf("%s: run differs between 1 and 2 workers", r1.Arms[i].Name)
		}
	}
}

// Timing the phases of a step (Arm.Times, boomerang-cli bench) changes
// nothing in the results.
func TestTimedStepSameResults(t *testing.T) {
	c := targetedConfig()
	c.Arms = allStrategyArms()
	plain := runWith(t, c, 7, 2, profiled(0.4, 0.7))
	r := newRunWith(t, c, 7, 2, profiled(0.4, 0.7))
	for _, a := range r.Arms {
		a.Times = &StepTimes{}
	}
	r.RunToEnd()
	for i, a := range r.Arms {
		if a.Times.Steps != c.Steps {
			t.Errorf("%s: %d steps timed, want %d", a.Name, a.Times.Steps, c.Steps)
		}
		if !seriesEqual(a.Series, plain.Arms[i].Series) || !sameBits(a.State.Opinion, plain.Arms[i].State.Opinion) {
			t.Errorf("%s: timed run differs", a.Name)
		}
	}
}

// turnoutAndVoteShare (branch-free) sums exactly what the plain switch
// summed, bit for bit, including neutral and NaN opinions.
func TestTurnoutAndVoteShareBitIdentical(t *testing.T) {
	ref := func(s *ArmState, stance float64) (float64, float64) {
		var votes, ours float64
		for i, p := range s.Turnout {
			pv := float64(p)
			votes += pv
			switch x := stance * float64(s.Opinion[i]); {
			case x > 0:
				ours += pv
			case x == 0:
				ours += pv / 2
			}
		}
		if len(s.Turnout) == 0 || votes == 0 {
			return 0, 0
		}
		return votes / float64(len(s.Turnout)), ours / votes
	}
	const n = 10_007
	s := &ArmState{Opinion: make([]float32, n), Turnout: make([]float32, n)}
	for i := range n {
		u := float32(rng.Float64(1, rng.Opinion, uint64(i), 0, 0))
		s.Turnout[i] = u
		switch i % 7 {
		case 0:
			s.Opinion[i] = 0
		case 1:
			s.Opinion[i] = float32(math.NaN())
		default:
			s.Opinion[i] = 2*float32(rng.Float64(1, rng.Opinion, uint64(i), 0, 1)) - 1
		}
	}
	for _, stance := range []float64{1, -1, 0.5, 0} {
		t1, s1 := turnoutAndVoteShare(s, stance)
		t2, s2 := ref(s, stance)
		if math.Float64bits(t1) != math.Float64bits(t2) || math.Float64bits(s1) != math.Float64bits(s2) {
			t.Errorf("stance %v: got (%v, %v), want (%v, %v)", stance, t1, s1, t2, s2)
		}
	}
}

func TestVoteClass(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		x    float64
		want uint64
	}{
		{0, 1}, {math.Copysign(0, -1), 1}, {5e-324, 2}, {-5e-324, 0}, {1, 2}, {-1, 0},
		{math.Inf(1), 2}, {math.Inf(-1), 0}, {nan, 0}, {-nan, 0}, {math.Float64frombits(0x7FF0000000000001), 0},
	} {
		if got := voteClass(c.x); got != c.want {
			t.Errorf("voteClass(%v) = %d, want %d", c.x, got, c.want)
		}
	}
}
