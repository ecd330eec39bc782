package population

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"

	"boomerang/sim/rng"
)

// statN is the population size of the statistical tests: large enough that
// sampling error (≈ 1/√N ≈ .002 for a correlation) is far below every
// tolerance.
const statN = 200_000

var (
	bigOnce sync.Once
	bigPop  *Population
)

func big(t testing.TB) *Population {
	t.Helper()
	bigOnce.Do(func() {
		p, err := Generate(Params{Size: statN, Regions: 12}, 20240917, 0)
		if err != nil {
			panic(err)
		}
		bigPop = p
	})
	return bigPop
}

func f32(x []float32) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = float64(v)
	}
	return out
}

func u8(x []uint8) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = float64(v)
	}
	return out
}

func meanSD(x []float64) (m, sd float64) {
	for _, v := range x {
		m += v
	}
	m /= float64(len(x))
	for _, v := range x {
		sd += (v - m) * (v - m)
	}
	return m, math.Sqrt(sd / float64(len(x)-1))
}

func corr(x, y []float64) float64 {
	mx, sx := meanSD(x)
	my, sy := meanSD(y)
	s := 0.0
	for i := range x {
		s += (x[i] - mx) * (y[i] - my)
	}
	return s / float64(len(x)-1) / (sx * sy)
}

// cohenD is (women − men) / pooled within-sex sd.
func cohenD(x []float32, gender []uint8) float64 {
	var w, m []float64
	for i, v := range x {
		if gender[i] == 0 {
			w = append(w, float64(v))
		} else {
			m = append(m, float64(v))
		}
	}
	mw, sw := meanSD(w)
	mm, sm := meanSD(m)
	nw, nm := float64(len(w)), float64(len(m))
	sp := math.Sqrt(((nw-1)*sw*sw + (nm-1)*sm*sm) / (nw + nm - 2))
	return (mw - mm) / sp
}

func traits(p *Population) map[string][]float32 {
	return map[string][]float32{
		"openness": p.Openness, "conscientiousness": p.Conscientiousness,
		"extraversion": p.Extraversion, "agreeableness": p.Agreeableness,
		"neuroticism": p.Neuroticism,
	}
}

func TestReseedMatchesRngSource(t *testing.T) {
	for _, agent := range []uint64{0, 1, 7, 1_999_999} {
		var a rand.PCG
		reseed(&a, 42, rng.Population, agent)
		b := rng.Source(42, rng.Population, agent, 0)
		for k := range 5 {
			if x, y := a.Uint64(), b.Uint64(); x != y {
				t.Fatalf("agent %d draw %d: reseed gives %d, rng.Source %d", agent, k, x, y)
			}
		}
	}
}

func TestDeterministicAcrossWorkers(t *testing.T) {
	n := 50_000
	if testing.Short() {
		n = 20_000
	}
	p := Params{Size: n, Regions: 12}
	ref, err := Generate(p, 7, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{2, 5, 0} {
		got, err := Generate(p, 7, w)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ref, got) {
			t.Fatalf("workers=%d gives a different population than workers=1", w)
		}
	}
	other, _ := Generate(p, 8, 2)
	if reflect.DeepEqual(ref.Openness, other.Openness) {
		t.Fatal("seeds 7 and 8 give the same openness")
	}
	// A prefix of a larger population is the smaller population.
	larger, _ := Generate(Params{Size: n + 1000, Regions: 12}, 7, 3)
	if !slices.Equal(ref.Ideology, larger.Ideology[:n]) || !slices.Equal(ref.Age, larger.Age[:n]) {
		t.Fatal("agent i's values depend on the population size")
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		p    Params
		want string
	}{
		{Params{Size: -5, Regions: 12}, "population.size = -5: must be between 1 and 2000000"},
		{Params{Size: 0, Regions: 12}, "population.size = 0: must be between 1 and 2000000"},
		{Params{Size: MaxSize + 1, Regions: 12}, "population.size = 2000001: must be between 1 and 2000000"},
		{Params{Size: 10, Regions: 0}, "population.regions = 0: must be between 1 and 64"},
		{Params{Size: 10, Regions: 65}, "population.regions = 65: must be between 1 and 64"},
	}
	for _, c := range cases {
		p, err := Generate(c.p, 1, 1)
		if err == nil || err.Error() != c.want {
			t.Errorf("Generate(%+v) error = %v, want %q", c.p, err, c.want)
		}
		if p != nil {
			t.Errorf("Generate(%+v) returned a population with an error", c.p)
		}
	}
}

