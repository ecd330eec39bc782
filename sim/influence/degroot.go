package influence

import "boomerang/sim/network"

// DeGroot (1974) averaging with self-weight: every agent simultaneously
// takes the plain mean of its own opinion and its neighbours',
//
//	x_i' = (x_i + Σ_{j∈N(i)} x_j) / (d_i + 1).
//
// The weights W_ij = 1/(d_i+1) are row-stochastic and, thanks to the
// self-loop, aperiodic; on a connected graph opinions converge to the
// consensus Σ(d_i+1)·x_i(0) / Σ(d_i+1) (the stationary distribution of W is
// π_i ∝ d_i+1; Golub & Jackson 2010).
//
// Friedkin & Johnsen (1990) reuse the same averaging with an anchor; see
// friedkin_johnsen.go. Both share the averager below.

// averager computes x' = λ·(W x) + (1−λ)·u synchronously, W the DeGroot
// weights above. DeGroot is anchor == nil (λ = 1).
type averager struct {
	g      *network.Graph
	lambda float32   // weight of the social term (FJ: 1 − stubbornness)
	anchor []float32 // FJ anchors u; nil for DeGroot
	buf    []float32 // next opinions (double buffer)
	x      []float32 // the opinions of the step being computed
	pool   *pool
	back   *pool // writes buf back into x over the same ranges (writeBack)
}

// newDeGroot builds the DeGroot model on s.Graph.
func newDeGroot(s Setup) *averager {
	return newAverager(s, 1, nil)
}

// newAverager builds the shared synchronous averaging kernel.
func newAverager(s Setup, lambda float32, anchor []float32) *averager {
	m := &averager{g: s.Graph, lambda: lambda, anchor: anchor}
	if !s.Graph.Complete {
		m.buf = make([]float32, s.Graph.N)
		bounds := chunks(s.Graph.N, s.Graph.Offsets, workers(s))
		m.pool = newPool(bounds, func(lo, hi int) { gather(m.x, m.buf, m.g.Offsets, m.g.Adj, lo, hi) })
		m.back = newPool(bounds, m.writeBack)
	}
	return m
}

// Step implements Model: one synchronous averaging of every agent.
func (m *averager) Step(_ int, x []float32) {
	if m.g.Complete {
		m.stepComplete(x)
		return
	}
	m.x = x
	m.pool.run()
	m.back.run()
	m.x = nil
}

// stepComplete: on a complete graph (W x)_i is the population mean for
// every i, so one O(N) pass suffices.
func (m *averager) stepComplete(x []float32) {
	if len(x) == 0 {
		return
	}
	var sum float64
	for _, v := range x {
		sum += float64(v)
	}
	mean := float32(sum / float64(len(x)))
	if m.anchor == nil {
		for i := range x {
			x[i] = mean
		}
		return
	}
	social := m.lambda * mean
	keep := 1 - m.lambda
	u := m.anchor[:len(x)]
	for i := range x {
		x[i] = social + keep*u[i]
	}
}

// writeBack stores the next opinions of agents [lo, hi), computed by
// gather into m.buf, into m.x, once every chunk has been gathered. For
// Friedkin–Johnsen this pass also applies the anchor, x_i = λ·s_i +
// (1−λ)·u_i: float32 arithmetic is rounded per operation, so this is
// bit-identical to applying it in the gather loop, it keeps that loop's
// live values (and so its register spills) down, and it costs no pass of
// its own.
func (m *averager) writeBack(lo, hi int) {
	x, out := m.x[lo:hi], m.buf[lo:hi]
	out = out[:len(x)]
	if m.anchor == nil {
		copy(x, out)
		return
	}
	u := m.anchor[lo:hi]
	u = u[:len(x)]
	lambda, keep := m.lambda, 1-m.lambda
	for i, s := range out {
		x[i] = lambda*s + keep*u[i]
	}
}

// gather sets out[i] = (x_i + Σ_{j∈N(i)} x_j) / (d_i + 1) for i in [lo, hi).
// Each agent's sum runs over its own list in a fixed order with fixed
// accumulators, so the result does not depend on how agents are chunked:
// float32 with four interleaved partial sums (neighbour k goes to sum
// k mod 4, combined as (s0+s1)+(s2+s3)).
//
// The shape of the loop is measured, not cosmetic (issue 19; see
// docs/PERFORMANCE.md): slicing the offsets, out and x to the chunk once
// removes their bounds checks, the neighbour index runs over adj itself
// (one check per four neighbours, adj[a:a+4:a+4]) and every id is widened
// as uint32 (a zero-extending load); with fewer live values the compiler
// reloads fewer of them from the stack inside the inner loop. Same sums
// in the same order as the slice-shrinking loop it replaced
// (TestAveragerMatchesReference); the gain is measured in
// docs/PERFORMANCE.md (DeGroot vs C).
func gather(x, out []float32, off []int64, adj []int32, lo, hi int) {
	ends := off[lo+1 : hi+1]
	out = out[lo:hi]
	out = out[:len(ends)]
	xs := x[lo:hi]
	xs = xs[:len(ends)]
	a := int(off[lo])
	for i, e := range ends {
		b := int(e)
		cnt := float32(b - a + 1)
		s0, s1, s2, s3 := xs[i], float32(0), float32(0), float32(0)
		for ; a+4 <= b; a += 4 {
			q := adj[a : a+4 : a+4]
			s0 += x[uint32(q[0])]
			s1 += x[uint32(q[1])]
			s2 += x[uint32(q[2])]
			s3 += x[uint32(q[3])]
		}
		for ; a < b; a++ {
			s0 += x[uint32(adj[a])]
		}
		out[i] = ((s0 + s1) + (s2 + s3)) / cnt
	}
}
