package network

import (
	"math"
	"slices"
	"sync"

	"boomerang/sim/par"
	"boomerang/sim/rng"
)

// This file draws the network in two dimensions for the population view,
// in four deterministic steps, O(pivots × (agents + ties)) in all (about
// 0.3 s for 100,000 agents on two cores):
//
//  1. backbone: drop the random long-range ties (those that close no
//     triangle), which otherwise make everyone two or three hops from
//     everyone and the picture one round blob;
//  2. PivotMDS (Brandes & Pich 2006): breadth-first distances from a few
//     pivot agents, then classical multidimensional scaling of them, so
//     agents few ties apart land close together;
//  3. a few rounds of neighbour averaging, which smooth out the integer
//     hop distances: a tie pulls its two ends together;
//  4. spread: deal the agents out evenly over the square along a Hilbert
//     curve, so that a dense core does not hide thousands of dots.

// LayoutPivots is the number of pivot agents of Layout2D: enough for a
// stable picture (Brandes & Pich report little gain beyond 50), few enough
// for speed.
const LayoutPivots = 16

// layoutSmooth is the number of neighbour-averaging rounds after MDS.
const layoutSmooth = 3

// Layout2D places the agents of g in the unit square: it returns xy with
// agent i at (xy[2i], xy[2i+1]), both in [0, 1]. Neighbours land closer
// together than random pairs, so communities and homophily show up as
// clusters and bands. The result depends on g only, never on workers
// (≤ 0 means one).
//
// ok is false, and xy nil, when the graph has no structure to draw: a
// complete graph (everyone tied to everyone) or one without ties. The
// caller then chooses another placement.
func Layout2D(g *Graph, workers int) (xy []float32, ok bool) {
	n := g.N
	if g.Complete || n < 2 || g.Offsets[n] == 0 {
		return nil, false
	}
	workers = max(1, workers)
	k := min(LayoutPivots, n)
	if b := backbone(g, workers); 4*b.Offsets[n] >= g.Offsets[n] {
		g = b
	}

	// Pivots, chosen max–min: each next pivot is the agent farthest from
	// all pivots so far, which spreads them over the graph. The first is
	// the agent of highest degree (lowest index on ties). Each choice
	// needs the previous distances, so the searches run one after
	// another; the MDS below is what is parallel.
	dist := make([]uint8, k*n) // dist[p*n+i]: hops from pivot p to i, capped
	minD := make([]uint8, n)
	for i := range minD {
		minD[i] = math.MaxUint8
	}
	pivot := 0
	for i := range n {
		if g.Degree(i) > g.Degree(pivot) {
			pivot = i
		}
	}
	queue := make([]int32, n)
	for p := range k {
		d := dist[p*n : (p+1)*n]
		bfs(g, pivot, d, queue)
		next, far := 0, -1
		for i, v := range d {
			minD[i] = min(minD[i], v)
			if int(minD[i]) > far {
				next, far = i, int(minD[i])
			}
		}
		pivot = next
	}

	// Classical MDS on the n×k matrix of squared distances, double
	// centred: C = −½ J D² J. The layout is C·v for the two leading
	// eigenvectors v of the k×k matrix CᵀC.
	colMean := make([]float64, k)
	rowMean := make([]float64, n)
	total := 0.0
	for p := range k {
		s := 0.0
		for _, v := range dist[p*n : (p+1)*n] {
			s += float64(v) * float64(v)
		}
		colMean[p] = s / float64(n)
		total += s
	}
	total /= float64(n * k)
	parallelChunks(n, workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			s := 0.0
			for p := range k {
				v := float64(dist[p*n+i])
				s += v * v
			}
			rowMean[i] = s / float64(k)
		}
	})
	c := func(i, p int) float64 {
		v := float64(dist[p*n+i])
		return -0.5 * (v*v - rowMean[i] - colMean[p] + total)
	}
	// CᵀC, summed per chunk of agents and then in chunk order, so the
	// sums (and the picture) do not depend on the number of workers.
	chunks := (n + layoutChunk - 1) / layoutChunk
	parts := make([][]float64, chunks)
	par.Each(chunks, workers, func(_, ch int) {
		m := make([]float64, k*k)
		row := make([]float64, k)
		for i := ch * layoutChunk; i < min(n, (ch+1)*layoutChunk); i++ {
			for p := range k {
				row[p] = c(i, p)
			}
			for a := range k {
				ra := row[a]
				for b := a; b < k; b++ {
					m[a*k+b] += ra * row[b]
				}
			}
		}
		parts[ch] = m
	})
	ctc := make([]float64, k*k)
	for _, m := range parts {
		for a := range k {
			for b := a; b < k; b++ {
				ctc[a*k+b] += m[a*k+b]
			}
		}
	}
	for a := range k {
		for b := range a {
			ctc[a*k+b] = ctc[b*k+a]
		}
	}
	v1, v2 := topTwo(ctc, k)

	x := make([]float64, n)
	y := make([]float64, n)
	parallelChunks(n, workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			var sx, sy float64
			for p := range k {
				cv := c(i, p)
				sx += cv * v1[p]
				sy += cv * v2[p]
			}
			x[i], y[i] = sx, sy
		}
	})

	// Neighbour averaging: each agent moves halfway to the mean of its
	// neighbours (Jacobi rounds, so the order of agents does not matter).
	nx := make([]float64, n)
	ny := make([]float64, n)
	for range layoutSmooth {
		parallelChunks(n, workers, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				nb := g.Adj[g.Offsets[i]:g.Offsets[i+1]]
				if len(nb) == 0 {
					nx[i], ny[i] = x[i], y[i]
					continue
				}
				var sx, sy float64
				for _, j := range nb {
					sx += x[j]
					sy += y[j]
				}
				m := float64(len(nb))
				nx[i], ny[i] = 0.5*x[i]+0.5*sx/m, 0.5*y[i]+0.5*sy/m
			}
		})
		x, nx = nx, x
		y, ny = ny, y
	}

	return spread(x, y), true
}

