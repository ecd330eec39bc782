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

// scanLanes is how many blocks one goroutine scans side by side. A
// block's sums add one agent after another in agent order (that order
// fixes their rounding), so a block scanned alone waits for the adder at
// every agent; the sums of other blocks are independent of it and fill
// that wait. Each block still sums in agent order: the same bits.
const scanLanes = 4

// scanArm scans every agent of s in fixed blocks, scanLanes blocks side by
// side on up to workers goroutines, and combines the blocks in order.
func scanArm(s *ArmState, stance float64, workers int) *armScan {
	n := len(s.Opinion)
	turnout := s.Turnout
	if len(turnout) < n {
		// Nobody votes: turnout and vote share 0. Every block reads the
		// same block of zeros (one block, not a slice of n per step).
		turnout = nil
	}
	zeros := make([]float32, min(n, metricsBlock))
	blocks := (n + metricsBlock - 1) / metricsBlock
	parts := make([]armScan, blocks)
	groups := (blocks + scanLanes - 1) / scanLanes
	par.Each(groups, workers, func(_, g int) {
		b0 := g * scanLanes
		scanBlocks(parts[b0:min(b0+scanLanes, blocks)], s, turnout, zeros, stance, b0*metricsBlock)
	})
	total := &armScan{}
	for b := range parts {
		total.add(&parts[b])
	}
	return total
}

// scanBlocks fills parts with consecutive blocks of s from agent lo on:
// side by side when there are scanLanes whole blocks, else one at a time.
// turnout is nil when nobody votes: each block then reads zeros instead.
// The sums are locals (registers), each block's in agent order; the
// opinions are read twice while in cache: for the mean (and the votes for
// the campaign's side), then for the squared deviations from it, the bins
// and the turnout.
func scanBlocks(parts []armScan, s *ArmState, turnout, zeros []float32, stance float64, lo int) {
	var x, p [scanLanes][]float32
	var first [scanLanes]meanSums
	var second [scanLanes]spreadSums
	var hist [scanLanes][polarisationBins]int32 // a block has < 2³¹ agents
	n := len(s.Opinion)
	for l := range parts {
		a, b := min(lo+l*metricsBlock, n), min(lo+(l+1)*metricsBlock, n)
		x[l], p[l] = s.Opinion[a:b], zeros[:b-a]
		if turnout != nil {
			p[l] = turnout[a:b]
		}
		parts[l].n = b - a
	}
	if len(parts) == scanLanes && len(x[scanLanes-1]) == metricsBlock {
		x0, x1, x2, x3 := x[0][:metricsBlock], x[1][:metricsBlock], x[2][:metricsBlock], x[3][:metricsBlock]
		p0, p1, p2, p3 := p[0][:metricsBlock], p[1][:metricsBlock], p[2][:metricsBlock], p[3][:metricsBlock]
		var a0, a1, a2, a3 meanSums
		for k := range metricsBlock {
			a0 = a0.add(x0[k], p0[k], ourWeight(stance, x0[k]))
			a1 = a1.add(x1[k], p1[k], ourWeight(stance, x1[k]))
			a2 = a2.add(x2[k], p2[k], ourWeight(stance, x2[k]))
			a3 = a3.add(x3[k], p3[k], ourWeight(stance, x3[k]))
		}
		mu0, mu1, mu2, mu3 := a0.mean(metricsBlock), a1.mean(metricsBlock), a2.mean(metricsBlock), a3.mean(metricsBlock)
		h0, h1, h2, h3 := &hist[0], &hist[1], &hist[2], &hist[3]
		var b0, b1, b2, b3 spreadSums
		for k := range metricsBlock {
			b0 = b0.add(x0[k], p0[k], mu0, h0)
			b1 = b1.add(x1[k], p1[k], mu1, h1)
			b2 = b2.add(x2[k], p2[k], mu2, h2)
			b3 = b3.add(x3[k], p3[k], mu3, h3)
		}
		first = [scanLanes]meanSums{a0, a1, a2, a3}
		second = [scanLanes]spreadSums{b0, b1, b2, b3}
	} else {
		for l := range parts {
			xl, pl := x[l], p[l][:len(x[l])]
			var a meanSums
			for k, v := range xl {
				a = a.add(v, pl[k], ourWeight(stance, v))
			}
			mu, h := a.mean(len(xl)), &hist[l]
			var b spreadSums
			for k, v := range xl {
				b = b.add(v, pl[k], mu, h)
			}
			first[l], second[l] = a, b
		}
	}
	for l := range parts {
		a := &parts[l]
		a.mean, a.m2 = first[l].mean(a.n), second[l].m2
		a.votes, a.ours = second[l].votes, first[l].ours
		for b, c := range hist[l] {
			a.hist[b] = int64(c)
		}
		a.scanImpressions(s, lo+l*metricsBlock)
	}
}

// meanSums are a block's running sums of opinions and of the turnout of
// the votes for the campaign's side (turnout.go).
type meanSums struct{ x, ours float64 }

// add adds an agent with opinion v, turnout p and vote weight w
// (ourWeight).
func (s meanSums) add(v, p float32, w float64) meanSums {
	return meanSums{s.x + float64(v), s.ours + float64(p)*w}
}

// mean is the mean opinion of a block of n > 0 agents.
func (s meanSums) mean(n int) float64 { return s.x / float64(n) }

// ourWeight is the weight of a vote by opinion v for the side of stance:
// 1 for, ½ neutral, 0 against or NaN (voteWeight[voteClass(stance·v)]),
// from two comparisons that compile to flag reads, not branches: the
// sign of the opinion is unpredictable and a mispredicted branch per
// agent would cost more than the rest of the scan.
func ourWeight(stance float64, v float32) float64 {
	x := stance * float64(v)
	return voteWeight[(b2u(x > 0)+b2u(x >= 0))&3]
}

// spreadSums are a block's running sums of squared deviations from its
// mean opinion and of turnout.
type spreadSums struct{ m2, votes float64 }

// add adds an agent with opinion v and turnout p to the sums, given the
// block's mean opinion, and counts v in its bin of h (meanAbsDifference's
// bins).
func (s spreadSums) add(v, p float32, mean float64, h *[polarisationBins]int32) spreadSums {
	d := float64(v) - mean
	// (v + 1) · (B/2) is meanAbsDifference's (v + 1) / 2 · B with one
	// multiplication fewer and the same bits: halving v + 1 is exact (for
	// a float32 v it is never a subnormal double).
	b := int((float64(v) + 1) * (polarisationBins / 2))
	h[min(max(b, 0), polarisationBins-1)]++
	return spreadSums{s.m2 + d*d, s.votes + float64(p)}
}

// scanImpressions counts the impressions of the a.n agents from lo on. An
// arm that has shown no ad (a control arm) has none to count: its Gini is
// 0 without reading them.
func (a *armScan) scanImpressions(s *ArmState, lo int) {
	if s.Totals.Impressions == 0 || a.n == 0 {
		return
	}
	imp := s.Impressions[lo : lo+a.n]
	maxImp, sum := int32(0), int64(0)
	for _, v := range imp {
		maxImp = max(maxImp, v)
		sum += int64(v)
	}
	a.impSum = sum
	if sum > 0 {
		a.freq = make([]int64, maxImp+1)
		for _, v := range imp {
			a.freq[v]++
		}
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
