package sim

import (
	"math"
	"slices"
	"sort"
	"strings"
	"testing"

	"boomerang/sim/population"
)

// targetedConfig is a small world where every strategy has something to
// do: 3,000 people, 12 steps of 600 impressions, lookalike seed reachable.
func targetedConfig() Config {
	c := smallConfig()
	c.Population.Size = 3000
	c.Steps = 12
	c.Campaign.Budget = 600
	c.Response.BaselineHazard = 0.03 // enough converters for a lookalike seed that stands out within a few steps
	c.Data.QuizShare = 0             // no trained inference: the tests fill the profiles (fillProfiles)
	// A cause that speaks to one side: its converters differ from the
	// visible population on inferred attributes, so lookalike finds them.
	c.Campaign.Audience.Ideology, c.Campaign.Audience.IdeologyWeight = 1, 1
	return c
}

// Twins, for every strategy: two arms with the same strategy see the same
// people, draw the same numbers and end identical; and they make the same
// plans whatever the number of workers.
func TestTwinArmsEveryStrategy(t *testing.T) {
	for _, name := range StrategyNames() {
		if name == "none" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			c := targetedConfig()
			c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "a", Strategy: name}, {Name: "b", Strategy: name}}
			r := runWith(t, c, 11, 2, profiled(0.4, 0.7))
			if !seriesEqual(r.Arms[1].Series, r.Arms[2].Series) {
				t.Fatal("two arms with the same strategy on twin worlds differ")
			}
			if !slices.Equal(r.Arms[1].State.Opinion, r.Arms[2].State.Opinion) {
				t.Fatal("final opinions differ")
			}
			one := runWith(t, c, 11, 1, profiled(0.4, 0.7))
			if !seriesEqual(r.Arms[1].Series, one.Arms[1].Series) {
				t.Fatal("results differ between 1 and 2 workers")
			}
			m := last(t, r, "a")
			if m.Impressions == 0 {
				t.Fatal("no impressions")
			}
			if name != "broadcast" && m.AttributesPerImpression == 0 {
				t.Fatalf("%s used no personal data", name)
			}
		})
	}
}

// The control arm does not depend on which other arms run beside it.
func TestControlUnaffectedByEveryStrategy(t *testing.T) {
	c := targetedConfig()
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}}
	alone := runWith(t, c, 5, 1, profiled(0.4, 0.7))
	for _, name := range StrategyNames()[1:] {
		c.Arms = append(c.Arms, ArmConfig{Name: name, Strategy: name})
	}
	all := runWith(t, c, 5, 2, profiled(0.4, 0.7))
	if !seriesEqual(alone.Arms[0].Series, all.Arms[0].Series) {
		t.Fatal("control arm changed when the campaign arms were added")
	}
}

// Strategies read inferences and declared demographics, never the truth:
// scrambling every true trait, disposition, opinion and special category
// (keeping age, gender, region and the profiles) leaves each strategy's
// first plan unchanged.
func TestStrategiesDoNotReadTheTruth(t *testing.T) {
	c := targetedConfig()
	w, err := BuildWorld(c, 3, 2)
	if err != nil {
		t.Fatal(err)
	}
	fillProfiles(w, 0.4, 0.7)
	w.Messages = MessageLibrary(c)
	fake := *w
	pop := *w.Pop
	rev32 := func(x []float32) []float32 { y := slices.Clone(x); slices.Reverse(y); return y }
	revB := func(x []bool) []bool { y := slices.Clone(x); slices.Reverse(y); return y }
	revU := func(x []uint8) []uint8 { y := slices.Clone(x); slices.Reverse(y); return y }
	pop.Openness, pop.Conscientiousness, pop.Extraversion = rev32(pop.Openness), rev32(pop.Conscientiousness), rev32(pop.Extraversion)
	pop.Agreeableness, pop.Neuroticism, pop.Ideology = rev32(pop.Agreeableness), rev32(pop.Neuroticism), rev32(pop.Ideology)
	pop.Susceptibility, pop.MediaLiteracy, pop.PrivacyConcern = rev32(pop.Susceptibility), rev32(pop.MediaLiteracy), rev32(pop.PrivacyConcern)
	pop.Religious, pop.LGB, pop.HealthCondition, pop.Migrant = revB(pop.Religious), revB(pop.LGB), revB(pop.HealthCondition), revB(pop.Migrant)
	pop.Party, pop.Education = revU(pop.Party), revU(pop.Education)
	fake.Pop = &pop
	fake.Initial = rev32(w.Initial)
	for _, name := range StrategyNames() {
		var plans [2][]Exposure
		for k, world := range []*World{w, &fake} {
			st, err := NewStrategy(ArmConfig{Name: name, Strategy: name})
			if err != nil {
				t.Fatal(err)
			}
			s := newArmState(world) // opinions and turnout scrambled too: strategies must not read them
			var p Plan
			st.Plan(1, world, s, &p)
			plans[k] = p.Exposures
		}
		if !slices.Equal(plans[0], plans[1]) {
			t.Errorf("%s: plan changes when the true traits change", name)
		}
	}
}

