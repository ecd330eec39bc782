package sim

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"boomerang/sim/footprint"
	"boomerang/sim/rng"
)

// interests is Meta-style detailed targeting (issue 16): target people
// who visibly like pages of the interests that sell (docs/MODEL.md,
// "Strategies"). A page's topic is public, so it needs no inference model:
// it reads the likes of everyone the operator sees (consent, quiz,
// harvest) and the named interest each fan page belongs to.
//
// For campaign.pilot_steps steps it buys at random, like broadcast, and
// learns, per interest k, how much more the people who clicked or bought
// like pages of k than the people it reached: a lift
//
//	(Σ_outcomes n_k + 1)/(outcomes + 1) ÷ (Σ_impressions n_k + 1)/(impressions + 1),
//
// n_k(i) the number of person i's visible likes of k, outcomes clicks
// plus priorConvMiss × conversions (a sale weighs as much as the clicks it
// takes). It then targets the campaign.interests interests with the
// highest lift (sensitive ones only without regulation.special_categories_ban)
// and scores each person by their likes of them, each like weighted by
// its interest's lift − 1. It buys 90 % of the budget that way (the rest
// stays random, to go on learning), first on retargeting, then in two
// channels:
//
//   - retargeting: one ad a step to each person on its retargeting list,
//     the people who clicked its ad within campaign.retarget_window steps,
//     have not bought and carry its pixel (consent): retarget.go;
//   - people: its audience is the best demoAudiencePerAd × targeted fans
//     of the whole city, of whom it can name only those whose likes it
//     sees: the visible people with the highest scores, visibleShare ×
//     that many (the same bar at any consent rate). It buys at random
//     among them, one ad per person every demoAudiencePerAd steps at most;
//   - context: the rest of the targeted budget, placements beside content
//     of the chosen interests, which need no personal data (Goldfarb &
//     Tucker 2011, Mgmt Sci 57:57: after the EU privacy directive ads on
//     sites with specific content lost less of their effect than ads on
//     general sites). Whoever views that content sees the ad: person i,
//     visible or not, with a probability proportional to Σ (lift − 1)
//     over the chosen interests they follow (like at least one page of),
//     every follower viewing an interest's content equally often
//     [assumption]. A placement cannot pick the strongest fans, so it is
//     less precise than the people channel, as Goldfarb & Tucker's
//     smaller (not zero) loss implies. Zero personal attributes per
//     impression.
//
// Every interestReview steps it reviews its choice with all it has seen.
// It shows one message.
type interests struct {
	arm       ArmConfig
	ruleNotes // what the regulation changed (regulation.go)

	ready    bool
	msg      int
	pageOf   []int8        // page → interest, −1 for trait and neutral pages
	seen     []bool        // people whose likes it sees and may target
	allowed  []bool        // interests it may use
	likedImp []float64     // per interest: Σ n_k over observed impressions
	likedOut []float64     // per interest: Σ n_k over observed outcomes (clicks + weighted conversions)
	imps     float64       // impressions observed
	outs     float64       // outcomes observed
	chosen   []int         // interests targeted (empty before the pilot ends)
	pool     []int32       // people targeted, best first
	share    float64       // share of the people it may target whose likes it sees
	ctxWho   []int32       // people who view content of the chosen interests (score > 0)
	ctxCum   []float64     // cumulative scores of ctxWho, for contextual placements
	attrs    uint8         // interests used per targeted impression
	sens     bool          // a chosen interest reveals a special category
	counts   []int16       // scratch: likes per interest of one person
	fallback bool          // nobody visible, or no interest allowed: broadcast only
	retarget *retargetList // recent clickers with a tracking ID (retarget.go)
}

func (*interests) Name() string { return "interests" }

// interestReview is how often (steps) the strategy reviews which interests
// it targets [assumption: a weekly campaign review].
const interestReview = 7

func interestsDescriptor() strategyDescriptor {
	return strategyDescriptor{
		name: "interests",
		aim:  "target the interests whose fans buy, from visible page likes (Meta detailed targeting)",
		opts: strategyOptions{aim: AimPersuade, oneMessage: true},
		make: func(ac ArmConfig) Strategy { return &interests{arm: ac} },
	}
}

