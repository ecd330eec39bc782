package sim

import (
	"math"
	"slices"
	"testing"

	"boomerang/sim/footprint"
)

// festivalConfig is a weekend-event-like world: a niche offer that speaks
// to people around 25, near region 2, who follow music and nightlife.
func festivalConfig(n int) Config {
	c := DefaultConfig()
	c.Population.Size = n
	c.Population.Regions = 6
	c.Steps = 10
	c.Opinion.BurnIn = 0
	c.Campaign.Budget = n * 3 / 20
	c.Campaign.Audience = AudienceParams{AgePeak: 25, AgeWidth: 8, AgeWeight: 0.7, HomeRegion: 2, RegionWeight: 0.5,
		Interests: "music and festivals, nightlife", InterestWeight: 1.5, Noise: 0.6}
	return c
}

// Relevance is mean one over the population, its conversion scale is
// 1/E[R²], it follows the audience (people near the age peak, in the home
// region and fond of the named interests are more relevant), and
// response.relevance = 0 switches it off.
func TestRelevance(t *testing.T) {
	c := festivalConfig(20_000)
	c.Data.QuizShare = 0
	w, err := BuildWorld(c, 3, 2)
	if err != nil {
		t.Fatal(err)
	}
	var sum, sum2 float64
	var young, old, home, far, nYoung, nOld, nHome, nFar float64
	for i := range w.Pop.N {
		r := w.rel.of(int32(i))
		sum += r
		sum2 += r * r
		switch age := w.Pop.Age[i]; {
		case age >= 20 && age <= 30:
			young += r
			nYoung++
		case age >= 55:
			old += r
			nOld++
		}
		switch w.Pop.Region[i] {
		case 2:
			home += r
			nHome++
		case 5:
			far += r
			nFar++
		}
	}
	n := float64(w.Pop.N)
	if math.Abs(sum/n-1) > 1e-4 {
		t.Errorf("mean relevance %.6f, want 1", sum/n)
	}
	if math.Abs(w.rel.conv*sum2/n-1) > 1e-4 {
		t.Errorf("conversion scale %.4f is not 1/E[R²] = %.4f", w.rel.conv, n/sum2)
	}
	if young/nYoung < 2*old/nOld || home/nHome < 1.5*far/nFar {
		t.Errorf("relevance ignores the audience: 20-30 %.2f vs 55+ %.2f; home %.2f vs far %.2f",
			young/nYoung, old/nOld, home/nHome, far/nFar)
	}
	// The interest term: relevance rises with the true music interest.
	buf := make([]float64, footprint.NumInterests)
	var sxy, sx, sy, sxx, syy float64
	for i := range 5000 {
		footprint.TrueInterests(w.Seed, i, buf)
		x, y := buf[0]+buf[20], math.Log(w.rel.of(int32(i)))
		sx, sy, sxy, sxx, syy = sx+x, sy+y, sxy+x*y, sxx+x*x, syy+y*y
	}
	m := 5000.0
	if r := (sxy/m - sx/m*sy/m) / math.Sqrt((sxx/m-sx*sx/m/m)*(syy/m-sy*sy/m/m)); r < 0.5 {
		t.Errorf("log relevance vs true interests: r = %.2f, want ≥ 0.5", r)
	}
	c.Response.Relevance = 0
	w0, err := BuildWorld(c, 3, 2)
	if err != nil {
		t.Fatal(err)
	}
	if w0.rel.click != nil || w0.rel.of(7) != 1 || w0.rel.convOf(7) != 1 {
		t.Error("response.relevance = 0 must make everyone equally relevant")
	}
}

// The true interests replayed by footprint.TrueInterests are the ones the
// likes were drawn from: people with a high true interest like more of its
// pages.
func TestTrueInterestsDriveLikes(t *testing.T) {
	c := festivalConfig(5_000)
	c.Data.QuizShare = 0
	w, err := BuildWorld(c, 5, 2)
	if err != nil {
		t.Fatal(err)
	}
	fp, _, err := w.BuildFootprint(2) // no arm reads likes: built on demand
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]float64, footprint.NumInterests)
	var hi, lo, nHi, nLo float64
	for i := range w.Pop.N {
		footprint.TrueInterests(w.Seed, i, buf)
		likes := 0.0
		for _, p := range fp.Likes.Of(i) {
			if k, ok := fp.Catalogue.InterestOf(int(p)); ok && k == 3 {
				likes++
			}
		}
		per := likes / float64(max(1, fp.Likes.Count(i)))
		if buf[3] > 1 {
			hi += per
			nHi++
		} else if buf[3] < -1 {
			lo += per
			nLo++
		}
	}
	if hi/nHi < 3*lo/nLo {
		t.Errorf("share of likes on interest 3: %.4f for true interest > 1 vs %.4f for < −1, want ≥ 3×", hi/nHi, lo/nLo)
	}
}