// Without any inference (blind profiles), the ranking strategies cannot
// target: they prospect at random and use no personal data.
func TestBlindOperatorCannotTarget(t *testing.T) {
	c := targetedConfig()
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "psy", Strategy: "psychographic"},
		{Name: "look", Strategy: "lookalike"}, {Name: "demob", Strategy: "demobilise"}}
	r := runWith(t, c, 2, 2, nil)
	for _, name := range []string{"psy", "look"} {
		m := last(t, r, name)
		if m.AttributesPerImpression != 0 || m.SensitiveShare != 0 || m.Impressions != int64(c.Steps*c.Campaign.Budget) {
			t.Errorf("%s with blind profiles: %+v", name, m)
		}
	}
	if m := last(t, r, "demob"); m.Impressions != 0 {
		t.Errorf("demobilise with blind profiles showed %d ads", m.Impressions)
	}
}

// The ledger of each strategy: what it uses and whom it aims at.
func TestLedgerPerStrategy(t *testing.T) {
	c := targetedConfig()
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}}
	for _, name := range StrategyNames()[1:] {
		c.Arms = append(c.Arms, ArmConfig{Name: name, Strategy: name})
	}
	c.Arms = append(c.Arms, ArmConfig{Name: "demographic-origin", Strategy: "demographic", Attributes: []string{"age", "gender", "region", "origin"}})
	r := runWith(t, c, 4, 2, profiled(0.4, 0.7))
	for _, a := range r.Arms {
		m := a.Series[len(a.Series)-1]
		t.Logf("%-18s attrs/imp %.2f sensitive %.2f vulnerable %.3f backfires %d reach %d gini %.2f shift %.5f conv %+d turnout %.4f vote %+.4f",
			a.Name, m.AttributesPerImpression, m.SensitiveShare, m.VulnerableShare, m.Backfires, m.Reach, m.ExposureGini,
			m.ShiftVsControl, m.ConversionsVsControl, m.Turnout, m.VoteShareVsControl)
	}
	if m := last(t, r, "broadcast"); m.AttributesPerImpression != 0 || m.SensitiveShare != 0 || math.Abs(m.VulnerableShare-1) > 0.1 {
		t.Errorf("broadcast uses data (or does not reach the susceptible at random): %+v", m)
	}
	if m := last(t, r, "demographic"); m.SensitiveShare != 0 || m.AttributesPerImpression > 3 {
		t.Errorf("demographic on declared data: sensitive share %v, attributes %v", m.SensitiveShare, m.AttributesPerImpression)
	}
	if m := last(t, r, "demographic-origin"); m.SensitiveShare == 0 {
		t.Error("demographic with inferred origin must count sensitive impressions")
	}
	if m := last(t, r, "psychographic"); m.AttributesPerImpression < 2 || m.VulnerableShare <= 1.05 || m.SensitiveShare != 0 {
		t.Errorf("psychographic ledger: %+v", m)
	}
	m := last(t, r, "demobilise")
	if m.SensitiveShare != 1 || !(m.Turnout < last(t, r, "control").Turnout) || !(m.VoteShareVsControl > 0) {
		t.Errorf("demobilise: sensitive %v, turnout %v vs control %v, vote share vs control %v",
			m.SensitiveShare, m.Turnout, last(t, r, "control").Turnout, m.VoteShareVsControl)
	}
	if m.ShiftVsControl != 0 {
		t.Errorf("demobilising ads changed opinions: %v", m.ShiftVsControl)
	}
}

// The frequency cap holds for every strategy, per person and step.
func TestFrequencyCap(t *testing.T) {
	c := targetedConfig()
	c.Campaign.Budget = 4 * c.Population.Size // far more than a cap of 2 allows
	c.Campaign.FrequencyCap = 2
	c.Steps = 3
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}}
	for _, name := range StrategyNames()[1:] {
		c.Arms = append(c.Arms, ArmConfig{Name: name, Strategy: name})
	}
	r := newRunWith(t, c, 8, 2, profiled(0.4, 0.7))
	r.EnableLog(nil)
	r.RunToEnd()
	for _, a := range r.Arms {
		count := map[[2]int]int{}
		for _, im := range a.Log() {
			count[[2]int{im.Step, int(im.Agent)}]++
		}
		for k, v := range count {
			if v > 2 {
				t.Fatalf("%s: agent %d got %d impressions in step %d (cap 2)", a.Name, k[1], v, k[0])
			}
		}
	}
}

