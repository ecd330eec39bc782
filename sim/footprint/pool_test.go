package footprint

import (
	"slices"
	"testing"
)

// TestModelIndependentOfTownSize: the model is trained on the platform's
// users, so towns of 500 and 5000 people get the same model bit for bit,
// and the accuracy measured on them differs only by sampling.
func TestModelIndependentOfTownSize(t *testing.T) {
	p := DefaultParams()
	small, err := Build(p, 0.7, genPop(t, 500, 4), nil, 9, 1)
	if err != nil {
		t.Fatalf("500 people: %v", err)
	}
	big, err := Build(p, 0.7, genPop(t, 5000, 4), nil, 9, 2)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(small.Model.Weights, big.Model.Weights) || small.Model.Intercept != big.Model.Intercept || small.Model.CV != big.Model.CV {
		t.Fatal("the model depends on the town's size")
	}
	if small.Model.QuizTakers != 150 || small.Model.SVDUsers != poolSampleMax {
		t.Errorf("trained on %d quiz takers, %d SVD users; want 150 and %d", small.Model.QuizTakers, small.Model.SVDUsers, poolSampleMax)
	}
	other, err := Build(p, 0.7, genPop(t, 500, 4), nil, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Equal(other.Model.Weights, small.Model.Weights) {
		t.Error("another seed trains the same model: the pool ignores the seed")
	}
	// Agent i of the town is the same person whatever the town's size, and
	// the same model scores the same likes the same way.
	for i := range 500 {
		if small.Inferred.Profiled(i) != big.Inferred.Profiled(i) ||
			small.Inferred.Profiled(i) && small.Inferred.Values[Openness][i] != big.Inferred.Values[Openness][i] {
			t.Fatalf("agent %d is profiled differently in a town of 500 and of 5000", i)
		}
	}
}

// TestPoolBounded: the pool draws only the quiz takers and the SVD sample,
// never more than poolSampleMax people beside the quiz takers, however
// large the platform.
func TestPoolBounded(t *testing.T) {
	for _, c := range []struct {
		users              int
		share, consent     float64
		wantQuiz, wantRest int
	}{
		{50_000, 0.003, 0.7, 150, poolSampleMax - 150},
		{100_000_000, 0.0002, 0.7, 20_000, 0},
		{20_000, 0.003, 0.1, 60, 1994},
		{50_000, 0.003, 0, 150, 0},
	} {
		p := DefaultParams()
		p.PlatformUsers, p.QuizShare = c.users, c.share
		q, rest := poolSizes(p, c.consent)
		if q != c.wantQuiz || rest != c.wantRest {
			t.Errorf("%d users, quiz %v, consent %v: %d quiz takers + %d others, want %d + %d",
				c.users, c.share, c.consent, q, rest, c.wantQuiz, c.wantRest)
		}
		if err := p.Check(c.consent); err != nil {
			t.Errorf("%+v: %v", p, err)
		}
	}
}
