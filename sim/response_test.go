package sim

import (
	"math"
	"testing"
)

// The response's factors: congruence lifts clicks, conversions and
// persuasion; tone works through media literacy; reactance to sensitive
// inferences scales with privacy concern; a generic informative ad keeps
// the broadcast calibration exactly.
func TestResponseFactors(t *testing.T) {
	r := DefaultResponse()
	generic := newMessage("g", 1, ToneInformative, "", AimPersuade)
	fear := newMessage("f", 1, ToneFear, "fear-security", AimPersuade)
	lie := newMessage("l", 1, ToneMisinformation, "", AimPersuade)
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

	if clickProb(&r, 0, 1) != r.CTR || clickProb(&r, 1, 0.5) != r.CTR*0.5*1.3 {
		t.Error("click probability: CTR · wear · (1 + 0.3·fit)")
	}
	if clickProb(&r, -fitClip, 1) <= 0 {
		t.Error("a mismatched ad must still be clickable")
	}
	if conversionProb(&r, &generic, 0, 0) != r.ClickConversion || !near(conversionProb(&r, &generic, 1, 0), r.ClickConversion*1.2) {
		t.Error("conversion: click_conversion · leaning · (1 + 0.2·fit)")
	}
	if persuasion(&r, &generic, 0, 0.3, false) != r.ViewEffect || persuasion(&r, &generic, 0, 0.3, true) != r.ClickEffect {
		t.Error("a generic informative ad must keep the view and click effects")
	}
	if !near(persuasion(&r, &lie, 0, 0, true), 2*r.ClickEffect) || persuasion(&r, &lie, 0, 1, true) != 0 {
		t.Error("misinformation: double effect at literacy 0, none at 1")
	}
	if !near(persuasion(&r, &fear, 1, 0, false), r.ViewEffect*1.3*1.5) {
		t.Error("fear appeal: congruence times (1 + 0.5·(1 − 2·literacy))")
	}
	e := Exposure{Sensitive: true}
	if backfireProb(&r, &generic, Exposure{}, 0.5, 1) != 0 || !near(backfireProb(&r, &generic, e, 0.5, 1), r.PrivacyBackfire) {
		t.Error("privacy reactance only for sensitive choices, ∝ privacy concern")
	}
	if p := backfireProb(&r, &generic, e, -1, 0.5); !near(p, 1-(1-r.BackfireRate)*(1-r.PrivacyBackfire*0.5)) {
		t.Errorf("combined reactance %v", p)
	}
}

// Grouping a plan by agent is a stable sort.
func TestGroupByAgent(t *testing.T) {
	ex := []Exposure{{Agent: 5, Message: 0}, {Agent: 3000, Message: 1}, {Agent: 5, Message: 2}, {Agent: 0}, {Agent: 3000, Message: 3}, {Agent: 70000, Message: 4}}
	groupByAgent(ex, nil)
	want := []int32{0, 5, 5, 3000, 3000, 70000}
	for k, e := range ex {
		if e.Agent != want[k] {
			t.Fatalf("order %v", ex)
		}
	}
	if ex[1].Message != 0 || ex[2].Message != 2 || ex[3].Message != 1 || ex[4].Message != 3 {
		t.Fatalf("not stable: %v", ex)
	}
}
