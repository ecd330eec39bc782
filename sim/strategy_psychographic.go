package sim

import (
	"math"
	"slices"
)

// psychographic is Cambridge Analytica's playbook: match the message to
// each person's inferred personality and buy the people predicted most
// persuadable (docs/MODEL-campaign.md, "Strategies").
//
// For every person the operator can see, it picks the message whose appeal
// fits the inferred profile best (largest pole × inferred trait, as a
// z-score over the visible people, over the traits it may use; the generic
// ad scores 0) and predicts the person's
// value from persuadability and fit,
// with persuadability = max(0.2, 1 + 0.15·(Â + N̂)) when it may use
// agreeableness and neuroticism (agreeable and anxious people yield more,
// as in the population model's susceptibility) and × max(0.2, 1 − 0.3·|ideology|)
// when it may use ideology (Cambridge Analytica's "persuadables" are the
// moderates). The 0.3 is the operator's belief about congruence, the size
// of Matz et al.'s (2017) lifts. The value is relative to a random person
// shown the generic ad (value 1), and the predicted lift is shrunk by the
// profile's confidence: v = 1 + confidence·(persuadability·(1 + 0.3·fit) − 1).
// Each step it shows one ad to each of the budget people of highest v,
// discounted by ad fatigue, among those it expects to beat a random person
// (selection.go), in O(N); the rest of the budget goes to untargeted
// prospecting with the generic ad.
type psychographic struct {
	arm       ArmConfig
	ruleNotes      // what the regulation changed (regulation.go)
	fallback  bool // the regulation leaves it no attribute: broadcast only

	ready      bool
	rank       *ranker
	msgOf      []int16 // chosen message per agent
	generic    int     // message for prospecting
	attrs      uint8   // attributes used per targeted impression
	sensitive  bool    // ideology is among them
	usesN      bool    // neuroticism is among them
	appealIdx  []uint32
	candidates []int
	sc         *scale
}

func (*psychographic) Name() string { return "psychographic" }

// plannerCongruence is the operator's belief about how much a matched
// message adds per sd of fit (Matz et al. 2017's lifts) [assumption].
const plannerCongruence = 0.3

func (p *psychographic) init(w *World) {
	p.ready = true
	prof := w.targeting() // regulation.go: the profiles it may use
	p.sc = newScale(prof)
	use := map[Attr]bool{}
	kept, dropped := w.allowedAttrs(attributesOf(p.arm)) // regulation_special.go
	for _, a := range kept {
		use[a] = true
	}
	p.noteBan(dropped, len(use))
	p.fallback = len(use) == 0
	p.attrs = uint8(len(use))
	p.sensitive = use[AttrIdeology]
	p.usesN = use[AttrNeuroticism]
	p.generic = firstMessage(w.Messages, AimPersuade)
	for j := range w.Messages {
		m := &w.Messages[j]
		if m.Aim != AimPersuade {
			continue
		}
		if m.pole == 0 || use[m.trait] {
			p.candidates = append(p.candidates, j)
		}
		if m.pole == 0 && w.Messages[p.generic].pole != 0 {
			p.generic = j
		}
	}
	p.appealIdx = make([]uint32, len(w.Messages))
	for j := range w.Messages {
		p.appealIdx[j] = uint32(max(0, slices.Index(Appeals(), w.Messages[j].Appeal)))
		if w.Messages[j].pole == 0 {
			p.appealIdx[j] = math.MaxUint16 // no appeal: Explain says "persuadable"
		}
	}

	if p.fallback {
		return
	}
	n := w.Pop.N
	p.rank = newRanker(n)
	p.msgOf = make([]int16, n)
	for i := range n {
		best, v := p.value(w, prof, use, i)
		if best < 0 {
			continue
		}
		p.rank.base[i] = float32(math.Log(v))
		p.msgOf[i] = int16(best)
	}
	// regulation_audience.go: no message audience below the floor.
	if msgs, people := floorMessageAudiences(w, p.rank.base, p.msgOf); msgs > 0 {
		p.note("regulation.min_audience = %d: %d messages matched fewer people; their %d people are not targeted", w.minAudience(), msgs, people)
	}
	if w.rules != nil && w.rules.restricts && poolSize(p.rank.base) == 0 {
		p.note("the regulation leaves it nobody to target: falls back to broadcast")
	}
	p.rank.rescan()
}

