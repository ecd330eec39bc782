//go:build ci

package ui

import (
	"testing"

	"boomerang/scenarios"
	"boomerang/sim"
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
	if c := HeadlinesFor(res, true).Cards[3]; c.Value != "11594" || c.Caption != "ads backfired (broadcast 1317)" {
		t.Errorf("backfire card %+v", c)
	}
	if c := HeadlinesFor(res, false).Cards[3]; c.Caption == "ads backfired (broadcast 1317)" {
		t.Errorf("a story without backfires still shows them: %+v", c)
	}
	res.Arms = res.Arms[:2] // broadcast against control only
	if c := HeadlinesFor(res, true).Cards[3]; c.Value != "1317" || c.Caption != "ads backfired" {
		t.Errorf("backfire card without a targeted arm %+v", c)
	}
}
