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
	Defence    DefenceParams     `toml:"defence"`
	Campaign   CampaignParams    `toml:"campaign"`
	Response   ResponseParams    `toml:"response"`
	Arms       []ArmConfig       `toml:"arms"`
	Story      Story             `toml:"story,omitempty"`
	Messages   []MessageConfig   `toml:"messages,omitempty" comment:"the message library as [[messages]] tables (name, stance, tone, appeal, aim); omitted = the built-in library: a generic ad and one per trait appeal, all with campaign.stance"`

	// DataDir is the directory network.path and population.file are
	// relative to: the scenario file's ("" = the working directory; names
	// not found there are looked up among the built-in data files,
	// datafile.Builtin). Not part of the scenario text.
	DataDir string `toml:"-" json:"-"`
}

// OpinionParams set the opinions at step 0.
type OpinionParams struct {
	Initial string  `toml:"initial" comment:"uniform (U[-1,1]), ideology (follows ideology, with noise), normal (N(mean, spread) clipped) or neutral (all 0)"`
	Mean    float64 `toml:"mean" limits:"-1 1" comment:"normal: mean opinion in [-1,1]; ideology: offset added before clipping"`
	Spread  float64 `toml:"spread" limits:"0 2" comment:"normal: standard deviation; ideology: sd of the noise added to the ideology-based opinion"`
	BurnIn  int     `toml:"burn_in" comment:"steps of social influence before step 0, so the campaign starts from the network's own equilibrium (0 = start from the drawn opinions)"`
}

// RegulationParams are the rules the platform and the campaign follow,
// the same for every arm of a run (docs/MODEL-regulation.md). Every lever
// is off by default except the consent rate, so the defaults reproduce the
// unregulated model.
type RegulationParams struct {
	ConsentRate          float64 `toml:"consent_rate" limits:"0 1" comment:"share of users who allow tracking of their likes when the choice is fair (consent_design opt-in or reject-button), 0 to 1 (default 0.7; Apple ATT opt-in ~0.05-0.45 of all users, LITERATURE 4)"`
	ConsentDesign        string  `toml:"consent_design" comment:"how tracking consent is asked: opt-in (ATT-style prompt) or reject-button (banner with reject on the first page) use consent_rate as it is; no-reject-button (dark pattern: reject only on a second page) adds 0.22, capped at 1 (Nouwens et al. 2020: +22-23 points); default reject-button"`
	SpecialCategoriesBan bool    `toml:"special_categories_ban" comment:"true: no targeting on special categories of personal data (inferred ideology, party, religion, migration background, sexual orientation, health), even with consent (DSA Art. 26(3)); strategies use what remains or fall back to broadcast; default false"`
	MinorsBan            bool    `toml:"minors_ban" comment:"true: no ads chosen with personal data (profiling) for users known to be minors, who get untargeted ads only (DSA Art. 28(2)); acts only when population.minors_share > 0; default false"`
	PoliticalConsent     bool    `toml:"political_consent" comment:"true: the campaign is political advertising under EU Regulation 2024/900 Arts. 18-19: it may choose a person with personal data only if that person gave explicit, separate consent (political_consent_rate); everyone else gets untargeted ads only; default false"`
	PoliticalConsentRate float64 `toml:"political_consent_rate" limits:"0 1" comment:"with political_consent: share of the people who allow tracking under a fair choice (consent_rate) who also give the separate consent to political targeting, 0 to 1 (default 0.2, assumption); a dark pattern does not raise it"`
	MinAudience          int     `toml:"min_audience" comment:"smallest audience a strategy may target, in people, 0 to 2000000: a segment, the people matched to one message, or a ranked pool (0 = no floor, default; platforms use floors of ~100-1000)"`
	FrequencyCap         int     `toml:"frequency_cap" comment:"regulatory frequency cap: at most this many impressions per person in each period of frequency_period steps, 0 to 10000 (0 = none, default); applies on top of campaign.frequency_cap (per step)"`
	FrequencyPeriod      int     `toml:"frequency_period" comment:"length in steps of a frequency_cap period, 1 to 100000 (default 7: a week of daily steps); periods are consecutive blocks starting at step 1"`
	TransparencyLabel    bool    `toml:"transparency_label" comment:"true: every ad says why the person sees it (DSA Art. 26(1)); ads chosen with personal data persuade 1.7 % less (Carrella et al. 2025: -0.03 to -0.06 on ~2.7) and a sensitive reason on the label gives privacy reactance a second chance; default false"`
}

// DefenceParams are the population's defences against manipulation, the
// same for every arm of a run (docs/MODEL-regulation.md, "Prebunking").
type DefenceParams struct {
	PrebunkingShare  float64 `toml:"prebunking_share" limits:"0 1" comment:"share of the population inoculated against manipulation (played Bad News, saw prebunking videos), 0 to 1 (default 0)"`
	PrebunkingEffect float64 `toml:"prebunking_effect" limits:"0 1" comment:"relative reduction of the opinion effect of fear and misinformation ads on inoculated people, 0 to 1 (default 0.2, about 0.4 x Cohen's d: Bad News d = 0.5; prebunking videos and the EU 2024 campaign d = 0.1-0.4)"`
}

