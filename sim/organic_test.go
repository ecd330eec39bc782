package sim

import (
	"math"
	"sort"
	"testing"

	"boomerang/sim/population"
	"boomerang/sim/rng"
)

// organicWorld is a bare world of n agents for organic conversions:
// heterogeneous relevance (lognormal, one outlier that pushes its block's
// candidate probability to 1) and opinions spread over [−1, 1].
func organicWorld(n int, baseline float64) (*World, []float32) {
	w := &World{Pop: &population.Population{N: n}, Config: DefaultConfig()}
	w.Config.Response.BaselineHazard = baseline
	w.Config.Response.OpinionElasticity = 1
	w.Config.Campaign.Stance = 1
	w.rel.click = make([]float32, n)
	opinion := make([]float32, n)
	for i := range n {
		z := boxMuller(rng.Float64(1, rng.Relevance, uint64(i), 0, 0), rng.Float64(1, rng.Relevance, uint64(i), 0, 1))
		w.rel.click[i] = float32(math.Exp(0.8*z - 0.32))
		opinion[i] = float32(2*rng.Float64(1, rng.Opinion, uint64(i), 0, 0) - 1)
	}
	w.rel.click[5] = 40 // baseline · e · 40 > 1 for the baselines below
	w.rel.order = relevanceOrder(w.rel.click)
	return w, opinion
}

// organicState is a fresh arm state on w with the given opinions.
func organicState(w *World, opinion []float32) *ArmState {
	n := w.Pop.N
	return &ArmState{Opinion: append([]float32(nil), opinion...), Converted: make([]bool, n), lastClick: make([]int32, n)}
}

// TestOrganicSkipSamplingLaw: skip-sampled organic conversions have the
// law of one independent draw per person and step — P(i converted by step
// T) = 1 − (1 − h_i)^T — checked over many seeds: the total count's mean
// and variance (a Poisson-binomial) and who converts (χ² over ten groups
// of people by hazard).
func TestOrganicSkipSamplingLaw(t *testing.T) {
	const n, steps, seeds = 3000, 3, 400
	w, opinion := organicWorld(n, 0.02)
	p := make([]float64, n) // P(converted by the last step)
	var mean, variance float64
	for i := range n {
		h := math.Min(1, organicHazard(w, int32(i), float64(opinion[i])))
		p[i] = 1 - math.Pow(1-h, steps)
		mean += p[i]
		variance += p[i] * (1 - p[i])
	}
	count := make([]float64, n) // conversions of each person over the seeds
	var sum, sum2 float64
	for seed := range uint64(seeds) {
		w.Seed = 1000 + seed
		s := organicState(w, opinion)
		for step := 1; step <= steps; step++ {
			organicConversions(step, w, s)
		}
		if int64(countTrue(s.Converted)) != s.Totals.Conversions {
			t.Fatalf("seed %d: %d converted, %d booked", seed, countTrue(s.Converted), s.Totals.Conversions)
		}
		c := float64(s.Totals.Conversions)
		sum += c
		sum2 += c * c
		for i, done := range s.Converted {
			if done {
				count[i]++
			}
		}
	}
	gotMean := sum / seeds
	gotVar := sum2/seeds - gotMean*gotMean
	if z := (gotMean - mean) / math.Sqrt(variance/seeds); math.Abs(z) > 4 {
		t.Errorf("mean conversions %.2f, expected %.2f (z = %.1f)", gotMean, mean, z)
	}
	if r := gotVar / variance; r < 0.75 || r > 1.3 {
		t.Errorf("variance of conversions %.1f, expected %.1f (ratio %.2f)", gotVar, variance, r)
	}
	// Who converts: people grouped by probability, observed vs expected.
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return p[order[a]] < p[order[b]] })
	chi2 := 0.0
	const groups = 10
	for g := range groups {
		var obs, exp float64
		for _, i := range order[g*n/groups : (g+1)*n/groups] {
			obs += count[i]
			exp += p[i] * seeds
		}
		chi2 += (obs - exp) * (obs - exp) / exp
	}
	if chi2 > 35 { // χ²(10) exceeds 35 with probability ≈ 1e-4
		t.Errorf("who converts: χ² = %.1f over %d groups", chi2, groups)
	}
	// The outlier's block has candidate probability 1: everyone in it is
	// a candidate, and the outlier (hazard ≥ 1) always converts.
	if count[5] != seeds {
		t.Errorf("the person of hazard ≥ 1 converted in %v of %d seeds", count[5], seeds)
	}
}

// TestOrganicCandidatesLaw: within a block every agent is a candidate with
// probability p, independently (mean and variance of the count), and a
// candidate's draw is uniform on [0, p).
func TestOrganicCandidatesLaw(t *testing.T) {
	const size, p, reps = 1024, 0.01, 2000
	var sum, sum2, uSum float64
	var perAgent [size]float64
	for rep := range uint64(reps) {
		agent, u := appendCandidates(nil, nil, 7, 3, rep, 0, size, p)
		c := float64(len(agent))
		sum += c
		sum2 += c * c
		for k, a := range agent {
			if k > 0 && a <= agent[k-1] || a < 0 || a >= size {
				t.Fatalf("candidates not increasing inside the block: %v", agent)
			}
			if !(u[k] >= 0 && u[k] < p) {
				t.Fatalf("draw %v outside [0, %v)", u[k], p)
			}
			perAgent[a]++
			uSum += u[k]
		}
	}
	mean, variance := size*p, size*p*(1-p)
	gotMean := sum / reps
	if z := (gotMean - mean) / math.Sqrt(variance/reps); math.Abs(z) > 4 {
		t.Errorf("candidates per block %.2f, expected %.2f (z = %.1f)", gotMean, mean, z)
	}
	if r := (sum2/reps - gotMean*gotMean) / variance; r < 0.85 || r > 1.15 {
		t.Errorf("variance ratio of the candidate count %.2f, expected 1", r)
	}
	if m := uSum / sum; math.Abs(m-p/2) > 0.05*p {
		t.Errorf("mean candidate draw %.5f, expected %.5f", m, p/2)
	}
	// First and last quarter of the block equally often (no drift along the block).
	var first, lastQ float64
	for a := range size / 4 {
		first += perAgent[a]
		lastQ += perAgent[size-1-a]
	}
	if math.Abs(first-lastQ) > 4*math.Sqrt(first+lastQ) {
		t.Errorf("first quarter %v candidates, last quarter %v", first, lastQ)
	}
}

// TestInMarketIsTheTwinsFuture: at constant opinions, person i is "in
// market" at step t exactly when a twin arm that starts unconverted at t
// converts i organically during t … t + inMarketWindow − 1.
func TestInMarketIsTheTwinsFuture(t *testing.T) {
	const n, t0 = 2500, 4
	w, opinion := organicWorld(n, 0.01)
	w.Seed = 99
	twin := organicState(w, opinion)
	for step := t0; step < t0+inMarketWindow; step++ {
		organicConversions(step, w, twin)
	}
	probe := organicState(w, opinion)
	o := probe.organicFor(w, t0)
	inMarketCount := 0
	for i := range int32(n) {
		got := inMarket(w, o, i, t0, float64(opinion[i]))
		if got != twin.Converted[i] {
			t.Fatalf("person %d: in market %v, twin converted %v", i, got, twin.Converted[i])
		}
		if got {
			inMarketCount++
		}
	}
	if inMarketCount < 100 {
		t.Fatalf("only %d people in market: the test tests little", inMarketCount)
	}
}

func countTrue(b []bool) int {
	c := 0
	for _, v := range b {
		if v {
			c++
		}
	}
	return c
}
