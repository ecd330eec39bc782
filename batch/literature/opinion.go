package literature

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"boomerang/sim/influence"
	"boomerang/sim/network"
	"boomerang/sim/rng"
)

// The classic results of LITERATURE §7, run on the model's own influence
// implementations in their textbook form (homogeneous parameters, no
// campaign). Our ε is measured on the opinion scale [−1, 1], twice the
// classic ε₀ on [0, 1].

// Counting rule for clusters: influence.Clusters / MajorClusters (the
// rule sim/influence's tests use).
const (
	clusterGap = influence.ClusterGap
	majorShare = influence.MajorShare
)

// uniformOpinions draws n opinions from U[−1, 1] (stream seed, Opinion).
func uniformOpinions(n int, seed uint64) []float32 {
	r := rng.New(seed, rng.Opinion, 0, 0)
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(2*r.Float64() - 1)
	}
	return x
}

type cluster = influence.Cluster

func clusters(x []float32) []cluster { return influence.Clusters(x, clusterGap) }

// majors counts the clusters holding at least majorShare of the agents.
func majors(x []float32) int { return len(influence.MajorClusters(x)) }

func finalGroups(x []float32, eps float64) ([]int, bool) { return influence.FinalGroups(x, eps) }

func effectiveCount(sizes []int) float64 { return influence.EffectiveClusters(sizes) }

// randomGraph is the model's Erdős–Rényi graph (network.Build, kind random).
func randomGraph(n int, deg float64, seed uint64) (*network.Graph, error) {
	return network.Build(network.Params{Kind: network.KindRandom, Degree: deg}, n, network.Attributes{}, seed, 1)
}

// components labels the connected components of g (BFS).
func components(g *network.Graph) (label []int, count int) {
	label = make([]int, g.N)
	for i := range label {
		label[i] = -1
	}
	queue := make([]int32, 0, g.N)
	for s := range g.N {
		if label[s] >= 0 {
			continue
		}
		label[s] = count
		queue = append(queue[:0], int32(s))
		for len(queue) > 0 {
			i := queue[0]
			queue = queue[1:]
			for _, j := range g.Neighbours(int(i)) {
				if label[j] < 0 {
					label[j] = count
					queue = append(queue, j)
				}
			}
		}
		count++
	}
	return label, count
}

func ints(xs []int) string {
	s := make([]string, len(xs))
	for i, v := range xs {
		s[i] = fmt.Sprint(v)
	}
	return strings.Join(s, " ")
}

