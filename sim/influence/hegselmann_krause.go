package influence

import (
	"math"
	"slices"
	"sort"

	"boomerang/sim/network"
)

// Hegselmann & Krause (2002) synchronous bounded confidence: every agent
// simultaneously moves to the mean opinion of those it trusts, itself
// included,
//
//	x_i' = mean{ x_j : j ∈ N(i) ∪ {i}, |x_i − x_j| ≤ ε }.
//
// ε is on our [−1, 1] scale (twice the classic one). On a complete graph
// opinions reach consensus for classic ε above ≈ 0.2 (Fortunato 2005) and
// otherwise freeze in clusters about 2ε apart; with bounded mean degree the
// consensus threshold is classic ε = 0.5, ours 1 (Fortunato 2005).
//
// The confidence test is |x_j − x_i| ≤ ε in float32 arithmetic (ε rounded
// to float32), identically on sparse and complete graphs; it is monotone in
// x_j, so trusted sets are contiguous in sorted order. On a complete graph
// the model does not compare all pairs: it sorts the opinions once per step
// (radix sort), builds float64 prefix sums and slides two pointers along
// the sorted order, O(N) per step after the sort. Sparse sums are float32
// in neighbour order.

// hegselmannKrause is the HK model.
type hegselmannKrause struct {
	g    *network.Graph
	eps  float32
	buf  []float32 // next opinions (double buffer; sparse graphs)
	x    []float32 // opinions of the step being computed
	pool *pool
	back *pool // sparse graphs: copies buf into x over the same ranges

	// complete graph only
	keys   []uint64  // sortable opinion bits << 32 | agent, sorted
	tmp    []uint64  // radix sort scratch
	sorted []float32 // opinions in sorted order
	prefix []float64 // prefix[p] = Σ sorted[:p]
	next   []float32 // next opinion of the agent at each sorted position
	// radixMin is the size from which the sort is a radix sort (below it
	// pdqsort is faster); a field so tests can exercise both paths.
	radixMin int
}

// newHegselmannKrause builds the HK model from p.Epsilon.
func newHegselmannKrause(p Params, s Setup) *hegselmannKrause {
	n := s.Graph.N
	eps := p.Epsilon
	if !(eps >= 0) { // negative or NaN: trust only oneself
		eps = 0
	}
	m := &hegselmannKrause{g: s.Graph, eps: float32(eps), radixMin: defaultRadixMin}
	if s.Graph.Complete {
		m.keys = make([]uint64, n)
		m.tmp = make([]uint64, n)
		m.sorted = make([]float32, n)
		m.prefix = make([]float64, n+1)
		m.next = make([]float32, n)
		m.pool = newPool(chunks(n, nil, workers(s)), m.sweepSorted)
	} else {
		m.buf = make([]float32, n)
		bounds := chunks(n, s.Graph.Offsets, workers(s))
		m.pool = newPool(bounds, m.sweep)
		m.back = newPool(bounds, func(lo, hi int) { copy(m.x[lo:hi], m.buf[lo:hi]) })
	}
	return m
}

// Step implements Model: one synchronous HK update.
func (m *hegselmannKrause) Step(_ int, x []float32) {
	n := m.g.N
	if n == 0 {
		return
	}
	m.x = x[:n]
	if m.g.Complete {
		m.prepareSorted()
		m.pool.run()
		// scatter serially: parallel scattered writes would fight over
		// cache lines
		for p, k := range m.keys {
			x[uint32(k)] = m.next[p]
		}
		m.x = nil
		return
	}
	m.pool.run()
	m.back.run()
	m.x = nil
}

// trusts reports |xj − xi| ≤ ε as an all-ones (true) or zero mask, without
// a branch: the sign bit of ε − |xj − xi| (a difference of distinct floats
// is never zero, and equal ones give +0, i.e. trust).
func trusts(xi, xj, eps float32) uint32 {
	return ^uint32(int32(math.Float32bits(eps-abs32(xj-xi))) >> 31)
}

