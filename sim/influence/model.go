// Package influence implements social influence (opinion dynamics) models
// behind one small interface. Each model lives in its own file and
// reproduces its textbook result (see the *_test.go files and docs/MODEL.md).
//
// Opinions live on [−1, +1]. One Step is one sweep: every agent updates once
// on average (pairwise models: N random encounters; synchronous models: one
// simultaneous update of everyone).
package influence

import (
	"fmt"
	"sort"

	"boomerang/sim/network"
)

// Model advances a population's opinions by one sweep.
type Model interface {
	// Step updates x in place for step t (t starts at 1). Random draws come
	// only from streams keyed on (seed, rng.Influence, agent or 0, t), so two
	// arms with the same opinions draw the same encounters (common random
	// numbers) and results do not depend on the number of workers.
	Step(t int, x []float32)
}

// Params are the scenario's [influence] settings.
type Params struct {
	Model        string  `toml:"model" comment:"opinion dynamics model: none, degroot, friedkin-johnsen, deffuant, hegselmann-krause, voter, algorithmic-bias"`
	Epsilon      float64 `toml:"epsilon" limits:">0 2; the width of the opinion scale" comment:"confidence bound on the [-1,1] opinion scale (Deffuant, HK, algorithmic bias); classic [0,1] epsilon is half of this"`
	Mu           float64 `toml:"mu" limits:">0 0.5" comment:"convergence rate of pairwise compromise, in (0, 0.5]"`
	Gamma        float64 `toml:"gamma" limits:"0 10" comment:"algorithmic bias: partner weight proportional to distance^-gamma (Sirbu et al. 2019); 0 is Deffuant"`
	Stubbornness float64 `toml:"stubbornness" limits:"0 1" comment:"Friedkin-Johnsen: weight 1-lambda of the anchor (initial opinion) in [0,1]"`
}

// Setup is what a model needs besides its parameters.
type Setup struct {
	Graph   *network.Graph
	Initial []float32 // opinions at t = 0 (Friedkin–Johnsen anchors, read in place: keep it unchanged while the model is in use)
	Seed    uint64    // the run's seed
	Workers int       // goroutines for synchronous models; ≤ 1 means serial
}

// Names lists the accepted model names, in documentation order.
func Names() []string {
	return []string{"none", "degroot", "friedkin-johnsen", "deffuant", "hegselmann-krause", "voter", "algorithmic-bias"}
}

// New builds the model named p.Model. Each arm of a run gets its own
// instance (models own scratch buffers).
func New(p Params, s Setup) (Model, error) {
	switch p.Model {
	case "none", "":
		return noInfluence{}, nil
	case "degroot":
		return newDeGroot(s), nil
	case "friedkin-johnsen":
		return newFriedkinJohnsen(p, s), nil
	case "deffuant":
		return newDeffuant(p, s), nil
	case "hegselmann-krause":
		return newHegselmannKrause(p, s), nil
	case "voter":
		return newVoter(s), nil
	case "algorithmic-bias":
		return newAlgorithmicBias(p, s), nil
	}
	names := Names()
	sort.Strings(names)
	return nil, fmt.Errorf("unknown influence model %q (allowed: %v)", p.Model, names)
}

// noInfluence leaves opinions alone: campaigns act on isolated people.
type noInfluence struct{}

func (noInfluence) Step(int, []float32) {}
