package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoTaggedTests: every test file of the package builds without build
// tags, so that a plain `go test ./ui/...` runs all of them (issue 20:
// six files carried `//go:build ci` and were skipped silently). The
// package needs no tag: only a package importing fyne.io/fyne/v2/app
// (cmd/boomerang) needs -tags ci to build without cgo.
func TestNoTaggedTests(t *testing.T) {
	files, err := filepath.Glob("*_test.go")
	if err != nil || len(files) < 10 {
		t.Fatalf("found %d test files (%v)", len(files), err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.SplitN(string(src), "\n", 5)[:4] {
			if strings.HasPrefix(line, "//go:build") {
				t.Errorf("%s has %q: a plain go test skips it", f, line)
			}
		}
	}
}
