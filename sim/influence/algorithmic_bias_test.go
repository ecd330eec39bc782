package influence

import (
	"math"
	"sync"
	"testing"

	"boomerang/sim/network"
)

// γ = 0 is exactly Deffuant: same draws, same opinions.
func TestAlgorithmicBiasGammaZeroIsDeffuant(t *testing.T) {
	for _, g := range []*network.Graph{randomGraph(400, 6, 3), completeGraph(400)} {
		a, b := uniformOpinions(400, 1), uniformOpinions(400, 1)
		p := Params{Epsilon: 0.5, Mu: 0.4}
		p.Model = "deffuant"
		d := mustNew(t, p, Setup{Graph: g, Seed: 9})
		p.Model = "algorithmic-bias"
		ab := mustNew(t, p, Setup{Graph: g, Seed: 9})
		for s := 1; s <= 30; s++ {
			d.Step(s, a)
			ab.Step(s, b)
		}
		if !sameBits(a, b) {
			t.Errorf("complete=%v: γ=0 differs from Deffuant", g.Complete)
		}
	}
}

// The partner of i is drawn with probability ∝ max(|x_i−x_j|, 1e−4)^(−γ)
// (Sîrbu et al. 2019): empirical frequencies over 200k draws match within
// 4.5 binomial σ per partner, on a sparse list and a complete graph.
func TestAlgorithmicBiasPartnerChoice(t *testing.T) {
	x := []float32{0, 0.05, -0.1, 0.3, 0.00001, -0.8, 0.6}
	sparse := fromEdges(7, [][2]int32{{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {6, 5}})
	for _, c := range []struct {
		g    *network.Graph
		who  int
		cand []int
	}{
		{sparse, 0, []int{1, 2, 3, 4, 5}},
		{completeGraph(7), 0, []int{1, 2, 3, 4, 5, 6}},
		{completeGraph(7), 3, []int{0, 1, 2, 4, 5, 6}},
	} {
		for _, gamma := range []float64{0.7, 1.5} {
			m := newAlgorithmicBias(Params{Epsilon: 0.5, Mu: 0.5, Gamma: gamma}, Setup{Graph: c.g, Seed: 1})
			m.rs.reset(1, 1)
			const draws = 200000
			count := make([]int, 7)
			for range draws {
				var j int
				if c.g.Complete {
					j = m.chooseComplete(c.who, x)
				} else {
					j = m.chooseSparse(x[c.who], x, c.g.Neighbours(c.who))
				}
				count[j]++
			}
			total := 0.0
			w := make([]float64, 7)
			for _, j := range c.cand {
				w[j] = math.Pow(math.Max(math.Abs(float64(x[j])-float64(x[c.who])), 1e-4), -gamma)
				total += w[j]
			}
			for j := range 7 {
				p := w[j] / total
				sd := math.Sqrt(draws * p * (1 - p))
				if d := math.Abs(float64(count[j]) - draws*p); d > 4.5*sd || (p == 0 && count[j] > 0) {
					t.Errorf("complete=%v i=%d γ=%v partner %d: %d draws, want %.0f ± %.0f", c.g.Complete, c.who, gamma, j, count[j], draws*p, 4.5*sd)
				}
			}
		}
	}
}

// Algorithmic bias fragments opinions (Sîrbu et al. 2019, Fig. 1, 7): at a
// confidence where Deffuant mostly reaches consensus (classic ε = 0.3, ours
// 0.6, N = 100 complete, μ = 0.5) biased partner choice leaves more final
// clusters. Each run goes until its final groups are settled (see
// finalGroups; γ = 1.5 needs ~10⁴ sweeps), and the effective number of
// clusters (Σs)²/Σs² of the groups is averaged over seeds.
func TestAlgorithmicBiasMoreClusters(t *testing.T) {
	const n, eps = 100, 0.6
	seeds := 10
	gammas := []float64{0, 1, 1.5}
	if !heavy() {
		seeds, gammas = 6, []float64{0, 1}
	}
	mean := make([]float64, len(gammas))
	var wg sync.WaitGroup
	for k, gamma := range gammas {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum := 0.0
			for s := range seeds {
				seed := uint64(s + 1)
				m, err := New(Params{Model: "algorithmic-bias", Epsilon: eps, Mu: 0.5, Gamma: gamma}, Setup{Graph: completeGraph(n), Seed: seed})
				if err != nil {
					t.Error(err)
					return
				}
				r := Runner{Model: m, X: uniformOpinions(n, seed)}
				sizes, ok := r.UntilFrozen(eps, 200000)
				if !ok {
					t.Errorf("γ=%v seed %d: not settled after %d sweeps", gamma, seed, r.T)
					return
				}
				sum += effectiveCount(sizes)
			}
			mean[k] = sum / float64(seeds)
		}()
	}
	wg.Wait()
	t.Logf("γ %v: mean effective clusters %.2f", gammas, mean)
	for k := 1; k < len(gammas); k++ {
		if mean[k] < mean[0]+0.3 {
			t.Errorf("γ=%v: %.2f effective clusters, want clearly more than γ=0 (%.2f)", gammas[k], mean[k], mean[0])
		}
	}
}
