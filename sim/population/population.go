// Package population generates the synthetic population as struct-of-arrays:
// demographics, Big Five traits correlated with age and gender, ideology
// correlated with openness and conscientiousness, and the dispositions the
// campaign model uses (susceptibility, media literacy, privacy concern,
// platform activity).
//
// Generate is deterministic: agent i's values come only from the random
// stream (seed, rng.Population, i, 0), so the population is identical for
// any number of workers. The calibration (age pyramid, trait correlations,
// sex and age differences, ideology) is in calibration.go, with a source
// next to every constant; the draws are in generate.go.
package population

// Population holds one value per agent in each slice (struct-of-arrays):
// agent i is index i everywhere. It costs 49 bytes per agent.
type Population struct {
	N int

	// Regions is the number of regions the population was drawn with
	// (Region values are 0 … Regions-1).
	Regions int

	// Demographics.
	Age       []uint8 // years, 18–90; 13–17 for the minors of Params.MinorsShare
	Gender    []uint8 // 0 female, 1 male
	Region    []uint8 // 0 … Regions-1
	Education []uint8 // 0 low, 1 middle, 2 high
	Migrant   []bool  // migration background

	// Big Five, standardised (population mean ≈ 0, sd ≈ 1).
	Openness          []float32
	Conscientiousness []float32
	Extraversion      []float32
	Agreeableness     []float32
	Neuroticism       []float32

	// Ideology, standardised; + is conservative / right.
	Ideology []float32

	// Dispositions in [0, 1].
	Susceptibility []float32 // how much one message can move this person
	MediaLiteracy  []float32 // resistance to manipulative tones
	PrivacyConcern []float32 // reactance when an ad reveals inference

	// Likes is the number of pages the person likes (platform activity):
	// median 68, range 1–700 (Kosinski et al. 2013).
	Likes []int32

	// Special categories (GDPR Art. 9) and party preference, drawn from
	// the agent's second stream (seed, rng.Population, i, 1) so that the
	// attributes above are unchanged by their presence. Base rates and
	// links are in calibration.go.
	Religious       []bool  // belongs to a religious group (≈ 45 %)
	LGB             []bool  // lesbian, gay or bisexual (≈ 4 %)
	HealthCondition []bool  // long-standing (chronic) health condition (≈ 30 %)
	Party           []uint8 // binary party preference: PartyLeft or PartyRight
}

// Party values: a two-party preference like Democrat vs Republican,
// derived from ideology plus noise (see calibration.go).
const (
	PartyLeft  uint8 = 0 // left / progressive party (e.g. Democrat)
	PartyRight uint8 = 1 // right / conservative party (e.g. Republican)
)

// AgeMoments returns the exact mean and standard deviation of age in the
// generated population's age distribution, so that other packages can put
// age on the same standardised scale as the traits.
func AgeMoments() (mean, sd float64) {
	return cal.meanAge, cal.sdAge
}

// Params are the scenario's [population] settings.
type Params struct {
	Size int `toml:"size" comment:"number of agents, 1 to 2,000,000"`
	// Regions is at most 64: Region is stored in a byte and the network
	// packs it into 6 bits of its sort key.
	Regions int `toml:"regions" limits:"1 64" comment:"number of regions, 1 to 64"`
	// MinorsShare adds platform users aged 13–17 (minors.go); 0 keeps the
	// adult-only population of earlier versions, draw for draw.
	// At most 0.5: about 7 % of Dutch people aged 13 and over are 13–17
	// (CBS StatLine 7461bev, 2023: ≈ 1.0 of ≈ 15 million) [check]; the
	// bound leaves room for young platforms.
	MinorsShare float64 `toml:"minors_share" limits:"0 0.5" comment:"share of users aged 13-17 (minors, who cannot vote), 0 to 0.5 (default 0 = adults only; about 0.07 of Dutch people aged 13+ are 13-17, CBS); regulation.minors_ban acts on them"`
	// File names population.file (given.go).
	File string `toml:"file,omitempty" comment:"CSV of per-person attributes, relative to the scenario file: a header with id and any of age, gender, region, education, migrant, the Big Five, ideology, media_literacy, susceptibility, privacy_concern, likes, religious, lgb, health_condition, party, opinion_initial; rows join the network by id (0 ... size-1 for a generated network); what a row does not give is drawn, conditional on what it gives where the model allows"`
}

// MaxSize is the largest population the engine accepts.
const MaxSize = 2_000_000

// DefaultParams returns 10,000 agents in the 12 Dutch provinces.
func DefaultParams() Params {
	return Params{Size: 10_000, Regions: 12}
}
