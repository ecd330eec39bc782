package scenarios

import (
	"fmt"
	"math"
	"strconv"
	"testing"

	"boomerang/sim"
)

// Every built-in runs at every size (issue 18): 500, 2,000 and 20,000
// people through --set population.size, one short replication each, and
// every arm records finite opinions. The inference model is trained on
// the platform's users, so no scenario needs a minimum size.
func TestBuiltinsAtAnySize(t *testing.T) {
	for _, info := range List() {
		for _, n := range []int{500, 2000, 20_000} {
			t.Run(fmt.Sprintf("%s/%d", info.Name, n), func(t *testing.T) {
				cfg, err := Builtin(info.Name)
				if err != nil {
					t.Fatal(err)
				}
				if err := ApplySets(&cfg, []string{"population.size=" + strconv.Itoa(n), "steps=3"}); err != nil {
					t.Fatalf("--agents %d refused: %v", n, err)
				}
				r, err := sim.NewRun(cfg, cfg.Seed, 2)
				if err != nil {
					t.Fatalf("%d people: %v", n, err)
				}
				r.RunToEnd()
				res := r.Result()
				if len(res.Arms) != len(cfg.Arms) {
					t.Fatalf("%d arms, want %d", len(res.Arms), len(cfg.Arms))
				}
				for _, a := range res.Arms {
					if len(a.Series) == 0 || math.IsNaN(a.Series[len(a.Series)-1].MeanOpinion) {
						t.Errorf("arm %s: %d steps, last %+v", a.Name, len(a.Series), a.Series)
					}
				}
				if cfg.Data.QuizShare > 0 && (!res.Inference.Trained || res.Inference.TrainingQuizTakers < 50) {
					t.Errorf("inference at %d people: %+v", n, res.Inference)
				}
			})
		}
	}
}
