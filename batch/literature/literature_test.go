package literature

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"boomerang/sim"
	"boomerang/sim/influence"
)

// opinionGroups are the fast §7 checks (well under a second each).
var opinionGroups = []string{"deffuant", "hegselmann-krause", "degroot", "friedkin-johnsen", "voter", "algorithmic-bias"}

// run runs the named groups at quick size with seed 1.
func run(t *testing.T, o Options, groups ...string) *Report {
	t.Helper()
	o.Quick, o.Seed, o.Only = true, 1, groups
	if o.Workers == 0 {
		o.Workers = 2
	}
	rep, err := Run(context.Background(), o, nil)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// row returns the row with the given id.
func row(t *testing.T, rep *Report, id string) Row {
	t.Helper()
	for _, r := range rep.Rows {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no row %q", id)
	return Row{}
}

// Every check passes at quick size with seed 1 (the CI configuration of
// `boomerang-cli check-literature --quick`). Under the race detector only
// the opinion-dynamics checks run (the world-building ones take minutes).
// Every row must pass: since the Farahat & Bailey ratio of the interest
// arm pools the consent rows' 30 replications, the full run meets every
// hold-out too (docs/VALIDATION.md, "Response v2").
func TestQuickChecksPass(t *testing.T) {
	groups := GroupNames()
	if raceEnabled || testing.Short() {
		groups = opinionGroups
	}
	rep := run(t, Options{}, groups...)
	var buf bytes.Buffer
	WriteTable(&buf, rep)
	t.Log("\n" + buf.String())
	if len(rep.Rows) < len(groups) {
		t.Fatalf("%d rows for %d groups", len(rep.Rows), len(groups))
	}
	for _, r := range rep.Rows {
		if !r.Pass {
			t.Errorf("%s: ours %s, band %s: FAIL (%s)", r.ID, r.OursText, r.Band, r.Detail)
		}
		if r.Target == "" || r.Source == "" || r.Published == "" || r.Band == "" || r.Seeds == "" {
			t.Errorf("%s: incomplete row %+v", r.ID, r)
		}
	}
}

// The number of workers never changes the results.
func TestWorkersDoNotChangeResults(t *testing.T) {
	a := run(t, Options{Workers: 1}, opinionGroups...)
	b := run(t, Options{Workers: 3}, opinionGroups...)
	if len(a.Rows) != len(b.Rows) {
		t.Fatalf("%d vs %d rows", len(a.Rows), len(b.Rows))
	}
	for i := range a.Rows {
		if a.Rows[i].ID != b.Rows[i].ID || a.Rows[i].OursText != b.Rows[i].OursText {
			t.Errorf("row %d: %s %q vs %s %q", i, a.Rows[i].ID, a.Rows[i].OursText, b.Rows[i].ID, b.Rows[i].OursText)
		}
	}
}

// replace returns a NewModel that builds broken for the named model and
// the real implementation for every other.
func replace(name string, broken func(influence.Params, influence.Setup) influence.Model) func(influence.Params, influence.Setup) (influence.Model, error) {
	return func(p influence.Params, s influence.Setup) (influence.Model, error) {
		if p.Model == name {
			return broken(p, s), nil
		}
		return influence.New(p, s)
	}
}

// flippedDeffuant is Deffuant on a complete graph with the update sign
// flipped: close partners move apart instead of together (clipped to
// [−1, 1]).
type flippedDeffuant struct {
	eps, mu float32
	seed    uint64
}

func (m flippedDeffuant) Step(t int, x []float32) {
	r := rand.New(rand.NewPCG(m.seed, uint64(t)))
	n := len(x)
	for range n {
		i, j := r.IntN(n), r.IntN(n-1)
		if j >= i {
			j++
		}
		if d := x[j] - x[i]; float32(math.Abs(float64(d))) < m.eps {
			x[i] = min(1, max(-1, x[i]-m.mu*d))
			x[j] = min(1, max(-1, x[j]+m.mu*d))
		}
	}
}

// A Deffuant with the update sign flipped fails its checks.
func TestFlippedDeffuantFails(t *testing.T) {
	rep := run(t, Options{NewModel: replace("deffuant", func(p influence.Params, s influence.Setup) influence.Model {
		return flippedDeffuant{eps: float32(p.Epsilon), mu: float32(p.Mu), seed: s.Seed}
	})}, "deffuant")
	for _, id := range []string{"deffuant-eps0.15", "deffuant-eps0.60", "deffuant-sparse-consensus"} {
		if r := row(t, rep, id); r.Pass {
			t.Errorf("%s passed with a flipped update: %s", id, r.OursText)
		}
	}
}

// everyoneHK is Hegselmann–Krause that ignores ε: everyone averages
// everyone (DeGroot on the complete graph).
type everyoneHK struct{}

func (everyoneHK) Step(_ int, x []float32) {
	s := 0.0
	for _, v := range x {
		s += float64(v)
	}
	for i := range x {
		x[i] = float32(s / float64(len(x)))
	}
}

// A Hegselmann–Krause that ignores ε never fragments: the check fails.
func TestHKIgnoringEpsilonFails(t *testing.T) {
	rep := run(t, Options{NewModel: replace("hegselmann-krause", func(influence.Params, influence.Setup) influence.Model { return everyoneHK{} })}, "hegselmann-krause")
	if r := row(t, rep, "hk-fragmentation"); r.Pass {
		t.Errorf("hk-fragmentation passed with ε ignored: %s", r.OursText)
	}
	if r := row(t, rep, "hk-consensus"); !r.Pass {
		t.Errorf("hk-consensus should still pass (everyone agrees): %s", r.OursText)
	}
}

// A DeGroot that converges to the plain mean (not πᵀx(0)) fails, and so
// does a Friedkin–Johnsen that ignores its anchors.
func TestWrongLimitsFail(t *testing.T) {
	rep := run(t, Options{NewModel: func(p influence.Params, s influence.Setup) (influence.Model, error) {
		switch p.Model {
		case "degroot":
			return everyoneHK{}, nil // one step to the plain mean
		case "friedkin-johnsen":
			return influence.New(influence.Params{Model: "degroot"}, s)
		}
		return influence.New(p, s)
	}}, "degroot", "friedkin-johnsen")
	for _, id := range []string{"degroot-limit", "fj-fixed-point"} {
		if r := row(t, rep, id); r.Pass {
			t.Errorf("%s passed with a wrong model: %s", id, r.OursText)
		}
	}
}

// biasedVoter copies a random other agent's opinion only when it is +1:
// consensus on +1 becomes certain, not ρ.
type biasedVoter struct{ seed uint64 }

func (m biasedVoter) Step(t int, x []float32) {
	r := rand.New(rand.NewPCG(m.seed, uint64(t)))
	n := len(x)
	for range n {
		i, j := r.IntN(n), r.IntN(n)
		if x[j] > 0 {
			x[i] = 1
		} else if x[i] == 0 {
			x[i] = -1
		}
	}
}

// A biased voter model and an algorithmic bias that ignores γ fail.
func TestBiasedVoterAndUnbiasedAlgorithmFail(t *testing.T) {
	rep := run(t, Options{NewModel: func(p influence.Params, s influence.Setup) (influence.Model, error) {
		switch p.Model {
		case "voter":
			return biasedVoter{seed: s.Seed}, nil
		case "algorithmic-bias":
			p.Model = "deffuant" // γ ignored
		}
		return influence.New(p, s)
	}}, "voter", "algorithmic-bias")
	for _, id := range []string{"voter-exit", "algorithmic-bias"} {
		if r := row(t, rep, id); r.Pass {
			t.Errorf("%s passed with a broken model: %s", id, r.OursText)
		}
	}
}

// Without congruence in the response (matched ads work no better) the
// Matz conversion ratios fall to ≈ 1 and their checks fail (the CTR bands
// start at ×1.00, Matz study 1's value, so they cannot); an ad effect 30 times the
// calibrated one breaks the broadcast check.
func TestBrokenCampaignFails(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("builds 50,000-agent worlds: too slow under -race / -short")
	}
	rep := run(t, Options{tiny: true, Tweak: func(c *sim.Config) {
		c.Response.CongruenceClick = 0
		c.Response.CongruenceConversion = 0
		c.Response.ClickEffect *= 30
		c.Response.ViewEffect *= 30
	}}, "matz", "persuasion")
	for _, id := range []string{"matz-1-conversions", "matz-2-conversions", "matz-2-ctr", "matz-3-ctr", "persuasion-broadcast"} {
		if r := row(t, rep, id); r.Pass {
			t.Errorf("%s passed with a broken response: %s", id, r.OursText)
		}
	}
}

// Mutation check (issue 16): with relevance switched off no targeted arm
// can beat broadcast, so the Farahat & Bailey causal rows must fail.
// Two replications of weekend-event (tiny): ~10 s.
func TestRelevanceOffFails(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("runs weekend-event: too slow under -race / -short")
	}
	rep := run(t, Options{tiny: true, Tweak: func(c *sim.Config) { c.Response.Relevance = 0 }}, "targeting")
	for _, id := range []string{"farahat-causal-demographic", "farahat-causal-interests"} {
		r := row(t, rep, id)
		t.Logf("relevance off, %s: %s", id, r.OursText)
		if r.Pass {
			t.Errorf("%s passed with relevance off: %s", id, r.OursText)
		}
	}
}

