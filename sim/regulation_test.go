package sim

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// allStrategyArms is a control arm and one arm per strategy, plus variants
// that use special categories: demographic with origin, psychographic with
// ideology, adaptive with party (lookalike and demobilise use them by
// default).
func allStrategyArms() []ArmConfig {
	arms := []ArmConfig{{Name: "control", Strategy: "none"}}
	for _, name := range StrategyNames()[1:] {
		arms = append(arms, ArmConfig{Name: name, Strategy: name})
	}
	return append(arms,
		ArmConfig{Name: "demographic-origin", Strategy: "demographic", Attributes: []string{"age", "gender", "region", "origin"}},
		ArmConfig{Name: "psychographic-ideology", Strategy: "psychographic",
			Attributes: []string{"openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism", "ideology"}},
		ArmConfig{Name: "adaptive-party", Strategy: "adaptive", Attributes: []string{"age", "gender", "party"}},
	)
}

// runLogged is runWith with the per-impression log on for everyone.
func runLogged(t testing.TB, c Config, seed uint64, prepare func(*World)) *Run {
	t.Helper()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	w, err := BuildWorld(c, seed, 2)
	if err != nil {
		t.Fatal(err)
	}
	if prepare != nil {
		prepare(w)
	}
	r, err := NewRunOn(w, 2)
	if err != nil {
		t.Fatal(err)
	}
	r.EnableLog(nil)
	r.RunToEnd()
	return r
}

// arm returns the arm called name.
func arm(t testing.TB, r *Run, name string) *Arm {
	t.Helper()
	for _, a := range r.Arms {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("no arm %q", name)
	return nil
}

// noRefusals checks that no strategy planned an impression the rules
// forbid: they plan within the rules, the last-line check never bites.
func noRefusals(t *testing.T, r *Run) {
	t.Helper()
	for _, a := range r.Arms {
		if a.State.rules.blocked != 0 {
			t.Errorf("%s: the last-line check refused %d impressions", a.Name, a.State.rules.blocked)
		}
	}
}

func hasNote(notes []string, parts ...string) bool {
	for _, n := range notes {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(n, p)
		}
		if ok {
			return true
		}
	}
	return false
}

// Bad regulation and defence input gives one clear line naming the key.
func TestRegulationBadInput(t *testing.T) {
	cases := []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"consent rate", func(c *Config) { c.Regulation.ConsentRate = 1.2 }, "regulation.consent_rate = 1.2: must be between 0 and 1"},
		{"consent design", func(c *Config) { c.Regulation.ConsentDesign = "cookie-wall" }, `regulation.consent_design = "cookie-wall": unknown (allowed: [opt-in reject-button no-reject-button])`},
		{"empty consent design", func(c *Config) { c.Regulation.ConsentDesign = "" }, `regulation.consent_design = "": unknown`},
		{"political consent rate", func(c *Config) { c.Regulation.PoliticalConsentRate = -0.1 }, "regulation.political_consent_rate = -0.1: must be between 0 and 1"},
		{"political consent NaN", func(c *Config) { c.Regulation.PoliticalConsentRate = math.NaN() }, "regulation.political_consent_rate = NaN:"},
		{"min audience", func(c *Config) { c.Regulation.MinAudience = -1 }, "regulation.min_audience = -1: must be between 0"},
		{"frequency cap", func(c *Config) { c.Regulation.FrequencyCap = -3 }, "regulation.frequency_cap = -3: must be between 0 (no cap)"},
		{"frequency cap big", func(c *Config) { c.Regulation.FrequencyCap = 20_000 }, "regulation.frequency_cap = 20000:"},
		{"frequency period", func(c *Config) { c.Regulation.FrequencyPeriod = 0 }, "regulation.frequency_period = 0: must be between 1"},
		{"prebunking share", func(c *Config) { c.Defence.PrebunkingShare = 1.5 }, "defence.prebunking_share = 1.5: must be between 0 and 1"},
		{"prebunking effect", func(c *Config) { c.Defence.PrebunkingEffect = -0.2 }, "defence.prebunking_effect = -0.2: must be between 0 and 1"},
		{"minors share", func(c *Config) { c.Population.MinorsShare = 0.7 }, "population.minors_share = 0.7: must be between 0 and 0.5"},
	}
	for _, tc := range cases {
		c := DefaultConfig()
		c.Data.QuizShare = 0
		tc.edit(&c)
		err := c.Validate()
		var fe *FieldError
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: got %v, want one line starting %q", tc.name, err, tc.want)
		} else if fe, _ = err.(*FieldError); fe == nil {
			t.Errorf("%s: %T, want *FieldError", tc.name, err)
		}
	}
	c := DefaultConfig()
	c.Data.QuizShare = 0
	c.Regulation = RegulationParams{ConsentRate: 0.3, ConsentDesign: ConsentOptIn, SpecialCategoriesBan: true, MinorsBan: true,
		PoliticalConsent: true, PoliticalConsentRate: 1, MinAudience: 0, FrequencyCap: 0, FrequencyPeriod: 1, TransparencyLabel: true}
	c.Defence = DefenceParams{PrebunkingShare: 1, PrebunkingEffect: 1}
	c.Population.MinorsShare = 0.5
	if err := c.Validate(); err != nil {
		t.Errorf("valid regulation rejected: %v", err)
	}
}