func TestSmallPopulations(t *testing.T) {
	for _, n := range []int{1, 2, 3} {
		for _, regions := range []int{1, 64} {
			p, err := Generate(Params{Size: n, Regions: regions}, 3, 4)
			if err != nil {
				t.Fatal(err)
			}
			if p.N != n || len(p.Likes) != n || len(p.Age) != n || p.Regions != regions {
				t.Fatalf("n=%d: got N=%d, len(Likes)=%d", n, p.N, len(p.Likes))
			}
			checkBounds(t, p)
		}
	}
}

func checkBounds(t *testing.T, p *Population) {
	t.Helper()
	for i := 0; i < p.N; i++ {
		switch {
		case p.Age[i] < MinAge || p.Age[i] > MaxAge:
			t.Fatalf("agent %d: age %d outside [18, 90]", i, p.Age[i])
		case p.Gender[i] > 1:
			t.Fatalf("agent %d: gender %d", i, p.Gender[i])
		case int(p.Region[i]) >= p.Regions:
			t.Fatalf("agent %d: region %d of %d", i, p.Region[i], p.Regions)
		case p.Education[i] > 2:
			t.Fatalf("agent %d: education %d", i, p.Education[i])
		case p.Likes[i] < 1 || p.Likes[i] > 700:
			t.Fatalf("agent %d: likes %d outside [1, 700]", i, p.Likes[i])
		}
		for name, x := range map[string][]float32{
			"susceptibility": p.Susceptibility, "media literacy": p.MediaLiteracy,
			"privacy concern": p.PrivacyConcern,
		} {
			if !(x[i] >= 0 && x[i] <= 1) {
				t.Fatalf("agent %d: %s %v outside [0, 1]", i, name, x[i])
			}
		}
		for name, x := range traits(p) {
			if v := float64(x[i]); math.IsNaN(v) || math.Abs(v) > 8 {
				t.Fatalf("agent %d: %s = %v", i, name, v)
			}
		}
		if v := float64(p.Ideology[i]); math.IsNaN(v) || math.Abs(v) > 8 {
			t.Fatalf("agent %d: ideology = %v", i, v)
		}
	}
}

func TestBounds(t *testing.T) {
	checkBounds(t, big(t))
}

func TestBigFiveStandardised(t *testing.T) {
	p := big(t)
	for name, x := range traits(p) {
		m, sd := meanSD(f32(x))
		if math.Abs(m) > 0.02 || math.Abs(sd-1) > 0.02 {
			t.Errorf("%s: mean %.3f sd %.3f, want 0 and 1", name, m, sd)
		}
	}
	m, sd := meanSD(f32(p.Ideology))
	if math.Abs(m) > 0.02 || math.Abs(sd-1) > 0.02 {
		t.Errorf("ideology: mean %.3f sd %.3f, want 0 and 1", m, sd)
	}
}

func TestBigFiveIntercorrelations(t *testing.T) {
	p := big(t)
	x := [5][]float64{f32(p.Openness), f32(p.Conscientiousness), f32(p.Extraversion), f32(p.Agreeableness), f32(p.Neuroticism)}
	for i := 0; i < 5; i++ {
		for j := i + 1; j < 5; j++ {
			r := corr(x[i], x[j])
			// Sex and age shifts move the correlations a little from
			// traitCorr (e.g. women are higher in both A and N).
			if math.Abs(r-traitCorr[i][j]) > 0.06 || math.Abs(r) > 0.35 {
				t.Errorf("r(%d,%d) = %.3f, base %.2f", i, j, r, traitCorr[i][j])
			}
		}
	}
}