// The interests strategy finds the interests the offer speaks to from its
// pilot (seed 2024), counts them in the ledger, and leaves out the
// sensitive interests under the special-categories ban.
func TestInterestsStrategy(t *testing.T) {
	c := festivalConfig(20_000)
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "interests", Strategy: "interests"}}
	r, err := NewRun(c, 2024, 2)
	if err != nil {
		t.Fatal(err)
	}
	r.RunToEnd()
	s := r.Arms[1].Strategy.(*interests)
	music, nightlife := footprint.InterestIndex("music and festivals"), footprint.InterestIndex("nightlife")
	if !slices.Contains(s.chosen, music) && !slices.Contains(s.chosen, nightlife) {
		t.Errorf("chose %v, neither music (%d) nor nightlife (%d)", s.chosen, music, nightlife)
	}
	m := r.Arms[1].Series[len(r.Arms[1].Series)-1]
	if m.AttributesPerImpression <= 0 || m.AttributesPerImpression > float64(c.Campaign.Interests) {
		t.Errorf("attributes per impression %.2f, want in (0, %d]", m.AttributesPerImpression, c.Campaign.Interests)
	}
	c.Regulation.SpecialCategoriesBan = true
	r, err = NewRun(c, 2024, 2)
	if err != nil {
		t.Fatal(err)
	}
	r.RunToEnd()
	if m := r.Arms[1].Series[len(r.Arms[1].Series)-1]; m.SensitiveShare != 0 {
		t.Errorf("sensitive share %.3f under the special-categories ban", m.SensitiveShare)
	}
}

// At low consent the interests strategy names only the visible share of
// its audience and buys the rest of its targeted impressions as
// placements beside content of the chosen interests: no personal data,
// reaching followers of those interests whether it sees their likes or
// not.
func TestInterestsContext(t *testing.T) {
	c := festivalConfig(20_000)
	c.Regulation.ConsentRate = 0.15
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "interests", Strategy: "interests"}}
	r, err := NewRun(c, 2024, 2)
	if err != nil {
		t.Fatal(err)
	}
	var people, placed, unseen int
	for !r.Done() {
		r.Step()
		s, ok := r.Arms[1].Strategy.(*interests)
		if !ok || len(s.chosen) == 0 {
			continue
		}
		for _, e := range r.Arms[1].State.Observed {
			switch e.Why {
			case WhyInterest:
				people++
				if !s.seen[e.Agent] {
					t.Fatalf("the people channel reached %d, whose likes it cannot see", e.Agent)
				}
			case WhyContext:
				placed++
				if e.Attributes != 0 || e.Sensitive {
					t.Fatalf("a placement used personal data: %+v", e)
				}
				if !s.seen[e.Agent] {
					unseen++
				}
				s.count(r.World, e.Agent)
				follows := false
				for _, k := range s.chosen {
					follows = follows || s.counts[k] > 0
				}
				if !follows {
					t.Fatalf("a placement reached %d, who follows none of %v", e.Agent, s.chosen)
				}
			}
		}
	}
	s := r.Arms[1].Strategy.(*interests)
	targeted := c.Campaign.Budget - int(float64(c.Campaign.Budget)*demoExplore)
	if want := int(s.share*float64(demoAudiencePerAd*targeted) + 0.5); len(s.pool) > want || s.share > 0.2 {
		t.Errorf("audience of %d named people, share seen %.2f: want ≤ %d (the visible share of the city's best fans)", len(s.pool), s.share, want)
	}
	if people == 0 || placed < 3*people || unseen < placed/2 {
		t.Errorf("people channel %d, placements %d (%d to people it cannot see): want placements ≥ 3× and mostly unseen at consent 0.15", people, placed, unseen)
	}
}
