package sim

import (
	"math"

	"boomerang/sim/rng"
)

// This file draws organic conversions (conversions without an ad) by skip
// sampling, so that their cost is per conversion, not per person (issue
// 19). Each unconverted person i converts at step t with probability
// h_i = baseline · R_i · exp(κ·stance·x_i) (organicHazard), independently
// of everyone else and of other steps, as a per-person draw u_i < h_i
// would give. Instead of one draw per person and step:
//
//   - The agents are cut into fixed blocks of organicBlock. In block b every
//     hazard is below p_b = min(1, baseline · e^{|κ·stance|} · max_{i∈b} R_i).
//   - Person i is a "candidate" at step t with probability p_b: the gaps
//     between consecutive candidates are geometric, Gap = ⌊ln V / ln(1 − p_b)⌋
//     with V uniform on (0, 1] (Devroye 1986, Non-Uniform Random Variate
//     Generation, ch. 10; the geometric skip of Vitter 1984's sampling
//     methods), drawn from the stream (seed, rng.Organic, b, t).
//   - A candidate gets u_i = p_b · U with U uniform on [0, 1) from the same
//     stream: conditional on being a candidate, a uniform draw on [0, 1)
//     is uniform on [0, p_b). It converts when u_i < h_i.
//
// So P(i converts at t) = p_b · h_i / p_b = h_i exactly, independently
// across people and steps — the same law as one draw per person
// (TestOrganicSkipSamplingLaw checks counts and who converts over many
// seeds). The candidates depend only on the seed and the step, never on
// an arm's state: twin arms see the same candidates and the same u_i, so
// their conversions stay paired (common random numbers), and the blocks
// do not depend on the number of workers.

// organicBlock is the number of consecutive agents whose candidates come
// from one stream per step. Fixed (not one block per worker) so that the
// draws are the same for any worker count; small, so that one person of
// very high relevance raises the candidate rate of few others.
const organicBlock = 1024

// organicWindow holds an arm's organic-conversion candidates for the
// steps t … t + inMarketWindow − 1: step t's for organicConversions, the
// later ones for the in-market look-ahead (inMarket).
type organicWindow struct {
	params [4]float64    // baseline, κ, stance, relevance strength blockP was computed for
	blockP []float64     // per block: p_b, the probability that an agent is a candidate
	bound  float64       // baseline · e^{|κ·stance|}, a hair above: hazard_i < bound · R_i
	steps  []organicStep // ring: step s is held at steps[s % inMarketWindow]
}

// organicStep is one step's candidates, in increasing agent order.
type organicStep struct {
	t     int       // the step held; −1 = none
	agent []int32   // candidates
	u     []float64 // their draws, uniform on [0, p_b)
	start []int32   // block b's candidates are agent[start[b]:start[b+1]]
}

// organicFor returns s's window holding steps t … t + inMarketWindow − 1,
// drawing the steps it does not hold yet (one per step in a running arm).
func (s *ArmState) organicFor(w *World, t int) *organicWindow {
	r := &w.Config.Response
	params := [4]float64{r.BaselineHazard, r.OpinionElasticity, w.Config.Campaign.Stance, r.Relevance}
	o := s.organic
	if o == nil || o.params != params {
		o = newOrganicWindow(w, params)
		s.organic = o
	}
	for d := range inMarketWindow {
		if st := &o.steps[(t+d)%inMarketWindow]; st.t != t+d {
			st.draw(w.Seed, t+d, o.blockP, w.Pop.N)
		}
	}
	return o
}

// newOrganicWindow computes every block's candidate probability p_b.
func newOrganicWindow(w *World, params [4]float64) *organicWindow {
	r := &w.Config.Response
	n := w.Pop.N
	bound := r.BaselineHazard * math.Exp(math.Abs(r.OpinionElasticity*w.Config.Campaign.Stance))
	// The filter bound·R_i must never exclude a hazard that rounding puts
	// an ulp above the exact product: 1e-12 relative is ample.
	o := &organicWindow{params: params, bound: bound * (1 + 1e-12), steps: make([]organicStep, inMarketWindow)}
	for lo := 0; lo < n; lo += organicBlock {
		maxR := 0.0
		for i := lo; i < min(lo+organicBlock, n); i++ {
			maxR = max(maxR, w.rel.of(int32(i)))
		}
		o.blockP = append(o.blockP, min(1, bound*maxR))
	}
	for k := range o.steps {
		o.steps[k].t = -1
	}
	return o
}

// at returns step t's candidates (t must be in the window).
func (o *organicWindow) at(t int) *organicStep { return &o.steps[t%inMarketWindow] }

// draw replaces the step held by step t's candidates.
func (st *organicStep) draw(seed uint64, t int, blockP []float64, n int) {
	st.t = t
	st.agent, st.u = st.agent[:0], st.u[:0]
	st.start = append(st.start[:0], 0)
	for b, p := range blockP {
		lo := b * organicBlock
		st.agent, st.u = appendCandidates(st.agent, st.u, seed, uint64(b), uint64(t), lo, min(lo+organicBlock, n), p)
		st.start = append(st.start, int32(len(st.agent)))
	}
}

// appendCandidates appends block b's candidates of step t among agents
// lo … hi−1, each agent independently with probability p, with their
// draws u uniform on [0, p). Draw 2j of the stream is the j-th gap, draw
// 2j+1 the j-th candidate's u.
func appendCandidates(agent []int32, u []float64, seed, b, t uint64, lo, hi int, p float64) ([]int32, []float64) {
	if !(p > 0) {
		return agent, u
	}
	logq := math.Log1p(-p) // −Inf when p = 1: every agent is a candidate
	key := rng.Key(seed, rng.Organic, b, t)
	i := lo - 1
	for k := uint64(0); ; k += 2 {
		if p < 1 {
			v := 1 - rng.KeyedFloat64(key, k) // (0, 1]
			gap := math.Floor(math.Log(v) / logq)
			if gap >= float64(hi-1-i) {
				return agent, u
			}
			i += int(gap)
		}
		i++
		if i >= hi {
			return agent, u
		}
		agent = append(agent, int32(i))
		u = append(u, p*rng.KeyedFloat64(key, k+1))
	}
}

// fires reports whether person i's organic draw at one of the steps t …
// t + inMarketWindow − 1 is below h (inMarket).
func (o *organicWindow) fires(i int32, t int, h float64) bool {
	b := int(i) / organicBlock
	for d := range inMarketWindow {
		st := o.at(t + d)
		for k := st.start[b]; k < st.start[b+1]; k++ {
			if a := st.agent[k]; a >= i {
				if a == i && st.u[k] < h {
					return true
				}
				break
			}
		}
	}
	return false
}