func TestSexDifferences(t *testing.T) {
	p := big(t)
	want := map[string]float64{"agreeableness": 0.56, "neuroticism": 0.41, "extraversion": 0.15, "openness": 0, "conscientiousness": 0}
	for name, x := range traits(p) {
		d := cohenD(x, p.Gender)
		t.Logf("%s: d = %.3f (target %.2f)", name, d, want[name])
		if math.Abs(d-want[name]) > 0.1 {
			t.Errorf("%s: Cohen's d women − men = %.3f, want %.2f ± 0.1", name, d, want[name])
		}
		// The construction is exact up to sampling error (sd ≈ .005).
		if math.Abs(d-want[name]) > 0.03 {
			t.Errorf("%s: Cohen's d = %.3f is further than 0.03 from %.2f", name, d, want[name])
		}
	}
}

func TestAgeTrends(t *testing.T) {
	p := big(t)
	age := u8(p.Age)
	sign := map[string]float64{"agreeableness": 1, "conscientiousness": 1, "neuroticism": -1, "openness": -1, "extraversion": -1}
	for name, x := range traits(p) {
		r := corr(age, f32(x))
		t.Logf("r(age, %s) = %.3f", name, r)
		if r*sign[name] < 0.01 {
			t.Errorf("r(age, %s) = %.3f, want sign %+.0f (Soto et al. 2011)", name, r, sign[name])
		}
	}
	if r := corr(age, f32(p.Ideology)); r < 0.05 || r > 0.15 {
		t.Errorf("r(age, ideology) = %.3f, want ≈ +0.10", r)
	}
}

func TestIdeologyCorrelations(t *testing.T) {
	p := big(t)
	ideo := f32(p.Ideology)
	for _, c := range []struct {
		name string
		x    []float32
		want float64
	}{{"openness", p.Openness, -0.18}, {"conscientiousness", p.Conscientiousness, 0.10}} {
		r := corr(ideo, f32(c.x))
		t.Logf("r(ideology, %s) = %.3f", c.name, r)
		if math.Abs(r-c.want) > 0.04 {
			t.Errorf("r(ideology, %s) = %.3f, want %.2f ± 0.04 (Sibley et al. 2012)", c.name, r, c.want)
		}
	}
}

func TestLikes(t *testing.T) {
	p := big(t)
	l := slices.Clone(p.Likes)
	slices.Sort(l)
	med := l[len(l)/2]
	mean := 0.0
	for _, v := range l {
		mean += float64(v)
	}
	mean /= float64(len(l))
	t.Logf("likes: min %d median %d mean %.1f max %d", l[0], med, mean, l[len(l)-1])
	if med < 65 || med > 71 {
		t.Errorf("median likes %d, want 68 ± 3 (Kosinski et al. 2013)", med)
	}
	if l[0] < 1 || l[len(l)-1] > 700 {
		t.Errorf("likes range [%d, %d] outside [1, 700]", l[0], l[len(l)-1])
	}
	if l[len(l)-1] != 700 || l[0] > 3 {
		t.Errorf("likes range [%d, %d]: expected the distribution to span roughly 1–700", l[0], l[len(l)-1])
	}
	logL := make([]float64, p.N)
	for i, v := range p.Likes {
		logL[i] = math.Log(float64(v))
	}
	for _, c := range []struct {
		name string
		x    []float64
		sign float64
	}{{"age", u8(p.Age), -1}, {"extraversion", f32(p.Extraversion), 1}, {"openness", f32(p.Openness), 1}} {
		r := corr(logL, c.x)
		if r*c.sign < 0.03 || math.Abs(r) > 0.3 {
			t.Errorf("r(log likes, %s) = %.3f, want a small effect of sign %+.0f", c.name, r, c.sign)
		}
	}
}