// backbone returns the ties of g whose ends share at least two
// neighbours. Ties inside a community or a neighbourhood of like people
// close triangles; a random long-range tie almost never does (its ends
// share about degree²/N neighbours). Small-world and homophilous networks
// are small worlds because of those few random ties: measured in hops
// everyone is near everyone, and a picture of hop distances is one round
// blob. Without them the distances follow the communities.
func backbone(g *Graph, workers int) *Graph {
	n := g.N
	keep := make([]bool, len(g.Adj))
	// Each tie is examined once, from its lower end: mark the lower end's
	// neighbours, then count marked neighbours of the upper end. Marks
	// are the agent's own number, so they never need clearing.
	stamps := sync.Pool{New: func() any {
		s := make([]int32, n)
		for i := range s {
			s[i] = -1
		}
		return &s
	}}
	parallelChunks(n, workers, func(lo, hi int) {
		sp := stamps.Get().(*[]int32)
		defer stamps.Put(sp)
		stamp := *sp
		for i := lo; i < hi; i++ {
			a := g.Adj[g.Offsets[i]:g.Offsets[i+1]]
			for _, v := range a {
				stamp[v] = int32(i)
			}
			for e, j := range a {
				if int(j) < i {
					continue
				}
				common := 0
				for _, u := range g.Adj[g.Offsets[j]:g.Offsets[j+1]] {
					if stamp[u] == int32(i) {
						if common++; common == 2 {
							break
						}
					}
				}
				keep[int(g.Offsets[i])+e] = common >= 2
			}
		}
	})
	// The other direction of each tie copies its twin's verdict.
	parallelChunks(n, workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			a := g.Adj[g.Offsets[i]:g.Offsets[i+1]]
			for e, j := range a {
				if int(j) < i {
					b := g.Adj[g.Offsets[j]:g.Offsets[j+1]]
					k, _ := slices.BinarySearch(b, int32(i))
					keep[int(g.Offsets[i])+e] = keep[int(g.Offsets[j])+k]
				}
			}
		}
	})
	off := make([]int64, n+1)
	for i := range n {
		c := int64(0)
		for e := g.Offsets[i]; e < g.Offsets[i+1]; e++ {
			if keep[e] {
				c++
			}
		}
		off[i+1] = off[i] + c
	}
	adj := make([]int32, 0, off[n])
	for e, j := range g.Adj {
		if keep[e] {
			adj = append(adj, j)
		}
	}
	return &Graph{N: n, Offsets: off, Adj: adj}
}

// spread turns the layout (x, y) into positions that fill the unit square
// evenly: agents are ordered along a Hilbert curve through their (x, y)
// and then dealt out, in that order, along a Hilbert curve that fills the
// square. Both curves keep near points near, so clusters stay together,
// but a dense core of 100,000 agents no longer hides under a few pixels
// while the corners stay empty: every agent gets about the same room.
func spread(x, y []float64) []float32 {
	n := len(x)
	const bitsXY = 16
	nx := make([]float32, 2*n)
	normalise(x, nx[0:])
	normalise(y, nx[1:])
	scale := float32(1<<bitsXY - 1)
	keys := make([]uint64, n)
	for i := range n {
		hx := uint32(nx[2*i] * scale)
		hy := uint32(nx[2*i+1] * scale)
		keys[i] = hilbert(hx, hy, bitsXY)<<32 | uint64(i)
	}
	slices.Sort(keys)
	order := 1 // cells per side 2^order, with 4^order ≥ n
	for 1<<(2*order) < n {
		order++
	}
	cells := uint64(1) << (2 * order)
	side := float32(uint32(1) << order)
	xy := make([]float32, 2*n)
	for r, k := range keys {
		i := k & (1<<32 - 1)
		cx, cy := hilbertXY(uint64(r)*cells/uint64(n), order)
		// A fixed offset inside the cell (a hash of the agent) hides the
		// grid of cells without moving anyone out of their cell.
		h := rng.SplitMix64(i)
		xy[2*i] = (float32(cx) + float32(h>>40)/(1<<24)) / side
		xy[2*i+1] = (float32(cy) + float32(h>>16&(1<<24-1))/(1<<24)) / side
	}
	return xy
}

