package sim

import (
	"math"

	"boomerang/sim/population"
)

// This file holds personality–message congruence: the match between the
// trait a message appeals to and a person's trait. The response reads the
// TRUE trait (trueFit: what actually makes an ad work); strategies read the
// INFERRED trait (inferredFit: what the operator believes), so targeting
// works only as well as inference lets it (docs/MODEL-campaign.md).

// fitClip bounds the congruence at ±2.5 sd, so that one extreme person
// cannot dominate a multiplier exp(γ·fit).
const fitClip = 2.5

// congruenceSplit says how much of the congruence lifts act on the click
// and on conversion per click, per Big Five trait. Matz et al. 2017 (PNAS
// 114:12714, Table 1) found the extraversion match in conversions only
// (study 1: CTR ×1.00, conversions ×1.54) and the openness match mostly in
// clicks (study 2: CTR ×1.37, conversions ×1.30); for the three traits they
// did not test, half of each [assumption].
var congruenceSplit = [5][2]float64{
	AttrOpenness:          {1, 0},
	AttrConscientiousness: {0.5, 0.5},
	AttrExtraversion:      {0, 1},
	AttrAgreeableness:     {0.5, 0.5},
	AttrNeuroticism:       {0.5, 0.5},
}

// congruence holds an impression's mean-one congruence multipliers (issue
// 16): exp(γ·f − γ²/2) has mean one when the fit f is standard normal, so
// a personality ad shown at random does as well as the generic ad.
//
// The conversion multiplier is needed only after a click (about one
// impression in a hundred), so it is computed on demand by conv: an exp
// per impression is a measurable share of the response's cost.
type congruence struct {
	click, effect float64
	gv, fc        float64 // γ_conv and f − γ_click, for conv
}

// conv is the conversion-per-click multiplier exp(γ_conv·(f − γ_click) −
// γ_conv²/2); 1 for a message without a personality appeal.
func (c congruence) conv() float64 {
	if c.gv == 0 {
		return 1
	}
	return math.Exp(c.gv*c.fc - c.gv*c.gv/2)
}

// congruenceOf returns the multipliers of message m for fit f. The
// conversion multiplier is centred on the clickers: among people who
// clicked, f has mean γ_click, so exp(γ_conv·(f − γ_click) − γ_conv²/2)
// keeps conversion per click mean one, and conversions per impression
// exp(γ_click·f − γ_click²/2)·that have mean one too.
func congruenceOf(r *ResponseParams, m *Message, f float64) congruence {
	if m.pole == 0 {
		return congruence{click: 1, effect: 1}
	}
	sp := congruenceSplit[m.trait]
	gc, gv, ge := r.CongruenceClick*sp[0], r.CongruenceConversion*sp[1], r.CongruenceEffect
	return congruence{
		click:  math.Exp(gc*f - gc*gc/2),
		effect: math.Exp(ge*f - ge*ge/2),
		gv:     gv,
		fc:     f - gc,
	}
}

// vulnerableNeuroticism is the standardised inferred neuroticism above
// which a fear appeal counts as aimed at a vulnerability: about the top
// 30 % of the inferred scores [assumption].
const vulnerableNeuroticism = 0.5

// trueTrait returns agent i's true Big Five score a (standardised).
func trueTrait(pop *population.Population, a Attr, i int32) float32 {
	switch a {
	case AttrOpenness:
		return pop.Openness[i]
	case AttrConscientiousness:
		return pop.Conscientiousness[i]
	case AttrExtraversion:
		return pop.Extraversion[i]
	case AttrAgreeableness:
		return pop.Agreeableness[i]
	case AttrNeuroticism:
		return pop.Neuroticism[i]
	}
	return 0
}

// trueFit is the congruence of m with agent i's true personality: the
// appeal's pole times the true trait, in sd, clipped to ±fitClip; 0 for a
// generic message. It drives the response.
func trueFit(pop *population.Population, m *Message, i int32) float64 {
	if m.pole == 0 {
		return 0
	}
	return clamp(float64(m.pole*trueTrait(pop, m.trait, i)), -fitClip, fitClip)
}

// scale holds the mean and standard deviation of every inferred attribute
// over the people the operator can see. Operators standardise their
// model's scores before they use them (regression predictions are shrunk
// towards the mean and may be off-centre), so strategies read z-scores.
type scale struct {
	mean, sd [NumAttrs]float32
}

// newScale measures the inferred attributes of p (O(N·attributes), once
// per strategy).
func newScale(p *Profiles) *scale {
	sc := &scale{}
	for a := range NumAttrs {
		var n, sum, sum2 float64
		for _, v := range p.Inferred[a] {
			if v == v {
				n++
				sum += float64(v)
				sum2 += float64(v) * float64(v)
			}
		}
		sc.sd[a] = 1
		if n > 1 {
			m := sum / n
			sc.mean[a] = float32(m)
			if v := sum2/n - m*m; v > 1e-12 {
				sc.sd[a] = float32(math.Sqrt(v))
			}
		}
	}
	return sc
}

// z is agent i's standardised inferred value of a (NaN if unknown).
func (sc *scale) z(p *Profiles, a Attr, i int) float32 {
	return (p.Inferred[a][i] - sc.mean[a]) / sc.sd[a]
}

// inferredFit is the congruence the operator predicts for m and agent i
// from the standardised inferred trait: NaN if the operator cannot see i,
// 0 for a generic message.
func inferredFit(p *Profiles, sc *scale, m *Message, i int) float32 {
	if m.pole == 0 {
		return 0
	}
	return m.pole * sc.z(p, m.trait, i)
}

// vulnerableChoice reports whether showing m to agent i, chosen as the
// strategy chose it, targets a vulnerability: a fear appeal sent because
// of an inferred high neuroticism (z > 0.5), or misinformation aimed with
// personal data (docs/MODEL-campaign.md, "Ledger").
func vulnerableChoice(w *World, sc *scale, m *Message, i int, usedNeuroticism, usedData bool) bool {
	switch m.Tone {
	case ToneFear:
		return usedNeuroticism && sc.z(w.Profiles, AttrNeuroticism, i) > vulnerableNeuroticism
	case ToneMisinformation:
		return usedData
	}
	return false
}

// positive is max(0, v): the multipliers of the response never turn an
// ad's effect around (reactance is modelled separately).
func positive(v float64) float64 { return math.Max(0, v) }