// The defaults are the unregulated model.
func TestRegulationDefaultsOff(t *testing.T) {
	c := DefaultConfig()
	r, d := c.Regulation, c.Defence
	if r.SpecialCategoriesBan || r.MinorsBan || r.PoliticalConsent || r.MinAudience != 0 || r.FrequencyCap != 0 ||
		r.TransparencyLabel || d.PrebunkingShare != 0 || c.Population.MinorsShare != 0 || r.EffectiveConsentRate() != r.ConsentRate {
		t.Fatalf("a lever is on by default: %+v %+v", r, d)
	}
}

// Consent design (seed 3, N = 20,000): a fair design uses consent_rate,
// the dark pattern adds 22 points, and only adds people.
func TestConsentDesign(t *testing.T) {
	c := DefaultConfig()
	c.Population.Size = 20_000
	if raceEnabled {
		c.Population.Size = 5000
	}
	c.Data.QuizShare = 0 // consent is drawn whether or not a model is trained
	c.Steps = 1
	consented := map[string][]bool{}
	for _, design := range ConsentDesigns() {
		c.Regulation.ConsentDesign = design
		r, err := NewRun(c, 3, 2)
		if err != nil {
			t.Fatal(err)
		}
		// No arm reads likes: the world has no footprint, and the one built
		// on demand draws the same consent (what the app's views show).
		if r.World.Footprint != nil {
			t.Fatal("a world whose arms read no profiles built a footprint")
		}
		fp, _, err := r.World.BuildFootprint(2)
		if err != nil {
			t.Fatal(err)
		}
		v := &fp.Visibility
		got := make([]bool, c.Population.Size)
		n := 0
		for i := range got {
			got[i] = v.Consented(i)
			if got[i] {
				n++
			}
		}
		consented[design] = got
		share := float64(n) / float64(len(got))
		want := c.Regulation.EffectiveConsentRate()
		t.Logf("%s: consent %.4f (want %.2f)", design, share, want)
		if math.Abs(share-want) > 4*math.Sqrt(want*(1-want)/float64(len(got)))+1e-9 {
			t.Errorf("%s: consent share %.4f, want %.2f", design, share, want)
		}
		notes := r.Result().Notes
		if (design == ConsentNoRejectButton) != hasNote(notes, "no-reject-button", "0.92") {
			t.Errorf("%s: notes %q", design, notes)
		}
	}
	if !slices.Equal(consented[ConsentOptIn], consented[ConsentRejectButton]) {
		t.Error("opt-in and reject-button must give the same consenters for the same consent_rate")
	}
	for i, fair := range consented[ConsentRejectButton] {
		if fair && !consented[ConsentNoRejectButton][i] {
			t.Fatalf("agent %d consents under the fair design but not under the dark pattern", i)
		}
	}
	c.Regulation.ConsentRate = 0.9
	c.Regulation.ConsentDesign = ConsentNoRejectButton
	if got := c.Regulation.EffectiveConsentRate(); got != 1 {
		t.Errorf("dark pattern on 0.9: %v, want 1 (capped)", got)
	}
}

// Special-category ban (seed 4, N = 3,000, 12 steps of 600): every arm,
// including those asked to use ideology, party, origin or all attributes,
// uses no special category (sensitive_share = 0) and still spends its whole
// budget; demobilise, which has nothing left, falls back to broadcast and
// the notes say so. Without the ban the same arms do use them.
func TestSpecialCategoriesBan(t *testing.T) {
	c := targetedConfig()
	c.Arms = allStrategyArms()
	free := runWith(t, c, 4, 2, profiled(0.4, 0.7))
	c.Regulation.SpecialCategoriesBan = true
	banned := runLogged(t, c, 4, profiled(0.4, 0.7))
	noRefusals(t, banned)
	budget := int64(c.Steps * c.Campaign.Budget)
	for _, a := range banned.Arms {
		m := a.Series[len(a.Series)-1]
		f := last(t, free, a.Name)
		t.Logf("%-23s sensitive %.3f -> %.3f, attrs/imp %.2f -> %.2f, impressions %d -> %d", a.Name,
			f.SensitiveShare, m.SensitiveShare, f.AttributesPerImpression, m.AttributesPerImpression, f.Impressions, m.Impressions)
		if m.SensitiveShare != 0 {
			t.Errorf("%s: sensitive share %v under the ban", a.Name, m.SensitiveShare)
		}
		if a.Name != "control" && m.Impressions != budget {
			t.Errorf("%s: %d impressions under the ban, want the whole budget %d", a.Name, m.Impressions, budget)
		}
		for _, im := range a.Log() {
			if im.Sensitive {
				t.Fatalf("%s: impression chosen with a special category under the ban: %+v", a.Name, im)
			}
		}
	}
	for _, name := range []string{"demographic-origin", "psychographic-ideology", "adaptive-party", "demobilise"} {
		if last(t, free, name).SensitiveShare == 0 {
			t.Errorf("%s uses no special category even without the ban: the test cannot fail", name)
		}
	}
	if m := last(t, banned, "psychographic-ideology"); m.AttributesPerImpression == 0 {
		t.Error("psychographic without ideology should still target on the Big Five")
	}
	notes := banned.Result().Notes
	t.Logf("notes: %q", notes)
	if !hasNote(notes, `"demobilise"`, "falls back to broadcast") || !hasNote(notes, `"psychographic-ideology"`, "ideology") ||
		!hasNote(notes, `"lookalike"`, "special categories") {
		t.Errorf("notes do not report the ban's changes: %q", notes)
	}
	if hasNote(notes, `"broadcast"`) || hasNote(notes, `"psychographic" `) {
		t.Errorf("notes for arms the ban does not touch: %q", notes)
	}
}

