package influence

import (
	"math"

	"boomerang/sim/network"
)

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
// sweeps (Krapivsky, Redner & Ben-Naim 2010).
//
// Draws: one stream per step, rng.New(seed, rng.Influence, 0, t), in
// batches of 64 encounters as in Deffuant (see drawPairs).

// voter is the voter model.
type voter struct {
	g       *network.Graph
	seed    uint64
	rs      stream
	b       pairs
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
	b := &m.b
	for done := 0; done < n; done += batchSize {
		m.rs.drawPairs(m.g, min(batchSize, n-done), b)
		for c := range b.n {
			if v := x[b.j[c]]; v != 0 {
				// ±1 with v's sign, without a branch
				x[b.i[c]] = math.Float32frombits(0x3f800000 | math.Float32bits(v)&(1<<31))
			}
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
