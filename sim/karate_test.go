package sim

import (
	"math"
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
