package scenarios

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"boomerang/sim"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/errors/*.err from the current messages")

// Every built-in has a complete bilingual story with 3 to 6 steps, every
// step resolves, and every campaign has control and broadcast arms.
func TestBuiltinStories(t *testing.T) {
	for _, info := range List() {
		cfg, err := Builtin(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		st := cfg.Story
		if info.Name == "targeting-showdown" || info.Name == "broadcast-basics" {
			if st.IsZero() {
				continue // older built-ins without a story are allowed
			}
		}
		if st.TitleEN == "" || st.TitleNL == "" || st.SummaryEN == "" || st.SummaryNL == "" {
			t.Errorf("%s: story lacks a title or summary in English or Dutch", info.Name)
		}
		if n := len(st.Steps); n < 3 || n > 6 {
			t.Errorf("%s: %d story steps, want 3 to 6", info.Name, n)
		}
		for i, s := range st.Steps {
			if s.TextEN == "" || s.TextNL == "" || s.QuestionEN == "" || s.QuestionNL == "" {
				t.Errorf("%s: step %d lacks a text or question in English or Dutch", info.Name, i+1)
			}
		}
		for k := 0; k <= len(st.Steps); k++ {
			if _, err := StepConfig(cfg, k); err != nil {
				t.Errorf("%s: %v", info.Name, err)
			}
		}
		if cfg.Campaign.Budget > 0 {
			arms := map[string]string{}
			for _, a := range cfg.Arms {
				arms[a.Name] = a.Strategy
			}
			if arms["control"] != "none" || arms["broadcast"] != "broadcast" {
				t.Errorf("%s: a campaign scenario needs control and broadcast arms, has %v", info.Name, arms)
			}
		}
	}
}

func TestStepConfigIsCumulative(t *testing.T) {
	src := `[population]
size = 1000
[data]
quiz_share = 0.0
[story]
title_en = "t"
[[story.steps]]
text_en = "one"
set = { "campaign.budget" = 5000, influence = { epsilon = 0.5 } }
[[story.steps]]
text_nl = "twee"
set = { steps = 7 }
`
	cfg, err := Parse("s.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Story.Steps[0].Set; len(got) != 2 || got["influence.epsilon"] != 0.5 {
		t.Fatalf("nested set not flattened to dotted keys: %v", got)
	}
	c0, _ := StepConfig(cfg, 0)
	c2, err := StepConfig(cfg, 2)
	if err != nil {
		t.Fatal(err)
	}
	if c0.Campaign.Budget != cfg.Campaign.Budget || c2.Campaign.Budget != 5000 || c2.Influence.Epsilon != 0.5 || c2.Steps != 7 {
		t.Fatalf("step configs: %+v %+v", c0.Campaign, c2)
	}
	if _, err := StepConfig(cfg, 3); err == nil {
		t.Fatal("step 3 of 2 accepted")
	}
	// the story survives show → parse
	data, err := Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("shown.toml", data)
	if err != nil || len(back.Story.Steps) != 2 || back.Story.Steps[1].TextNL != "twee" {
		t.Fatalf("story round trip: %v %+v", err, back.Story)
	}
	// without a story, show writes no [story]
	plain, _ := Marshal(sim0())
	if strings.Contains(string(plain), "[story]") {
		t.Fatal("empty story marshalled")
	}
}

// Golden one-line messages for bad input: testdata/errors/NAME.toml and
// the expected message in NAME.err (regenerate with -update-golden).
func TestGoldenErrors(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.toml")
	if len(files) < 10 {
		t.Fatalf("only %d golden error cases", len(files))
	}
	for _, f := range files {
		_, err := ReadFile(f)
		if err == nil {
			t.Errorf("%s: accepted", f)
			continue
		}
		got := err.Error()
		if strings.Contains(got, "\n") {
			t.Errorf("%s: message spans lines: %q", f, got)
		}
		golden := strings.TrimSuffix(f, ".toml") + ".err"
		if *updateGolden {
			os.WriteFile(golden, []byte(got+"\n"), 0o644)
			continue
		}
		want, rerr := os.ReadFile(golden)
		if rerr != nil {
			t.Errorf("%s: %v (run with -update-golden)", f, rerr)
			continue
		}
		if got != strings.TrimSpace(string(want)) {
			t.Errorf("%s:\n got %s\nwant %s", f, got, want)
		}
	}
}

// A 50 MB file is refused by size before it is read or parsed.
func TestHugeFileRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.toml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	line := []byte("# " + strings.Repeat("x", 1021) + "\n")
	for i := 0; i < 50<<10; i++ {
		f.Write(line)
	}
	f.Close()
	_, err = ReadFile(path)
	want := path + ": file is 52428800 bytes; a scenario file may be at most 1048576 bytes (1 MiB)"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("got %v, want prefix %q", err, want)
	}
	// and from memory (the app's open dialog) too
	_, err = Parse("mem.toml", make([]byte, MaxFileSize+1))
	if err == nil || !strings.Contains(err.Error(), "at most 1048576 bytes") {
		t.Fatalf("got %v", err)
	}
}

func sim0() sim.Config { return sim.DefaultConfig() }
