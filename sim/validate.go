package sim

import (
	"fmt"
	"slices"
	"strings"

	"boomerang/sim/footprint"
	"boomerang/sim/influence"
	"boomerang/sim/limits"
	"boomerang/sim/network"
	"boomerang/sim/population"
)

// FieldError is a bad value in a Config: Key is the dotted TOML key
// (e.g. "influence.epsilon"), Msg says what is allowed.
type FieldError struct {
	Key   string
	Value any
	Msg   string
}

func (e *FieldError) Error() string {
	if s, ok := e.Value.(string); ok {
		return fmt.Sprintf("%s = %q: %s", e.Key, s, e.Msg)
	}
	return fmt.Sprintf("%s = %v: %s", e.Key, e.Value, e.Msg)
}

// MaxSteps bounds scenario length; a year of daily steps fits many times.
const MaxSteps = 100_000

// Validate checks every value of c and returns the first problem as a
// *FieldError naming the key, or nil.
func (c *Config) Validate() error {
	n := c.Population.Size
	if n < 1 || n > population.MaxSize {
		return bad("population.size", n, "must be between 1 and %d", population.MaxSize)
	}
	if err := checkLimits(c.Population, "population."); err != nil {
		return err
	}
	switch {
	case c.Steps < 0 || c.Steps > MaxSteps:
		return bad("steps", c.Steps, "must be between 0 and %d", MaxSteps)
	case !slices.Contains(network.Kinds(), c.Network.Kind) && c.Network.Kind != network.KindFile:
		return bad("network.kind", c.Network.Kind, "unknown (allowed: %v or %s)", network.Kinds(), network.KindFile)
	case c.Network.Kind == network.KindFile && c.Network.Path == "":
		return bad("network.path", c.Network.Path, "network.kind = file needs the file: an edge list or GraphML, relative to the scenario file")
	case !network.DegreeFits(c.Network.Kind, c.Network.Degree, n):
		return bad("network.degree", c.Network.Degree, "must be above 0 and below population.size (%d)", n)
	}
	if err := checkLimits(c.Network, "network."); err != nil {
		return err
	}
	switch {
	case c.Network.Kind == "complete" && n > 5000 && c.Influence.Model == "algorithmic-bias":
		return bad("network.kind", c.Network.Kind, "algorithmic-bias on a complete graph costs O(N) per encounter: use at most 5000 agents or a sparse network")
	case !slices.Contains(OpinionKinds(), c.Opinion.Initial):
		return bad("opinion.initial", c.Opinion.Initial, "unknown (allowed: %v)", OpinionKinds())
	}
	if err := checkLimits(c.Opinion, "opinion."); err != nil {
		return err
	}
	switch {
	case c.Opinion.BurnIn < 0 || c.Opinion.BurnIn > MaxSteps:
		return bad("opinion.burn_in", c.Opinion.BurnIn, "must be between 0 and %d", MaxSteps)
	case !slices.Contains(influence.Names(), c.Influence.Model):
		return bad("influence.model", c.Influence.Model, "unknown (allowed: %v)", influence.Names())
	}
	if err := checkLimits(c.Influence, "influence."); err != nil {
		return err
	}
	switch {
	case c.Campaign.Budget < 0 || c.Campaign.Budget > 100*n:
		return bad("campaign.budget", c.Campaign.Budget, "must be between 0 and 100 x population.size (%d)", 100*n)
	case !(c.Campaign.CPM >= 0 && c.Campaign.CPM < 1e6):
		return bad("campaign.cpm", c.Campaign.CPM, "must be 0 or more (euro per 1000 impressions)")
	case !slices.Contains(CampaignAims(), c.Campaign.Aim):
		return bad("campaign.aim", c.Campaign.Aim, "must be \"sale\", \"cause\", \"vote\" or \"\" (every metric)")
	case c.Campaign.Stance != 1 && c.Campaign.Stance != -1:
		return bad("campaign.stance", c.Campaign.Stance, "must be 1 (for) or -1 (against)")
	case c.Campaign.FrequencyCap == 0:
		return bad("campaign.frequency_cap", c.Campaign.FrequencyCap, "0 would forbid every impression: use 1 to 1000 impressions per person per step, or -1 for no cap")
	case c.Campaign.FrequencyCap < -1 || c.Campaign.FrequencyCap > 1000:
		return bad("campaign.frequency_cap", c.Campaign.FrequencyCap, "must be between 1 and 1000 impressions per person per step, or -1 for no cap")
	case c.Campaign.LookalikeSeed < 100 || c.Campaign.LookalikeSeed > population.MaxSize:
		return bad("campaign.lookalike_seed", c.Campaign.LookalikeSeed, "must be at least 100 people (Meta's minimum source audience) and at most %d", population.MaxSize)
	}
	if err := checkLimits(c.Campaign, "campaign."); err != nil { // pilot_steps, audience weights
		return err
	}
	if err := checkLimits(c.Response, "response."); err != nil {
		return err
	}
	switch {
	case !(c.Response.WearOut > 0 && c.Response.WearOut < 1e9):
		return bad("response.wear_out", c.Response.WearOut, "must be above 0 (ad stock, in impressions)")
	case !(c.Response.AdstockHalfLife >= 0.1 && c.Response.AdstockHalfLife <= 1e9):
		return bad("response.adstock_half_life", c.Response.AdstockHalfLife, "must be between 0.1 and 1e9 steps (1e9: the stock never decays)")
	case c.Campaign.Interests < 1 || c.Campaign.Interests > footprint.NumInterests:
		return bad("campaign.interests", c.Campaign.Interests, "must be between 1 and %d", footprint.NumInterests)
	case len(c.Arms) == 0:
		return bad("arms", 0, "at least one arm is needed")
	}
	if err := checkAudience(c); err != nil {
		return err
	}
	if err := checkRegulation(c); err != nil {
		return err
	}
	if err := checkMessages(c); err != nil {
		return err
	}
	msgs := MessageLibrary(*c)
	if err := c.Data.Check(c.Regulation.ConsentRate); err != nil {
		return keyedError(err)
	}
	seen := map[string]bool{}
	for i, a := range c.Arms {
		key := fmt.Sprintf("arms[%d]", i)
		if a.Name == "" {
			return bad(key+".name", a.Name, "every arm needs a name")
		}
		if seen[a.Name] {
			return bad(key+".name", a.Name, "arm names must be unique")
		}
		seen[a.Name] = true
		if !slices.Contains(StrategyNames(), a.Strategy) {
			return bad(key+".strategy", a.Strategy, "unknown (allowed: %v)", StrategyNames())
		}
		if err := checkArm(key, a, msgs); err != nil {
			return err
		}
	}
	return nil
}

