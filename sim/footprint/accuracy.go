package footprint

import (
	"encoding/json"
	"math"
	"strconv"
	"sync"

	"boomerang/sim/population"
)

// Value is a float64 that marshals NaN (not computable: too few people, no
// model) as JSON null, so the report is always valid JSON.
type Value float64

// MarshalJSON writes the number, or null for NaN and ±Inf.
func (v Value) MarshalJSON() ([]byte, error) {
	f := float64(v)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, f, 'g', -1, 64), nil
}

// UnmarshalJSON reads a number, or null as NaN.
func (v *Value) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*v = Value(math.NaN())
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	*v = Value(f)
	return nil
}

// NumericR holds a Pearson r per numeric attribute.
type NumericR struct {
	Openness          Value `json:"openness"`
	Conscientiousness Value `json:"conscientiousness"`
	Extraversion      Value `json:"extraversion"`
	Agreeableness     Value `json:"agreeableness"`
	Neuroticism       Value `json:"neuroticism"`
	Ideology          Value `json:"ideology"`
	Age               Value `json:"age"`
}

// BinaryAUC holds an AUC per binary attribute.
type BinaryAUC struct {
	Gender    Value `json:"gender"`
	Party     Value `json:"party"`
	Religious Value `json:"religious"`
	Migrant   Value `json:"migrant"`
	LGB       Value `json:"lgb"`
	Health    Value `json:"health"`
}

// BinAccuracy is the accuracy among people in one like bin.
type BinAccuracy struct {
	Likes string `json:"likes"`           // bin label, e.g. "11-70"
	N     int    `json:"n"`               // visible non-quiz people in the bin
	R     Value  `json:"r_big_five_mean"` // mean over the Big Five of Pearson r (null if n < 30)
}

// Accuracy reports how well the operator's model infers attributes, for
// the run manifest. Accuracies are measured on the people it profiles who
// did not take the quiz (the model never saw their answers), against their
// true attributes.
type Accuracy struct {
	Trained    bool `json:"trained"`     // false when data.quiz_share = 0 (no model)
	QuizTakers int  `json:"quiz_takers"` // simulated people who took the quiz (their friends are harvested)
	// The model is trained on the platform's users, not on the simulated
	// people: TrainingQuizTakers of PlatformUsers (data.platform_users).
	PlatformUsers      int   `json:"platform_users"`
	TrainingQuizTakers int   `json:"training_quiz_takers"`
	Consenting         int   `json:"consenting"`   // people who consented to tracking
	Harvested          int   `json:"harvested"`    // friends of quiz takers whose likes the app collected
	HarvestGain        int   `json:"harvest_gain"` // visible only through harvesting (no consent, no quiz)
	Visible            int   `json:"visible"`      // people whose likes the operator sees
	Profiled           int   `json:"profiled"`     // visible and inferred (= visible when trained)
	Population         int   `json:"population"`   // N
	Components         int   `json:"components"`   // SVD components used
	SVDUsers           int   `json:"svd_users"`    // users in the SVD sample
	Attributes         int   `json:"attributes"`   // attributes inferred better than chance (per profiled person)
	EvaluatedOn        int   `json:"evaluated_on"` // visible non-quiz people the accuracies are computed on
	PagesOfLikes       int   `json:"pages"`        // pages in the catalogue
	MeanLikes          Value `json:"mean_likes"`   // mean likes per person

	ProfiledShare     Value `json:"profiled_share"`         // Profiled / N
	VarianceExplained Value `json:"svd_variance_explained"` // share of like-matrix variance in the k components (Kosinski 2013: 28 % for k = 100)

	R              NumericR      `json:"r"`                  // Pearson r, inferred vs true
	MeanBigFiveR   Value         `json:"r_big_five_mean"`    // mean of the five Big Five r
	AUC            BinaryAUC     `json:"auc"`                // Mann–Whitney AUC, inferred probability vs truth
	ByLikes        []BinAccuracy `json:"r_by_likes"`         // mean Big Five r per like bin
	MAEBigFive     Value         `json:"mae_big_five"`       // mean absolute error on the Big Five (sd units)
	CVMeanBigFiveR Value         `json:"cv_r_big_five_mean"` // what the operator believes: cross-validated on the quiz
	CVPartyAUC     Value         `json:"cv_auc_party"`       // cross-validated party AUC on the quiz

	// The same model's accuracy on the platform's users outside the quiz
	// (the training pool's SVD sample: up to 9,850 people, none of whose
	// answers the model saw): the model's accuracy without the sampling
	// noise of a small town, identical for every population.size.
	PlatformMeanBigFiveR Value `json:"platform_r_big_five_mean"`
	PlatformPartyAUC     Value `json:"platform_auc_party"`
	PlatformEvaluatedOn  int   `json:"platform_evaluated_on"`
	// The pool drawn to train on: people (quiz takers and SVD sample) and
	// the bytes they held (Pool.Bytes), bounded whatever PlatformUsers.
	PoolPeople int   `json:"platform_pool_people"`
	PoolBytes  int64 `json:"platform_pool_bytes"`
}

// Get returns the reported accuracy of attribute a: r for numeric
// attributes, AUC for binary ones.
func (acc *Accuracy) Get(a Attribute) float64 {
	if v := acc.field(a); v != nil {
		return float64(*v)
	}
	return math.NaN()
}

func (acc *Accuracy) set(a Attribute, v float64) {
	if f := acc.field(a); f != nil {
		*f = Value(v)
	}
}

