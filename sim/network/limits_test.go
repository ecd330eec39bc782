package network

import (
	"math"
	"testing"
)

// The limits tags are read whole, and check refuses exactly the values
// outside them, with the message the CLI's golden files expect.
func TestParamLimits(t *testing.T) {
	got := map[string]Limits{}
	for _, l := range ParamLimits() {
		if math.IsNaN(l.Lo) || math.IsNaN(l.Hi) || l.Lo > l.Hi {
			t.Errorf("%s: malformed limits tag %+v", l.Key, l)
		}
		got[l.Key] = l
	}
	for _, key := range []string{"rewire", "homophily"} {
		if l, ok := got[key]; !ok || l.Lo != 0 || l.Hi != 1 {
			t.Errorf("%s: limits %+v, want 0 to 1", key, l)
		}
	}
	p := DefaultParams()
	p.Kind = KindSmallWorld
	p.Rewire = 1.5
	if err := check(p, 100, Attributes{}); err == nil || err.Error() != "network.rewire = 1.5: must be between 0 and 1" {
		t.Errorf("rewire 1.5: %v", err)
	}
	p.Rewire = 1
	if err := check(p, 100, Attributes{}); err != nil {
		t.Errorf("rewire 1 (the limit) refused: %v", err)
	}
	p.Homophily = math.NaN()
	if err := check(p, 100, Attributes{}); err == nil || err.Error() != "network.homophily = NaN: must be between 0 and 1" {
		t.Errorf("homophily NaN: %v", err)
	}
}
