package sim

import (
	"boomerang/sim/influence"
	"boomerang/sim/network"
	"boomerang/sim/population"
)

// Config is a fully resolved scenario: every knob of the model. The TOML
// keys (tags) are the scenario file format and the --set/--vary keys; the
// doc tags feed the generated key reference in docs/SCENARIOS.md.
type Config struct {
	Name        string `toml:"name" comment:"short identifier, used by boomerang-cli run NAME"`
	Title       string `toml:"title" comment:"one-line title shown in lists and the app"`
	Description string `toml:"description" comment:"what the scenario shows, in a sentence or two"`
	Seed        uint64 `toml:"seed" comment:"base random seed; replications derive theirs from it"`
	Steps       int    `toml:"steps" comment:"number of steps (one step is one sweep of social influence and one round of the campaign)"`

	Population population.Params `toml:"population"`
	Network    network.Params    `toml:"network"`
	Opinion    OpinionParams     `toml:"opinion"`
	Influence  influence.Params  `toml:"influence"`
	Data       DataParams        `toml:"data"`
	Regulation RegulationParams  `toml:"regulation"`
	Campaign   CampaignParams    `toml:"campaign"`
	Response   ResponseParams    `toml:"response"`
	Arms       []ArmConfig       `toml:"arms"`
}

// OpinionParams set the opinions at step 0.
type OpinionParams struct {
	Initial string  `toml:"initial" comment:"uniform (U[-1,1]), ideology (follows ideology, with noise), normal (N(mean, spread) clipped) or neutral (all 0)"`
	Mean    float64 `toml:"mean" comment:"normal: mean opinion in [-1,1]; ideology: offset added before clipping"`
	Spread  float64 `toml:"spread" comment:"normal: standard deviation; ideology: sd of the noise added to the ideology-based opinion"`
	BurnIn  int     `toml:"burn_in" comment:"steps of social influence before step 0, so the campaign starts from the network's own equilibrium (0 = start from the drawn opinions)"`
}

// DataParams describe the digital footprint and the trait-inference model
// (docs/MODEL.md, "Footprints and inference").
type DataParams struct {
	Pages          int     `toml:"pages" comment:"pages people can like, 2 to 65535"`
	QuizShare      float64 `toml:"quiz_share" comment:"share of people who take the personality quiz whose answers train the inference model (Cambridge Analytica: ~270,000 of 87 million = 0.003); 0 = no profiling"`
	HarvestFriends bool    `toml:"harvest_friends" comment:"quiz takers' friends become visible to the operator without their own consent (Facebook's friends permission before 2015)"`
	Components     int     `toml:"components" comment:"SVD components of the like matrix used by the inference model (Kosinski et al. 2013 used 100)"`
}

// RegulationParams are the rules the platform and the campaign follow
// (docs/MODEL.md, "Regulation").
type RegulationParams struct {
	ConsentRate float64 `toml:"consent_rate" comment:"share of users who allow tracking of their likes, 0 to 1 (Apple ATT opt-in ~0.05-0.45; cookie walls without a reject button raise consent ~22 points, Nouwens et al. 2020)"`
}

// CampaignParams describe what the campaign buys and what it wants.
type CampaignParams struct {
	Budget int     `toml:"budget" comment:"impressions bought per step"`
	CPM    float64 `toml:"cpm" comment:"cost per 1000 impressions, in euro (Facebook ~5-20, LITERATURE 4)"`
	Stance float64 `toml:"stance" comment:"direction the campaign pushes opinion: +1 for, -1 against"`
}

// ResponseParams calibrate how people respond to one impression.
type ResponseParams struct {
	CTR             float64 `toml:"ctr" comment:"probability that an impression is clicked (Facebook average ~0.9 %, LITERATURE 4)"`
	ViewEffect      float64 `toml:"view_effect" comment:"opinion shift (on [-1,1]) from an impression that is seen but not clicked"`
	ClickEffect     float64 `toml:"click_effect" comment:"opinion shift (on [-1,1]) from a clicked ad, i.e. a full viewing (Coppock et al. 2020: 0.056 on a 5-point scale = 0.028)"`
	WearOut         float64 `toml:"wear_out" comment:"impressions after which an ad's effect and click rate have halved (frequency wear-out)"`
	ClickConversion float64 `toml:"click_conversion" comment:"probability that a click converts, for a neutral person (Facebook average 9.21 %, LITERATURE 4)"`
	BaselineHazard  float64 `toml:"baseline_hazard" comment:"per-step probability that a neutral person converts without any ad"`
	BackfireRate    float64 `toml:"backfire_rate" comment:"probability of reactance when a strongly opposed person (opinion -1 against the stance) sees the ad"`
}

// ArmConfig is one arm of the experiment: a strategy run on a twin of the world.
type ArmConfig struct {
	Name     string `toml:"name" comment:"arm name; the no-campaign arm is called control"`
	Strategy string `toml:"strategy" comment:"none or broadcast (targeted strategies come with the targeting issue)"`
}

// DefaultConfig returns the built-in defaults that every scenario starts from.
func DefaultConfig() Config {
	pop := population.DefaultParams()
	pop.Size = 10_000
	return Config{
		Name:       "custom",
		Title:      "Custom scenario",
		Seed:       1,
		Steps:      60,
		Population: pop,
		Network:    network.DefaultParams(),
		Opinion:    OpinionParams{Initial: "ideology", Mean: 0, Spread: 0.3},
		Influence:  influence.Params{Model: "friedkin-johnsen", Epsilon: 0.4, Mu: 0.3, Gamma: 0, Stubbornness: 0.2},
		Data:       DataParams{Pages: 1000, QuizShare: 0.003, Components: 100},
		Regulation: RegulationParams{ConsentRate: 0.7},
		Campaign:   CampaignParams{Budget: 1000, CPM: 7, Stance: 1},
		Response:   DefaultResponse(),
		Arms:       []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "broadcast", Strategy: "broadcast"}},
	}
}