// A ban that leaves a strategy no data at all: the run works, the strategy
// broadcasts, and Result.Notes says so (seed 2, N = 3,000).
func TestBanLeavesNoData(t *testing.T) {
	c := targetedConfig()
	c.Regulation.SpecialCategoriesBan = true
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"},
		{Name: "psy", Strategy: "psychographic", Attributes: []string{"ideology"}},
		{Name: "look", Strategy: "lookalike", Attributes: []string{"party", "religious"}},
		{Name: "demo", Strategy: "demographic", Attributes: []string{"origin"}},
		{Name: "bandit", Strategy: "adaptive", Attributes: []string{"party"}},
		{Name: "demob", Strategy: "demobilise", Attributes: []string{"party"}},
		{Name: "broadcast", Strategy: "broadcast"}}
	r := runWith(t, c, 2, 2, profiled(0.4, 0.7))
	notes := r.Result().Notes
	t.Logf("notes: %q", notes)
	for _, a := range r.Arms[1:] {
		m := a.Series[len(a.Series)-1]
		if m.Impressions != int64(c.Steps*c.Campaign.Budget) || m.AttributesPerImpression != 0 || m.SensitiveShare != 0 {
			t.Errorf("%s: %+v", a.Name, m)
		}
		if a.Name != "broadcast" && !hasNote(notes, `"`+a.Name+`"`, "falls back to broadcast") {
			t.Errorf("%s: no fallback note in %q", a.Name, notes)
		}
	}
	// Demobilise broadcasts the persuading generic ad: it moves opinion, not turnout.
	if m := last(t, r, "demob"); m.ShiftVsControl <= 0 || m.Turnout != last(t, r, "control").Turnout {
		t.Errorf("demobilise fallback: shift %v, turnout %v vs %v", m.ShiftVsControl, m.Turnout, last(t, r, "control").Turnout)
	}
}

// minorsConfig is targetedConfig with 15 % minors.
func minorsConfig() Config {
	c := targetedConfig()
	c.Population.MinorsShare = 0.15
	c.Arms = allStrategyArms()
	return c
}

// Minors ban (seed 7, N = 3,000 with 15 % minors, 12 steps of 600): no
// impression chosen with personal data reaches a known minor; minors still
// see untargeted ads. Without the ban targeted ads do reach them. Minors
// cannot vote.
func TestMinorsBan(t *testing.T) {
	c := minorsConfig()
	free := runLogged(t, c, 7, profiled(0.4, 0.7))
	c.Regulation.MinorsBan = true
	banned := runLogged(t, c, 7, profiled(0.4, 0.7))
	noRefusals(t, banned)
	w := banned.World
	minors := 0
	for i := range w.Pop.N {
		if w.KnownMinor(i) {
			minors++
			if banned.Arms[0].State.Turnout[i] != 0 {
				t.Fatalf("minor %d (age %d) has turnout %v", i, w.Pop.Age[i], banned.Arms[0].State.Turnout[i])
			}
		}
	}
	count := func(r *Run) (targeted, untargeted map[string]int) {
		targeted, untargeted = map[string]int{}, map[string]int{}
		for _, a := range r.Arms {
			for _, im := range a.Log() {
				if r.World.KnownMinor(int(im.Agent)) {
					// profiling: chosen with personal data (a placement
					// beside content, WhyContext, is not: DSA Art. 28(2)
					// bans only ads based on profiling)
					if im.Attributes > 0 || im.Why != WhyRandom && im.Why != WhyContext {
						targeted[a.Name]++
					} else {
						untargeted[a.Name]++
					}
				}
			}
		}
		return
	}
	ft, _ := count(free)
	bt, bu := count(banned)
	t.Logf("%d minors of %d; impressions chosen with personal data reaching minors: without the ban %v, with it %v; untargeted with the ban %v",
		minors, w.Pop.N, ft, bt, bu)
	if len(bt) != 0 {
		t.Errorf("profiling-based ads reached minors under the ban: %v", bt)
	}
	for _, name := range []string{"demographic", "psychographic", "adaptive", "lookalike"} {
		if ft[name] == 0 {
			t.Errorf("%s reached no minor with personal data without the ban: the test cannot fail", name)
		}
	}
	if bu["broadcast"] == 0 || bu["demographic"] == 0 {
		t.Error("minors should still see untargeted ads")
	}
	// demobilise never aims at minors: they cannot vote.
	if ft["demobilise"] != 0 {
		t.Errorf("demobilise aimed at %d minors", ft["demobilise"])
	}
}

