package footprint

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"boomerang/sim/population"
)

func TestTune(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	n, _ := strconv.Atoi(os.Getenv("TUNE"))
	q := 0.003
	if s := os.Getenv("QUIZ"); s != "" {
		q, _ = strconv.ParseFloat(s, 64)
	}
	pop, _ := population.Generate(population.Params{Size: n, Regions: 12}, 1, 0)
	p := DefaultParams()
	p.QuizShare = q
	for _, seed := range []uint64{1, 2, 3, 4, 5, 6} {
		f, err := Build(p, 0.7, pop, nil, seed, 0)
		if err != nil {
			t.Fatal(err)
		}
		a := f.Accuracy
		s := fmt.Sprintf("seed %d r=%.3f O=%.3f C=%.3f E=%.3f A=%.3f N=%.3f party=%.3f bins", seed, a.MeanBigFiveR, a.R.Openness, a.R.Conscientiousness, a.R.Extraversion, a.R.Agreeableness, a.R.Neuroticism, a.AUC.Party)
		for _, b := range a.ByLikes {
			s += fmt.Sprintf(" %.3f", b.R)
		}
		t.Log(s)
	}
}

func TestLikesTiming(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	pop, _ := population.Generate(population.Params{Size: 300000, Regions: 12}, 1, 0)
	c := NewCatalogue(1000)
	for range 3 {
		c0 := cpuSeconds()
		GenerateLikes(c, pop, 1, 1)
		t.Logf("cpu %.2f s per 300k", cpuSeconds()-c0)
	}
}
