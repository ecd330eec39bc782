package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"boomerang/sim"
	"boomerang/sim/footprint"
)

// These tests cover reasonText: the engine's reasons and segment names in
// the app's language. Their bundle keys are made at run time, so the
// source scan of TestI18nCoverage cannot see them; TestReasonDutchKeys
// enumerates every phrase the engine can make instead.

// reasonWorld is a small world of the default scenario (12 regions, the
// Dutch provinces), built without the app.
func reasonWorld(t *testing.T) *sim.World {
	t.Helper()
	cfg := testConfig(t)
	cfg.Population.Size = 300
	cfg.Data.QuizShare = 0 // no inference model needed: reasons read NaN profiles as well
	w, err := sim.BuildWorld(cfg, 11, 1)
	if err != nil {
		t.Fatal(err)
	}
	if w.Pop.Regions != 12 {
		t.Fatalf("default scenario has %d regions, want 12", w.Pop.Regions)
	}
	return w
}

// reasonSegmentKeys sweeps every value of up to 8 adjacent bits at every
// position of a key: each value of each field of any layout whose fields
// are at most 8 bits wide, without this package knowing the layout.
func reasonSegmentKeys() []uint32 {
	var keys []uint32
	for shift := range 32 {
		for v := range uint32(256) {
			if k := v << shift; k>>shift == v {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// reasonExposures are exposures of every Why kind with every detail the
// engine documents for it, one past the end (fallback texts) and an
// unknown kind, for agent 0.
func reasonExposures() []sim.Exposure {
	var out []sim.Exposure
	add := func(why sim.Why, d uint32) { out = append(out, sim.Exposure{Why: why, Detail: d}) }
	add(sim.WhyRandom, 0)
	for _, k := range reasonSegmentKeys() {
		add(sim.WhySegment, k)
		add(sim.WhyBandit, k)
	}
	for d := range uint32(len(sim.Appeals()) + 1) {
		add(sim.WhyTrait, d)
	}
	for d := range uint32(sim.NumAttrs + 1) {
		add(sim.WhyLookalike, d)
		add(sim.WhyOtherSide, d)
	}
	add(sim.Why(200), 0)
	return out
}

// reasonRegion is the region a phrase names, if any.
func reasonRegion(p sim.Phrase) (sim.Region, bool) {
	var r sim.Region
	found := false
	p.Walk(func(q sim.Phrase) {
		for _, a := range q.Args {
			if v, ok := a.(sim.Region); ok {
				r, found = v, true
			}
		}
	}, func(sim.Word) {})
	return r, found
}

// TestReasonDutchKeys: every format and word of every phrase the engine
// can produce has a Dutch entry.
func TestReasonDutchKeys(t *testing.T) {
	w := reasonWorld(t)
	nl := i18nDutch(t)
	formats, words := map[string]bool{}, map[sim.Word]bool{}
	for _, e := range reasonExposures() {
		w.Reason(e).Walk(func(p sim.Phrase) { formats[p.Format] = true }, func(x sim.Word) { words[x] = true })
	}
	for _, a := range sim.Appeals() { // also the appeals no kind of reason reached above
		words[sim.Word(a)] = true
	}
	for a := range sim.NumAttrs {
		words[sim.Word(a.String())] = true
	}
	for _, n := range footprint.InterestNames() { // "likes music and festivals"
		words[sim.Word(n)] = true
	}
	onlyVerbs := regexp.MustCompile(`^(%[-+#0 ]*[0-9]*(\.[0-9]+)?[a-zA-Z])*$`)
	checked := 0
	for f := range formats {
		if onlyVerbs.MatchString(f) { // "%s", "": nothing to translate
			continue
		}
		checked++
		if _, ok := nl[f]; !ok {
			t.Errorf("engine phrase %q has no Dutch in translations/*.nl.json", f)
		}
	}
	for x := range words {
		if _, ok := nl[reasonWordKey(x)]; !ok {
			t.Errorf("engine word %q has no Dutch (key %q)", x, reasonWordKey(x))
		}
	}
	// The enumeration must reach what it claims: all six kinds' texts and
	// every field of a segment.
	if checked < 20 || len(words) < len(sim.Appeals())+int(sim.NumAttrs) {
		t.Errorf("checked only %d formats and %d words", checked, len(words))
	}
	for _, f := range []string{"random: no personal data used", "segment: %s", "bandit's best-performing segment: %s",
		"matched on inferred personality: %s (inferred %s %+.1f sd)", "likely supporter of the other side, by inferred %s",
		"looks like the campaign's converters, mostly by declared %s", "women", "region %d", "inferred %s", "inferred right party", "everyone"} {
		if !formats[f] {
			t.Errorf("the enumeration never produced %q", f)
		}
	}
}

// TestReasonEnglish: in English the app shows World.Explain's text, with
// only the region told by its display name (a province here).
func TestReasonEnglish(t *testing.T) {
	if CurrentLanguage() != "en" {
		t.Skip("runs in English only")
	}
	w := reasonWorld(t)
	regions := 0
	for _, e := range reasonExposures() {
		p := w.Reason(e)
		want := w.Explain(e)
		if r, ok := reasonRegion(p); ok {
			if int(r) >= w.Pop.Regions {
				continue // a key no strategy makes in this world
			}
			want = strings.Replace(want, fmt.Sprintf("region %d", r), regionName(w, int(r)), 1)
			regions++
		}
		if got := reasonText(w, p); got != want {
			t.Fatalf("reasonText(%+v) = %q, want %q", e, got, want)
		}
	}
	if regions == 0 {
		t.Error("no reason named a region")
	}
	// One spelled out: a segment on gender and the 4th province.
	e := sim.Exposure{Why: sim.WhySegment, Detail: reasonKey(t, w, "women", 3)}
	if got, want := reasonText(w, w.Reason(e)), "segment: women, "+regionName(w, 3); got != want {
		t.Errorf("reasonText = %q, want %q", got, want)
	}
	if strings.Contains(regionName(w, 3), "region") {
		t.Errorf("12 regions are not named as provinces: %q", regionName(w, 3))
	}
}

// reasonKey finds the segment key the engine names "<gender>, region r"
// among the swept keys (this package does not know the layout).
func reasonKey(t *testing.T, w *sim.World, gender string, r int) uint32 {
	t.Helper()
	want := fmt.Sprintf("%s, region %d", gender, r)
	for _, k := range reasonSegmentKeys() {
		if sim.SegmentName(k) == want {
			return k
		}
	}
	// Not within one sweep: combine a gender-only and a region-only key.
	var g, reg uint32
	for _, k := range reasonSegmentKeys() {
		switch sim.SegmentName(k) {
		case gender:
			g = k
		case fmt.Sprintf("region %d", r):
			reg = k
		}
	}
	if g == 0 || reg == 0 || sim.SegmentName(g|reg) != want {
		t.Fatalf("no segment key for %q", want)
	}
	return g | reg
}

// reasonEnglishWords may not appear (as whole words) in a Dutch reason.
var reasonEnglishWords = regexp.MustCompile(`(?i)\b(segment|inferred|looks like|supporter|women|men|region|personality|random|declared|converters|party|unknown|everyone)\b`)

// TestReasonDutch: in Dutch no reason of any kind keeps an English word,
// numbers and province names survive, and segment names read Dutch.
func TestReasonDutch(t *testing.T) {
	w := reasonWorld(t)
	i18nUseDutch(t)
	kinds := map[sim.Why]bool{}
	for _, e := range reasonExposures() {
		p := w.Reason(e)
		if r, ok := reasonRegion(p); ok && int(r) >= w.Pop.Regions {
			continue
		}
		got := reasonText(w, p)
		if m := reasonEnglishWords.FindString(got); m != "" {
			t.Fatalf("Dutch reason for %+v has %q: %q (English %q)", e, m, got, p.String())
		}
		if got == p.String() {
			t.Fatalf("reason for %+v not translated: %q", e, got)
		}
		kinds[e.Why] = true
	}
	if len(kinds) != 7 {
		t.Errorf("checked %d kinds of reason, want 7", len(kinds))
	}
	// Concrete texts: a number in Dutch notation, a province named, a list joined.
	w.Profiles.Inferred[sim.AttrExtraversion][0] = 1.25
	e := sim.Exposure{Why: sim.WhyTrait, Detail: 4} // extravert
	if got, want := reasonText(w, w.Reason(e)), "afgestemd op afgeleide persoonlijkheid: extravert (afgeleid: extraversie +1,2 sd)"; got != want {
		t.Errorf("trait reason = %q, want %q", got, want)
	}
	k := reasonKey(t, w, "women", 3)
	if got, want := reasonText(w, w.Reason(sim.Exposure{Why: sim.WhySegment, Detail: k})), "doelgroep: vrouwen, "+regionName(w, 3); got != want {
		t.Errorf("segment reason = %q, want %q", got, want)
	}
	if got, want := segmentLabel(w, k), "vrouwen, "+regionName(w, 3); got != want {
		t.Errorf("segmentLabel = %q, want %q", got, want)
	}
	if got := segmentLabel(w, 0); got != "iedereen" {
		t.Errorf("segmentLabel(everyone) = %q", got)
	}
}

// TestReasonTargetDutch: the Target view lists the reasons in Dutch.
func TestReasonTargetDutch(t *testing.T) {
	i18nUseDutch(t)
	u, q := newTargetTestApp(t)
	p := u.target
	targetSteps(t, u, q, 3)
	s, _ := u.Snapshot()
	if len(s.Log) == 0 {
		t.Fatal("no impressions logged after 3 steps")
	}
	first := s.Log[0]
	u.SelectAgent(int(first.Agent))
	settle(q, 50*time.Millisecond)
	_, why := targetRow(p, 0)
	if want := reasonText(s.World, s.World.Reason(first.Exposure)); why != want || why == s.World.Explain(first.Exposure) {
		t.Errorf("shown reason %q, want the Dutch %q (English %q)", why, want, s.World.Explain(first.Exposure))
	}
	if m := reasonEnglishWords.FindString(why); m != "" {
		t.Errorf("shown reason %q has the English %q", why, m)
	}
}
