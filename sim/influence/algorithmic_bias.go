package influence

import "math"

// Algorithmic bias (Sîrbu, Pedreschi, Giannotti & Kertész 2019, PLoS ONE
// 14(3): e0213246): Deffuant–Weisbuch encounters in which a recommender
// favours like-minded partners. Agent i (uniform) meets neighbour j with
// probability
//
//	p_i(j) = w_ij / Σ_k w_ik,   w_ij = max(|x_i − x_j|, δ)^(−γ),  δ = 1e−4,
//
// and then the Deffuant update with ε and μ applies. γ = 0 is exactly
// Deffuant (this model then runs the Deffuant code, drawing the same
// numbers); larger γ gives more final clusters and slower convergence.
//
// Draws per encounter from the step's stream rng.New(seed, rng.Influence,
// 0, t): one for i, one uniform in [0, 1) for the partner.
//
// Cost: choosing the partner weighs every neighbour, O(d_i) per encounter.
// On an implicit complete graph that is O(N) per encounter and O(N²) per
// sweep (≈ 10 ns per pair here), fine up to a few thousand agents; larger
// complete populations should use a sparse network instead.

// biasFloor is δ, the distance below which partners weigh the same; it
// keeps identical opinions from getting infinite weight (Sîrbu et al. 2019
// use a small cut-off for the same reason).
const biasFloor = 1e-4

// algorithmicBias is the Sîrbu et al. model.
type algorithmicBias struct {
	deffuant
	gamma float64
	kind  int       // powGeneral or a special exponent
	w     []float64 // cumulative partner weights of the current encounter
}

// newAlgorithmicBias builds the model from p.Epsilon, p.Mu and p.Gamma.
func newAlgorithmicBias(p Params, s Setup) *algorithmicBias {
	m := &algorithmicBias{deffuant: *newDeffuant(p, s), gamma: p.Gamma}
	switch m.gamma {
	case 0.5:
		m.kind = powHalf
	case 1:
		m.kind = powOne
	case 1.5:
		m.kind = powThreeHalves
	case 2:
		m.kind = powTwo
	}
	if m.gamma == 0 {
		return m
	}
	g := s.Graph
	maxDeg := 0
	if g.Complete {
		maxDeg = g.N
	} else {
		for i := range g.N {
			maxDeg = max(maxDeg, g.Degree(i))
		}
	}
	m.w = make([]float64, maxDeg)
	return m
}

// Step implements Model: N biased encounters.
func (m *algorithmicBias) Step(t int, x []float32) {
	if m.gamma == 0 {
		m.deffuant.Step(t, x)
		return
	}
	m.rs.reset(m.seed, t)
	n := m.g.N
	x = x[:n]
	for range n {
		i := int(m.rs.below(uint64(n)))
		j, ok := m.choose(i, x)
		if !ok {
			continue
		}
		x[i], x[j] = compromise(x[i], x[j], m.eps, m.mu)
	}
}

// choose draws i's partner with probability ∝ w_ij.
func (m *algorithmicBias) choose(i int, x []float32) (int, bool) {
	g := m.g
	xi := x[i]
	if g.Complete {
		n := g.N
		if n < 2 {
			return 0, false
		}
		// candidate k ∈ [0, n−1) stands for agent k, or k+1 when k ≥ i
		w := m.w[:n-1]
		acc := m.cumulate(w[:i], xi, x[:i], 0)
		acc = m.cumulate(w[i:], xi, x[i+1:], acc)
		k := pick(w, m.rs.unit()*acc)
		if k >= i {
			k++
		}
		return k, true
	}
	nb := g.Adj[g.Offsets[i]:g.Offsets[i+1]]
	if len(nb) == 0 {
		return 0, false
	}
	w := m.w[:len(nb)]
	acc := 0.0
	for k, j := range nb {
		acc += m.weight(xi, x[j])
		w[k] = acc
	}
	return int(nb[pick(w, m.rs.unit()*acc)]), true
}

// cumulate writes the running sum of the weights of others (starting from
// acc) into w, len(w) == len(others), and returns the total.
func (m *algorithmicBias) cumulate(w []float64, xi float32, others []float32, acc float64) float64 {
	w = w[:len(others)]
	for k, v := range others {
		acc += m.weight(xi, v)
		w[k] = acc
	}
	return acc
}

// weight is max(|a−b|, δ)^(−γ). Common exponents avoid exp/log, which
// dominate the cost on complete graphs.
func (m *algorithmicBias) weight(a, b float32) float64 {
	d := math.Max(math.Abs(float64(a)-float64(b)), biasFloor)
	switch m.kind {
	case powHalf:
		return 1 / math.Sqrt(d)
	case powOne:
		return 1 / d
	case powThreeHalves:
		return 1 / (d * math.Sqrt(d))
	case powTwo:
		return 1 / (d * d)
	}
	return math.Exp(-m.gamma * math.Log(d))
}

// Exponents with a cheap exact form.
const (
	powGeneral = iota
	powHalf
	powOne
	powThreeHalves
	powTwo
)

// pick returns the first k with cum[k] > u (cum is nondecreasing, u <
// cum[len−1]); the last index guards against rounding.
func pick(cum []float64, u float64) int {
	lo, hi := 0, len(cum)-1
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if cum[mid] > u {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
