package batch

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"boomerang/scenarios"
	"boomerang/sim"
	"boomerang/sim/rng"
)

// Design names how the points of a sweep are chosen.
const (
	DesignGrid = "grid" // full factorial: every combination of the values
	DesignLHS  = "lhs"  // Latin hypercube sample of --samples points
)

// maxPoints bounds the number of points of one sweep, so that a typo in a
// range (a step of 0.0001 instead of 0.1) is an error, not a week of work.
const maxPoints = 1_000_000

// lhsPurpose keys the random streams of Latin hypercube sampling. It is
// far from the engine's rng.Purpose numbers, so it never shares a stream
// with the model.
const lhsPurpose rng.Purpose = 0x4c48535f // "LHS_"

// Factor is one varied scenario key: a --vary flag, parsed.
type Factor struct {
	Key  string `json:"key"`  // dotted scenario key, e.g. influence.epsilon
	Spec string `json:"spec"` // the values as given: "0.1,0.2" or "0.1:0.5:0.1"
	Type string `json:"type"` // the key's type: int, float, string or bool
	// Values are the levels: the listed values, or the range's values
	// lo, lo+step, … ≤ hi, as text exactly as applied and written.
	Values []string `json:"values,omitempty"`
	// Range is set for lo:hi[:step]; Latin hypercube sampling draws from
	// [Lo, Hi] and rounds to a multiple of Step from Lo (Step 0: no rounding).
	Range        bool    `json:"range,omitempty"`
	Lo, Hi, Step float64 `json:"-"`
	decimals     int     // decimals of the range's text, for exact formatting
}

// ParseVary parses one --vary argument, key=v1,v2,… or key=lo:hi:step
// (lo:hi without a step is accepted for Latin hypercube designs only,
// which ParsePlan checks). The key must be a scenario key; ranges need a
// number key, lo ≤ hi and a step above 0.
func ParseVary(arg string) (Factor, error) {
	key, spec, ok := strings.Cut(arg, "=")
	key, spec = strings.TrimSpace(key), strings.TrimSpace(spec)
	if !ok || key == "" {
		return Factor{}, fmt.Errorf("--vary %q: expected key=v1,v2,... or key=lo:hi:step", arg)
	}
	var typ string
	for _, k := range scenarios.Keys() {
		if k.Name == key {
			typ = k.Type
		}
	}
	if typ == "" {
		var names []string
		for _, k := range scenarios.Keys() {
			names = append(names, k.Name)
		}
		if best := scenarios.SuggestKey(key); best != "" {
			return Factor{}, fmt.Errorf("--vary unknown key %q (did you mean %s? 'boomerang-cli show' lists every key)", key, best)
		}
		return Factor{}, fmt.Errorf("--vary unknown key %q (allowed: %s)", key, strings.Join(names, ", "))
	}
	f := Factor{Key: key, Spec: spec, Type: typ}
	if spec == "" {
		return Factor{}, fmt.Errorf("--vary %s: empty range: give values v1,v2,... or lo:hi:step", key)
	}
	if strings.Contains(spec, ":") && !strings.Contains(spec, ",") {
		return parseRange(f)
	}
	seen := map[string]bool{}
	for _, v := range strings.Split(spec, ",") {
		v = strings.TrimSpace(v)
		switch {
		case v == "":
			return Factor{}, fmt.Errorf("--vary %s=%s: empty value in the list", key, spec)
		case strings.ContainsAny(v, "\"\n\r"):
			return Factor{}, fmt.Errorf("--vary %s=%s: values may not contain quotes or line breaks", key, spec)
		case seen[v]:
			return Factor{}, fmt.Errorf("--vary %s=%s: value %s listed twice", key, spec, v)
		}
		seen[v] = true
		f.Values = append(f.Values, v)
	}
	return f, nil
}

func parseRange(f Factor) (Factor, error) {
	where := "--vary " + f.Key + "=" + f.Spec
	if f.Type != "int" && f.Type != "float" {
		return Factor{}, fmt.Errorf("%s: a range lo:hi:step needs a number key; %s is a %s (list the values: %s=a,b,c)", where, f.Key, f.Type, f.Key)
	}
	parts := strings.Split(f.Spec, ":")
	if len(parts) != 2 && len(parts) != 3 {
		return Factor{}, fmt.Errorf("%s: expected lo:hi:step", where)
	}
	var nums [3]float64
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			return Factor{}, fmt.Errorf("%s: empty range: lo, hi and step must all be given", where)
		}
		v, err := strconv.ParseFloat(p, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return Factor{}, fmt.Errorf("%s: %q is not a number", where, p)
		}
		if f.Type == "int" && v != math.Trunc(v) {
			return Factor{}, fmt.Errorf("%s: %s is an integer key, %q is not a whole number", where, f.Key, p)
		}
		nums[i] = v
		f.decimals = max(f.decimals, decimalsOf(p))
	}
	f.Range, f.Lo, f.Hi = true, nums[0], nums[1]
	if f.Lo > f.Hi {
		return Factor{}, fmt.Errorf("%s: lo %s > hi %s", where, parts[0], parts[1])
	}
	if len(parts) == 2 {
		return f, nil // Latin hypercube only; ParsePlan checks
	}
	f.Step = nums[2]
	if !(f.Step > 0) {
		return Factor{}, fmt.Errorf("%s: step %s must be above 0", where, parts[2])
	}
	n := math.Floor((f.Hi-f.Lo)/f.Step+1e-9) + 1
	if n > maxPoints {
		return Factor{}, fmt.Errorf("%s: %.0f values, more than %d", where, n, maxPoints)
	}
	for i := 0; i < int(n); i++ {
		f.Values = append(f.Values, f.format(f.Lo+float64(i)*f.Step))
	}
	return f, nil
}

