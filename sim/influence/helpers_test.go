package influence

import (
	"math"
	"slices"
	"testing"

	"boomerang/sim/network"
	"boomerang/sim/rng"
)

// Test-local graph builders: the real generators live in sim/network.

// completeGraph is the implicit complete graph on n agents.
func completeGraph(n int) *network.Graph {
	return &network.Graph{N: n, Complete: true}
}

// completeCSR is the complete graph on n agents with explicit lists.
func completeCSR(n int) *network.Graph {
	var edges [][2]int32
	for i := range n {
		for j := i + 1; j < n; j++ {
			edges = append(edges, [2]int32{int32(i), int32(j)})
		}
	}
	return fromEdges(n, edges)
}

// ringGraph is the ring lattice where each agent is tied to its k nearest
// neighbours on each side.
func ringGraph(n, k int) *network.Graph {
	var edges [][2]int32
	for i := range n {
		for d := 1; d <= k; d++ {
			edges = append(edges, [2]int32{int32(i), int32((i + d) % n)})
		}
	}
	return fromEdges(n, edges)
}

// randomGraph is an Erdős–Rényi-like G(n, m) graph with m ≈ n·deg/2
// uniformly drawn ties (self-loops dropped, duplicates merged), drawn
// from the Network stream of seed.
func randomGraph(n int, deg float64, seed uint64) *network.Graph {
	r := rng.New(seed, rng.Network, 0, 0)
	m := int(float64(n) * deg / 2)
	edges := make([][2]int32, 0, m)
	for len(edges) < m {
		a, b := int32(r.IntN(n)), int32(r.IntN(n))
		if a != b {
			edges = append(edges, [2]int32{a, b})
		}
	}
	return fromEdges(n, edges)
}

// fromEdges builds a CSR graph (sorted lists, no duplicates) from
// undirected ties.
func fromEdges(n int, edges [][2]int32) *network.Graph {
	off := make([]int64, n+1)
	for _, e := range edges {
		off[e[0]+1]++
		off[e[1]+1]++
	}
	for i := range n {
		off[i+1] += off[i]
	}
	adj := make([]int32, off[n])
	pos := slices.Clone(off[:n])
	for _, e := range edges {
		adj[pos[e[0]]] = e[1]
		pos[e[0]]++
		adj[pos[e[1]]] = e[0]
		pos[e[1]]++
	}
	// sort and deduplicate each list, compacting in place
	out := make([]int64, n+1)
	w := int64(0)
	for i := range n {
		list := adj[off[i]:off[i+1]]
		slices.Sort(list)
		list = slices.Compact(list)
		out[i] = w
		w += int64(copy(adj[w:], list))
	}
	out[n] = w
	return &network.Graph{N: n, Offsets: out, Adj: adj[:w:w]}
}

// connected reports whether g is connected (BFS from agent 0).
func connected(g *network.Graph) bool {
	if g.Complete || g.N == 0 {
		return true
	}
	seen := make([]bool, g.N)
	queue := []int32{0}
	seen[0] = true
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		for _, j := range g.Neighbours(int(i)) {
			if !seen[j] {
				seen[j] = true
				queue = append(queue, j)
			}
		}
	}
	return !slices.Contains(seen, false)
}

// connectedRandomGraph draws random graphs from successive seeds until one
// is connected.
func connectedRandomGraph(t testing.TB, n int, deg float64, seed uint64) *network.Graph {
	for k := range uint64(100) {
		g := randomGraph(n, deg, seed+k)
		if connected(g) {
			return g
		}
	}
	t.Fatalf("no connected random graph n=%d deg=%v", n, deg)
	return nil
}

// uniformOpinions draws n opinions from U[−1, 1].
func uniformOpinions(n int, seed uint64) []float32 {
	r := rng.New(seed, rng.Opinion, 0, 0)
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(2*r.Float64() - 1)
	}
	return x
}

// The counting rule lives in clusters.go (shared with check-literature).
const (
	clusterGap = ClusterGap
	majorShare = MajorShare
)

type cluster = Cluster

func clusters(x []float32) []Cluster { return Clusters(x, clusterGap) }

func majors(x []float32) []Cluster { return MajorClusters(x) }

// mustNew builds a model or fails the test.
func mustNew(t testing.TB, p Params, s Setup) Model {
	t.Helper()
	m, err := New(p, s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func finalGroups(x []float32, eps float64) ([]int, bool) { return FinalGroups(x, eps) }

func effectiveCount(sizes []int) float64 { return EffectiveClusters(sizes) }

// heavy reports whether the full-size textbook ensembles should run: not
// under -short nor the race detector, which get smaller ones.
func heavy() bool {
	return !testing.Short() && !raceEnabled
}

// spread is max(x) − min(x).
func spread(x []float32) float64 {
	return float64(slices.Max(x)) - float64(slices.Min(x))
}

// sameBits reports whether a and b are bit-for-bit equal.
func sameBits(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float32bits(a[i]) != math.Float32bits(b[i]) {
			return false
		}
	}
	return true
}
