package sim

import (
	"math"

	"boomerang/sim/par"
)

// Metrics is one row of steps.csv: the state of one arm after one step.
// Counts are cumulative up to the step. Every metric is defined in
// docs/MODEL.md ("Metrics"); NaN means "not defined" (written as an empty
// CSV cell), e.g. cost per conversion when there were no extra conversions.
type Metrics struct {
	Step int

	MeanOpinion    float64 // mean opinion on [−1, 1]
	SDOpinion      float64 // population standard deviation of opinion
	ShiftVsControl float64 // MeanOpinion − control arm's MeanOpinion at the same step
	Polarisation   float64 // mean |x_i − x_j| over random pairs (Gini mean difference), in [0, 2]

	Impressions           int64
	Reach                 int64 // distinct people who saw at least one ad
	Clicks                int64
	CTR                   float64 // Clicks / Impressions
	Conversions           int64   // people who have converted, for any reason
	ConversionRate        float64 // Conversions / population
	ConversionsVsControl  int64   // Conversions − control's Conversions: the campaign's causal effect
	AttributedConversions int64   // conversions within 7 steps after a click of the person: what an ad dashboard claims
	NaiveLift             float64 // conversion rate of the people reached ÷ that of the people not reached, − 1 (NaN if undefined)
	CausalLift            float64 // conversion rate of the people reached ÷ the same people's in the control twin, − 1 (NaN if undefined)
	Spend                 float64 // euro: Impressions · CPM / 1000
	CostPerConversion     float64 // Spend / ConversionsVsControl (cost per extra conversion)

	AttributesPerImpression float64 // personal attributes used per impression
	SensitiveShare          float64 // share of impressions chosen with a special-category inference
	VulnerableShare         float64 // impressions reaching the susceptible ÷ their share of the population: 1 random, > 1 aimed at them
	Backfires               int64   // impressions that caused reactance
	ExposureGini            float64 // Gini coefficient of impressions per person (0 equal … 1 all on one)

	Turnout            float64 // mean probability of voting (turnout.go)
	VoteShare          float64 // the campaign side's share of the expected votes
	VoteShareVsControl float64 // VoteShare − control's VoteShare at the same step

	// The operator's knowledge (the same in every arm: the world is shared).
	ProfiledShare      float64 // share of the population the operator has inferred a profile for
	InferenceError     float64 // mean absolute error of inferred Big Five, in sd units (NaN without a model)
	AttributesInferred float64 // attributes inferred per profiled person
	VulnerableImps     int64   // impressions that targeted a vulnerability or carried misinformation
}

// measure computes an arm's metrics after step t, except the *_vs_control
// columns, which need the control arm and are filled in by the run. The
// per-agent metrics take one pass over fixed blocks of agents on up to
// workers goroutines (metrics_scan.go), combined in block order, so
// the result is the same for any number of workers.
func measure(t int, w *World, s *ArmState, workers int) Metrics {
	tot := s.Totals
	m := Metrics{
		Step:                    t,
		Impressions:             tot.Impressions,
		Reach:                   tot.Reach,
		Clicks:                  tot.Clicks,
		CTR:                     ratio(float64(tot.Clicks), float64(tot.Impressions)),
		Conversions:             tot.Conversions,
		AttributedConversions:   tot.Attributed,
		ConversionRate:          ratio(float64(tot.Conversions), float64(w.Pop.N)),
		Spend:                   float64(tot.Impressions) * w.Config.Campaign.CPM / 1000,
		AttributesPerImpression: ratio(float64(tot.AttributesUsed), float64(tot.Impressions)),
		SensitiveShare:          ratio(float64(tot.SensitiveImps), float64(tot.Impressions)),
		VulnerableShare:         ratio(float64(tot.SusceptibleImps), float64(tot.Impressions)) / w.susc.share,
		Backfires:               tot.Backfires,
		CostPerConversion:       math.NaN(),
		VulnerableImps:          tot.VulnerableImps,
	}
	a := scanArm(s, w.Config.Campaign.Stance, workers)
	m.MeanOpinion, m.SDOpinion = a.mean, a.sd()
	m.Polarisation = a.meanAbsDifference()
	m.ExposureGini = a.gini()
	m.Turnout, m.VoteShare = a.turnoutAndVoteShare()
	m.ProfiledShare, m.InferenceError, m.AttributesInferred = profileStats(w)
	return m
}

// ratio is a/b, or 0 when b is 0 (no impressions yet: nothing to share).
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// polarisationBins is the resolution of the opinion histogram behind
// Polarisation: 200 bins of width 0.01 keep the error below 0.01 at O(N).
const polarisationBins = 200

