package footprint

import (
	"boomerang/sim/network"
	"boomerang/sim/population"
	"boomerang/sim/rng"
)

// Flag is a bit set of the ways the model's operator can see an agent.
type Flag uint8

// Visibility flags.
const (
	FlagConsent   Flag = 1 << iota // consented to tracking (regulation.consent_rate)
	FlagQuiz                       // took the quiz: likes and true traits known to the operator
	FlagHarvested                  // friend of a quiz taker, collected by the app (data.harvest_friends)
)

// Visibility says, per agent, whether and why the operator sees its likes.
type Visibility struct {
	Flags      []Flag  // per agent
	QuizTakers []int32 // agents with FlagQuiz, ascending
}

// Visible reports whether the operator sees agent i's likes: it consented,
// took the quiz, or was harvested as a quiz taker's friend.
func (v *Visibility) Visible(i int) bool { return v.Flags[i] != 0 }

// Consented reports whether agent i consented to tracking.
func (v *Visibility) Consented(i int) bool { return v.Flags[i]&FlagConsent != 0 }

// Quiz reports whether agent i took the quiz.
func (v *Visibility) Quiz(i int) bool { return v.Flags[i]&FlagQuiz != 0 }

// Harvested reports whether agent i's likes were collected through a quiz
// taker's friends permission (whether or not it also consented).
func (v *Visibility) Harvested(i int) bool { return v.Flags[i]&FlagHarvested != 0 }

// See draws who consents and who takes the quiz and, if p.HarvestFriends,
// marks the quiz takers' friends in g as harvested.
//
//   - Consent: agent i consents with probability consentRate, from the
//     stream (seed, rng.Consent, i, 0).
//   - Quiz: agent i takes the quiz with probability p.QuizShare, from the
//     stream (seed, rng.Inference, i, 0), independently of consent (the
//     quiz app asks its own permission). The operator learns quiz takers'
//     true traits and sees their likes.
//   - Harvested: with p.HarvestFriends, every network neighbour of a quiz
//     taker, consent or not — the friends permission of Facebook's Graph
//     API v1 that Cambridge Analytica's app used before 2015. On a complete
//     graph everybody is a friend of every quiz taker, so one quiz taker
//     makes the whole population visible. A nil g means nobody has friends.
//
// Each agent's draws depend only on its own streams, so agent i's consent
// and quiz status do not depend on the population size or the workers.
func See(pop *population.Population, g *network.Graph, consentRate float64, p Params, seed uint64) Visibility {
	n := pop.N
	v := Visibility{Flags: make([]Flag, n)}
	for i := range n {
		if rng.Float64(seed, rng.Consent, uint64(i), 0, 0) < consentRate {
			v.Flags[i] |= FlagConsent
		}
		if rng.Float64(seed, rng.Inference, uint64(i), 0, 0) < p.QuizShare {
			v.Flags[i] |= FlagQuiz
			v.QuizTakers = append(v.QuizTakers, int32(i))
		}
	}
	if p.HarvestFriends && g != nil && len(v.QuizTakers) > 0 {
		if g.Complete {
			// Everyone is a friend of every quiz taker other than themselves.
			for i := range n {
				if len(v.QuizTakers) > 1 || int(v.QuizTakers[0]) != i {
					v.Flags[i] |= FlagHarvested
				}
			}
		} else {
			for _, q := range v.QuizTakers {
				for _, j := range g.Neighbours(int(q)) {
					v.Flags[j] |= FlagHarvested
				}
			}
		}
	}
	return v
}
