package sim

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"boomerang/sim/footprint"
	"boomerang/sim/population"
)

// This file answers the app's "someone like me": a person who is not in
// the population enters a rough profile (declared age, gender, region and
// a few likes) and sees what the platform would infer about them and
// which ad each arm's strategy would send them at the first step, and why.
//
// Nothing here is a second model. The inference is the footprint model's
// own Predict and Confidence, the very calls footprint.Infer makes for an
// agent the operator sees, so a persona with an agent's likes gets that
// agent's World.Profiles values bit for bit. The ads come from each arm's
// strategy as the engine builds it: World.LikeMe runs the strategy's real
// step-1 plan on a fresh arm state, then places the persona in it with the
// strategy's own rules (segment keys, congruence, rankers' thresholds),
// evaluated on a one-person copy of the profile. Where a strategy's choice
// depends on what it learns during the run (pilot, bandit, lookalike seed)
// the answer is the step-1 one and Later says what may change.

// Persona is a hypothetical person the platform has not met: what they
// declare at sign-up, what they like and what they allowed. It is never
// added to the world.
type Persona struct {
	Age    int      // declared age in years (an age band's representative age will do)
	Gender uint8    // declared gender as population.Gender: 0 woman, 1 man
	Region int      // declared region, 0 … Pop.Regions−1
	Likes  []uint16 // liked page ids, in any order; duplicates and unknown ids are ignored
	// Tracking: the person allows tracking, so the operator sees their likes
	// and profiles them, as it does every consenting agent.
	Tracking bool
	// PoliticalConsent: the person also gave the separate, explicit consent
	// to political targeting; it matters only with
	// regulation.political_consent.
	PoliticalConsent bool
}

// PersonaOf returns agent i as a persona: its declared demographics, its
// likes, whether the operator sees it and its political consent. For tests
// and for "start from this person" in the app.
func (w *World) PersonaOf(i int) Persona {
	p := Persona{Age: int(w.Pop.Age[i]), Gender: w.Pop.Gender[i], Region: int(w.Pop.Region[i]),
		PoliticalConsent: w.PoliticalConsent(i)}
	if w.Footprint != nil {
		p.Likes = slices.Clone(w.Footprint.Likes.Of(i))
		p.Tracking = w.Footprint.Visibility.Visible(i)
	}
	return p
}

// Decision is the kind of answer a strategy gives a persona.
type Decision uint8

// The decisions.
const (
	DecideNoAds     Decision = iota // control arm: no campaign, no ads
	DecideRandom                    // only untargeted impressions: no personal data about the persona used
	DecideSegment                   // bought as a member of a demographic segment (after the pilot)
	DecideBandit                    // the bandit buys the persona's segment with some message
	DecideTrait                     // matched on inferred personality (psychographic)
	DecideOtherSide                 // inferred supporter of the other side (demobilise)
)

// ArmAnswer is what one arm's strategy would do to the persona at the
// first step.
type ArmAnswer struct {
	Arm      string   // arm name
	Strategy string   // strategy name
	Decision Decision // what kind of choice the strategy makes about the persona
	// Targeted: at step 1 the strategy would choose the persona with
	// personal data (not merely reach them by a random draw). For segment
	// buys (the bandit) it means the persona's segment is bought, and
	// Chance says how likely the persona is among the people drawn from it.
	Targeted bool
	// Chance is the probability of at least one ad from this arm at step 1,
	// targeted or random.
	Chance float64
	// Message is the ad the persona would get ("" when none).
	Message string
	// Matched is the ad the strategy matched to the persona's profile
	// (psychographic, demobilise), even when it does not pick the persona
	// at step 1; "" when it matched none.
	Matched    string
	Appeal     string // the message's appeal ("" for a generic ad)
	Attributes uint8  // personal attributes the choice uses (0: none)
	Sensitive  bool   // the choice uses a special-category inference
	// Segment is the persona's segment key (DecideSegment, DecideBandit):
	// SegmentName says it in words; SegmentSize is how many people of the
	// world share it.
	Segment     uint32
	SegmentSize int
	// Trait is the trait and TraitZ the persona's standardised inferred
	// value behind a DecideTrait match.
	Trait  Attr
	TraitZ float32
	// Value is the persona's predicted value to the strategy, relative to a
	// random person shown the generic ad (psychographic), or the
	// confidence × P(other side) × predicted turnout (demobilise); 0 if
	// not ranked. Cutoff is the lowest value the strategy picked at step 1
	// (0 when it had room for everyone it values).
	Value, Cutoff float64
	// Lean is the inferred P(other side) (demobilise).
	Lean float64
	// Fallback: the regulation leaves this strategy no data, so it
	// broadcasts. Excluded: the regulation forbids choosing this persona
	// with personal data (known minor, no political consent).
	Fallback, Excluded bool
	// RunTime: the answer depends on what the strategy learns during the
	// run; after step 1 it may change (see Later).
	RunTime bool
	// Why is the strategy's own reason for reaching the persona only at
	// random (DecideRandom), in words addressed to the persona.
	Why Phrase
	// Says is the whole answer in words addressed to the persona, sentence
	// by sentence: English Phrases (formats are translation keys) that the
	// app translates where it shows them (likeme_says.go).
	Says []Phrase
	// Later says in English what may change after step 1 (a note for
	// logs and tests; the app says it with Says' "changes as the campaign
	// learns").
	Later string
}