// checkDeffuant: Deffuant, Neau, Amblard & Weisbuch (2000) and Weisbuch et
// al. (2002): uniform initial opinions on a complete graph end in
// ⌊1/(2ε₀)⌋ major clusters; consensus for ε₀ > 0.5 on any connected
// network (Fortunato 2004). μ = 0.5. A point passes when at least 4 of 5
// seeds (80 %) give the predicted count.
func checkDeffuant(o Options) []Row {
	const source = "Deffuant et al. 2000; Weisbuch et al. 2002 (§7)"
	n, seeds, maxSweeps := 2000, 20, 20000
	if o.Quick {
		n, seeds, maxSweeps = 500, 5, 5000
	}
	var rows []Row
	for _, eps := range []float64{0.3, 0.5, 1.2} { // classic ε₀ 0.15, 0.25, 0.6
		classic := eps / 2
		want := max(1, int(math.Floor(1/(2*classic))))
		id := fmt.Sprintf("deffuant-eps%.2f", classic)
		target := fmt.Sprintf("Deffuant major clusters, complete graph, ε₀ = %.2f (ours ε = %.1f)", classic, eps)
		var counts []float64
		var got []int
		hits := 0
		for s := range seeds {
			seed := o.Seed + uint64(s)
			m, err := o.newModel(influence.Params{Model: "deffuant", Epsilon: eps, Mu: 0.5}, influence.Setup{Graph: &network.Graph{N: n, Complete: true}, Seed: seed})
			if err != nil {
				return []Row{failRow(id, target, source, err)}
			}
			r := influence.Runner{Model: m, X: uniformOpinions(n, seed)}
			r.UntilFrozen(eps, maxSweeps)
			r.UntilStill(1e-6, maxSweeps/10)
			k := majors(r.X)
			got = append(got, k)
			counts = append(counts, float64(k))
			if k == want {
				hits++
			}
		}
		mean, lo, hi := meanCI(counts)
		pub := fmt.Sprintf("⌊1/(2ε₀)⌋ = %d", want)
		if want == 1 {
			pub = "consensus (1) for ε₀ > 0.5"
		}
		rows = append(rows, Row{
			ID: id, Target: target, Source: source, Published: pub,
			Ours: mean, Lo: lo, Hi: hi, Reps: seeds,
			OursText: withCI("%.2f", mean, lo, hi) + fmt.Sprintf("; %d/%d seeds = %d", hits, seeds, want),
			Band:     fmt.Sprintf("= %d in ≥ 80 %% of seeds", want),
			Pass:     float64(hits) >= 0.8*float64(seeds),
			Detail:   fmt.Sprintf("N = %d, μ = 0.5, uniform U[−1,1]; run until groups settle, then still (≤ 1e−6/sweep); major = ≥ 10 %% of agents, gap 0.02; per seed: %s", n, ints(got)),
			Seeds:    seedRange(o.Seed, seeds),
		})
	}
	// Consensus for ε₀ > 0.5 on a sparse connected network.
	id, target := "deffuant-sparse-consensus", "Deffuant consensus on a sparse random graph (degree 10), ε₀ = 0.6"
	ns := n
	hits, tried := 0, 0
	graphs := 5
	for s := range graphs {
		seed := o.Seed + uint64(s)
		g, err := randomGraph(ns, 10, seed)
		if err != nil {
			return append(rows, failRow(id, target, source, err))
		}
		if _, c := components(g); c != 1 {
			continue // consensus is only claimed for connected networks
		}
		m, err := o.newModel(influence.Params{Model: "deffuant", Epsilon: 1.2, Mu: 0.3}, influence.Setup{Graph: g, Seed: seed})
		if err != nil {
			return append(rows, failRow(id, target, source, err))
		}
		r := influence.Runner{Model: m, X: uniformOpinions(ns, seed)}
		r.UntilStill(1e-6, maxSweeps)
		tried++
		if len(clusters(r.X)) == 1 {
			hits++
		}
	}
	p, lo, hi := wilson(hits, tried)
	rows = append(rows, Row{
		ID: id, Target: target, Source: "Fortunato 2004 (§7)", Published: "consensus on any connected network",
		Ours: p, Lo: lo, Hi: hi, Reps: tried,
		OursText: fmt.Sprintf("%d/%d graphs reach consensus", hits, tried),
		Band:     "all connected graphs",
		Pass:     tried > 0 && hits == tried,
		Detail:   fmt.Sprintf("N = %d, Erdős–Rényi mean degree 10 (unconnected draws skipped), μ = 0.3, until still (≤ 1e−6/sweep); consensus = one cluster by the 0.02-gap rule", ns),
		Seeds:    seedRange(o.Seed, graphs),
	})
	return rows
}

