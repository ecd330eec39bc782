package sim

import (
	"math"
	"slices"

	"boomerang/sim/rng"
	"math/rand/v2"
)

// adaptive is the marketer's loop of the founding essay: a bandit that
// learns, round after round, which segment × message converts, and moves
// the budget there (docs/MODEL-campaign.md, "Strategies").
//
// Segments are declared age band × gender × the inferred dominant
// personality pole (the Big Five pole that stands out most in the inferred
// profile, or "unknown" for people the operator cannot see) by default;
// the arm's attributes choose other dimensions (age, gender, region,
// origin, personality, party). Arms are segment × persuading message. Each
// arm's click rate has a Beta(1 + clicks, 110 + misses) posterior and each
// segment's conversions per click a Beta(1 + conversions, 10 + clicks −
// conversions) posterior, both from the outcomes it observed (ArmState.Observed).
// Each step it splits the budget into 32 chunks; for each chunk it draws
// one sample of every click posterior (Thompson sampling, Thompson 1933;
// Chapelle & Li 2011), times the posterior mean of its segment's
// conversions per click (conversions are too rare to sample per segment:
// sampling them kept it exploring to the end, issue 16), and gives the
// chunk to the arm with the highest sampled conversions per impression whose segment still has people without an ad
// this step. People are drawn without repetition within a segment. Draws
// use the stream (seed, rng.Strategy, 0, step), so twin arms learn alike.
type adaptive struct {
	arm       ArmConfig
	ruleNotes      // what the regulation changed (regulation.go)
	fallback  bool // the regulation leaves no segment it may buy: broadcast only

	ready   bool
	seg     *segments
	msgs    []int     // persuading messages, the bandit's second dimension
	msgPos  []int     // message index → position in msgs, or −1
	usesN   bool      // segments use inferred personality (so neuroticism)
	generic int       // message for prospecting
	n, clk  []float64 // per arm (segment·len(msgs) + message)
	sClk    []float64 // per segment: clicks
	sConv   []float64 // per segment: conversions
	alloc   []int     // per arm: impressions this step
	left    []int     // per segment: people without an ad this step
	theta   []float64 // per arm: this draw's sample
	convS   []float64 // per segment: this draw's conversion sample
	pcg     rand.PCG
	sc      *scale
}

func (*adaptive) Name() string { return "adaptive" }

// thompsonDraws is the number of posterior draws (budget chunks) per step.
const thompsonDraws = 32

func (a *adaptive) init(w *World) {
	a.ready = true
	dims, dropped := w.allowedDims(dimsOf(attributesOf(a.arm))) // regulation_special.go
	a.noteBan(dropped, len(dims))
	a.fallback = len(dims) == 0
	for _, d := range dims {
		a.usesN = a.usesN || d == dimPersonality
	}
	a.sc = newScale(w.targeting()) // regulation.go: the profiles it may use
	a.seg = newSegments(w, a.sc, dims)
	a.msgPos = make([]int, len(w.Messages))
	for j := range w.Messages {
		a.msgPos[j] = -1
		if w.Messages[j].Aim == AimPersuade {
			a.msgPos[j] = len(a.msgs)
			a.msgs = append(a.msgs, j)
		}
	}
	a.generic = a.msgs[0]
	if !a.fallback {
		a.fallback = !anyBuyable(w, a.seg, &a.ruleNotes)
	}
	ns, arms := len(a.seg.keys), len(a.seg.keys)*len(a.msgs)
	a.n, a.clk, a.alloc, a.theta = make([]float64, arms), make([]float64, arms), make([]int, arms), make([]float64, arms)
	a.sClk, a.sConv, a.left, a.convS = make([]float64, ns), make([]float64, ns), make([]int, ns), make([]float64, ns)
}

// learn books last step's observed outcomes.
func (a *adaptive) learn(s *ArmState) {
	for _, o := range s.Observed {
		m := a.msgPos[o.Message]
		if m < 0 {
			continue
		}
		j := int(a.seg.of[o.Agent])
		if j < 0 {
			continue // excluded from targeting by the regulation: in no segment
		}
		arm := j*len(a.msgs) + m
		a.n[arm]++
		if o.Clicked {
			a.clk[arm]++
			a.sClk[j]++
		}
		if o.Converted {
			a.sConv[j]++
		}
	}
}

