package sim

import "math"

// Attr is a personal attribute the campaign operator may know about a
// person: declared at sign-up (age, gender, region) or inferred from likes
// by the footprint model (everything else).
type Attr int

// The attributes, in a fixed order (indexes of Profiles.Inferred); the
// order is footprint.Attribute's, which a test checks.
const (
	AttrOpenness Attr = iota
	AttrConscientiousness
	AttrExtraversion
	AttrAgreeableness
	AttrNeuroticism
	AttrIdeology  // political opinion: special category (GDPR Art. 9)
	AttrAge       // inferred age (the declared age is in Population.Age)
	AttrGender    // inferred P(male)
	AttrParty     // inferred P(conservative party): special category
	AttrReligious // inferred P(religious): special category
	AttrMigrant   // inferred P(migration background) — ethnic origin: special category
	AttrLGB       // inferred P(lesbian, gay or bisexual): special category
	AttrHealth    // inferred P(chronic health condition): special category
	NumAttrs
)

// Sensitive reports whether a is a special category of personal data under
// GDPR Art. 9 (political opinions, religion, ethnic origin, sexual
// orientation, health), whose use for ad targeting DSA Art. 26(3) bans.
func (a Attr) Sensitive() bool {
	switch a {
	case AttrIdeology, AttrParty, AttrReligious, AttrMigrant, AttrLGB, AttrHealth:
		return true
	}
	return false
}

// String is the attribute's snake_case name, as used in CSV columns.
func (a Attr) String() string {
	return [...]string{"openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism",
		"ideology", "age", "gender", "party", "religious", "migrant", "lgb", "health"}[a]
}

// Profiles is everything the campaign operator knows about people beyond
// what they declared: strategies read this, never the true traits. A
// person the operator cannot see (no consent, not a quiz taker, not
// harvested) has NaN in every Inferred slice.
type Profiles struct {
	Visible    []bool              // the operator has this person's likes
	Inferred   [NumAttrs][]float32 // standardised scores for traits, probabilities for binary attributes; NaN if unknown
	Confidence []float32           // 0 … 1: how far the operator trusts this person's profile (0 if not visible)
}

// newBlindProfiles returns profiles of n people of whom nothing is known.
func newBlindProfiles(n int) *Profiles {
	p := &Profiles{Visible: make([]bool, n), Confidence: make([]float32, n)}
	nan := float32(math.NaN())
	for a := range p.Inferred {
		p.Inferred[a] = make([]float32, n)
		for i := range p.Inferred[a] {
			p.Inferred[a][i] = nan
		}
	}
	return p
}

// Known reports whether the operator has an inferred value of a for i.
func (p *Profiles) Known(a Attr, i int) bool {
	v := p.Inferred[a][i]
	return v == v // not NaN
}
