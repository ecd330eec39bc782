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
	k := rng.Key(seed, rng.Influence, 0, uint64(t))
	s.pcg.Seed(k, rng.SplitMix64(k^pcgSeedMix))
}

// pcgSeedMix is the constant rng.Source mixes into the key for the PCG's
// second seed word.
const pcgSeedMix = 0xd1b54a32d192ed03

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

// partner draws a neighbour of agent i uniformly: on an implicit complete
// graph any other agent, otherwise a uniform entry of i's neighbour list.
// ok is false for an isolated agent (no draw is made then).
func (s *stream) partner(g *network.Graph, i int) (j int, ok bool) {
	if g.Complete {
		if g.N < 2 {
			return 0, false
		}
		j = int(s.below(uint64(g.N - 1)))
		if j >= i {
			j++
		}
		return j, true
	}
	lo, hi := g.Offsets[i], g.Offsets[i+1]
	if hi == lo {
		return 0, false
	}
	return int(g.Adj[lo+int64(s.below(uint64(hi-lo)))]), true
}

// chunkCost is the work of one agent in edge units besides its edges
// (loading, dividing, storing), used to balance chunks.
const chunkCost = 4

// chunks splits agents [0, n) into at most w contiguous ranges of roughly
// equal cost Σ(degree + chunkCost), read off the CSR offsets (nil offsets:
// equal agent counts). It returns the w+1 boundaries.
func chunks(n int, offsets []int64, w int) []int {
	if w < 1 {
		w = 1
	}
	if w > n && n > 0 {
		w = n
	}
	b := make([]int, w+1)
	b[w] = n
	cost := func(i int) int64 {
		if offsets == nil {
			return int64(i)
		}
		return offsets[i] + chunkCost*int64(i)
	}
	total := cost(n)
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

// offsetsOf returns the CSR offsets, or nil for an implicit complete graph.
func offsetsOf(g *network.Graph) []int64 {
	if g.Complete {
		return nil
	}
	return g.Offsets
}
