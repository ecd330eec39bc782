package sim

import (
	"math"
	"testing"
)

func smallConfig() Config {
	c := DefaultConfig()
	c.Population.Size = 2000
	c.Data.QuizShare = 0 // too few people to train the inference model
	c.Steps = 15
	c.Campaign.Budget = 400
	return c
}

func run(t *testing.T, c Config, seed uint64, workers int) Result {
	t.Helper()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	r, err := NewRun(c, seed, workers)
	if err != nil {
		t.Fatal(err)
	}
	r.RunToEnd()
	return r.Result()
}

// Twins: two arms with the same strategy see the same people, draw the same
// numbers and end identical.
func TestTwinArmsWithSameStrategyAreIdentical(t *testing.T) {
	c := smallConfig()
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "a", Strategy: "broadcast"}, {Name: "b", Strategy: "broadcast"}}
	res := run(t, c, 11, 2)
	if !seriesEqual(res.Arms[1].Series, res.Arms[2].Series) {
		t.Fatal("two broadcast arms on twin worlds differ")
	}
	last := res.Arms[1].Series[c.Steps]
	if last.Impressions != int64(c.Steps*c.Campaign.Budget) {
		t.Fatalf("impressions = %d, want %d", last.Impressions, c.Steps*c.Campaign.Budget)
	}
}

// The control arm does not depend on which other arms run beside it.
func TestControlUnaffectedByOtherArms(t *testing.T) {
	c := smallConfig()
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}}
	alone := run(t, c, 5, 1)
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "broadcast", Strategy: "broadcast"}}
	both := run(t, c, 5, 2)
	if !seriesEqual(alone.Arms[0].Series, both.Arms[0].Series) {
		t.Fatal("control arm changed when a broadcast arm was added")
	}
}

// A campaign with stance +1 raises opinion and conversions above control,
// and the shift is small (Coppock et al. 2020: single ads move little).
func TestBroadcastMovesOpinionUpALittle(t *testing.T) {
	c := smallConfig()
	c.Steps = 30
	res := run(t, c, 3, 2)
	last := res.Arms[1].Series[c.Steps]
	if !(last.ShiftVsControl > 0) {
		t.Fatalf("shift vs control = %v, want > 0", last.ShiftVsControl)
	}
	if last.ShiftVsControl > 0.1 {
		t.Fatalf("shift vs control = %v: implausibly large for %.1f impressions per person", last.ShiftVsControl,
			float64(last.Impressions)/float64(c.Population.Size))
	}
	if last.ConversionsVsControl <= 0 {
		t.Fatalf("conversions vs control = %d, want > 0", last.ConversionsVsControl)
	}
	ctrl := res.Arms[0].Series[c.Steps]
	if ctrl.Impressions != 0 || ctrl.ShiftVsControl != 0 || ctrl.Reach != 0 {
		t.Fatalf("control arm has campaign activity: %+v", ctrl)
	}
	if last.CTR < 0.004 || last.CTR > 0.015 {
		t.Fatalf("CTR %.4f far from the calibrated 0.9 %%", last.CTR)
	}
	if last.AttributesPerImpression != 0 || last.SensitiveShare != 0 {
		t.Fatal("broadcast must use no personal data")
	}
}

func TestResultsIndependentOfWorkers(t *testing.T) {
	c := smallConfig()
	for _, model := range []string{"friedkin-johnsen", "deffuant", "hegselmann-krause", "voter"} {
		c.Influence.Model = model
		a := run(t, c, 9, 1)
		b := run(t, c, 9, 4)
		for i := range a.Arms {
			if !seriesEqual(a.Arms[i].Series, b.Arms[i].Series) {
				t.Fatalf("%s: results differ between 1 and 4 workers", model)
			}
		}
	}
}

func TestMetricsHelpers(t *testing.T) {
	if g := giniCounts([]int32{0, 0, 0, 4}); math.Abs(g-0.75) > 1e-12 {
		t.Errorf("gini of (0,0,0,4) = %v, want 0.75", g)
	}
	if g := giniCounts([]int32{2, 2, 2}); g != 0 {
		t.Errorf("gini of equal counts = %v", g)
	}
	x := make([]float32, 100000)
	for i := range x {
		x[i] = float32(-1 + 2*(float64(i)+0.5)/float64(len(x)))
	}
	if p := meanAbsDifference(x); math.Abs(p-2.0/3) > 0.01 {
		t.Errorf("mean |xi-xj| for uniform = %v, want 2/3", p)
	}
	two := []float32{-1, 1}
	if p := meanAbsDifference(two); math.Abs(p-2) > 0.02 {
		t.Errorf("polarisation of {-1,1} = %v, want 2", p)
	}
}

func seriesEqual(a, b []Metrics) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !metricsEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

// metricsEqual compares rows treating NaN as equal to NaN.
func metricsEqual(a, b Metrics) bool {
	for _, c := range MetricColumns() {
		x, y := c.Value(&a), c.Value(&b)
		if x != y && !(math.IsNaN(x) && math.IsNaN(y)) {
			return false
		}
	}
	return a.Step == b.Step
}
