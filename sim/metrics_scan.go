package sim

import (
	"math"

	"boomerang/sim/par"
)

// metricsBlock is the number of agents one goroutine scans at a time when
// recording metrics. Fixed, so that the partial sums, and thus the
// metrics, do not depend on the number of workers.
const metricsBlock = 1 << 14

// armScan is what one pass over (a block of) an arm's agents collects for
// the metrics: opinion moments (Chan, Golub & LeVeque 1983's pairwise
// update), the opinion histogram, impressions per person, votes.
type armScan struct {
	n           int
	mean, m2    float64 // mean opinion and Σ (x − mean)²
	hist        [polarisationBins]int64
	impSum      int64
	freq        []int64 // freq[v] = people with v impressions
	votes, ours float64 // Σ turnout, Σ turnout of votes for the campaign's side (turnout.go)
}

// scanArm scans every agent of s in fixed blocks on up to workers
// goroutines and combines the blocks in order.
func scanArm(s *ArmState, stance float64, workers int) *armScan {
	n := len(s.Opinion)
	blocks := (n + metricsBlock - 1) / metricsBlock
	parts := make([]armScan, blocks)
	par.Each(blocks, workers, func(_, b int) {
		lo := b * metricsBlock
		parts[b].scan(s, stance, lo, min(lo+metricsBlock, n))
	})
	total := &armScan{}
	for b := range parts {
		total.add(&parts[b])
	}
	return total
}

// scan collects agents [lo, hi) of s. The block is read twice (mean, then
// squared deviations and the rest) while it is in cache.
func (a *armScan) scan(s *ArmState, stance float64, lo, hi int) {
	x := s.Opinion[lo:hi]
	a.n = len(x)
	if a.n == 0 {
		return
	}
	var sum float64
	for _, v := range x {
		sum += float64(v)
	}
	a.mean = sum / float64(a.n)
	for _, v := range x {
		d := float64(v) - a.mean
		a.m2 += d * d
		b := int((float64(v) + 1) / 2 * polarisationBins)
		a.hist[min(max(b, 0), polarisationBins-1)]++
	}
	// An arm that has shown no ad (a control arm) has no impressions to
	// count: its Gini is 0 without reading them.
	if s.Totals.Impressions == 0 {
		a.scanVotes(s, stance, lo, hi)
		return
	}
	imp := s.Impressions[lo:hi]
	maxImp := int32(0)
	for _, v := range imp {
		maxImp = max(maxImp, v)
		a.impSum += int64(v)
	}
	if a.impSum > 0 {
		a.freq = make([]int64, maxImp+1)
		for _, v := range imp {
			a.freq[v]++
		}
	}
	a.scanVotes(s, stance, lo, hi)
}

// scanVotes adds the votes of agents [lo, hi): branch-free, as
// turnoutAndVoteShare.
func (a *armScan) scanVotes(s *ArmState, stance float64, lo, hi int) {
	if len(s.Turnout) < hi {
		return
	}
	x := s.Opinion[lo:hi]
	for k, p := range s.Turnout[lo:hi] {
		pv := float64(p)
		a.votes += pv
		a.ours += pv * voteWeight[voteClass(stance*float64(x[k]))&3]
	}
}

// add merges block b into a (blocks are added in agent order).
func (a *armScan) add(b *armScan) {
	if b.n == 0 {
		return
	}
	n := a.n + b.n
	delta := b.mean - a.mean
	a.m2 += b.m2 + delta*delta*float64(a.n)*float64(b.n)/float64(n)
	a.mean += delta * float64(b.n) / float64(n)
	a.n = n
	for k, c := range b.hist {
		a.hist[k] += c
	}
	a.impSum += b.impSum
	if len(b.freq) > len(a.freq) {
		a.freq = append(a.freq, make([]int64, len(b.freq)-len(a.freq))...)
	}
	for v, c := range b.freq {
		a.freq[v] += c
	}
	a.votes += b.votes
	a.ours += b.ours
}

// sd is the population standard deviation of opinion.
func (a *armScan) sd() float64 {
	if a.n == 0 {
		return 0
	}
	return math.Sqrt(a.m2 / float64(a.n))
}

// meanAbsDifference is the Gini mean difference of opinions from the
// histogram (meanAbsDifference).
func (a *armScan) meanAbsDifference() float64 {
	return histMeanAbsDifference(&a.hist, a.n)
}

// gini is the Gini coefficient of impressions per person (giniCounts).
func (a *armScan) gini() float64 {
	if a.n == 0 || a.impSum == 0 {
		return 0
	}
	return giniFreq(a.freq, a.n, float64(a.impSum))
}

// turnoutAndVoteShare is the expected turnout and the campaign side's vote
// share (turnoutAndVoteShare).
func (a *armScan) turnoutAndVoteShare() (turnout, share float64) {
	if a.n == 0 || a.votes == 0 {
		return 0, 0
	}
	return a.votes / float64(a.n), a.ours / a.votes
}