func TestDemographics(t *testing.T) {
	p := big(t)
	n := float64(p.N)
	var men, migrants, youngHigh, young, oldHigh, old float64
	edu := [3]float64{}
	regions := make([]float64, p.Regions)
	ages := make([]float64, p.N)
	for i := 0; i < p.N; i++ {
		men += float64(p.Gender[i])
		if p.Migrant[i] {
			migrants++
		}
		edu[p.Education[i]]++
		regions[p.Region[i]]++
		ages[i] = float64(p.Age[i])
		switch {
		case p.Age[i] < 35:
			young++
			if p.Education[i] == 2 {
				youngHigh++
			}
		case p.Age[i] >= 65:
			old++
			if p.Education[i] == 2 {
				oldHigh++
			}
		}
	}
	meanAge, _ := meanSD(ages)
	slices.Sort(ages)
	t.Logf("men %.3f, migrants %.3f, education %.3f/%.3f/%.3f, high: <35 %.3f, 65+ %.3f, mean age %.1f, median %.0f",
		men/n, migrants/n, edu[0]/n, edu[1]/n, edu[2]/n, youngHigh/young, oldHigh/old, meanAge, ages[p.N/2])
	if math.Abs(men/n-0.5) > 0.03 {
		t.Errorf("share of men %.3f, want ≈ 0.5", men/n)
	}
	if math.Abs(migrants/n-0.25) > 0.02 {
		t.Errorf("migration background %.3f, want ≈ 0.25", migrants/n)
	}
	for k, want := range []float64{0.3, 0.4, 0.3} {
		if math.Abs(edu[k]/n-want) > 0.015 {
			t.Errorf("education %d share %.3f, want %.2f", k, edu[k]/n, want)
		}
	}
	if youngHigh/young < oldHigh/old+0.1 {
		t.Errorf("high education: under-35 %.3f vs 65+ %.3f, want younger clearly higher", youngHigh/young, oldHigh/old)
	}
	if meanAge < 46 || meanAge > 52 || ages[0] != 18 || ages[p.N-1] != 90 {
		t.Errorf("age: mean %.1f range %v–%v, want ≈ 49 within 18–90", meanAge, ages[0], ages[p.N-1])
	}
	for r, s := range RegionShares(p.Regions) {
		if math.Abs(regions[r]/n-s) > 0.005 {
			t.Errorf("region %d share %.3f, want %.3f", r, regions[r]/n, s)
		}
	}
}

func TestDispositions(t *testing.T) {
	p := big(t)
	age := u8(p.Age)
	sus, ml, pc := f32(p.Susceptibility), f32(p.MediaLiteracy), f32(p.PrivacyConcern)
	for name, x := range map[string][]float64{"susceptibility": sus, "media literacy": ml, "privacy concern": pc} {
		m, sd := meanSD(x)
		t.Logf("%s: mean %.3f sd %.3f", name, m, sd)
		if math.Abs(m-0.5) > 0.03 || sd < 0.1 {
			t.Errorf("%s: mean %.3f sd %.3f, want mean ≈ 0.5 and real spread", name, m, sd)
		}
	}
	checks := []struct {
		name string
		x, y []float64
		sign float64
	}{
		{"susceptibility~agreeableness", sus, f32(p.Agreeableness), 1},
		{"susceptibility~neuroticism", sus, f32(p.Neuroticism), 1},
		{"susceptibility~media literacy", sus, ml, -1},
		{"media literacy~education", ml, u8(p.Education), 1},
		{"media literacy~openness", ml, f32(p.Openness), 1},
		{"media literacy~age", ml, age, -1},
		{"privacy~age", pc, age, 1},
		{"privacy~conscientiousness", pc, f32(p.Conscientiousness), 1},
	}
	for _, c := range checks {
		if r := corr(c.x, c.y); r*c.sign < 0.05 {
			t.Errorf("r(%s) = %.3f, want sign %+.0f", c.name, r, c.sign)
		}
	}
}

func TestRegionHelpers(t *testing.T) {
	if got := RegionNames(12)[0]; got != "Zuid-Holland" {
		t.Errorf("RegionNames(12)[0] = %q", got)
	}
	if got := RegionNames(3)[2]; got != "region 3" {
		t.Errorf("RegionNames(3)[2] = %q", got)
	}
	for _, r := range []int{1, 5, 12, 64} {
		s := 0.0
		for _, v := range RegionShares(r) {
			s += v
		}
		if math.Abs(s-1) > 1e-12 {
			t.Errorf("RegionShares(%d) sums to %v", r, s)
		}
	}
	if d := DefaultParams(); d.Regions != 12 || d.Size < 1 {
		t.Errorf("DefaultParams() = %+v", d)
	}
}

// BenchmarkGenerate1M reports the setup cost per agent at one million agents.
func BenchmarkGenerate1M(b *testing.B) {
	const n = 1_000_000
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(Params{Size: n, Regions: 12}, 1, 0); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/agent")
}

