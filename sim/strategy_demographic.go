package sim

import (
	"fmt"
	"slices"
	"sort"

	"boomerang/sim/rng"
)

// demographic is the classic marketer: buy the demographic segments that
// respond best (docs/MODEL-campaign.md, "Strategies").
//
// Segments are declared age band (18–29, 30–44, 45–64, 65+) × gender ×
// region, plus inferred origin (migration background, a special category)
// only when the arm's attributes ask for it. For campaign.pilot_steps steps
// it buys at random, like broadcast, and records clicks and click-through
// conversions per segment from the platform's breakdowns; afterwards each
// step it ranks segments by the posterior mean of conversions per
// impression,
//
//	(clicks + 1)/(impressions + 110) · (conversions + 1)/(clicks + 10),
//
// (priors centred on the average CTR and conversion rate), concentrates
// 90 % of the budget on the best segments — as many as hold five times the
// impressions, so a person sees about one ad every fifth step — drawing
// people at random within them, and keeps 10 % at random to go on
// learning. It shows one message (the arm's, by default the first).
type demographic struct {
	arm       ArmConfig
	ruleNotes      // what the regulation changed (regulation.go)
	fallback  bool // the regulation leaves no segment it may buy: broadcast only

	ready        bool
	msg          int
	seg          *segments
	n, clk, conv []float64 // per segment: impressions, clicks, conversions observed
	order        []int32   // segment ids, best first
	chosen       []int32   // segments bought this step
	cum          []int     // cumulative sizes of chosen
	sc           *scale
}

func (*demographic) Name() string { return "demographic" }

// Learning constants of the demographic strategy [assumption].
const (
	demoExplore       = 0.10 // share of the budget kept for random exploration after the pilot
	demoAudiencePerAd = 2    // people in the chosen segments per impression bought (≈ one ad every other step) [assumption]
	priorClickMiss    = 110  // Beta(1, 110) prior on the click rate: mean 0.9 % (LITERATURE §4)
	priorConvMiss     = 10   // Beta(1, 10) prior on conversions per click: mean 9 % (LITERATURE §4)
)

func (d *demographic) init(w *World) {
	d.ready = true
	d.msg = armMessage(w.Messages, d.arm, AimPersuade)
	d.sc = newScale(w.targeting()) // regulation.go: the profiles it may use
	dims, dropped := w.allowedDims(dimsOf(attributesOf(d.arm)))
	d.noteBan(dropped, len(dims))
	d.seg = newSegments(w, d.sc, dims)
	k := len(d.seg.keys)
	d.fallback = len(dims) == 0 || !anyBuyable(w, d.seg, &d.ruleNotes)
	d.n, d.clk, d.conv = make([]float64, k), make([]float64, k), make([]float64, k)
	for j := range k {
		d.order = append(d.order, int32(j))
	}
}

// learn books last step's observed outcomes per segment.
func (d *demographic) learn(s *ArmState) {
	for _, o := range s.Observed {
		j := d.seg.of[o.Agent]
		if j < 0 {
			continue // excluded from targeting by the regulation: in no segment
		}
		d.n[j]++
		if o.Clicked {
			d.clk[j]++
		}
		if o.Converted {
			d.conv[j]++
		}
	}
}

func (d *demographic) Plan(t int, w *World, s *ArmState, plan *Plan) {
	if !d.ready {
		d.init(w)
	}
	d.learn(s)
	budget := w.Config.Campaign.Budget
	if t <= w.Config.Campaign.PilotSteps || d.fallback {
		prospect(t, w, s, plan, 0, budget, d.msg)
		return
	}
	rate := func(j int32) float64 {
		return (d.clk[j] + 1) / (d.n[j] + priorClickMiss) * (d.conv[j] + 1) / (d.clk[j] + priorConvMiss)
	}
	slices.SortStableFunc(d.order, func(a, b int32) int {
		ra, rb := rate(a), rate(b)
		switch {
		case ra > rb:
			return -1
		case ra < rb:
			return 1
		}
		return int(a - b)
	})
	targeted := budget - int(float64(budget)*demoExplore)
	d.chosen, d.cum = d.chosen[:0], d.cum[:0]
	total := 0
	for _, j := range d.order {
		if total >= demoAudiencePerAd*targeted {
			break
		}
		if !w.audienceOK(d.seg.size(int(j))) {
			continue // below regulation.min_audience (regulation_audience.go)
		}
		total += d.seg.size(int(j))
		d.chosen = append(d.chosen, j)
		d.cum = append(d.cum, total)
	}
	for k := 0; k < targeted && total > 0; k++ {
		for r := uint64(0); r <= capRetries; r++ {
			u := int(rng.Uint64(w.Seed, rng.Exposure, uint64(k), uint64(t), 100+r) % uint64(total))
			c := sort.SearchInts(d.cum, u+1) // chosen segment holding position u
			j := d.chosen[c]
			pos := u
			if c > 0 {
				pos -= d.cum[c-1]
			}
			i := d.seg.members[int(d.seg.start[j])+pos]
			if s.knownBuyer(i) {
				continue // a buyer its dashboard saw: excluded, as ad platforms let advertisers do
			}
			e := Exposure{Agent: i, Message: int16(d.msg), Attributes: d.seg.attrs[j], Sensitive: d.seg.sensitive[j],
				Why: WhySegment, Detail: d.seg.keys[j]}
			e.Vulnerable = vulnerableChoice(w, d.sc, &w.Messages[d.msg], int(i), false, e.Attributes > 0)
			if s.add(t, w, plan, e) {
				break
			}
		}
	}
	prospect(t, w, s, plan, targeted, budget, d.msg)
}

func demographicDescriptor() strategyDescriptor {
	return strategyDescriptor{
		name: "demographic",
		aim:  "buy the declared age × gender × region segments that convert best",
		opts: strategyOptions{aim: AimPersuade, oneMessage: true,
			allowed: []string{"age", "gender", "region", "origin"}, defaultAttr: []string{"age", "gender", "region"}},
		make: func(ac ArmConfig) Strategy { return &demographic{arm: ac} },
	}
}

// explain says how the demographic arm treats the persona of World.LikeMe at
// step 1, and later.
func (s *demographic) explain(c *likeMeCase, ans *ArmAnswer) {
	c.setMsg(s.msg)
	if s.fallback {
		c.fallBack(ans, s.msg)
		return
	}
	if c.res.Excluded {
		c.random(s.msg, Phrase{Format: sayExcluded})
		return
	}
	key, attrs, sens := segmentKey(c.one, c.view, s.sc, dimsFor(c.w, c.ac), 0)
	ans.Segment, ans.Attributes, ans.Sensitive = key, attrs, sens
	ans.SegmentSize = segmentSize(s.seg, key)
	ans.Decision, ans.RunTime = DecideSegment, true
	pilot := c.w.Config.Campaign.PilotSteps
	c.random(s.msg, Phrase{Format: sayPilot, Args: []any{pilot}})
	ans.Later = fmt.Sprintf("after step %d it buys the segments whose clicks converted best in the pilot; yours is %q (%d people)",
		pilot, SegmentName(key), ans.SegmentSize)
	if !c.w.audienceOK(ans.SegmentSize) {
		ans.Later = fmt.Sprintf("your segment %q has %d people, fewer than regulation.min_audience = %d: it is never bought",
			SegmentName(key), ans.SegmentSize, c.w.minAudience())
	}
}
