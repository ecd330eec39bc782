package network

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// Limits are the inclusive bounds of a numeric parameter, declared once
// in its struct tag next to the parameter (limits:"lo hi"). check here
// and sim's Config.Validate both read them, so the two checks cannot
// drift apart.
type Limits struct {
	Key    string // the parameter's TOML key within network, e.g. "rewire"
	Lo, Hi float64
	field  int // index of the parameter in Params
}

// Contains reports whether lo ≤ v ≤ hi (false for NaN).
func (l Limits) Contains(v float64) bool { return v >= l.Lo && v <= l.Hi }

// Err is the error for a value outside the limits, naming the dotted key:
// "network.rewire = 1.5: must be between 0 and 1".
func (l Limits) Err(v float64) error {
	return fmt.Errorf("network.%s = %s: %s", l.Key, num(v), l.Rule())
}

// Rule says what is allowed, e.g. "must be between 0 and 1".
func (l Limits) Rule() string {
	return fmt.Sprintf("must be between %s and %s", num(l.Lo), num(l.Hi))
}

// DegreeFits reports whether the mean degree d is allowed for a network
// of the given kind over n agents: above 0 and below n. A complete graph,
// a network read from a file and a single agent have no degree to set.
func DegreeFits(kind string, d float64, n int) bool {
	if kind == KindComplete || kind == KindFile || n <= 1 {
		return true
	}
	return d > 0 && d < float64(n)
}

// ParamLimits returns the declared limits of every numeric parameter of
// Params that has them, in field order.
func ParamLimits() []Limits {
	var out []Limits
	t := reflect.TypeFor[Params]()
	for i := range t.NumField() {
		f := t.Field(i)
		tag, ok := f.Tag.Lookup("limits")
		if !ok {
			continue
		}
		key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		lo, hi, _ := strings.Cut(tag, " ")
		out = append(out, Limits{Key: key, Lo: parseLimit(lo), Hi: parseLimit(hi), field: i})
	}
	return out
}

// parseLimit reads one bound of a limits tag; a malformed tag is a
// programming error caught by the tests (NaN rejects every value).
func parseLimit(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

// Value is the parameter's value in p.
func (l Limits) Value(p Params) float64 { return reflect.ValueOf(p).Field(l.field).Float() }

// checkLimits returns the first parameter of p outside its limits.
func checkLimits(p Params) error {
	for _, l := range ParamLimits() {
		if x := l.Value(p); !l.Contains(x) {
			return l.Err(x)
		}
	}
	return nil
}
