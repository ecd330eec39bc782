package batch

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// WriteDir commits what fill wrote only when fill succeeds; a failed fill
// leaves the destination as it was and no staging directory behind.
func TestWriteDirCommitsOrLeavesNothing(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "out")
	boom := errors.New("boom")
	err := WriteDir(dest, func(o *OutDir) error {
		if err := o.WriteFile("a.csv", []byte("x\n")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error = %v, want fill's", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Fatalf("failed fill left %d entries (first %s)", len(entries), entries[0].Name())
	}
	if err := WriteDir(dest, func(o *OutDir) error { return o.WriteFile("a.csv", []byte("y\n")) }); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dest, "a.csv")); err != nil || string(b) != "y\n" {
		t.Fatalf("committed a.csv = %q, %v", b, err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Fatalf("after commit %d entries in the parent, want only out", len(entries))
	}
}