// Political consent (seed 5, N = 3,000, 12 steps of 600): every impression
// chosen with personal data goes to someone who gave the separate consent;
// without the lever most do not.
func TestPoliticalConsent(t *testing.T) {
	c := targetedConfig()
	c.Arms = allStrategyArms()
	free := runLogged(t, c, 5, profiled(0.4, 0.7))
	c.Regulation.PoliticalConsent = true
	tight := runLogged(t, c, 5, profiled(0.4, 0.7))
	noRefusals(t, tight)
	w := tight.World
	consenting := 0
	for i := range w.Pop.N {
		if w.PoliticalConsent(i) {
			consenting++
		}
	}
	share := float64(consenting) / float64(w.Pop.N)
	want := c.Regulation.ConsentRate * c.Regulation.PoliticalConsentRate
	if math.Abs(share-want) > 0.03 {
		t.Errorf("political consent share %.3f, want %.2f", share, want)
	}
	check := func(r *Run) (outside, inside map[string]int) {
		outside, inside = map[string]int{}, map[string]int{}
		for _, a := range r.Arms {
			for _, im := range a.Log() {
				if im.Attributes == 0 {
					continue
				}
				if w.PoliticalConsent(int(im.Agent)) {
					inside[a.Name]++
				} else {
					outside[a.Name]++
				}
			}
		}
		return
	}
	fo, _ := check(free)
	to, ti := check(tight)
	t.Logf("political consent %.3f of %d; targeted impressions to non-consenters: without the lever %v, with it %v; to consenters with it %v",
		share, w.Pop.N, fo, to, ti)
	if len(to) != 0 {
		t.Errorf("targeted impressions reached people without political consent: %v", to)
	}
	for _, name := range []string{"demographic", "psychographic", "adaptive", "demobilise"} {
		if fo[name] == 0 {
			t.Errorf("%s: no targeted impression to a non-consenter without the lever: the test cannot fail", name)
		}
		if ti[name] == 0 {
			t.Errorf("%s: does not target the consenters at all", name)
		}
	}
}

// Political consenters are always tracking consenters (real footprint,
// seed 9, N = 20,000).
func TestPoliticalConsentersConsentToTracking(t *testing.T) {
	c := DefaultConfig()
	c.Population.Size = 20_000
	if raceEnabled {
		c.Population.Size = 5000
	}
	c.Data.QuizShare = 0
	c.Regulation.PoliticalConsent = true
	c.Regulation.ConsentDesign = ConsentOptIn
	w, err := BuildWorld(c, 9, 2)
	if err != nil {
		t.Fatal(err)
	}
	fp, _, err := w.BuildFootprint(2)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i := range w.Pop.N {
		if w.PoliticalConsent(i) {
			n++
			if !fp.Visibility.Consented(i) {
				t.Fatalf("agent %d consents to political targeting but not to tracking", i)
			}
			if !w.MayTarget(i) {
				t.Fatalf("agent %d consents but may not be targeted", i)
			}
		} else if w.MayTarget(i) {
			t.Fatalf("agent %d may be targeted without consent", i)
		}
	}
	t.Logf("political consent: %.4f (want %.2f)", float64(n)/float64(w.Pop.N), 0.7*0.2)
}

// Audience floor (seed 6, N = 6,000, 12 steps of 1,200, k = 60 and 425):
// no segment, message audience or pool smaller than k is targeted.
// Without the floor, smaller ones are (segments below 60, psychographic
// message audiences below 425: they hold 409-442 people each). A floor of everyone sends every strategy
// back to broadcast, with notes.
func TestMinAudience(t *testing.T) {
	c := targetedConfig()
	c.Population.Size = 6000
	c.Campaign.Budget = 1200
	if raceEnabled {
		c.Steps = 4
	}
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "demographic", Strategy: "demographic"},
		{Name: "adaptive", Strategy: "adaptive", Attributes: []string{"age", "gender", "region"}},
		{Name: "psychographic", Strategy: "psychographic"}, {Name: "lookalike", Strategy: "lookalike"},
		{Name: "demobilise", Strategy: "demobilise"}}
	// small counts, per arm, targeted impressions whose audience is below k.
	small := func(r *Run, k int) map[string]int {
		out := map[string]int{}
		for _, a := range r.Arms {
			var sizeOf func(Exposure) int
			switch st := a.Strategy.(type) {
			case *demographic:
				sizeOf = func(e Exposure) int { return st.seg.size(int(st.seg.of[e.Agent])) }
			case *adaptive:
				sizeOf = func(e Exposure) int { return st.seg.size(int(st.seg.of[e.Agent])) }
			case *psychographic:
				size := map[int16]int{}
				for i, b := range st.rank.base {
					if b >= -math.MaxFloat32 {
						size[st.msgOf[i]]++
					}
				}
				sizeOf = func(e Exposure) int { return size[e.Message] }
			case *lookalike:
				sizeOf = func(Exposure) int { return poolSize(st.rank.base) }
			case *demobilise:
				sizeOf = func(Exposure) int { return poolSize(st.rank.base) }
			default:
				continue
			}
			for _, im := range a.Log() {
				if im.Why != WhyRandom && sizeOf(im.Exposure) < k {
					out[a.Name]++
				}
			}
		}
		return out
	}
	free := runLogged(t, c, 6, profiled(0.4, 0.7))
	for _, tc := range []struct {
		k     int
		bites []string // arms that target audiences below k without the floor
	}{{60, []string{"demographic", "adaptive"}}, {425, []string{"psychographic"}}} {
		c.Regulation.MinAudience = tc.k
		floored := runLogged(t, c, 6, profiled(0.4, 0.7))
		noRefusals(t, floored)
		fs, ks := small(free, tc.k), small(floored, tc.k)
		t.Logf("k = %d: targeted impressions in audiences below k: without the floor %v, with it %v; attributes/impression %.2f %.2f %.2f; notes %q",
			tc.k, fs, ks, last(t, floored, "demographic").AttributesPerImpression, last(t, floored, "adaptive").AttributesPerImpression,
			last(t, floored, "psychographic").AttributesPerImpression, floored.Result().Notes)
		if len(ks) != 0 {
			t.Errorf("k = %d: audiences below the floor were targeted: %v", tc.k, ks)
		}
		for _, name := range tc.bites {
			if fs[name] == 0 {
				t.Errorf("k = %d: %s targeted no audience below k without the floor: the test cannot fail", tc.k, name)
			}
			if last(t, floored, name).AttributesPerImpression == 0 {
				t.Errorf("k = %d: %s stopped targeting altogether", tc.k, name)
			}
		}
	}
	// A floor of everyone: every strategy falls back to broadcast and says so.
	c.Regulation.MinAudience = c.Population.Size
	all := runWith(t, c, 6, 2, profiled(0.4, 0.7))
	notes := all.Result().Notes
	for _, a := range all.Arms[1:] {
		if m := a.Series[len(a.Series)-1]; m.AttributesPerImpression != 0 || m.Impressions != int64(c.Steps*c.Campaign.Budget) {
			t.Errorf("%s under a floor of everyone: %+v", a.Name, m)
		}
		if !hasNote(notes, `"`+a.Name+`"`, "min_audience") {
			t.Errorf("%s: no note in %q", a.Name, notes)
		}
	}
}