// String is the answer in English: its sentences joined by spaces.
func (a ArmAnswer) String() string {
	s := make([]string, len(a.Says))
	for i, p := range a.Says {
		s[i] = p.String()
	}
	return strings.Join(s, " ")
}

// LikeMeResult is what the platform would infer about a persona and what
// each arm would show them.
type LikeMeResult struct {
	Persona Persona // with its likes cleaned: sorted, distinct, known pages only
	// Modelled: the world has an inference model (data.quiz_share > 0).
	Modelled bool
	// Visible: the operator sees the persona's likes (tracking allowed and
	// a model to read them with).
	Visible bool
	// Inferred is what the operator infers, as World.Profiles holds it:
	// standardised scores for numeric attributes, probabilities for binary
	// ones; NaN for every attribute when it cannot see the persona.
	Inferred [NumAttrs]float32
	// Z is Inferred standardised over the people the operator sees, the
	// scale strategies read (NaN where unknown).
	Z [NumAttrs]float32
	// Confidence is the profile's confidence, 0 … 1, as Profiles.Confidence.
	Confidence float32
	// Usable marks the attributes the model predicts better than chance
	// (footprint.Model.Usable); CV is its cross-validated r or AUC.
	Usable [NumAttrs]bool
	CV     [NumAttrs]float64
	// Excluded: the regulation forbids choosing the persona with personal
	// data; Minor: the persona is a minor.
	Excluded, Minor bool
	Arms            []ArmAnswer
}

