package scenarios_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"boomerang/batch"
	"boomerang/scenarios"
	"boomerang/sim"
)

// show X > f.toml && run f.toml reproduces run X byte for byte: steps.csv
// of the built-in config equals that of Parse(Marshal(config)), for every
// built-in (shrunk with --set-style overrides to stay fast).
func TestShowRunReproduces(t *testing.T) {
	for _, info := range scenarios.List() {
		cfg, err := scenarios.Builtin(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		sets := []string{"population.size=3000", "steps=4", "opinion.burn_in=2"}
		if cfg.Network.Kind == "file" {
			sets = sets[1:] // population.size follows the network file
		}
		if cfg.Data.QuizShare > 0 {
			sets = append(sets, "data.quiz_share=0.02")
		}
		if err := scenarios.ApplySets(&cfg, sets); err != nil {
			t.Fatalf("%s: %v", info.Name, err)
		}
		// The story is checked against the full-size scenario (it may need
		// the full population, e.g. for a small quiz) and never changes a run;
		// TestBuiltinsParseAndRoundTrip round-trips it at full size.
		cfg.Story = sim.Story{}
		shown, err := scenarios.Marshal(cfg)
		if err != nil {
			t.Fatal(err)
		}
		back, err := scenarios.Parse("shown.toml", shown)
		if err != nil {
			t.Fatalf("%s: show output rejected: %v", info.Name, err)
		}
		a := runSteps(t, cfg, shown)
		b := runSteps(t, back, shown)
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: steps.csv differs between the built-in and its show output", info.Name)
		}
	}
}

func runSteps(t *testing.T, cfg sim.Config, resolved []byte) []byte {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out")
	opt := batch.Options{Config: cfg, Reps: 1, Workers: 2}
	if _, _, err := batch.RunToDir(context.Background(), dir, opt, batch.Meta{Scenario: cfg.Name, Resolved: resolved}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "steps.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
