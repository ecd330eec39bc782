package sim_test

import (
	"reflect"
	"strings"
	"testing"

	"boomerang/scenarios"
)

// A scenario file's [[messages]] and arm options are read strictly: an
// unknown field or value is one line naming the key (and the line).
func TestMessagesInScenarioFile(t *testing.T) {
	head := "[data]\nquiz_share = 0\n[[arms]]\nname = \"control\"\nstrategy = \"none\"\n"
	ok := head + `[[arms]]
name = "psychographic"
strategy = "psychographic"
attributes = ["openness", "extraversion"]

[[messages]]
name = "plain"

[[messages]]
name = "party-animal"
tone = "emotional"
appeal = "extravert"

[[messages]]
name = "curious"
appeal = "high-openness"
`
	cfg, err := scenarios.Parse("ok.toml", []byte(ok))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Messages) != 3 || cfg.Arms[1].Attributes[1] != "extraversion" {
		t.Fatalf("parsed %+v", cfg)
	}
	// The resolved scenario (boomerang-cli show) reads back the same.
	out, err := scenarios.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	again, err := scenarios.Parse("shown.toml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !reflect.DeepEqual(cfg, again) {
		t.Fatalf("round trip changed the scenario:\n%s", out)
	}
	bad := map[string]string{
		head + "[[messages]]\nname = \"a\"\ncolour = \"red\"\n":                  `unknown key "messages.colour"`,
		head + "[[messages]]\nname = \"a\"\ntone = \"sarcastic\"\n":              `messages[0].tone = "sarcastic": unknown`,
		head + "[[messages]]\nname = \"a\"\nappeal = \"vain\"\n":                 `messages[0].appeal = "vain": unknown`,
		head + "[[arms]]\nname = \"x\"\nstrategy = \"mindcontrol\"\n":            `arms[1].strategy = "mindcontrol": unknown`,
		head + "[campaign]\nfrequency_cap = 0\n":                                 "campaign.frequency_cap = 0:",
		head + "[campaign]\nlookalike_seed = 50\n":                               "campaign.lookalike_seed = 50:",
		head + "[campaign]\nbudget = -5\n":                                       "campaign.budget = -5:",
		head + "[[arms]]\nname = \"x\"\nstrategy = \"broadcast\"\nmessage = 3\n": "arms",
	}
	for src, want := range bad {
		_, err := scenarios.Parse("bad.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("got %v, want one line containing %q", err, want)
		}
	}
}