// hilbertXY is the inverse of hilbert: the cell at distance d along the
// Hilbert curve of a 2^order × 2^order grid (Wikipedia's d2xy).
func hilbertXY(d uint64, order int) (x, y uint32) {
	for s := uint32(1); s < uint32(1)<<order; s *= 2 {
		rx := uint32(1 & (d / 2))
		ry := uint32(1 & (d ^ uint64(rx)))
		if ry == 0 {
			if rx == 1 {
				x, y = s-1-x, s-1-y
			}
			x, y = y, x
		}
		x += s * rx
		y += s * ry
		d /= 4
	}
	return x, y
}

// layoutChunk is the number of agents per unit of parallel work.
const layoutChunk = 4096

// bfs writes the hop distance from src to every agent into d (capped at
// 254; 255 marks agents out of reach, then set to one more than the
// largest distance found, so disconnected parts sit at the edge).
func bfs(g *Graph, src int, d []uint8, queue []int32) {
	for i := range d {
		d[i] = math.MaxUint8
	}
	d[src] = 0
	queue[0] = int32(src)
	head, tail := 0, 1
	far := uint8(0)
	for head < tail {
		u := queue[head]
		head++
		du := d[u]
		nd := min(du+1, math.MaxUint8-1)
		for _, v := range g.Adj[g.Offsets[u]:g.Offsets[u+1]] {
			if d[v] == math.MaxUint8 {
				d[v] = nd
				far = max(far, nd)
				queue[tail] = v
				tail++
			}
		}
	}
	if tail < len(d) {
		for i, v := range d {
			if v == math.MaxUint8 {
				d[i] = far + 1
			}
		}
	}
}

// topTwo returns the two leading eigenvectors of the symmetric positive
// semi-definite k×k matrix m, by power iteration with deflation. k is at
// most LayoutPivots, so this is cheap; the start vectors are fixed, so the
// result is deterministic.
func topTwo(m []float64, k int) (v1, v2 []float64) {
	iterate := func(against []float64) []float64 {
		v := make([]float64, k)
		for i := range v {
			// A fixed, non-symmetric start: unlikely to be orthogonal
			// to the leading eigenvector.
			v[i] = 1 + float64(i%7)*0.13 - float64(i%3)*0.21
		}
		w := make([]float64, k)
		for range 300 {
			if against != nil {
				orth(v, against)
			}
			for a := range k {
				s := 0.0
				for b := range k {
					s += m[a*k+b] * v[b]
				}
				w[a] = s
			}
			if against != nil {
				orth(w, against)
			}
			norm := math.Sqrt(dot(w, w))
			if norm == 0 {
				break
			}
			for i := range w {
				w[i] /= norm
			}
			v, w = w, v
		}
		return v
	}
	v1 = iterate(nil)
	v2 = iterate(v1)
	return v1, v2
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// orth removes from v its component along the unit vector u.
func orth(v, u []float64) {
	d := dot(v, u)
	for i := range v {
		v[i] -= d * u[i]
	}
}

// normalise maps v into [0, 1], writing every second element of dst: the
// 1st and 99th percentiles go to 0.02 and 0.98 and the few agents beyond
// are clamped, so that a handful of outliers do not squeeze everyone else
// into a corner.
func normalise(v []float64, dst []float32) {
	s := slices.Clone(v)
	slices.Sort(s)
	lo, hi := s[len(s)/100], s[len(s)-1-len(s)/100]
	if hi <= lo {
		lo, hi = s[0], s[len(s)-1]
	}
	span := hi - lo
	if span <= 0 {
		span = 1
	}
	for i, x := range v {
		f := 0.02 + 0.96*(x-lo)/span
		dst[2*i] = float32(max(0, min(1, f)))
	}
}

// parallelChunks runs f over [0, n) in chunks of layoutChunk on up to
// workers goroutines.
func parallelChunks(n, workers int, f func(lo, hi int)) {
	par.Each((n+layoutChunk-1)/layoutChunk, workers, func(_, c int) {
		f(c*layoutChunk, min(n, (c+1)*layoutChunk))
	})
}
