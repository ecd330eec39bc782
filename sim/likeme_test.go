package sim

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// likeMeTestWorld builds a small world with a trained inference model and
// one arm of every strategy.
func likeMeTestWorld(t *testing.T) *World {
	t.Helper()
	c := DefaultConfig()
	c.Population.Size = 3000
	c.Data.QuizShare = 0.03 // 90 quiz takers: enough to train
	c.Steps = 5
	c.Campaign.Budget = 300
	c.Arms = nil
	for _, s := range StrategyNames() {
		c.Arms = append(c.Arms, ArmConfig{Name: s, Strategy: s})
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	w, err := BuildWorld(c, 11, 2)
	if err != nil {
		t.Fatal(err)
	}
	if w.Footprint.Model == nil {
		t.Fatal("the test world has no model")
	}
	return w
}

// armAnswer returns the answer of the arm with strategy name.
func armAnswer(t *testing.T, r LikeMeResult, name string) ArmAnswer {
	t.Helper()
	for _, a := range r.Arms {
		if a.Strategy == name {
			return a
		}
	}
	t.Fatalf("no %s arm in %+v", name, r.Arms)
	return ArmAnswer{}
}

// same reports whether two inferred values are identical (NaN equals NaN).
func same(a, b float32) bool { return a == b || a != a && b != b }

// The acceptance test: "someone like me" with given likes yields
// the same inference as the engine for an agent with those likes.
func TestLikeMeInferenceMatchesEngine(t *testing.T) {
	w := likeMeTestWorld(t)
	visible, hidden := 0, 0
	for i := 0; i < w.Pop.N; i++ {
		p := w.PersonaOf(i)
		vals, conf, ok := w.InferLikes(p.Likes)
		if !ok {
			t.Fatal("InferLikes: no model")
		}
		if !w.Profiles.Visible[i] {
			hidden++
			for a := range NumAttrs {
				if !math.IsNaN(float64(w.Profiles.Inferred[a][i])) {
					t.Fatalf("agent %d is hidden but has %s = %v", i, a, w.Profiles.Inferred[a][i])
				}
			}
			continue
		}
		visible++
		for a := range NumAttrs {
			if vals[a] != w.Profiles.Inferred[a][i] {
				t.Fatalf("agent %d %s: persona %v, engine %v", i, a, vals[a], w.Profiles.Inferred[a][i])
			}
		}
		if conf != w.Profiles.Confidence[i] {
			t.Fatalf("agent %d confidence: persona %v, engine %v", i, conf, w.Profiles.Confidence[i])
		}
	}
	if visible < 1000 || hidden < 100 {
		t.Fatalf("%d visible, %d hidden: the test world does not test both", visible, hidden)
	}
	// Through LikeMe, with the likes shuffled, duplicated and padded with
	// unknown pages: the same profile.
	r := rand.New(rand.NewPCG(1, 2))
	for _, i := range []int{0, 7, 123, 999, 2998} {
		p := w.PersonaOf(i)
		p.Likes = append(p.Likes, p.Likes...)
		p.Likes = append(p.Likes, 65535)
		r.Shuffle(len(p.Likes), func(a, b int) { p.Likes[a], p.Likes[b] = p.Likes[b], p.Likes[a] })
		res := w.LikeMe(p)
		if res.Visible != w.Profiles.Visible[i] {
			t.Errorf("agent %d: visible %v, engine %v", i, res.Visible, w.Profiles.Visible[i])
		}
		for a := range NumAttrs {
			if !same(res.Inferred[a], w.Profiles.Inferred[a][i]) {
				t.Errorf("agent %d %s: LikeMe %v, engine %v", i, a, res.Inferred[a], w.Profiles.Inferred[a][i])
			}
		}
		if res.Confidence != w.Profiles.Confidence[i] {
			t.Errorf("agent %d confidence: LikeMe %v, engine %v", i, res.Confidence, w.Profiles.Confidence[i])
		}
		if !slices.Equal(res.Persona.Likes, w.Footprint.Likes.Of(i)) {
			t.Errorf("agent %d: cleaned likes differ from the agent's", i)
		}
	}
}

// Psychographic: the persona's message and value are those the strategy
// gives the agent with the same profile, and the persona is targeted at
// step 1 exactly when that agent is.
func TestLikeMePsychographicMatchesEngine(t *testing.T) {
	w := likeMeTestWorld(t)
	ac := ArmConfig{Name: "psychographic", Strategy: "psychographic"}
	st, plan, err := w.stepOne(ac)
	if err != nil {
		t.Fatal(err)
	}
	ps := st.(*psychographic)
	ranked := 0
	for i := range w.Pop.N {
		j, v := psychValue(w, ps, w.targeting(), i)
		b := ps.rank.base[i]
		if j < 0 {
			if b >= -math.MaxFloat32 {
				t.Fatalf("agent %d: engine ranks it (%v), psychValue does not", i, b)
			}
			continue
		}
		ranked++
		if float32(math.Log(v)) != b || int16(j) != ps.msgOf[i] {
			t.Fatalf("agent %d: psychValue (%d, %v), engine (%d, %v)", i, j, float32(math.Log(v)), ps.msgOf[i], b)
		}
	}
	if ranked < 1000 {
		t.Fatalf("only %d ranked", ranked)
	}
	targeted := map[int32]bool{}
	for _, e := range plan.Exposures {
		if e.Why == WhyTrait {
			targeted[e.Agent] = true
		}
	}
	if len(targeted) == 0 {
		t.Fatal("nobody targeted at step 1")
	}
	in, out := 0, 0
	for i := 0; i < w.Pop.N; i += 7 {
		a := armAnswer(t, w.LikeMe(w.PersonaOf(i)), "psychographic")
		if a.Targeted != targeted[int32(i)] {
			t.Errorf("agent %d: LikeMe targeted %v, engine %v (%s)", i, a.Targeted, targeted[int32(i)], a)
		}
		if a.Targeted {
			in++
			if a.Chance != 1 || a.Decision != DecideTrait || a.Attributes != 5 || a.Message != w.Messages[ps.msgOf[i]].Name {
				t.Errorf("agent %d: %+v", i, a)
			}
		} else {
			out++
		}
	}
	if in == 0 || out == 0 {
		t.Errorf("sample has %d targeted and %d not: does not test both", in, out)
	}
}

// Demobilise: the persona's value is the strategy's for the same agent,
// and the step-1 answer agrees with the engine's plan.
func TestLikeMeDemobiliseMatchesEngine(t *testing.T) {
	w := likeMeTestWorld(t)
	ac := ArmConfig{Name: "demobilise", Strategy: "demobilise"}
	st, plan, err := w.stepOne(ac)
	if err != nil {
		t.Fatal(err)
	}
	d := st.(*demobilise)
	for i := range w.Pop.N {
		v, _, why := demobiliseAnswer(w, ac, w, w.targeting(), i)
		b := d.rank.base[i]
		if why != "" {
			if b >= -math.MaxFloat32 {
				t.Fatalf("agent %d: engine ranks it, demobiliseValue says %q", i, why)
			}
			continue
		}
		if float32(math.Log(v)) != b {
			t.Fatalf("agent %d: demobiliseValue %v, engine %v", i, float32(math.Log(v)), b)
		}
	}
	targeted := map[int32]bool{}
	for _, e := range plan.Exposures {
		targeted[e.Agent] = true
	}
	for i := 0; i < w.Pop.N; i += 11 {
		a := armAnswer(t, w.LikeMe(w.PersonaOf(i)), "demobilise")
		if a.Targeted != targeted[int32(i)] {
			t.Errorf("agent %d: LikeMe targeted %v, engine %v (%s)", i, a.Targeted, targeted[int32(i)], a)
		}
		if !a.Targeted && a.Chance != 0 {
			t.Errorf("agent %d: demobilise buys no random ads, chance %v", i, a.Chance)
		}
	}
}

// Broadcast reaches everyone alike without data; demographic and adaptive
// put the persona in the agent's own segment (declared age band, gender,
// region; adaptive adds inferred personality); the control arm shows
// nothing; lookalike prospects until it has converters.
func TestLikeMeStrategiesConsistent(t *testing.T) {
	w := likeMeTestWorld(t)
	var demo, adapt *segments
	for _, name := range []string{"demographic", "adaptive"} {
		st, _, err := w.stepOne(ArmConfig{Name: name, Strategy: name})
		if err != nil {
			t.Fatal(err)
		}
		switch s := st.(type) {
		case *demographic:
			demo = s.seg
		case *adaptive:
			adapt = s.seg
		}
	}
	wantChance := randomChance(w.Config.Campaign.Budget, w.Pop.N)
	bought := 0
	for i := 0; i < w.Pop.N; i += 97 {
		r := w.LikeMe(w.PersonaOf(i))
		b := armAnswer(t, r, "broadcast")
		if b.Decision != DecideRandom || b.Targeted || b.Attributes != 0 || b.Sensitive || b.Message != "generic" {
			t.Errorf("broadcast: %+v", b)
		}
		if math.Abs(b.Chance-wantChance) > 0.01*wantChance {
			t.Errorf("broadcast chance %v, want ≈ %v", b.Chance, wantChance)
		}
		if c := armAnswer(t, r, "none"); c.Decision != DecideNoAds || c.Chance != 0 || c.Message != "" {
			t.Errorf("control: %+v", c)
		}
		dm := armAnswer(t, r, "demographic")
		if dm.Segment != demo.keys[demo.of[i]] || dm.SegmentSize != demo.size(int(demo.of[i])) {
			t.Errorf("agent %d demographic segment %q (%d), engine %q", i, SegmentName(dm.Segment), dm.SegmentSize, SegmentName(demo.keys[demo.of[i]]))
		}
		if dm.Targeted || !dm.RunTime || dm.Attributes != demo.attrs[demo.of[i]] || dm.Attributes != 3 || dm.Sensitive || dm.Later == "" {
			t.Errorf("demographic at step 1 (pilot): %+v", dm)
		}
		ad := armAnswer(t, r, "adaptive")
		if ad.Segment != adapt.keys[adapt.of[i]] {
			t.Errorf("agent %d adaptive segment %q, engine %q", i, SegmentName(ad.Segment), SegmentName(adapt.keys[adapt.of[i]]))
		}
		if !ad.RunTime || ad.Decision != DecideBandit || ad.Attributes != adapt.attrs[adapt.of[i]] || ad.Targeted != (ad.Chance > 0) || ad.Chance > 1 {
			t.Errorf("adaptive: %+v", ad)
		}
		if ad.Targeted {
			bought++
		}
		lk := armAnswer(t, r, "lookalike")
		if lk.Targeted || !lk.RunTime || lk.Decision != DecideRandom {
			t.Errorf("lookalike at step 1: %+v", lk)
		}
	}
	if bought == 0 {
		t.Error("the bandit bought none of the sampled people's segments at step 1")
	}
}

// A persona who refuses tracking is not profiled and only reached at
// random; the special-categories ban hides ideology from the strategies
// (demobilise falls back to broadcast) but not from the platform;
// political consent excludes a persona without it from all targeting.
func TestLikeMePrivacyAndRegulation(t *testing.T) {
	w := likeMeTestWorld(t)
	i := -1
	for j := range w.Pop.N {
		if w.Profiles.Visible[j] {
			i = j
			break
		}
	}
	p := w.PersonaOf(i)
	p.Tracking = false
	r := w.LikeMe(p)
	if r.Visible || r.Confidence != 0 || !math.IsNaN(float64(r.Inferred[AttrOpenness])) {
		t.Errorf("untracked persona profiled: %+v", r)
	}
	for _, a := range r.Arms {
		if a.Strategy != "demographic" && a.Strategy != "adaptive" && a.Targeted {
			t.Errorf("untracked persona targeted by %s: %s", a.Strategy, a)
		}
	}

	ban := *w
	ban.Config.Regulation.SpecialCategoriesBan = true
	ban.rules = newRules(&ban)
	p.Tracking = true
	r = ban.LikeMe(p)
	if math.IsNaN(float64(r.Inferred[AttrIdeology])) {
		t.Error("under the ban the platform still infers ideology; the app should show it")
	}
	if d := armAnswer(t, r, "demobilise"); !d.Fallback || d.Targeted {
		t.Errorf("demobilise under the ban: %+v", d)
	}
	for _, a := range r.Arms {
		if a.Sensitive {
			t.Errorf("%s uses a special category under the ban", a.Strategy)
		}
	}

	pc := *w
	pc.Config.Regulation.PoliticalConsent = true
	pc.rules = newRules(&pc)
	p.PoliticalConsent = false
	r = pc.LikeMe(p)
	if !r.Excluded || !r.Visible {
		t.Errorf("no political consent: excluded %v visible %v", r.Excluded, r.Visible)
	}
	for _, a := range r.Arms {
		if a.Targeted || a.Attributes > 0 && a.Strategy != "demobilise" {
			t.Errorf("%s targets an excluded persona: %+v", a.Strategy, a)
		}
	}
	p.PoliticalConsent = true
	if r = pc.LikeMe(p); r.Excluded {
		t.Error("a persona with political consent is excluded")
	}
}

// LikeMe changes nothing in the world and gives the same answer twice.
func TestLikeMeDeterministic(t *testing.T) {
	w := likeMeTestWorld(t)
	p := w.PersonaOf(42)
	a, b := w.LikeMe(p), w.LikeMe(p)
	if len(a.Arms) != len(b.Arms) {
		t.Fatal("different arm counts")
	}
	for k := range a.Arms {
		if a.Arms[k].String() != b.Arms[k].String() || a.Arms[k].Chance != b.Arms[k].Chance {
			t.Errorf("arm %s: %q vs %q", a.Arms[k].Arm, a.Arms[k], b.Arms[k])
		}
	}
}

// TestLikeMeSays: every arm's answer, for a tracked and an untracked
// persona, is said in sentences (Phrases the app translates), the first
// one a strategy's own; none is the engine's technical wording (a
// scenario key such as regulation.min_audience) and every Phrase renders
// without a fmt error.
func TestLikeMeSays(t *testing.T) {
	w := likeMeTestWorld(t)
	for i := range 20 {
		p := w.PersonaOf(i)
		for _, tracking := range []bool{true, false} {
			p.Tracking = tracking
			for _, a := range w.LikeMe(p).Arms {
				if len(a.Says) == 0 {
					t.Fatalf("%s: no sentence for persona %d", a.Arm, i)
				}
				for _, s := range a.Says {
					en := s.String()
					if en == "" || strings.Contains(en, "%!") || strings.Contains(en, "regulation.") {
						t.Errorf("%s: sentence %q (format %q)", a.Arm, en, s.Format)
					}
				}
				if a.Decision == DecideRandom && !a.Fallback && !a.Excluded && a.Why.Format == "" {
					t.Errorf("%s: reaches persona %d only at random without saying why", a.Arm, i)
				}
			}
		}
	}
}

// TestStrategyPersuades: the descriptor says which strategies aim at
// opinion; the control and demobilise do not.
func TestStrategyPersuades(t *testing.T) {
	for _, s := range StrategyNames() {
		want := s != "none" && s != "demobilise"
		if got := StrategyPersuades(s); got != want {
			t.Errorf("StrategyPersuades(%q) = %v, want %v", s, got, want)
		}
	}
}
