package footprint

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"boomerang/sim/network"
	"boomerang/sim/population"
)

// calN and calSeed are the population size and seed of the calibration
// tests (one shared build, default settings, consent 0.7, no harvesting).
const (
	calN       = 50_000
	calSeed    = 1
	calConsent = 0.7
)

var (
	calOnce sync.Once
	calPop  *population.Population
	calFP   *Footprint
	calErr  error
)

// calibrated returns the shared N = 50,000 world, built once.
func calibrated(t *testing.T) (*population.Population, *Footprint) {
	t.Helper()
	if raceEnabled || testing.Short() {
		t.Skip("statistical test: skipped with -short and under the race detector")
	}
	calOnce.Do(func() {
		calPop, calErr = population.Generate(population.Params{Size: calN, Regions: 12}, calSeed, 0)
		if calErr == nil {
			calFP, calErr = Build(DefaultParams(), calConsent, calPop, &network.Graph{N: calN, Complete: true}, calSeed, 0)
		}
	})
	if calErr != nil {
		t.Fatal(calErr)
	}
	return calPop, calFP
}

func genPop(t testing.TB, n int, seed uint64) *population.Population {
	t.Helper()
	p, err := population.Generate(population.Params{Size: n, Regions: 12}, seed, 0)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// smallN is the population of the structural tests (smaller under race).
func smallN() int {
	if raceEnabled {
		return 6000 // 60 quiz takers at a 1 % quiz share
	}
	return 20_000
}

func TestCheckErrors(t *testing.T) {
	d := DefaultParams()
	with := func(f func(*Params)) Params { p := d; f(&p); return p }
	cases := []struct {
		p       Params
		consent float64
		want    string
	}{
		{with(func(p *Params) { p.Pages = 1 }), 0.7, "data.pages = 1: must be between 2 and 65535"},
		{with(func(p *Params) { p.Pages = 65536 }), 0.7, "data.pages = 65536: must be between 2 and 65535"},
		{d, 1.5, "regulation.consent_rate = 1.5: must be between 0 and 1"},
		{d, -0.1, "regulation.consent_rate = -0.1: must be between 0 and 1"},
		{d, math.NaN(), "regulation.consent_rate = NaN: must be between 0 and 1"},
		{with(func(p *Params) { p.PlatformUsers = 10_000 }), 0.7, "data.quiz_share = 0.003: only 30 of data.platform_users = 10000 would take the quiz; training needs at least 50 (use data.quiz_share ≥ 0.005 or data.platform_users ≥ 16667, or data.quiz_share = 0 for no profiling)"},
		{with(func(p *Params) { p.QuizShare = 0.5 }), 0.7, "data.quiz_share = 0.5: 25000 of data.platform_users = 50000 would take the quiz; training uses at most 20000 (lower data.quiz_share or data.platform_users)"},
		{with(func(p *Params) { p.PlatformUsers = 999 }), 0.7, "data.platform_users = 999: must be between 1000 and 100000000"},
		{with(func(p *Params) { p.QuizShare = 1.2 }), 0.7, "data.quiz_share = 1.2: must be between 0 and 1"},
		{with(func(p *Params) { p.Components = 0 }), 0.7, "data.components = 0: must be between 1 and 500"},
	}
	for _, c := range cases {
		err := c.p.Check(c.consent)
		if err == nil || err.Error() != c.want {
			t.Errorf("Check(%+v, %v) = %v, want %q", c.p, c.consent, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("error is not one line: %q", err)
		}
	}
	for _, ok := range []Params{d, with(func(p *Params) { p.PlatformUsers = 16_667 }), with(func(p *Params) { p.QuizShare = 0; p.PlatformUsers = 1000 }),
		with(func(p *Params) { p.Pages = 2 })} {
		if err := ok.Check(0.7); err != nil {
			t.Errorf("Check(%+v) = %v, want nil", ok, err)
		}
	}
	// The town's size does not matter: 1000 people train on the pool.
	pop := genPop(t, 1000, 1)
	f, err := Build(d, 0.7, pop, nil, 1, 1)
	if err != nil {
		t.Fatalf("Build at 1000 people: %v", err)
	}
	if f.Model == nil || f.Model.QuizTakers != 150 || f.Accuracy.TrainingQuizTakers != 150 || f.Accuracy.PlatformUsers != 50_000 {
		t.Errorf("model of a 1000-person town: quiz takers %d, accuracy %+v", f.Model.QuizTakers, f.Accuracy)
	}
}

func TestDefaults(t *testing.T) {
	d := DefaultParams()
	if d.Pages != 1000 || d.QuizShare != 0.003 || d.HarvestFriends || d.Components != 100 {
		t.Errorf("DefaultParams() = %+v", d)
	}
	for q, want := range map[int]int{150: 30, 500: 100, 3000: 100, 3: 1} {
		if got := d.EffectiveComponents(q); got != want {
			t.Errorf("EffectiveComponents(%d) = %d, want %d", q, got, want)
		}
	}
}

func TestCatalogue(t *testing.T) {
	for _, P := range []int{2, 3, 57, 1000, 4000} {
		c := NewCatalogue(P)
		if len(c.Pages) != P {
			t.Fatalf("%d pages: got %d", P, len(c.Pages))
		}
		if d := NewCatalogue(P); !slices.Equal(c.Pages, d.Pages) {
			t.Fatalf("%d pages: catalogue not deterministic", P)
		}
		inGroups := 0
		for _, g := range c.groups {
			inGroups += int(g.n)
		}
		if inGroups != P || len(c.groupPages) != P {
			t.Fatalf("%d pages: groups hold %d", P, inGroups)
		}
	}
	c := NewCatalogue(1000)
	t.Logf("1000 pages in %d groups", c.Groups())
	if c.Groups() > 200 {
		t.Errorf("%d groups: each like costs a draw over the groups, keep them few", c.Groups())
	}
	count := map[Attribute][2]int{}
	for p, pg := range c.Pages {
		if pg.Popularity <= 0 || math.IsNaN(float64(pg.Popularity)) {
			t.Fatalf("page %d popularity %v", p, pg.Popularity)
		}
		if pg.Attribute == NoAttribute {
			if pg.Sign != 0 || pg.Second != NoAttribute {
				t.Fatalf("neutral page %d has loadings: %+v", p, pg)
			}
			continue
		}
		if pg.Sign != 1 && pg.Sign != -1 || pg.Strength <= 0 {
			t.Fatalf("page %d: %+v", p, pg)
		}
		if pg.Second != NoAttribute && (pg.Second == pg.Attribute || pg.SecondSign == 0 || pg.SecondStrength <= 0 || pg.Second.IsInterest()) {
			t.Fatalf("page %d second loading: %+v", p, pg)
		}
		k := count[pg.Attribute]
		k[(1-pg.Sign)/2]++
		count[pg.Attribute] = k
	}
	for a := range NumAttributes {
		k := count[a]
		if k[0] < 5 || k[1] < 5 || k[0]-k[1] > 1 || k[1]-k[0] > 1 {
			t.Errorf("%s: %d pages +, %d pages −; want both ends covered equally", a, k[0], k[1])
		}
	}
	if o := count[Openness]; o[0]+o[1] <= count[Extraversion][0]+count[Extraversion][1] {
		t.Errorf("openness should have the most personality pages: %v vs extraversion %v", o, count[Extraversion])
	}
	if got := c.Name(0); !strings.HasPrefix(got, "page 0 (") {
		t.Errorf("Name(0) = %q", got)
	}
	for p := range c.Pages {
		if c.Pages[p].Second != NoAttribute {
			name := c.Name(p)
			if !strings.Contains(name, c.Pages[p].Attribute.String()) || !strings.Contains(name, c.Pages[p].Second.String()) {
				t.Errorf("Name(%d) = %q for %+v", p, name, c.Pages[p])
			}
			break
		}
	}
}

func TestAttributes(t *testing.T) {
	if NumAttributes != 13 || NumNumeric != 7 || !Party.Binary() || Age.Binary() || !LGB.Special() || !Ideology.Special() || Openness.Special() || Age.Special() {
		t.Fatal("attribute layout changed")
	}
	seen := map[string]bool{}
	for a := range NumAttributes {
		if seen[a.String()] || a.String() == "none" {
			t.Errorf("attribute %d name %q", a, a)
		}
		seen[a.String()] = true
	}
	if Interest(2).String() != "interest 3" || !Interest(0).IsInterest() || Health.IsInterest() || NoAttribute.String() != "none" {
		t.Error("interest naming")
	}
}

// checkLikes verifies the CSR invariants against the population.
func checkLikes(t *testing.T, l *Likes, pop *population.Population, P int) {
	t.Helper()
	if len(l.Offsets) != pop.N+1 || l.Offsets[0] != 0 || int(l.Offsets[pop.N]) != len(l.Pages) {
		t.Fatalf("offsets: len %d, last %d, pages %d", len(l.Offsets), l.Offsets[pop.N], len(l.Pages))
	}
	for i := range pop.N {
		want := min(int(pop.Likes[i]), P)
		got := l.Of(i)
		if len(got) != want || l.Count(i) != want {
			t.Fatalf("agent %d likes %d pages, want min(%d, %d)", i, len(got), pop.Likes[i], P)
		}
		for k, p := range got {
			if int(p) >= P || (k > 0 && got[k-1] >= p) {
				t.Fatalf("agent %d: likes %v not sorted, unique and < %d", i, got, P)
			}
		}
	}
}

func TestLikesCSR(t *testing.T) {
	pop := genPop(t, 3000, 5)
	for _, P := range []int{2, 40, 300, 1000, 5000} {
		c := NewCatalogue(P)
		l := GenerateLikes(c, pop, 9, 2)
		checkLikes(t, l, pop, P)
	}
}

// TestFallback completes a nearly full like set with the
// Efraimidis–Spirakis step and checks it returns distinct unliked pages.
func TestFallback(t *testing.T) {
	c := NewCatalogue(64)
	pop := genPop(t, 1, 3)
	w := newLiker(c, pop)
	w.pcg.Seed(1, 2)
	w.expressed(0)
	for g := range c.groups {
		w.fg[g] = w.f[c.groups[g].f1] * w.f[c.groups[g].f2]
	}
	var buf []uint16
	for p := 0; p < 64; p += 3 {
		w.bits[p>>6] |= 1 << (p & 63)
		buf = append(buf, uint16(p))
	}
	buf = w.fallback(buf, 60)
	if len(buf) != 60 {
		t.Fatalf("fallback gave %d likes, want 60", len(buf))
	}
	s := slices.Clone(buf)
	slices.Sort(s)
	if len(slices.Compact(s)) != 60 {
		t.Fatalf("fallback repeated a page: %v", buf)
	}
}

// TestLikesFollowTraits: fans of "openness +" pages are more open than
// fans of "openness −" pages, and so on for every attribute.
func TestLikesFollowTraits(t *testing.T) {
	n := smallN()
	pop := genPop(t, n, 11)
	c := NewCatalogue(1000)
	l := GenerateLikes(c, pop, 3, 0)
	for a := range NumAttributes {
		var sum, cnt [2]float64
		for i := range n {
			x := truth(pop, a, i)
			for _, p := range l.Of(i) {
				pg := c.Pages[p]
				if pg.Attribute == a && pg.Second == NoAttribute {
					k := (1 - pg.Sign) / 2
					sum[k] += x
					cnt[k]++
				}
			}
		}
		plus, minus := sum[0]/cnt[0], sum[1]/cnt[1]
		if !(plus > minus) {
			t.Errorf("%s: fans of + pages average %.3f, of − pages %.3f", a, plus, minus)
		}
	}
}

// inferredBits returns every inferred value's bits (NaN-safe comparison).
func inferredBits(inf *Inferred) []uint32 {
	var out []uint32
	for a := range inf.Values {
		for _, v := range inf.Values[a] {
			out = append(out, math.Float32bits(v))
		}
	}
	for _, v := range inf.Confidence {
		out = append(out, math.Float32bits(v))
	}
	for _, v := range inf.Count {
		out = append(out, uint32(v))
	}
	return out
}

func TestDeterministicAcrossWorkers(t *testing.T) {
	n := smallN()
	pop := genPop(t, n, 2)
	p := DefaultParams()
	p.QuizShare = 0.01
	g := &network.Graph{N: n, Complete: true}
	ref, err := Build(p, 0.6, pop, g, 42, 1)
	if err != nil {
		t.Fatal(err)
	}
	refJSON, _ := json.Marshal(ref.Accuracy)
	for _, w := range []int{2, 3} {
		got, err := Build(p, 0.6, pop, g, 42, w)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ref.Likes.Pages, got.Likes.Pages) || !slices.Equal(ref.Likes.Offsets, got.Likes.Offsets) {
			t.Fatalf("workers=%d: likes differ from workers=1", w)
		}
		if !slices.Equal(ref.Model.Weights, got.Model.Weights) {
			t.Fatalf("workers=%d: model weights differ", w)
		}
		if !slices.Equal(inferredBits(&ref.Inferred), inferredBits(&got.Inferred)) {
			t.Fatalf("workers=%d: inferences differ", w)
		}
		if j, _ := json.Marshal(got.Accuracy); string(j) != string(refJSON) {
			t.Fatalf("workers=%d: accuracy differs:\n%s\n%s", w, j, refJSON)
		}
	}
	other, err := Build(p, 0.6, pop, g, 43, 2)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Equal(ref.Likes.Pages, other.Likes.Pages) {
		t.Fatal("seeds 42 and 43 give the same likes")
	}
}

func TestVisibilityAndInference(t *testing.T) {
	n := smallN()
	pop := genPop(t, n, 4)
	p := DefaultParams()
	p.QuizShare = 0.01
	f, err := Build(p, 0.5, pop, &network.Graph{N: n, Complete: true}, 8, 0)
	if err != nil {
		t.Fatal(err)
	}
	v, inf := &f.Visibility, &f.Inferred
	var consent, quiz, visible int
	for i := range n {
		if v.Consented(i) {
			consent++
		}
		if v.Quiz(i) {
			quiz++
		}
		if v.Harvested(i) {
			t.Fatalf("agent %d harvested with harvest_friends off", i)
		}
		if v.Visible(i) != (v.Consented(i) || v.Quiz(i)) {
			t.Fatalf("agent %d: visible %v, consent %v, quiz %v", i, v.Visible(i), v.Consented(i), v.Quiz(i))
		}
		if v.Visible(i) {
			visible++
		}
		for a := range NumAttributes {
			x := inf.Get(a, i)
			if v.Visible(i) == math.IsNaN(float64(x)) {
				t.Fatalf("agent %d (visible %v): %s inferred as %v", i, v.Visible(i), a, x)
			}
			if v.Visible(i) && a.Binary() && !(x >= 0 && x <= 1) {
				t.Fatalf("agent %d: %s probability %v", i, a, x)
			}
		}
		if c := inf.Confidence[i]; !(c >= 0 && c <= 1) || (!v.Visible(i) && c != 0) {
			t.Fatalf("agent %d: confidence %v", i, c)
		}
		if v.Visible(i) != (inf.Count[i] > 0) || inf.Profiled(i) != v.Visible(i) {
			t.Fatalf("agent %d: visible %v, count %d", i, v.Visible(i), inf.Count[i])
		}
	}
	if s := float64(consent) / float64(n); math.Abs(s-0.5) > 0.03 {
		t.Errorf("consent share %.3f, want 0.5", s)
	}
	if quiz != len(v.QuizTakers) || math.Abs(float64(quiz)-0.01*float64(n)) > 4*math.Sqrt(0.01*float64(n)) {
		t.Errorf("quiz takers %d (list %d), want ≈ %.0f", quiz, len(v.QuizTakers), 0.01*float64(n))
	}
	acc := f.Accuracy
	if acc.Visible != visible || acc.Consenting != consent || acc.QuizTakers != quiz || acc.Profiled != visible ||
		acc.EvaluatedOn != visible-quiz || float64(acc.ProfiledShare) != float64(visible)/float64(n) {
		t.Errorf("accuracy counts %+v, want visible %d consent %d quiz %d", acc, visible, consent, quiz)
	}
	// Quiz takers get the model's prediction, not their questionnaire.
	var pred [NumAttributes]float32
	diff := 0
	for _, q := range v.QuizTakers {
		i := int(q)
		f.Model.Predict(f.Likes.Of(i), &pred)
		for a := range NumAttributes {
			if math.Float32bits(pred[a]) != math.Float32bits(inf.Values[a][i]) {
				t.Fatalf("quiz taker %d: inferred %s %v, model predicts %v", i, a, inf.Values[a][i], pred[a])
			}
		}
		if float64(inf.Values[Openness][i]) != truth(pop, Openness, i) {
			diff++
		}
	}
	if diff < len(v.QuizTakers)-1 {
		t.Errorf("only %d of %d quiz takers' openness differs from the truth", diff, len(v.QuizTakers))
	}
	if _, err := json.Marshal(acc); err != nil {
		t.Fatal(err)
	}
}

func TestHarvestFriends(t *testing.T) {
	n := smallN()
	pop := genPop(t, n, 6)
	g, err := network.Build(network.Params{Kind: "random", Degree: 10}, n,
		network.Attributes{Ideology: pop.Ideology, Age: pop.Age, Region: pop.Region}, 6, 0)
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultParams()
	p.QuizShare = 0.01
	off, err := Build(p, 0.3, pop, g, 5, 0)
	if err != nil {
		t.Fatal(err)
	}
	p.HarvestFriends = true
	on, err := Build(p, 0.3, pop, g, 5, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("profiled: %.3f without harvesting, %.3f with (%d harvested, %d only through friends)",
		off.Accuracy.ProfiledShare, on.Accuracy.ProfiledShare, on.Accuracy.Harvested, on.Accuracy.HarvestGain)
	if !(on.Accuracy.ProfiledShare > off.Accuracy.ProfiledShare+0.02) || on.Accuracy.HarvestGain == 0 {
		t.Errorf("harvesting friends should raise the share profiled: %.3f → %.3f",
			off.Accuracy.ProfiledShare, on.Accuracy.ProfiledShare)
	}
	friend := make([]bool, n)
	for _, q := range on.Visibility.QuizTakers {
		for _, j := range g.Neighbours(int(q)) {
			friend[j] = true
		}
	}
	for i := range n {
		if on.Visibility.Harvested(i) != friend[i] {
			t.Fatalf("agent %d: harvested %v, friend of a quiz taker %v", i, on.Visibility.Harvested(i), friend[i])
		}
		if on.Visibility.Consented(i) != off.Visibility.Consented(i) || on.Visibility.Quiz(i) != off.Visibility.Quiz(i) {
			t.Fatalf("agent %d: consent or quiz changed with harvesting", i)
		}
	}
	// On a complete graph, harvesting makes everybody visible.
	all := See(pop, &network.Graph{N: n, Complete: true}, 0.3, p, 5)
	for i := range n {
		if !all.Visible(i) {
			t.Fatalf("agent %d invisible after harvesting a complete graph", i)
		}
	}
	// Without a network nobody has friends to harvest.
	none := See(pop, nil, 0.3, p, 5)
	for i := range n {
		if none.Harvested(i) {
			t.Fatalf("agent %d harvested without a network", i)
		}
	}
}

func TestNoQuiz(t *testing.T) {
	n := 5000
	pop := genPop(t, n, 7)
	p := DefaultParams()
	p.QuizShare = 0
	f, err := Build(p, 0.7, pop, nil, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	checkLikes(t, f.Likes, pop, p.Pages)
	if f.Model != nil || f.Inferred.Values[0] != nil || f.Accuracy.Trained || f.Accuracy.Profiled != 0 || f.Accuracy.ProfiledShare != 0 {
		t.Fatalf("quiz_share 0 still profiles: model %v, accuracy %+v", f.Model != nil, f.Accuracy)
	}
	if !math.IsNaN(float64(f.Inferred.Get(Openness, 0))) || f.Inferred.Profiled(0) {
		t.Fatal("Get on an empty inference should be NaN")
	}
	if f.Accuracy.Consenting == 0 || f.Accuracy.Visible == 0 || f.Accuracy.QuizTakers != 0 {
		t.Fatalf("counts: %+v", f.Accuracy)
	}
	j, err := json.Marshal(f.Accuracy)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(j), `"r_big_five_mean":null`) || !strings.Contains(string(j), `"trained":false`) {
		t.Fatalf("JSON of an empty report: %s", j)
	}
	var back Accuracy
	if err := json.Unmarshal(j, &back); err != nil || !math.IsNaN(float64(back.MeanBigFiveR)) {
		t.Fatalf("round trip: %v, %v", err, back.MeanBigFiveR)
	}
}

func TestStats(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{5, 50, 400} {
		s := make([]float64, n)
		l := make([]bool, n)
		for i := range s {
			s[i] = float64(r.IntN(7)) // many ties
			l[i] = r.Float64() < 0.3+0.05*s[i]
		}
		// Brute force: P(score₊ > score₋) + ½ P(tie).
		var num, den float64
		for i := range s {
			for j := range s {
				if l[i] && !l[j] {
					den++
					switch {
					case s[i] > s[j]:
						num++
					case s[i] == s[j]:
						num += 0.5
					}
				}
			}
		}
		if got, want := auc(s, l), num/den; math.Abs(got-want) > 1e-12 {
			t.Errorf("n=%d: auc %v, brute force %v", n, got, want)
		}
	}
	if !math.IsNaN(auc([]float64{1, 2}, []bool{true, true})) {
		t.Error("AUC with one class should be NaN")
	}
	x := []float64{1, 2, 3, 4, 5}
	if r := pearson(x, []float64{2, 4, 6, 8, 10.5}); r < 0.99 {
		t.Errorf("pearson = %v", r)
	}
	var c corrAcc
	for i, v := range x {
		c.add(v, -float64(i))
	}
	if math.Abs(c.r()+1) > 1e-12 {
		t.Errorf("corrAcc r = %v, want −1", c.r())
	}
	if got := isotonic([]float64{0.1, 0.3, 0.2, 0.5, 0.4}, []float64{1, 1, 1, 1, 1}); !slices.IsSorted(got) {
		t.Errorf("isotonic not monotone: %v", got)
	}
	a, b := fitLink([]float64{-2, -1, -0.5, 0, 0.5, 1, 2, 3}, []bool{false, false, true, false, true, false, true, true})
	if !(b > 0) || math.IsNaN(a) {
		t.Errorf("fitLink: a %v b %v", a, b)
	}
}

// TestCalibration checks the acceptance bands at N = 50,000, seed 1,
// default settings (1000 pages, quiz share 0.3 % ≈ 150 quiz takers, k =
// 30), consent 0.7, no harvesting: mean Big Five r in [0.30, 0.56] with
// openness highest (Kosinski et al. 2013; Youyou et al. 2015), party AUC
// in [0.80, 0.90] (Kosinski: 0.85).
func TestCalibration(t *testing.T) {
	_, f := calibrated(t)
	acc := f.Accuracy
	j, _ := json.MarshalIndent(acc, "", "  ")
	t.Logf("N = %d, seed %d:\n%s", calN, calSeed, j)
	if r := float64(acc.MeanBigFiveR); !(r >= 0.30 && r <= 0.56) {
		t.Errorf("mean Big Five r = %.3f, want 0.30–0.56", r)
	}
	for _, a := range BigFive[1:] {
		if acc.Get(a) >= acc.Get(Openness) {
			t.Errorf("%s r = %.3f ≥ openness %.3f: openness should be predicted best", a, acc.Get(a), acc.Get(Openness))
		}
	}
	if auc := float64(acc.AUC.Party); !(auc >= 0.80 && auc <= 0.90) {
		t.Errorf("party AUC = %.3f, want 0.80–0.90", auc)
	}
	if acc.QuizTakers < 100 || acc.QuizTakers > 200 || acc.TrainingQuizTakers != 150 || acc.Components != acc.TrainingQuizTakers/5 {
		t.Errorf("%d quiz takers in town, %d trained on, %d components", acc.QuizTakers, acc.TrainingQuizTakers, acc.Components)
	}
	for _, a := range []Attribute{Ideology, Age} {
		if acc.Get(a) < 0.4 {
			t.Errorf("%s r = %.3f: demographics and ideology should be easier than personality", a, acc.Get(a))
		}
	}
	for _, a := range []Attribute{Gender, Religious} {
		if acc.Get(a) < 0.7 {
			t.Errorf("%s AUC = %.3f, want a usable inference", a, acc.Get(a))
		}
	}
	if mae := float64(acc.MAEBigFive); !(mae > 0.5 && mae < 0.8) {
		t.Errorf("mean absolute error %.3f sd", mae)
	}
}

// TestAccuracyRisesWithLikes: r grows over the like bins with diminishing
// returns (Kosinski et al. 2013; Youyou et al. 2015), on the bins holding
// at least 500 people.
func TestAccuracyRisesWithLikes(t *testing.T) {
	_, f := calibrated(t)
	var rs []float64
	for _, b := range f.Accuracy.ByLikes {
		t.Logf("likes %-8s n = %5d  r = %.3f", b.Likes, b.N, float64(b.R))
		if b.N >= 500 {
			rs = append(rs, float64(b.R))
		}
	}
	if len(rs) < 4 {
		t.Fatalf("only %d bins with ≥ 500 people", len(rs))
	}
	for k := 1; k < len(rs); k++ {
		if !(rs[k] > rs[k-1]) {
			t.Errorf("bin %d r = %.3f not above bin %d r = %.3f", k, rs[k], k-1, rs[k-1])
		}
	}
	if first, last := rs[1]-rs[0], rs[len(rs)-1]-rs[len(rs)-2]; !(last < first) {
		t.Errorf("no diminishing returns: first gain %.3f, last gain %.3f", first, last)
	}
	// The operator's own estimate (its confidence) also rises.
	c := f.Model.BinConfidence
	if !slices.IsSorted(c[:]) || c[0] >= c[NumLikeBins-1] {
		t.Errorf("confidence by like bin %v should rise", c)
	}
}

// TestMoreQuizTakersBetter: at the same N, a 1 % quiz trains a better
// model than a 0.3 % one — accuracy emerges from data.
func TestMoreQuizTakersBetter(t *testing.T) {
	pop, f := calibrated(t)
	p := DefaultParams()
	p.QuizShare = 0.01
	more, err := Build(p, calConsent, pop, nil, calSeed, 0)
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := float64(f.Accuracy.MeanBigFiveR), float64(more.Accuracy.MeanBigFiveR)
	t.Logf("mean Big Five r: %.3f with %d quiz takers, %.3f with %d", lo, f.Accuracy.QuizTakers, hi, more.Accuracy.QuizTakers)
	if !(hi > lo+0.02) {
		t.Errorf("quiz share 0.01 gives r = %.3f, not clearly above 0.003's %.3f", hi, lo)
	}
	if more.Accuracy.Components <= f.Accuracy.Components {
		t.Errorf("components: %d with more quiz takers, %d with fewer", more.Accuracy.Components, f.Accuracy.Components)
	}
}

// TestExtremePageCounts: the smallest and largest catalogues train and
// infer (finite values for everyone visible).
func TestExtremePageCounts(t *testing.T) {
	n := 6000
	pop := genPop(t, n, 12)
	big := MaxPages
	if raceEnabled {
		big = 5000 // still the sparse SVD path, a tenth of the cost
	}
	for _, pages := range []int{2, big} {
		p := DefaultParams()
		p.Pages, p.QuizShare = pages, 0.01
		f, err := Build(p, 0.5, pop, nil, 3, 0)
		if err != nil {
			t.Fatalf("%d pages: %v", pages, err)
		}
		checkLikes(t, f.Likes, pop, pages)
		for i := range n {
			if f.Visibility.Visible(i) {
				for a := range NumAttributes {
					if x := f.Inferred.Values[a][i]; math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
						t.Fatalf("%d pages: agent %d %s = %v", pages, i, a, x)
					}
				}
			}
		}
		if _, err := json.Marshal(f.Accuracy); err != nil {
			t.Fatal(err)
		}
	}
}