// CampaignParams describe what the campaign buys and what it wants
// (docs/MODEL-campaign.md, "Strategies").
type CampaignParams struct {
	Budget        int     `toml:"budget" comment:"impressions bought per step, 0 or more"`
	CPM           float64 `toml:"cpm" comment:"cost per 1000 impressions, in euro (Facebook ~5-20, LITERATURE 4)"`
	Stance        float64 `toml:"stance" comment:"direction the campaign pushes opinion: +1 for, -1 against"`
	Aim           string  `toml:"aim" comment:"what the campaign is for, which decides the metrics tables, cards and charts show (steps.csv keeps every column): \"sale\" (a product or ticket), \"cause\" (a behaviour such as vaccination), \"vote\" (an election: vote share and turnout), or \"\" for every metric (default)"`
	FrequencyCap  int     `toml:"frequency_cap" comment:"most impressions one person gets from the campaign in one step, 1 to 1000, or -1 for no cap (default 5); 0 is an error"`
	PilotSteps    int     `toml:"pilot_steps" limits:"1 1000 steps" comment:"demographic strategy: steps of untargeted pilot before it concentrates on the segments that responded best, 1 to 1000 (default 3)"`
	LookalikeSeed int     `toml:"lookalike_seed" comment:"lookalike strategy: converters (visible to the operator) needed before it builds a lookalike audience, at least 100 as on Meta (default 100)"`
	Interests     int     `toml:"interests" comment:"interests strategy: how many interests it targets, the ones whose pages best predicted conversion in its pilot, 1 to 30 (default 3)"`
	// RetargetWindow: Meta's website custom audiences keep a visitor up to
	// 180 days; the default keeps a clicker as long as the dashboard
	// attributes a sale to the click (attributionWindow, 7 steps)
	// [assumption] (retarget.go; Lambrecht & Tucker 2013, J. Marketing
	// Research 50:561, on retargeting as standard practice).
	RetargetWindow int `toml:"retarget_window" limits:"0 180 steps" comment:"interests strategy: steps after a click during which it shows the ad again, one a step, to a clicker who has not bought and consented to tracking (retargeting with a pixel), 0 to 180 (0 = no retargeting, default 7)"`

	Audience AudienceParams `toml:"audience"`
}

// AudienceParams say whom what the campaign sells speaks to
// (docs/MODEL.md, "Relevance"). Each person's log relevance is a weighted
// sum of standardised terms of their TRUE attributes plus individual noise;
// a weight is the standard deviation that its term adds to log relevance.
// All weights 0 and noise 0: everyone is equally relevant.
type AudienceParams struct {
	AgePeak        float64 `toml:"age_peak" comment:"age in years the offer speaks to most (0 = age does not matter)"`
	AgeWidth       float64 `toml:"age_width" limits:"1 60 years" comment:"years from age_peak at which the age term has fallen by half its range, 1 to 60 (default 12)"`
	AgeWeight      float64 `toml:"age_weight" limits:"0 3; sd of log relevance" comment:"weight of the age term: sd it adds to log relevance, 0 to 3"`
	Gender         string  `toml:"gender" comment:"women, men, or empty (gender does not matter)"`
	GenderWeight   float64 `toml:"gender_weight" limits:"0 3; sd of log relevance" comment:"weight of the gender term, 0 to 3"`
	HomeRegion     int     `toml:"home_region" comment:"region (0 to regions-1) where the offer is; relevance falls with the distance |region - home_region| (Johnson, Lewis & Reiley: proximity); -1 = anywhere"`
	RegionWeight   float64 `toml:"region_weight" limits:"0 3; sd of log relevance" comment:"weight of the region term, 0 to 3"`
	Interests      string  `toml:"interests" comment:"comma-separated names of the interests the offer speaks to (boomerang-cli show lists them in docs/MODEL.md), e.g. \"music and festivals, nightlife\""`
	InterestWeight float64 `toml:"interest_weight" limits:"0 3; sd of log relevance" comment:"weight of the interest term (mean true interest in the named interests), 0 to 3"`
	Ideology       float64 `toml:"ideology" comment:"causes: +1 speaks to the right (conservative ideology, right party), -1 to the left, 0 neither"`
	IdeologyWeight float64 `toml:"ideology_weight" limits:"0 3; sd of log relevance" comment:"weight of the ideology and party term, 0 to 3"`
	Noise          float64 `toml:"noise" limits:"0 3; sd of log relevance" comment:"sd of the individual part of log relevance that no attribute explains, 0 to 3 (default 0.5)"`
}

