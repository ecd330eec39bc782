package sim

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"boomerang/sim/footprint"
	"boomerang/sim/limits"
)

// Config.Validate refuses network.rewire and network.homophily by the
// limits declared next to the parameters (package sim/limits), with the
// same message as the network builder's check.
func TestValidateNetworkLimits(t *testing.T) {
	for _, tc := range []struct {
		set  func(*Config)
		want string
	}{
		{func(c *Config) { c.Network.Rewire = 1.5 }, "network.rewire = 1.5: must be between 0 and 1"},
		{func(c *Config) { c.Network.Homophily = -0.25 }, "network.homophily = -0.25: must be between 0 and 1"},
	} {
		c := DefaultConfig()
		tc.set(&c)
		if err := c.Validate(); err == nil || err.Error() != tc.want {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
	c := DefaultConfig()
	c.Network.Rewire, c.Network.Homophily = 1, 0
	if err := c.Validate(); err != nil {
		t.Errorf("values at the limits refused: %v", err)
	}
}

// Every parameter with a limits tag is checked by Validate by that tag,
// at both ends: just outside is refused with the key and the tag's rule,
// the limit itself is accepted (just above it for an open low end).
func TestValidateDeclaredLimits(t *testing.T) {
	fields := limits.Fields(reflect.TypeFor[Config](), "")
	declared := map[string]bool{}
	for _, f := range fields {
		declared[f.Key] = true
	}
	for _, key := range []string{"population.regions", "network.rewire", "network.homophily",
		"opinion.mean", "opinion.spread", "influence.epsilon", "influence.mu", "influence.gamma",
		"influence.stubbornness", "response.ctr", "response.baseline_hazard", "response.congruence_effect",
		"response.misinformation_effect", "regulation.consent_rate", "defence.prebunking_effect",
		"population.minors_share", "data.quiz_share", "campaign.pilot_steps",
		"campaign.audience.age_width", "campaign.audience.age_weight", "campaign.audience.noise"} {
		if !declared[key] {
			t.Errorf("%s declares no limits", key)
		}
	}
	for _, f := range fields {
		if strings.HasSuffix(f.Key, "_weight") && f.Hi != relevanceMaxWeight {
			t.Errorf("%s: at most %v, response.relevance at most %v", f.Key, f.Hi, relevanceMaxWeight)
		}
	}
	for _, f := range fields {
		isInt := reflect.ValueOf(DefaultConfig()).FieldByIndex(f.Index).CanInt()
		eps := 1e-6 * math.Max(1, math.Max(math.Abs(f.Lo), math.Abs(f.Hi)))
		if isInt {
			eps = 1
		}
		try := func(x float64) error {
			c := DefaultConfig()
			if f.Key == "data.quiz_share" { // quiz takers must stay within 50 to 20,000
				c.Data.PlatformUsers = footprint.MinPlatformUsers
			}
			v := reflect.ValueOf(&c).Elem().FieldByIndex(f.Index)
			if isInt {
				v.SetInt(int64(x))
			} else {
				v.SetFloat(x)
			}
			return c.Validate()
		}
		lo := f.Lo
		if f.OpenLo {
			if err := try(f.Lo); !refused(err, f) {
				t.Errorf("%s = %v (open low end): got %v, want refused", f.Key, f.Lo, err)
			}
			lo = f.Lo + eps
		} else if err := try(f.Lo - eps); !refused(err, f) {
			t.Errorf("%s = %v: got %v, want refused", f.Key, f.Lo-eps, err)
		}
		if err := try(f.Hi + eps); !refused(err, f) {
			t.Errorf("%s = %v: got %v, want refused", f.Key, f.Hi+eps, err)
		}
		for _, x := range []float64{lo, f.Hi} {
			if err := try(x); err != nil {
				t.Errorf("%s = %v (within its limits) refused: %v", f.Key, x, err)
			}
		}
	}
}

// refused reports whether err is Validate's error for f with f's rule.
func refused(err error, f limits.Field) bool {
	fe, ok := err.(*FieldError)
	return ok && fe.Key == f.Key && fe.Msg == f.Rule()
}
