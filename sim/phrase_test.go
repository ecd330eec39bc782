package sim

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// The tests of this file pin the English of Explain and SegmentName: they
// became Phrase.String, and the CLI, the logs and other tests read the
// text, so it must not change by a byte. oldExplain and oldSegmentName are
// the implementations from before Phrase, kept verbatim as the reference.

func oldSegmentName(key uint32) string {
	field := func(shift, bits int) uint32 { return key >> shift & (1<<bits - 1) }
	var parts []string
	if a := field(ageShift, ageBits); a > 0 {
		parts = append(parts, [...]string{"", "18-29", "30-44", "45-64", "65+", "13-17", "", ""}[a])
	}
	if g := field(genderShift, genderBits); g > 0 {
		parts = append(parts, [...]string{"", "women", "men"}[g])
	}
	if r := field(regionShift, regionBits); r > 0 {
		parts = append(parts, fmt.Sprintf("region %d", r-1))
	}
	if o := field(originShift, originBits); o > 0 {
		parts = append(parts, [...]string{"", "origin unknown", "inferred no migration background", "inferred migration background"}[o])
	}
	if p := field(personalityShift, personalityBits); p > 0 {
		if p == 1 {
			parts = append(parts, "personality unknown")
		} else if int(p-2) < len(Appeals()) {
			parts = append(parts, "inferred "+Appeals()[p-2])
		}
	}
	if p := field(partyShift, partyBits); p > 0 {
		parts = append(parts, [...]string{"", "party unknown", "inferred left party", "inferred right party"}[p])
	}
	if len(parts) == 0 {
		return "everyone"
	}
	return strings.Join(parts, ", ")
}

func oldExplain(w *World, e Exposure) string {
	i := int(e.Agent)
	switch e.Why {
	case WhyRandom:
		return "random: no personal data used"
	case WhySegment:
		return "segment: " + oldSegmentName(e.Detail)
	case WhyBandit:
		return "bandit's best-performing segment: " + oldSegmentName(e.Detail)
	case WhyTrait:
		if int(e.Detail) < len(Appeals()) {
			ap := Appeals()[e.Detail]
			a, _, _ := appealTrait(ap)
			return fmt.Sprintf("matched on inferred personality: %s (inferred %s %+.1f sd)", ap, a, w.Profiles.Inferred[a][i])
		}
		return "ranked as persuadable from inferred personality"
	case WhyLookalike:
		switch a := Attr(e.Detail); {
		case a == AttrAge || a == AttrGender:
			return fmt.Sprintf("looks like the campaign's converters, mostly by declared %s", a)
		case a < NumAttrs:
			return fmt.Sprintf("looks like the campaign's converters, mostly by inferred %s", a)
		}
		return "looks like the campaign's converters"
	case WhyOtherSide:
		if Attr(e.Detail) < NumAttrs {
			return fmt.Sprintf("likely supporter of the other side, by inferred %s", Attr(e.Detail))
		}
		return "likely supporter of the other side"
	}
	return e.Why.String()
}

// phraseSegmentKeys are segment keys covering every value of every field
// (gender only up to 2: the old SegmentName panicked on 3, which no
// strategy produces), alone and combined.
func phraseSegmentKeys() []uint32 {
	var keys []uint32
	for age := range uint32(1 << ageBits) {
		for g := range uint32(3) {
			for r := range uint32(3) {
				for o := range uint32(1 << originBits) {
					for p := range uint32(1 << personalityBits) {
						for party := range uint32(1 << partyBits) {
							keys = append(keys, age<<ageShift|g<<genderShift|r<<regionShift|
								o<<originShift|p<<personalityShift|party<<partyShift)
						}
					}
				}
			}
		}
	}
	for r := range uint32(1 << regionBits) {
		keys = append(keys, r<<regionShift)
	}
	return keys
}

func TestSegmentPhraseEnglishUnchanged(t *testing.T) {
	keys := phraseSegmentKeys()
	for _, k := range keys {
		if got, want := SegmentName(k), oldSegmentName(k); got != want {
			t.Fatalf("SegmentName(%#x) = %q, want %q", k, got, want)
		}
	}
	// A spot check against literal text, so that the reference itself is
	// pinned too.
	k := uint32(2<<ageShift | 1<<genderShift | 4<<regionShift | (2+4)<<personalityShift)
	if got, want := SegmentName(k), "30-44, women, region 3, inferred extravert"; got != want {
		t.Errorf("SegmentName = %q, want %q", got, want)
	}
	if got := SegmentName(0); got != "everyone" {
		t.Errorf("SegmentName(0) = %q", got)
	}
	t.Logf("%d keys compared", len(keys))
}

