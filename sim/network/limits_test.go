package network

import (
	"math"
	"reflect"
	"testing"

	"boomerang/sim/limits"
)

// The limits tags are read whole, and check refuses exactly the values
// outside them, with the message the CLI's golden files expect.
func TestParamLimits(t *testing.T) {
	got := map[string]limits.Field{}
	for _, l := range limits.Fields(reflect.TypeFor[Params](), "network.") {
		got[l.Key] = l
	}
	for _, key := range []string{"network.rewire", "network.homophily"} {
		if l, ok := got[key]; !ok || l.Lo != 0 || l.Hi != 1 || l.OpenLo {
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

// The degree's limits (above 0, below the population) are declared once
// (DegreeFits) and only for kinds with a degree to set.
func TestDegreeFits(t *testing.T) {
	for _, tc := range []struct {
		kind string
		d    float64
		n    int
		want bool
	}{
		{KindRandom, 4, 10, true}, {KindRandom, 0, 10, false}, {KindRandom, 10, 10, false},
		{KindRandom, math.NaN(), 10, false}, {KindRandom, math.Inf(1), 10, false},
		{KindComplete, 0, 10, true}, {KindFile, 0, 10, true}, {KindRandom, 0, 1, true},
	} {
		if got := DegreeFits(tc.kind, tc.d, tc.n); got != tc.want {
			t.Errorf("DegreeFits(%s, %v, %d) = %v, want %v", tc.kind, tc.d, tc.n, got, tc.want)
		}
	}
}