// checkHK: Hegselmann & Krause (2002) on a complete graph: consensus for
// ε₀ above ≈ 0.2 (Fortunato 2005), fragmentation well below, neighbouring
// clusters about 2ε apart.
func checkHK(o Options) []Row {
	const source = "Hegselmann & Krause 2002; Fortunato 2005 (§7)"
	n, seeds := 2000, 5
	if o.Quick {
		n, seeds = 500, 3
	}
	run := func(eps float64, seed uint64) ([]float32, error) {
		m, err := o.newModel(influence.Params{Model: "hegselmann-krause", Epsilon: eps}, influence.Setup{Graph: &network.Graph{N: n, Complete: true}, Workers: 1})
		if err != nil {
			return nil, err
		}
		r := influence.Runner{Model: m, X: uniformOpinions(n, seed)}
		r.UntilStill(0, 1000)
		return r.X, nil
	}
	var rows []Row
	// consensus above the threshold
	id, target := "hk-consensus", "HK consensus on a complete graph, ε₀ = 0.25 and 0.3"
	hits, tried := 0, 0
	var per []int
	for _, eps := range []float64{0.5, 0.6} {
		for s := range seeds {
			x, err := run(eps, o.Seed+uint64(s))
			if err != nil {
				return []Row{failRow(id, target, source, err)}
			}
			c := len(clusters(x))
			per = append(per, c)
			tried++
			if c == 1 {
				hits++
			}
		}
	}
	p, lo, hi := wilson(hits, tried)
	rows = append(rows, Row{
		ID: id, Target: target, Source: source, Published: "consensus for ε₀ > ≈ 0.2",
		Ours: p, Lo: lo, Hi: hi, Reps: tried,
		OursText: fmt.Sprintf("%d/%d runs reach consensus", hits, tried),
		Band:     "all runs",
		Pass:     hits == tried,
		Detail:   fmt.Sprintf("N = %d, uniform U[−1,1], ours ε = 0.5 and 0.6, until no opinion moves; clusters per run: %s", n, ints(per)),
		Seeds:    seedRange(o.Seed, seeds),
	})
	// fragmentation below it, with clusters about 2ε apart
	id, target = "hk-fragmentation", "HK fragments on a complete graph, ε₀ = 0.05 and 0.1"
	hits, tried, per = 0, 0, nil
	var ratios []float64
	for _, eps := range []float64{0.1, 0.2} {
		for s := range seeds {
			x, err := run(eps, o.Seed+uint64(s))
			if err != nil {
				return append(rows, failRow(id, target, source, err))
			}
			c := clusters(x)
			per = append(per, len(c))
			tried++
			if len(c) >= 2 {
				hits++
				gap := 0.0
				for k := 1; k < len(c); k++ {
					gap += c[k].Centre - c[k-1].Centre
				}
				ratios = append(ratios, gap/float64(len(c)-1)/eps)
			}
		}
	}
	p, lo, hi = wilson(hits, tried)
	rows = append(rows, Row{
		ID: id, Target: target, Source: source, Published: "several clusters for ε₀ well below 0.2",
		Ours: p, Lo: lo, Hi: hi, Reps: tried,
		OursText: fmt.Sprintf("%d/%d runs fragment", hits, tried),
		Band:     "all runs ≥ 2 clusters",
		Pass:     hits == tried,
		Detail:   fmt.Sprintf("N = %d, ours ε = 0.1 and 0.2; clusters per run: %s", n, ints(per)),
		Seeds:    seedRange(o.Seed, seeds),
	})
	id, target = "hk-cluster-gap", "HK distance between neighbouring clusters ÷ ε"
	if len(ratios) == 0 {
		return append(rows, Row{ID: id, Target: target, Source: source, Published: "≈ 2ε", Ours: math.NaN(), Lo: math.NaN(), Hi: math.NaN(),
			OursText: "no fragmented run", Band: "1.5–3", Detail: "no run fragmented", Seeds: seedRange(o.Seed, seeds)})
	}
	mean, lo2, hi2 := meanCI(ratios)
	rows = append(rows, Row{
		ID: id, Target: target, Source: source, Published: "≈ 2 (clusters about 2ε apart)",
		Ours: mean, Lo: lo2, Hi: hi2, Reps: len(ratios),
		OursText: withCI("%.2f", mean, lo2, hi2),
		Band:     "1.5–3",
		Pass:     mean >= 1.5 && mean <= 3,
		Detail:   fmt.Sprintf("mean gap between neighbouring cluster centres ÷ ε over the %d fragmented runs above", len(ratios)),
		Seeds:    seedRange(o.Seed, seeds),
	})
	return rows
}

