package footprint

import (
	"math"

	"boomerang/sim/population"
	"boomerang/sim/rng"
)

// Pool is the platform's training pool: the users of the platform whose
// data the inference model is trained on, drawn from the same population
// model as the simulated people but from a seed stream of their own
// (rng.Platform), so the model does not depend on population.size. A real
// platform trains on its millions of users and then scores the people of
// any one town with that model.
//
// Of the PlatformUsers users only those the training reads are drawn: the
// Quiz quiz takers (agents 0 … Quiz−1 of Pop; their likes and true traits)
// and the other users in the SVD sample (agents Quiz … Pop.N−1; likes
// only). Users are independent and identically distributed, so drawing
// exactly these is the same in distribution as drawing all PlatformUsers
// and keeping the ones the training reads, at a cost bounded by the
// sample (at most poolSampleMax users beside the quiz takers) whatever
// PlatformUsers is.
type Pool struct {
	PlatformUsers int
	Seed          uint64 // the pool's seed (PoolSeed of the world's)
	Quiz          int    // quiz takers: agents 0 … Quiz−1
	Pop           *population.Population
	Likes         *Likes
	Visibility    Visibility // everyone visible; the first Quiz took the quiz
}

// poolSampleMax is the most users of the pool in the SVD sample, quiz
// takers included [assumption]: half the town's cap (svdSampleMax) halves
// the pool's cost (1.7 → 0.9 s of CPU for the pool and its training) and
// lowers the model's mean Big Five r by 0.008 (0.411 → 0.404, party AUC
// 0.840 both; 6 seeds, measured on independent platform users), well
// inside Kosinski et al.'s (2013) band.
const poolSampleMax = 10_000

// PoolSeed is the seed of the training pool of a world with seed seed.
func PoolSeed(seed uint64) uint64 { return rng.Derive(seed, rng.Platform, 0) }

// poolSizes returns the quiz takers and the other users of the SVD sample
// that a pool of p.PlatformUsers users at the given consent rate needs:
// p.TrainingQuizTakers() quiz takers, and of the others the expected
// number who consent to tracking, at most poolSampleMax − quiz.
func poolSizes(p Params, consentRate float64) (quiz, others int) {
	quiz = p.TrainingQuizTakers()
	consenting := int(math.Round(consentRate * float64(max(0, p.PlatformUsers-quiz))))
	return quiz, max(0, min(poolSampleMax-quiz, consenting))
}

// BuildPool draws the training pool of p for a world with seed seed:
// people from the population model model (its Size is ignored) and their
// likes on catalogue c. Deterministic for a seed, whatever workers.
func BuildPool(p Params, consentRate float64, model population.Params, c *Catalogue, seed uint64, workers int) (*Pool, error) {
	quiz, others := poolSizes(p, consentRate)
	model.Size = quiz + others
	ps := PoolSeed(seed)
	pop, err := population.Generate(model, ps, workers)
	if err != nil {
		return nil, err
	}
	pl := &Pool{PlatformUsers: p.PlatformUsers, Seed: ps, Quiz: quiz, Pop: pop, Likes: GenerateLikes(c, pop, ps, workers)}
	pl.Visibility = Visibility{Flags: make([]Flag, pop.N), QuizTakers: make([]int32, quiz)}
	for i := range pop.N {
		pl.Visibility.Flags[i] = FlagConsent
		if i < quiz {
			pl.Visibility.Flags[i] = FlagQuiz
			pl.Visibility.QuizTakers[i] = int32(i)
		}
	}
	return pl, nil
}

// Bytes is the memory the pool holds: its people and their likes.
func (pl *Pool) Bytes() int64 {
	const perPerson = 49 + 8 + 1 // population.Population, like offsets, visibility flags
	return int64(pl.Pop.N)*perPerson + 2*int64(len(pl.Likes.Pages)) + 4*int64(len(pl.Visibility.QuizTakers))
}

// Train fits the inference model on the pool's quiz takers (Train).
func (pl *Pool) Train(p Params, workers int) (*Model, error) {
	return Train(p, pl.Likes, &pl.Visibility, pl.Pop, pl.Seed, workers)
}

// holdout is m's accuracy on the pool's users outside the quiz: mean Big
// Five r, party AUC and how many people they are measured on.
func (pl *Pool) holdout(m *Model, workers int) (meanR, partyAUC Value, n int) {
	inf := Infer(m, pl.Likes, &pl.Visibility, workers)
	acc := Evaluate(pl.Pop, pl.Likes, &pl.Visibility, m, &inf)
	return acc.MeanBigFiveR, acc.AUC.Party, acc.EvaluatedOn
}
