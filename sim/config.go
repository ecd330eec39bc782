package sim

import (
	"boomerang/sim/footprint"
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
	Data       footprint.Params  `toml:"data"`
	Regulation RegulationParams  `toml:"regulation"`
	Campaign   CampaignParams    `toml:"campaign"`
	Response   ResponseParams    `toml:"response"`
	Arms       []ArmConfig       `toml:"arms"`
	Messages   []MessageConfig   `toml:"messages,omitempty" comment:"the message library as [[messages]] tables (name, stance, tone, appeal, aim); omitted = the built-in library: a generic ad and one per trait appeal, all with campaign.stance"`
}

// OpinionParams set the opinions at step 0.
type OpinionParams struct {
	Initial string  `toml:"initial" comment:"uniform (U[-1,1]), ideology (follows ideology, with noise), normal (N(mean, spread) clipped) or neutral (all 0)"`
	Mean    float64 `toml:"mean" comment:"normal: mean opinion in [-1,1]; ideology: offset added before clipping"`
	Spread  float64 `toml:"spread" comment:"normal: standard deviation; ideology: sd of the noise added to the ideology-based opinion"`
	BurnIn  int     `toml:"burn_in" comment:"steps of social influence before step 0, so the campaign starts from the network's own equilibrium (0 = start from the drawn opinions)"`
}

// RegulationParams are the rules the platform and the campaign follow
// (docs/MODEL.md, "Regulation").
type RegulationParams struct {
	ConsentRate float64 `toml:"consent_rate" comment:"share of users who allow tracking of their likes, 0 to 1 (Apple ATT opt-in ~0.05-0.45; cookie walls without a reject button raise consent ~22 points, Nouwens et al. 2020)"`
}

// CampaignParams describe what the campaign buys and what it wants
// (docs/MODEL-campaign.md, "Strategies").
type CampaignParams struct {
	Budget        int     `toml:"budget" comment:"impressions bought per step, 0 or more"`
	CPM           float64 `toml:"cpm" comment:"cost per 1000 impressions, in euro (Facebook ~5-20, LITERATURE 4)"`
	Stance        float64 `toml:"stance" comment:"direction the campaign pushes opinion: +1 for, -1 against"`
	FrequencyCap  int     `toml:"frequency_cap" comment:"most impressions one person gets from the campaign in one step, 1 to 1000, or -1 for no cap (default 5); 0 is an error"`
	PilotSteps    int     `toml:"pilot_steps" comment:"demographic strategy: steps of untargeted pilot before it concentrates on the segments that responded best, 1 to 1000 (default 3)"`
	LookalikeSeed int     `toml:"lookalike_seed" comment:"lookalike strategy: converters (visible to the operator) needed before it builds a lookalike audience, at least 100 as on Meta (default 100)"`
}

// ResponseParams calibrate how people respond to one impression
// (docs/MODEL-campaign.md, "Response").
type ResponseParams struct {
	CTR                  float64 `toml:"ctr" comment:"probability that an impression is clicked (Facebook average ~0.9 %, LITERATURE 4)"`
	ViewEffect           float64 `toml:"view_effect" comment:"opinion shift (on [-1,1]) from an impression that is seen but not clicked"`
	ClickEffect          float64 `toml:"click_effect" comment:"opinion shift (on [-1,1]) from a clicked ad, i.e. a full viewing (Coppock et al. 2020: 0.056 on a 5-point scale = 0.028)"`
	WearOut              float64 `toml:"wear_out" comment:"impressions after which an ad's effect and click rate have halved (frequency wear-out)"`
	ClickConversion      float64 `toml:"click_conversion" comment:"probability that a click converts, for a neutral person (Facebook average 9.21 %, LITERATURE 4)"`
	BaselineHazard       float64 `toml:"baseline_hazard" comment:"per-step probability that a neutral person converts without any ad"`
	BackfireRate         float64 `toml:"backfire_rate" comment:"probability of reactance when a strongly opposed person (opinion -1 against the stance) sees the ad"`
	CongruenceClick      float64 `toml:"congruence_click" comment:"relative rise of the click rate per sd of the true trait a message appeals to, 0 to 0.4 (default 0.3, calibrated to Matz et al. 2017)"`
	CongruenceConversion float64 `toml:"congruence_conversion" comment:"relative rise of conversion per click per sd of the true trait a message appeals to, 0 to 0.4 (default 0.2, Matz et al. 2017)"`
	CongruenceEffect     float64 `toml:"congruence_effect" comment:"relative rise of the opinion shift per sd of the true trait a message appeals to, 0 to 0.4 (default 0.3; matching raises persuasion, Joyal-Desmarais et al. 2022)"`
	PrivacyBackfire      float64 `toml:"privacy_backfire" comment:"probability of reactance when a person with privacy concern 1 sees an ad chosen with a sensitive (GDPR Art. 9) inference; scales with privacy concern, 0 to 1 (default 0.1)"`
	FearEffect           float64 `toml:"fear_effect" comment:"fear-toned ads: relative rise of the opinion shift for media literacy 0 (and fall for 1), 0 to 1 (default 0.5)"`
	MisinfoEffect        float64 `toml:"misinformation_effect" comment:"misinformation: relative rise of the opinion shift for media literacy 0 (and fall to nothing for 1 at the default), 0 to 1 (default 1)"`
}

// ArmConfig is one arm of the experiment: a strategy run on a twin of the world.
type ArmConfig struct {
	Name       string   `toml:"name" comment:"arm name; the no-campaign arm is called control"`
	Strategy   string   `toml:"strategy" comment:"none, broadcast, demographic, psychographic, lookalike, adaptive or demobilise"`
	Message    string   `toml:"message,omitempty" comment:"broadcast, demographic, lookalike, demobilise: name of the one message to show (default: the library's first message for the strategy's aim)"`
	Attributes []string `toml:"attributes,omitempty" comment:"what the strategy may use (default: its own set, docs/MODEL-campaign.md): segment dimensions (age, gender, region, origin, personality, party) for demographic and adaptive; inferred attributes (openness ... health) for psychographic, lookalike and demobilise"`
}

// DefaultConfig returns the built-in defaults that every scenario starts from.
func DefaultConfig() Config {
	pop := population.DefaultParams()
	pop.Size = 50_000 // enough for the default 0.3 % quiz to train the inference model (≥ 50 quiz takers)
	return Config{
		Name:       "custom",
		Title:      "Custom scenario",
		Seed:       1,
		Steps:      60,
		Population: pop,
		Network:    network.DefaultParams(),
		Opinion:    OpinionParams{Initial: "ideology", Mean: 0, Spread: 0.3},
		Influence:  influence.Params{Model: "friedkin-johnsen", Epsilon: 0.4, Mu: 0.3, Gamma: 0, Stubbornness: 0.2},
		Data:       footprint.DefaultParams(),
		Regulation: RegulationParams{ConsentRate: 0.7},
		Campaign:   CampaignParams{Budget: 1000, CPM: 7, Stance: 1, FrequencyCap: 5, PilotSteps: 3, LookalikeSeed: 100},
		Response:   DefaultResponse(),
		Arms:       []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "broadcast", Strategy: "broadcast"}},
		Messages:   nil, // the built-in library (message.go), built from campaign.stance
	}
}
