package network

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// layoutAttrs are deterministic attributes for a homophilous graph.
func layoutAttrs(n int) Attributes {
	r := rand.New(rand.NewPCG(3, 4))
	a := Attributes{Ideology: make([]float32, n), Age: make([]uint8, n), Region: make([]uint8, n)}
	for i := range n {
		a.Ideology[i] = float32(r.NormFloat64())
		a.Age[i] = uint8(18 + r.IntN(70))
		a.Region[i] = uint8(r.IntN(12))
	}
	return a
}

// edgeVsRandom returns the mean length of the ties of g in the layout
// and the mean distance between random pairs of agents.
func edgeVsRandom(g *Graph, xy []float32) (edge, random float64) {
	d := func(i, j int) float64 {
		dx, dy := float64(xy[2*i]-xy[2*j]), float64(xy[2*i+1]-xy[2*j+1])
		return math.Hypot(dx, dy)
	}
	m := 0
	for i := range g.N {
		for _, j := range g.Neighbours(i) {
			edge += d(i, int(j))
			m++
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	const pairs = 20000
	for range pairs {
		random += d(r.IntN(g.N), r.IntN(g.N))
	}
	return edge / float64(m), random / pairs
}

func TestLayout2DDeterministicAndNeighboursClose(t *testing.T) {
	const n = 6000
	for _, p := range []Params{DefaultParams(), {Kind: KindSmallWorld, Degree: 10, Rewire: 0.1}} {
		g, err := Build(p, n, layoutAttrs(n), 7, 2)
		if err != nil {
			t.Fatal(err)
		}
		a, ok := Layout2D(g, 1)
		if !ok || len(a) != 2*n {
			t.Fatalf("%s: ok=%v len=%d", p.Kind, ok, len(a))
		}
		b, _ := Layout2D(g, 3)
		if !slices.Equal(a, b) {
			t.Errorf("%s: layout depends on workers", p.Kind)
		}
		for i, v := range a {
			if !(v >= 0 && v <= 1) {
				t.Fatalf("%s: coordinate %d = %v outside [0,1]", p.Kind, i, v)
			}
		}
		edge, random := edgeVsRandom(g, a)
		t.Logf("%s: mean tie length %.3f, mean random pair %.3f", p.Kind, edge, random)
		if edge >= 0.8*random {
			t.Errorf("%s: ties are %.3f long, random pairs %.3f: the layout ignores the network", p.Kind, edge, random)
		}
	}
}

func TestLayout2DNoStructure(t *testing.T) {
	if _, ok := Layout2D(&Graph{N: 100, Complete: true}, 2); ok {
		t.Error("a complete graph should have no layout")
	}
	if _, ok := Layout2D(&Graph{N: 3, Offsets: make([]int64, 4), Adj: []int32{}}, 2); ok {
		t.Error("a graph without ties should have no layout")
	}
}

func TestHilbertXYInvertsHilbert(t *testing.T) {
	for d := range uint64(256) {
		x, y := hilbertXY(d, 4)
		if x >= 16 || y >= 16 {
			t.Fatalf("d=%d → (%d,%d) outside the grid", d, x, y)
		}
		if d > 0 {
			px, py := hilbertXY(d-1, 4)
			if dx, dy := int(x)-int(px), int(y)-int(py); dx*dx+dy*dy != 1 {
				t.Fatalf("steps %d→%d are not adjacent cells", d-1, d)
			}
		}
	}
}
