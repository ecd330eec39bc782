package datafile

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A name not found in the directory falls back to the built-in data
// files; a file of that name in the directory wins.
func TestOpenBuiltinFallback(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, "karate-club.edges")
	if err != nil || s.Name != "builtin:karate-club.edges" || s.Size < 500 {
		t.Fatalf("built-in fallback: %+v, %v", s, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "karate-club.edges"), []byte("a b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir, "karate-club.edges")
	if err != nil || s.Name != filepath.Join(dir, "karate-club.edges") || s.Size != 4 {
		t.Fatalf("the directory's own file: %+v, %v", s, err)
	}
	if !slices.Contains(Builtin(), "karate-club.edges") {
		t.Errorf("Builtin() = %v", Builtin())
	}
}

// Directories, devices and missing files are refused with one line
// naming them.
func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ dir, path, want string }{
		{dir, ".", "is a directory"},
		{"", "/dev/null", "is not a regular file"},
		{dir, "nowhere.csv", "nowhere.csv: cannot read: no such file"},
		{dir, " ", "no file named"},
	} {
		_, err := Open(c.dir, c.path)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("Open(%q): %v, want one line with %q", c.path, err, c.want)
		}
	}
}

// Fields splits on the separator, trims spaces and one pair of quotes.
func TestFields(t *testing.T) {
	for _, c := range []struct {
		text string
		sep  byte
		want []string
	}{
		{"  a \t b  c ", 0, []string{"a", "b", "c"}},
		{` "a ""x""" , b,`, ',', []string{`a "x"`, "b", ""}},
		{"a\t b \t", '\t', []string{"a", "b", ""}},
	} {
		var got []string
		for _, f := range Fields(nil, []byte(c.text), c.sep) {
			got = append(got, string(f))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Fields(%q, %q) = %q, want %q", c.text, c.sep, got, c.want)
		}
	}
}
