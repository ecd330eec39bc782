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
// 2, 3 and 7 workers (parallel kernels, arms in parallel) gives
// bit-identical series and final opinions.
func TestRunBitIdenticalAcrossWorkers(t *testing.T) {
	for _, model := range influence.Names() {
		t.Run(model, func(t *testing.T) {
			c := targetedConfig()
			c.Influence.Model = model
			c.Arms = allStrategyArms()
			one := runWith(t, c, 5, 1, profiled(0.4, 0.7))
			for _, workers := range []int{2, 3, 7} {
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

// Every influence model, one and two arms on 3.5 metrics blocks of agents:
// the workers that the arms leave free run inside the arm (influence,
// metrics, lifts), and 1, 2, 3 and 7 workers give the same bits.
func TestIntraArmBitIdenticalAcrossWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("larger populations")
	}
	for _, model := range influence.Names() {
		t.Run(model, func(t *testing.T) {
			c := smallConfig()
			c.Population.Size = 3*metricsBlock + metricsBlock/2
			c.Steps = 3
			c.Campaign.Budget = 5000
			c.Response.BaselineHazard = 0.01
			c.Data.QuizShare = 0
			c.Influence.Model = model
			for _, arms := range [][]ArmConfig{
				{{Name: "control", Strategy: "none"}},
				{{Name: "control", Strategy: "none"}, {Name: "broadcast", Strategy: "broadcast"}},
			} {
				c.Arms = arms
				one := runWith(t, c, 9, 1, nil)
				for _, workers := range []int{2, 3, 7} {
					par := runWith(t, c, 9, workers, nil)
					for i, a := range one.Arms {
						b := par.Arms[i]
						if !seriesEqual(a.Series, b.Series) || !sameBits(a.State.Opinion, b.State.Opinion) {
							t.Errorf("%d arm(s), %s: run differs between 1 and %d workers", len(arms), a.Name, workers)
						}
					}
				}
				if last := one.Arms[0].Series[c.Steps]; last.Conversions == 0 {
					t.Errorf("%d arm(s): no conversions, the test tests little", len(arms))
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
		if a.Times.Plan <= 0 || a.Times.Response <= 0 || a.Times.Influence <= 0 {
			t.Errorf("%s: a phase was not timed: %+v", a.Name, *a.Times)
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

// TestScanArmMatchesSerialMetrics: the one-pass, block-parallel metrics
// scan gives the serial definitions (histogram and Gini exactly, moments
// and votes up to rounding), and the same bits for any number of workers.
func TestScanArmMatchesSerialMetrics(t *testing.T) {
	const n = 3*metricsBlock + 1234 // blocks of unequal size
	s := &ArmState{Opinion: make([]float32, n), Turnout: make([]float32, n), Impressions: make([]int32, n)}
	for i := range n {
		s.Opinion[i] = 2*float32(rng.Float64(2, rng.Opinion, uint64(i), 0, 0)) - 1 + 0.3
		s.Turnout[i] = float32(rng.Float64(2, rng.Opinion, uint64(i), 0, 1))
		s.Impressions[i] = int32(rng.Uint64(2, rng.Exposure, uint64(i), 0, 0) % uint64(1+i%40))
		s.Totals.Impressions += int64(s.Impressions[i])
	}
	a := scanArm(s, 1, 1)
	mean, sd := serialMeanSD(s.Opinion)
	if math.Abs(a.mean-mean) > 1e-12 || math.Abs(a.sd()-sd) > 1e-12 {
		t.Errorf("mean, sd = %v, %v; serial %v, %v", a.mean, a.sd(), mean, sd)
	}
	if got, want := a.meanAbsDifference(), meanAbsDifference(s.Opinion); got != want {
		t.Errorf("polarisation %v, serial %v", got, want)
	}
	if got, want := a.gini(), giniCounts(s.Impressions); got != want || want == 0 {
		t.Errorf("exposure Gini %v, serial %v", got, want)
	}
	to, vs := a.turnoutAndVoteShare()
	to0, vs0 := turnoutAndVoteShare(s, 1)
	if math.Abs(to-to0) > 1e-12 || math.Abs(vs-vs0) > 1e-12 {
		t.Errorf("turnout, vote share = %v, %v; serial %v, %v", to, vs, to0, vs0)
	}
	for _, workers := range []int{2, 3, 7} {
		if b := scanArm(s, 1, workers); b.mean != a.mean || b.m2 != a.m2 || b.votes != a.votes || b.ours != a.ours || b.gini() != a.gini() {
			t.Errorf("%d workers: scan differs from 1 worker", workers)
		}
	}
}

// serialMeanSD is the mean and population sd of x in two plain passes: the
// reference the one-pass block scan (scanArm) must match, and the
// separate-passes baseline of BenchmarkScanArm.
func serialMeanSD(x []float32) (mean, sd float64) {
	var sum, ss float64
	for _, v := range x {
		sum += float64(v)
	}
	mean = sum / float64(len(x))
	for _, v := range x {
		ss += (float64(v) - mean) * (float64(v) - mean)
	}
	return mean, math.Sqrt(ss / float64(len(x)))
}
