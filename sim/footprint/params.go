package footprint

import (
	"fmt"
	"math"
)

// Params are the scenario's [data] settings.
type Params struct {
	Pages          int     `toml:"pages" comment:"number of pages people can like, 2 to 65535 (default 1000); each page appeals to one or two attributes (a trait, ideology, age, gender, party, religion, migration background, sexual orientation or health) or to a taste unrelated to them"`
	QuizShare      float64 `toml:"quiz_share" comment:"share of people who take the personality quiz, 0 to 1 (default 0.003: Cambridge Analytica's ~270,000 quiz takers among 87 million profiles); their true traits train the inference model; 0 = no quiz, no model, nobody profiled"`
	HarvestFriends bool    `toml:"harvest_friends" comment:"true: the quiz app also collects the likes of every quiz taker's friends, without the friends' consent (Facebook's friends permission before 2015); default false"`
	Components     int     `toml:"components" comment:"SVD components k of the like matrix, 1 to 500 (default 100, as Kosinski et al. 2013); at most one component per 5 quiz takers is used"`
}

// Limits of the parameters.
const (
	MinPages         = 2      // a like matrix needs at least two columns
	MaxPages         = 65535  // page ids are uint16
	MaxComponents    = 500    // SVD components
	MinQuizTakers    = 50     // expected quiz takers needed to train (10 folds of 5)
	quizPerComponent = 5      // quiz takers per SVD component used (see EffectiveComponents)
	svdSampleMax     = 20_000 // visible users in the SVD sample, quiz takers included
)

// DefaultParams returns 1000 pages, a 0.3 % quiz share (Cambridge
// Analytica: ~270,000 of 87 million, Facebook 2018), no friend harvesting
// and k = 100 components (Kosinski et al. 2013).
func DefaultParams() Params {
	return Params{Pages: 1000, QuizShare: 0.003, HarvestFriends: false, Components: 100}
}

// ExpectedQuizTakers is the rounded expected number of quiz takers among n
// people.
func (p Params) ExpectedQuizTakers(n int) int {
	return int(math.Round(p.QuizShare * float64(n)))
}

// EffectiveComponents is the number of SVD components the model uses with
// quiz quiz takers: min(Components, quiz/5), at least 1. Five quiz takers
// per component keeps the regression on the components from fitting noise
// when the quiz is small (≈ 30 components for 150 quiz takers); with
// ≥ 5·Components quiz takers it is Components, as in Kosinski et al. (2013).
func (p Params) EffectiveComponents(quiz int) int {
	return max(1, min(p.Components, quiz/quizPerComponent))
}

// Check validates p for a population of n people and the consent rate of
// the regulation settings, and returns a one-line error naming the key.
func (p Params) Check(n int, consentRate float64) error {
	switch {
	case p.Pages < MinPages || p.Pages > MaxPages:
		return fmt.Errorf("data.pages = %d: must be between %d and %d", p.Pages, MinPages, MaxPages)
	case !(p.QuizShare >= 0 && p.QuizShare <= 1):
		return fmt.Errorf("data.quiz_share = %v: must be between 0 and 1", p.QuizShare)
	case p.Components < 1 || p.Components > MaxComponents:
		return fmt.Errorf("data.components = %d: must be between 1 and %d", p.Components, MaxComponents)
	case !(consentRate >= 0 && consentRate <= 1):
		return fmt.Errorf("regulation.consent_rate = %v: must be between 0 and 1", consentRate)
	}
	if q := p.ExpectedQuizTakers(n); p.QuizShare > 0 && q < MinQuizTakers {
		return fmt.Errorf("data.quiz_share = %v: only %d of %d people would take the quiz; training needs at least %d (raise data.quiz_share or population.size, or set it to 0 for no profiling)",
			p.QuizShare, q, n, MinQuizTakers)
	}
	return nil
}