func (a *adaptive) Plan(t int, w *World, s *ArmState, plan *Plan) {
	if !a.ready {
		a.init(w)
	}
	a.learn(s)
	budget := w.Config.Campaign.Budget
	if a.fallback {
		prospect(t, w, s, plan, 0, budget, a.generic)
		return
	}
	rng.Reseed(&a.pcg, w.Seed, rng.Strategy, 0, uint64(t))
	r := rand.New(&a.pcg)
	nm := len(a.msgs)
	for j := range a.left {
		a.left[j] = a.seg.size(j)
		if !w.audienceOK(a.left[j]) {
			a.left[j] = 0 // below regulation.min_audience: never bought (regulation_audience.go)
		}
	}
	clear(a.alloc)
	for d := range thompsonDraws {
		chunk := budget*(d+1)/thompsonDraws - budget*d/thompsonDraws
		for j := range a.convS {
			a.convS[j] = (1 + a.sConv[j]) / (1 + priorConvMiss + a.sClk[j]) // posterior mean: conversions are too rare to sample per segment
		}
		for arm := range a.theta {
			a.theta[arm] = betaSample(r, 1+a.clk[arm], priorClickMiss+a.n[arm]-a.clk[arm]) * a.convS[arm/nm]
		}
		for chunk > 0 {
			best := -1
			for arm, th := range a.theta {
				if a.left[arm/nm] > 0 && (best < 0 || th > a.theta[best]) {
					best = arm
				}
			}
			if best < 0 {
				break // every segment has all its people planned
			}
			g := min(chunk, a.left[best/nm])
			a.alloc[best] += g
			a.left[best/nm] -= g
			chunk -= g
		}
	}
	// Fill each segment's allocation with distinct people: a partial
	// Fisher–Yates shuffle of its member list (kept between steps).
	added := 0
	for j := range a.seg.keys {
		lo, size := int(a.seg.start[j]), a.seg.size(j)
		mem := a.seg.members[lo : lo+size]
		pos := 0
		for m := range nm {
			for range a.alloc[j*nm+m] {
				q := pos + r.IntN(size-pos)
				mem[pos], mem[q] = mem[q], mem[pos]
				i := mem[pos]
				pos++
				if s.knownBuyer(i) {
					continue // a buyer its dashboard saw: excluded from the audience
				}
				msg := a.msgs[m]
				e := Exposure{Agent: i, Message: int16(msg), Attributes: a.seg.attrs[j], Sensitive: a.seg.sensitive[j],
					Why: WhyBandit, Detail: a.seg.keys[j]}
				e.Vulnerable = vulnerableChoice(w, a.sc, &w.Messages[msg], int(i), a.usesN, e.Attributes > 0)
				if s.add(t, w, plan, e) {
					added++
				}
			}
		}
	}
	prospect(t, w, s, plan, added, budget, a.generic)
}

// betaSample draws from Beta(α, β), α, β ≥ 1, as X/(X+Y) of two gamma draws.
func betaSample(r *rand.Rand, alpha, beta float64) float64 {
	x := gammaSample(r, alpha)
	return x / (x + gammaSample(r, beta))
}

// gammaSample draws from Gamma(α, 1) for α ≥ 1 by Marsaglia & Tsang's
// (2000) squeeze method.
func gammaSample(r *rand.Rand, alpha float64) float64 {
	d := alpha - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if u < 1-0.0331*x*x*x*x || math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}

func adaptiveDescriptor() strategyDescriptor {
	return strategyDescriptor{
		name: "adaptive",
		aim:  "a bandit learning which segment × message converts, round after round",
		opts: strategyOptions{aim: AimPersuade, allowed: segmentDimNames(),
			defaultAttr: []string{"age", "gender", "personality"}},
		make: func(ac ArmConfig) Strategy { return &adaptive{arm: ac} },
	}
}

// explain says how the adaptive arm treats the persona of World.LikeMe at
// step 1, and later.
func (s *adaptive) explain(c *likeMeCase, ans *ArmAnswer) {
	c.setMsg(s.generic)
	if s.fallback || c.res.Excluded {
		ans.Fallback = s.fallback
		c.random(s.generic, Phrase{Format: sayExcluded}) // says: the fallback comes first
		return
	}
	key, attrs, sens := segmentKey(c.one, c.view, s.sc, dimsFor(c.w, c.ac), 0)
	ans.Segment, ans.Attributes, ans.Sensitive = key, attrs, sens
	ans.SegmentSize = segmentSize(s.seg, key)
	ans.RunTime = true
	ans.Later = "the bandit learns from clicks and conversions: from step 2 on it moves the budget to the segment × message pairs that convert"
	j, found := slices.BinarySearch(s.seg.keys, key)
	total, best, bestN := 0, -1, 0
	if found && c.w.audienceOK(ans.SegmentSize) {
		nm := len(s.msgs)
		for m := range nm {
			k := s.alloc[j*nm+m]
			total += k
			if k > bestN {
				best, bestN = s.msgs[m], k
			}
		}
	}
	ans.Decision = DecideBandit
	if total == 0 {
		c.setMsg(s.generic) // says: its first draws bought other segments
		return
	}
	pt := min(1, float64(total)/float64(max(1, ans.SegmentSize)))
	ans.Targeted = true
	ans.Chance = 1 - (1-pt)*(1-ans.Chance)
	c.setMsg(best)
}
