package sim

import (
	"math"
	"testing"
)

// The response's factors: mean-one congruence multipliers on clicks,
// conversions and persuasion; tone works through media literacy; reactance
// to sensitive inferences scales with privacy concern; a generic
// informative ad keeps the broadcast calibration exactly.
func TestResponseFactors(t *testing.T) {
	r := DefaultResponse()
	generic := newMessage("g", 1, ToneInformative, "", AimPersuade)
	fear := newMessage("f", 1, ToneFear, "fear-security", AimPersuade)
	lie := newMessage("l", 1, ToneMisinformation, "", AimPersuade)
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

	if clickProb(&r, 1, 1) != r.CTR || !near(clickProb(&r, 1.3, 0.5), r.CTR*0.5*1.3) {
		t.Error("click probability: CTR · wear · multiplier")
	}
	if g := congruenceOf(&r, &generic, 2); g.click != 1 || g.conv() != 1 || g.effect != 1 {
		t.Errorf("a generic ad has no congruence: %+v", g)
	}
	if cg := congruenceOf(&r, &fear, -fitClip); clickProb(&r, cg.click, 1) <= 0 {
		t.Error("a mismatched ad must still be clickable")
	}
	if conversionProb(&r, &generic, 1, 0) != r.ClickConversion || !near(conversionProb(&r, &generic, 1, 0.5), r.ClickConversion*math.Exp(0.5*r.OpinionElasticity)) {
		t.Error("conversion: click_conversion · exp(elasticity · stance · opinion) · multiplier")
	}
	if persuasion(&r, &generic, 1, 0.3, false) != r.ViewEffect || persuasion(&r, &generic, 1, 0.3, true) != r.ClickEffect {
		t.Error("a generic informative ad must keep the view and click effects")
	}
	if !near(persuasion(&r, &lie, 1, 0, true), 2*r.ClickEffect) || persuasion(&r, &lie, 1, 1, true) != 0 {
		t.Error("misinformation: double effect at literacy 0, none at 1")
	}
	if !near(persuasion(&r, &fear, 1.3, 0, false), r.ViewEffect*1.3*1.5) {
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

// A personality ad shown at random must do as well as the generic ad
// (issue 16): over a standard normal fit, the click multiplier, the
// conversions per impression (click × conversion) and the persuasion
// multiplier all have mean one, for every trait's split.
func TestCongruenceMeanOne(t *testing.T) {
	r := DefaultResponse()
	for _, appeal := range []string{"extravert", "high-openness", "order"} {
		m := newMessage("m", 1, ToneInformative, appeal, AimPersuade)
		var click, conv, effect, w float64
		for k := -6000; k <= 6000; k++ { // ∫ φ(f) g(f) df on a fine grid
			f := float64(k) / 1000
			p := math.Exp(-f*f/2) / math.Sqrt(2*math.Pi) / 1000
			cg := congruenceOf(&r, &m, f)
			click += p * cg.click
			conv += p * cg.click * cg.conv()
			effect += p * cg.effect
			w += p
		}
		for name, v := range map[string]float64{"click": click, "conversions per impression": conv, "persuasion": effect} {
			if math.Abs(v/w-1) > 1e-6 {
				t.Errorf("%s: mean %s multiplier %.6f, want 1", appeal, name, v/w)
			}
		}
	}
}
