package network

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"boomerang/sim/limits"
	"boomerang/sim/par"
	"boomerang/sim/rng"
)

// Kind names accepted in Params.Kind.
const (
	KindComplete    = "complete"
	KindRandom      = "random"
	KindSmallWorld  = "small-world"
	KindHomophilous = "homophilous"
)

// Kinds lists the accepted network kinds, in documentation order.
func Kinds() []string {
	return []string{KindComplete, KindRandom, KindSmallWorld, KindHomophilous}
}

// DefaultParams returns a homophilous network of mean degree 16 (about the
// number of people one talks politics or shopping with regularly; Dunbar's
// "sympathy group" is 12–15, Dunbar 1998 [check]), rewire 0.1 (the
// Watts–Strogatz small-world regime, Watts & Strogatz 1998) and homophily
// 0.7: seven in ten ties to similar people, three to anyone. Then the
// ideology of tie ends correlates ≈ .5, their age ≈ .6, and ≈ 73 % of ties
// stay within a region: strong homophily on age and place, and on politics
// a level in the range reported for friends' political views (McPherson,
// Smith-Lovin & Cook 2001 review) [check].
func DefaultParams() Params {
	return Params{Kind: KindHomophilous, Degree: 16, Rewire: 0.1, Homophily: 0.7}
}

