package sim

import (
	"math"

	"boomerang/sim/population"
)

// demobilise is the election dark post: discouraging ads aimed at likely
// supporters of the other side, to lower their turnout rather than change
// their mind (Channel 4 News 2020 on the Trump campaign's 2016
// "deterrence" category; docs/MODEL-campaign.md, "Strategies").
//
// The operator predicts who supports the other side from inferred party
// (P(right party)) and inferred ideology, each standardised over the
// people it sees and averaged into a lean z: P(other side) =
// logistic(−1.5·stance·z). Both are special categories. It assumes the
// subject divides along ideology — the right supports a stance of +1 — as
// it does with opinion.initial = ideology. It predicts
// turnout from declared age (older people vote more, as in the turnout
// model). Value = confidence · P(other side) · predicted turnout, for
// people with P(other side) > 0.5; each step one demobilising ad to each
// of the budget people of highest value, discounted by ad fatigue. Budget
// its audience cannot absorb is not spent: a random discouraging ad would
// demobilise the campaign's own side too.
type demobilise struct {
	arm       ArmConfig
	ruleNotes     // what the regulation changed (regulation.go)
	fallback  int // ≥ 0: the regulation leaves it no audience; broadcast this message instead

	ready  bool
	msg    int
	attrs  uint8
	detail uint32
	rank   *ranker
}

func (*demobilise) Name() string { return "demobilise" }

func (d *demobilise) init(w *World) {
	d.ready = true
	d.fallback = -1
	d.msg = armMessage(w.Messages, d.arm, AimDemobilise)
	useParty, useIdeo := false, false
	kept, dropped := w.allowedAttrs(attributesOf(d.arm)) // regulation_special.go: both are special categories
	for _, a := range kept {
		useParty = useParty || a == AttrParty
		useIdeo = useIdeo || a == AttrIdeology
	}
	d.noteBan(dropped, len(kept))
	d.detail = uint32(AttrIdeology)
	if useParty {
		d.detail = uint32(AttrParty)
	}
	d.attrs = 1 // declared age, for predicted turnout
	if useParty {
		d.attrs++
	}
	if useIdeo {
		d.attrs++
	}
	prof := w.targeting() // regulation.go: the profiles it may use
	sc := newScale(prof)
	d.rank = newRanker(w.Pop.N)
	for i := range w.Pop.N {
		if v, _, skip := demobiliseValue(w, w.Pop, prof, sc, useParty, useIdeo, i); skip == demobRanked {
			d.rank.base[i] = float32(math.Log(v))
		}
	}
	d.rank.rescan()
	// The regulation may leave it no audience: no attribute under the ban,
	// or a pool below the audience floor (regulation_audience.go). Then it
	// buys a plain broadcast of the library's first persuading message (a
	// random discouraging ad would demobilise its own side too), or of its
	// own message if the library has none.
	switch {
	case len(kept) == 0:
	case !w.audienceOK(poolSize(d.rank.base)):
		d.note("regulation.min_audience = %d: its audience of %d likely opponents is smaller: falls back to broadcast", w.minAudience(), poolSize(d.rank.base))
	default:
		return
	}
	d.fallback = firstMessage(w.Messages, AimPersuade)
	if d.fallback < 0 {
		d.fallback = d.msg
	}
	d.note("broadcasts message %q instead of demobilising", w.Messages[d.fallback].Name)
}

func (d *demobilise) Plan(t int, w *World, s *ArmState, plan *Plan) {
	if !d.ready {
		d.init(w)
	}
	if d.fallback >= 0 {
		prospect(t, w, s, plan, 0, w.Config.Campaign.Budget, d.fallback)
		return
	}
	for _, i := range d.rank.pick(s, w.Config.Campaign.Budget, float32(math.Inf(-1))) {
		e := Exposure{Agent: i, Message: int16(d.msg), Attributes: d.attrs, Sensitive: true,
			Why: WhyOtherSide, Detail: d.detail}
		e.Vulnerable = w.Messages[d.msg].Tone == ToneMisinformation // aimed with data
		s.add(t, w, plan, e)
	}
}

