package batch

import (
	"math"
	"testing"

	"boomerang/scenarios"
	"boomerang/sim"
)

// weekendRep is one replication of weekend-event, per arm: the metrics
// after every step and the lifts of the people the arm exploited.
type weekendRep struct {
	series map[string][]sim.Metrics
	heavy  map[string]heavyLift
}

// heavyLift compares the members of the cells an arm exploited (the
// segments whose reached members got at least twice the campaign's mean
// impressions per person, budget × steps ÷ N, what broadcast gives
// everyone) with everyone else: a bandit reaches nearly everyone through
// its exploration, so "reached vs not" is no targeted-vs-untargeted
// comparison for it, but the cells it moved its budget to are. Membership
// is by cell (from the segment key of each person's ads), not by how many
// ads a person got, which buyers, left out once the dashboard saw them,
// would bias. naive = their conversion rate ÷ the rest's − 1 (what an
// observer of the campaign sees); causal = their conversion rate ÷ the
// same people's in the control twin − 1.
type heavyLift struct {
	naive, causal float64
	people        int
}

// weekendRuns runs weekend-event (default size) with the CLI's replication
// seeds.
func weekendRuns(t *testing.T, reps int, set func(*sim.Config)) []weekendRep {
	t.Helper()
	cfg, err := scenarios.Builtin("weekend-event")
	if err != nil {
		t.Fatal(err)
	}
	if set != nil {
		set(&cfg)
	}
	var out []weekendRep
	for k := range reps {
		r, err := sim.NewRun(cfg, RepSeed(cfg.Seed, k), 2)
		if err != nil {
			t.Fatal(err)
		}
		cell := map[string][]int64{}               // per arm and person: the segment key of their ads, −1 for none
		cellImps := map[string]map[int64]float64{} // per arm and segment key: impressions
		for _, a := range r.Arms {
			cell[a.Name] = make([]int64, r.World.Pop.N)
			for i := range cell[a.Name] {
				cell[a.Name][i] = -1
			}
			cellImps[a.Name] = map[int64]float64{}
		}
		for !r.Done() {
			r.Step()
			for _, a := range r.Arms {
				for _, e := range a.State.Observed {
					if e.Why == sim.WhyBandit || e.Why == sim.WhySegment {
						cell[a.Name][e.Agent] = int64(e.Detail)
						cellImps[a.Name][int64(e.Detail)]++
					}
				}
			}
		}
		rep := weekendRep{series: map[string][]sim.Metrics{}, heavy: map[string]heavyLift{}}
		ctl := r.Arms[r.Control].State
		bar := 2 * float64(cfg.Campaign.Budget*cfg.Steps) / float64(cfg.Population.Size)
		for _, a := range r.Arms {
			rep.series[a.Name] = a.Series
			rep.heavy[a.Name] = heavyOf(a.State, ctl, cell[a.Name], cellImps[a.Name], bar)
		}
		out = append(out, rep)
	}
	return out
}