// phraseExposures are exposures of every Why kind with every detail it
// can carry (and one past the end, for the fallbacks), for agents 0 … 3.
func phraseExposures() []Exposure {
	var out []Exposure
	add := func(why Why, detail uint32) {
		for a := range int32(4) {
			out = append(out, Exposure{Agent: a, Why: why, Detail: detail})
		}
	}
	add(WhyRandom, 0)
	for _, k := range phraseSegmentKeys() {
		if k%7 == 0 || k < 64 { // a spread of keys: SegmentPhrase has its own test
			add(WhySegment, k)
			add(WhyBandit, k)
		}
	}
	for d := range uint32(len(Appeals()) + 1) {
		add(WhyTrait, d)
	}
	for d := range uint32(NumAttrs + 1) {
		add(WhyLookalike, d)
		add(WhyOtherSide, d)
	}
	add(Why(200), 0)
	return out
}

// phraseWorld is a small world with inferred profiles (so trait reasons
// have numbers), agent 3 unseen (NaN).
func phraseWorld(t *testing.T) *World {
	t.Helper()
	c := DefaultConfig()
	c.Population.Size = 200
	c.Data.QuizShare = 0 // no profiling model: fillProfiles makes the profiles
	w, err := BuildWorld(c, 7, 1)
	if err != nil {
		t.Fatal(err)
	}
	fillProfiles(w, 0.5, 1)
	for a := range NumAttrs {
		w.Profiles.Inferred[a][3] = float32(math.NaN())
	}
	return w
}

func TestReasonEnglishUnchanged(t *testing.T) {
	w := phraseWorld(t)
	kinds := map[Why]int{}
	for _, e := range phraseExposures() {
		got, want := w.Explain(e), oldExplain(w, e)
		if got != want {
			t.Fatalf("Explain(%+v) = %q, want %q", e, got, want)
		}
		if s := w.Reason(e).String(); s != want {
			t.Fatalf("Reason(%+v).String() = %q, want %q", e, s, want)
		}
		kinds[e.Why]++
	}
	if len(kinds) != 7 {
		t.Errorf("covered %d kinds of reason, want 6 and an unknown one", len(kinds))
	}
	// Literal checks of a few, including the number and the NaN.
	for _, c := range []struct {
		e    Exposure
		want string
	}{
		{Exposure{Why: WhyRandom}, "random: no personal data used"},
		{Exposure{Why: WhySegment, Detail: 1<<ageShift | 2<<genderShift}, "segment: 18-29, men"},
		{Exposure{Why: WhyLookalike, Detail: uint32(AttrAge)}, "looks like the campaign's converters, mostly by declared age"},
		{Exposure{Why: WhyOtherSide, Detail: uint32(AttrParty)}, "likely supporter of the other side, by inferred party"},
		{Exposure{Why: WhyInterest, Detail: 20}, "likes pages of nightlife, an interest the campaign targets"},
		{Exposure{Why: WhyContext, Detail: 0}, "placed beside content about music and festivals: no personal data used"},
		{Exposure{Why: WhyContext, Detail: 99}, "context"},
		{Exposure{Agent: 3, Why: WhyTrait, Detail: 4}, "matched on inferred personality: extravert (inferred extraversion +NaN sd)"},
		{Exposure{Agent: 0, Why: WhyTrait, Detail: 0}, fmt.Sprintf("matched on inferred personality: high-openness (inferred openness %+.1f sd)", w.Profiles.Inferred[AttrOpenness][0])},
	} {
		if got := w.Explain(c.e); got != c.want {
			t.Errorf("Explain(%+v) = %q, want %q", c.e, got, c.want)
		}
	}
}

func TestPhraseStructure(t *testing.T) {
	// The region is kept apart as a Region, the appeal as a Word.
	k := uint32(4<<regionShift | (2+4)<<personalityShift)
	p := SegmentPhrase(k)
	var regions []Region
	var words []Word
	p.Walk(func(q Phrase) {
		for _, a := range q.Args {
			if r, ok := a.(Region); ok {
				regions = append(regions, r)
			}
		}
	}, func(w Word) { words = append(words, w) })
	if len(regions) != 1 || regions[0] != 3 {
		t.Errorf("regions %v in %#v, want [3]", regions, p)
	}
	if len(words) != 1 || words[0] != "extravert" {
		t.Errorf("words %v in %#v, want [extravert]", words, p)
	}
	// A Phrase without arguments is its format verbatim, even with a %.
	if got := (Phrase{Format: "100 % sure"}).String(); got != "100 % sure" {
		t.Errorf("String without args = %q", got)
	}
	// Nested phrases and lists render through String.
	n := Phrase{Format: "a %s b %s", Args: []any{Phrase{Format: "x %d", Args: []any{1}}, []Phrase{{Format: "y"}, {Format: "z"}}}}
	if got := n.String(); got != "a x 1 b y, z" {
		t.Errorf("nested = %q", got)
	}
}
