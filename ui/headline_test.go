package ui

import (
	"context"
	"strings"
	"testing"

	"boomerang/batch"
	"boomerang/scenarios"
	"boomerang/sim"
	"boomerang/ui/play"
)

// A story that talks about backfires gets them on a card: the last card
// counts the compared arm's backfires (and broadcast's) instead of the
// cost; other stories keep the cost.
func TestCardsShowBackfiresWhenTheStoryTalksOfThem(t *testing.T) {
	for name, want := range map[string]bool{"cambridge-analytica-2016": true, "eu-election-2025": true, "privacy-first": true,
		"matz-2017": false, "weekend-event": false, "broadcast-basics": false} {
		cfg, err := scenarios.Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		if got := StoryTalksBackfires(cfg); got != want {
			t.Errorf("%s: story talks of backfires: %v, want %v", name, got, want)
		}
	}
	res := sim.Result{Arms: []sim.ArmResult{
		{Name: "control", Strategy: "none", Series: []sim.Metrics{{Conversions: 100}}},
		{Name: "broadcast", Strategy: "broadcast", Series: []sim.Metrics{{Conversions: 200, ConversionsVsControl: 100, CostPerConversion: 2, Backfires: 1317}}},
		{Name: "psychographic", Strategy: "psychographic", Series: []sim.Metrics{{Conversions: 238, ConversionsVsControl: 138, Backfires: 11594}}},
	}}
	if c := HeadlinesFor([]sim.Result{res}, "", true).Cards[3]; c.Value != "11594" || c.Caption != "ads backfired (broadcast 1317)" {
		t.Errorf("backfire card %+v", c)
	}
	if c := HeadlinesFor([]sim.Result{res}, "", false).Cards[3]; c.Caption == "ads backfired (broadcast 1317)" {
		t.Errorf("a story without backfires still shows them: %+v", c)
	}
	res.Arms = res.Arms[:2] // broadcast against control only
	if c := HeadlinesFor([]sim.Result{res}, "", true).Cards[3]; c.Value != "1317" || c.Caption != "ads backfired" {
		t.Errorf("backfire card without a targeted arm %+v", c)
	}
}

// At weekend-event's default seed with the app's default runs, the cards
// state only differences whose paired 95 % interval excludes zero, and
// with one run the comparison card says it cannot tell (issue 17).
func TestCardsStateOnlyClearDifferences(t *testing.T) {
	cfg, err := scenarios.Builtin("weekend-event")
	if err != nil {
		t.Fatal(err)
	}
	out, err := batch.Run(context.Background(), batch.Options{Config: cfg, Reps: play.DefaultReplications, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	var runs []sim.Result
	for _, r := range out.Reps {
		runs = append(runs, r.Result)
	}
	h := HeadlinesFor(runs, "", false)
	c := h.Cards[0]
	switch {
	case c.Value == "≈":
		if !strings.HasPrefix(c.Caption, "no clear difference in conversions vs broadcast (95 % CI ") {
			t.Errorf("no-difference card %+v", c)
		}
	case strings.HasSuffix(c.Value, "%"):
		// a stated difference: its interval must exclude zero
		ci := c.Caption[strings.Index(c.Caption, "CI ")+3:]
		lo, hi, _ := strings.Cut(strings.TrimSuffix(ci, ")"), " … ")
		if (strings.HasPrefix(lo, "-") || strings.HasPrefix(lo, "−")) != (strings.HasPrefix(hi, "-") || strings.HasPrefix(hi, "−")) {
			t.Errorf("stated a difference whose interval crosses zero: %+v", c)
		}
	default:
		t.Errorf("card %+v", c)
	}
	if c := HeadlinesFor(runs[:1], "", false).Cards[0]; c.Value != "?" || !strings.Contains(c.Caption, "one run cannot tell") {
		t.Errorf("one run: %+v", c)
	}
	t.Logf("weekend-event, %d runs: %s", play.DefaultReplications, h.Sentence)
}

// Metrics that do not apply to a campaign's aim are not offered: no vote
// share for a festival, but for an election (issue 17).
func TestLedgerChoicesFollowTheAim(t *testing.T) {
	u, _ := newTestApp(t)
	has := func() bool {
		for _, o := range u.metric.Options {
			if o == "Vote share vs control" {
				return true
			}
		}
		return false
	}
	for name, want := range map[string]bool{"weekend-event": false, "cambridge-analytica-2016": true, "broadcast-basics": true} {
		cfg, err := scenarios.Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Population.Size, cfg.Data.QuizShare = 1500, 0.05
		u.Load(cfg)
		if has() != want {
			t.Errorf("%s (aim %q): vote share offered %v, want %v (%v)", name, cfg.Campaign.Aim, has(), want, u.metric.Options)
		}
	}
}

// In a campaign.aim = "vote" scenario the cards rank and compare arms on
// the vote share, in percentage points, not on conversions: here the arm
// with more conversions gains less vote share, and the card says so.
func TestCardsFollowTheCampaignAim(t *testing.T) {
	run := func(psych, demob float64) sim.Result {
		return sim.Result{Arms: []sim.ArmResult{
			{Name: "control", Strategy: "none", Series: []sim.Metrics{{}}},
			{Name: "broadcast", Strategy: "broadcast", Series: []sim.Metrics{{ConversionsVsControl: 100, VoteShareVsControl: 0.001}}},
			{Name: "psychographic", Strategy: "psychographic", Series: []sim.Metrics{{ConversionsVsControl: 300, VoteShareVsControl: psych}}},
			{Name: "demobilise", Strategy: "demobilise", Series: []sim.Metrics{{ConversionsVsControl: 50, VoteShareVsControl: demob}}},
		}}
	}
	runs := []sim.Result{run(0.002, 0.021), run(0.0021, 0.019), run(0.0019, 0.020)}
	vote := HeadlinesFor(runs, sim.CampaignVote, false)
	if c := vote.Cards[0]; c.Value != "+1.90 points" || !strings.HasPrefix(c.Caption, "vote share vs broadcast") {
		t.Errorf("vote card %+v", c)
	}
	if !strings.HasPrefix(vote.Sentence, "Demobilise:") {
		t.Errorf("vote sentence %q: want the arm with the most vote share", vote.Sentence)
	}
	sale := HeadlinesFor(runs, sim.CampaignSale, false)
	if c := sale.Cards[0]; !strings.HasPrefix(c.Caption, "conversions vs broadcast") || !strings.HasPrefix(sale.Sentence, "Psychographic:") {
		t.Errorf("sale card %+v, sentence %q", c, sale.Sentence)
	}
}
