package network

import (
	"fmt"
	"reflect"

	"boomerang/sim/limits"
)

// DegreeFits reports whether the mean degree d is allowed for a network
// of the given kind over n agents: above 0 and below n. A complete graph,
// a network read from a file and a single agent have no degree to set.
func DegreeFits(kind string, d float64, n int) bool {
	if kind == KindComplete || kind == KindFile || n <= 1 {
		return true
	}
	return d > 0 && d < float64(n)
}

// ParamLimits returns the limits declared in the limits tags of Params
// (network.rewire, network.homophily), keyed "network.<key>", in field
// order. sim's Config.Validate reads the same tags.
func ParamLimits() []limits.Field { return limits.Fields(reflect.TypeFor[Params](), "network.") }

// checkLimits returns the first parameter of p outside its limits:
// "network.rewire = 1.5: must be between 0 and 1".
func checkLimits(p Params) error {
	v := reflect.ValueOf(p)
	for _, l := range ParamLimits() {
		if x, _ := l.Value(v); !l.Contains(x) {
			return fmt.Errorf("%s = %s: %s", l.Key, limits.Num(x), l.Rule())
		}
	}
	return nil
}
