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
// Draws from the step's stream rng.New(seed, rng.Influence, 0, t): the
// initiators 64 at a time, then one uniform in [0, 1) per encounter for
// its partner.
//
// Cost: choosing the partner weighs every neighbour, O(d_i) per encounter.
// On an implicit complete graph that is O(N) per encounter and O(N²) per
// sweep (a few ns per pair), fine up to a few thousand agents; larger
// complete populations should use a sparse network instead.

// biasFloor is δ, the distance below which partners weigh the same; it
// keeps identical opinions from getting infinite weight. The value is this
// project's choice (the weight formula is Sîrbu et al.'s).
const biasFloor = 1e-4

// algorithmicBias is the Sîrbu et al. model.
type algorithmicBias struct {
	deffuant
	gamma float64
	kind  int       // powGeneral or a special exponent
	w     []float64 // cumulative partner weights of the current encounter
	vals  []float32 // opinions of the current initiator's neighbours
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
		m.vals = make([]float32, maxDeg)
	}
	m.w = make([]float64, maxDeg)
	return m
}

// Step implements Model: N biased encounters. Initiators are drawn 64 at a
// time (as in Deffuant), then each encounter draws one uniform number for
// its partner and is applied before the next partner is weighed.
func (m *algorithmicBias) Step(t int, x []float32) {
	if m.gamma == 0 {
		m.deffuant.Step(t, x)
		return
	}
	m.rs.reset(m.seed, t)
	g := m.g
	n := g.N
	if n < 2 {
		return
	}
	x = x[:n]
	b := &m.b
	for done := 0; done < n; done += batchSize {
		k := min(batchSize, n-done)
		for c := range k {
			b.i[c] = int32(m.rs.below(uint64(n)))
		}
		if !g.Complete {
			off := g.Offsets
			for c := range k {
				i := b.i[c]
				lo := off[i]
				b.first[c], b.deg[c] = lo, off[i+1]-lo
			}
		}
		for c := range k {
			i := int(b.i[c])
			var j int
			if g.Complete {
				j = m.chooseComplete(i, x)
			} else {
				if b.deg[c] == 0 {
					continue
				}
				j = m.chooseSparse(x[i], x, g.Adj[b.first[c]:b.first[c]+b.deg[c]])
			}
			x[i], x[j] = compromise(x[i], x[j], m.eps, m.mu)
		}
	}
}

// chooseComplete draws i's partner among all other agents, ∝ w_ij.
func (m *algorithmicBias) chooseComplete(i int, x []float32) int {
	// candidate k ∈ [0, n−1) stands for agent k, or k+1 when k ≥ i
	w := m.w[:len(x)-1]
	acc := m.cumulate(w[:i], x[i], x[:i], 0)
	acc = m.cumulate(w[i:], x[i], x[i+1:], acc)
	k := pick(w, m.rs.unit()*acc)
	if k >= i {
		k++
	}
	return k
}

// chooseSparse draws a partner from the neighbour list nb, ∝ w_ij.
func (m *algorithmicBias) chooseSparse(xi float32, x []float32, nb []int32) int {
	vals := m.vals[:len(nb)]
	for k, j := range nb { // gather first: the loads overlap
		vals[k] = x[j]
	}
	w := m.w[:len(nb)]
	acc := m.cumulate(w, xi, vals, 0)
	return int(nb[pick(w, m.rs.unit()*acc)])
}

// cumulate writes the running sum of the weights of the opinions vals
// (starting from acc) into w, len(w) == len(vals), and returns the total.
// Common exponents avoid exp/log, which would dominate the cost.
func (m *algorithmicBias) cumulate(w []float64, xi float32, vals []float32, acc float64) float64 {
	w = w[:len(vals)]
	a := float64(xi)
	switch m.kind {
	case powHalf:
		for k, v := range vals {
			acc += 1 / math.Sqrt(dist(a, v))
			w[k] = acc
		}
	case powOne:
		for k, v := range vals {
			acc += 1 / dist(a, v)
			w[k] = acc
		}
	case powThreeHalves:
		for k, v := range vals {
			d := dist(a, v)
			acc += 1 / (d * math.Sqrt(d))
			w[k] = acc
		}
	case powTwo:
		for k, v := range vals {
			d := dist(a, v)
			acc += 1 / (d * d)
			w[k] = acc
		}
	default:
		g := -m.gamma
		for k, v := range vals {
			acc += math.Exp(g * math.Log(dist(a, v)))
			w[k] = acc
		}
	}
	return acc
}

// dist is max(|a − b|, δ).
func dist(a float64, b float32) float64 {
	return max(math.Abs(a-float64(b)), biasFloor)
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