// Regulatory frequency cap (seed 8, N = 3,000, 10 steps, budget 2 N per
// step, cap 3 per 4 steps): no agent gets more than 3 impressions in a
// period, in any arm; the cap binds.
func TestRegulatoryFrequencyCap(t *testing.T) {
	const n, period = 3, 4
	c := targetedConfig()
	c.Steps = 10
	if raceEnabled {
		c.Population.Size = 1500
	}
	c.Campaign.Budget = 2 * c.Population.Size
	c.Campaign.FrequencyCap = -1
	c.Regulation.FrequencyCap = n
	c.Regulation.FrequencyPeriod = period
	c.Arms = allStrategyArms()
	r := runLogged(t, c, 8, profiled(0.4, 0.7))
	noRefusals(t, r)
	for _, a := range r.Arms[1:] {
		count := map[[2]int]int{}
		most := 0
		for _, im := range a.Log() {
			key := [2]int{(im.Step - 1) / period, int(im.Agent)}
			count[key]++
			most = max(most, count[key])
		}
		if most > n {
			t.Errorf("%s: an agent got %d impressions in one period (cap %d)", a.Name, most, n)
		}
		if a.Name == "broadcast" && most != n {
			t.Errorf("broadcast: at most %d per period: the cap does not bind", most)
		}
	}
	// Without the regulatory cap the same campaign goes far above it.
	c.Regulation.FrequencyCap = 0
	free := runLogged(t, c, 8, profiled(0.4, 0.7))
	count := map[[2]int]int{}
	most := 0
	for _, im := range arm(t, free, "broadcast").Log() {
		key := [2]int{(im.Step - 1) / period, int(im.Agent)}
		count[key]++
		most = max(most, count[key])
	}
	t.Logf("broadcast without the cap: up to %d impressions per person per %d steps; with cap %d: impressions %d vs %d",
		most, period, n, last(t, r, "broadcast").Impressions, last(t, free, "broadcast").Impressions)
	if most <= n {
		t.Error("without the cap nobody exceeds it: the test cannot fail")
	}
}

// misinfoConfig is a campaign with a misinformation, a fear and an
// informative ad, each broadcast by its own arm, without reactance (so
// every impression's effect is a pure persuasion).
func misinfoConfig() Config {
	c := targetedConfig()
	c.Steps = 10
	c.Response.BackfireRate = 0
	c.Response.PrivacyBackfire = 0
	c.Response.InMarketClick = 0 // in-market clicks follow opinion, which prebunking changes: keep the clicks of the twins alike
	c.Messages = []MessageConfig{{Name: "plain"}, {Name: "lie", Tone: ToneMisinformation}, {Name: "scare", Tone: ToneFear, Appeal: "fear-security"}}
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "plain", Strategy: "broadcast", Message: "plain"},
		{Name: "lie", Strategy: "broadcast", Message: "lie"}, {Name: "scare", Strategy: "broadcast", Message: "scare"}}
	return c
}

