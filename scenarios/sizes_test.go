package scenarios

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"boomerang/sim"
	"boomerang/sim/footprint"
)

// Every built-in runs at every size (issue 18): 500, 2,000 and 20,000
// people through --set population.size, one short replication each, and
// every arm records finite opinions. The inference model is trained on
// the platform's users, so no scenario needs a minimum size.
func TestBuiltinsAtAnySize(t *testing.T) {
	sizes := []int{500, 2000, 20_000}
	if raceEnabled || testing.Short() {
		sizes = sizes[:2] // the race detector is ~10× slower
	}
	for _, info := range List() {
		for _, n := range sizes {
			t.Run(fmt.Sprintf("%s/%d", info.Name, n), func(t *testing.T) {
				cfg, err := Builtin(info.Name)
				if err != nil {
					t.Fatal(err)
				}
				if cfg.Network.Kind == "file" {
					// a real network has the size of its file (issue 22): a
					// different size is refused, naming both
					if err := ApplySets(&cfg, []string{"population.size=" + strconv.Itoa(n)}); err == nil || !strings.Contains(err.Error(), "population.size follows the file") {
						t.Errorf("%s at %d people: %v, want the file-size refusal", info.Name, n, err)
					}
					return
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

// The inference accuracy manifest.json reports for matz-2017 (its own
// seed) differs by at most 0.03 in mean Big Five r between 2,000 and
// 200,000 people, and the model's own accuracy on the platform's held-out
// users is identical (issue 18).
func TestInferenceAccuracyAtAnySize(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("builds a world of 200,000 people")
	}
	var acc [2]footprint.Accuracy
	for k, n := range []int{2000, 200_000} {
		cfg, err := Builtin("matz-2017")
		if err != nil {
			t.Fatal(err)
		}
		if err := ApplySets(&cfg, []string{"population.size=" + strconv.Itoa(n), "opinion.burn_in=0"}); err != nil {
			t.Fatal(err)
		}
		w, err := sim.BuildWorld(cfg, cfg.Seed, 2)
		if err != nil {
			t.Fatal(err)
		}
		acc[k] = w.Footprint.Accuracy
	}
	small, big := float64(acc[0].MeanBigFiveR), float64(acc[1].MeanBigFiveR)
	t.Logf("mean Big Five r: %.4f at 2,000 (on %d people), %.4f at 200,000 (on %d); the model's on the platform: %.4f",
		small, acc[0].EvaluatedOn, big, acc[1].EvaluatedOn, float64(acc[0].PlatformMeanBigFiveR))
	if !(math.Abs(small-big) <= 0.03) {
		t.Errorf("mean Big Five r %.4f at 2,000 people, %.4f at 200,000: differ by more than 0.03", small, big)
	}
	if acc[0].PlatformMeanBigFiveR != acc[1].PlatformMeanBigFiveR || acc[0].TrainingQuizTakers != acc[1].TrainingQuizTakers {
		t.Errorf("the model differs with the town's size: %+v vs %+v", acc[0], acc[1])
	}
}
