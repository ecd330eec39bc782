package sim

import (
	"fmt"
	"math"
	"strings"

	"boomerang/sim/population"
)

// lookalike is Meta's Lookalike Audiences: find more people like the
// campaign's customers (docs/MODEL-campaign.md, "Strategies").
//
// The seed audience is everyone who has converted so far and whom the
// operator can see (the advertiser's customer list, matched to platform
// profiles). Until it holds campaign.lookalike_seed people (≥ 100, Meta's
// minimum source audience) the campaign prospects like broadcast. Then,
// every lookalikeRefresh steps, it fits a diagonal linear discriminant on
// the attributes it may use — w_a = (μ_seed,a − μ_a)/σ²_a over the visible
// population, shrunk (lookalikeShrink) — and scores every visible, unconverted person by
// Σ_a w_a (x_a − μ_a), the log-likelihood ratio of "looks like a customer"
// up to a constant (0 for the average visible person): O(N·attributes) per
// refresh. Each step it shows one ad to each of the budget best-scoring
// people, discounted by ad fatigue, among those who beat a random person;
// the rest of the budget prospects at random. Age and gender are the
// declared ones (known exactly), the other attributes inferred.
type lookalike struct {
	arm       ArmConfig
	ruleNotes           // what the regulation changed (regulation.go)
	prof      *Profiles // the profiles it may use (World.targeting)

	ready     bool
	fitted    bool
	msg       int
	attrs     []Attr
	used      uint8 // attributes with a non-zero weight in the current model
	sensitive bool  // one of them is a special category
	rank      *ranker
	top       []uint8     // per agent: the attribute that weighed most in its score
	best      []float32   // scratch: that attribute's contribution
	cols      [][]float32 // per attribute: everyone's value (lookalikeColumns)
	retry     int         // before the first model: step of the next attempt
}

func (*lookalike) Name() string { return "lookalike" }

// lookalikeShrink shrinks each discriminant weight by max(0, 1 − 4/t²), t
// the attribute's t statistic of seed vs visible population: attributes
// that do not separate the seed at |t| ≥ 2 drop out (and are not counted
// as used), the others are shrunk towards 0, so that a seed of a few
// hundred people does not chase noise (positive-part James–Stein
// shrinkage, per attribute) [assumption].
const lookalikeShrink = 4

// lookalikeRefresh is the number of steps between refits of the lookalike
// model (Meta refreshes lookalike audiences every few days) [assumption].
const lookalikeRefresh = 5

func (l *lookalike) init(w *World) {
	l.ready = true
	l.msg = armMessage(w.Messages, l.arm, AimPersuade)
	l.prof = w.targeting()                               // regulation.go
	kept, dropped := w.allowedAttrs(attributesOf(l.arm)) // regulation_special.go
	l.attrs = kept
	l.noteBan(dropped, len(kept)) // with none left it never fits a model: it prospects, like broadcast
	l.rank = newRanker(w.Pop.N)
	l.top = make([]uint8, w.Pop.N)
	l.best = make([]float32, w.Pop.N)
	l.cols = lookalikeColumns(w, l.prof, l.attrs)
}

// seedSize counts the converters the operator can see.
func (l *lookalike) seedSize(w *World, s *ArmState) int {
	n := 0
	for i, c := range s.Converted {
		if c && l.prof.Visible[i] {
			n++
		}
	}
	return n
}

// lookalikeColumns returns, per attribute the model may use, everyone's value as
// the lookalike model sees it: declared age (standardised) and gender,
// inferred otherwise (NaN where unknown).
func lookalikeColumns(w *World, prof *Profiles, attrs []Attr) [][]float32 {
	cols := make([][]float32, len(attrs))
	for k, a := range attrs {
		switch a {
		case AttrAge:
			m, sd := population.AgeMoments()
			cols[k] = make([]float32, w.Pop.N)
			for i, age := range w.Pop.Age {
				cols[k][i] = float32((float64(age) - m) / sd)
			}
		case AttrGender:
			cols[k] = make([]float32, w.Pop.N)
			for i, g := range w.Pop.Gender {
				cols[k][i] = float32(g)
			}
		default:
			cols[k] = prof.Inferred[a]
		}
	}
	return cols
}