func (s *interests) init(w *World) {
	s.ready = true
	s.msg = armMessage(w.Messages, s.arm, AimPersuade)
	s.allowed = make([]bool, footprint.NumInterests)
	var banned []string
	for k := range s.allowed {
		s.allowed[k] = !(w.Config.Regulation.SpecialCategoriesBan && footprint.SensitiveInterest(k))
		if !s.allowed[k] {
			banned = append(banned, footprint.InterestName(k))
		}
	}
	if len(banned) > 0 {
		s.note("regulation.special_categories_ban: does not use the interests %v (special categories)", banned)
	}
	s.likedImp = make([]float64, footprint.NumInterests)
	s.likedOut = make([]float64, footprint.NumInterests)
	s.counts = make([]int16, footprint.NumInterests)
	fp := w.Footprint
	if fp == nil {
		s.fallback = true
		s.note("no footprint: targets nobody, broadcasts")
		return
	}
	s.pageOf = make([]int8, len(fp.Catalogue.Pages))
	for p := range s.pageOf {
		s.pageOf[p] = -1
		if k, ok := fp.Catalogue.InterestOf(p); ok {
			s.pageOf[p] = int8(k)
		}
	}
	s.retarget = newRetargetList(w, w.Config.Campaign.RetargetWindow)
	ex := w.excludedMask()
	s.seen = make([]bool, w.Pop.N)
	seen, may := 0, 0
	for i := range s.seen {
		s.seen[i] = fp.Visibility.Visible(i) && (ex == nil || !ex[i])
		if s.seen[i] {
			seen++
		}
		if ex == nil || !ex[i] {
			may++
		}
	}
	s.share = float64(seen) / float64(max(1, may))
	if seen == 0 {
		s.fallback = true
		s.note("sees nobody's likes: broadcasts")
	}
}

// count fills s.counts with person i's likes per interest.
func (s *interests) count(w *World, i int32) {
	clear(s.counts)
	for _, p := range w.Footprint.Likes.Of(int(i)) {
		if k := s.pageOf[p]; k >= 0 {
			s.counts[k]++
		}
	}
}

// learn books last step's outcomes of the people it sees.
func (s *interests) learn(w *World, st *ArmState) {
	for _, o := range st.Observed {
		if !s.seen[o.Agent] {
			continue
		}
		y := 0.0
		if o.Clicked {
			y++
		}
		if o.Converted {
			y += priorConvMiss
		}
		s.count(w, o.Agent)
		s.imps++
		s.outs += y
		for k, c := range s.counts {
			s.likedImp[k] += float64(c)
			s.likedOut[k] += y * float64(c)
		}
	}
}

// choose picks the interests with the highest lift and ranks the people
// it sees by their likes of them.
func (s *interests) choose(w *World, targeted int) {
	lift := make([]float64, footprint.NumInterests)
	var cand []int
	for k := range lift {
		lift[k] = (s.likedOut[k] + 1) / (s.outs + 1) / ((s.likedImp[k] + 1) / (s.imps + 1))
		if s.allowed[k] {
			cand = append(cand, k)
		}
	}
	slices.SortStableFunc(cand, func(a, b int) int {
		switch {
		case lift[a] > lift[b]:
			return -1
		case lift[a] < lift[b]:
			return 1
		}
		return a - b
	})
	chosen := cand[:min(len(cand), w.Config.Campaign.Interests)]
	for len(chosen) > 1 && lift[chosen[len(chosen)-1]] <= 1 {
		chosen = chosen[:len(chosen)-1] // an interest whose fans buy no more than others adds nothing
	}
	slices.Sort(chosen)
	if slices.Equal(chosen, s.chosen) && s.pool != nil {
		return
	}
	s.chosen = append(s.chosen[:0], chosen...)
	s.attrs, s.sens = uint8(len(chosen)), false
	for _, k := range chosen {
		s.sens = s.sens || footprint.SensitiveInterest(k)
	}
	type ranked struct {
		i     int32
		likes float64
	}
	var all []ranked
	s.ctxWho, s.ctxCum = s.ctxWho[:0], s.ctxCum[:0]
	cum := 0.0
	for i := range s.seen {
		s.count(w, int32(i))
		n := 0.0
		for _, k := range chosen {
			n += float64(s.counts[k]) * (lift[k] - 1) // likes weighted by how much the interest predicts sales
		}
		if n <= 0 {
			continue
		}
		v := 0.0 // how often i views content of the chosen interests
		for _, k := range chosen {
			if s.counts[k] > 0 {
				v += lift[k] - 1
			}
		}
		cum += v
		s.ctxWho, s.ctxCum = append(s.ctxWho, int32(i)), append(s.ctxCum, cum)
		if s.seen[i] {
			all = append(all, ranked{int32(i), n})
		}
	}
	sort.SliceStable(all, func(a, b int) bool { return all[a].likes > all[b].likes })
	size := min(len(all), int(s.share*float64(demoAudiencePerAd*targeted)+0.5))
	if !w.audienceOK(size) {
		s.note("its audience of %d people is below regulation.min_audience = %d: buys placements beside content instead", size, w.minAudience())
		size = 0
	}
	s.pool = s.pool[:0]
	for _, r := range all[:size] {
		s.pool = append(s.pool, r.i)
	}
}

// contextual is one placement beside content of the chosen interests: the
// person who views it, drawn with probability proportional to their score.
func (s *interests) contextual(u uint64) int32 {
	x := float64(u>>11) / (1 << 53) * s.ctxCum[len(s.ctxCum)-1]
	return s.ctxWho[min(sort.SearchFloat64s(s.ctxCum, x), len(s.ctxWho)-1)]
}

