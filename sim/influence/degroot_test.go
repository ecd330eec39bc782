package influence

import (
	"math"
	"slices"
	"testing"

	"boomerang/sim/network"
)

// DeGroot on a connected graph converges to the (d_i+1)-weighted mean of
// the initial opinions (LITERATURE §7; Golub & Jackson 2010).
func TestDeGrootConvergesToDegreeWeightedMean(t *testing.T) {
	const n = 500
	g := connectedRandomGraph(t, n, 6, 11)
	x := uniformOpinions(n, 3)
	var num, den, plain float64
	for i, v := range x {
		w := float64(g.Degree(i) + 1)
		num += w * float64(v)
		den += w
		plain += float64(v)
	}
	want := num / den
	plain /= n
	// The test must be able to tell degree weighting from a plain mean.
	if math.Abs(want-plain) < 1e-3 {
		t.Fatalf("weighted mean %.5f too close to plain mean %.5f to discriminate", want, plain)
	}
	r := Runner{Model: mustNew(t, Params{Model: "degroot"}, Setup{Graph: g, Workers: 2}), X: x}
	for r.T < 5000 && spread(x) > 1e-6 {
		r.Step()
	}
	t.Logf("steps=%d spread=%.2g limit=%.6f weighted=%.6f plain=%.6f", r.T, spread(x), x[0], want, plain)
	for i, v := range x {
		if math.Abs(float64(v)-want) > 1e-4 {
			t.Fatalf("x[%d]=%.6f, want weighted mean %.6f ± 1e-4", i, v, want)
		}
	}
}

// On a complete graph one step gives everyone the mean, as the explicit
// averaging over a materialised complete graph does.
func TestDeGrootCompleteGraph(t *testing.T) {
	const n = 200
	x := uniformOpinions(n, 5)
	mean := 0.0
	for _, v := range x {
		mean += float64(v)
	}
	mean /= n
	implicit := slices.Clone(x)
	mustNew(t, Params{Model: "degroot"}, Setup{Graph: completeGraph(n)}).Step(1, implicit)
	explicit := slices.Clone(x)
	mustNew(t, Params{Model: "degroot"}, Setup{Graph: completeCSR(n), Workers: 3}).Step(1, explicit)
	for i := range x {
		if math.Abs(float64(implicit[i])-mean) > 1e-6 || math.Abs(float64(explicit[i])-mean) > 1e-6 {
			t.Fatalf("agent %d: implicit %.7f explicit %.7f, want mean %.7f", i, implicit[i], explicit[i], mean)
		}
	}
}

// The synchronous models give bit-identical opinions for any worker count.
func TestSynchronousWorkersBitIdentical(t *testing.T) {
	sparse := randomGraph(2000, 9, 21)
	cases := []struct {
		name string
		p    Params
	}{
		{"degroot", Params{Model: "degroot"}},
		{"friedkin-johnsen", Params{Model: "friedkin-johnsen", Stubbornness: 0.3}},
		{"hegselmann-krause", Params{Model: "hegselmann-krause", Epsilon: 0.3}},
	}
	for _, c := range cases {
		for _, complete := range []bool{false, true} {
			g := sparse
			if complete {
				g = completeGraph(5000) // ≥ 4096: HK takes the radix-sort path
			}
			init := uniformOpinions(g.N, 8)
			var ref []float32
			for _, w := range []int{1, 2, 3, 7} {
				x := slices.Clone(init)
				m := mustNew(t, c.p, Setup{Graph: g, Initial: init, Workers: w})
				for s := 1; s <= 25; s++ {
					m.Step(s, x)
				}
				if ref == nil {
					ref = x
					if sameBits(x, init) {
						t.Fatalf("%s: opinions did not move", c.name)
					}
					continue
				}
				if !sameBits(x, ref) {
					t.Errorf("%s complete=%v: workers=%d differs from workers=1", c.name, complete, w)
				}
			}
		}
	}
}

// referenceAverage is the averaging step as the textbook loop writes it,
// with the kernel's documented summation order (x_i and neighbour k into
// partial sum k mod 4, neighbours past the last multiple of four into the
// first, combined as (s0+s1)+(s2+s3)) and the anchor applied inline.
func referenceAverage(g *network.Graph, x []float32, lambda float32, anchor []float32) []float32 {
	out := make([]float32, len(x))
	for i := range x {
		nb := g.Neighbours(i)
		var s [4]float32
		s[0] = x[i]
		full := len(nb) / 4 * 4
		for k, j := range nb {
			if k < full {
				s[k%4] += x[j]
			} else {
				s[0] += x[j]
			}
		}
		v := ((s[0] + s[1]) + (s[2] + s[3])) / float32(len(nb)+1)
		if anchor != nil {
			v = lambda*v + (1-lambda)*anchor[i]
		}
		out[i] = v
	}
	return out
}

// The hand-tuned gather loop (and FJ's separate anchor pass) computes
// exactly the reference loop's float32 values, on a graph whose degrees
// cover every remainder mod 4, for DeGroot and Friedkin–Johnsen, serial
// and chunked.
func TestAveragerMatchesReference(t *testing.T) {
	g := randomGraph(3001, 7, 5)
	rem := [4]int{}
	for i := range g.N {
		rem[g.Degree(i)%4]++
	}
	for r, c := range rem {
		if c == 0 {
			t.Fatalf("no agent of degree ≡ %d mod 4", r)
		}
	}
	init := uniformOpinions(g.N, 3)
	anchor := uniformOpinions(g.N, 4)
	for _, fj := range []bool{false, true} {
		for _, w := range []int{1, 3} {
			var m Model
			lambda := float32(1)
			var u []float32
			if fj {
				lambda, u = 0.7, anchor
				m = mustNew(t, Params{Model: "friedkin-johnsen", Stubbornness: 0.3}, Setup{Graph: g, Initial: anchor, Workers: w})
			} else {
				m = mustNew(t, Params{Model: "degroot"}, Setup{Graph: g, Initial: init, Workers: w})
			}
			x := slices.Clone(init)
			want := slices.Clone(init)
			for s := 1; s <= 5; s++ {
				m.Step(s, x)
				want = referenceAverage(g, want, lambda, u)
				if !sameBits(x, want) {
					t.Fatalf("fj=%v workers=%d step %d: kernel differs from the reference loop", fj, w, s)
				}
			}
		}
	}
}
