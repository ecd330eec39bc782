package scenarios

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"boomerang/sim"
)

func TestBuiltinsParseAndRoundTrip(t *testing.T) {
	list := List()
	if len(list) < 2 {
		t.Fatalf("expected at least 2 built-in scenarios, got %v", list)
	}
	for _, info := range list {
		cfg, err := Builtin(info.Name)
		if err != nil {
			t.Fatalf("%s: %v", info.Name, err)
		}
		if cfg.Name != info.Name {
			t.Errorf("%s: name key is %q, want the file name", info.Name, cfg.Name)
		}
		if cfg.Arms[0].Name != "control" || cfg.Arms[0].Strategy != "none" {
			t.Errorf("%s: first arm is %+v, want the control arm", info.Name, cfg.Arms[0])
		}
		// show prints a file that validate accepts and that resolves to the same config.
		data, err := Marshal(cfg)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse("shown.toml", data)
		if err != nil {
			t.Fatalf("%s: show output does not parse: %v\n%s", info.Name, err, data)
		}
		if !reflect.DeepEqual(cfg, back) {
			t.Errorf("%s: show → parse changed the config:\n%+v\n%+v", info.Name, cfg, back)
		}
	}
	if _, err := Default(); err != nil {
		t.Fatal(err)
	}
}

func TestParseErrorsNameFileLineAndKey(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"unknown key", "steps = 10\n[population]\nsize = 100\nsizee = 5\n",
			`bad.toml:4:1: unknown key "population.sizee"`},
		{"out of range", "steps = 10\n[population]\nsize = -5\n",
			"bad.toml:3: population.size = -5: must be between 1 and 2000000"},
		{"epsilon zero", "[influence]\nmodel = \"deffuant\"\nepsilon = 0\n",
			"bad.toml:3: influence.epsilon = 0: must be above 0"},
		{"degree too big", "[population]\nsize = 10\n[network]\nkind = \"random\"\ndegree = 20\n",
			"bad.toml:5: network.degree = 20: must be above 0 and below population.size (10)"},
		{"unknown model", "[influence]\nmodel = \"deffaunt\"\n",
			`bad.toml:2: influence.model = "deffaunt": unknown (allowed: [none degroot friedkin-johnsen deffuant hegselmann-krause voter algorithmic-bias])`},
		{"wrong type", "steps = \"ten\"\n", "bad.toml:1"},
		{"syntax", "steps = = 3\n", "bad.toml:1"},
		{"arm strategy", "[[arms]]\nname = \"a\"\nstrategy = \"broadcast\"\n[[arms]]\nname = \"b\"\nstrategy = \"psychic\"\n",
			`bad.toml:6: arms[1].strategy = "psychic": unknown`},
	}
	for _, c := range cases {
		_, err := Parse("bad.toml", []byte(c.src))
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s:\n got %q\nwant prefix %q", c.name, err, c.want)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error spans lines: %q", c.name, err)
		}
	}
}

func TestControlArmAddedWhenMissing(t *testing.T) {
	cfg, err := Parse("x.toml", []byte("[[arms]]\nname = \"broadcast\"\nstrategy = \"broadcast\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Arms) != 2 || cfg.Arms[0].Name != "control" || cfg.Arms[1].Name != "broadcast" {
		t.Fatalf("arms = %+v", cfg.Arms)
	}
}

func TestSet(t *testing.T) {
	cfg := sim.DefaultConfig()
	err := ApplySets(&cfg, []string{"population.size=500", "data.quiz_share=0", "influence.model=deffuant", "influence.epsilon=0.25",
		"network.kind=small-world", "opinion.initial=uniform", "steps=3", "seed=99", "campaign.budget=10"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Population.Size != 500 || cfg.Influence.Model != "deffuant" || cfg.Influence.Epsilon != 0.25 ||
		cfg.Network.Kind != "small-world" || cfg.Opinion.Initial != "uniform" || cfg.Steps != 3 || cfg.Seed != 99 {
		t.Fatalf("sets not applied: %+v", cfg)
	}
	bad := map[string]string{
		"population.sizee=5":     `--set unknown key "population.sizee" (allowed: `,
		"population.size=-5":     "--set: population.size = -5: must be between 1 and 2000000",
		"population.size=lots":   `--set population.size = "lots": not a whole number`,
		"influence.epsilon=0":    "--set: influence.epsilon = 0: must be above 0",
		"influence.model=magic":  `--set: influence.model = "magic": unknown (allowed:`,
		"network.degree=1000000": "--set: network.degree = 1e+06: must be above 0 and below population.size",
		"steps":                  `--set "steps": expected key=value`,
	}
	for in, want := range bad {
		c := sim.DefaultConfig()
		err := ApplySets(&c, []string{in})
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("--set %s: got %v, want prefix %q", in, err, want)
		}
	}
}

func TestKeysCoverContract(t *testing.T) {
	have := map[string]bool{}
	for _, k := range Keys() {
		have[k.Name] = true
		if k.Doc == "" {
			t.Errorf("key %s has no documentation (comment tag)", k.Name)
		}
	}
	for _, k := range []string{"population.size", "network.kind", "network.degree", "influence.model",
		"influence.epsilon", "influence.mu", "influence.gamma", "influence.stubbornness",
		"opinion.initial", "steps", "seed", "campaign.budget"} {
		if !have[k] {
			t.Errorf("contract key %s missing", k)
		}
	}
}

func TestLoadUnknownBuiltin(t *testing.T) {
	_, err := Load("no-such-scenario")
	if err == nil || !strings.Contains(err.Error(), "broadcast-basics") {
		t.Fatalf("want an error listing the built-ins, got %v", err)
	}
	_, err = Load("/nonexistent/x.toml")
	if err == nil || !strings.HasPrefix(err.Error(), "/nonexistent/x.toml: cannot read scenario") {
		t.Fatalf("got %v", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, i := range List() {
		src, _ := BuiltinSource(i.Name)
		f.Add(src)
	}
	f.Add([]byte("[population]\nsize = 3\n[[arms]]\nname=\"x\"\nstrategy=\"none\"\n"))
	f.Add([]byte("[population]\nsize = 30\n[data]\nquiz_share = 0.0\n[story]\ntitle_en = \"t\"\n[[story.steps]]\ntext_en = \"a\"\nset = { \"campaign.budget\" = 5, influence = { epsilon = 0.5 } }\n"))
	f.Add([]byte("[story]\n[[story.steps]]\ntext_nl = \"\"\"\nx\\\n y\"\"\"\nset = { steps = 2.5 }\n"))
	if errs, _ := filepath.Glob("testdata/errors/*.toml"); len(errs) > 0 {
		for _, e := range errs {
			if data, err := os.ReadFile(e); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("fuzz.toml", data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error: %q", err)
			}
			return
		}
		if err := cfg.Validate(); err != nil {
			t.Fatalf("Parse accepted an invalid config: %v", err)
		}
		out, err := Marshal(cfg)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if _, err := Parse("again.toml", out); err != nil {
			t.Fatalf("round trip failed: %v\n%s", err, out)
		}
	})
}

func FuzzSet(f *testing.F) {
	f.Add("population.size=100")
	f.Add("influence.epsilon=0.3")
	f.Add("network.kind=random")
	f.Fuzz(func(t *testing.T, a string) {
		cfg := sim.DefaultConfig()
		if err := ApplySets(&cfg, []string{a}); err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error: %q", err)
			}
			return
		}
		if err := cfg.Validate(); err != nil {
			t.Fatalf("accepted invalid: %v", err)
		}
	})
}
