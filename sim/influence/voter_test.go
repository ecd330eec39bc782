package influence

import (
	"math"
	"testing"

	"boomerang/sim/network"
	"boomerang/sim/rng"
)

// Voter model on a complete graph (LITERATURE §7): the probability of
// ending all +1 is the initial share ρ (the magnetisation is a martingale),
// and the mean consensus time is ≈ −N[ρ ln ρ + (1−ρ) ln(1−ρ)] sweeps
// (Krapivsky, Redner & Ben-Naim 2010). Bands: exit probability within
// 3 binomial σ; mean time within ±10 % of the formula (its sampling error
// with 1000 runs is ≈ 3 %, and the finite-N correction at N = 100 ≈ 1 %).
func TestVoterCompleteGraph(t *testing.T) {
	const n, rho = 100, 0.3
	runs := 1000
	if !heavy() {
		runs = 300
	}
	g := completeGraph(n)
	plus := 0
	totalSweeps := 0
	x := make([]float32, n)
	for run := range runs {
		seed := uint64(run + 1)
		// exactly ρN agents at +1, placed at random
		for i := range x {
			x[i] = -1
		}
		r := rng.New(seed, rng.Opinion, 0, 0)
		for _, i := range r.Perm(n)[:int(rho*n)] {
			x[i] = 1
		}
		m := mustNew(t, Params{Model: "voter"}, Setup{Graph: g, Seed: seed})
		step := 0
		for ; ; step++ {
			s := sum64(x)
			if s == n || s == -n {
				if s == n {
					plus++
				}
				break
			}
			if step > 100*n {
				t.Fatalf("run %d: no consensus after %d sweeps", run, step)
			}
			m.Step(step+1, x)
		}
		totalSweeps += step
	}
	share := float64(plus) / float64(runs)
	sigma := math.Sqrt(rho * (1 - rho) / float64(runs))
	meanT := float64(totalSweeps) / float64(runs)
	wantT := -n * (rho*math.Log(rho) + (1-rho)*math.Log(1-rho))
	t.Logf("P(all +1) = %.3f (want %.2f ± %.3f); mean consensus time %.1f sweeps (formula %.1f)", share, rho, 3*sigma, meanT, wantT)
	if math.Abs(share-rho) > 3*sigma {
		t.Errorf("P(all +1) = %.3f, want %.2f within 3σ = %.3f", share, rho, 3*sigma)
	}
	if math.Abs(meanT-wantT) > 0.1*wantT {
		t.Errorf("mean consensus time %.1f sweeps, want %.1f ± 10 %%", meanT, wantT)
	}
}

// The first step maps opinions to their sign (0 stays 0); isolated agents
// then keep them.
func TestVoterSignMapping(t *testing.T) {
	g := &network.Graph{N: 5, Offsets: make([]int64, 6)} // nobody has ties
	x := []float32{0.3, -0.2, 0, 1, -1e-9}
	mustNew(t, Params{Model: "voter"}, Setup{Graph: g}).Step(1, x)
	want := []float32{1, -1, 0, 1, -1}
	for i := range x {
		if x[i] != want[i] {
			t.Fatalf("after first step x = %v, want %v", x, want)
		}
	}
	// An undecided agent next to a decided one becomes decided; the
	// decided one never copies the 0.
	g = fromEdges(2, [][2]int32{{0, 1}})
	x = []float32{0, 0.7}
	m := mustNew(t, Params{Model: "voter"}, Setup{Graph: g, Seed: 1})
	for s := 1; s <= 20; s++ {
		m.Step(s, x)
	}
	if x[0] != 1 || x[1] != 1 {
		t.Fatalf("x = %v, want [1 1]", x)
	}
}
