package sim

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"boomerang/sim/rng"
)

// TestScanArmSumsEachBlockInAgentOrder: the metrics scan, however it
// interleaves blocks, gives bit for bit what the textbook loops give when
// each block is summed alone in agent order and the blocks are combined in
// order — the definition the metrics of every earlier run followed. Blocks
// of unequal size, a group of fewer blocks than scanLanes at the end, a
// consensus (most opinions in one bin), opinions of very different
// magnitude (so that a sum in another order rounds differently) and both
// stances.
func TestScanArmSumsEachBlockInAgentOrder(t *testing.T) {
	const n = 9*metricsBlock + 777
	s := &ArmState{Opinion: make([]float32, n), Turnout: make([]float32, n), Impressions: make([]int32, n)}
	for i := range n {
		u := rng.Float64(3, rng.Opinion, uint64(i), 0, 0)
		x := 2*float32(u) - 1
		if i%3 != 0 {
			x = 0.25 + float32(u)/1e4 // near consensus
		}
		if i%7 == 0 {
			x = float32(u) * 1e-6 // fine bits: sums round, so order shows
		}
		if i%97 == 0 {
			x = float32(int(u*200))/100 - 1 // on a bin's edge
		}
		if i%101 == 0 {
			x = 0 // neutral: half a vote
		}
		s.Opinion[i] = x
		s.Turnout[i] = float32(rng.Float64(3, rng.Opinion, uint64(i), 0, 1))
		s.Impressions[i] = int32(rng.Uint64(3, rng.Exposure, uint64(i), 0, 0) % uint64(1+i%13))
		s.Totals.Impressions += int64(s.Impressions[i])
	}
	for _, stance := range []float64{1, -1} {
		want := referenceScan(s, stance)
		for _, workers := range []int{1, 2, 3, 7} {
			got := scanArm(s, stance, workers)
			if got.n != want.n || got.mean != want.mean || got.m2 != want.m2 ||
				got.votes != want.votes || got.ours != want.ours || got.impSum != want.impSum ||
				got.hist != want.hist || !slices.Equal(got.freq, want.freq) {
				t.Errorf("stance %v, %d workers: scan %+v\nreference %+v", stance, workers,
					[]float64{got.mean, got.m2, got.votes, got.ours}, []float64{want.mean, want.m2, want.votes, want.ours})
			}
		}
	}
	// And the reference is not trivially equal to a whole-population sum.
	if w := referenceScan(s, 1); w.mean == 0 || w.m2 == 0 || math.IsNaN(w.ours) {
		t.Fatalf("degenerate reference %+v", w)
	}
}

// referenceScan is the block scan written as the textbook loops: each
// block of metricsBlock agents summed alone, in agent order, then the
// blocks combined in order.
func referenceScan(s *ArmState, stance float64) *armScan {
	n := len(s.Opinion)
	total := &armScan{}
	for lo := 0; lo < n; lo += metricsBlock {
		hi := min(lo+metricsBlock, n)
		b := &armScan{n: hi - lo}
		var sum float64
		for i := lo; i < hi; i++ {
			sum += float64(s.Opinion[i])
		}
		b.mean = sum / float64(b.n)
		for i := lo; i < hi; i++ {
			d := float64(s.Opinion[i]) - b.mean
			b.m2 += d * d
			b.hist[min(max(int((float64(s.Opinion[i])+1)/2*polarisationBins), 0), polarisationBins-1)]++
			pv := float64(s.Turnout[i])
			b.votes += pv
			switch x := stance * float64(s.Opinion[i]); {
			case x > 0:
				b.ours += pv
			case x == 0:
				b.ours += pv / 2
			}
			b.impSum += int64(s.Impressions[i])
		}
		maxImp := slices.Max(s.Impressions[lo:hi])
		b.freq = make([]int64, maxImp+1)
		for i := lo; i < hi; i++ {
			b.freq[s.Impressions[i]]++
		}
		total.add(b)
	}
	return total
}

// BenchmarkMetricsScan: the per-agent metrics of one arm at 1M agents, as
// after some DeGroot steps (opinions near a consensus) in a control arm
// (no impressions) and in a campaign arm, with 1 and 2 workers. It
// reports wall and CPU time per agent: on a shared machine the wall time
// counts other processes' time slices.
func BenchmarkMetricsScan(b *testing.B) {
	const n = 1_000_000
	s := &ArmState{Opinion: make([]float32, n), Turnout: make([]float32, n), Impressions: make([]int32, n)}
	for i := range n {
		s.Opinion[i] = 0.1 + 0.05*float32(rng.Float64(2, rng.Opinion, uint64(i), 0, 0))
		s.Turnout[i] = float32(rng.Float64(2, rng.Opinion, uint64(i), 0, 1))
		s.Impressions[i] = int32(rng.Uint64(2, rng.Exposure, uint64(i), 0, 0) % 8)
	}
	var imps int64
	for _, v := range s.Impressions {
		imps += int64(v)
	}
	for _, arm := range []string{"control", "campaign"} {
		s.Totals.Impressions = 0
		if arm == "campaign" {
			s.Totals.Impressions = imps
		}
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", arm, workers), func(b *testing.B) {
				cpu := cpuNanos()
				for b.Loop() {
					scanArm(s, 1, workers)
				}
				per := float64(b.N) * n
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/agent")
				b.ReportMetric(float64(cpuNanos()-cpu)/per, "cpu-ns/agent")
			})
		}
	}
}

// TestOurWeightIsVoteClass: the scan's comparison-based vote weight is the
// bit-based voteClass's for signed zeros, NaN, infinities, subnormals and
// both stances.
func TestOurWeightIsVoteClass(t *testing.T) {
	nan := float32(math.NaN())
	inf := float32(math.Inf(1))
	negZero := float32(math.Copysign(0, -1))
	for _, v := range []float32{0, negZero, nan, -nan, inf, -inf, 1e-45, -1e-45, 0.3, -0.7, 1, -1} {
		for _, stance := range []float64{1, -1, 0.5, 1e-300} {
			if got, want := ourWeight(stance, v), voteWeight[voteClass(stance*float64(v))&3]; got != want {
				t.Errorf("stance %v, opinion %v: weight %v, voteClass says %v", stance, v, got, want)
			}
		}
	}
}