// Build generates the network of n agents described by p. Attributes are
// read by the homophilous kind only (nil slices are fine for the others).
// Every random draw of agent i comes from the stream (seed, rng.Network,
// i, 0) and the final lists are sorted, so the graph is identical for any
// workers (≤ 0 means GOMAXPROCS).
//
// A population of one has nobody to tie to: for n = 1 Build returns a
// graph without ties (or the trivial complete graph) whatever the degree.
func Build(p Params, n int, a Attributes, seed uint64, workers int) (*Graph, error) {
	if err := check(p, n, a); err != nil {
		return nil, err
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if p.Kind == KindComplete {
		return &Graph{N: n, Complete: true}, nil
	}
	if n == 1 {
		return &Graph{N: 1, Offsets: make([]int64, 2), Adj: []int32{}}, nil
	}
	b := &builder{n: n, seed: seed, workers: workers}
	switch p.Kind {
	case KindRandom:
		b.random(p.Degree)
	case KindSmallWorld:
		b.smallWorld(p.Degree, p.Rewire)
	case KindHomophilous:
		b.homophilous(p.Degree, p.Homophily, a)
	}
	return b.assemble(), nil
}

// check validates p for n agents and returns one line naming the key.
func check(p Params, n int, a Attributes) error {
	ok := false
	for _, k := range Kinds() {
		ok = ok || p.Kind == k
	}
	switch {
	case !ok:
		return fmt.Errorf("network.kind = %q: unknown (allowed: %s)", p.Kind, strings.Join(Kinds(), ", "))
	case n < 1:
		return fmt.Errorf("population.size = %d: must be at least 1", n)
	case n > maxN:
		return fmt.Errorf("population.size = %d: networks hold at most %d agents", n, maxN)
	}
	if err := limits.Check(p, "network."); err != nil { // network.rewire, network.homophily
		return err
	}
	if p.Kind == KindComplete || n == 1 {
		return nil
	}
	switch {
	case DegreeFits(p.Kind, p.Degree, n): // limits.go
	case !(p.Degree > 0) || math.IsInf(p.Degree, 0):
		return fmt.Errorf("network.degree = %s: must be above 0", num(p.Degree))
	default:
		return fmt.Errorf("network.degree = %s: must be below population.size (%d)", num(p.Degree), n)
	}
	if p.Kind == KindHomophilous {
		if len(a.Ideology) != n || len(a.Age) != n || len(a.Region) != n {
			return fmt.Errorf("network.kind = %q: needs ideology, age and region of all %d agents (got %d, %d, %d)",
				p.Kind, n, len(a.Ideology), len(a.Age), len(a.Region))
		}
		for i, r := range a.Region {
			if r >= maxRegions {
				return fmt.Errorf("network.kind = %q: region of agent %d is %d, must be below %d", p.Kind, i, r, maxRegions)
			}
		}
	}
	return nil
}

func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// maxN bounds n so that agent ids fit the int32 neighbour lists.
const maxN = math.MaxInt32

// maxRegions is the number of regions the homophilous sort key can hold.
const maxRegions = 64

// maxParts bounds the number of target ranges of assemble's scatter (each
// range's worker scans all proposals once).
const maxParts = 16

// chunkSize is the number of agents a worker takes at a time while
// proposing ties.
const chunkSize = 4096

// chunk holds the ties proposed by agents [lo, hi): cnt[i−lo] targets
// each, concatenated in dst.
type chunk struct {
	lo, hi int
	cnt    []int32
	dst    []int32
}

// builder collects proposed ties chunk by chunk and assembles the CSR.
type builder struct {
	n       int
	seed    uint64
	workers int
	chunks  []chunk
}

// stream is one worker's generator, reseeded per agent.
type stream struct {
	pcg rand.PCG
	r   *rand.Rand
}

func newStream() *stream {
	s := &stream{}
	s.r = rand.New(&s.pcg)
	return s
}

// reset positions the stream at the start of (seed, rng.Network, agent, 0):
// the same state as rng.Source (a test checks this) without allocating.
func (s *stream) reset(seed uint64, agent int) {
	rng.Reseed(&s.pcg, seed, rng.Network, uint64(agent), 0)
}

// parallel runs f(w, c) for c in [0, count) on b.workers goroutines; w is the
// worker index, so f may keep per-worker state.
func (b *builder) parallel(count int, f func(w, c int)) { par.Each(count, b.workers, f) }

// propose fills b.chunks: for every agent i, gen appends the targets
// proposed by i to dst, drawing from s, which is already positioned at the
// start of i's stream. expect(lo, hi) estimates the number of proposals of
// agents [lo, hi), to size the chunk's buffer.
func (b *builder) propose(expect func(lo, hi int) int, gen func(s *stream, i int, dst []int32) []int32) {
	count := (b.n + chunkSize - 1) / chunkSize
	b.chunks = make([]chunk, count)
	streams := make([]*stream, b.workers)
	for w := range streams {
		streams[w] = newStream()
	}
	b.parallel(count, func(w, c int) {
		s := streams[w]
		lo, hi := c*chunkSize, min((c+1)*chunkSize, b.n)
		ch := chunk{lo: lo, hi: hi, cnt: make([]int32, hi-lo)}
		ch.dst = make([]int32, 0, expect(lo, hi)+64)
		for i := lo; i < hi; i++ {
			s.reset(b.seed, i)
			before := len(ch.dst)
			ch.dst = gen(s, i, ch.dst)
			ch.cnt[i-lo] = int32(len(ch.dst) - before)
		}
		b.chunks[c] = ch
	})
}

// assemble turns the proposals into a symmetric CSR graph with sorted,
// duplicate-free lists and no self-loops. Each agent's list is laid out as
// its own proposals, then the ties others proposed to it. Both passes are
// free of atomics (a locked instruction would wait for every cache-missing
// store before it): the own part is written by the chunk that proposed it,
// and the incoming part by the worker that owns the target's range of ids,
// each worker scanning all proposals and keeping those aimed at its range.
// Memory: the proposals (one int32 per proposed tie), the adjacency (two per
// tie) and O(n) counters: about 1.5× the final CSR live at the peak
// (≈ 1.8× heap growth measured at n = 2,000,000, degree 16).
func (b *builder) assemble() *Graph {
	n := b.n
	own := make([]int32, n)  // proposals of each agent (self-loops dropped)
	fill := make([]int32, n) // incoming counts, then new degrees
	parts := max(1, min(b.workers, maxParts, n))
	bounds := make([]int32, parts+1)
	for w := range bounds {
		bounds[w] = int32(int64(n) * int64(w) / int64(parts))
	}
	// scan calls f(src, j) for every proposal with j in [lo, hi).
	scan := func(lo, hi int32, f func(src, j int32)) {
		for c := range b.chunks {
			ch := &b.chunks[c]
			pos := 0
			for k := ch.lo; k < ch.hi; k++ {
				src := int32(k)
				m := int(ch.cnt[k-ch.lo])
				for _, j := range ch.dst[pos : pos+m] {
					if j >= lo && j < hi && j != src {
						f(src, j)
					}
				}
				pos += m
			}
		}
	}
	b.parallel(parts, func(_, w int) {
		scan(bounds[w], bounds[w+1], func(_, j int32) { fill[j]++ })
	})
	b.parallel(len(b.chunks), func(_, c int) {
		ch := &b.chunks[c]
		pos := 0
		for k := ch.lo; k < ch.hi; k++ {
			src := k
			m := int(ch.cnt[k-ch.lo])
			mine := int32(0)
			for _, j := range ch.dst[pos : pos+m] {
				if int(j) != src {
					mine++
				}
			}
			own[src] = mine
			pos += m
		}
	})
	offsets := make([]int64, n+1)
	for i, d := range fill {
		offsets[i+1] = offsets[i] + int64(d) + int64(own[i])
	}
	adj := make([]int32, offsets[n])
	b.parallel(len(b.chunks), func(_, c int) {
		ch := &b.chunks[c]
		pos := 0
		for k := ch.lo; k < ch.hi; k++ {
			src := k
			m := int(ch.cnt[k-ch.lo])
			at := offsets[src]
			for _, j := range ch.dst[pos : pos+m] {
				if int(j) != src {
					adj[at] = j
					at++
				}
			}
			pos += m
		}
	})
	// cursor[j] is where the next incoming tie of j goes: one random
	// read-modify-write per tie instead of three lookups.
	cursor := make([]int64, n)
	for i := range cursor {
		cursor[i] = offsets[i] + int64(own[i])
	}
	own = nil
	b.parallel(parts, func(_, w int) {
		scan(bounds[w], bounds[w+1], func(src, j int32) {
			adj[cursor[j]] = src
			cursor[j]++
		})
	})
	cursor = nil
	b.chunks = nil

	// Sort every list and drop duplicates; fill[i] becomes the new degree.
	const sortChunk = 8192
	var dups atomic.Int64
	b.parallel((n+sortChunk-1)/sortChunk, func(_, c int) {
		removed := int64(0)
		for i := c * sortChunk; i < min((c+1)*sortChunk, n); i++ {
			l := adj[offsets[i]:offsets[i+1]]
			sortInt32(l)
			m := 0
			for k, v := range l {
				if k == 0 || v != l[m-1] {
					l[m] = v
					m++
				}
			}
			fill[i] = int32(m)
			removed += int64(len(l) - m)
		}
		dups.Add(removed)
	})
	if dups.Load() > 0 {
		// Compact in place: every list moves left, so increasing order is safe.
		var at int64
		for i := 0; i < n; i++ {
			start := offsets[i]
			offsets[i] = at
			at += int64(copy(adj[at:], adj[start:start+int64(fill[i])]))
		}
		offsets[n] = at
		if at < int64(len(adj))-int64(len(adj))/8 {
			adj = append([]int32(nil), adj[:at]...)
		} else {
			adj = adj[:at:at]
		}
	}
	return &Graph{N: n, Offsets: offsets, Adj: adj}
}

// sortInt32 sorts a short neighbour list: insertion sort for the typical
// list of a few dozen, pdqsort (slices.Sort) beyond.
func sortInt32(l []int32) {
	if len(l) > 48 {
		slices.Sort(l)
		return
	}
	for i := 1; i < len(l); i++ {
		v := l[i]
		j := i
		for j > 0 && l[j-1] > v {
			l[j] = l[j-1]
			j--
		}
		l[j] = v
	}
}