// sweep is the sparse update of agents [lo, hi) into m.buf.
func (m *hegselmannKrause) sweep(lo, hi int) {
	x, out := m.x, m.buf
	off, adj := m.g.Offsets, m.g.Adj
	eps := m.eps
	_ = off[hi]
	a := off[lo]
	for i := lo; i < hi; i++ {
		b := off[i+1]
		nb := adj[a:b]
		a = b
		xi := x[i]
		// two partial sums (even, odd neighbours), fixed per agent
		s0, s1 := xi, float32(0)
		cnt := uint32(1)
		k := 0
		for ; k+2 <= len(nb); k += 2 {
			q := nb[k : k+2 : k+2]
			v0, v1 := x[q[0]], x[q[1]]
			m0, m1 := trusts(xi, v0, eps), trusts(xi, v1, eps)
			s0 += math.Float32frombits(math.Float32bits(v0) & m0)
			s1 += math.Float32frombits(math.Float32bits(v1) & m1)
			cnt += m0&1 + m1&1
		}
		if k < len(nb) {
			v := x[nb[k]]
			mk := trusts(xi, v, eps)
			s0 += math.Float32frombits(math.Float32bits(v) & mk)
			cnt += mk & 1
		}
		out[i] = (s0 + s1) / float32(cnt)
	}
}

// prepareSorted sorts the opinions (with their agents) and builds the
// prefix sums used by sweepSorted.
func (m *hegselmannKrause) prepareSorted() {
	x := m.x
	keys := m.keys
	for i, v := range x {
		keys[i] = uint64(sortableBits(v))<<32 | uint64(uint32(i))
	}
	radixSortHigh32(keys, m.tmp, m.radixMin)
	var acc float64
	m.prefix[0] = 0
	for p, k := range keys {
		v := x[uint32(k)]
		m.sorted[p] = v
		acc += float64(v)
		m.prefix[p+1] = acc
	}
}

// sweepSorted computes the next opinion of the agents at sorted positions
// [lo, hi) into m.next: the trusted set of the agent at position p is the
// contiguous run [a, b) of sorted opinions it trusts, and both ends only
// move forward as p does.
func (m *hegselmannKrause) sweepSorted(lo, hi int) {
	s, pre, next := m.sorted, m.prefix, m.next
	eps := m.eps
	n := len(s)
	if lo >= hi {
		return
	}
	first := s[lo]
	a := sort.Search(lo, func(q int) bool { return trusts(first, s[q], eps) != 0 })
	b := lo
	for p := lo; p < hi; p++ {
		v := s[p]
		for trusts(v, s[a], eps) == 0 {
			a++
		}
		for b < n && trusts(v, s[b], eps) != 0 {
			b++
		}
		next[p] = float32((pre[b] - pre[a]) / float64(b-a))
	}
}

// defaultRadixMin is the size from which radixSortHigh32 radix-sorts
// (below it pdqsort is faster, measured here).
const defaultRadixMin = 4096

// sortableBits maps a float32 to a uint32 whose unsigned order is the
// float order (−0 sorts just below +0; NaNs are not expected).
func sortableBits(v float32) uint32 {
	u := math.Float32bits(v)
	if u&(1<<31) != 0 {
		return ^u
	}
	return u | 1<<31
}

// radixSortHigh32 sorts keys by their upper 32 bits (stable, so ties keep
// agent order), least significant digit first, using tmp as scratch. Small
// inputs use pdqsort on the whole key, which gives the same order here
// because the low 32 bits are the agent index, increasing within ties.
func radixSortHigh32(keys, tmp []uint64, radixMin int) {
	if len(keys) < radixMin {
		slices.Sort(keys)
		return
	}
	const bits = 11
	const size = 1 << bits
	var count [3][size]int
	for _, k := range keys {
		h := k >> 32
		count[0][h&(size-1)]++
		count[1][(h>>bits)&(size-1)]++
		count[2][h>>(2*bits)]++
	}
	src, dst := keys, tmp
	for d := range 3 {
		c := &count[d]
		sum := 0
		for i := range c {
			c[i], sum = sum, sum+c[i]
		}
		shift := 32 + uint(d)*bits
		for _, k := range src {
			digit := (k >> shift) & (size - 1)
			dst[c[digit]] = k
			c[digit]++
		}
		src, dst = dst, src
	}
	// three passes: the result is in tmp
	copy(keys, src)
}
