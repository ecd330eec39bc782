package network

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"boomerang/sim/population"
	"boomerang/sim/rng"
)

// testN is the size of the statistical tests.
const testN = 20_000

var (
	pops  = map[int]*population.Population{}
	popMu sync.Mutex
)

// attrs returns the attributes of a generated population of n agents.
func attrs(t testing.TB, n int) Attributes {
	t.Helper()
	popMu.Lock()
	defer popMu.Unlock()
	p, ok := pops[n]
	if !ok {
		var err error
		p, err = population.Generate(population.Params{Size: n, Regions: 12}, 99, 0)
		if err != nil {
			t.Fatal(err)
		}
		pops[n] = p
	}
	return Attributes{Ideology: p.Ideology, Age: p.Age, Region: p.Region}
}

func build(t testing.TB, p Params, n int, seed uint64, workers int) *Graph {
	t.Helper()
	g, err := Build(p, n, attrs(t, n), seed, workers)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func params(kind string) Params {
	p := DefaultParams()
	p.Kind = kind
	return p
}

func TestStreamMatchesRng(t *testing.T) {
	s := newStream()
	for _, agent := range []int{0, 3, 1_999_999} {
		s.reset(5, agent)
		ref := rng.New(5, rng.Network, uint64(agent), 0)
		for k := range 5 {
			if x, y := s.r.Uint64(), ref.Uint64(); x != y {
				t.Fatalf("agent %d draw %d: %d vs rng.New %d", agent, k, x, y)
			}
		}
	}
}

func TestKindsAndDefaults(t *testing.T) {
	if got := Kinds(); !slices.Equal(got, []string{"complete", "random", "small-world", "homophilous"}) {
		t.Errorf("Kinds() = %v", got)
	}
	d := DefaultParams()
	if d.Kind != "homophilous" || d.Degree != 16 || d.Rewire != 0.1 || d.Homophily != 0.7 {
		t.Errorf("DefaultParams() = %+v", d)
	}
}

func TestValidAndMeanDegree(t *testing.T) {
	for _, kind := range []string{"random", "small-world", "homophilous"} {
		for _, deg := range []float64{16, 7.5, 3} {
			p := params(kind)
			p.Degree = deg
			g := build(t, p, testN, 1, 0)
			if err := g.Validate(); err != nil {
				t.Fatalf("%s degree %v: %v", kind, deg, err)
			}
			want := deg
			if kind == "small-world" {
				want = math.Round(deg)
			}
			if md := g.MeanDegree(); math.Abs(md-want) > 0.05*want {
				t.Errorf("%s: mean degree %.3f, want %v ± 5%%", kind, md, want)
			}
		}
	}
}

func TestComplete(t *testing.T) {
	g, err := Build(Params{Kind: "complete"}, 500, Attributes{}, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if !g.Complete || g.Adj != nil || g.Offsets != nil || g.Degree(3) != 499 || g.Edges() != 500*499/2 {
		t.Errorf("complete graph: %+v", g)
	}
	if err := g.Validate(); err != nil {
		t.Error(err)
	}
}

// clustering is the mean local clustering coefficient (Watts & Strogatz
// 1998) over every step-th agent with degree ≥ 2.
func clustering(g *Graph, step int) float64 {
	sum, count := 0.0, 0
	for i := 0; i < g.N; i += step {
		l := g.Neighbours(i)
		if len(l) < 2 {
			continue
		}
		links := 0
		for a, j := range l {
			for _, k := range l[a+1:] {
				if _, ok := slices.BinarySearch(g.Neighbours(int(j)), k); ok {
					links++
				}
			}
		}
		sum += float64(links) / float64(len(l)*(len(l)-1)/2)
		count++
	}
	return sum / float64(count)
}

func TestSmallWorldClustering(t *testing.T) {
	sw := build(t, Params{Kind: "small-world", Degree: 16, Rewire: 0.1}, testN, 2, 0)
	er := build(t, Params{Kind: "random", Degree: 16}, testN, 2, 0)
	lattice := build(t, Params{Kind: "small-world", Degree: 16, Rewire: 0}, testN, 2, 0)
	csw, cer, clat := clustering(sw, 7), clustering(er, 7), clustering(lattice, 7)
	t.Logf("clustering: lattice %.3f, small-world %.3f, random %.5f", clat, csw, cer)
	// Ring lattice: 3(k−2)/(4(k−1)) = 0.7; rewired: ≈ 0.7·(1−p)³ ≈ 0.51
	// (Barrat & Weigt 2000); random: ≈ k/n = 0.0008.
	if math.Abs(clat-0.7) > 0.01 {
		t.Errorf("lattice clustering %.3f, want 0.7", clat)
	}
	if math.Abs(csw-0.51) > 0.04 || csw < 50*cer {
		t.Errorf("small-world clustering %.3f vs random %.5f: want ≈ 0.51 and far above random", csw, cer)
	}
	if chom := clustering(build(t, DefaultParams(), testN, 2, 0), 7); chom < 10*cer {
		t.Errorf("homophilous clustering %.3f, want far above random %.5f", chom, cer)
	} else {
		t.Logf("homophilous clustering %.3f", chom)
	}
	// Rewiring shortens paths: no agent of a rewired graph is far.
	if d := eccentricity(sw, 0); d > 10 {
		t.Errorf("small-world eccentricity of agent 0 = %d, want short paths", d)
	}
	if d := eccentricity(lattice, 0); d < testN/16 {
		t.Errorf("lattice eccentricity of agent 0 = %d, want ≈ n/k", d)
	}
}

// eccentricity is the largest BFS distance from s (within its component).
func eccentricity(g *Graph, s int) int {
	dist := make([]int32, g.N)
	for i := range dist {
		dist[i] = -1
	}
	dist[s] = 0
	queue := []int32{int32(s)}
	far := 0
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range g.Neighbours(int(v)) {
			if dist[w] < 0 {
				dist[w] = dist[v] + 1
				far = max(far, int(dist[w]))
				queue = append(queue, w)
			}
		}
	}
	return far
}

// tieCorrelation is the Pearson correlation of x between the two ends of
// every tie (each tie counted in both directions).
func tieCorrelation(g *Graph, x func(i int) float64) float64 {
	var n, sx, sxx, sxy float64
	for i := 0; i < g.N; i++ {
		xi := x(i)
		for _, j := range g.Neighbours(i) {
			xj := x(int(j))
			n++
			sx += xi
			sxx += xi * xi
			sxy += xi * xj
		}
	}
	m := sx / n
	return (sxy/n - m*m) / (sxx/n - m*m)
}

func TestHomophily(t *testing.T) {
	a := attrs(t, testN)
	ideo := func(i int) float64 { return float64(a.Ideology[i]) }
	age := func(i int) float64 { return float64(a.Age[i]) }
	sameRegion := func(g *Graph) float64 {
		same, all := 0, 0
		for i := 0; i < g.N; i++ {
			for _, j := range g.Neighbours(i) {
				all++
				if a.Region[i] == a.Region[j] {
					same++
				}
			}
		}
		return float64(same) / float64(all)
	}
	for _, c := range []struct {
		p                 Params
		minIdeo, maxIdeo  float64
		minAge, minRegion float64
	}{
		{DefaultParams(), 0.4, 0.7, 0.4, 0.65},
		{Params{Kind: "homophilous", Degree: 16, Homophily: 1}, 0.65, 0.95, 0.6, 0.95},
		{Params{Kind: "homophilous", Degree: 16, Homophily: 0}, -0.03, 0.03, -0.03, 0},
		{Params{Kind: "random", Degree: 16}, -0.03, 0.03, -0.03, 0},
		{Params{Kind: "small-world", Degree: 16, Rewire: 0.1}, -0.03, 0.03, -0.03, 0},
	} {
		g := build(t, c.p, testN, 3, 0)
		ri, ra, sr := tieCorrelation(g, ideo), tieCorrelation(g, age), sameRegion(g)
		t.Logf("%s h=%.1f: r(ideology) %.3f, r(age) %.3f, same region %.3f", c.p.Kind, c.p.Homophily, ri, ra, sr)
		if ri < c.minIdeo || ri > c.maxIdeo {
			t.Errorf("%s h=%v: ideology correlation across ties %.3f, want in [%.2f, %.2f]", c.p.Kind, c.p.Homophily, ri, c.minIdeo, c.maxIdeo)
		}
		if ra < c.minAge {
			t.Errorf("%s h=%v: age correlation across ties %.3f, want ≥ %.2f", c.p.Kind, c.p.Homophily, ra, c.minAge)
		}
		if sr < c.minRegion {
			t.Errorf("%s h=%v: same-region share %.3f, want ≥ %.2f", c.p.Kind, c.p.Homophily, sr, c.minRegion)
		}
	}
}

func TestDeterministicAcrossWorkers(t *testing.T) {
	for _, kind := range Kinds() {
		ref := build(t, params(kind), testN, 11, 1)
		for _, w := range []int{2, 3} {
			if g := build(t, params(kind), testN, 11, w); !reflect.DeepEqual(ref, g) {
				t.Errorf("%s: workers=%d differs from workers=1", kind, w)
			}
		}
		if kind != "complete" {
			if g := build(t, params(kind), testN, 12, 2); reflect.DeepEqual(ref.Adj, g.Adj) {
				t.Errorf("%s: seeds 11 and 12 give the same graph", kind)
			}
		}
	}
}

func TestErrors(t *testing.T) {
	a := attrs(t, 10)
	cases := []struct {
		p    Params
		n    int
		a    Attributes
		want string
	}{
		{Params{Kind: "scale-free", Degree: 4}, 10, a, `network.kind = "scale-free": unknown (allowed: complete, random, small-world, homophilous)`},
		{Params{Kind: "", Degree: 4}, 10, a, `network.kind = "": unknown (allowed: complete, random, small-world, homophilous)`},
		{Params{Kind: "random", Degree: 0}, 10, a, "network.degree = 0: must be above 0"},
		{Params{Kind: "random", Degree: -2.5}, 10, a, "network.degree = -2.5: must be above 0"},
		{Params{Kind: "small-world", Degree: math.NaN()}, 10, a, "network.degree = NaN: must be above 0"},
		{Params{Kind: "random", Degree: 20}, 10, a, "network.degree = 20: must be below population.size (10)"},
		{Params{Kind: "homophilous", Degree: 10, Homophily: 0.5}, 10, a, "network.degree = 10: must be below population.size (10)"},
		{Params{Kind: "small-world", Degree: 4, Rewire: 1.5}, 10, a, "network.rewire = 1.5: must be between 0 and 1"},
		{Params{Kind: "random", Degree: 4, Rewire: -0.1}, 10, a, "network.rewire = -0.1: must be between 0 and 1"},
		{Params{Kind: "homophilous", Degree: 4, Homophily: 2}, 10, a, "network.homophily = 2: must be between 0 and 1"},
		{Params{Kind: "random", Degree: 4}, 0, a, "population.size = 0: must be at least 1"},
		{Params{Kind: "homophilous", Degree: 4, Homophily: 0.5}, 10, Attributes{}, `network.kind = "homophilous": needs ideology, age and region of all 10 agents (got 0, 0, 0)`},
		{Params{Kind: "homophilous", Degree: 4, Homophily: 0.5}, 10, Attributes{Ideology: a.Ideology, Age: a.Age, Region: make([]uint8, 9)}, `network.kind = "homophilous": needs ideology, age and region of all 10 agents (got 10, 10, 9)`},
	}
	for _, c := range cases {
		g, err := Build(c.p, c.n, c.a, 1, 1)
		if err == nil || err.Error() != c.want {
			t.Errorf("Build(%+v, %d): error %v, want %q", c.p, c.n, err, c.want)
		}
		if g != nil {
			t.Errorf("Build(%+v, %d) returned a graph with an error", c.p, c.n)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("error is not one line: %q", err)
		}
	}
	bad := slices.Clone(a.Region)
	bad[3] = 64
	if _, err := Build(Params{Kind: "homophilous", Degree: 4}, 10, Attributes{Ideology: a.Ideology, Age: a.Age, Region: bad}, 1, 1); err == nil {
		t.Error("region 64 accepted")
	}
	// Complete ignores the degree.
	if _, err := Build(Params{Kind: "complete", Degree: 0}, 10, Attributes{}, 1, 1); err != nil {
		t.Errorf("complete with degree 0: %v", err)
	}
}

func TestTinyPopulations(t *testing.T) {
	for _, kind := range Kinds() {
		for _, deg := range []float64{0.5, 16} {
			g, err := Build(Params{Kind: kind, Degree: deg, Rewire: 0.3, Homophily: 0.5}, 1, attrs(t, 1), 1, 3)
			if err != nil {
				t.Fatalf("%s n=1: %v", kind, err)
			}
			if g.N != 1 || g.Degree(0) != 0 || g.Edges() != 0 || g.Validate() != nil {
				t.Errorf("%s n=1: %+v", kind, g)
			}
		}
	}
	for n := 2; n <= 12; n++ {
		a := attrs(t, n)
		for _, kind := range Kinds() {
			for _, deg := range []float64{0.4, 1, 1.5, float64(n) - 1, float64(n) - 0.4} {
				for _, rw := range []float64{0, 0.5, 1} {
					g, err := Build(Params{Kind: kind, Degree: deg, Rewire: rw, Homophily: rw}, n, a, 7, 2)
					if err != nil {
						t.Fatalf("%s n=%d degree %v: %v", kind, n, deg, err)
					}
					if err := g.Validate(); err != nil {
						t.Fatalf("%s n=%d degree %v rewire %v: %v", kind, n, deg, rw, err)
					}
				}
			}
		}
		// degree n−1 on a random graph is the complete graph.
		g, _ := Build(Params{Kind: "random", Degree: float64(n - 1)}, n, a, 7, 2)
		if g.Edges() != int64(n*(n-1)/2) {
			t.Errorf("random n=%d degree n−1: %d edges", n, g.Edges())
		}
	}
}

// components returns the size of the largest connected component.
func largestComponent(g *Graph) int {
	seen := make([]bool, g.N)
	best := 0
	var stack []int32
	for s := 0; s < g.N; s++ {
		if seen[s] {
			continue
		}
		seen[s] = true
		stack = append(stack[:0], int32(s))
		size := 0
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			size++
			for _, w := range g.Neighbours(int(v)) {
				if !seen[w] {
					seen[w] = true
					stack = append(stack, w)
				}
			}
		}
		best = max(best, size)
	}
	return best
}