// cleanLikes returns likes sorted, distinct, with ids outside the
// catalogue dropped: the form Likes.Of gives the model.
func cleanLikes(likes []uint16, pages int) []uint16 {
	out := make([]uint16, 0, len(likes))
	for _, p := range likes {
		if int(p) < pages {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// InferLikes is what the operator infers from a visible person's likes
// (sorted page ids, as Likes.Of gives them): the footprint model's Predict
// and Confidence, exactly as footprint.Infer computes World.Profiles for a
// visible agent. ok is false when the world has no model (then the values
// are NaN and the confidence 0).
func (w *World) InferLikes(likes []uint16) (vals [NumAttrs]float32, conf float32, ok bool) {
	if w.Footprint == nil || w.Footprint.Model == nil {
		for a := range vals {
			vals[a] = float32(math.NaN())
		}
		return vals, 0, false
	}
	m := w.Footprint.Model
	var out [footprint.NumAttributes]float32
	m.Predict(likes, &out)
	for a := range vals {
		vals[a] = out[a]
	}
	return vals, float32(m.Confidence(len(likes))), true
}

// LikeMe says what the platform would infer about p and what each arm of
// the world's scenario would show p at the first step, and why. It reads
// the world and runs each arm's step-1 plan on a fresh arm state (O(N) per
// arm); it changes nothing, so it may run beside a Run on the same world.
func (w *World) LikeMe(p Persona) LikeMeResult {
	pages := 0
	if w.Footprint != nil {
		pages = len(w.Footprint.Catalogue.Pages)
	}
	p.Likes = cleanLikes(p.Likes, pages)
	res := LikeMeResult{Persona: p}
	vals, conf, ok := w.InferLikes(p.Likes)
	res.Modelled = ok
	res.Visible = ok && p.Tracking
	nan := float32(math.NaN())
	for a := range res.Inferred {
		res.Inferred[a], res.Z[a] = nan, nan
	}
	if ok {
		m := w.Footprint.Model
		for a := range NumAttrs {
			res.Usable[a], res.CV[a] = m.Usable[a], m.CV[a]
		}
	}
	if res.Visible {
		res.Inferred, res.Confidence = vals, conf
	}
	reg := &w.Config.Regulation
	res.Minor = p.Age < population.AdultAge
	res.Excluded = reg.MinorsBan && res.Minor || reg.PoliticalConsent && !p.PoliticalConsent

	// A one-person world holding the persona, so that the engine's own
	// per-person functions (segmentKey, inferredFit, scale.z, canVote)
	// apply to it as to agent 0.
	own := newBlindProfiles(1)
	if res.Visible {
		own.Visible[0], own.Confidence[0] = true, conf
		for a := range NumAttrs {
			own.Inferred[a][0] = vals[a]
		}
	}
	one := &World{Config: w.Config, Seed: w.Seed, Messages: w.Messages, Profiles: own, Pop: &population.Population{
		N: 1, Regions: w.Pop.Regions, Age: []uint8{uint8(max(0, min(255, p.Age)))},
		Gender: []uint8{p.Gender}, Region: []uint8{uint8(max(0, min(255, p.Region)))},
	}}
	view := regulatedView(own, &rules{reg: *reg, restricts: reg.SpecialCategoriesBan || res.Excluded,
		excluded: excludedOne(res.Excluded)})
	sc := newScale(w.targeting())
	for a := range NumAttrs {
		if res.Visible {
			res.Z[a] = sc.z(own, a, 0)
		}
	}
	for _, ac := range w.Config.Arms {
		res.Arms = append(res.Arms, w.answer(ac, one, view, &res))
	}
	return res
}

// excludedOne is the exclusion mask of the one-person world.
func excludedOne(ex bool) []bool {
	if !ex {
		return nil
	}
	return []bool{true}
}

// stepOne runs arm ac's strategy's first plan on a fresh arm state of w.
func (w *World) stepOne(ac ArmConfig) (Strategy, *Plan, error) {
	st, err := NewStrategy(ac)
	if err != nil {
		return nil, nil, err
	}
	s := newArmState(w)
	plan := &Plan{}
	s.rules.sync(1, w)
	st.Plan(1, w, s, plan)
	return st, plan, nil
}

// randomChance is the probability that one of n people is hit at least
// once by k impressions drawn uniformly with replacement.
func randomChance(k, n int) float64 {
	if k <= 0 || n <= 0 {
		return 0
	}
	return 1 - math.Pow(1-1/float64(n), float64(k))
}

// randomCount counts the untargeted impressions of a plan.
func randomCount(plan *Plan) int {
	k := 0
	for _, e := range plan.Exposures {
		if e.Why == WhyRandom {
			k++
		}
	}
	return k
}

// answer places the persona (agent 0 of one, with view the profiles the
// strategies may use) in arm ac's step-1 plan.
func (w *World) answer(ac ArmConfig, one *World, view *Profiles, res *LikeMeResult) ArmAnswer {
	ans := ArmAnswer{Arm: ac.Name, Strategy: ac.Strategy, Excluded: res.Excluded}
	st, plan, err := w.stepOne(ac)
	if err != nil { // cannot happen for a validated scenario: the engine's own words
		ans.Says = []Phrase{{Format: "%s", Args: []any{err.Error()}}}
		return ans
	}
	if _, ok := st.(noCampaign); ok {
		ans.Decision = DecideNoAds
		ans.Says = w.says(ans)
		return ans
	}
	n := w.Pop.N
	rnd := randomCount(plan)
	ans.Decision = DecideRandom
	ans.Chance = randomChance(rnd, n)
	setMsg := func(j int) {
		if j >= 0 && j < len(w.Messages) {
			ans.Message, ans.Appeal = w.Messages[j].Name, w.Messages[j].Appeal
		}
	}
	random := func(j int, why Phrase) {
		setMsg(j)
		ans.Why = why
	}
	excluded := "the regulation forbids choosing you with personal data"
	if ex, ok := st.(explainer); ok {
		ex.explain(&likeMeCase{w: w, ac: ac, one: one, view: view, plan: plan, res: res,
			excluded: excluded, setMsg: setMsg, random: random}, &ans)
	}
	ans.Says = w.says(ans)
	return ans
}

// explainer is implemented by a strategy that explains, in its own file,
// how it would treat the persona at step 1 (issue 16: the explanation
// belongs with the strategy, not in a type switch here).
type explainer interface {
	explain(c *likeMeCase, ans *ArmAnswer)
}

// likeMeCase is what a strategy's explanation may use: the world, the
// persona's result so far, the arm's step-1 plan, and the helpers that
// set the message and the reason for reaching the persona only at random
// (ArmAnswer.Why).
type likeMeCase struct {
	w        *World
	ac       ArmConfig // the arm
	one      *World    // the one-person world holding the persona as agent 0
	view     *Profiles // the profiles the strategies may use of the persona
	plan     *Plan     // the arm's step-1 plan
	res      *LikeMeResult
	excluded string
	setMsg   func(j int)
	random   func(j int, why Phrase)
}

// fallBack answers for a strategy the regulation (or missing data) has
// reduced to broadcasting: random impressions of message msg.
func (c *likeMeCase) fallBack(ans *ArmAnswer, msg int) {
	ans.Fallback = true
	c.random(msg, Phrase{Format: sayFallback})
}

// dimsFor is the segment dimensions arm ac's strategy may use.
func dimsFor(w *World, ac ArmConfig) []segmentDim {
	dims, _ := w.allowedDims(dimsOf(attributesOf(ac)))
	return dims
}

// segmentSize is the number of people of g in the segment of key (0 if
// nobody of the world is).
func segmentSize(g *segments, key uint32) int {
	if j, ok := slices.BinarySearch(g.keys, key); ok {
		return g.size(j)
	}
	return 0
}

// messageAudience counts the people of a psychographic ranking matched to
// message j.
func messageAudience(base []float32, msgOf []int16, j int) int {
	n := 0
	for i, b := range base {
		if b >= -math.MaxFloat32 && int(msgOf[i]) == j {
			n++
		}
	}
	return n
}

// rankCutoff returns the lowest base value among the people a ranking
// strategy picked for reason why in plan, and whether it picked the whole
// budget (otherwise anyone it values would have been picked too).
func rankCutoff(base []float32, plan *Plan, why Why, budget int) (float32, bool) {
	cut, k := float32(math.Inf(1)), 0
	for _, e := range plan.Exposures {
		if e.Why == why {
			cut = min(cut, base[e.Agent])
			k++
		}
	}
	return cut, k >= budget
}

// psychValue is the psychographic strategy p's choice for person i of
// the profiles prof: the message that fits best and the predicted value,
// by psychographic.value, the code its init runs for everyone; −1 when it
// values nobody there.
func psychValue(w *World, p *psychographic, prof *Profiles, i int) (int, float64) {
	use := map[Attr]bool{}
	kept, _ := w.allowedAttrs(attributesOf(p.arm))
	for _, a := range kept {
		use[a] = true
	}
	return p.value(w, prof, use, i)
}

// demobiliseAnswer is the demobilise strategy's value of person i of pw
// (profiles prof) and its P(other side), by demobiliseValue, the code its
// init runs for everyone; why says in words why it does not rank the
// person ("" if it does).
func demobiliseAnswer(w *World, ac ArmConfig, pw *World, prof *Profiles, i int) (v, other float64, why string) {
	useParty, useIdeo := false, false
	kept, _ := w.allowedAttrs(attributesOf(ac))
	for _, a := range kept {
		useParty = useParty || a == AttrParty
		useIdeo = useIdeo || a == AttrIdeology
	}
	v, other, skip := demobiliseValue(w, pw.Pop, prof, newScale(w.targeting()), useParty, useIdeo, i)
	switch skip {
	case demobInvisible:
		why = "it cannot see your likes, so it cannot guess your side"
	case demobMinor:
		why = "you are too young to vote"
	case demobNoLean:
		why = "it has no inferred party or ideology of you"
	case demobOwnSide:
		why = fmt.Sprintf("inferred to be on the campaign's side (P(other side) = %.2f)", other)
	}
	return v, other, why
}