// Prebunking (seed 12, N = 3,000, 10 steps of 600; half the people
// inoculated, effect 0.3), compared with its twin run without inoculation:
// every misinformation and fear impression on an inoculated person moves
// opinion exactly 0.7 times as much; on everyone else, and for the
// informative ad, nothing changes, and the control arm is identical.
func TestPrebunking(t *testing.T) {
	const share, effect = 0.5, 0.3
	c := misinfoConfig()
	plain := runLogged(t, c, 12, nil)
	c.Defence = DefenceParams{PrebunkingShare: share, PrebunkingEffect: effect}
	pre := runLogged(t, c, 12, nil)
	w := pre.World
	inoc := 0
	for i := range w.Pop.N {
		if w.Inoculated(i) {
			inoc++
		}
	}
	if got := float64(inoc) / float64(w.Pop.N); math.Abs(got-share) > 0.03 {
		t.Errorf("inoculated share %.3f, want %.2f", got, share)
	}
	for _, name := range []string{"control", "plain"} {
		if !seriesEqual(arm(t, plain, name).Series, arm(t, pre, name).Series) {
			t.Errorf("%s changed with prebunking", name)
		}
	}
	for _, name := range []string{"lie", "scare"} {
		a, b := arm(t, plain, name).Log(), arm(t, pre, name).Log()
		if len(a) != len(b) || len(a) == 0 {
			t.Fatalf("%s: %d vs %d impressions", name, len(a), len(b))
		}
		var sumA, sumB, otherA, otherB float64
		for k := range a {
			if a[k].Agent != b[k].Agent || a[k].Clicked != b[k].Clicked {
				t.Fatalf("%s: impression %d differs between the twins", name, k)
			}
			if math.Abs(float64(a[k].Opinion)) > 0.999 || math.Abs(float64(b[k].Opinion)) > 0.999 {
				continue // clipped at the end of the scale
			}
			if w.Inoculated(int(a[k].Agent)) {
				sumA += float64(a[k].Shift)
				sumB += float64(b[k].Shift)
			} else {
				otherA += float64(a[k].Shift)
				otherB += float64(b[k].Shift)
			}
		}
		ratio, other := sumB/sumA, otherB/otherA
		t.Logf("%s: effect on inoculated people %.6f -> %.6f (ratio %.4f, want %.2f); on the others ratio %.6f",
			name, sumA, sumB, ratio, 1-effect, other)
		if math.Abs(ratio-(1-effect)) > 2e-3 {
			t.Errorf("%s: inoculated effect ratio %.4f, want %.2f", name, ratio, 1-effect)
		}
		if math.Abs(other-1) > 1e-4 {
			t.Errorf("%s: the effect on people not inoculated changed (ratio %.6f)", name, other)
		}
		if !(last(t, pre, name).ShiftVsControl < last(t, plain, name).ShiftVsControl) {
			t.Errorf("%s: prebunking did not lower the campaign's shift", name)
		}
	}
}

// The transparency label (seed 10, N = 3,000, 12 steps of 600):
// persuasion by an ad chosen on non-sensitive data falls by ≈ 1.7 % (shift
// vs control of psychographic on the Big Five), broadcast is unchanged,
// and ads chosen with a sensitive inference backfire about twice as often.
func TestTransparencyLabel(t *testing.T) {
	c := targetedConfig()
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "broadcast", Strategy: "broadcast"},
		{Name: "psychographic", Strategy: "psychographic"}, {Name: "demobilise", Strategy: "demobilise"},
		{Name: "psychographic-ideology", Strategy: "psychographic",
			Attributes: []string{"openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism", "ideology"}}}
	off := runWith(t, c, 10, 2, profiled(0.4, 0.7))
	c.Regulation.TransparencyLabel = true
	on := runWith(t, c, 10, 2, profiled(0.4, 0.7))
	for _, name := range []string{"control", "broadcast"} {
		if !seriesEqual(arm(t, off, name).Series, arm(t, on, name).Series) {
			t.Errorf("%s changed with the label", name)
		}
	}
	ratio := last(t, on, "psychographic").ShiftVsControl / last(t, off, "psychographic").ShiftVsControl
	t.Logf("psychographic (Big Five, not sensitive): shift %.6f -> %.6f (ratio %.4f), backfires %d -> %d",
		last(t, off, "psychographic").ShiftVsControl, last(t, on, "psychographic").ShiftVsControl, ratio,
		last(t, off, "psychographic").Backfires, last(t, on, "psychographic").Backfires)
	if ratio < 0.97 || ratio >= 1 {
		t.Errorf("label changed non-sensitive persuasion by a factor %.4f, want ≈ %.4f", ratio, 1-labelPersuasionCost)
	}
	if last(t, on, "psychographic").Backfires > last(t, off, "psychographic").Backfires+5 {
		t.Error("non-sensitive reasons should not raise reactance")
	}
	for _, name := range []string{"demobilise", "psychographic-ideology"} {
		b0, b1 := last(t, off, name).Backfires, last(t, on, name).Backfires
		t.Logf("%s (sensitive reason): backfires %d -> %d (x%.2f)", name, b0, b1, float64(b1)/float64(b0))
		if !(float64(b1) > 1.5*float64(b0)) || b0 == 0 {
			t.Errorf("%s: backfires %d -> %d, want about twice as many", name, b0, b1)
		}
	}
}

