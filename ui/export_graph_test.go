package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
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
