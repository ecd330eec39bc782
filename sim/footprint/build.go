package footprint

import (
	"fmt"
	"time"

	"boomerang/sim/network"
	"boomerang/sim/population"
)

// Footprint is the data half of a world: the pages, everyone's likes, what
// the operator sees, its trained model, its inferences and their accuracy.
// It is built once per world and read-only afterwards.
type Footprint struct {
	Params     Params
	Catalogue  *Catalogue
	Likes      *Likes
	Visibility Visibility
	Model      *Model // nil when Params.QuizShare = 0
	Inferred   Inferred
	Accuracy   Accuracy
}

// Build generates likes, draws visibility, trains the model on the quiz
// takers and applies it to everyone visible, then measures its accuracy.
// With p.QuizShare = 0 likes and visibility are still generated but no
// model is trained and nobody is profiled (Inferred is empty, Accuracy has
// counts only). g may be nil (no friends to harvest). Deterministic for a
// seed, whatever workers (≤ 0: GOMAXPROCS).
func Build(p Params, consentRate float64, pop *population.Population, g *network.Graph, seed uint64, workers int) (*Footprint, error) {
	return BuildTimed(p, consentRate, pop, g, seed, workers, nil)
}

// BuildTimed is Build that, when phase is not nil, reports the wall time
// of each phase as it ends: "likes", "visibility", "training",
// "inference", "accuracy" (boomerang-cli bench). The result is Build's.
func BuildTimed(p Params, consentRate float64, pop *population.Population, g *network.Graph, seed uint64, workers int, phase func(name string, d time.Duration)) (*Footprint, error) {
	t0 := time.Now()
	lap := func(name string) {
		if phase != nil {
			t := time.Now()
			phase(name, t.Sub(t0))
			t0 = t
		}
	}
	if err := p.Check(pop.N, consentRate); err != nil {
		return nil, err
	}
	if g != nil && g.N != pop.N {
		return nil, fmt.Errorf("footprint: network has %d agents, population %d", g.N, pop.N)
	}
	f := &Footprint{Params: p, Catalogue: NewCatalogue(p.Pages)}
	f.Likes = GenerateLikes(f.Catalogue, pop, seed, workers)
	lap("likes")
	f.Visibility = See(pop, g, consentRate, p, seed)
	lap("visibility")
	if p.QuizShare > 0 {
		m, err := Train(p, f.Likes, &f.Visibility, pop, seed, workers)
		if err != nil {
			return nil, err
		}
		f.Model = m
		lap("training")
		f.Inferred = Infer(m, f.Likes, &f.Visibility, workers)
		lap("inference")
	}
	f.Accuracy = Evaluate(pop, f.Likes, &f.Visibility, f.Model, &f.Inferred)
	lap("accuracy")
	return f, nil
}
