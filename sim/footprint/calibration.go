package footprint

// Calibration of the page catalogue and of liking. Source labels follow
// shared LITERATURE.md: [paper], [check], [assumption]. The published
// targets are the accuracies of Kosinski, Stillwell & Graepel (2013, PNAS
// 110:5802–5805; r: openness .43, extraversion .40, agreeableness .30,
// emotional stability .30, conscientiousness .29; AUC Democrat vs
// Republican .85, gender .93, gay vs straight men .88, age r .75) and of
// Youyou, Kosinski & Stillwell (2015, PNAS 112:1036–1040; mean Big Five
// r .56 with much data, rising with the number of likes with diminishing
// returns). The constants below are [assumption]s tuned so that those
// accuracies emerge from a model actually trained on the simulated likes
// (see the calibration tests); none of them sets an accuracy directly.

// catalogueSeed fixes the page catalogue for a given page count, so that
// page ids mean the same in every run and replication [assumption].
const catalogueSeed = 0x70a6e5_2013

// pageShare is the share of pages whose main loading is on each attribute;
// neutralShare is the share of mass-market pages that load on nothing.
// Personality pages dominate and openness has the most pages: interests
// (art, travel, science, philosophy) are where openness shows most, which
// is why it is the best-predicted trait in Kosinski et al. (2013)
// [assumption on the shares].
var pageShare = [NumAttributes]float64{
	Openness: 0.15, Conscientiousness: 0.07, Extraversion: 0.09, Agreeableness: 0.07,
	Neuroticism: 0.07, Ideology: 0.08, Age: 0.08, Gender: 0.09, Party: 0.05,
	Religious: 0.05, Migrant: 0.04, LGB: 0.03, Health: 0.06,
}

const neutralShare = 0.07

// Interests: besides the attributes the model infers, likes follow tastes
// that have nothing to do with them (football, cooking, a music genre, a
// local club). numInterests latent interests, each a standard normal per
// person drawn from the person's like stream and stored nowhere, carry a
// share interestShare of all pages (the attribute and neutral shares above
// are scaled by 1 − interestShare), with loading interestBeta. They are the
// bulk of what an unsupervised SVD of real likes picks up, which is why a
// model needs labelled quiz takers to find the trait directions among the
// components, and why more quiz takers help [assumption]. Interest pages
// are all "fan" pages (sign +) of one strength.
const (
	numInterests  = 30
	interestShare = 0.40
	interestBeta  = 0.55
)

// beta is the base loading of each attribute: a page's like weight is
// multiplied by exp(β·z) for a person with expressed value z (standardised
// traits; ±1 for binary attributes). Main loadings come in two strengths,
// strongLevel·β and weakLevel·β (half the pages each); second loadings are
// secondLevel·β of the second attribute; interest pages all have
// strongLevel·interestBeta [assumption].
var beta = [NumAttributes]float64{
	Openness: 0.50, Conscientiousness: 0.50, Extraversion: 0.50, Agreeableness: 0.50,
	Neuroticism: 0.45, Ideology: 0.60, Age: 0.70, Gender: 0.70, Party: 0.70,
	Religious: 0.60, Migrant: 0.60, LGB: 0.80, Health: 0.50,
}

// Loading strength levels (multiples of beta). The weak and second levels
// are equal and the strong one is three times them, so that a person's
// factors need one exp per attribute (strong = weak³).
const (
	strongLevel = 1.5
	weakLevel   = 0.5
	secondLevel = 0.5
)

// rho is how closely the attribute a person expresses through likes follows
// the true (questionnaire) attribute: z = ρ·x + √(1−ρ²)·ε, ε an
// agent-level "persona" deviation fixed across all of the agent's likes.
// ρ caps the accuracy any amount of data can reach (r ≤ ρ), which gives
// the diminishing returns of Youyou et al. (2015); it stands for the
// imperfect reliability of the questionnaires (Big Five scales ≈ .7–.9)
// and for the part of personality that does not show in what one likes
// [assumption].
var rho = [NumAttributes]float64{
	Openness: 0.80, Conscientiousness: 0.67, Extraversion: 0.71, Agreeableness: 0.67,
	Neuroticism: 0.67, Ideology: 0.80, Age: 0.90, Gender: 0.90, Party: 0.80,
	Religious: 0.80, Migrant: 0.80, LGB: 0.80, Health: 0.60,
}

// secondShare is the share of strong attribute pages that also load on a
// second, related attribute [assumption].
const secondShare = 0.5

// partners lists, per attribute, the related attributes a page's second
// loading can fall on, with the sign relative to the main loading. They
// follow the population's own links (open people are more liberal, older
// people more often religious or ill, …) so that such pages are plausible
// ("a page for older churchgoers") [assumption].
var partners = [NumAttributes][]struct {
	a    Attribute
	sign int8
}{
	Openness:          {{Ideology, -1}, {Age, -1}},
	Conscientiousness: {{Age, 1}, {Religious, 1}},
	Extraversion:      {{Age, -1}, {Openness, 1}},
	Agreeableness:     {{Gender, -1}, {Religious, 1}},
	Neuroticism:       {{Health, 1}, {Gender, -1}},
	Ideology:          {{Religious, 1}, {Party, 1}},
	Age:               {{Health, 1}, {Ideology, 1}},
	Gender:            {{Agreeableness, -1}, {Age, -1}},
	Party:             {{Ideology, 1}},
	Religious:         {{Ideology, 1}, {Age, 1}},
	Migrant:           {{Religious, 1}, {Age, -1}},
	LGB:               {{Openness, 1}, {Age, -1}},
	Health:            {{Age, 1}, {Neuroticism, 1}},
}

// popularitySD is the sd of log popularity [assumption]. It is modest
// (95 % of pages within a factor 1.8 of the median): each catalogue page
// stands for a cluster of similar real pages, and with 1000 pages and up to
// 700 likes a person a wide spread would make heavy likers exhaust the
// popular pages, so that their likes said less about them than a moderate
// liker's (the real catalogue has millions of pages; Kosinski et al. 2013
// kept 55,814).
const popularitySD = 0.3