func TestSpecialCategories(t *testing.T) {
	p := big(t)
	share := func(x []bool, keep func(i int) bool) float64 {
		var k, m float64
		for i, v := range x {
			if keep(i) {
				m++
				if v {
					k++
				}
			}
		}
		return k / m
	}
	all := func(int) bool { return true }
	young := func(i int) bool { return p.Age[i] < 30 }
	old := func(i int) bool { return p.Age[i] >= 70 }
	for _, c := range []struct {
		name       string
		x          []bool
		want       float64
		youngOlder float64 // sign of (young − old)
	}{
		{"religious", p.Religious, religiousShare, -1},
		{"lgb", p.LGB, lgbShare, 1},
		{"health condition", p.HealthCondition, healthShare, -1},
	} {
		s, sy, so := share(c.x, all), share(c.x, young), share(c.x, old)
		t.Logf("%s: %.3f (18–29 %.3f, 70+ %.3f)", c.name, s, sy, so)
		// The cut points are exact; sampling sd ≤ .0012 at N = 200,000.
		if math.Abs(s-c.want) > 0.006 {
			t.Errorf("%s share %.3f, want %.2f", c.name, s, c.want)
		}
		if (sy-so)*c.youngOlder < 0.02 {
			t.Errorf("%s: 18–29 %.3f vs 70+ %.3f, want a clear age gradient of sign %+.0f", c.name, sy, so, c.youngOlder)
		}
	}
	b := func(x []bool) []float64 {
		out := make([]float64, len(x))
		for i, v := range x {
			if v {
				out[i] = 1
			}
		}
		return out
	}
	ideo := f32(p.Ideology)
	if r := corr(b(p.Religious), ideo); r < 0.08 || r > 0.3 {
		t.Errorf("r(religious, ideology) = %.3f, want a modest positive link", r)
	}
	if r := corr(b(p.Religious), b(p.Migrant)); r < 0.03 {
		t.Errorf("r(religious, migrant) = %.3f, want positive", r)
	}
	if r := corr(b(p.HealthCondition), f32(p.Neuroticism)); r < 0.02 || r > 0.2 {
		t.Errorf("r(health, neuroticism) = %.3f, want small positive", r)
	}
	party := u8(p.Party)
	right, _ := meanSD(party)
	r := corr(party, ideo)
	t.Logf("party: %.3f right, r(party, ideology) = %.3f", right, r)
	if math.Abs(right-0.5) > 0.02 {
		t.Errorf("share right %.3f, want ≈ 0.5", right)
	}
	// Strong but not perfect: 0.798 · 1/√(1 + 0.7²) ≈ 0.65.
	if r < 0.6 || r > 0.7 {
		t.Errorf("r(party, ideology) = %.3f, want ≈ 0.65", r)
	}
	for i, v := range p.Party {
		if v > PartyRight {
			t.Fatalf("agent %d: party %d", i, v)
		}
	}
}

// TestFirstStreamUnchanged pins a few agents' first-stream attributes (the
// values before the special categories were added), so that additions
// drawn from other streams cannot shift them.
func TestFirstStreamUnchanged(t *testing.T) {
	p, err := Generate(Params{Size: 5, Regions: 12}, 20240917, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		age, gender, region uint8
		openness, ideology  float32
		likes               int32
	}{
		{81, 1, 4, 0.33536094, -0.027181167, 114},
		{41, 1, 1, 0.56157064, -0.88692397, 491},
		{24, 0, 0, 1.6199992, 0.23851062, 223},
		{77, 1, 1, -0.7828844, -0.32205322, 70},
		{64, 1, 0, 0.25647599, -1.0913831, 12},
	}
	for i, w := range want {
		if p.Age[i] != w.age || p.Gender[i] != w.gender || p.Region[i] != w.region ||
			p.Openness[i] != w.openness || p.Ideology[i] != w.ideology || p.Likes[i] != w.likes {
			t.Errorf("agent %d: got {%d %d %d %v %v %d}, want %+v", i, p.Age[i], p.Gender[i], p.Region[i],
				p.Openness[i], p.Ideology[i], p.Likes[i], w)
		}
	}
}
