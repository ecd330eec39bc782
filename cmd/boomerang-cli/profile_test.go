package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCPUProfileFlag: --cpuprofile writes a gzip-compressed pprof profile
// of the command, and the flag stays out of --help.
func TestCPUProfileFlag(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cpu.pprof")
	var out, errb bytes.Buffer
	code := execute([]string{"boomerang-cli", "run", "broadcast-basics", "--agents", "2000", "--steps", "2", "--quiet", "--cpuprofile", path}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := gzip.NewReader(f); err != nil {
		t.Fatalf("profile is not a pprof (gzip) file: %v", err)
	}
	out.Reset()
	if code := execute([]string{"boomerang-cli", "--help"}, &out, &errb); code != 0 || strings.Contains(out.String(), "cpuprofile") {
		t.Fatalf("--help (exit %d) shows the hidden flag:\n%s", code, out.String())
	}
	bad := filepath.Join(t.TempDir(), "no", "such", "dir", "cpu.pprof")
	if code := execute([]string{"boomerang-cli", "list", "--cpuprofile", bad}, &out, &errb); code == 0 {
		t.Fatal("an unwritable --cpuprofile path succeeded")
	}
}