// heavyOf is the heavyLift of arm state s against the control twin c,
// each person's cell in cell, impressions per cell in imps.
func heavyOf(s, c *sim.ArmState, cell []int64, imps map[int64]float64, bar float64) heavyLift {
	members := map[int64]float64{}
	for _, k := range cell {
		members[k]++
	}
	var nH, cH, cHTwin, nR, cR float64
	for i, k := range cell {
		conv := b2f(s.Converted[i])
		if k >= 0 && imps[k] >= bar*members[k] {
			nH++
			cH += conv
			cHTwin += b2f(c.Converted[i])
		} else {
			nR++
			cR += conv
		}
	}
	return heavyLift{naive: cH/nH/(cR/nR) - 1, causal: cH/cHTwin - 1, people: int(nH)}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// pairedRatio is an arm's mean extra conversions gained between steps
// from and to ÷ broadcast's, with the 95 % interval of the paired
// differences divided by broadcast's mean (t for 10 replications).
func pairedRatio(reps []weekendRep, arm string, from, to int) (ratio, lo, hi float64) {
	n := float64(len(reps))
	gain := func(s []sim.Metrics) float64 {
		return float64(s[to].ConversionsVsControl - s[from].ConversionsVsControl)
	}
	var b, d, d2 float64
	for _, r := range reps {
		x := gain(r.series[arm]) - gain(r.series["broadcast"])
		b += gain(r.series["broadcast"])
		d += x
		d2 += x * x
	}
	b, d = b/n, d/n
	half := 2.262 * math.Sqrt((d2/n-d*d)*n/(n-1)/n) // t(0.975, 9): for 10 replications
	return 1 + d/b, 1 + (d-half)/b, 1 + (d+half)/b
}

// Acceptance of issue 16 on weekend-event at its default size, 10
// replications (the CLI's seeds; ≈ 15 s per setting on 2 idle cores):
// demographic and interests sell ≥ 1.3× broadcast's extra tickets with the
// paired CI above 1; dashboards attribute ≥ 3× the conversions the
// targeted arms cause; the naive lift is ≥ 5× the causal lift
// (demographic and interests: the people reached vs the rest; the bandit,
// which reaches nearly everyone: the people it exploited vs the rest).
// With relevance off (response.relevance = 0) every targeted arm equals
// broadcast within its CI: the mechanism is the cause. (Two-sided since
// the interest arm spends its whole budget when no interest predicts
// sales: before, it left the targeted budget unspent in such replications,
// up to 18 % of its impressions, and sold ×0.86–0.89 of broadcast;
// docs/VALIDATION.md.) Logged, not
// asserted, because ten replications cannot show them (docs/VALIDATION.md
// measures them at 40 and 100): the bandit over the last third, and how
// much of the interest arm's advantage consent 0.15 takes away.
func TestWeekendEventAcceptance(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("30 runs of weekend-event: too slow under -race / -short")
	}
	const reps = 10
	on := weekendRuns(t, reps, nil)
	last := len(on[0].series["broadcast"]) - 1
	for _, arm := range []string{"demographic", "interests", "adaptive"} {
		r, lo, hi := pairedRatio(on, arm, 0, last)
		t.Logf("%s: ×%.2f broadcast's extra tickets (95 %% CI %.2f–%.2f)", arm, r, lo, hi)
		if arm != "adaptive" && (r < 1.3 || lo <= 1) {
			t.Errorf("%s: ×%.2f (CI %.2f–%.2f), want ≥ 1.3 with the CI above 1", arm, r, lo, hi)
		}
		r, lo, hi = pairedRatio(on, arm, last-last/3, last)
		t.Logf("%s, last third: ×%.2f (95 %% CI %.2f–%.2f)", arm, r, lo, hi)
	}
	for _, arm := range []string{"demographic", "interests", "adaptive"} {
		var att, inc, naive, causal, hn, hc, hp float64
		for _, rep := range on {
			m := rep.series[arm][last]
			att += float64(m.AttributedConversions)
			inc += float64(m.ConversionsVsControl)
			naive += m.NaiveLift / reps
			causal += m.CausalLift / reps
			h := rep.heavy[arm]
			hn += h.naive / reps
			hc += h.causal / reps
			hp += float64(h.people) / reps
		}
		t.Logf("%s: attributed %.1f, caused %.1f (×%.1f); naive lift %.3f, causal %.3f (×%.1f)", arm, att/reps, inc/reps, att/inc, naive, causal, naive/causal)
		if hp > 0 {
			t.Logf("%s: the %.0f people of the cells it exploited vs the rest: naive lift %.3f, causal %.3f (×%.1f)", arm, hp, hn, hc, hn/hc)
		}
		if att < 3*inc {
			t.Errorf("%s: attributed %.0f < 3 × caused %.0f", arm, att, inc)
		}
		if arm == "adaptive" {
			naive, causal = hn, hc // it reaches nearly everyone: compare the cells it exploited with the rest
		}
		if naive < 5*causal || causal <= 0 {
			t.Errorf("%s: naive lift %.3f not ≥ 5 × causal %.3f", arm, naive, causal)
		}
	}

	low := weekendRuns(t, reps, func(c *sim.Config) { c.Regulation.ConsentRate = 0.15 })
	adv := func(reps []weekendRep) float64 {
		s := 0.0
		for _, r := range reps {
			s += float64(r.series["interests"][last].ConversionsVsControl-r.series["broadcast"][last].ConversionsVsControl) / float64(len(reps))
		}
		return s
	}
	r, lo, hi := pairedRatio(low, "interests", 0, last)
	t.Logf("consent 0.15, interests: ×%.2f (CI %.2f–%.2f); advantage over broadcast %.1f → %.1f extra tickets (−%.0f %%)",
		r, lo, hi, adv(on), adv(low), 100*(1-adv(low)/adv(on)))

	off := weekendRuns(t, reps, func(c *sim.Config) { c.Response.Relevance = 0 })
	budget := 0
	if cfg, err := scenarios.Builtin("weekend-event"); err == nil {
		budget = cfg.Campaign.Budget * cfg.Steps
	}
	for _, arm := range []string{"demographic", "interests", "adaptive"} {
		r, lo, hi := pairedRatio(off, arm, 0, last)
		t.Logf("relevance off, %s: ×%.2f (CI %.2f–%.2f)", arm, r, lo, hi)
		if lo > 1 {
			t.Errorf("relevance off, %s: ×%.2f (CI %.2f–%.2f) beats broadcast: something besides relevance makes targeting pay", arm, r, lo, hi)
		}
		if hi < 1 {
			t.Errorf("relevance off, %s: ×%.2f (CI %.2f–%.2f) below broadcast: targeting loses through something besides relevance", arm, r, lo, hi)
		}
		for k, rep := range off {
			if m := rep.series[arm][last]; m.Impressions != int64(budget) {
				t.Errorf("relevance off, %s, replication %d: %d impressions, want the whole budget %d", arm, k, m.Impressions, budget)
			}
		}
	}
}
