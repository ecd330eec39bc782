package influence

import "boomerang/sim/network"

// The voter model (Clifford & Sudbury 1973; Holley & Liggett 1975): one
// sweep is N random encounters, done serially; agent i is drawn uniformly,
// then a uniform neighbour j, and i adopts j's side:
//
//	x_i = +1 if x_j > 0,  −1 if x_j < 0,  unchanged if x_j = 0.
//
// Opinions are binary ±1. At the first Step of an instance every opinion is
// first replaced by its sign (0 stays 0: an undecided agent holds no side to
// copy, and it becomes ±1 as soon as it copies a decided neighbour). On a
// complete graph the probability of ending all +1 equals the initial share
// ρ of +1, and the mean consensus time is ≈ −N[ρ ln ρ + (1−ρ) ln(1−ρ)]
// sweeps (Krapivsky, Redner & Ben-Naim 2010, ch. 8).
//
// Draws: one stream per step, rng.New(seed, rng.Influence, 0, t); one draw
// for i and one for j per encounter (none for j when i is isolated).

// voter is the voter model.
type voter struct {
	g       *network.Graph
	seed    uint64
	rs      stream
	started bool
}

// newVoter builds the voter model.
func newVoter(s Setup) *voter {
	return &voter{g: s.Graph, seed: s.Seed}
}

// Step implements Model: N copy events.
func (m *voter) Step(t int, x []float32) {
	n := m.g.N
	x = x[:n]
	if !m.started {
		for i, v := range x {
			x[i] = sign32(v)
		}
		m.started = true
	}
	m.rs.reset(m.seed, t)
	for range n {
		i := int(m.rs.below(uint64(n)))
		j, ok := m.rs.partner(m.g, i)
		if !ok {
			continue
		}
		if v := x[j]; v != 0 {
			x[i] = sign32(v)
		}
	}
}

// sign32 returns +1, −1 or 0 (NaN maps to 0).
func sign32(v float32) float32 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}
