package batch

import (
	"context"
	"errors"
	"math"
	"os"
	"runtime"
	"testing"
	"time"

	"boomerang/sim"
)

// tradeoffBase is a small scenario with an inference model (trained on
// the platform's users, whatever the population's size), so that the
// targeting strategies have profiles to use.
func tradeoffBase() sim.Config {
	c := sim.DefaultConfig()
	c.Population.Size = 1600
	c.Steps = 6
	c.Campaign.Budget = 400
	c.Campaign.PilotSteps = 2
	c.Opinion.BurnIn = 0
	return c
}

func smallTradeoff(workers int) TradeoffOptions {
	return TradeoffOptions{Base: tradeoffBase(), Reps: 2, Population: 800, Workers: workers}
}

func sameStat(a, b Stat) bool {
	eq := func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }
	return eq(a.Mean, b.Mean) && eq(a.SD, b.SD) && eq(a.Lo, b.Lo) && eq(a.Hi, b.Hi) && a.N == b.N &&
		eq(a.Diff, b.Diff) && eq(a.DiffLo, b.DiffLo) && eq(a.DiffHi, b.DiffHi)
}

func TestTradeoffGrid(t *testing.T) {
	t.Chdir(t.TempDir()) // it must write nothing: checked below
	var last TradeoffProgress
	calls := 0
	opt := smallTradeoff(2)
	opt.OnProgress = func(p TradeoffProgress) { last = p; calls++ }
	res, err := Tradeoff(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("Tradeoff wrote %d files", len(entries))
	}
	nS, nR := len(TradeoffStrategies()), len(RegulationPresets())
	if len(res.Cells) != nS*nR {
		t.Fatalf("%d cells, want %d", len(res.Cells), nS*nR)
	}
	if last.CellsDone != nS*nR || last.Cells != nS*nR || last.StepsDone != last.Steps || last.Steps != nR*2*6 {
		t.Errorf("last progress %+v", last)
	}
	if calls < last.Steps {
		t.Errorf("%d progress calls for %d steps", calls, last.Steps)
	}
	if res.Population != 800 || res.Reps != 2 {
		t.Errorf("population %d reps %d", res.Population, res.Reps)
	}
	eff, intr := EffectivenessMeasures()[0], IntrusionMeasures()
	for i, c := range res.Cells {
		if c.Strategy != TradeoffStrategies()[i%nS] || c.Regulation.Key != RegulationPresets()[i/nS].Key {
			t.Errorf("cell %d is %s/%s", i, c.Strategy, c.Regulation.Key)
		}
		if st := c.Stats[sim.MetricIndex("impressions")]; st.N != 2 || st.Mean <= 0 {
			t.Errorf("%s: impressions %+v", c.Label(), st)
		}
		if v := c.Value(eff); math.IsNaN(v.Mean) || math.IsNaN(v.Lo) {
			t.Errorf("%s: effectiveness %+v", c.Label(), v)
		}
		// Broadcast uses no personal data under any rules.
		if c.Strategy == "broadcast" && c.Value(intr[0]).Mean != 0 {
			t.Errorf("%s uses %v attributes per impression", c.Label(), c.Value(intr[0]).Mean)
		}
		// Under the ban nothing sensitive is used.
		if c.Regulation.SpecialCategoriesBan && c.Value(intr[1]).Mean != 0 {
			t.Errorf("%s: sensitive share %v under the ban", c.Label(), c.Value(intr[1]).Mean)
		}
	}
	// Demographic segments use declared data when nothing forbids it, and
	// separate consent (column 2) changes whom it may reach.
	demo, demoConsent := res.Cells[1], res.Cells[2*nS+1]
	if demo.Strategy != "demographic" || demo.Value(intr[0]).Mean <= 0 {
		t.Errorf("unregulated demographic: %v attributes per impression", demo.Value(intr[0]).Mean)
	}
	if sameStat(demo.Stats[sim.MetricIndex("conversions")], demoConsent.Stats[sim.MetricIndex("conversions")]) &&
		sameStat(demo.Stats[sim.MetricIndex("reach")], demoConsent.Stats[sim.MetricIndex("reach")]) {
		t.Error("separate consent changed nothing for demographic: the preset was not applied")
	}
	psych := res.Cells[2]
	// Per 1,000 people: the count scaled by 1000/N.
	raw := psych.Stats[sim.MetricIndex("conversions_vs_control")].Mean
	if got := psych.Value(eff).Mean; math.Abs(got-raw*1000/800) > 1e-9 {
		t.Errorf("per thousand %v, raw %v", got, raw)
	}
	fr := res.Frontier(eff, intr[0])
	if len(fr) != len(res.Cells) {
		t.Fatalf("frontier of %d", len(fr))
	}
	// The least intrusive among the most effective is always on it.
	best := 0
	for i, c := range res.Cells {
		if c.Value(eff).Mean > res.Cells[best].Value(eff).Mean {
			best = i
		}
	}
	if !fr[best] {
		t.Errorf("the most effective cell %s is not on the frontier", res.Cells[best].Label())
	}
}