// meanAbsDifference is the Gini mean difference E|x_i − x_j| over distinct
// pairs, computed from a histogram of opinions (bin centres) in O(N + B).
func meanAbsDifference(x []float32) float64 {
	var h [polarisationBins]int64
	for _, v := range x {
		b := int((float64(v) + 1) / 2 * polarisationBins)
		h[min(max(b, 0), polarisationBins-1)]++
	}
	return histMeanAbsDifference(&h, len(x))
}

// histMeanAbsDifference is meanAbsDifference of n opinions from their
// histogram h.
func histMeanAbsDifference(h *[polarisationBins]int64, n int) float64 {
	if n < 2 {
		return 0
	}
	// Σ_{i<j} |c_i − c_j| n_i n_j via running sums over sorted bins.
	var total, cumCount, cumWeighted float64
	for b, c := range h {
		if c == 0 {
			continue
		}
		centre := -1 + (float64(b)+0.5)*2/polarisationBins
		cf := float64(c)
		total += cf * (centre*cumCount - cumWeighted)
		cumCount += cf
		cumWeighted += cf * centre
	}
	return total / (float64(n) * float64(n-1) / 2)
}

// giniCounts is the Gini coefficient of non-negative integer counts,
// computed by counting sort: G = Σ_i (2i − n − 1) y_(i) / (n Σ y).
func giniCounts(y []int32) float64 {
	n := len(y)
	var maxV int32
	var sum float64
	for _, v := range y {
		maxV = max(maxV, v)
		sum += float64(v)
	}
	if n == 0 || sum == 0 {
		return 0
	}
	freq := make([]int64, maxV+1)
	for _, v := range y {
		freq[v]++
	}
	return giniFreq(freq, n, sum)
}

// giniFreq is the Gini coefficient of n counts with freq[v] counts equal
// to v and sum Σ y = sum > 0.
func giniFreq(freq []int64, n int, sum float64) float64 {
	var acc float64
	rank := 0 // 0-based rank of the first element with this value
	for v, f := range freq {
		if f == 0 {
			continue
		}
		// Σ over ranks r = rank … rank+f−1 of (2(r+1) − n − 1) = f·(2·rank + f − n)
		acc += float64(v) * float64(f) * float64(2*rank+int(f)-n)
		rank += int(f)
	}
	return acc / (float64(n) * sum)
}

// profileStats reads the operator's knowledge from the footprint's
// accuracy report: profiled share, Big Five error, attributes per profile.
func profileStats(w *World) (share, mae, attrs float64) {
	if w.Footprint == nil || !w.Footprint.Accuracy.Trained {
		return 0, math.NaN(), 0
	}
	a := &w.Footprint.Accuracy
	return float64(a.ProfiledShare), float64(a.MAEBigFive), float64(a.Attributes)
}

// lifts compares the people arm s reached with those it did not (naive)
// and with the same people in the control twin c (causal): Farahat &
// Bailey 2012's two estimates of what targeting does. NaN where a group
// is empty or has no conversions to compare with.
func lifts(s, c *ArmState, workers int) (naive, causal float64) {
	if s.Totals.Reach == 0 {
		// Nobody reached (a control arm): no reached group to compare.
		return math.NaN(), math.NaN()
	}
	n := len(s.seenThisRun)
	blocks := (n + metricsBlock - 1) / metricsBlock
	parts := make([][4]int64, blocks) // reached, converted reached, converted unreached, converted twins
	par.Each(blocks, workers, func(_, b int) {
		p := &parts[b]
		lo := b * metricsBlock
		hi := min(lo+metricsBlock, n)
		conv, twin := s.Converted[lo:hi], c.Converted[lo:hi]
		for i, seen := range s.seenThisRun[lo:hi] {
			if seen {
				p[0]++
				if conv[i] {
					p[1]++
				}
				if twin[i] {
					p[3]++
				}
			} else if conv[i] {
				p[2]++
			}
		}
	})
	var reached, convReached, convUnreached, convTwin int64
	for _, p := range parts {
		reached += p[0]
		convReached += p[1]
		convUnreached += p[2]
		convTwin += p[3]
	}
	naive, causal = math.NaN(), math.NaN()
	unreached := int64(len(s.seenThisRun)) - reached
	if reached > 0 && unreached > 0 && convUnreached > 0 {
		naive = (float64(convReached)/float64(reached))/(float64(convUnreached)/float64(unreached)) - 1
	}
	if convTwin > 0 {
		causal = float64(convReached)/float64(convTwin) - 1
	}
	return naive, causal
}
