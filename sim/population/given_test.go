package population

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"boomerang/sim/datafile"
)

// readGivenText writes a population file and reads it for n agents
// numbered "0" … "n-1".
func readGivenText(t *testing.T, text string, n int) *Given {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "people.csv"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := datafile.Open(dir, "people.csv")
	if err != nil {
		t.Fatal(err)
	}
	g, err := ReadGiven(src, n, 12, func(id string) (int, bool) {
		i, err := strconv.Atoi(id)
		return i, err == nil && i >= 0 && i < n
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Given values are used exactly; people without a row are drawn exactly
// as without a file; later draws condition on the given ones (ideology
// loads negatively on openness, so people given high openness are drawn
// more progressive than people given low openness).
func TestGivenConditionalDraws(t *testing.T) {
	const n = 20000
	var b strings.Builder
	b.WriteString("id,age,gender,openness\n")
	for i := 0; i < n/2; i++ {
		o := 2.0
		if i%2 == 1 {
			o = -2
		}
		fmt.Fprintf(&b, "%d,30,female,%g\n", i, o)
	}
	given := readGivenText(t, b.String(), n)
	p := DefaultParams()
	p.Size = n
	free, err := Generate(p, 9, 2)
	if err != nil {
		t.Fatal(err)
	}
	pop, err := GenerateGiven(p, given, 9, 2)
	if err != nil {
		t.Fatal(err)
	}
	var hi, lo float64
	for i := 0; i < n/2; i++ {
		want := float32(2)
		if i%2 == 1 {
			want = -2
		}
		if pop.Age[i] != 30 || pop.Gender[i] != 0 || pop.Openness[i] != want {
			t.Fatalf("agent %d: age %d gender %d openness %v, want the given 30, female, %v", i, pop.Age[i], pop.Gender[i], pop.Openness[i], want)
		}
		if i%2 == 0 {
			hi += float64(pop.Ideology[i])
		} else {
			lo += float64(pop.Ideology[i])
		}
	}
	hi, lo = hi/(n/4), lo/(n/4)
	if !(hi < lo-0.3) {
		t.Errorf("mean ideology given openness +2: %.3f, given −2: %.3f; want clearly lower for high openness", hi, lo)
	}
	for i := n / 2; i < n; i++ {
		if pop.Age[i] != free.Age[i] || pop.Openness[i] != free.Openness[i] || pop.Ideology[i] != free.Ideology[i] || pop.Party[i] != free.Party[i] {
			t.Fatalf("agent %d has no row but differs from the population drawn without a file", i)
		}
	}
	s := given.Sources()
	if len(s.Imported) != 0 || !slices.Equal(s.Partly, []string{"age", "gender", "openness"}) || !slices.Contains(s.Drawn, "ideology") {
		t.Errorf("sources %+v: want age, gender, openness partly given, ideology drawn", s)
	}
}

// A fully given column is listed as imported.
func TestGivenSources(t *testing.T) {
	g := readGivenText(t, "id,opinion\n0,0.5\n1,-1\n", 2)
	s := g.Sources()
	if !slices.Equal(s.Imported, []string{"opinion_initial"}) || s.Rows != 2 {
		t.Errorf("sources %+v: want opinion_initial imported from 2 rows", s)
	}
	if v, ok := g.Get(ColOpinion, 1); !ok || v != -1 {
		t.Errorf("opinion of agent 1: %v %v, want -1", v, ok)
	}
}
