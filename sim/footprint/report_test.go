package footprint

import (
	"fmt"
	"os"
	"strconv"
	"testing"
)

// TestReport prints the accuracy report for other population sizes and
// quiz shares, over six seeds; it runs only when asked:
//
//	FOOTPRINT_REPORT=200000 FOOTPRINT_QUIZ=0.01 go test -run TestReport -v ./sim/footprint/
func TestReport(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("FOOTPRINT_REPORT"))
	if err != nil {
		t.Skip("set FOOTPRINT_REPORT=N to print the accuracy at N agents")
	}
	p := DefaultParams()
	if s := os.Getenv("FOOTPRINT_QUIZ"); s != "" {
		if p.QuizShare, err = strconv.ParseFloat(s, 64); err != nil {
			t.Fatal(err)
		}
	}
	pop := genPop(t, n, 1)
	for seed := uint64(1); seed <= 6; seed++ {
		f, err := Build(p, 0.7, pop, nil, seed, 0)
		if err != nil {
			t.Fatal(err)
		}
		a := f.Accuracy
		s := fmt.Sprintf("seed %d quiz %d k %d: r %.3f (O %.3f C %.3f E %.3f A %.3f N %.3f) ideology %.3f age %.3f; AUC party %.3f gender %.3f; by likes",
			seed, a.QuizTakers, a.Components, a.MeanBigFiveR, a.R.Openness, a.R.Conscientiousness, a.R.Extraversion,
			a.R.Agreeableness, a.R.Neuroticism, a.R.Ideology, a.R.Age, a.AUC.Party, a.AUC.Gender)
		for _, b := range a.ByLikes {
			s += fmt.Sprintf(" %.3f", b.R)
		}
		t.Log(s)
	}
}
