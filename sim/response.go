package sim

import (
	"math"
	"slices"

	"boomerang/sim/rng"
)

// DefaultResponse is the response calibration every scenario starts from
// (docs/MODEL-campaign.md, "Response").
func DefaultResponse() ResponseParams {
	return ResponseParams{
		CTR:             0.009,  // Facebook average CTR ≈ 0.90 % (LITERATURE §4, secondary)
		ViewEffect:      0.002,  // a scrolled-past impression: an order of magnitude below a full viewing (our assumption, docs/MODEL.md)
		ClickEffect:     0.028,  // Coppock, Hill & Vavreck 2020: 0.056 on a 5-point scale ⇒ 0.056/4·2 on [−1,1]
		WearOut:         10,     // impressions until the effect halves (frequency wear-out; assumption)
		ClickConversion: 0.0921, // Facebook average conversion per click 9.21 % (LITERATURE §4, secondary)
		BaselineHazard:  0.0005, // organic conversions per step for a neutral person (assumption)
		BackfireRate:    0.02,   // reactance is rare (Wood & Porter 2019 found little backfire; assumption)
		// Congruence (Matz, Kosinski, Nave & Stillwell 2017, PNAS 114:12714):
		// with inference at r ≈ 0.4 and a median split on the inferred trait,
		// matched ÷ mismatched gives CTR ×1.2 and conversions ×1.4, inside
		// Matz's ranges (CTR ×1.0–1.37, conversions ×1.15–1.54); see
		// TestMatzCongruence.
		CongruenceClick:      0.3,
		CongruenceConversion: 0.2,
		// Matching raises persuasion (Joyal-Desmarais et al. 2022, r = .20 over
		// 702 experiments); sized like the click lift [assumption].
		CongruenceEffect: 0.3,
		// Reactance to ads that reveal a sensitive inference ("why am I
		// seeing this?": Kim, Barasz & John 2019, J. Consumer Research
		// 45:906–932; Aguirre et al. 2015, J. Retailing 91:34–49) — 5 % of such
		// impressions at the mean privacy concern of 0.5 [assumption].
		PrivacyBackfire: 0.1,
		// Fear appeals persuade (Tannenbaum et al. 2015, Psych. Bull.
		// 141:1178, d ≈ 0.3), misinformation works on people who cannot spot
		// it (Guess et al. 2020, PNAS 117:15536: literacy training raises
		// discernment); media literacy scales both [assumption on sizes].
		FearEffect:    0.5,
		MisinfoEffect: 1,
	}
}

// respond applies one step's plan to an arm: reactance, clicks, opinion
// (or turnout) change and click conversions, in plan order, then organic
// conversions for everyone (docs/MODEL-campaign.md, "Response").
//
// Every draw is keyed on (seed, purpose, agent, step, k) with k the index of
// the agent's impression in this step, so twin arms that show the same
// person the same number of ads draw the same numbers.
//
// The impressions are applied grouped by agent (a stable sort of the plan,
// so each person's impressions keep their plan order): an impression
// changes only its own recipient, so this gives the same result as plan
// order — up to the summation order of the persuasion ledger — and walks
// memory in order, several times faster on a million agents.
func respond(t int, w *World, s *ArmState, plan *Plan) {
	r := &w.Config.Response
	pop := w.Pop
	seed, step := w.Seed, uint64(t)
	s.Observed = s.Observed[:0]
	s.sortBuf = groupByAgent(plan.Exposures, s.sortBuf)
	for _, e := range plan.Exposures {
		i := e.Agent
		k := uint64(s.stepHits[i]) // index of this impression among i's impressions this step
		s.stepHits[i]++
		msg := &w.Messages[e.Message]
		s.countImpression(i, e)
		vulnerable := e.Vulnerable || msg.Tone == ToneMisinformation
		if vulnerable {
			s.Totals.VulnerableImps++
		}
		opinionBefore := s.Opinion[i]

		wear := 1 / (1 + float64(s.Impressions[i]-1)/r.WearOut)
		x := float64(s.Opinion[i])
		susc := 2 * float64(pop.Susceptibility[i]) // mean ≈ 1
		fit := trueFit(pop, msg, i)
		out := Outcome{Exposure: e}

		// Reactance: strongly opposed people sometimes move away (Brehm
		// 1966), and privacy-concerned people resent an ad that reveals a
		// sensitive inference.
		privacy := float64(pop.PrivacyConcern[i])
		pBack := labelledBackfire(w, r, &e, backfireProb(r, msg, e, x, privacy), privacy) // regulation_label.go
		if rng.Float64(seed, rng.Backfire, uint64(i), step, k) < pBack {
			s.Totals.Backfires++
			s.apply(i, msg, -r.ViewEffect*susc, vulnerable)
		} else {
			clicked := rng.Float64(seed, rng.Click, uint64(i), step, k) < clickProb(r, fit, wear)
			if clicked {
				s.Totals.Clicks++
				out.Clicked = true
			}
			// Regulation and defence scale the effect: the transparency label
			// (regulation_label.go) and prebunking (defence_prebunking.go);
			// both factors are exactly 1 when off.
			effect := persuasion(r, msg, fit, float64(pop.MediaLiteracy[i]), clicked) * labelFactor(w, &e) * prebunkFactor(w, msg, i)
			s.apply(i, msg, effect*susc*wear, vulnerable)

			if clicked && !s.Converted[i] && msg.Aim == AimPersuade {
				p := conversionProb(r, msg, fit, float64(s.Opinion[i]))
				if rng.Float64(seed, rng.Convert, uint64(i), step, 1+k) < p {
					s.Converted[i] = true
					s.Totals.Conversions++
					out.Converted = true
				}
			}
		}
		s.Observed = append(s.Observed, out)
		if s.log != nil {
			s.log.record(t, out, s.Opinion[i], s.Opinion[i]-opinionBefore, s.Turnout[i])
		}
	}
	for _, e := range plan.Exposures {
		s.stepHits[e.Agent] = 0
	}
	organicConversions(t, w, s)
}