func (p *psychographic) Plan(t int, w *World, s *ArmState, plan *Plan) {
	if !p.ready {
		p.init(w)
	}
	budget := w.Config.Campaign.Budget
	if p.fallback {
		prospect(t, w, s, plan, 0, budget, p.generic)
		return
	}
	added := 0
	for _, i := range p.rank.pick(s, budget, randomFloor(w, s)) {
		j := p.msgOf[i]
		m := &w.Messages[j]
		e := Exposure{Agent: i, Message: j, Attributes: p.attrs, Sensitive: p.sensitive,
			Vulnerable: vulnerableChoice(w, p.sc, m, int(i), p.usesN, true), Why: WhyTrait, Detail: p.appealIdx[j]}
		if s.add(t, w, plan, e) {
			added++
		}
	}
	prospect(t, w, s, plan, added, budget, p.generic)
}

// value is the planner's choice for person i of the profiles prof: the
// message that fits them best and its expected value relative to a
// random person with the generic ad (the predicted lift, shrunk towards
// none by the confidence); −1 when it cannot value the person. use holds
// the attributes the arm may use. LikeMe asks it about a persona.
func (p *psychographic) value(w *World, prof *Profiles, use map[Attr]bool, i int) (int, float64) {
	conf := float64(prof.Confidence[i])
	if !prof.Visible[i] || !(conf > 0) {
		return -1, 0
	}
	best, bestFit := -1, math.Inf(-1)
	for _, j := range p.candidates {
		f := float64(inferredFit(prof, p.sc, &w.Messages[j], i))
		if f > bestFit { // NaN never wins
			best, bestFit = j, f
		}
	}
	if best < 0 {
		return -1, 0
	}
	pers := 1.0
	if use[AttrAgreeableness] && prof.Known(AttrAgreeableness, i) {
		pers += 0.15 * float64(p.sc.z(prof, AttrAgreeableness, i))
	}
	if use[AttrNeuroticism] && prof.Known(AttrNeuroticism, i) {
		pers += 0.15 * float64(p.sc.z(prof, AttrNeuroticism, i))
	}
	pers = math.Max(0.2, pers)
	if use[AttrIdeology] && prof.Known(AttrIdeology, i) {
		pers *= math.Max(0.2, 1-0.3*math.Abs(float64(p.sc.z(prof, AttrIdeology, i))))
	}
	lift := pers*(1+plannerCongruence*bestFit) - 1
	return best, math.Max(0.05, 1+conf*lift)
}

func psychographicDescriptor() strategyDescriptor {
	return strategyDescriptor{
		name: "psychographic",
		aim:  "match each person to the appeal of their inferred personality",
		opts: strategyOptions{aim: AimPersuade, allowed: append(bigFiveNames(), "ideology"), defaultAttr: bigFiveNames()},
		make: func(ac ArmConfig) Strategy { return &psychographic{arm: ac} },
	}
}

// explain says how the psychographic arm treats the persona of World.LikeMe at
// step 1, and later.
func (s *psychographic) explain(c *likeMeCase, ans *ArmAnswer) {
	c.setMsg(s.generic)
	if s.fallback || c.res.Excluded || !c.view.Visible[0] {
		ans.Fallback = s.fallback
		c.random(s.generic, Phrase{Format: sayUnseen}) // says: the fallback and the exclusion come first
		return
	}
	j, v := psychValue(c.w, s, c.view, 0)
	if j < 0 {
		c.random(s.generic, Phrase{Format: "No message of this campaign fits your profile."})
		return
	}
	ans.Value, ans.Attributes, ans.Sensitive = v, s.attrs, s.sensitive
	m := &c.w.Messages[j]
	if m.pole != 0 {
		ans.Trait, ans.TraitZ = m.trait, s.sc.z(c.view, m.trait, 0)
	}
	if k := c.w.minAudience(); k > 0 && messageAudience(s.rank.base, s.msgOf, j) < k {
		c.random(s.generic, Phrase{Format: "The people matched to %q are fewer than the smallest audience the regulation allows (%d): it does not target them.",
			Args: []any{messageName(m.Name), k}})
		return
	}
	cut, full := rankCutoff(s.rank.base, c.plan, WhyTrait, c.w.Config.Campaign.Budget)
	ans.Cutoff = math.Exp(float64(cut))
	if !full {
		ans.Cutoff = 0
	}
	lv := float32(math.Log(v))
	picked := lv > 0 && (!full || lv >= cut) // randomFloor is 0 before the first impression
	ans.Decision = DecideTrait
	ans.Later = "later steps spread the budget as ad fatigue lowers the value of people who already saw ads"
	ans.Matched = m.Name
	if !picked { // says: ranked below the cut-off, or no better than random
		return
	}
	c.setMsg(j)
	ans.Targeted, ans.Chance = true, 1
}