// checkDeGroot: DeGroot (1974): on a strongly connected aperiodic network
// opinions converge to πᵀx(0); for symmetric averaging with a self-loop, π
// ∝ degree + 1 within each connected component (Golub & Jackson 2010).
func checkDeGroot(o Options) []Row {
	const id, target, source = "degroot-limit", "DeGroot limit vs πᵀx(0), random graph", "DeGroot 1974; Golub & Jackson 2010 (§7)"
	n, seeds := 2000, 5
	if o.Quick {
		n, seeds = 500, 3
	}
	worst, minDiscr := 0.0, math.Inf(1)
	for s := range seeds {
		seed := o.Seed + uint64(s)
		g, err := randomGraph(n, 6, seed)
		if err != nil {
			return []Row{failRow(id, target, source, err)}
		}
		x := uniformOpinions(n, seed)
		label, nc := components(g)
		num, den, plain, cnt := make([]float64, nc), make([]float64, nc), make([]float64, nc), make([]float64, nc)
		for i, v := range x {
			w := float64(g.Degree(i) + 1)
			c := label[i]
			num[c] += w * float64(v)
			den[c] += w
			plain[c] += float64(v)
			cnt[c]++
		}
		// how far the degree weighting is from a plain mean (the check
		// must be able to tell them apart)
		big := 0
		for c := range nc {
			if cnt[c] > cnt[big] {
				big = c
			}
		}
		minDiscr = math.Min(minDiscr, math.Abs(num[big]/den[big]-plain[big]/cnt[big]))
		m, err := o.newModel(influence.Params{Model: "degroot"}, influence.Setup{Graph: g, Workers: 1})
		if err != nil {
			return []Row{failRow(id, target, source, err)}
		}
		r := influence.Runner{Model: m, X: x}
		r.UntilStill(1e-9, 20000)
		for i, v := range r.X {
			want := num[label[i]] / den[label[i]]
			worst = math.Max(worst, math.Abs(float64(v)-want))
		}
	}
	return []Row{{
		ID: id, Target: target, Source: source, Published: "x(∞) = πᵀx(0) (degree-weighted mean)",
		Ours: worst, Lo: math.NaN(), Hi: math.NaN(), Reps: seeds,
		OursText: fmt.Sprintf("max |x − πᵀx(0)| = %.1e", worst),
		Band:     "≤ 1e−4",
		Pass:     worst <= 1e-4,
		Detail:   fmt.Sprintf("N = %d, Erdős–Rényi mean degree 6, π per connected component; run until still (≤ 1e−9/sweep); the weighted limit differs from the plain mean by ≥ %.1e, so the check tells them apart", n, minDiscr),
		Seeds:    seedRange(o.Seed, seeds),
	}}
}

