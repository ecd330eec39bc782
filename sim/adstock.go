package sim

import "math"

// This file holds the ad stock (issue 16; Broadbent 1979): each person's
// memory of the campaign's recent impressions. It decays by half every
// response.adstock_half_life steps, and an impression's effect and click
// rate are divided by 1 + stock/response.wear_out, so a pause restores
// attention (lifetime wear-out, the model before, never recovered).

// adstockDecay is the per-step decay factor 2^(−1/half-life).
func adstockDecay(r *ResponseParams) float64 {
	return math.Exp2(-1 / r.AdstockHalfLife)
}

// adstock returns person i's ad stock at step t before this impression
// (decayed since its last impression) and adds the impression to it.
// The first impression meets a stock of 0.
func (s *ArmState) adstock(i int32, t int, decay float64) float64 {
	st := &s.stock[i]
	a := float64(st.v)
	if int(st.t) != t && a > 0 {
		a *= s.decayed(t-int(st.t), decay)
	}
	*st = adStock{v: float32(a + 1), t: int32(t)}
	return a
}

// adStock is one person's ad stock after their last impression and the
// step of that impression, side by side so that an impression reads one
// cache line, not two.
type adStock struct {
	v float32
	t int32
}

// knownBuyer reports whether the campaign knows person i has converted:
// they converted after clicking one of its ads (the platform's pixel ties
// the purchase to the click). Targeting strategies leave such buyers out;
// people who bought without a click stay in their audiences.
func (s *ArmState) knownBuyer(i int32) bool { return s.Converted[i] && s.lastClick[i] > 0 }

// decayed returns decay^d, exactly math.Pow(decay, d), from a table the
// arm keeps: a pow per impression was a measurable share of the
// response's cost, and the gaps between impressions repeat.
func (s *ArmState) decayed(d int, decay float64) float64 {
	if s.decayOf != decay {
		s.decayPow, s.decayOf = s.decayPow[:0], decay
	}
	for len(s.decayPow) <= d {
		s.decayPow = append(s.decayPow, math.Pow(decay, float64(len(s.decayPow))))
	}
	return s.decayPow[d]
}
