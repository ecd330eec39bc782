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
	// PoolBytes is the memory the training pool held while the model was
	// trained (Pool.Bytes; 0 without a model): bounded by the SVD sample,
	// whatever data.platform_users.
	PoolBytes int64
	Inferred  Inferred
	Accuracy  Accuracy
}

// Build generates likes, draws visibility, trains the model on the quiz
// takers of the platform's training pool (BuildPool, adults in the town's
// regions) and applies it to everyone visible, then measures its accuracy.
// With p.QuizShare = 0 likes and visibility are still generated but no
// model is trained and nobody is profiled (Inferred is empty, Accuracy has
// counts only). g may be nil (no friends to harvest). Deterministic for a
// seed, whatever workers (≤ 0: GOMAXPROCS).
func Build(p Params, consentRate float64, pop *population.Population, g *network.Graph, seed uint64, workers int) (*Footprint, error) {
	return BuildTimed(p, consentRate, population.Params{Regions: pop.Regions}, pop, g, seed, workers, nil)
}

// BuildTimed is Build with the population model of the platform's users
// (platform: the scenario's [population]; its Size is ignored) that, when
// phase is not nil, reports the wall time of each phase as it ends:
// "likes", "visibility", "platform pool" (its people and likes),
// "training", "inference", "accuracy" (boomerang-cli bench). The model
// depends on p, the consent rate, platform and seed only — not on pop.
func BuildTimed(p Params, consentRate float64, platform population.Params, pop *population.Population, g *network.Graph, seed uint64, workers int, phase func(name string, d time.Duration)) (*Footprint, error) {
	t0 := time.Now()
	lap := func(name string) {
		if phase != nil {
			t := time.Now()
			phase(name, t.Sub(t0))
			t0 = t
		}
	}
	if err := p.Check(consentRate); err != nil {
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
	var pool *Pool
	if p.QuizShare > 0 {
		var err error
		pool, err = BuildPool(p, consentRate, platform, f.Catalogue, seed, workers)
		if err != nil {
			return nil, err
		}
		f.PoolBytes = pool.Bytes()
		lap("platform pool")
		m, err := pool.Train(p, workers)
		if err != nil {
			return nil, err
		}
		f.Model = m
		lap("training")
		f.Inferred = Infer(m, f.Likes, &f.Visibility, workers)
		lap("inference")
	}
	f.Accuracy = Evaluate(pop, f.Likes, &f.Visibility, f.Model, &f.Inferred)
	f.Accuracy.PlatformUsers = p.PlatformUsers
	if f.Model != nil {
		f.Accuracy.TrainingQuizTakers = f.Model.QuizTakers
		f.Accuracy.PlatformMeanBigFiveR, f.Accuracy.PlatformPartyAUC, f.Accuracy.PlatformEvaluatedOn = pool.holdout(f.Model, workers)
		f.Accuracy.PoolPeople, f.Accuracy.PoolBytes = pool.Pop.N, f.PoolBytes
	}
	lap("accuracy")
	return f, nil
}
