package network

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"boomerang/sim/datafile"
)

// importText writes text to a temporary file called name and imports it.
func importText(t testing.TB, name, text string, directed bool) (*Imported, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := datafile.Open(dir, name)
	if err != nil {
		return nil, err
	}
	return Import(src, directed, 2)
}

func TestImportEdgeList(t *testing.T) {
	text := "# a comment\n\nalice bob\nbob carol 2.5\ncarol alice\nbob alice\ndave\nerin erin\n"
	imp, err := importText(t, "net.txt", text, false)
	if err != nil {
		t.Fatal(err)
	}
	g := imp.Graph
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	want := []string{"alice", "bob", "carol", "dave", "erin"}
	for i, id := range want {
		if imp.IDs.ID(i) != id {
			t.Errorf("agent %d is %q, want %q (first appearance)", i, imp.IDs.ID(i), id)
		}
	}
	if g.N != 5 || g.Edges() != 3 || g.Degree(3) != 0 {
		t.Errorf("N %d ties %d, dave's degree %d; want 5, 3, 0", g.N, g.Edges(), g.Degree(3))
	}
	r := imp.Report
	if r.Duplicates != 1 || r.SelfLoops != 1 || r.Records != 5 || !r.Weighted {
		t.Errorf("report %+v: want 1 duplicate, 1 self-loop, 5 records, weighted", r)
	}
	if !strings.Contains(r.String(), "1 duplicate ties") {
		t.Errorf("report line %q does not mention the duplicate", r.String())
	}
}

func TestImportDirected(t *testing.T) {
	text := "a,b\nb,a\na,b\nc,a\n"
	imp, err := importText(t, "net.csv", text, true)
	if err != nil {
		t.Fatal(err)
	}
	r := imp.Report
	if imp.Graph.Edges() != 2 || r.Reciprocal != 1 || r.Duplicates != 1 {
		t.Errorf("ties %d, report %+v: want 2 ties, 1 reciprocal pair, 1 duplicate", imp.Graph.Edges(), r)
	}
	und, err := importText(t, "net.csv", text, false)
	if err != nil {
		t.Fatal(err)
	}
	if und.Report.Duplicates != 2 || und.Report.Reciprocal != 0 {
		t.Errorf("undirected report %+v: want 2 duplicates", und.Report)
	}
}

func TestImportGephiCSVHeader(t *testing.T) {
	text := "Source,Target,Type,Id,Weight\n1,2,Undirected,0,1.0\n2,3,Undirected,1,0\n"
	imp, err := importText(t, "edges.csv", text, false)
	if err != nil {
		t.Fatal(err)
	}
	if imp.Graph.Edges() != 1 || imp.Report.ZeroWeight != 1 {
		t.Errorf("ties %d, report %+v: want 1 tie and 1 zero-weight tie dropped", imp.Graph.Edges(), imp.Report)
	}
}

func TestImportGraphML(t *testing.T) {
	text := `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d1" for="node" attr.name="age" attr.type="int"/>
  <graph edgedefault="undirected">
    <node id="n0"><data key="d1">30</data></node>
    <node id="n1"/>
    <node id="n2"/>
    <edge source="n0" target="n1"><data key="d0">0.5</data></edge>
    <edge source="n1" target="n2"/>
    <edge source="n2" target="n1"/>
  </graph>
</graphml>
`
	imp, err := importText(t, "g.graphml", text, false)
	if err != nil {
		t.Fatal(err)
	}
	if imp.Graph.N != 3 || imp.Graph.Edges() != 2 || imp.Report.Duplicates != 1 || !imp.Report.Weighted {
		t.Errorf("N %d ties %d report %+v", imp.Graph.N, imp.Graph.Edges(), imp.Report)
	}
}

func TestImportErrors(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"neg.txt", "a b\nb c -1\n", "net:2: weight -1 is negative"},
		{"bin.txt", "a b\nc\x00d\n", "net:2: not a text file"},
		{"cols.txt", "a b 1 2\n", "net:1: 4 columns"},
		{"empty.txt", "# nothing\n", "no nodes and no ties"},
		{"trunc.graphml", `<graphml><graph><node id="a"/><edge source="a" tar`, "not well-formed XML"},
		{"dup.graphml", "<graphml><graph>\n<node id=\"a\"/>\n<node id=\" a\"/>\n</graph></graphml>", ":3: node id \"a\" declared twice"},
		{"undecl.graphml", "<graphml><graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/>\n</graph></graphml>", ":3: tie to node \"b\", which no <node> declares"},
		{"root.graphml", "<gexf></gexf>", "not GraphML"},
		{"long.txt", "a " + strings.Repeat("x", datafile.MaxLine+10) + "\n", ":1: line is longer than"},
	} {
		_, err := importText(t, c.name, c.text, false)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		msg := strings.ReplaceAll(err.Error(), c.name, "net")
		if !strings.Contains(msg, strings.ReplaceAll(c.want, c.name, "net")) || strings.Contains(msg, "\n") {
			t.Errorf("%s: error %q, want one line containing %q", c.name, msg, c.want)
		}
	}
}

// Leading one-id lines (as run --graph edgelist writes) do not decide the
// separator: the first tie line does.
func TestImportNodeLinesThenCSV(t *testing.T) {
	imp, err := importText(t, "net.csv", "fay\ngus\nann,bob\nbob,cem\n", false)
	if err != nil {
		t.Fatal(err)
	}
	if imp.Graph.N != 5 || imp.Graph.Edges() != 2 || imp.IDs.ID(2) != "ann" {
		t.Errorf("%d people, %d ties, agent 2 %q; want 5, 2, ann", imp.Graph.N, imp.Graph.Edges(), imp.IDs.ID(2))
	}
}
