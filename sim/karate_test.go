package sim

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"boomerang/sim/influence"
	"boomerang/sim/network"
)

// karateConfig is the karate club (scenarios/builtin/karate-club.edges)
// without a campaign, with the given influence model.
func karateConfig(model string) Config {
	cfg := DefaultConfig()
	cfg.Network = network.Params{Kind: network.KindFile, Path: "karate-club.edges"}
	cfg.Population.Size = 34
	cfg.Opinion = OpinionParams{Initial: "uniform"}
	cfg.Influence.Model = model
	cfg.Influence.Stubbornness = 0.2
	cfg.Data.QuizShare = 0
	cfg.Campaign.Budget = 0
	cfg.Arms = []ArmConfig{{Name: "control", Strategy: "none"}}
	cfg.Steps = 400
	return cfg
}

// On the karate club, DeGroot with self-weight ends at the consensus
// Σ(dᵢ+1)·xᵢ(0) / Σ(dᵢ+1) (Golub & Jackson 2010), for several seeds.
func TestKarateDeGrootDegreeWeightedMean(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		r, err := NewRun(karateConfig("degroot"), seed, 1)
		if err != nil {
			t.Fatal(err)
		}
		g, x0 := r.World.Graph, r.World.Initial
		num, den := 0.0, 0.0
		for i := 0; i < g.N; i++ {
			w := float64(g.Degree(i) + 1)
			num += w * float64(x0[i])
			den += w
		}
		want := num / den
		for range 400 {
			r.Step()
		}
		for i, x := range r.Arms[0].State.Opinion {
			if math.Abs(float64(x)-want) > 1e-5 {
				t.Fatalf("seed %d: agent %d ends at %.7f, want the degree-weighted mean %.7f", seed, i, x, want)
			}
		}
	}
}

// Friedkin–Johnsen's iteration on the karate club reaches the fixed point
// of the dense solve (I − λW)x* = (1 − λ)u (Friedkin & Johnsen 1990).
func TestKarateFriedkinJohnsenFixedPoint(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		r, err := NewRun(karateConfig("friedkin-johnsen"), seed, 1)
		if err != nil {
			t.Fatal(err)
		}
		want, err := influence.FriedkinJohnsenFixedPoint(r.World.Graph, 0.8, r.World.Initial)
		if err != nil {
			t.Fatal(err)
		}
		for range 400 {
			r.Step()
		}
		for i, x := range r.Arms[0].State.Opinion {
			if math.Abs(float64(x)-want[i]) > 1e-5 {
				t.Fatalf("seed %d: agent %d ends at %.7f, the dense solve gives %.7f", seed, i, x, want[i])
			}
		}
	}
}

// population.file joins the karate club's members by id: the given ages
// and initial opinions are the world's, and the imports list them.
func TestKaratePopulationFile(t *testing.T) {
	dir := t.TempDir()
	csv := "id,age,opinion\n1,61,-0.5\n34,19,0.75\n"
	if err := os.WriteFile(filepath.Join(dir, "members.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := karateConfig("degroot")
	cfg.DataDir = dir // karate-club.edges is not there: the built-in copy is used
	cfg.Population.File = "members.csv"
	w, err := BuildWorld(cfg, 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	if w.Pop.Age[0] != 61 || w.Pop.Age[33] != 19 || w.Initial[0] != -0.5 || w.Initial[33] != 0.75 {
		t.Errorf("members 1 and 34: ages %d, %d, opinions %v, %v; want 61, 19, -0.5, 0.75",
			w.Pop.Age[0], w.Pop.Age[33], w.Initial[0], w.Initial[33])
	}
	p := w.Imports.Population
	if p == nil || p.Rows != 2 || !slices.Equal(p.Partly, []string{"age", "opinion_initial"}) {
		t.Errorf("imports %+v: want 2 rows, age and opinion_initial partly given", p)
	}
	if w.Imports.Network == nil || w.Imports.Network.Ties != 78 || w.Imports.ID(33) != "34" {
		t.Errorf("network import %+v, agent 33 = %q", w.Imports.Network, w.Imports.ID(33))
	}
}