func TestConnected(t *testing.T) {
	// Erdős–Rényi: connected w.h.p. once the degree exceeds ln n ≈ 9.9.
	for _, p := range []Params{{Kind: "random", Degree: 16}, {Kind: "small-world", Degree: 16, Rewire: 0.1}, DefaultParams()} {
		g := build(t, p, testN, 4, 0)
		if c := largestComponent(g); c < testN-2 {
			t.Errorf("%s: largest component %d of %d", p.Kind, c, testN)
		}
	}
	// Below the threshold the giant component still holds most agents:
	// 1 − s = e^{−k s} gives s ≈ 0.80 at k = 2.
	g := build(t, Params{Kind: "random", Degree: 2}, testN, 4, 0)
	if s := float64(largestComponent(g)) / testN; math.Abs(s-0.797) > 0.02 {
		t.Errorf("random degree 2: giant component share %.3f, want ≈ 0.797", s)
	}
}

// The degree distribution of G(n, p) is binomial: variance ≈ mean.
func TestRandomDegreeDistribution(t *testing.T) {
	g := build(t, Params{Kind: "random", Degree: 16}, testN, 5, 0)
	var s, ss float64
	for i := 0; i < g.N; i++ {
		d := float64(g.Degree(i))
		s += d
		ss += d * d
	}
	m := s / testN
	v := ss/testN - m*m
	if math.Abs(v/m-1) > 0.08 {
		t.Errorf("random graph degree variance/mean = %.3f, want ≈ 1 (Poisson)", v/m)
	}
}

