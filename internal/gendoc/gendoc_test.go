package gendoc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Sync reports a stale part, rewrites only between the markers with
// update, and then finds the file in step.
func TestSync(t *testing.T) {
	path := filepath.Join(t.TempDir(), "doc.md")
	os.WriteFile(path, []byte("intro\n<!-- B -->\nold\n<!-- E -->\nend\n"), 0o644)
	if err := Sync(path, "<!-- B -->\n", "<!-- E -->", "new\n", false, "go test -update"); err == nil || !strings.Contains(err.Error(), "go test -update") {
		t.Fatalf("stale part: %v", err)
	}
	if err := Sync(path, "<!-- B -->\n", "<!-- E -->", "new\n", true, ""); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "intro\n<!-- B -->\nnew\n<!-- E -->\nend\n" {
		t.Fatalf("rewritten: %q", b)
	}
	if err := Sync(path, "<!-- B -->\n", "<!-- E -->", "new\n", false, ""); err != nil {
		t.Fatalf("in step: %v", err)
	}
}
