package sim

import (
	"cmp"
	"math"
	"slices"

	"boomerang/sim/rng"
)

// This file draws organic conversions (conversions without an ad) by skip
// sampling, so that their cost is per conversion, not per person (issue
// 19). Each unconverted person i converts at step t with probability
// h_i = baseline · R_i · exp(κ·stance·x_i) (organicHazard), independently
// of everyone else and of other steps, as a per-person draw u_i < h_i
// would give. Instead of one draw per person and step:
//
//   - The agents are cut into fixed blocks of organicBlock, in the order
//     of their relevance (relevance.go's order: people of similar R_i side
//     by side; agent order when relevance is off). In block b every
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
//
// Blocks follow relevance because p_b follows the block's most relevant
// person: with weekend-event's audience (sd of log relevance 1.83) a
// person's block in agent order has a max R of 85 times the mean R on
// average (200,000 people), so 99 % of the candidates could never
// convert, and drawing them was most of what relevance added to the
// response's cost (issue 16); in relevance order 3.1 times (the sparse
// top of the distribution still shares blocks across bands).

// organicBlock is the number of agents whose candidates come from one
// stream per step. Fixed (not one block per worker) so that the draws are
// the same for any worker count.
const organicBlock = 1024

// organicWindow holds an arm's organic-conversion candidates for the
// steps t … t + inMarketWindow − 1: step t's for organicConversions, the
// later ones for the in-market look-ahead (inMarket).
type organicWindow struct {
	params [4]float64    // baseline, κ, stance, relevance strength blockP was computed for
	blockP []float64     // per block: p_b, the probability that an agent is a candidate
	bound  float64       // baseline · e^{|κ·stance|}, a hair above: hazard_i < bound · R_i
	steps  []organicStep // ring: step s is held at steps[s % inMarketWindow]
	// hot[i] has bit k set when the step held at steps[k] has i among its
	// live draws: fires reads one byte for everyone else.
	hot []uint8
	// scratch for one block's candidates (positions in the block order)
	pos []int32
	u   []float64
}

// hot holds one bit per step of the window in a byte.
const _ = uint8(1 << (inMarketWindow - 1))

// organicStep is one step's live draws: the candidates whose draw is below
// bound·R_i, the largest hazard they can have (no other candidate can
// convert), in increasing agent order.
type organicStep struct {
	t    int // the step held; −1 = none
	live []organicDraw
}

// organicDraw is one live candidate and its draw.
type organicDraw struct {
	agent int32
	u     float64 // uniform on [0, p_b)
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
		if k := (t + d) % inMarketWindow; o.steps[k].t != t+d {
			o.redraw(w, k, t+d)
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
	o := &organicWindow{params: params, bound: bound * (1 + 1e-12), steps: make([]organicStep, inMarketWindow), hot: make([]uint8, n)}
	for lo := 0; lo < n; lo += organicBlock {
		maxR := 0.0
		for j := lo; j < min(lo+organicBlock, n); j++ {
			maxR = max(maxR, w.rel.of(w.rel.agentAt(j)))
		}
		o.blockP = append(o.blockP, min(1, bound*maxR))
	}
	for k := range o.steps {
		o.steps[k].t = -1
	}
	return o
}

// at returns step t's live draws (t must be in the window).
func (o *organicWindow) at(t int) *organicStep { return &o.steps[t%inMarketWindow] }

// redraw replaces the step held in slot k by step t: every block's
// candidates, of which it keeps the live ones, by agent; hot's bit k
// follows.
func (o *organicWindow) redraw(w *World, k, t int) {
	st := &o.steps[k]
	bit := uint8(1) << k
	for _, c := range st.live {
		o.hot[c.agent] &^= bit
	}
	st.t, st.live = t, st.live[:0]
	n := w.Pop.N
	for b, p := range o.blockP {
		lo := b * organicBlock
		o.pos, o.u = appendCandidates(o.pos[:0], o.u[:0], w.Seed, uint64(b), uint64(t), lo, min(lo+organicBlock, n), p)
		for j, pos := range o.pos {
			if i := w.rel.agentAt(int(pos)); o.u[j] < o.bound*w.rel.of(i) {
				st.live = append(st.live, organicDraw{agent: i, u: o.u[j]})
				o.hot[i] |= bit
			}
		}
	}
	if w.rel.order != nil {
		slices.SortFunc(st.live, func(a, b organicDraw) int { return cmp.Compare(a.agent, b.agent) })
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
// t + inMarketWindow − 1 is below the hazard h(), which is computed only
// when i has a live draw at one of them (inMarket).
func (o *organicWindow) fires(i int32, t int, h func() float64) bool {
	hot := o.hot[i]
	if hot == 0 {
		return false
	}
	hz := -1.0
	for d := range inMarketWindow {
		k := (t + d) % inMarketWindow
		if hot&(1<<k) == 0 {
			continue
		}
		live := o.steps[k].live
		if j, found := slices.BinarySearchFunc(live, i, func(c organicDraw, i int32) int { return cmp.Compare(c.agent, i) }); found {
			if hz < 0 {
				hz = h()
			}
			if live[j].u < hz {
				return true
			}
		}
	}
	return false
}