func (s *interests) Plan(t int, w *World, st *ArmState, plan *Plan) {
	if !s.ready {
		s.init(w)
	}
	budget := w.Config.Campaign.Budget
	if s.fallback {
		prospect(t, w, st, plan, 0, budget, s.msg)
		return
	}
	s.learn(w, st)
	s.retarget.book(t-1, st.Observed)
	if t <= w.Config.Campaign.PilotSteps {
		prospect(t, w, st, plan, 0, budget, s.msg)
		return
	}
	targeted := budget - int(float64(budget)*demoExplore)
	if s.pool == nil || (t-w.Config.Campaign.PilotSteps-1)%interestReview == 0 {
		s.choose(w, targeted)
	}
	if len(s.ctxWho) == 0 {
		// No interest predicted sales (every lift ≤ 1, e.g. a pilot that
		// saw a handful of outcomes at low consent): nobody to target or
		// place beside, so it buys at random, as in the pilot, rather than
		// leave the targeted budget unspent.
		prospect(t, w, st, plan, 0, budget, s.msg)
		return
	}
	// Retargeting first: one ad a step to each recent clicker it tracks.
	spent := 0
	for _, i := range s.retarget.due(t, st) {
		if spent >= targeted {
			break
		}
		e := Exposure{Agent: i, Message: int16(s.msg), Attributes: retargetAttrs,
			Why: WhyRetarget, Detail: uint32(s.retarget.clickedAt(i))}
		if st.add(t, w, plan, e) {
			spent++
		}
	}
	rest := targeted - spent // for the people channel and the placements
	n := uint64(len(s.pool))
	people := min(rest, len(s.pool)/demoAudiencePerAd) // one ad per person every other step at most
	for k := 0; k < people; k++ {
		for r := uint64(0); r <= capRetries; r++ {
			i := s.pool[rng.Uint64(w.Seed, rng.Exposure, uint64(k), uint64(t), 200+r)%n]
			if st.knownBuyer(i) {
				continue // a buyer its dashboard saw: excluded from the audience
			}
			e := Exposure{Agent: i, Message: int16(s.msg), Attributes: s.attrs, Sensitive: s.sens,
				Why: WhyInterest, Detail: uint32(s.chosen[0])}
			if st.add(t, w, plan, e) {
				break
			}
		}
	}
	for k := people; k < rest && len(s.ctxWho) > 0; k++ {
		for r := uint64(0); r <= capRetries; r++ {
			e := Exposure{Agent: s.contextual(rng.Uint64(w.Seed, rng.Exposure, uint64(k), uint64(t), 300+r)), Message: int16(s.msg),
				Why: WhyContext, Detail: uint32(s.chosen[0])}
			if st.add(t, w, plan, e) {
				break
			}
		}
	}
	prospect(t, w, st, plan, targeted, budget, s.msg)
}

// explain says how the interest arm treats the persona: random in the
// pilot, then targeted if they visibly like pages of the interests whose
// fans buy (World.LikeMe).
func (s *interests) explain(c *likeMeCase, ans *ArmAnswer) {
	c.setMsg(s.msg)
	if s.fallback {
		c.fallBack(ans, s.msg)
		return
	}
	pilot := c.w.Config.Campaign.PilotSteps
	c.random(s.msg, Phrase{Format: sayPilot, Args: []any{pilot}})
	ans.RunTime = true
	if c.res.Excluded {
		ans.Later = c.excluded + ": it reaches you only at random, or beside content of the interests it targets (no personal data)"
		return
	}
	if c.w.Footprint == nil {
		ans.Later = "it cannot see your likes, so it will only ever reach you at random"
		return
	}
	if !c.res.Persona.Tracking {
		ans.Later = fmt.Sprintf("it cannot see your likes: after step %d it reaches you at random, or beside content of the interests it targets if you follow them (a placement that uses no personal data)", pilot)
		return
	}
	count := make([]int, footprint.NumInterests)
	for _, p := range c.res.Persona.Likes {
		if k, ok := c.w.Footprint.Catalogue.InterestOf(int(p)); ok {
			count[k]++
		}
	}
	var liked []string
	for k, n := range count {
		if n > 0 && s.allowed[k] {
			liked = append(liked, fmt.Sprintf("%s (%d)", footprint.InterestName(k), n))
		}
	}
	// Retargeting needs the pixel, which the persona's tracking consent
	// allows (retarget.go).
	again := ""
	if n := c.w.Config.Campaign.RetargetWindow; n > 0 {
		again = fmt.Sprintf("; if you click its ad and do not buy, it shows it to you again every step for %d steps (retargeting: your tracking ID and your click)", n)
	}
	if len(liked) == 0 {
		ans.Later = "you like no interest page it may use: it will only ever reach you at random"
		if again != "" {
			ans.Later = "you like no interest page it may use: it reaches you at random" + again
		}
		return
	}
	ans.Later = fmt.Sprintf("after step %d it targets the %d interests whose fans clicked and bought most in the pilot, ranking the people whose likes it sees by their likes of them (and placing ads beside their content for the rest); you like pages of %s",
		pilot, c.w.Config.Campaign.Interests, strings.Join(liked, ", ")) + again
}
