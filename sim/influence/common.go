package influence

import (
	"math/bits"
	"math/rand/v2"
	"sort"
	"sync"

	"boomerang/sim/network"
	"boomerang/sim/rng"
)

// stream is the per-step random stream of the pairwise models. Reseeding it
// with reset(seed, t) makes it draw exactly what rng.New(seed,
// rng.Influence, 0, t) would, without allocating a new generator per step.
type stream struct {
	pcg rand.PCG
}

// reset positions the stream at the start of step t. It seeds the PCG the
// way rng.Source does (TestStreamMatchesRNG guards the equivalence):
// calling rng.Source itself would allocate a generator every step.
func (s *stream) reset(seed uint64, t int) {
	rng.Reseed(&s.pcg, seed, rng.Influence, 0, uint64(t))
}

// below returns a uniform integer in [0, n), n > 0, by Lemire's (2019)
// nearly divisionless multiply-and-reject method (unbiased).
func (s *stream) below(n uint64) uint64 {
	hi, lo := bits.Mul64(s.pcg.Uint64(), n)
	if lo < n {
		thresh := -n % n
		for lo < thresh {
			hi, lo = bits.Mul64(s.pcg.Uint64(), n)
		}
	}
	return hi
}

// unit returns a uniform float64 in [0, 1).
func (s *stream) unit() float64 {
	return float64(s.pcg.Uint64()>>11) * (1.0 / (1 << 53))
}

// batchSize is the number of encounters drawn ahead by drawPairs.
const batchSize = 64

// pairs is one batch of encounters (initiator i[c] meets partner j[c]).
type pairs struct {
	i, j  [batchSize]int32
	first [batchSize]int64 // scratch: start of i's neighbour list
	deg   [batchSize]int64 // scratch: i's degree
	n     int              // encounters in the batch
}

// drawPairs draws k ≤ batchSize encounters of a pairwise model: first the
// k initiators uniformly, then, in the same order, a uniform neighbour of
// each (on a complete graph any other agent). Isolated initiators draw no
// partner and are dropped from the batch.
//
// Drawing a batch ahead lets the processor overlap the cache misses of
// many encounters (offsets, lists, opinions of random agents), which
// otherwise dominate at large N; the updates are still applied one by one
// in draw order.
func (s *stream) drawPairs(g *network.Graph, k int, b *pairs) {
	n := uint64(g.N)
	for c := range k {
		b.i[c] = int32(s.below(n))
	}
	if g.Complete {
		if n < 2 {
			b.n = 0
			return
		}
		for c := range k {
			j := int32(s.below(n - 1))
			if j >= b.i[c] {
				j++
			}
			b.j[c] = j
		}
		b.n = k
		return
	}
	off, adj := g.Offsets, g.Adj
	for c := range k {
		i := b.i[c]
		lo := off[i]
		b.first[c], b.deg[c] = lo, off[i+1]-lo
	}
	m := 0
	for c := range k {
		d := b.deg[c]
		if d == 0 {
			continue
		}
		b.i[m] = b.i[c]
		b.j[m] = adj[b.first[c]+int64(s.below(uint64(d)))]
		m++
	}
	b.n = m
}

// chunkCost is the work of one agent in edge units besides its edges
// (loading, dividing, storing), used to balance chunks.
const chunkCost = 4

// minChunk is the least cost worth a goroutine of its own: smaller
// populations use fewer workers (the result does not depend on it).
const minChunk = 512

// chunks splits agents [0, n) into at most w contiguous ranges of roughly
// equal cost Σ(degree + chunkCost), read off the CSR offsets (nil offsets:
// equal agent counts). It returns the boundaries (one more than ranges).
func chunks(n int, offsets []int64, w int) []int {
	cost := func(i int) int64 {
		if offsets == nil {
			return int64(i)
		}
		return offsets[i] + chunkCost*int64(i)
	}
	total := cost(n)
	w = int(min(int64(w), total/minChunk))
	if w < 1 {
		w = 1
	}
	b := make([]int, w+1)
	b[w] = n
	for k := 1; k < w; k++ {
		target := total * int64(k) / int64(w)
		b[k] = sort.Search(n, func(i int) bool { return cost(i) >= target })
		if b[k] < b[k-1] {
			b[k] = b[k-1]
		}
	}
	return b
}

// pool runs one function over fixed agent ranges on several goroutines.
// The per-range closures are built once, so a run allocates nothing.
type pool struct {
	bounds []int
	tasks  []func()
	wg     sync.WaitGroup
}

// newPool prepares work(lo, hi) over the ranges given by bounds.
func newPool(bounds []int, work func(lo, hi int)) *pool {
	p := &pool{bounds: bounds}
	for k := 0; k+1 < len(bounds); k++ {
		lo, hi := bounds[k], bounds[k+1]
		p.tasks = append(p.tasks, func() {
			work(lo, hi)
			p.wg.Done()
		})
	}
	return p
}

// run executes every range and returns when all are done. The first range
// runs on the calling goroutine.
func (p *pool) run() {
	n := len(p.tasks)
	if n == 0 {
		return
	}
	p.wg.Add(n)
	for k := 1; k < n; k++ {
		go p.tasks[k]()
	}
	p.tasks[0]()
	p.wg.Wait()
}

// workers normalises Setup.Workers: ≤ 1 means serial.
func workers(s Setup) int {
	if s.Workers < 1 {
		return 1
	}
	return s.Workers
}
