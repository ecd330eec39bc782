package network

import (
	"strconv"
	"testing"

	"boomerang/sim/datafile"
)

// The shipped karate club has Zachary's 34 members and 78 ties, agent i is
// member i+1, and every tie of the paper's first member is there.
func TestKarateClubImport(t *testing.T) {
	src, err := datafile.Open("", "karate-club.edges") // the built-in copy
	if err != nil {
		t.Fatal(err)
	}
	imp, err := Import(src, false, 1)
	if err != nil {
		t.Fatal(err)
	}
	g := imp.Graph
	if g.N != 34 || g.Edges() != 78 {
		t.Fatalf("%d members, %d ties; want 34 and 78", g.N, g.Edges())
	}
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	r := imp.Report
	if r.Duplicates+r.SelfLoops+r.ZeroWeight != 0 {
		t.Errorf("report %+v: nothing should be dropped", r)
	}
	for i := 0; i < 34; i++ {
		if imp.IDs.ID(i) != strconv.Itoa(i+1) {
			t.Fatalf("agent %d is member %s, want %d", i, imp.IDs.ID(i), i+1)
		}
	}
	// Member 1 (the instructor) and member 34 (the administrator) are the
	// two hubs: 16 and 17 ties (Zachary 1977, table 1).
	if g.Degree(0) != 16 || g.Degree(33) != 17 {
		t.Errorf("degrees of members 1 and 34: %d and %d, want 16 and 17", g.Degree(0), g.Degree(33))
	}
}
