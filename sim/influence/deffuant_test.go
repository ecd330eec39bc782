package influence

import (
	"math"
	"testing"

	"boomerang/sim/network"
	"boomerang/sim/rng"
)

// Deffuant et al. (2000) / Weisbuch et al. (2002): uniform initial opinions
// on a complete graph end in ⌊1/(2d)⌋ major clusters, d = ε/2 the classic
// threshold, and in consensus for d > 0.5 (LITERATURE §7).
//
// Counting rule (tests and docs/MODEL.md): run until the final groups are
// settled (no two groups within ε, each narrower than ε) and opinions stop
// moving (≤ 1e−6 per sweep); then cut the sorted opinions at gaps > 0.02
// and count clusters holding ≥ 10 % of the agents as major. A parameter
// point passes when at least 4 of 5 seeds give the predicted count.
func TestDeffuantMajorClusters(t *testing.T) {
	n, seeds := 1000, 5
	if !heavy() {
		n = 500
	}
	for _, eps := range []float64{0.3, 0.5, 1.2} {
		classic := eps / 2
		want := max(1, int(math.Floor(1/(2*classic))))
		hits := 0
		var got []int
		for s := range seeds {
			seed := uint64(100 + s)
			g := completeGraph(n)
			r := Runner{Model: mustNew(t, Params{Model: "deffuant", Epsilon: eps, Mu: 0.5}, Setup{Graph: g, Seed: seed}), X: uniformOpinions(n, seed)}
			if _, ok := r.UntilFrozen(eps, 20000); !ok {
				t.Fatalf("eps=%v seed=%d: groups not settled after %d sweeps", eps, seed, r.T)
			}
			r.UntilStill(1e-6, 20000)
			k := len(majors(r.X))
			got = append(got, k)
			if k == want {
				hits++
			}
		}
		t.Logf("eps=%.2f (classic %.2f): major clusters per seed %v, want ⌊1/(2d)⌋ = %d", eps, classic, got, want)
		if hits < seeds-1 {
			t.Errorf("eps=%.2f: %d of %d seeds gave %d major clusters (got %v)", eps, hits, seeds, want, got)
		}
	}
}

// Consensus for classic d > 0.5 holds on any connected network
// (Fortunato 2004).
func TestDeffuantConsensusOnSparseGraph(t *testing.T) {
	n := 1000
	if !heavy() {
		n = 300
	}
	for _, seed := range []uint64{1, 2, 3} {
		g := connectedRandomGraph(t, n, 6, seed)
		r := Runner{Model: mustNew(t, Params{Model: "deffuant", Epsilon: 1.2, Mu: 0.3}, Setup{Graph: g, Seed: seed}), X: uniformOpinions(n, seed)}
		r.UntilStill(1e-6, 50000)
		if c := clusters(r.X); len(c) != 1 {
			t.Errorf("seed %d: %d clusters after %d sweeps, want consensus (spread %.3g)", seed, len(c), r.T, spread(r.X))
		}
	}
}

// The branch-free update agrees with the textbook if-version, including
// the strict boundary |d| = ε (no move).
func TestDeffuantCompromise(t *testing.T) {
	ref := func(a, b, eps, mu float32) (float32, float32) {
		if d := b - a; float32(math.Abs(float64(d))) < eps {
			return a + mu*d, b - mu*d
		}
		return a, b
	}
	r := rng.New(1, rng.Influence, 99, 0)
	for range 100000 {
		a, b := float32(2*r.Float64()-1), float32(2*r.Float64()-1)
		eps, mu := float32(r.Float64()*2), float32(r.Float64()/2)
		if r.IntN(10) == 0 { // exact boundary
			eps = abs32(b - a)
		}
		ga, gb := compromise(a, b, eps, mu)
		wa, wb := ref(a, b, eps, mu)
		if ga != wa || gb != wb {
			t.Fatalf("compromise(%v,%v,ε=%v,μ=%v) = %v,%v; want %v,%v", a, b, eps, mu, ga, gb, wa, wb)
		}
	}
	if a, b := compromise(0, 0.5, 0.5, 0.5); a != 0 || b != 0.5 {
		t.Fatalf("|d| = ε must not interact, got %v %v", a, b)
	}
	if a, b := compromise(0, 0.4, 0.5, 0.5); a != 0.2 || b != 0.2 {
		t.Fatalf("μ = 0.5 must meet in the middle, got %v %v", a, b)
	}
}

// Pairwise updates conserve the sum of opinions on any graph.
func TestDeffuantConservesSum(t *testing.T) {
	for _, g := range []*network.Graph{randomGraph(500, 5, 1), completeGraph(500)} {
		x := uniformOpinions(500, 2)
		before := sum64(x)
		m := mustNew(t, Params{Model: "deffuant", Epsilon: 0.6, Mu: 0.3}, Setup{Graph: g, Seed: 4})
		for s := 1; s <= 50; s++ {
			m.Step(s, x)
		}
		if d := math.Abs(sum64(x) - before); d > 1e-3 {
			t.Errorf("complete=%v: sum drifted by %.3g", g.Complete, d)
		}
	}
}

func sum64(x []float32) float64 {
	s := 0.0
	for _, v := range x {
		s += float64(v)
	}
	return s
}
