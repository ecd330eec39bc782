package sim

import (
	"math"

	"boomerang/sim/rng"
)

// DefaultResponse is the response calibration every scenario starts from.
func DefaultResponse() ResponseParams {
	return ResponseParams{
		CTR:             0.009,  // Facebook average CTR ≈ 0.90 % (LITERATURE §4, secondary)
		ViewEffect:      0.002,  // a scrolled-past impression: an order of magnitude below a full viewing (our assumption, docs/MODEL.md)
		ClickEffect:     0.028,  // Coppock, Hill & Vavreck 2020: 0.056 on a 5-point scale ⇒ 0.056/4·2 on [−1,1]
		WearOut:         10,     // impressions until the effect halves (frequency wear-out; assumption)
		ClickConversion: 0.0921, // Facebook average conversion per click 9.21 % (LITERATURE §4, secondary)
		BaselineHazard:  0.0005, // organic conversions per step for a neutral person (assumption)
		BackfireRate:    0.02,   // reactance is rare (Wood & Porter 2019 found little backfire; assumption)
	}
}

// respond applies one step's plan to an arm: clicks, opinion change,
// backfire and click conversions, then organic conversions for everyone.
//
// Every draw is keyed on (seed, purpose, agent, step, k) with k the index of
// the agent's impression in this step, so twin arms that show the same
// person the same number of ads draw the same numbers.
func respond(t int, w *World, s *ArmState, plan *Plan) {
	r := &w.Config.Response
	seed, step := w.Seed, uint64(t)
	for _, e := range plan.Exposures {
		i := e.Agent
		k := uint64(s.stepHits[i]) // index of this impression among i's impressions this step
		s.stepHits[i]++
		msg := &w.Messages[e.Message]
		s.countImpression(i, e)

		wear := 1 / (1 + float64(s.Impressions[i]-1)/r.WearOut)
		x := float64(s.Opinion[i])
		susc := 2 * float64(w.Pop.Susceptibility[i]) // mean ≈ 1

		// Reactance: strongly opposed people sometimes move away (Brehm 1966).
		opposed := math.Max(0, -msg.Stance*x)
		if rng.Float64(seed, rng.Backfire, uint64(i), step, k) < r.BackfireRate*opposed {
			s.Totals.Backfires++
			s.shift(i, -msg.Stance*r.ViewEffect*susc, e.Vulnerable)
			continue
		}

		clicked := rng.Float64(seed, rng.Click, uint64(i), step, k) < r.CTR*wear
		effect := r.ViewEffect
		if clicked {
			s.Totals.Clicks++
			effect = r.ClickEffect
		}
		s.shift(i, msg.Stance*effect*susc*wear, e.Vulnerable)

		if clicked && !s.Converted[i] {
			p := r.ClickConversion * leaning(float64(s.Opinion[i]), msg.Stance)
			if rng.Float64(seed, rng.Convert, uint64(i), step, 1+k) < p {
				s.Converted[i] = true
				s.Totals.Conversions++
			}
		}
	}
	for _, e := range plan.Exposures {
		s.stepHits[e.Agent] = 0
	}
	organicConversions(t, w, s)
}

// organicConversions lets every unconverted agent convert with the baseline
// hazard, scaled by how much they lean towards the campaign's side. This is
// how a shift in opinion becomes a shift in behaviour even without clicks.
func organicConversions(t int, w *World, s *ArmState) {
	h := w.Config.Response.BaselineHazard
	stance := w.Config.Campaign.Stance
	for i, done := range s.Converted {
		if done {
			continue
		}
		if rng.Float64(w.Seed, rng.Convert, uint64(i), uint64(t), 0) < h*leaning(float64(s.Opinion[i]), stance) {
			s.Converted[i] = true
			s.Totals.Conversions++
		}
	}
}

// leaning maps an opinion to a conversion multiplier: 0 for someone fully
// against the stance, 1 for a neutral person, 2 for someone fully for it.
func leaning(x, stance float64) float64 { return 1 + stance*x }

func (s *ArmState) countImpression(i int32, e Exposure) {
	s.Impressions[i]++
	if !s.seenThisRun[i] {
		s.seenThisRun[i] = true
		s.Totals.Reach++
	}
	s.Totals.Impressions++
	s.Totals.AttributesUsed += int64(e.Attributes)
	if e.Sensitive {
		s.Totals.SensitiveImps++
	}
}

// shift moves agent i's opinion by d, kept inside [−1, 1], and books the
// change in the persuasion ledger.
func (s *ArmState) shift(i int32, d float64, vulnerable bool) {
	old := s.Opinion[i]
	s.Opinion[i] = float32(clamp(float64(old)+d, -1, 1))
	moved := math.Abs(float64(s.Opinion[i] - old))
	s.Totals.PersuasionTotal += moved
	if vulnerable {
		s.Totals.PersuasionVuln += moved
	}
}
