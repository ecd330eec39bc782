package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"boomerang/batch"
	"boomerang/scenarios"
)

// The app's network export at step 3 of karate-club is byte for byte the
// CLI's --graph export of the same scenario run for 3 steps.
func TestExportGraphMatchesCLI(t *testing.T) {
	u, q := newTestApp(t)
	waitFor(t, q, "step 0", func() bool { _, ok := u.Snapshot(); return ok })
	if err := u.LoadBuiltin("karate-club"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, q, "the karate club", func() bool {
		s, ok := u.Snapshot()
		return ok && s.World != nil && s.World.Config.Name == "karate-club"
	})
	for range 3 {
		test.Tap(u.step)
	}
	waitFor(t, q, "step 3", func() bool { return step(u) == 3 })
	dir := t.TempDir()
	for _, format := range []string{"graphml", "gexf"} {
		path := filepath.Join(dir, "app."+format)
		if err := u.ExportGraph(format, path); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := scenarios.Builtin("karate-club")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Steps = 3
		out := filepath.Join(dir, "cli-"+format)
		if _, _, err := batch.RunToDir(context.Background(), out, batch.Options{Config: cfg, Reps: 1, Graph: format}, batch.Meta{}); err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(out, batch.GraphFile(format)))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) < 1000 || !bytes.Equal(got, want) {
			t.Errorf("%s: the app's export (%d bytes) differs from the CLI's (%d bytes)", format, len(got), len(want))
		}
	}
}

// A scenario opened from a folder finds the network file next to it.
func TestOpenScenarioFindsItsNetworkFile(t *testing.T) {
	u, q := newTestApp(t)
	waitFor(t, q, "step 0", func() bool { _, ok := u.Snapshot(); return ok })
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "trio.edges"), []byte("a b\nb c\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	text := "name = \"trio\"\nsteps = 2\n[network]\nkind = \"file\"\npath = \"trio.edges\"\n[data]\nquiz_share = 0.0\n[campaign]\nbudget = 5\n"
	if err := u.OpenScenario("trio.toml", strings.NewReader(text)); err == nil {
		t.Error("opened without its folder, trio.edges should not be found in the working directory")
	}
	if err := u.OpenScenarioIn("trio.toml", dir, strings.NewReader(text)); err != nil {
		t.Fatal(err)
	}
	if c := u.Config(); c.Population.Size != 3 || c.DataDir != dir {
		t.Errorf("size %d, data dir %q; want 3 people from %s", c.Population.Size, c.DataDir, dir)
	}
}