// Mutation checks (issue 16): an ad stock that never decays (lifetime
// wear-out) bends the frequency curve below linear, and conversions that
// ignore opinion leave a campaign nobody clicks without effect.
func TestBrokenResponseFails(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("builds several worlds: too slow under -race / -short")
	}
	rep := run(t, Options{tiny: true, Tweak: func(c *sim.Config) { c.Response.AdstockHalfLife = 1e9 }}, "response")
	if r := row(t, rep, "frequency-linear"); r.Pass {
		t.Errorf("frequency-linear passed with an ad stock that never decays: %s", r.OursText)
	} else {
		t.Logf("an ad stock that never decays: frequency-linear %s", r.OursText)
	}
	rep = run(t, Options{tiny: true, Tweak: func(c *sim.Config) { c.Response.OpinionElasticity = 0 }}, "response")
	if r := row(t, rep, "opinion-converts"); r.Pass {
		t.Errorf("opinion-converts passed with conversions ignoring opinion: %s", r.OursText)
	}
}

// The writers: CSV with the header and one record per row, Markdown
// table, JSON with NaN as null.
func TestWriters(t *testing.T) {
	rep := run(t, Options{}, "degroot", "voter")
	var c bytes.Buffer
	if err := WriteCSV(&c, rep); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&c).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(rep.Rows)+1 || strings.Join(recs[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("csv: %d records, header %v", len(recs), recs[0])
	}
	var m bytes.Buffer
	WriteMarkdown(&m, rep, "boomerang-cli check-literature --quick")
	if !strings.Contains(m.String(), "| degroot-limit |") || !strings.Contains(m.String(), "--quick") {
		t.Fatalf("markdown:\n%s", m.String())
	}
	data, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"ci_lo":null`) {
		t.Fatalf("json: NaN interval not null: %s", data)
	}
	if _, err := Run(context.Background(), Options{Only: []string{"nope"}}, nil); err == nil {
		t.Fatal("unknown group accepted")
	}
}

// The jackknife interval of a mean is the Student-t interval of meanCI
// (the leave-one-out standard error of a mean is the usual one), and a
// ratio's interval contains its estimate.
func TestJackknife(t *testing.T) {
	xs := []float64{3, 7, 1, 9, 4, 6}
	m, lo, hi := meanCI(xs)
	jm, jlo, jhi := jackknife(len(xs), func(skip int) float64 { return skipMean(xs, skip) })
	if math.Abs(jm-m) > 1e-12 || math.Abs(jlo-lo) > 1e-9 || math.Abs(jhi-hi) > 1e-9 {
		t.Fatalf("jackknife of the mean %.4f (%.4f–%.4f), meanCI %.4f (%.4f–%.4f)", jm, jlo, jhi, m, lo, hi)
	}
	ys := []float64{2, 5, 1, 6, 3, 4}
	r, rlo, rhi := jackknife(len(xs), func(skip int) float64 { return skipMean(xs, skip) / skipMean(ys, skip) })
	if want := 30.0 / 21; math.Abs(r-want) > 1e-12 || !(rlo < r && r < rhi) {
		t.Fatalf("ratio %.4f (%.4f–%.4f), want %.4f inside its interval", r, rlo, rhi, want)
	}
	if _, lo, _ := jackknife(1, func(int) float64 { return 1 }); !math.IsNaN(lo) {
		t.Fatalf("one replication: interval %v, want NaN", lo)
	}
}

// The consent comparisons extend the full targeting runs with runs of
// their three arms alone: an arm's results must not depend on which other
// arms run beside it.
func TestConsentArmsAloneMatchTheFullRun(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("two runs of weekend-event: too slow under -race / -short")
	}
	o := Options{Seed: 3, tiny: true}
	full, err := targetingRunsOf(o, nil, 0, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	alone, err := targetingRunsOf(o, nil, 0, 1, consentArms)
	if err != nil {
		t.Fatal(err)
	}
	if len(alone.extra) != len(consentArms) || len(full.extra) <= len(consentArms) {
		t.Fatalf("arms run: %d alone, %d in full", len(alone.extra), len(full.extra))
	}
	for _, arm := range consentArms {
		if a, f := alone.extra[arm], full.extra[arm]; len(a) != 1 || len(f) != 1 || a[0] != f[0] {
			t.Errorf("%s: extra conversions %v alone, %v beside every arm", arm, a, f)
		}
	}
	if full.extra["interests"][0] == 0 {
		t.Errorf("the interest arm sold nothing extra: the comparison tests little")
	}
}