// decimalsOf counts the digits after the decimal point of a number as
// written, or −1 for exponent notation.
func decimalsOf(s string) int {
	if strings.ContainsAny(s, "eE") {
		return -1
	}
	if _, frac, ok := strings.Cut(s, "."); ok {
		return len(frac)
	}
	return 0
}

// format writes a value of the factor's range as text: integers for int
// keys, else as many decimals as the range was written with (so that
// 0.1:0.3:0.1 gives 0.1, 0.2, 0.3 and not 0.30000000000000004).
func (f *Factor) format(v float64) string {
	if f.Type == "int" {
		return strconv.FormatInt(int64(math.Round(v)), 10)
	}
	if f.decimals < 0 {
		return strconv.FormatFloat(v, 'g', 12, 64)
	}
	s := strconv.FormatFloat(v, 'f', f.decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// Point is one combination of values of the varied keys.
type Point struct {
	ID     int      // 0-based, in design order
	Values []string // one per factor, in --vary order
}

// GridPoints is the full factorial design: every combination, the first
// factor varying slowest (as nested loops in the order of the --vary flags).
func GridPoints(factors []Factor) ([]Point, error) {
	total := 1
	for _, f := range factors {
		if len(f.Values) == 0 {
			return nil, fmt.Errorf("--vary %s=%s: a grid needs lo:hi:step (with a step)", f.Key, f.Spec)
		}
		total *= len(f.Values)
		if total > maxPoints {
			return nil, fmt.Errorf("--vary: the grid has more than %d points; use --design lhs --samples K", maxPoints)
		}
	}
	pts := make([]Point, total)
	for id := range pts {
		vals := make([]string, len(factors))
		rest := id
		for k := len(factors) - 1; k >= 0; k-- {
			n := len(factors[k].Values)
			vals[k] = factors[k].Values[rest%n]
			rest /= n
		}
		pts[id] = Point{ID: id, Values: vals}
	}
	return pts, nil
}

// LHSPoints is a Latin hypercube sample of k points (McKay, Beckman &
// Conover 1979): each factor's range is cut into k equal strata and every
// stratum is used exactly once, in an order shuffled independently per
// factor. A range factor takes a uniform value within its stratum (rounded
// to its step, if it has one); a list factor takes the level the stratum
// falls on, so levels are used equally often. The sample is a function of
// seed alone.
func LHSPoints(factors []Factor, k int, seed uint64) ([]Point, error) {
	if k < 1 || k > maxPoints {
		return nil, fmt.Errorf("--samples %d: must be between 1 and %d", k, maxPoints)
	}
	pts := make([]Point, k)
	for i := range pts {
		pts[i] = Point{ID: i, Values: make([]string, len(factors))}
	}
	for fi, f := range factors {
		r := rng.New(seed, lhsPurpose, uint64(fi), 0)
		perm := r.Perm(k)
		for i := range pts {
			s := perm[i]
			if !f.Range {
				pts[i].Values[fi] = f.Values[s*len(f.Values)/k]
				continue
			}
			v := f.Lo + (float64(s)+r.Float64())/float64(k)*(f.Hi-f.Lo)
			if f.Step > 0 {
				v = f.Lo + math.Round((v-f.Lo)/f.Step)*f.Step
				v = math.Min(v, f.Lo+math.Floor((f.Hi-f.Lo)/f.Step+1e-9)*f.Step)
				pts[i].Values[fi] = f.format(v)
			} else if f.Type == "int" {
				pts[i].Values[fi] = f.format(v)
			} else {
				pts[i].Values[fi] = strconv.FormatFloat(v, 'g', 6, 64)
			}
		}
	}
	return pts, nil
}

// cloneConfig copies cfg deeply enough that setting keys on the copy never
// changes cfg (the slices are copied too).
func cloneConfig(cfg sim.Config) sim.Config {
	c := cfg
	c.Arms = append([]sim.ArmConfig(nil), cfg.Arms...)
	c.Messages = append([]sim.MessageConfig(nil), cfg.Messages...)
	return c
}

// pointConfig applies a point's values to a copy of base and validates
// the result.
func pointConfig(base sim.Config, factors []Factor, p Point) (sim.Config, error) {
	cfg := cloneConfig(base)
	for i, f := range factors {
		if err := scenarios.Set(&cfg, f.Key, p.Values[i]); err != nil {
			return sim.Config{}, fmt.Errorf("--vary %s", err)
		}
	}
	if err := cfg.Validate(); err != nil {
		return sim.Config{}, fmt.Errorf("--vary: point %d (%s): %w", p.ID, describePoint(factors, p), err)
	}
	return cfg, nil
}

// describePoint writes a point as key=value pairs.
func describePoint(factors []Factor, p Point) string {
	var parts []string
	for i, f := range factors {
		parts = append(parts, f.Key+"="+p.Values[i])
	}
	return strings.Join(parts, ", ")
}