func TestValidateCatches(t *testing.T) {
	good := func() *Graph {
		return &Graph{N: 3, Offsets: []int64{0, 2, 3, 4}, Adj: []int32{1, 2, 0, 0}}
	}
	if err := good().Validate(); err != nil {
		t.Fatalf("valid graph rejected: %v", err)
	}
	for name, mutate := range map[string]func(g *Graph){
		"asymmetric":   func(g *Graph) { g.Adj[3] = 1 },
		"self-loop":    func(g *Graph) { g.Adj[2] = 1 },
		"out of range": func(g *Graph) { g.Adj[0] = 7 },
		"unsorted":     func(g *Graph) { g.Adj[0], g.Adj[1] = 2, 1 },
		"duplicate":    func(g *Graph) { g.Adj[1] = 1 },
		"offsets":      func(g *Graph) { g.Offsets[3] = 5 },
		"short":        func(g *Graph) { g.Offsets = g.Offsets[:3] },
		"complete":     func(g *Graph) { g.Complete = true },
	} {
		g := good()
		mutate(g)
		if g.Validate() == nil {
			t.Errorf("%s: Validate accepted a broken graph", name)
		}
	}
}

func TestHilbertIsABijection(t *testing.T) {
	const order = 4
	seen := map[uint64]bool{}
	prev := [2]int{0, 0}
	pos := map[uint64][2]int{}
	for x := range 1 << order {
		for y := range 1 << order {
			d := hilbert(uint32(x), uint32(y), order)
			if d >= 1<<(2*order) || seen[d] {
				t.Fatalf("hilbert(%d,%d) = %d repeated or out of range", x, y, d)
			}
			seen[d] = true
			pos[d] = [2]int{x, y}
		}
	}
	// Successive cells on the curve are grid neighbours.
	for d := uint64(1); d < 1<<(2*order); d++ {
		prev = pos[d-1]
		cur := pos[d]
		if dx, dy := cur[0]-prev[0], cur[1]-prev[1]; dx*dx+dy*dy != 1 {
			t.Fatalf("cells %d and %d are not adjacent: %v %v", d-1, d, prev, cur)
		}
	}
}

func TestSortInt32(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 47, 48, 49, 300} {
		l := make([]int32, n)
		for i := range l {
			l[i] = r.Int32N(100)
		}
		sortInt32(l)
		if !slices.IsSorted(l) {
			t.Errorf("n=%d not sorted", n)
		}
	}
}

func benchBuild(b *testing.B, p Params) {
	const n = 1_000_000
	a := attrs(b, n)
	b.ReportAllocs()
	b.ResetTimer()
	var g *Graph
	for b.Loop() {
		var err error
		if g, err = Build(p, n, a, 1, 0); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/agent")
	if !g.Complete {
		b.ReportMetric(float64(8*len(g.Offsets)+4*len(g.Adj))/n, "csr-B/agent")
	}
}

func BenchmarkBuildComplete1M(b *testing.B) { benchBuild(b, Params{Kind: "complete"}) }
func BenchmarkBuildRandom1M(b *testing.B)   { benchBuild(b, Params{Kind: "random", Degree: 16}) }
func BenchmarkBuildSmallWorld1M(b *testing.B) {
	benchBuild(b, Params{Kind: "small-world", Degree: 16, Rewire: 0.1})
}
func BenchmarkBuildHomophilous1M(b *testing.B) { benchBuild(b, DefaultParams()) }
