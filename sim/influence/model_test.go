package influence

import (
	"slices"
	"strings"
	"testing"

	"boomerang/sim/network"
	"boomerang/sim/rng"
)

// allParams gives every model parameters that make it move.
func allParams() []Params {
	var out []Params
	for _, name := range Names() {
		out = append(out, Params{Model: name, Epsilon: 0.5, Mu: 0.3, Gamma: 1.2, Stubbornness: 0.2})
	}
	return out
}

// Same seed → identical opinions; for the random models another seed
// gives different ones.
func TestDeterminism(t *testing.T) {
	random := map[string]bool{"deffuant": true, "voter": true, "algorithmic-bias": true}
	for _, g := range []*network.Graph{randomGraph(300, 6, 1), completeGraph(300)} {
		init := uniformOpinions(g.N, 2)
		for _, p := range allParams() {
			run := func(seed uint64, workers int) []float32 {
				x := slices.Clone(init)
				m := mustNew(t, p, Setup{Graph: g, Initial: init, Seed: seed, Workers: workers})
				for s := 1; s <= 8; s++ {
					m.Step(s, x)
				}
				return x
			}
			a, b := run(7, 1), run(7, 2)
			if !sameBits(a, b) {
				t.Errorf("%s complete=%v: same seed gave different opinions", p.Model, g.Complete)
			}
			if p.Model != "none" && sameBits(a, init) {
				t.Errorf("%s complete=%v: opinions did not move", p.Model, g.Complete)
			}
			if random[p.Model] && sameBits(a, run(8, 1)) {
				t.Errorf("%s complete=%v: another seed gave the same opinions", p.Model, g.Complete)
			}
		}
	}
}

func TestNewUnknownModel(t *testing.T) {
	_, err := New(Params{Model: "majority-rule"}, Setup{Graph: completeGraph(3)})
	if err == nil {
		t.Fatal("want an error for an unknown model")
	}
	for _, name := range Names() {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not list %q", err, name)
		}
	}
	for _, name := range Names() {
		if _, err := New(Params{Model: name}, Setup{Graph: completeGraph(3)}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Every model's Step allocates nothing after construction.
func TestStepAllocationFree(t *testing.T) {
	for _, g := range []*network.Graph{randomGraph(5000, 8, 1), completeGraph(5000)} {
		for _, p := range allParams() {
			if p.Model == "algorithmic-bias" && g.Complete {
				g = completeGraph(300) // O(N²) per sweep
			}
			x := uniformOpinions(g.N, 1)
			m := mustNew(t, p, Setup{Graph: g, Initial: x, Seed: 1, Workers: 2})
			step := 0
			allocs := testing.AllocsPerRun(5, func() {
				step++
				m.Step(step, x)
			})
			if allocs != 0 {
				t.Errorf("%s complete=%v: %.1f allocations per Step", p.Model, g.Complete, allocs)
			}
		}
	}
}

// Chunks cover all agents contiguously with balanced edge counts.
func TestChunks(t *testing.T) {
	g := randomGraph(10000, 10, 3)
	for _, w := range []int{1, 2, 3, 7, 20000} {
		b := chunks(g.N, g.Offsets, w)
		if b[0] != 0 || b[len(b)-1] != g.N || !slices.IsSorted(b) {
			t.Fatalf("w=%d: bad boundaries %v", w, b)
		}
		if w <= 7 {
			per := float64(g.Offsets[g.N]+chunkCost*int64(g.N)) / float64(w)
			for k := 0; k+1 < len(b); k++ {
				c := float64(g.Offsets[b[k+1]] - g.Offsets[b[k]] + chunkCost*int64(b[k+1]-b[k]))
				if c < 0.99*per || c > 1.01*per {
					t.Errorf("w=%d chunk %d: cost %.0f, want ≈ %.0f", w, k, c, per)
				}
			}
		}
	}
}

// The pairwise models' reseedable stream draws exactly what
// rng.New(seed, rng.Influence, 0, t) draws.
func TestStreamMatchesRNG(t *testing.T) {
	var s stream
	for _, seed := range []uint64{0, 1, 42, 1 << 63} {
		for _, step := range []int{1, 2, 1000} {
			s.reset(seed, step)
			ref := rng.New(seed, rng.Influence, 0, uint64(step))
			for k := range 100 {
				if a, b := s.pcg.Uint64(), ref.Uint64(); a != b {
					t.Fatalf("seed %d step %d draw %d: %x != %x", seed, step, k, a, b)
				}
			}
		}
	}
}
