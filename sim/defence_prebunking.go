package sim

import "boomerang/sim/rng"

// This file holds the population's defence: prebunking, or inoculation
// against manipulation (defence.prebunking_share, defence.prebunking_effect).
// People who played a game like Bad News (Roozenbeek & van der Linden
// 2019) or saw prebunking videos (Roozenbeek, van der Linden, Goldberg,
// Rathje & Lewandowsky 2022, Science Advances 8:eabo6254) rate manipulative
// content as less reliable: d ≈ 0.5 for Bad News, larger for the most
// susceptible; d ≈ 0.1–0.4 for the videos and for the EU's 2024 campaign in
// 12 countries (LITERATURE §6).
//
// A share prebunking_share of the population is inoculated: agent i is
// when its number from the stream (seed, rng.Population, i, 3) is below the
// share (the population package uses that purpose's streams 0–2), so the
// inoculated are the same people in every arm, and raising the share only
// adds people. On an inoculated person the opinion effect (or turnout
// effect) of every fear or misinformation ad is multiplied by
// 1 − prebunking_effect; informative and emotional ads, clicks, conversions
// and reactance are unchanged.
//
// Converting d to prebunking_effect: if an ad persuades in proportion to
// how reliable it seems, a fall of d standard deviations in rated
// reliability lowers its effect by d · sd/mean of the rating. In Bad News
// studies reliability of fake items is rated about 2.5 on a 1–7 scale with
// an sd near 1 [check], so effect ≈ 0.4·d: 0.2 for d = 0.5 (the default),
// 0.04–0.16 for d = 0.1–0.4. Not modelled: decay of inoculation over weeks,
// booster shots, or spread of inoculation through the network.

// DefaultDefence returns no inoculation (share 0) and, for scenarios that
// switch it on, an effect of 0.2 (Bad News, d ≈ 0.5, times 0.4).
func DefaultDefence() DefenceParams {
	return DefenceParams{PrebunkingShare: 0, PrebunkingEffect: defaultPrebunkingEffect}
}

// defaultPrebunkingEffect is 0.4 · d for Bad News's d ≈ 0.5 [secondary
// for d; the factor 0.4 is our conversion].
const defaultPrebunkingEffect = 0.2

// Inoculated reports whether agent i has been prebunked (defence.prebunking_share).
func (w *World) Inoculated(i int) bool {
	share := w.Config.Defence.PrebunkingShare
	return share > 0 && rng.Float64(w.Seed, rng.Population, uint64(i), 3, 0) < share
}

// prebunkFactor is prebunking's multiplier on the effect of message m on
// agent i: 1 − prebunking_effect for a fear or misinformation ad to an
// inoculated person, 1 otherwise.
func prebunkFactor(w *World, m *Message, i int32) float64 {
	if (m.Tone == ToneFear || m.Tone == ToneMisinformation) && w.Inoculated(int(i)) {
		return 1 - w.Config.Defence.PrebunkingEffect
	}
	return 1
}
