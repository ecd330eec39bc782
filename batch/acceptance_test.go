package batch

import (
	"math"
	"testing"

	"boomerang/scenarios"
	"boomerang/sim"
)

// weekendRuns runs weekend-event (default size) with the CLI's replication
// seeds and returns, per arm, the last step's metrics of every replication.
func weekendRuns(t *testing.T, reps int, set func(*sim.Config)) map[string][]sim.Metrics {
	t.Helper()
	cfg, err := scenarios.Builtin("weekend-event")
	if err != nil {
		t.Fatal(err)
	}
	if set != nil {
		set(&cfg)
	}
	out := map[string][]sim.Metrics{}
	for k := range reps {
		r, err := sim.NewRun(cfg, RepSeed(cfg.Seed, k), 2)
		if err != nil {
			t.Fatal(err)
		}
		r.RunToEnd()
		for _, a := range r.Arms {
			out[a.Name] = append(out[a.Name], a.Series[len(a.Series)-1])
		}
	}
	return out
}

// pairedRatio is an arm's mean extra conversions ÷ broadcast's, with the
// 95 % interval of the paired differences divided by broadcast's mean.
func pairedRatio(arm, broadcast []sim.Metrics) (ratio, lo, hi float64) {
	n := float64(len(arm))
	var b, d, d2 float64
	for k := range arm {
		x := float64(arm[k].ConversionsVsControl - broadcast[k].ConversionsVsControl)
		b += float64(broadcast[k].ConversionsVsControl)
		d += x
		d2 += x * x
	}
	b, d = b/n, d/n
	half := 2.262 * math.Sqrt((d2/n-d*d)*n/(n-1)/n) // t(0.975, 9): for 10 replications
	return 1 + d/b, 1 + (d-half)/b, 1 + (d+half)/b
}

// Acceptance of issue 16 on weekend-event at its default size, 10
// replications (the CLI's seeds; ≈ 20 s per setting on 2 cores):
// demographic and interests sell ≥ 1.3× broadcast's extra tickets with the
// paired CI above 1; dashboards attribute ≥ 3× the conversions the
// targeted arms cause; demographic's naive lift is ≥ 5× its causal lift.
// With relevance off (response.relevance = 0) no targeted arm differs
// from broadcast beyond its CI: the mechanism is the cause.
func TestWeekendEventAcceptance(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("20 runs of weekend-event: too slow under -race / -short")
	}
	const reps = 10
	on := weekendRuns(t, reps, nil)
	for _, arm := range []string{"demographic", "interests"} {
		r, lo, hi := pairedRatio(on[arm], on["broadcast"])
		t.Logf("%s: ×%.2f broadcast's extra tickets (95 %% CI %.2f–%.2f)", arm, r, lo, hi)
		if r < 1.3 || lo <= 1 {
			t.Errorf("%s: ×%.2f (CI %.2f–%.2f), want ≥ 1.3 with the CI above 1", arm, r, lo, hi)
		}
	}
	for _, arm := range []string{"demographic", "interests", "adaptive"} {
		var att, inc float64
		for _, m := range on[arm] {
			att += float64(m.AttributedConversions)
			inc += float64(m.ConversionsVsControl)
		}
		t.Logf("%s: attributed %.1f, caused %.1f (×%.1f)", arm, att/reps, inc/reps, att/inc)
		if att < 3*inc {
			t.Errorf("%s: attributed %.0f < 3 × caused %.0f", arm, att, inc)
		}
	}
	var naive, causal float64
	for _, m := range on["demographic"] {
		naive += m.NaiveLift
		causal += m.CausalLift
	}
	t.Logf("demographic: naive lift %.3f, causal %.3f (×%.1f)", naive/reps, causal/reps, naive/causal)
	if naive < 5*causal || causal <= 0 {
		t.Errorf("demographic: naive lift %.3f not ≥ 5 × causal %.3f", naive/reps, causal/reps)
	}

	off := weekendRuns(t, reps, func(c *sim.Config) { c.Response.Relevance = 0 })
	for _, arm := range []string{"demographic", "interests", "adaptive"} {
		r, lo, hi := pairedRatio(off[arm], off["broadcast"])
		t.Logf("relevance off, %s: ×%.2f (CI %.2f–%.2f)", arm, r, lo, hi)
		if lo > 1 || hi < 1 {
			t.Errorf("relevance off, %s: ×%.2f (CI %.2f–%.2f) differs from broadcast", arm, r, lo, hi)
		}
	}
}
