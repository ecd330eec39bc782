package footprint

import (
	"fmt"
	"math"

	"boomerang/sim/population"
)

// Attribute is something a page can appeal to and the model infers.
// Numeric attributes come first (standardised scale), binary ones after.
type Attribute uint8

// The attributes, in the order of every per-attribute array.
const (
	Openness          Attribute = iota // Big Five, standardised
	Conscientiousness                  // Big Five, standardised
	Extraversion                       // Big Five, standardised
	Agreeableness                      // Big Five, standardised
	Neuroticism                        // Big Five, standardised
	Ideology                           // standardised, + conservative
	Age                                // standardised age (population.AgeMoments)
	Gender                             // binary: male (population Gender 1)
	Party                              // binary: right party (population.PartyRight)
	Religious                          // binary: belongs to a religious group
	Migrant                            // binary: migration background (ethnicity)
	LGB                                // binary: lesbian, gay or bisexual
	Health                             // binary: long-standing health condition

	NumAttributes // number of attributes
)

// NumNumeric is the number of numeric attributes (Openness … Age); the
// attributes from Gender on are binary.
const NumNumeric = int(Gender)

// NoAttribute marks a missing second loading or a neutral page.
const NoAttribute Attribute = 255

// Interest returns the page attribute of latent interest k (0 ≤ k <
// NumInterests): a taste that shapes likes but is not inferred or
// targeted. Interests follow the inferable attributes in numbering.
func Interest(k int) Attribute { return NumAttributes + Attribute(k) }

// NumInterests is the number of latent interests pages can load on.
const NumInterests = numInterests

// IsInterest reports whether a is a latent interest rather than an
// inferable attribute.
func (a Attribute) IsInterest() bool { return a >= NumAttributes && a < NumAttributes+NumInterests }

// BigFive lists the five personality traits.
var BigFive = [5]Attribute{Openness, Conscientiousness, Extraversion, Agreeableness, Neuroticism}

var attributeNames = [NumAttributes]string{
	"openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism",
	"ideology", "age", "gender", "party", "religious", "migrant", "lgb", "health",
}

// String returns the snake_case name used in CSV columns and JSON
// (e.g. "openness", "lgb").
func (a Attribute) String() string {
	switch {
	case a < NumAttributes:
		return attributeNames[a]
	case a.IsInterest():
		return fmt.Sprintf("interest %d", int(a-NumAttributes)+1)
	}
	return "none"
}

// Binary reports whether a is a yes/no attribute, inferred as a probability.
func (a Attribute) Binary() bool { return a >= Gender && a < NumAttributes }

// Special reports whether a is a special category of personal data (GDPR
// Art. 9: political opinions — ideology and party —, religion, racial or
// ethnic origin, sexual orientation, health), whose use for ad targeting
// DSA Art. 26(3) forbids.
func (a Attribute) Special() bool {
	switch a {
	case Ideology, Party, Religious, Migrant, LGB, Health:
		return true
	}
	return false
}

// truth returns agent i's true value of a: numeric attributes on the
// standardised scale, binary ones as 0 or 1.
func truth(pop *population.Population, a Attribute, i int) float64 {
	t := truthsOf(pop)
	return t.get(a, i)
}

// truths holds the population's columns of every attribute, looked up
// once, for loops that read many people's true values.
type truths struct {
	scores          [Ideology + 1][]float32 // the standardised scores, in attribute order
	yes             [NumAttributes - Religious][]bool
	age, gen, party []uint8
	ageMean, ageSD  float64
}

func truthsOf(pop *population.Population) truths {
	t := truths{
		scores: [...][]float32{pop.Openness, pop.Conscientiousness, pop.Extraversion,
			pop.Agreeableness, pop.Neuroticism, pop.Ideology},
		yes: [...][]bool{pop.Religious, pop.Migrant, pop.LGB, pop.HealthCondition},
		age: pop.Age, gen: pop.Gender, party: pop.Party,
	}
	t.ageMean, t.ageSD = population.AgeMoments()
	return t
}

// get returns agent i's true value of a (truth).
func (t *truths) get(a Attribute, i int) float64 {
	switch {
	case a <= Ideology:
		return float64(t.scores[a][i])
	case a >= Religious && a < NumAttributes:
		return b2f(t.yes[a-Religious][i])
	case a == Age:
		return (float64(t.age[i]) - t.ageMean) / t.ageSD
	case a == Gender:
		return float64(t.gen[i])
	case a == Party:
		return float64(t.party[i])
	}
	return math.NaN()
}

// Truth returns agent i's true value of a, on the scale of the inferences:
// numeric attributes standardised, binary ones 0 or 1. For the accuracy
// report and the app's "truth next to inference" view; strategies must not
// read it.
func Truth(pop *population.Population, a Attribute, i int) float64 { return truth(pop, a, i) }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
