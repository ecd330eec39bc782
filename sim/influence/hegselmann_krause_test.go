package influence

import (
	"math"
	"slices"
	"testing"
)

// Hegselmann–Krause (2002) on a complete graph: consensus for classic ε
// above ≈ 0.2 (Fortunato 2005), fragmentation below, with neighbouring
// clusters about 2ε apart (LITERATURE §7). Clusters are counted by the
// 0.02-gap rule after the dynamics stops (HK freezes in finitely many
// steps).
func TestHegselmannKrauseCompleteGraph(t *testing.T) {
	n := 1000
	if !heavy() {
		n = 500
	}
	for _, eps := range []float64{0.5, 0.6} { // classic 0.25, 0.3
		for seed := uint64(1); seed <= 3; seed++ {
			r := Runner{Model: mustNew(t, Params{Model: "hegselmann-krause", Epsilon: eps}, Setup{Graph: completeGraph(n), Workers: 2}), X: uniformOpinions(n, seed)}
			if !r.UntilStill(0, 1000) {
				t.Fatalf("eps=%v seed=%d: still moving after %d steps", eps, seed, r.T)
			}
			if c := clusters(r.X); len(c) != 1 {
				t.Errorf("eps=%v (classic %.2f) seed=%d: %d clusters, want consensus", eps, eps/2, seed, len(c))
			}
		}
	}
	for _, eps := range []float64{0.1, 0.2} { // classic 0.05, 0.1
		var gaps []float64
		for seed := uint64(1); seed <= 3; seed++ {
			r := Runner{Model: mustNew(t, Params{Model: "hegselmann-krause", Epsilon: eps}, Setup{Graph: completeGraph(n), Workers: 2}), X: uniformOpinions(n, seed)}
			if !r.UntilStill(0, 1000) {
				t.Fatalf("eps=%v seed=%d: still moving after %d steps", eps, seed, r.T)
			}
			c := clusters(r.X)
			if len(c) < 2 {
				t.Fatalf("eps=%v seed=%d: %d cluster(s), want fragmentation", eps, seed, len(c))
			}
			for k := 1; k < len(c); k++ {
				gap := c[k].Centre - c[k-1].Centre
				if gap <= eps {
					t.Errorf("eps=%v seed=%d: clusters %.3f and %.3f within ε would still merge", eps, seed, c[k-1].Centre, c[k].Centre)
				}
				gaps = append(gaps, gap)
			}
			t.Logf("eps=%.2f seed=%d: %d clusters after %d steps", eps, seed, len(c), r.T)
		}
		mean := 0.0
		for _, g := range gaps {
			mean += g
		}
		mean /= float64(len(gaps))
		t.Logf("eps=%.2f: mean gap between neighbouring clusters %.3f = %.2f ε", eps, mean, mean/eps)
		if mean < 1.5*eps || mean > 3*eps {
			t.Errorf("eps=%v: mean gap between clusters %.3f, want about 2ε (1.5–3 ε)", eps, mean)
		}
	}
}

// With bounded mean degree HK needs classic ε > 0.5 for consensus
// (Fortunato 2005); above it a connected sparse graph agrees.
func TestHegselmannKrauseSparseConsensus(t *testing.T) {
	g := connectedRandomGraph(t, 1000, 6, 5)
	r := Runner{Model: mustNew(t, Params{Model: "hegselmann-krause", Epsilon: 1.2}, Setup{Graph: g, Workers: 2}), X: uniformOpinions(1000, 5)}
	r.UntilStill(1e-7, 5000)
	if s := spread(r.X); s > 1e-4 {
		t.Errorf("spread %.3g after %d steps, want consensus", s, r.T)
	}
}

// The sorted complete-graph path equals the plain neighbour scan over a
// materialised complete graph (same trusted sets; sums differ only in
// rounding).
func TestHegselmannKrauseCompletePathMatchesScan(t *testing.T) {
	const n = 400
	explicit := completeCSR(n)
	for _, rmin := range []int{4096, 0} { // pdqsort and radix-sort paths
		for _, eps := range []float64{0.05, 0.3, 1} {
			x := uniformOpinions(n, uint64(rmin+1))
			fast := mustNew(t, Params{Model: "hegselmann-krause", Epsilon: eps}, Setup{Graph: completeGraph(n), Workers: 2})
			fast.(*hegselmannKrause).radixMin = rmin
			scan := mustNew(t, Params{Model: "hegselmann-krause", Epsilon: eps}, Setup{Graph: explicit, Workers: 2})
			for s := 1; s <= 6; s++ {
				a, b := slices.Clone(x), slices.Clone(x)
				fast.Step(s, a)
				scan.Step(s, b)
				for i := range a {
					if math.Abs(float64(a[i])-float64(b[i])) > 1e-6 {
						t.Fatalf("radixMin=%d eps=%v step %d agent %d: sorted %.7f, scan %.7f", rmin, eps, s, i, a[i], b[i])
					}
				}
				x = b
			}
		}
	}
}

func TestRadixSort(t *testing.T) {
	x := uniformOpinions(10000, 3)
	x[5], x[6], x[7] = 0, float32(math.Copysign(0, -1)), x[8] // zeros and a tie
	keys := make([]uint64, len(x))
	for i, v := range x {
		keys[i] = uint64(sortableBits(v))<<32 | uint64(i)
	}
	want := slices.Clone(keys)
	slices.Sort(want)
	radixSortHigh32(keys, make([]uint64, len(keys)), defaultRadixMin)
	if !slices.Equal(keys, want) {
		t.Fatal("radix sort disagrees with slices.Sort")
	}
	for p := 1; p < len(keys); p++ {
		if x[uint32(keys[p])] < x[uint32(keys[p-1])] {
			t.Fatal("sortable bits do not follow float order")
		}
	}
}