// checkFJ: Friedkin & Johnsen (1990): x* = (I − ΛW)⁻¹(I − Λ)u, solved
// densely with gonum/mat and compared with the model after many steps.
func checkFJ(o Options) []Row {
	const id, target, source = "fj-fixed-point", "Friedkin–Johnsen fixed point vs dense solve", "Friedkin & Johnsen 1990 (§7)"
	n := 300
	if o.Quick {
		n = 150
	}
	cases := []struct {
		g     func() (*network.Graph, error)
		stubb float64
		name  string
	}{
		{func() (*network.Graph, error) { return randomGraph(n, 5, o.Seed) }, 0.3, "random"},
		{func() (*network.Graph, error) { return &network.Graph{N: 60, Complete: true}, nil }, 0.25, "complete N=60"},
		{func() (*network.Graph, error) {
			return network.Build(network.Params{Kind: network.KindSmallWorld, Degree: 4, Rewire: 0.1}, n, network.Attributes{}, o.Seed, 1)
		}, 0.1, "small-world"},
	}
	worst, moved := 0.0, math.Inf(1)
	var parts []string
	for _, c := range cases {
		g, err := c.g()
		if err != nil {
			return []Row{failRow(id, target, source, err)}
		}
		u := uniformOpinions(g.N, o.Seed)
		want, err := influence.FriedkinJohnsenFixedPoint(g, 1-c.stubb, u)
		if err != nil {
			return []Row{failRow(id, target, source, err)}
		}
		m, err := o.newModel(influence.Params{Model: "friedkin-johnsen", Stubbornness: c.stubb}, influence.Setup{Graph: g, Initial: u, Workers: 1})
		if err != nil {
			return []Row{failRow(id, target, source, err)}
		}
		x := slices.Clone(u)
		for s := 1; s <= 3000; s++ {
			m.Step(s, x)
		}
		w, mv := 0.0, 0.0
		for i := range x {
			w = math.Max(w, math.Abs(float64(x[i])-want[i]))
			mv = math.Max(mv, math.Abs(want[i]-float64(u[i])))
		}
		worst = math.Max(worst, w)
		moved = math.Min(moved, mv)
		parts = append(parts, fmt.Sprintf("%s (N = %d, 1−λ = %.2f): %.1e", c.name, g.N, c.stubb, w))
	}
	return []Row{{
		ID: id, Target: target, Source: source, Published: "x* = (I − ΛW)⁻¹(I − Λ)u",
		Ours: worst, Lo: math.NaN(), Hi: math.NaN(), Reps: len(cases),
		OursText: fmt.Sprintf("max |x − x*| = %.1e", worst),
		Band:     "≤ 1e−4",
		Pass:     worst <= 1e-4 && moved >= 0.05,
		Detail:   fmt.Sprintf("3000 steps vs gonum dense solve, W the DeGroot weights with self-loop; %s; x* is ≥ %.2f from the anchors u (non-trivial)", strings.Join(parts, "; "), moved),
		Seeds:    seedRange(o.Seed, 1),
	}}
}

// checkVoter: the voter model on a complete graph: P(all +1) = initial
// share ρ (the magnetisation is a martingale); mean consensus time ≈
// −N[ρ ln ρ + (1−ρ) ln(1−ρ)] sweeps (Krapivsky, Redner & Ben-Naim 2010).
func checkVoter(o Options) []Row {
	const source = "Krapivsky, Redner & Ben-Naim 2010 (§7)"
	const n, rho = 100, 0.3
	runs := 10000
	if o.Quick {
		runs = 1000
	}
	g := &network.Graph{N: n, Complete: true}
	plus := 0
	var times []float64
	x := make([]float32, n)
	for run := range runs {
		seed := o.Seed + uint64(run)
		for i := range x {
			x[i] = -1
		}
		r := rng.New(seed, rng.Opinion, 0, 0)
		for _, i := range r.Perm(n)[:int(rho*n)] {
			x[i] = 1
		}
		m, err := o.newModel(influence.Params{Model: "voter"}, influence.Setup{Graph: g, Seed: seed})
		if err != nil {
			return []Row{failRow("voter-exit", "voter exit probability", source, err)}
		}
		step := 0
		for ; step <= 100*n; step++ {
			s := 0.0
			for _, v := range x {
				s += float64(v)
			}
			if s == n || s == -n {
				if s == n {
					plus++
				}
				break
			}
			m.Step(step+1, x)
		}
		times = append(times, float64(step))
	}
	p, lo, hi := wilson(plus, runs)
	sigma := math.Sqrt(rho * (1 - rho) / float64(runs))
	wantT := -n * (rho*math.Log(rho) + (1-rho)*math.Log(1-rho))
	mt, tlo, thi := meanCI(times)
	return []Row{
		{
			ID: "voter-exit", Target: "voter model P(consensus on +1), complete graph, ρ = 0.3", Source: source,
			Published: "P = ρ = 0.30",
			Ours:      p, Lo: lo, Hi: hi, Reps: runs,
			OursText: withCI("%.3f", p, lo, hi),
			Band:     fmt.Sprintf("ρ ± 3σ = %.3f–%.3f", rho-3*sigma, rho+3*sigma),
			Pass:     math.Abs(p-rho) <= 3*sigma,
			Detail:   fmt.Sprintf("N = %d, exactly ρN agents at +1 placed at random, %d runs to consensus (Wilson interval)", n, runs),
			Seeds:    seedRange(o.Seed, runs),
		},
		{
			ID: "voter-time", Target: "voter model mean consensus time, complete graph, ρ = 0.3", Source: source,
			Published: fmt.Sprintf("−N[ρ ln ρ + (1−ρ) ln(1−ρ)] = %.1f sweeps", wantT),
			Ours:      mt, Lo: tlo, Hi: thi, Reps: runs,
			OursText: withCI("%.1f", mt, tlo, thi),
			Band:     fmt.Sprintf("±10 %% = %.1f–%.1f", 0.9*wantT, 1.1*wantT),
			Pass:     math.Abs(mt-wantT) <= 0.1*wantT,
			Detail:   fmt.Sprintf("same %d runs; the finite-N correction at N = 100 is ≈ 1 %%", runs),
			Seeds:    seedRange(o.Seed, runs),
		},
	}
}

