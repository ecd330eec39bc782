package literature

import (
	"fmt"
	"math"
	"strings"

	"boomerang/sim"
	"boomerang/sim/footprint"
)

// Reading traits from likes (LITERATURE §1), through the model's real
// pipeline: a generated population of inferenceN people with the default
// data settings (1000 pages, 0.3 % quiz, k ≤ 100 components, consent 0.7),
// footprint.Build as sim.BuildWorld calls it, and the accuracy it measures
// on visible people who did not take the quiz.

// inferenceN is the population of the inference checks (both sizes): the
// default 0.3 % quiz then has ≈ 150 quiz takers.
const inferenceN = 50_000

// Published accuracies (LITERATURE §1).
const (
	// Youyou, Kosinski & Stillwell 2015, PNAS 112:1036: likes-based mean
	// Big Five r = 0.56; Kosinski, Stillwell & Graepel 2013, PNAS 110:5802:
	// O .43, E .40, A .30, ES .30, C .29 (mean 0.34). The band spans
	// Kosinski's lowest trait to Youyou's mean.
	meanRLo, meanRHi = 0.30, 0.56
	// Kosinski et al. 2013: Democrat vs Republican AUC 0.85.
	partyAUCLo, partyAUCHi = 0.80, 0.90
)

// inferenceWorld builds the world of one replication (population, network,
// likes, trained model) and returns its accuracy.
func inferenceWorld(o Options, seed uint64) (footprint.Accuracy, error) {
	c := sim.DefaultConfig()
	c.Population.Size = inferenceN
	c.Opinion.BurnIn = 0
	o.tweak(&c)
	w, err := sim.BuildWorld(c, seed, 1)
	if err != nil {
		return footprint.Accuracy{}, err
	}
	return w.Footprint.Accuracy, nil
}

func checkInference(o Options) []Row {
	const src13, src15 = "Kosinski et al. 2013 (§1)", "Youyou et al. 2015 (§1)"
	reps := 10
	if o.Quick {
		reps = 2
	}
	var meanR, partyAUC, open []float64
	openTop := 0
	var bins [][]float64 // per like bin, per rep
	var labels []string
	var quiz []int
	for k := range reps {
		acc, err := inferenceWorld(o, o.Seed+uint64(k))
		if err != nil {
			return []Row{failRow("inference-mean-r", "inference", src13, err)}
		}
		meanR = append(meanR, float64(acc.MeanBigFiveR))
		partyAUC = append(partyAUC, float64(acc.AUC.Party))
		open = append(open, float64(acc.R.Openness))
		r := acc.R
		if r.Openness >= max(r.Conscientiousness, r.Extraversion, r.Agreeableness, r.Neuroticism) {
			openTop++
		}
		quiz = append(quiz, acc.QuizTakers)
		if bins == nil {
			bins = make([][]float64, len(acc.ByLikes))
			for _, b := range acc.ByLikes {
				labels = append(labels, b.Likes)
			}
		}
		for j, b := range acc.ByLikes {
			if j < len(bins) {
				bins[j] = append(bins[j], float64(b.R))
			}
		}
	}
	seeds := seedRange(o.Seed, reps)
	size := fmt.Sprintf("N = %d, defaults (1000 pages, quiz 0.3 %% → quiz takers %s, k ≤ 100, consent 0.7); accuracy on visible non-quiz people", inferenceN, ints(quiz))
	var rows []Row

	m, lo, hi := meanCI(meanR)
	rows = append(rows, Row{
		ID: "inference-mean-r", Target: "mean Big Five r, inferred vs true", Source: src13 + "; " + src15,
		Published: "0.34 (K 2013: O .43 E .40 A .30 ES .30 C .29); 0.56 (Y 2015)",
		Ours:      m, Lo: lo, Hi: hi, Reps: reps,
		OursText: withCI("%.3f", m, lo, hi),
		Band:     fmt.Sprintf("%.2f–%.2f", meanRLo, meanRHi),
		Pass:     m >= meanRLo && m <= meanRHi,
		Detail:   size + "; per seed: " + floats("%.3f", meanR),
		Seeds:    seeds,
	})
	p, plo, phi := wilson(openTop, reps)
	om, _, _ := meanCI(open)
	rows = append(rows, Row{
		ID: "inference-openness-highest", Target: "openness is the best-predicted trait", Source: src13,
		Published: "openness highest (r = 0.43)",
		Ours:      p, Lo: plo, Hi: phi, Reps: reps,
		OursText: fmt.Sprintf("%d/%d seeds (openness r = %.3f)", openTop, reps, om),
		Band:     "all seeds",
		Pass:     openTop == reps,
		Detail:   size + "; openness r per seed: " + floats("%.3f", open),
		Seeds:    seeds,
	})
	m, lo, hi = meanCI(partyAUC)
	rows = append(rows, Row{
		ID: "inference-party-auc", Target: "party (Democrat vs Republican) AUC", Source: src13,
		Published: "0.85",
		Ours:      m, Lo: lo, Hi: hi, Reps: reps,
		OursText: withCI("%.3f", m, lo, hi),
		Band:     fmt.Sprintf("%.2f–%.2f", partyAUCLo, partyAUCHi),
		Pass:     m >= partyAUCLo && m <= partyAUCHi,
		Detail:   size + "; per seed: " + floats("%.3f", partyAUC),
		Seeds:    seeds,
	})
	// Accuracy rising with likes, with diminishing returns: r rises from
	// the first like bin to the last, and the last bin's gain is less than
	// half the first's.
	var mean []float64
	for _, b := range bins {
		v, _, _ := meanCI(b)
		mean = append(mean, v)
	}
	ratio := math.NaN()
	rising := len(mean) >= 3
	if len(mean) >= 3 {
		first := mean[1] - mean[0]
		last := mean[len(mean)-1] - mean[len(mean)-2]
		ratio = last / first
		rising = first > 0 && mean[len(mean)-1] > mean[0]
		for j := 1; j < len(mean); j++ {
			if mean[j] < mean[j-1]-0.02 {
				rising = false
			}
		}
	}
	var parts []string
	for j, v := range mean {
		parts = append(parts, fmt.Sprintf("%s: %.3f", labels[j], v))
	}
	rows = append(rows, Row{
		ID: "inference-likes", Target: "r rises with likes, diminishing returns (last gain ÷ first gain)", Source: src13 + "; " + src15,
		Published: "rises with diminishing returns",
		Ours:      ratio, Lo: math.NaN(), Hi: math.NaN(), Reps: reps,
		OursText: fmt.Sprintf("%.2f; rising: %v", ratio, rising),
		Band:     "rising; ratio < 0.5",
		Pass:     rising && ratio < 0.5,
		Detail:   size + "; mean Big Five r by likes per person (mean over seeds): " + strings.Join(parts, ", "),
		Seeds:    seeds,
	})
	return rows
}

// floats formats a list of numbers.
func floats(f string, xs []float64) string {
	s := make([]string, len(xs))
	for i, v := range xs {
		s[i] = fmt.Sprintf(f, v)
	}
	return strings.Join(s, " ")
}
