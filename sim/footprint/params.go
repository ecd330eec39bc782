package footprint

import (
	"fmt"
	"math"

	"boomerang/sim/limits"
)

// Params are the scenario's [data] settings.
type Params struct {
	Pages          int     `toml:"pages" comment:"number of pages people can like, 2 to 65535 (default 1000); each page appeals to one or two attributes (a trait, ideology, age, gender, party, religion, migration background, sexual orientation or health) or to a taste unrelated to them"`
	QuizShare      float64 `toml:"quiz_share" limits:"0 1" comment:"share of people who take the personality quiz, 0 to 1 (default 0.003: Cambridge Analytica's ~270,000 quiz takers among 87 million profiles), among the platform's users (platform_users: their true traits train the inference model) and among the simulated people (whose friends harvest_friends reaches); 0 = no quiz, no model, nobody profiled"`
	PlatformUsers  int     `toml:"platform_users" comment:"users of the platform the inference model is trained on, drawn from the same population model as the simulated people but independent of population.size, 1000 to 100,000,000 (default 50,000: with the 0.3 % quiz, 150 quiz takers, the accuracy of Kosinski et al. 2013); platform_users x quiz_share quiz takers must be between 50 and 20,000"`
	HarvestFriends bool    `toml:"harvest_friends" comment:"true: the quiz app also collects the likes of every quiz taker's friends, without the friends' consent (Facebook's friends permission before 2015); default false"`
	Components     int     `toml:"components" comment:"SVD components k of the like matrix, 1 to 500 (default 100, as Kosinski et al. 2013); at most one component per 5 quiz takers is used"`
}

// Limits of the parameters.
const (
	MinPages         = 2      // a like matrix needs at least two columns
	MaxPages         = 65535  // page ids are uint16
	MaxComponents    = 500    // SVD components
	MinQuizTakers    = 50     // expected quiz takers needed to train (10 folds of 5)
	MaxQuizTakers    = 20_000 // quiz takers the training pool materialises at most (bounds its time and memory)
	MinPlatformUsers = 1000   // smallest training pool
	MaxPlatformUsers = 100_000_000
	// DefaultPlatformUsers is the default training pool: with the default
	// 0.3 % quiz, 150 quiz takers, the data volume at which the trained
	// model reaches the accuracies of Kosinski, Stillwell & Graepel (2013)
	// (mean Big Five r 0.30–0.56, party AUC 0.80–0.90: check-literature
	// inference-*). A real platform has millions of users (myPersonality:
	// 58,466 quiz takers; Cambridge Analytica: ~270,000), but the catalogue
	// of 1000 pages is calibrated at this volume [assumption].
	DefaultPlatformUsers = 50_000
	quizPerComponent     = 5      // quiz takers per SVD component used (see EffectiveComponents)
	svdSampleMax         = 20_000 // visible users in the SVD sample, quiz takers included
)

// DefaultParams returns 1000 pages, a 0.3 % quiz share (Cambridge
// Analytica: ~270,000 of 87 million, Facebook 2018) on a platform of
// DefaultPlatformUsers users, no friend harvesting and k = 100 components
// (Kosinski et al. 2013).
func DefaultParams() Params {
	return Params{Pages: 1000, QuizShare: 0.003, PlatformUsers: DefaultPlatformUsers, HarvestFriends: false, Components: 100}
}

// TrainingQuizTakers is the number of quiz takers the model is trained
// on: the rounded expected number among the platform's users,
// QuizShare × PlatformUsers, whatever the size of the simulated population.
func (p Params) TrainingQuizTakers() int { return p.ExpectedQuizTakers(p.PlatformUsers) }

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

// Check validates p and the consent rate of the regulation settings, and
// returns a one-line error naming the key. Nothing here depends on the
// size of the simulated population: the model is trained on the
// platform's users (PlatformUsers).
func (p Params) Check(consentRate float64) error {
	switch {
	case p.Pages < MinPages || p.Pages > MaxPages:
		return fmt.Errorf("data.pages = %d: must be between %d and %d", p.Pages, MinPages, MaxPages)
	}
	if err := limits.Check(p, "data."); err != nil { // data.quiz_share
		return err
	}
	switch {
	case p.PlatformUsers < MinPlatformUsers || p.PlatformUsers > MaxPlatformUsers:
		return fmt.Errorf("data.platform_users = %d: must be between %d and %d", p.PlatformUsers, MinPlatformUsers, MaxPlatformUsers)
	case p.Components < 1 || p.Components > MaxComponents:
		return fmt.Errorf("data.components = %d: must be between 1 and %d", p.Components, MaxComponents)
	case !(consentRate >= 0 && consentRate <= 1):
		return fmt.Errorf("regulation.consent_rate = %v: must be between 0 and 1", consentRate)
	}
	if p.QuizShare == 0 {
		return nil
	}
	switch q := p.TrainingQuizTakers(); {
	case q < MinQuizTakers:
		return fmt.Errorf("data.quiz_share = %v: only %d of data.platform_users = %d would take the quiz; training needs at least %d (use data.quiz_share ≥ %.2g or data.platform_users ≥ %d, or data.quiz_share = 0 for no profiling)",
			p.QuizShare, q, p.PlatformUsers, MinQuizTakers, ceil2(MinQuizTakers/float64(p.PlatformUsers)), int(math.Ceil(MinQuizTakers/p.QuizShare)))
	case q > MaxQuizTakers:
		return fmt.Errorf("data.quiz_share = %v: %d of data.platform_users = %d would take the quiz; training uses at most %d (lower data.quiz_share or data.platform_users)",
			p.QuizShare, q, p.PlatformUsers, MaxQuizTakers)
	}
	return nil
}

// ceil2 rounds x > 0 up to two significant digits, so that a suggested
// minimum is never below the real one.
func ceil2(x float64) float64 {
	e := math.Pow(10, math.Floor(math.Log10(x))-1)
	return math.Ceil(x/e-1e-9) * e
}
