package literature

import (
	"fmt"
	"math"

	"boomerang/sim"
)

// Hold-out checks of the response (issue 16), on a 20,000-person world
// with the default response and one broadcast arm, no social influence.
//
//   - Johnson, Lewis & Reiley (2017, "Location, location, location"):
//     sales rise roughly linearly up to ~50 exposures per person. Here the
//     extra conversions per exposure of a campaign of 50 exposures per
//     person over six weeks must be at least freqLinearMin of those of a
//     campaign of 5 (a lifetime wear-out, or an ad stock that never
//     decays, falls below).
//   - Opinion moves behaviour: a campaign nobody clicks (CTR 0) still
//     converts people later through the opinion elasticity of the hazard
//     (the extra conversions' CI lies above 0).
const freqLinearMin = 0.75

// freqReps is the frequency curve's replications, quick and full
// (checkResponse says why).
const freqReps = 24

// responseConfig is the hold-out world: N people, 42 daily steps, no
// burn-in and no social influence, one broadcast arm with budget
// exposures per person over the campaign.
func responseConfig(n int, perPerson float64) sim.Config {
	c := sim.DefaultConfig()
	c.Population.Size = n
	c.Steps = 42
	c.Opinion.BurnIn = 0
	c.Influence.Model = "none"
	c.Campaign.Budget = int(math.Round(perPerson * float64(n) / float64(c.Steps)))
	c.Campaign.FrequencyCap = -1
	c.Data.QuizShare = 0 // broadcast needs no inference model
	c.Arms = []sim.ArmConfig{{Name: "control", Strategy: "none"}, {Name: "broadcast", Strategy: "broadcast"}}
	return c
}

// extraConversions runs cfg reps times (seeds o.Seed + k) and returns the
// broadcast arm's extra conversions vs control at the last step.
func extraConversions(o Options, cfg sim.Config, reps int) ([]float64, error) {
	o.tweak(&cfg)
	var out []float64
	for k := range reps {
		r, err := sim.NewRun(cfg, o.Seed+uint64(k), 1)
		if err != nil {
			return nil, err
		}
		r.RunToEnd()
		m := r.Arms[1].Series[len(r.Arms[1].Series)-1]
		out = append(out, float64(m.ConversionsVsControl))
	}
	return out, nil
}

func checkResponse(o Options) []Row {
	const srcF = "Johnson, Lewis & Reiley 2017"
	const srcO = "issue 16 item 6; attitude–behaviour r ≈ .5 (Glasman & Albarracín 2006)"
	// --quick keeps the full 6 replications: the whole check takes ~3 s,
	// and with 3 the opinion-converts interval crossed zero on a seed set
	// where the full run's is 3.8–14.6 (skip-sampled organic conversions,
	// issue 19, made the per-run counts noisier)
	//
	// The frequency curve gets freqReps: it is a ratio of two means whose
	// smaller one (5 exposures per person) is ~55 extra conversions ± 7 a
	// replication; at 6 replications its jackknife interval spans ±0.10
	// around a band edge the model sits near (seeds 1–6: ×0.74,
	// 0.64–0.84; 1–12: ×0.75; 1–24: ×0.79, 0.74–0.84), so the pass or
	// fail of the point estimate was a coin toss. An ad stock that never
	// decays gives ×0.60 (0.50–0.69) at 6.
	n, reps, fReps := 20_000, 6, freqReps
	if o.tiny {
		reps, fReps = 2, 2
	}
	low, err := extraConversions(o, responseConfig(n, 5), fReps)
	if err != nil {
		return []Row{failRow("frequency-linear", "frequency curve", srcF, err), failRow("opinion-converts", "conversions without clicks", srcO, err)}
	}
	high, err := extraConversions(o, responseConfig(n, 50), fReps)
	if err != nil {
		return []Row{failRow("frequency-linear", "frequency curve", srcF, err)}
	}
	mLow, mHigh := mean(low)/5, mean(high)/50
	ratio, rlo, rhi := jackknife(fReps, func(skip int) float64 { return (skipMean(high, skip) / 50) / (skipMean(low, skip) / 5) })
	seeds := seedRange(o.Seed, reps)
	rows := []Row{{
		ID: "frequency-linear", Kind: KindHoldOut, Target: "extra conversions per exposure at 50 exposures per person ÷ at 5 (six weeks)", Source: srcF,
		Published: "roughly linear up to ~50 exposures",
		Ours:      ratio, Lo: rlo, Hi: rhi, Reps: fReps,
		OursText: fmt.Sprintf("×%s (%.1f vs %.1f extra per 1,000 people and exposure)", withCI("%.2f", ratio, rlo, rhi), 1000*mHigh/float64(n), 1000*mLow/float64(n)),
		Band:     fmt.Sprintf("≥ ×%.2f", freqLinearMin),
		Pass:     mLow > 0 && ratio >= freqLinearMin,
		Detail:   fmt.Sprintf("N = %d, 42 steps, broadcast of 5 and 50 exposures per person, no social influence, %d replications, jackknife interval; extra conversions at 5: %s, at 50: %s", n, fReps, floats("%.0f", low), floats("%.0f", high)),
		Seeds:    seedRange(o.Seed, fReps),
	}}
	cfg := responseConfig(n, 20)
	cfg.Response.CTR = 0
	cfg.Response.InMarketClick = 0
	noClick, err := extraConversions(o, cfg, reps)
	if err != nil {
		return append(rows, failRow("opinion-converts", "conversions without clicks", srcO, err))
	}
	m, lo, hi := meanCI(noClick)
	rows = append(rows, Row{
		ID: "opinion-converts", Kind: KindHoldOut, Target: "extra conversions of a campaign nobody clicks (persuasion only)", Source: srcO,
		Published: "persuasion moves behaviour",
		Ours:      m, Lo: lo, Hi: hi, Reps: reps,
		OursText: withCI("%.1f", m, lo, hi),
		Band:     "CI above 0",
		Pass:     lo > 0,
		Detail:   fmt.Sprintf("N = %d, 42 steps, 20 exposures per person, CTR 0 and no in-market clicks, no social influence, %d replications", n, reps),
		Seeds:    seeds,
	})
	return rows
}
