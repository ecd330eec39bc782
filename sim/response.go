package sim

import (
	"math"
	"slices"

	"boomerang/sim/rng"
)

// DefaultResponse is the response calibration every scenario starts from
// (docs/MODEL.md, "Response").
func DefaultResponse() ResponseParams {
	return ResponseParams{
		CTR:         0.009, // Facebook average CTR ≈ 0.90 % (LITERATURE §4, secondary)
		ViewEffect:  0.002, // a scrolled-past impression: an order of magnitude below a full viewing (our assumption, docs/MODEL.md)
		ClickEffect: 0.028, // Coppock, Hill & Vavreck 2020: 0.056 on a 5-point scale ⇒ 0.056/4·2 on [−1,1]
		// Ad stock (Broadbent 1979's adstock): the stock decays with a
		// half-life of a week of daily steps, and the effect halves at a
		// stock of 30, so extra conversions rise roughly linearly up to
		// ~50 exposures over weeks (Johnson, Lewis & Reiley 2017)
		// [assumption, checked by the frequency hold-out].
		WearOut:         30,
		AdstockHalfLife: 7,
		// Conversions a click CAUSES, for a neutral person of average
		// relevance. With the in-market clicks below, broadcast's
		// attributed conversions per click land near the platform average
		// of 9.21 % (LITERATURE §4, secondary) [calibration, docs/VALIDATION.md].
		ClickConversion: 0.05,
		BaselineHazard:  0.0005, // organic conversions per step for a neutral person of average relevance (assumption)
		// People about to buy anyway click the campaign's ad on their way
		// (Blake, Nosko & Tadelis 2015, Econometrica 83:155: eBay's brand
		// search clicks were almost all by buyers who would have bought
		// anyway) [assumption on the size].
		InMarketClick: 0.25,
		// Opinion moves behaviour: hazard × exp(1 · stance · opinion), so a
		// committed supporter converts e ≈ 2.7× as often as a neutral person
		// [assumption; attitude–behaviour correlations r ≈ .4–.5, Glasman
		// & Albarracín 2006].
		OpinionElasticity: 1,
		Relevance:         1,    // relevance on at the strength the scenario's audience gives it
		BackfireRate:      0.02, // reactance is rare (Wood & Porter 2019 found little backfire; assumption)
		// Congruence (Matz, Kosinski, Nave & Stillwell 2017, PNAS 114:12714)
		// as mean-one multipliers exp(γ·f − γ²/2) (congruence.go), split
		// between click and conversion per trait: calibrated so that each
		// study's CTR and conversion ratios land within ±0.15 of the
		// published ones (docs/VALIDATION.md, calibration table).
		CongruenceClick:      0.36,
		CongruenceConversion: 0.6,
		// Matching raises persuasion (Joyal-Desmarais et al. 2022, r = .20 over
		// 702 experiments) [assumption on the size].
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

// Attribution and intent windows, in steps (days).
const (
	// attributionWindow: a conversion within 7 steps after a click is
	// "attributed" to the ad — Meta's default 7-day click attribution
	// window since 2021.
	attributionWindow = 7
	// inMarketWindow: a person whose organic conversion draw fires within
	// the next 7 steps is "in market": already planning to buy
	// [assumption].
	inMarketWindow = 7
)

// respond applies one step's plan to an arm: reactance, clicks, opinion
// (or turnout) change and click conversions, in plan order, then organic
// conversions for everyone (docs/MODEL.md, "Response").
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
	decay := adstockDecay(r)
	s.Observed = s.Observed[:0]
	s.sortBuf = groupByAgent(plan.Exposures, s.sortBuf)
	organic := s.organicFor(w, t) // this step's organic draws and the next few (organic.go)
	for _, e := range plan.Exposures {
		i := e.Agent
		k := uint64(s.stepHits[i]) // index of this impression among i's impressions this step
		s.stepHits[i]++
		msg := &w.Messages[e.Message]
		s.countImpression(i, e)
		if e.Vulnerable || msg.Tone == ToneMisinformation {
			s.Totals.VulnerableImps++
		}
		if w.susc.has(pop.Susceptibility[i]) {
			s.Totals.SusceptibleImps++
		}
		opinionBefore := s.Opinion[i]

		wear := 1 / (1 + s.adstock(i, t, decay)/r.WearOut) // ad stock before this impression (adstock.go)
		x := float64(s.Opinion[i])
		susc := 2 * float64(pop.Susceptibility[i]) // mean ≈ 1
		cg := congruenceOf(r, msg, trueFit(pop, msg, i))
		rel := w.rel.of(i)
		out := Outcome{Exposure: e}

		// Reactance: strongly opposed people sometimes move away (Brehm
		// 1966), and privacy-concerned people resent an ad that reveals a
		// sensitive inference.
		privacy := float64(pop.PrivacyConcern[i])
		pBack := labelledBackfire(w, r, &e, backfireProb(r, msg, e, x, privacy), privacy) // regulation_label.go
		// The draw is keyed, not streamed: skipping it when pBack is 0
		// (most impressions) changes no other number.
		if pBack > 0 && rng.Float64(seed, rng.Backfire, uint64(i), step, k) < pBack {
			s.Totals.Backfires++
			s.apply(i, msg, -r.ViewEffect*susc)
		} else {
			// A person in market clicks with probability at least
			// in_market_click; the in-market look-ahead (seven draws) is
			// needed only when the draw falls between the two.
			u := rng.Float64(seed, rng.Click, uint64(i), step, k)
			clicked := u < clickProb(r, cg.click*rel, wear)
			if !clicked && u < r.InMarketClick && msg.Aim == AimPersuade && !s.Converted[i] {
				clicked = inMarket(w, organic, i, t, x)
			}
			if clicked {
				s.Totals.Clicks++
				s.lastClick[i] = int32(t)
				out.Clicked = true
			}
			// Regulation and defence scale the effect: the transparency label
			// (regulation_label.go) and prebunking (defence_prebunking.go);
			// both factors are exactly 1 when off.
			effect := persuasion(r, msg, cg.effect, float64(pop.MediaLiteracy[i]), clicked) * labelFactor(w, &e) * prebunkFactor(w, msg, i)
			s.apply(i, msg, effect*susc*wear)

			if clicked && !s.Converted[i] && msg.Aim == AimPersuade {
				p := conversionProb(r, msg, cg.conv()*w.rel.convOf(i), float64(s.Opinion[i]))
				if rng.Float64(seed, rng.Convert, uint64(i), step, 1+k) < p {
					s.convert(i, t)
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
// CTR, worn out by the ad stock, times the multiplier m (congruence ×
// relevance).
func clickProb(r *ResponseParams, m, wear float64) float64 {
	return math.Min(1, r.CTR*wear*m)
}

// persuasion is the size of an impression's effect before susceptibility
// and wear-out: the click or view effect, times the congruence multiplier
// cg, times the tone's dependence on media literacy (fear and
// misinformation work on those who cannot see through them).
func persuasion(r *ResponseParams, msg *Message, cg, literacy float64, clicked bool) float64 {
	e := r.ViewEffect
	if clicked {
		e = r.ClickEffect
	}
	e *= cg
	switch msg.Tone {
	case ToneFear:
		e *= positive(1 + r.FearEffect*(1-2*literacy))
	case ToneMisinformation:
		e *= positive(1 + r.MisinfoEffect*(1-2*literacy))
	}
	return e
}

// conversionProb is the probability that a click converts: the base rate,
// times the leaning towards the message's side, times the multiplier m
// (congruence × relevance).
func conversionProb(r *ResponseParams, msg *Message, m, x float64) float64 {
	return math.Min(1, r.ClickConversion*leaning(r, x, msg.Stance)*m)
}

// organicHazard is person i's probability of converting without an ad in
// one step at opinion x: the baseline, times relevance, times the leaning.
func organicHazard(w *World, i int32, x float64) float64 {
	r := &w.Config.Response
	return r.BaselineHazard * w.rel.of(i) * leaning(r, x, w.Config.Campaign.Stance)
}

// organicConversions lets every unconverted agent convert with its organic
// hazard (relevance × leaning). This is how a shift in opinion becomes a
// shift in behaviour even without clicks. A conversion within
// attributionWindow steps of the person's last click is attributed to the
// ad, as a dashboard would. Only the step's skip-sampled candidates
// (organic.go) can convert, so the cost is per candidate, not per person.
func organicConversions(t int, w *World, s *ArmState) {
	o := s.organicFor(w, t)
	st := o.at(t)
	// Only live draws (u below the largest hazard the person's relevance
	// allows) are kept, so the arm's state is read for few people.
	for _, c := range st.live {
		if i := c.agent; !s.Converted[i] && c.u < organicHazard(w, i, float64(s.Opinion[i])) {
			s.convert(i, t)
		}
	}
}

// inMarket reports whether person i, at opinion x, is about to convert
// anyway: its organic conversion draw fires at one of the steps t … t +
// inMarketWindow − 1 at today's hazard. The draws are the ones
// organicConversions uses, so in the control twin the same person buys in
// that window too (up to opinion changes).
func inMarket(w *World, o *organicWindow, i int32, t int, x float64) bool {
	return o.fires(i, t, func() float64 { return organicHazard(w, i, x) })
}

// leaning maps an opinion to a conversion multiplier exp(κ·stance·x)
// with κ = response.opinion_elasticity: 1 for a neutral person, e^κ for
// someone fully on the campaign's side, e^−κ for someone fully against.
func leaning(r *ResponseParams, x, stance float64) float64 {
	return math.Exp(r.OpinionElasticity * stance * x)
}

// convert books person i's conversion at step t, and whether it counts as
// attributed (within attributionWindow steps of a click).
func (s *ArmState) convert(i int32, t int) {
	s.Converted[i] = true
	s.Totals.Conversions++
	if c := s.lastClick[i]; c > 0 && t-int(c) < attributionWindow {
		s.Totals.Attributed++
	}
}

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
func (s *ArmState) apply(i int32, msg *Message, d float64) {
	if msg.Aim == AimDemobilise {
		s.Turnout[i] = float32(clamp(float64(s.Turnout[i])-d/2, 0, 1))
		return
	}
	s.Opinion[i] = float32(clamp(float64(s.Opinion[i])+msg.Stance*d, -1, 1))
}