// fit refits the discriminant on the current seed audience and rescores
// everyone, column by column; it reports false (and changes nothing) while
// no attribute tells the seed apart from the visible population.
func (l *lookalike) fit(w *World, s *ArmState) bool {
	vis, conv := l.prof.Visible, s.Converted
	var nVis, nSeed float64
	for i, v := range vis {
		if v {
			nVis++
			if conv[i] {
				nSeed++
			}
		}
	}
	if nVis <= nSeed {
		return false
	}
	d := len(l.attrs)
	used, sensitive := uint8(0), false
	mu, wt := make([]float64, d), make([]float64, d)
	for k, a := range l.attrs {
		var sum, sum2, seedSum float64
		for i, x := range l.cols[k] {
			if !vis[i] || x != x {
				continue
			}
			v := float64(x)
			sum += v
			sum2 += v * v
			if conv[i] {
				seedSum += v
			}
		}
		mu[k] = sum / nVis
		if v := sum2/nVis - mu[k]*mu[k]; v > 1e-12 {
			diff := seedSum/nSeed - mu[k]
			t2 := diff * diff * nSeed / v // squared t statistic of the seed's mean
			wt[k] = diff / v * math.Max(0, 1-lookalikeShrink/t2)
		}
		if wt[k] != 0 {
			used++
			sensitive = sensitive || a.Sensitive()
		}
	}
	if used == 0 || len(l.attrs) == 0 {
		return false // nothing tells the seed apart yet: keep prospecting
	}
	l.used, l.sensitive = used, sensitive
	base, best := l.rank.base, l.best
	inf := float32(math.Inf(-1))
	for i := range base {
		base[i], best[i] = 0, inf
		if !vis[i] || conv[i] {
			base[i] = inf
		}
	}
	for k, a := range l.attrs {
		if wt[k] == 0 {
			continue
		}
		wk, mk := float32(wt[k]), float32(mu[k])
		for i, x := range l.cols[k] {
			if base[i] == inf || x != x {
				continue
			}
			c := wk * (x - mk)
			base[i] += c
			if c > best[i] {
				best[i], l.top[i] = c, uint8(a)
			}
		}
	}
	if !w.audienceOK(poolSize(base)) { // regulation_audience.go
		l.note("regulation.min_audience = %d: its lookalike audience was smaller at a refit (%d people or fewer): it prospected instead", w.minAudience(), w.minAudience()-1)
		l.fitted = false
		return false
	}
	l.rank.rescan()
	return true
}

func (l *lookalike) Plan(t int, w *World, s *ArmState, plan *Plan) {
	if !l.ready {
		l.init(w)
	}
	// Refit every lookalikeRefresh steps; before the first model, as soon
	// as the seed is big enough, then again every lookalikeRefresh steps
	// while nothing tells it apart.
	if l.fitted && (t-1)%lookalikeRefresh == 0 || !l.fitted && t >= l.retry && l.seedSize(w, s) >= w.Config.Campaign.LookalikeSeed {
		if l.fit(w, s) {
			l.fitted = true
		} else {
			l.retry = t + lookalikeRefresh
		}
	}
	budget := w.Config.Campaign.Budget
	added := 0
	if l.fitted {
		for _, i := range l.rank.pick(s, budget, randomFloor(w, s)) {
			e := Exposure{Agent: i, Message: int16(l.msg), Attributes: l.used, Sensitive: l.sensitive,
				Why: WhyLookalike, Detail: uint32(l.top[i])}
			e.Vulnerable = w.Messages[l.msg].Tone == ToneMisinformation // aimed with data
			if s.add(t, w, plan, e) {
				added++
			}
		}
	}
	prospect(t, w, s, plan, added, budget, l.msg)
}

func lookalikeDescriptor() strategyDescriptor {
	return strategyDescriptor{
		name: "lookalike",
		aim:  "find people who look like the converters, on inferred attributes",
		opts: strategyOptions{aim: AimPersuade, oneMessage: true, allowed: allAttrNames(), defaultAttr: allAttrNames()},
		make: func(ac ArmConfig) Strategy { return &lookalike{arm: ac} },
	}
}

// explain says how the lookalike arm treats the persona of World.LikeMe at
// step 1, and later.
func (s *lookalike) explain(c *likeMeCase, ans *ArmAnswer) {
	c.setMsg(s.msg)
	ans.RunTime = true
	names := make([]string, len(s.attrs))
	for k, a := range s.attrs {
		names[k] = a.String()
	}
	c.random(s.msg, Phrase{Format: "It first needs %d customers it can see before it builds a lookalike audience; then it targets people who resemble them.",
		Args: []any{c.w.Config.Campaign.LookalikeSeed}})
	ans.Later = fmt.Sprintf("once it has %d converters it scores everyone it sees by how much they look like them, on %s", c.w.Config.Campaign.LookalikeSeed, strings.Join(names, ", "))
	switch {
	case len(s.attrs) == 0:
		ans.Fallback = true
		ans.Later = "the regulation leaves it no attribute: it never builds a lookalike audience"
	case c.res.Excluded || !c.view.Visible[0]:
		ans.Later = "it cannot use your profile, so it will only ever reach you at random"
	}
}