// Twins across runs: every lever leaves the control arm identical, and
// every lever except the frequency cap leaves a broadcast of the generic
// ad identical (it uses no personal data and carries no manipulation).
// Within a run with every rule on, two arms of the same strategy are
// identical, for 1 and 2 workers. Seed 3, N = 3,000 with 10 % minors.
func TestRegulationTwins(t *testing.T) {
	base := targetedConfig()
	base.Population.MinorsShare = 0.1
	if raceEnabled {
		base.Steps = 5
	}
	base.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "broadcast", Strategy: "broadcast"},
		{Name: "psychographic", Strategy: "psychographic"}}
	ref := runWith(t, base, 3, 2, profiled(0.4, 0.7))
	levers := map[string]func(*Config){
		"consent_design":         func(c *Config) { c.Regulation.ConsentDesign = ConsentNoRejectButton },
		"special_categories_ban": func(c *Config) { c.Regulation.SpecialCategoriesBan = true },
		"minors_ban":             func(c *Config) { c.Regulation.MinorsBan = true },
		"political_consent":      func(c *Config) { c.Regulation.PoliticalConsent = true },
		"min_audience":           func(c *Config) { c.Regulation.MinAudience = 300 },
		"transparency_label":     func(c *Config) { c.Regulation.TransparencyLabel = true },
		"prebunking":             func(c *Config) { c.Defence.PrebunkingShare = 0.5 },
		"frequency_cap":          func(c *Config) { c.Regulation.FrequencyCap = 1; c.Regulation.FrequencyPeriod = 3 },
	}
	names := make([]string, 0, len(levers))
	for k := range levers {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, name := range names {
		c := base
		levers[name](&c)
		r := runWith(t, c, 3, 2, profiled(0.4, 0.7))
		if !seriesEqual(ref.Arms[0].Series, r.Arms[0].Series) {
			t.Errorf("%s: the control arm changed", name)
		}
		same := seriesEqual(ref.Arms[1].Series, r.Arms[1].Series)
		if same != (name != "frequency_cap") {
			t.Errorf("%s: broadcast identical = %v", name, same)
		}
	}
	all := base
	all.Regulation = RegulationParams{ConsentRate: 0.7, ConsentDesign: ConsentNoRejectButton, SpecialCategoriesBan: true, MinorsBan: true,
		PoliticalConsent: true, PoliticalConsentRate: 0.5, MinAudience: 30, FrequencyCap: 4, FrequencyPeriod: 3, TransparencyLabel: true}
	all.Defence = DefenceParams{PrebunkingShare: 0.3, PrebunkingEffect: 0.5}
	all.Arms = []ArmConfig{{Name: "control", Strategy: "none"}}
	for _, s := range StrategyNames()[1:] {
		all.Arms = append(all.Arms, ArmConfig{Name: s + "-a", Strategy: s}, ArmConfig{Name: s + "-b", Strategy: s})
	}
	two := runWith(t, all, 3, 2, profiled(0.4, 0.7))
	one := runWith(t, all, 3, 1, profiled(0.4, 0.7))
	noRefusals(t, two)
	for k := 1; k < len(two.Arms); k += 2 {
		a, b := two.Arms[k], two.Arms[k+1]
		if !seriesEqual(a.Series, b.Series) || !slices.Equal(a.State.Opinion, b.State.Opinion) {
			t.Errorf("%s and %s differ under the rules", a.Name, b.Name)
		}
		if !seriesEqual(a.Series, one.Arms[k].Series) {
			t.Errorf("%s: 1 and 2 workers differ under the rules", a.Name)
		}
	}
	if !seriesEqual(ref.Arms[0].Series, two.Arms[0].Series) {
		t.Error("control changed with every rule on")
	}
	if !slices.Equal(two.Result().Notes, one.Result().Notes) {
		t.Error("notes depend on the workers")
	}
}

// electionRules returns the "DSA + TTPA" setting: special-category ban
// (DSA 26(3)), separate political consent (EU 2024/900 Arts. 18-19) and
// transparency labels (DSA 26(1)).
func electionRules(c *Config) {
	c.Regulation.SpecialCategoriesBan = true
	c.Regulation.PoliticalConsent = true
	c.Regulation.TransparencyLabel = true
}

