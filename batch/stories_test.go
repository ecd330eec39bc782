package batch

import (
	"context"
	"math"
	"strings"
	"testing"

	"boomerang/scenarios"
	"boomerang/sim"
)

const storyTOML = `
name = "story-test"
seed = 7
steps = 12
[population]
size = 2000
[data]
quiz_share = 0.0
[campaign]
budget = 1500
[[arms]]
name = "control"
strategy = "none"
[[arms]]
name = "broadcast"
strategy = "broadcast"
[story]
title_en = "t"
[[story.steps]]
text_en = "Broadcast shows {impressions(broadcast)} ads and shifts {shift_vs_control(broadcast):3}."
expect = ["impressions(broadcast) > impressions(control)", "shift_vs_control(broadcast) > 0"]
[[story.steps]]
text_en = "Twice the budget: {ratio(impressions(broadcast), impressions(broadcast@1)):1} times the ads."
expect = ["impressions(broadcast) > 1.5 * impressions(broadcast@1)", "shift_vs_control(broadcast) > shift_vs_control(broadcast@1)"]
set = { "campaign.budget" = 3000 }
`

// A story's claims are judged on paired intervals, and a claim whose
// direction is flipped fails (issue 17: a check that cannot fail is a
// defect).
func TestMeasureStoryJudgesAndFlips(t *testing.T) {
	cfg, err := scenarios.Parse("story-test.toml", []byte(storyTOML))
	if err != nil {
		t.Fatal(err)
	}
	m, err := MeasureStory(context.Background(), "story-test", cfg, StoryOptions{Reps: 4, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Steps) != 2 || len(m.Steps[0].Claims) != 2 || len(m.Steps[1].Claims) != 2 {
		t.Fatalf("measured %+v", m)
	}
	for _, s := range m.Steps {
		for _, c := range s.Claims {
			if !c.Pass {
				t.Errorf("step %d: %q failed: diff %g (%g to %g)", s.Step, c.Claim, c.Diff, c.Lo, c.Hi)
			}
		}
	}
	if got := m.Steps[0].Values["impressions(broadcast)"]; got != 1500*12 {
		t.Errorf("placeholder impressions(broadcast) = %g, want %d", got, 1500*12)
	}
	if got := m.Steps[1].Values["ratio(impressions(broadcast), impressions(broadcast@1)):1"]; got != 2 {
		t.Errorf("ratio across steps = %g, want 2", got)
	}
	// flip every claim: each must now fail
	for i := range cfg.Story.Steps {
		for j, c := range cfg.Story.Steps[i].Expect {
			cfg.Story.Steps[i].Expect[j] = strings.Replace(c, ">", "<", 1)
		}
	}
	flipped, err := MeasureStory(context.Background(), "story-test", cfg, StoryOptions{Reps: 4, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range flipped.Steps {
		for _, c := range s.Claims {
			if c.Pass {
				t.Errorf("flipped claim %q passed", c.Claim)
			}
		}
	}
	// the measured numbers do not depend on the worker count
	if m.Steps[0].Values["shift_vs_control(broadcast):3"] != flipped.Steps[0].Values["shift_vs_control(broadcast):3"] {
		t.Error("measured values differ between 2 workers and 1")
	}
}

// A claim with no spread between replications is judged on its value;
// undefined sides fail.
func TestJudgeEdges(t *testing.T) {
	c, _ := scenarios.ParseClaim("clicks(a) > 2", map[string]bool{"a": true})
	if r := judge(c, []float64{3, 3, 3}, []float64{2, 2, 2}, false); !r.Pass || r.Lo != 1 {
		t.Errorf("constant difference: %+v", r)
	}
	if r := judge(c, []float64{3, math.NaN(), 3}, []float64{2, 2, 2}, false); r.Pass || !r.Undefined {
		t.Errorf("undefined side passed: %+v", r)
	}
	if r := judge(c, []float64{2.5, 1.9, 2.4}, []float64{2, 2, 2}, true); !r.Pass {
		t.Errorf("quick mode judges the mean: %+v", r)
	}
	if r := judge(c, []float64{2.5, 1.9, 2.4}, []float64{2, 2, 2}, false); r.Pass {
		t.Errorf("an interval that includes zero passed: %+v", r)
	}
}

// vulnerable_share is 1 for random exposure (issue 17): broadcast reaches
// the most susceptible quarter in proportion on every built-in, so a value
// above 1 can only mean aiming at them.
func TestVulnerableShareOfBroadcastIsOne(t *testing.T) {
	if raceEnabled {
		t.Skip("ten built-ins: too slow under the race detector")
	}
	col := -1
	for i, c := range sim.MetricColumns() {
		if c.Name == "vulnerable_share" {
			col = i
		}
	}
	for _, info := range scenarios.List() {
		cfg, err := scenarios.Builtin(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Steps = min(cfg.Steps, 10)
		out, err := Run(context.Background(), Options{Config: cfg, Reps: 1, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		for a, arm := range out.Reps[0].Result.Arms {
			if arm.Strategy != "broadcast" {
				continue
			}
			v := finalsOf(out.Reps[0].Result)[a][col]
			// ± 0.05, or three binomial standard errors when the campaign
			// shows too few ads for that (karate-club: 34 people, 50 ads)
			imps := float64(arm.Series[len(arm.Series)-1].Impressions)
			tol := max(0.05, 3*math.Sqrt(0.75/(0.25*imps)))
			if math.Abs(v-1) > tol {
				t.Errorf("%s: broadcast's vulnerable_share %.3f, want 1.00 ± %.2f (%.0f impressions)", info.Name, v, tol, imps)
			}
			t.Logf("%s: broadcast's vulnerable_share %.3f (%.0f impressions, ± %.2f)", info.Name, v, imps, tol)
		}
	}
}