// field is where acc reports attribute a's accuracy (nil for none): r
// of the numeric attributes, AUC of the binary ones, in attribute order.
func (acc *Accuracy) field(a Attribute) *Value {
	r, auc := &acc.R, &acc.AUC
	switch {
	case a < Gender:
		return [...]*Value{&r.Openness, &r.Conscientiousness, &r.Extraversion, &r.Agreeableness,
			&r.Neuroticism, &r.Ideology, &r.Age}[a]
	case a < NumAttributes:
		return [...]*Value{&auc.Gender, &auc.Party, &auc.Religious, &auc.Migrant, &auc.LGB, &auc.Health}[a-Gender]
	}
	return nil
}

// minBinEval is the fewest people in a like bin for its r to be reported.
const minBinEval = 30

// Untrained is the report of a population of n people of whom the
// operator knows nothing (no footprint, no model): counts 0, profiled
// share 0, every accuracy NaN (null in JSON).
func Untrained(n int) Accuracy {
	nan := Value(math.NaN())
	acc := Accuracy{Population: n, MeanBigFiveR: nan, MAEBigFive: nan, CVMeanBigFiveR: nan,
		CVPartyAUC: nan, VarianceExplained: nan, PlatformMeanBigFiveR: nan, PlatformPartyAUC: nan}
	for a := range NumAttributes {
		acc.set(a, math.NaN())
	}
	acc.ByLikes = make([]BinAccuracy, NumLikeBins)
	for b := range acc.ByLikes {
		acc.ByLikes[b] = BinAccuracy{Likes: LikeBins[b].Label, R: nan}
	}
	return acc
}

// Evaluate compares the inferences with the truth. m and inf may be nil /
// empty (no model): then only the counts are filled and every accuracy is
// NaN (null in JSON).
func Evaluate(pop *population.Population, likes *Likes, vis *Visibility, m *Model, inf *Inferred) Accuracy {
	nan := Value(math.NaN())
	acc := Untrained(pop.N)
	acc.ProfiledShare = nan
	var eval []int32
	for i := range pop.N {
		f := vis.Flags[i]
		if f&FlagQuiz != 0 {
			acc.QuizTakers++
		}
		if f&FlagConsent != 0 {
			acc.Consenting++
		}
		if f&FlagHarvested != 0 {
			acc.Harvested++
		}
		if f == FlagHarvested {
			acc.HarvestGain++
		}
		if f != 0 {
			acc.Visible++
			if f&FlagQuiz == 0 {
				eval = append(eval, int32(i))
			}
		}
	}
	acc.MeanLikes = Value(float64(likes.Offsets[pop.N]) / float64(max(1, pop.N)))
	if m == nil || inf == nil || inf.Values[0] == nil {
		acc.ProfiledShare = 0
		return acc
	}
	acc.Trained = true
	acc.PagesOfLikes = m.Pages
	acc.Profiled = acc.Visible
	acc.ProfiledShare = Value(float64(acc.Profiled) / float64(pop.N))
	acc.Components, acc.SVDUsers = m.Components, m.SVDUsers
	acc.VarianceExplained = Value(m.Explained)
	acc.EvaluatedOn = len(eval)
	for _, u := range m.Usable {
		if u {
			acc.Attributes++
		}
	}
	cv := 0.0
	for _, a := range BigFive {
		cv += m.CV[a] / 5
	}
	acc.CVMeanBigFiveR, acc.CVPartyAUC = Value(cv), Value(m.CV[Party])

	// Each attribute's sums run on a goroutine of their own, over the
	// evaluated people in order, so every sum adds the same terms in the
	// same order as a single loop would (identical result): the Big Five
	// together (they share the like bins and the MAE), ideology and age
	// alone, and each binary attribute fills and sorts its AUC keys.
	var num [NumNumeric]corrAcc
	var bins [NumNumeric][NumLikeBins]corrAcc
	var aucs [NumAttributes]float64
	var binN [NumLikeBins]int
	mae := 0.0
	var wg sync.WaitGroup
	truth := truthsOf(pop)
	wg.Go(func() {
		for _, i := range eval {
			b := likeBin(likes.Count(int(i)))
			binN[b]++
			for a := range Neuroticism + 1 {
				x, y := float64(inf.Values[a][i]), truth.get(a, int(i))
				num[a].add(x, y)
				bins[a][b].add(x, y)
				mae += math.Abs(x - y)
			}
		}
	})
	for a := Ideology; a < NumAttributes; a++ {
		wg.Go(func() {
			inferred := inf.Values[a]
			if !a.Binary() {
				for _, i := range eval {
					num[a].add(float64(inferred[i]), truth.get(a, int(i)))
				}
				return
			}
			keys := make([]uint64, len(eval))
			for t, i := range eval {
				keys[t] = aucKey(inferred[i], truth.get(a, int(i)) == 1)
			}
			aucs[a] = aucKeys(keys)
		})
	}
	wg.Wait()
	n := len(eval)
	for b, c := range binN {
		acc.ByLikes[b].N += c
	}
	meanR := 0.0
	for a := range NumAttributes {
		if a.Binary() {
			acc.set(a, aucs[a])
			continue
		}
		acc.set(a, num[a].r())
	}
	for _, a := range BigFive {
		meanR += num[a].r() / 5
	}
	acc.MeanBigFiveR, acc.MAEBigFive = Value(meanR), Value(mae/float64(5*max(1, n)))
	for b := range NumLikeBins {
		if acc.ByLikes[b].N < minBinEval {
			continue
		}
		r := 0.0
		for _, a := range BigFive {
			r += bins[a][b].r() / 5
		}
		acc.ByLikes[b].R = Value(r)
	}
	return acc
}