// ResponseParams calibrate how people respond to one impression
// (docs/MODEL-campaign.md, "Response").
type ResponseParams struct {
	CTR                  float64 `toml:"ctr" limits:"0 1" comment:"probability that an impression is clicked (Facebook average ~0.9 %, LITERATURE 4)"`
	ViewEffect           float64 `toml:"view_effect" limits:"0 1" comment:"opinion shift (on [-1,1]) from an impression that is seen but not clicked"`
	ClickEffect          float64 `toml:"click_effect" limits:"0 1" comment:"opinion shift (on [-1,1]) from a clicked ad, i.e. a full viewing (Coppock et al. 2020: 0.056 on a 5-point scale = 0.028)"`
	WearOut              float64 `toml:"wear_out" comment:"ad stock (recent impressions, decayed) at which an ad's effect and click rate have halved (default 30)"`
	AdstockHalfLife      float64 `toml:"adstock_half_life" comment:"steps after which a person's ad stock has decayed by half, so a pause restores attention, 0.1 to 1e9 (default 7: a week of daily steps; 1e9 = never decays)"`
	ClickConversion      float64 `toml:"click_conversion" limits:"0 1" comment:"probability that a click converts, for a neutral person (Facebook average 9.21 %, LITERATURE 4)"`
	BaselineHazard       float64 `toml:"baseline_hazard" limits:"0 0.5; 2 x hazard is a probability" comment:"per-step probability that a neutral person of average relevance converts without any ad"`
	InMarketClick        float64 `toml:"in_market_click" limits:"0 1" comment:"probability that a person who is about to convert anyway (within a week) clicks an ad of the campaign they see, 0 to 1 (default 0.25; Blake, Nosko & Tadelis 2015: such clicks are what makes attributed conversions overstate)"`
	OpinionElasticity    float64 `toml:"opinion_elasticity" limits:"0 5" comment:"how the conversion hazard (with or without a click) rises with opinion: x exp(elasticity x stance x opinion), 0 to 5 (default 1; 0 = conversions ignore opinion)"`
	Relevance            float64 `toml:"relevance" comment:"strength of relevance (campaign.audience) on click rate, click conversion and the organic hazard: scales log relevance, 0 to 3 (default 1; 0 = everyone equally relevant)"`
	BackfireRate         float64 `toml:"backfire_rate" limits:"0 1" comment:"probability of reactance when a strongly opposed person (opinion -1 against the stance) sees the ad"`
	CongruenceClick      float64 `toml:"congruence_click" limits:"0 1; per sd of the trait" comment:"congruence on the click rate: multiplier exp(g f - g^2/2) for true fit f (sd), mean one, 0 to 1 (default 0.36, calibrated to Matz et al. 2017 study 2; openness appeals use all of it, extraversion none, the other traits half)"`
	CongruenceConversion float64 `toml:"congruence_conversion" limits:"0 1; per sd of the trait" comment:"congruence on conversion per click: multiplier exp(g f - g^2/2), 0 to 1 (default 0.6, calibrated to Matz et al. 2017 study 1; extraversion appeals use all of it, openness none, the other traits half)"`
	CongruenceEffect     float64 `toml:"congruence_effect" limits:"0 1; per sd of the trait" comment:"congruence on the opinion shift: multiplier exp(g f - g^2/2), 0 to 1 (default 0.3; matching raises persuasion, Joyal-Desmarais et al. 2022)"`
	PrivacyBackfire      float64 `toml:"privacy_backfire" limits:"0 1" comment:"probability of reactance when a person with privacy concern 1 sees an ad chosen with a sensitive (GDPR Art. 9) inference; scales with privacy concern, 0 to 1 (default 0.1)"`
	FearEffect           float64 `toml:"fear_effect" limits:"0 1" comment:"fear-toned ads: relative rise of the opinion shift for media literacy 0 (and fall for 1), 0 to 1 (default 0.5)"`
	MisinfoEffect        float64 `toml:"misinformation_effect" limits:"0 1" comment:"misinformation: relative rise of the opinion shift for media literacy 0 (and fall to nothing for 1 at the default), 0 to 1 (default 1)"`
}

// ArmConfig is one arm of the experiment: a strategy run on a twin of the world.
type ArmConfig struct {
	Name       string   `toml:"name" comment:"arm name; the no-campaign arm is called control"`
	Strategy   string   `toml:"strategy" comment:"none, broadcast, demographic, interests, psychographic, lookalike, adaptive or demobilise"`
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
		Regulation: DefaultRegulation(),
		Defence:    DefaultDefence(),
		Campaign:   CampaignParams{Budget: 1000, CPM: 7, Stance: 1, FrequencyCap: 5, PilotSteps: 3, LookalikeSeed: 100, Interests: 3, RetargetWindow: attributionWindow, Audience: DefaultAudience()},
		Response:   DefaultResponse(),
		Arms:       []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "broadcast", Strategy: "broadcast"}},
		Messages:   nil, // the built-in library (message.go), built from campaign.stance
	}
}

// DefaultAudience is an offer that speaks to nobody in particular: no
// attribute matters, and people differ only by the individual noise
// (sd 0.5 of log relevance [assumption]).
func DefaultAudience() AudienceParams {
	return AudienceParams{AgeWidth: 12, HomeRegion: -1, Noise: 0.5}
}