func TestTradeoffDeterministicForAnyWorkers(t *testing.T) {
	a, err := Tradeoff(context.Background(), smallTradeoff(1))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Tradeoff(context.Background(), smallTradeoff(3))
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Cells {
		for m := range a.Cells[i].Stats {
			if !sameStat(a.Cells[i].Stats[m], b.Cells[i].Stats[m]) {
				t.Fatalf("%s, %s: %+v with 1 worker, %+v with 3", a.Cells[i].Label(),
					sim.MetricColumns()[m].Name, a.Cells[i].Stats[m], b.Cells[i].Stats[m])
			}
		}
	}
}

func TestTradeoffCancel(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opt := smallTradeoff(2)
	opt.Base.Steps = 200 // long enough that it cannot finish by accident
	var cancelledAt time.Time
	progressAfter := 0
	opt.OnProgress = func(p TradeoffProgress) {
		if p.StepsDone > 0 && cancelledAt.IsZero() {
			cancelledAt = time.Now()
			cancel()
		} else if !cancelledAt.IsZero() && time.Since(cancelledAt) > 200*time.Millisecond {
			progressAfter++
		}
	}
	res, err := Tradeoff(ctx, opt)
	took := time.Since(cancelledAt)
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Fatalf("got %v, %v; want context.Canceled", res, err)
	}
	if took > 2*time.Second {
		t.Errorf("returned %v after the cancel", took)
	}
	if progressAfter > 0 {
		t.Errorf("%d progress calls long after the cancel", progressAfter)
	}
	// No goroutine is left running.
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines before, %d after", before, n)
	}
}

func TestPareto(t *testing.T) {
	// eff (max) vs intr (min). a (1,0) b (2,1) c (1.5,2) dominated by b,
	// d (3,3), e (3,4) dominated by d, f NaN, g = b (ties stay).
	eff := []float64{1, 2, 1.5, 3, 3, math.NaN(), 2}
	intr := []float64{0, 1, 2, 3, 4, 0, 1}
	want := []bool{true, true, false, true, false, false, true}
	got := Pareto(eff, intr)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("point %d: on = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestTradeoffConfigAndReduce(t *testing.T) {
	base := tradeoffBase()
	base.Title = "Base"
	base.Arms = append(base.Arms, sim.ArmConfig{Name: "psy", Strategy: "psychographic", Attributes: []string{"openness", "ideology"}})
	reg := RegulationPresets()[3]
	c := TradeoffConfig(base, strategyArm(base, "psychographic"), reg)
	if len(c.Arms) != 2 || c.Arms[0].Strategy != "none" || c.Arms[1].Name != "psy" || len(c.Arms[1].Attributes) != 2 {
		t.Errorf("arms %+v", c.Arms)
	}
	if !c.Regulation.SpecialCategoriesBan || !c.Regulation.PoliticalConsent || !c.Regulation.TransparencyLabel {
		t.Errorf("regulation %+v", c.Regulation)
	}
	if c.Population.Size != base.Population.Size || c.Campaign.Budget != base.Campaign.Budget {
		t.Error("the cell's scenario is not full size")
	}
	if err := c.Validate(); err != nil {
		t.Error(err)
	}
	// "No rules" switches levers off that the base had on.
	base.Regulation.PoliticalConsent = true
	if c := TradeoffConfig(base, strategyArm(base, "broadcast"), RegulationPresets()[0]); c.Regulation.PoliticalConsent {
		t.Error("no rules kept political consent")
	}
	r := reduce(base, 400, 0)
	if r.Population.Size != 400 || r.Campaign.Budget != 100 {
		t.Errorf("reduced: size %d budget %d", r.Population.Size, r.Campaign.Budget)
	}
	if r.Data != base.Data {
		t.Errorf("data settings %+v after reduction, %+v before: the model is trained on the platform's users", r.Data, base.Data)
	}
	if err := r.Validate(); err != nil {
		t.Error(err)
	}
}