// checkAlgorithmicBias: Sîrbu, Pedreschi, Giannotti & Kertész (2019): with
// the partner chosen ∝ distance^(−γ), γ > 0 leaves more clusters than
// Deffuant (γ = 0) at a confidence where Deffuant mostly reaches consensus
// (ε₀ = 0.3, N = 100 complete, μ = 0.5). Runs go until the final groups are
// settled; the effective number of clusters (Σs)²/Σs² is averaged over
// seeds.
func checkAlgorithmicBias(o Options) []Row {
	const id, target, source = "algorithmic-bias", "effective clusters, γ = 1 minus γ = 0 (ε₀ = 0.3)", "Sîrbu et al. 2019, PLoS ONE e0213246 (§7)"
	const n, eps = 100, 0.6
	seeds := 20
	if o.Quick {
		seeds = 6
	}
	var eff [2][]float64
	var diffs []float64
	settledAll := true
	for s := range seeds {
		seed := o.Seed + uint64(s)
		for k, gamma := range []float64{0, 1} {
			m, err := o.newModel(influence.Params{Model: "algorithmic-bias", Epsilon: eps, Mu: 0.5, Gamma: gamma}, influence.Setup{Graph: &network.Graph{N: n, Complete: true}, Seed: seed})
			if err != nil {
				return []Row{failRow(id, target, source, err)}
			}
			r := influence.Runner{Model: m, X: uniformOpinions(n, seed)}
			sizes, ok := r.UntilFrozen(eps, 100000)
			settledAll = settledAll && ok
			eff[k] = append(eff[k], effectiveCount(sizes))
		}
		diffs = append(diffs, eff[1][s]-eff[0][s])
	}
	d, lo, hi := meanCI(diffs)
	m0, _, _ := meanCI(eff[0])
	m1, _, _ := meanCI(eff[1])
	return []Row{{
		ID: id, Target: target, Source: source, Published: "larger γ → more clusters (γ = 0 is Deffuant)",
		Ours: d, Lo: lo, Hi: hi, Reps: seeds,
		OursText: withCI("%+.2f", d, lo, hi),
		Band:     "≥ +0.3 (clearly more)",
		Pass:     d >= 0.3 && settledAll,
		Detail:   fmt.Sprintf("N = %d complete, ours ε = %.1f, μ = 0.5; mean effective clusters γ = 0: %.2f, γ = 1: %.2f (paired by seed); all runs settled: %v", n, eps, m0, m1, settledAll),
		Seeds:    seedRange(o.Seed, seeds),
	}}
}
