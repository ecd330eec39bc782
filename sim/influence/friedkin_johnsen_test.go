package influence

import (
	"math"
	"slices"
	"testing"

	"boomerang/sim/network"
)

func TestFriedkinJohnsenFixedPoint(t *testing.T) {
	for _, c := range []struct {
		name  string
		g     *network.Graph
		stubb float64
	}{
		{"random n=150", randomGraph(150, 5, 4), 0.3},
		{"ring n=120", ringGraph(120, 2), 0.1},
		{"complete n=60", completeGraph(60), 0.25},
	} {
		u := uniformOpinions(c.g.N, 9)
		want, err := FriedkinJohnsenFixedPoint(c.g, 1-c.stubb, u)
		if err != nil {
			t.Fatal(err)
		}
		x := slices.Clone(u)
		m := mustNew(t, Params{Model: "friedkin-johnsen", Stubbornness: c.stubb}, Setup{Graph: c.g, Initial: u, Workers: 2})
		for s := 1; s <= 2000; s++ {
			m.Step(s, x)
		}
		worst, moved := 0.0, 0.0
		for i := range x {
			worst = math.Max(worst, math.Abs(float64(x[i])-want[i]))
			moved = math.Max(moved, math.Abs(want[i]-float64(u[i])))
		}
		t.Logf("%s: max |x − x*| = %.2g (x* is up to %.3f from u)", c.name, worst, moved)
		if worst > 1e-4 {
			t.Errorf("%s: max |x − x*| = %.3g > 1e-4", c.name, worst)
		}
		if moved < 0.05 {
			t.Errorf("%s: fixed point too close to the anchors to test anything", c.name)
		}
	}
}

// Without Setup.Initial the first step's opinions are the anchors; full
// stubbornness freezes them.
func TestFriedkinJohnsenAnchors(t *testing.T) {
	g := randomGraph(100, 4, 2)
	u := uniformOpinions(100, 1)
	x := slices.Clone(u)
	m := mustNew(t, Params{Model: "friedkin-johnsen", Stubbornness: 1}, Setup{Graph: g})
	for s := 1; s <= 10; s++ {
		m.Step(s, x)
	}
	if !sameBits(x, u) {
		t.Fatal("stubbornness 1 must keep everyone at the anchor")
	}
	// stubbornness 0 is DeGroot
	a, b := slices.Clone(u), slices.Clone(u)
	fj := mustNew(t, Params{Model: "friedkin-johnsen", Stubbornness: 0}, Setup{Graph: g, Initial: u})
	dg := mustNew(t, Params{Model: "degroot"}, Setup{Graph: g})
	for s := 1; s <= 10; s++ {
		fj.Step(s, a)
		dg.Step(s, b)
	}
	if !sameBits(a, b) {
		t.Fatal("stubbornness 0 must equal DeGroot")
	}
}

// The anchors are Setup.Initial read in place; a model stepped on that very
// slice copies them at the first step, so it anchors on x(0) as if the
// caller had passed a separate copy.
func TestFriedkinJohnsenInitialAliased(t *testing.T) {
	g := randomGraph(500, 6, 9)
	u := uniformOpinions(g.N, 2)
	p := Params{Model: "friedkin-johnsen", Stubbornness: 0.4}
	sep := mustNew(t, p, Setup{Graph: g, Initial: u})
	x := slices.Clone(u)
	alias := slices.Clone(u)
	al := mustNew(t, p, Setup{Graph: g, Initial: alias})
	for s := 1; s <= 30; s++ {
		sep.Step(s, x)
		al.Step(s, alias)
	}
	if !sameBits(x, alias) {
		t.Fatal("stepping Setup.Initial itself changed the anchors")
	}
	if sameBits(x, u) {
		t.Fatal("opinions did not move")
	}
}