// The election under "no rules" and under "DSA + TTPA" (ban + political
// consent + label): 20,000 voters, 30 steps of 2,000 impressions, inference
// r = 0.4 for 70 % (electionConfig), seeds 1 and 2 averaged. The rules
// shrink the ledger (sensitive_share to 0, fewer attributes per
// impression) and cost the targeting what it gained: psychographic
// targeting on the Big Five, which beats broadcast without rules, may aim
// only at the 14 % who consented separately and falls back towards
// broadcast; the bandit on party loses its segments; demobilisation is
// impossible (its turnout effect is gone; the arm broadcasts instead). The
// control and broadcast arms are identical under both.
func TestElectionNoRulesVsDSA(t *testing.T) {
	c := electionConfig()
	big5 := []string{"openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism"}
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "broadcast", Strategy: "broadcast"},
		{Name: "psychographic", Strategy: "psychographic"},
		{Name: "psychographic-ideology", Strategy: "psychographic", Attributes: append(big5, "ideology")},
		{Name: "adaptive-party", Strategy: "adaptive", Attributes: []string{"age", "gender", "personality", "party"}},
		{Name: "lookalike", Strategy: "lookalike"}, {Name: "demobilise", Strategy: "demobilise"}}
	seeds := []uint64{1, 2}
	if raceEnabled {
		seeds = seeds[:1]
	}
	type sums struct{ vote, shift, turnout, sensitive, attrs float64 }
	free, dsa := map[string]*sums{}, map[string]*sums{}
	for _, a := range c.Arms {
		free[a.Name], dsa[a.Name] = &sums{}, &sums{}
	}
	for _, seed := range seeds {
		rules := c
		electionRules(&rules)
		r0 := runWith(t, c, seed, 2, profiled(0.4, 0.7))
		r1 := runWith(t, rules, seed, 2, profiled(0.4, 0.7))
		noRefusals(t, r1)
		for _, name := range []string{"control", "broadcast"} {
			if !seriesEqual(arm(t, r0, name).Series, arm(t, r1, name).Series) {
				t.Errorf("seed %d: %s differs between no rules and DSA + TTPA", seed, name)
			}
		}
		for _, pair := range []struct {
			r *Run
			m map[string]*sums
		}{{r0, free}, {r1, dsa}} {
			ctrl := last(t, pair.r, "control")
			for _, a := range pair.r.Arms {
				m := a.Series[len(a.Series)-1]
				s := pair.m[a.Name]
				k := float64(len(seeds))
				s.vote += m.VoteShareVsControl / k
				s.shift += m.ShiftVsControl / k
				s.turnout += (m.Turnout - ctrl.Turnout) / k
				s.sensitive += m.SensitiveShare / k
				s.attrs += m.AttributesPerImpression / k
			}
		}
		if seed == seeds[0] {
			t.Logf("notes under DSA + TTPA: %q", r1.Result().Notes)
		}
	}
	for _, a := range c.Arms[1:] {
		f, d := free[a.Name], dsa[a.Name]
		t.Logf("%-22s vote share vs control %+.3f -> %+.3f points, shift %.5f -> %.5f, turnout vs control %+.4f -> %+.4f, sensitive %.3f -> %.3f, attributes/impression %.2f -> %.2f",
			a.Name, 100*f.vote, 100*d.vote, f.shift, d.shift, f.turnout, d.turnout, f.sensitive, d.sensitive, f.attrs, d.attrs)
		if d.sensitive != 0 {
			t.Errorf("%s: sensitive share %v under DSA + TTPA", a.Name, d.sensitive)
		}
		if f.attrs > 0 && !(d.attrs < f.attrs) || d.attrs > f.attrs {
			t.Errorf("%s: attributes per impression %.2f -> %.2f, want fewer", a.Name, f.attrs, d.attrs)
		}
	}
	for _, name := range []string{"psychographic-ideology", "adaptive-party", "demobilise"} {
		if !(free[name].sensitive > 0) {
			t.Errorf("%s uses no special category without rules: the comparison shows nothing", name)
		}
	}
	if raceEnabled {
		return // too small for effect sizes
	}
	// Lost effectiveness.
	if !(free["psychographic"].shift > free["broadcast"].shift) {
		t.Errorf("psychographic (%.5f) does not beat broadcast (%.5f) without rules: nothing to lose", free["psychographic"].shift, free["broadcast"].shift)
	}
	for _, name := range []string{"psychographic", "adaptive-party"} {
		if !(dsa[name].shift < free[name].shift) {
			t.Errorf("%s: shift vs control %.5f under DSA + TTPA, %.5f without: want a loss", name, dsa[name].shift, free[name].shift)
		}
	}
	if !(free["demobilise"].turnout < 0) || dsa["demobilise"].turnout != 0 {
		t.Errorf("demobilise: turnout vs control %.4f without rules (want < 0), %.4f under DSA + TTPA (want 0)",
			free["demobilise"].turnout, dsa["demobilise"].turnout)
	}
	gain := func(m map[string]*sums) float64 { return m["psychographic"].shift/m["broadcast"].shift - 1 }
	t.Logf("psychographic's gain over broadcast: %+.1f %% without rules, %+.1f %% under DSA + TTPA", 100*gain(free), 100*gain(dsa))
}

// Unit checks of the response factors of the label and prebunking.
func TestLabelAndPrebunkFactors(t *testing.T) {
	c := DefaultConfig()
	w := &World{Config: c, Seed: 1}
	r := DefaultResponse()
	targeted, sensitive, random := Exposure{Attributes: 5}, Exposure{Attributes: 3, Sensitive: true}, Exposure{}
	if labelFactor(w, &targeted) != 1 || labelledBackfire(w, &r, &sensitive, 0.01, 1) != 0.01 {
		t.Error("label off must change nothing")
	}
	w.Config.Regulation.TransparencyLabel = true
	if got := labelFactor(w, &targeted); math.Abs(got-(1-0.045/2.7)) > 1e-12 || labelFactor(w, &random) != 1 {
		t.Errorf("label factor %v", got)
	}
	q := r.PrivacyBackfire * 0.5
	if got := labelledBackfire(w, &r, &sensitive, q, 0.5); math.Abs(got-(1-(1-q)*(1-q))) > 1e-12 {
		t.Errorf("labelled reactance %v, want %v", got, 1-(1-q)*(1-q))
	}
	if labelledBackfire(w, &r, &targeted, 0.01, 1) != 0.01 {
		t.Error("a non-sensitive reason must not add reactance")
	}
	lie := newMessage("l", 1, ToneMisinformation, "", AimPersuade)
	plainMsg := newMessage("p", 1, ToneInformative, "", AimPersuade)
	w.Config.Defence = DefenceParams{PrebunkingShare: 1, PrebunkingEffect: 0.25}
	if prebunkFactor(w, &lie, 7) != 0.75 || prebunkFactor(w, &plainMsg, 7) != 1 {
		t.Error("prebunking factor")
	}
	w.Config.Defence.PrebunkingShare = 0
	if prebunkFactor(w, &lie, 7) != 1 || w.Inoculated(7) {
		t.Error("nobody is inoculated at share 0")
	}
}