// The log records only followed agents, with step, message and why, and
// costs nothing when off.
func TestImpressionLog(t *testing.T) {
	c := targetedConfig()
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "psy", Strategy: "psychographic"}, {Name: "demo", Strategy: "demographic"}}
	r := newRunWith(t, c, 6, 2, profiled(0.4, 0.7))
	r.Step()
	for _, a := range r.Arms {
		if a.Log() != nil {
			t.Fatal("log without EnableLog")
		}
	}
	follow := []int32{1, 2, 3, 5, 8, 13, 21, 34, 55, 89}
	r.EnableLog(follow)
	r.RunToEnd()
	psy := r.Arms[1].Log()
	if len(psy) == 0 {
		t.Fatal("no impressions logged for 10 followed agents")
	}
	for _, im := range psy {
		if !slices.Contains(follow, im.Agent) || im.Step < 2 {
			t.Fatalf("logged an impression of agent %d at step %d", im.Agent, im.Step)
		}
		why := r.World.Explain(im.Exposure)
		if why == "" || (im.Why == WhyTrait && !strings.Contains(why, "inferred")) {
			t.Fatalf("explanation %q for %+v", why, im)
		}
	}
	t.Logf("psychographic, agent %d, step %d: %q saw %q", psy[0].Agent, psy[0].Step, r.World.Explain(psy[0].Exposure), r.World.Messages[psy[0].Message].Name)
	for _, im := range r.Arms[2].Log() {
		if im.Why == WhySegment {
			t.Logf("demographic: %q", r.World.Explain(im.Exposure))
			break
		}
	}
}

// The lookalike strategy prospects until it has 100 visible converters,
// then targets.
func TestLookalikeWaitsForSeed(t *testing.T) {
	c := targetedConfig()
	c.Response.BaselineHazard = 0.0005 // ≈ 1 organic converter per step: the seed stays small
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "look", Strategy: "lookalike"}}
	r := runWith(t, c, 9, 1, profiled(0.4, 0.7))
	if m := last(t, r, "look"); m.AttributesPerImpression != 0 {
		t.Fatalf("lookalike targeted with %d converters (< 100)", m.Conversions)
	}
	c.Response.BaselineHazard = 0.02
	r = runWith(t, c, 9, 1, profiled(0.4, 0.7))
	if m := last(t, r, "look"); m.AttributesPerImpression == 0 {
		t.Fatalf("lookalike never targeted, %d converters", m.Conversions)
	}
}

// Turnout starts near 0.75 and rises with age and education.
func TestInitialTurnout(t *testing.T) {
	c := DefaultConfig()
	c.Population.Size = 20_000
	c.Data.QuizShare = 0
	pop, err := population.Generate(c.Population, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	p := initialTurnout(pop)
	var sum, young, old float64
	var nYoung, nOld int
	for i, v := range p {
		sum += float64(v)
		if pop.Age[i] < 30 {
			young += float64(v)
			nYoung++
		} else if pop.Age[i] >= 65 {
			old += float64(v)
			nOld++
		}
	}
	mean := sum / float64(len(p))
	t.Logf("turnout: mean %.3f, 18-29 %.3f, 65+ %.3f", mean, young/float64(nYoung), old/float64(nOld))
	if mean < 0.73 || mean > 0.79 {
		t.Errorf("mean turnout %.3f, want ≈ 0.75", mean)
	}
	if !(old/float64(nOld) > young/float64(nYoung)) {
		t.Error("older people should vote more")
	}
}

// topK agrees with a full sort.
func TestTopK(t *testing.T) {
	var sel selector
	for _, n := range []int{1, 10, 1000, 50_000} {
		v := make([]float32, n)
		for i := range v {
			v[i] = float32(math.Floor(float64(rngCoinFloat(i)*1000))) / 10 // many ties
			if i%7 == 0 {
				v[i] = float32(math.Inf(-1))
			}
		}
		for _, k := range []int{0, 1, n / 3, n} {
			got := sel.topK(nil, v, k)
			slices.Sort(got)
			idx := make([]int32, 0, n)
			for i, x := range v {
				if !math.IsInf(float64(x), -1) {
					idx = append(idx, int32(i))
				}
			}
			sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] > v[idx[b]] })
			want := slices.Clone(idx[:min(k, len(idx))])
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("n=%d k=%d: topK differs from sort", n, k)
			}
		}
	}
}

func rngCoinFloat(i int) float64 { return float64((uint64(i)*0x9e3779b97f4a7c15)>>11) / (1 << 53) }
