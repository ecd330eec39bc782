package sim

import (
	"math"
	"slices"
)

// This file holds the O(N) audience selection shared by the ranking
// strategies (psychographic, lookalike, demobilise): pick the k people
// with the highest value without sorting all N of them.

// selectionBins is the resolution of the value histogram that finds the
// selection threshold; only the people in the threshold bin are sorted.
const selectionBins = 4096

// selector finds the k largest values of a slice in O(N + bins + m log m),
// m the size of the threshold bin. It keeps its scratch memory between
// calls; the zero value is ready to use.
type selector struct {
	hist []int32
	cand []int32
}

// topK appends to dst the indices of the k largest values of v and
// returns it. Values of −Inf or NaN are never selected; ties are broken by
// the lower index. Fewer than k indices are returned when fewer are
// eligible. The order is deterministic: first the people clearly above the
// threshold, in index order, then those at it, best first.
func (sel *selector) topK(dst []int32, v []float32, k int) []int32 {
	lo, hi := float32(math.Inf(1)), float32(math.Inf(-1))
	eligible := 0
	for _, x := range v {
		if x > float32(math.Inf(-1)) { // false for −Inf and NaN
			eligible++
			lo = min(lo, x)
			hi = max(hi, x)
		}
	}
	return sel.topKIn(dst, v, k, lo, hi, eligible)
}

// topKIn is topK for callers that know bounds lo ≤ hi of the eligible
// values and how many are eligible: two passes over v.
func (sel *selector) topKIn(dst []int32, v []float32, k int, lo, hi float32, eligible int) []int32 {
	if k <= 0 || eligible == 0 {
		return dst
	}
	hist, scale := sel.reset(lo, hi)
	for _, x := range v {
		if x >= -math.MaxFloat32 { // false for −Inf and NaN
			hist[binOf(x, lo, scale)]++
		}
	}
	return sel.collect(dst, v, k, lo, scale, eligible)
}

// reset clears the histogram for values in [lo, hi] and returns it with
// the scale that maps a value to its bin (binOf).
func (sel *selector) reset(lo, hi float32) ([]int32, float32) {
	if sel.hist == nil {
		sel.hist = make([]int32, selectionBins)
	}
	clear(sel.hist)
	scale := float32(0)
	if hi > lo {
		scale = float32(selectionBins-1) / (hi - lo)
	}
	return sel.hist[:selectionBins], scale
}

// binOf is the histogram bin of x.
func binOf(x, lo, scale float32) int {
	return min(max(int((x-lo)*scale), 0), selectionBins-1)
}

// collect finishes a selection once the histogram of the eligible values
// of v is built: it finds the threshold bin (the bins above it hold fewer
// than k values, with it at least k) and appends the indices above it, in
// index order, then the best of the threshold bin.
func (sel *selector) collect(dst []int32, v []float32, k int, lo, scale float32, eligible int) []int32 {
	if eligible <= k {
		for i, x := range v {
			if x >= -math.MaxFloat32 {
				dst = append(dst, int32(i))
			}
		}
		return dst
	}
	above, b := 0, selectionBins-1
	for ; b >= 0; b-- {
		if above+int(sel.hist[b]) >= k {
			break
		}
		above += int(sel.hist[b])
	}
	sel.cand = sel.cand[:0]
	for i, x := range v {
		if x >= -math.MaxFloat32 {
			switch c := binOf(x, lo, scale); {
			case c > b:
				dst = append(dst, int32(i))
			case c == b:
				sel.cand = append(sel.cand, int32(i))
			}
		}
	}
	slices.SortFunc(sel.cand, func(p, q int32) int {
		switch {
		case v[p] > v[q]:
			return -1
		case v[p] < v[q]:
			return 1
		}
		return int(p - q)
	})
	return append(dst, sel.cand[:k-above]...)
}

// plannerWearOut is the ad-fatigue curve the ranking strategies assume
// when they spread impressions: a person's value is divided by
// 1 + n/plannerWearOut after n impressions from the campaign (practitioners'
// frequency management; the same 10-impression half-life as the response's
// default wear-out) [assumption].
const plannerWearOut = 10

// ranker is the greedy audience choice of the ranking strategies: each step
// it picks the k people of highest base value (log scale, −Inf for people
// it will not target) discounted by fatigue from the campaign's own
// impressions, so impressions spread as a person's value wears out.
type ranker struct {
	base    []float32 // log value per agent; −Inf = not in the audience
	val     []float32 // scratch: base − log fatigue
	fatigue []float32 // log(1 + n/plannerWearOut) for n impressions
	lo, hi  float32   // smallest and largest finite base (see rescan)
	sel     selector
	picked  []int32
}

// newRanker returns a ranker for n agents, everyone outside the audience.
func newRanker(n int) *ranker {
	r := &ranker{base: make([]float32, n), val: make([]float32, n), fatigue: make([]float32, 1024)}
	for i := range r.base {
		r.base[i] = float32(math.Inf(-1))
	}
	for j := range r.fatigue {
		r.fatigue[j] = float32(math.Log1p(float64(j) / plannerWearOut))
	}
	return r
}

// rescan records the range of the base values; strategies call it after
// they change base.
func (r *ranker) rescan() {
	r.lo, r.hi = float32(math.Inf(1)), float32(math.Inf(-1))
	for _, b := range r.base {
		if b >= -math.MaxFloat32 {
			r.lo, r.hi = min(r.lo, b), max(r.hi, b)
		}
	}
}

// pick returns this step's k best people whose fatigued value is above
// floor (log scale; −Inf for none); the slice is reused by the next call.
// One pass computes the fatigued values and their histogram (the bounds are
// known from rescan and the fatigue table), a second collects the winners.
func (r *ranker) pick(s *ArmState, k int, floor float32) []int32 {
	top := int32(len(r.fatigue) - 1)
	inf := float32(math.Inf(-1))
	lo := max(floor, r.lo-r.fatigue[top])
	hist, scale := r.sel.reset(lo, r.hi)
	eligible := 0
	val, imp := r.val[:len(r.base)], s.Impressions[:len(r.base)]
	for i, b := range r.base {
		v := b - r.fatigue[min(imp[i], top)]
		if v > floor && !s.rules.capped(int32(i)) { // capped: at the regulatory frequency cap (regulation_frequency.go)
			eligible++
			hist[binOf(v, lo, scale)]++
		} else {
			v = inf
		}
		val[i] = v
	}
	r.picked = r.sel.collect(r.picked[:0], val, k, lo, scale, eligible)
	return r.picked
}

// randomFloor is the log value, on the rankers' scale, of a person drawn at
// random from everyone and shown the generic ad: value 1, fatigued by the
// campaign's mean impressions per person so far. The ranking strategies
// target only people they expect to beat it, and prospect at random with
// the rest of the budget.
func randomFloor(w *World, s *ArmState) float32 {
	mean := float64(s.Totals.Impressions) / float64(w.Pop.N)
	return float32(-math.Log1p(mean / plannerWearOut))
}