// groupByAgent sorts exposures by agent, stably, with an LSD radix sort
// on 11-bit digits (buf is scratch, returned for reuse). Plans that are
// already in agent order are left alone.
func groupByAgent(ex, buf []Exposure) []Exposure {
	sorted := true
	maxAgent := int32(0)
	for k := range ex {
		if k > 0 && ex[k].Agent < ex[k-1].Agent {
			sorted = false
		}
		maxAgent = max(maxAgent, ex[k].Agent)
	}
	if sorted {
		return buf
	}
	buf = slices.Grow(buf[:0], len(ex))[:len(ex)]
	const bits = 11
	src, dst := ex, buf
	for shift := 0; shift == 0 || maxAgent>>shift > 0; shift += bits {
		var count [1<<bits + 1]int
		for _, e := range src {
			count[(e.Agent>>shift)&(1<<bits-1)+1]++
		}
		for d := 1; d <= 1<<bits; d++ {
			count[d] += count[d-1]
		}
		for _, e := range src {
			d := (e.Agent >> shift) & (1<<bits - 1)
			dst[count[d]] = e
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &ex[0] {
		copy(ex, src)
	}
	return buf
}

// backfireProb is the probability of reactance to an impression:
// backfire_rate · max(0, −stance·x) for opposed people, combined with
// privacy_backfire · privacy concern when the choice used a sensitive
// inference (two independent chances).
func backfireProb(r *ResponseParams, msg *Message, e Exposure, x, privacy float64) float64 {
	p := r.BackfireRate * math.Max(0, -msg.Stance*x)
	if e.Sensitive {
		q := r.PrivacyBackfire * privacy
		p = p + q - p*q
	}
	return p
}

// clickProb is the probability that an impression is clicked: the base
// CTR, worn out, times the congruence lift 1 + congruence_click · fit.
func clickProb(r *ResponseParams, fit, wear float64) float64 {
	return math.Min(1, r.CTR*wear*positive(1+r.CongruenceClick*fit))
}

// persuasion is the size of an impression's effect before susceptibility
// and wear-out: the click or view effect, times the congruence lift, times
// the tone's dependence on media literacy (fear and misinformation work on
// those who cannot see through them).
func persuasion(r *ResponseParams, msg *Message, fit, literacy float64, clicked bool) float64 {
	e := r.ViewEffect
	if clicked {
		e = r.ClickEffect
	}
	e *= positive(1 + r.CongruenceEffect*fit)
	switch msg.Tone {
	case ToneFear:
		e *= positive(1 + r.FearEffect*(1-2*literacy))
	case ToneMisinformation:
		e *= positive(1 + r.MisinfoEffect*(1-2*literacy))
	}
	return e
}

// conversionProb is the probability that a click converts: the base rate,
// times the leaning towards the message's side, times the congruence lift
// 1 + congruence_conversion · fit.
func conversionProb(r *ResponseParams, msg *Message, fit, x float64) float64 {
	return math.Min(1, r.ClickConversion*leaning(x, msg.Stance)*positive(1+r.CongruenceConversion*fit))
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

// apply books an impression's effect of size d (> 0: the ad works, < 0:
// reactance): a persuading message moves opinion by stance·d, a
// demobilising one lowers the probability of voting by d/2 (the opinion
// scale is twice as wide as a probability's).
func (s *ArmState) apply(i int32, msg *Message, d float64, vulnerable bool) {
	if msg.Aim == AimDemobilise {
		s.Turnout[i] = float32(clamp(float64(s.Turnout[i])-d/2, 0, 1))
		return
	}
	s.shift(i, msg.Stance*d, vulnerable)
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
