package sim

import (
	"strings"
	"testing"
)

// Bad campaign input gives one clear line naming the key.
func TestCampaignBadInput(t *testing.T) {
	cases := []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"unknown strategy", func(c *Config) { c.Arms[1].Strategy = "mindcontrol" }, `arms[1].strategy = "mindcontrol": unknown`},
		{"negative budget", func(c *Config) { c.Campaign.Budget = -1 }, "campaign.budget = -1:"},
		{"frequency cap 0", func(c *Config) { c.Campaign.FrequencyCap = 0 }, "campaign.frequency_cap = 0:"},
		{"frequency cap -2", func(c *Config) { c.Campaign.FrequencyCap = -2 }, "campaign.frequency_cap = -2:"},
		{"lookalike seed 99", func(c *Config) { c.Campaign.LookalikeSeed = 99 }, "campaign.lookalike_seed = 99: must be at least 100"},
		{"pilot 0", func(c *Config) { c.Campaign.PilotSteps = 0 }, "campaign.pilot_steps = 0:"},
		{"congruence", func(c *Config) { c.Response.CongruenceClick = 1.5 }, "response.congruence_click = 1.5:"},
		{"privacy backfire", func(c *Config) { c.Response.PrivacyBackfire = -0.1 }, "response.privacy_backfire = -0.1:"},
		{"unknown tone", func(c *Config) { c.Messages = []MessageConfig{{Name: "a", Tone: "sarcastic"}} }, `messages[0].tone = "sarcastic": unknown`},
		{"unknown appeal", func(c *Config) { c.Messages = []MessageConfig{{Name: "a", Appeal: "vain"}} }, `messages[0].appeal = "vain": unknown`},
		{"unknown aim", func(c *Config) { c.Messages = []MessageConfig{{Name: "a", Aim: "confuse"}} }, `messages[0].aim = "confuse": unknown`},
		{"bad stance", func(c *Config) { c.Messages = []MessageConfig{{Name: "a", Stance: 2}} }, "messages[0].stance = 2:"},
		{"no name", func(c *Config) { c.Messages = []MessageConfig{{Tone: "fear"}} }, `messages[0].name = "": every message needs a name`},
		{"duplicate name", func(c *Config) { c.Messages = []MessageConfig{{Name: "a"}, {Name: "a"}} }, `messages[1].name = "a": message names must be unique`},
		{"unknown arm message", func(c *Config) { c.Arms[1].Message = "nope" }, `arms[1].message = "nope": no message of that name`},
		{"message for psychographic", func(c *Config) { c.Arms[1] = ArmConfig{Name: "p", Strategy: "psychographic", Message: "generic"} }, `arms[1].message = "generic": strategy psychographic does not take`},
		{"wrong aim", func(c *Config) { c.Arms[1].Message = "discourage" }, `arms[1].message = "discourage": strategy broadcast needs a message with aim persuade`},
		{"bad attribute", func(c *Config) {
			c.Arms[1] = ArmConfig{Name: "p", Strategy: "psychographic", Attributes: []string{"shoe size"}}
		}, `arms[1].attributes = "shoe size": entry 1: strategy psychographic accepts`},
		{"attribute for broadcast", func(c *Config) { c.Arms[1].Attributes = []string{"age"} }, `arms[1].attributes = "age": entry 1: strategy broadcast uses no personal attributes`},
		{"demobilise without message", func(c *Config) {
			c.Messages = []MessageConfig{{Name: "a"}}
			c.Arms[1] = ArmConfig{Name: "d", Strategy: "demobilise"}
		}, `arms[1].strategy = "demobilise": the message library has no message with aim demobilise`},
	}
	for _, tc := range cases {
		c := DefaultConfig()
		c.Data.QuizShare = 0
		tc.edit(&c)
		err := c.Validate()
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: got %v, want one line starting %q", tc.name, err, tc.want)
		}
	}
	c := DefaultConfig()
	c.Data.QuizShare = 0
	c.Campaign.FrequencyCap = -1
	c.Messages = []MessageConfig{{Name: "plain"}, {Name: "scare", Tone: "fear", Appeal: "fear-security"}, {Name: "lie", Tone: "misinformation", Stance: -1}}
	c.Arms = append(c.Arms, ArmConfig{Name: "s", Strategy: "broadcast", Message: "scare"})
	if err := c.Validate(); err != nil {
		t.Fatalf("valid campaign rejected: %v", err)
	}
	lib := MessageLibrary(c)
	if lib[0].Stance != 1 || lib[0].Tone != ToneInformative || lib[0].Aim != AimPersuade || lib[2].Stance != -1 {
		t.Errorf("defaults not applied: %+v", lib)
	}
}

// The built-in library: a generic ad first, one per appeal, one
// demobilising ad, all with the campaign's stance.
func TestDefaultMessageLibrary(t *testing.T) {
	c := DefaultConfig()
	c.Campaign.Stance = -1
	lib := MessageLibrary(c)
	if lib[0].Name != "generic" || lib[0].pole != 0 || len(lib) != 2+len(Appeals()) {
		t.Fatalf("library: %+v", lib)
	}
	for _, m := range lib {
		if m.Stance != -1 {
			t.Errorf("%s: stance %v", m.Name, m.Stance)
		}
		if m.Tone == ToneMisinformation {
			t.Errorf("%s: the built-in library must not lie", m.Name)
		}
		if _, _, ok := appealTrait(m.Appeal); !ok {
			t.Errorf("%s: bad appeal", m.Name)
		}
	}
}
