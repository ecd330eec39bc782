package network

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"boomerang/sim/datafile"
)

// fuzzImport imports data as a file called name: it must return a valid
// graph or a one-line error naming the file, never panic.
func fuzzImport(t *testing.T, dir, name string, data []byte) {
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := datafile.Open(dir, name)
	if err != nil {
		t.Fatal(err)
	}
	for _, directed := range []bool{false, true} {
		imp, err := Import(src, directed, 2)
		if err != nil {
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, path) {
				t.Fatalf("error %q: want one line starting with the file name", msg)
			}
			continue
		}
		if err := imp.Graph.Validate(); err != nil {
			t.Fatalf("invalid graph from %q: %v", data, err)
		}
		if imp.IDs.Len() != imp.Graph.N || imp.Report.Ties != imp.Graph.Edges() {
			t.Fatalf("%d ids, %d agents, report %d ties, graph %d", imp.IDs.Len(), imp.Graph.N, imp.Report.Ties, imp.Graph.Edges())
		}
	}
}

func FuzzImportEdgeList(f *testing.F) {
	for _, s := range []string{"a b\nb c 2\n", "# c\n1,2\n2,1\n3\n", "Source,Target,Weight\nx,y,0\n", "a\tb\t-1\n", "\"a b\" c\n", "a a\n"} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, dir, "net.edges", data) })
}

func FuzzImportGraphML(f *testing.F) {
	for _, s := range []string{
		`<graphml><key id="w" for="edge" attr.name="weight"/><graph edgedefault="directed"><node id="a"/><node id="b"/><edge source="a" target="b"><data key="w">2</data></edge></graph></graphml>`,
		`<graphml><graph><node id="a"/><edge source="a" target="a"/></graph></graphml>`,
		`<graphml><graph><node id="a"/><node id="a"/></graph></graphml>`,
		`<graphml><graph><edge source="a" target="b"/></graph>`,
	} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, dir, "net.graphml", data) })
}
