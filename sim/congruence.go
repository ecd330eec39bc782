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

// fitClip bounds the congruence at ±2.5 sd, so that the linear multipliers
// 1 + γ·fit of the response stay positive for γ ≤ 0.4.
const fitClip = 2.5

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