// demobSkip says why the demobiliser leaves a person out of its ranking.
type demobSkip int

// The reasons (LikeMe puts them in words).
const (
	demobRanked    demobSkip = iota // ranked: a likely opponent who can vote
	demobInvisible                  // the platform cannot see their likes
	demobMinor                      // too young to vote (regulation_minors.go)
	demobNoLean                     // no inferred party or ideology to go on
	demobOwnSide                    // inferred to be on the campaign's side
)

// demobiliseValue is the demobiliser's value of person i of pop, whose
// profile is prof (sc its z-scales): P(other side) × predicted turnout,
// shrunk by the profile's confidence, with P(other side) from the
// inferred party and/or ideology the arm may use. LikeMe asks it about a
// persona.
func demobiliseValue(w *World, pop *population.Population, prof *Profiles, sc *scale, useParty, useIdeo bool, i int) (v, other float64, skip demobSkip) {
	conf := float64(prof.Confidence[i])
	switch {
	case !prof.Visible[i] || !(conf > 0):
		return 0, 0, demobInvisible
	case !canVote(pop, i):
		return 0, 0, demobMinor
	}
	// Lean towards the campaign's side, as a z-score: + for the right
	// when the stance is +1.
	var lean, k float64
	if useParty && prof.Known(AttrParty, i) {
		lean += float64(sc.z(prof, AttrParty, i))
		k++
	}
	if useIdeo && prof.Known(AttrIdeology, i) {
		lean += float64(sc.z(prof, AttrIdeology, i))
		k++
	}
	if k == 0 {
		return 0, 0, demobNoLean
	}
	other = 1 / (1 + math.Exp(1.5*w.Config.Campaign.Stance*lean/k)) // P(other side)
	if other <= 0.5 {
		return 0, other, demobOwnSide
	}
	mean, sd := population.AgeMoments()
	u := (float64(pop.Age[i]) - mean) / sd
	turnout := 1 / (1 + math.Exp(-(turnoutBase + turnoutAge*u)))
	return conf * other * turnout, other, demobRanked
}

func demobiliseDescriptor() strategyDescriptor {
	return strategyDescriptor{
		name: "demobilise",
		aim:  "dark posts that depress the other side's turnout",
		opts: strategyOptions{aim: AimDemobilise, oneMessage: true,
			allowed: []string{"party", "ideology"}, defaultAttr: []string{"party", "ideology"}},
		make: func(ac ArmConfig) Strategy { return &demobilise{arm: ac} },
	}
}

// explain says how the demobilise arm treats the persona of World.LikeMe at
// step 1, and later.
func (s *demobilise) explain(c *likeMeCase, ans *ArmAnswer) {
	if s.fallback >= 0 {
		ans.Fallback = true
		c.random(s.fallback, Phrase{Format: sayFallback})
		return
	}
	ans.Chance = 0 // it buys no c.random impressions
	c.setMsg(s.msg)
	ans.Decision = DecideOtherSide
	ans.Attributes, ans.Sensitive = s.attrs, true
	v, other, why := demobiliseAnswer(c.w, c.ac, c.one, c.view, 0)
	ans.Value, ans.Lean = v, other
	if why == "" {
		ans.Matched = ans.Message
	}
	if why != "" { // says: on the campaign's side, excluded, or unknown
		ans.Message, ans.Appeal = "", ""
		return
	}
	cut, full := rankCutoff(s.rank.base, c.plan, WhyOtherSide, c.w.Config.Campaign.Budget)
	ans.Cutoff = 0
	if full {
		ans.Cutoff = math.Exp(float64(cut))
	}
	if full && float32(math.Log(v)) < cut {
		ans.Message, ans.Appeal = "", "" // says: ranked below this step's best targets
		return
	}
	ans.Targeted, ans.Chance = true, 1
}