// checkLimits returns the first parameter of the section s (keys after
// prefix, e.g. "response.") outside the limits declared in its struct
// tag (package sim/limits), as a *FieldError with the tag's rule. Limits
// that depend on other values or on named constants stay in code:
// population.size and campaign.lookalike_seed (population.MaxSize),
// steps, opinion.burn_in and regulation.frequency_period (MaxSteps),
// network.degree (population.size), campaign.budget (100 x
// population.size), campaign.interests (footprint.NumInterests),
// regulation.min_audience and regulation.frequency_cap, data.pages,
// data.platform_users and data.components (footprint's Min/Max
// constants). Keys whose rule is more than a range stay in code too:
// campaign.cpm, campaign.frequency_cap, response.wear_out,
// response.adstock_half_life, response.relevance,
// campaign.audience.age_peak, home_region and ideology.
func checkLimits(s any, prefix string) error {
	if f, v, found := limits.Violation(s, prefix); found {
		return bad(f.Key, v, "%s", f.Rule())
	}
	return nil
}

// EnsureControl adds a control arm (strategy none) at the front if the
// config has none, so every run can report effects against control.
func (c *Config) EnsureControl() {
	for _, a := range c.Arms {
		if IsControl(a.Strategy) {
			return
		}
	}
	c.Arms = append([]ArmConfig{{Name: "control", Strategy: "none"}}, c.Arms...)
}

// keyedError turns a "key = value: message" error from a subpackage into a
// *FieldError, so that scenario errors can point at the key's line.
func keyedError(err error) error {
	key, rest, ok := strings.Cut(err.Error(), " = ")
	if !ok || strings.ContainsAny(key, " :") {
		return err
	}
	value, msg, ok := strings.Cut(rest, ": ")
	if !ok {
		return err
	}
	return &FieldError{Key: key, Value: rawValue(value), Msg: msg}
}

// rawValue prints a value exactly as it was formatted by the subpackage.
type rawValue string

func (v rawValue) String() string { return string(v) }
