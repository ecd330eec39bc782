package scenarios

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"boomerang/sim"
)

// This file holds the small language of story expectations (issue 17): the
// machine-checked claims next to a story step's text, and the placeholders
// in the text that are filled from a measured run. The grammar, in full
// (docs/SCENARIOS.md, "Story expectations"):
//
//	claim       = side op side
//	op          = ">" | "<"
//	side        = number | [number "*"] term
//	term        = metric "(" arm ["@" step] ")"
//	placeholder = "{" value [":" format] "}"
//	value       = term | "ratio(" term "," term ")" | "diff(" term "," term ")"
//	format      = "0" | "1" | "2" | "3" | "pct"
//
// A metric is a steps.csv column (or extra_conversions, the same as
// conversions_vs_control) at the final step; an arm is an arm's name;
// "@k" reads the arm in story step k instead of the step the claim
// belongs to (replication r of every step has the same seed, so
// differences across steps are paired too).
// A claim compares the two sides replication by replication (arms of one
// replication are twins of one world) and holds when the 95 % confidence
// interval of the paired difference lies on the claimed side of zero.

// Term is one metric of one arm at the final step, e.g. clicks(broadcast).
type Term struct {
	Metric string // a steps.csv column name
	Arm    string // an arm's name
	Step   int    // story step to read (1-based); 0: the claim's own step
}

// String is the term as written.
func (t Term) String() string {
	if t.Step > 0 {
		return fmt.Sprintf("%s(%s@%d)", t.Metric, t.Arm, t.Step)
	}
	return t.Metric + "(" + t.Arm + ")"
}

// Side is one side of a claim: Factor × Term, or the constant Const when
// Term is nil.
type Side struct {
	Factor float64
	Term   *Term
	Const  float64
}

// Claim is a parsed expectation: Left Op Right.
type Claim struct {
	Text        string // as written in the scenario
	Left, Right Side
	Greater     bool // true for ">", false for "<"
}

// Placeholder kinds: the mean of a term, the ratio of two terms' means,
// or the mean paired difference of two terms.
const (
	PlaceValue = "value"
	PlaceRatio = "ratio"
	PlaceDiff  = "diff"
)

// Placeholder is a {…} in a story text, filled from a measured run.
type Placeholder struct {
	Text   string // between the braces, as written: the key of its measured value
	Kind   string // PlaceValue, PlaceRatio or PlaceDiff
	A, B   Term   // B only for ratio and diff
	Format string // "" (automatic), "0"–"3" decimals, or "pct" (×100, automatic)
}

// MetricColumn is the steps.csv column a claim's metric name stands for,
// or "" when there is none.
func MetricColumn(name string) string {
	if name == "extra_conversions" { // the name stories use for the causal effect
		return "conversions_vs_control"
	}
	for _, c := range sim.MetricColumns() {
		if c.Name == name {
			return name
		}
	}
	return ""
}

var termRE = regexp.MustCompile(`^\s*([a-z_]+)\s*\(\s*([^()\s,@]+)\s*(?:@\s*([0-9]{1,3})\s*)?\)\s*$`)

// parseTerm parses metric(arm), checking the metric and, when arms is not
// nil, the arm.
func parseTerm(s string, arms map[string]bool) (Term, error) {
	m := termRE.FindStringSubmatch(s)
	if m == nil {
		return Term{}, fmt.Errorf("%q is not metric(arm)", strings.TrimSpace(s))
	}
	if MetricColumn(m[1]) == "" {
		return Term{}, fmt.Errorf("unknown metric %q (use a steps.csv column or extra_conversions)", m[1])
	}
	if arms != nil && !arms[m[2]] {
		return Term{}, fmt.Errorf("unknown arm %q", m[2])
	}
	t := Term{Metric: m[1], Arm: m[2]}
	if m[3] != "" {
		t.Step, _ = strconv.Atoi(m[3])
		if t.Step < 1 {
			return Term{}, fmt.Errorf("%q: story steps count from 1", strings.TrimSpace(s))
		}
	}
	return t, nil
}

// parseSide parses number, term or number * term.
func parseSide(s string, arms map[string]bool) (Side, error) {
	s = strings.TrimSpace(s)
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return Side{}, fmt.Errorf("%q is not a finite number", s)
		}
		return Side{Const: f}, nil
	}
	factor := 1.0
	if i := strings.IndexByte(s, '*'); i >= 0 {
		f, err := strconv.ParseFloat(strings.TrimSpace(s[:i]), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return Side{}, fmt.Errorf("%q: the factor before * must be a number", s)
		}
		factor, s = f, s[i+1:]
	}
	t, err := parseTerm(s, arms)
	if err != nil {
		return Side{}, err
	}
	return Side{Factor: factor, Term: &t}, nil
}

// ParseClaim parses one expectation; arms, when not nil, are the arm names
// the claim may use.
func ParseClaim(s string, arms map[string]bool) (Claim, error) {
	i := strings.IndexAny(s, "<>")
	if i < 0 || strings.IndexAny(s[i+1:], "<>") >= 0 {
		return Claim{}, fmt.Errorf("claim %q: want exactly one > or <", s)
	}
	if strings.HasPrefix(s[i+1:], "=") {
		return Claim{}, fmt.Errorf("claim %q: use > or < (a claim says which side is larger)", s)
	}
	c := Claim{Text: s, Greater: s[i] == '>'}
	var err error
	if c.Left, err = parseSide(s[:i], arms); err != nil {
		return Claim{}, fmt.Errorf("claim %q: %w", s, err)
	}
	if c.Right, err = parseSide(s[i+1:], arms); err != nil {
		return Claim{}, fmt.Errorf("claim %q: %w", s, err)
	}
	if c.Left.Term == nil && c.Right.Term == nil {
		return Claim{}, fmt.Errorf("claim %q: compares two numbers", s)
	}
	return c, nil
}

// Terms are the claim's terms (none, one or two).
func (c Claim) Terms() []Term {
	var out []Term
	for _, s := range []Side{c.Left, c.Right} {
		if s.Term != nil {
			out = append(out, *s.Term)
		}
	}
	return out
}

// Terms are the placeholder's terms (one or two).
func (p Placeholder) Terms() []Term {
	if p.Kind == PlaceValue {
		return []Term{p.A}
	}
	return []Term{p.A, p.B}
}

var placeRE = regexp.MustCompile(`\{([^{}]*)\}`)

// Placeholders returns the placeholders of a story text in order of
// appearance (repeats included); arms as for ParseClaim.
func Placeholders(text string, arms map[string]bool) ([]Placeholder, error) {
	if i := strings.IndexAny(placeRE.ReplaceAllString(text, ""), "{}"); i >= 0 {
		return nil, fmt.Errorf("unbalanced brace in %q", snippet(text))
	}
	var out []Placeholder
	for _, m := range placeRE.FindAllStringSubmatch(text, -1) {
		p, err := parsePlaceholder(m[1], arms)
		if err != nil {
			return nil, fmt.Errorf("placeholder {%s}: %w", m[1], err)
		}
		out = append(out, p)
	}
	return out, nil
}

func snippet(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func parsePlaceholder(s string, arms map[string]bool) (Placeholder, error) {
	p := Placeholder{Text: s, Kind: PlaceValue}
	body := s
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		body, p.Format = s[:i], strings.TrimSpace(s[i+1:])
		switch p.Format {
		case "0", "1", "2", "3", "pct":
		default:
			return Placeholder{}, fmt.Errorf("format %q: use 0, 1, 2, 3 or pct", p.Format)
		}
	}
	body = strings.TrimSpace(body)
	for _, kind := range []string{PlaceRatio, PlaceDiff} {
		if rest, ok := strings.CutPrefix(body, kind+"("); ok {
			rest, ok = strings.CutSuffix(rest, ")")
			a, b, comma := strings.Cut(rest, ",")
			if !ok || !comma {
				return Placeholder{}, fmt.Errorf("want %s(metric(arm), metric(arm))", kind)
			}
			var err error
			if p.A, err = parseTerm(a, arms); err != nil {
				return Placeholder{}, err
			}
			if p.B, err = parseTerm(b, arms); err != nil {
				return Placeholder{}, err
			}
			p.Kind = kind
			return p, nil
		}
	}
	t, err := parseTerm(body, arms)
	if err != nil {
		return Placeholder{}, err
	}
	p.A = t
	return p, nil
}

// FormatValue writes v as a placeholder with format f shows it: "pct"
// multiplies by 100 first; "" picks the decimals by size (none from 10,
// one from 1, otherwise two significant digits). Dutch texts get a
// decimal comma.
func FormatValue(v float64, f string, dutch bool) string {
	if math.IsNaN(v) {
		return "–"
	}
	if f == "pct" {
		v, f = 100*v, ""
	}
	dec := 0
	switch {
	case f != "":
		dec, _ = strconv.Atoi(f)
	case math.Abs(v) >= 10:
		dec = 0
	case math.Abs(v) >= 1:
		dec = 1
	case v == 0:
		dec = 0
	default:
		dec = min(6, 1-int(math.Floor(math.Log10(math.Abs(v)))))
	}
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if s == "-0" || strings.Trim(s, "-0.") == "" && strings.HasPrefix(s, "-") {
		s = s[1:]
	}
	if dutch {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Fill replaces every placeholder of text by its measured value (values
// keyed by Placeholder.Text, as measured by check-stories); a placeholder
// without a value shows as "…".
func Fill(text string, values map[string]float64, dutch bool) string {
	return placeRE.ReplaceAllStringFunc(text, func(m string) string {
		inner := m[1 : len(m)-1]
		v, ok := values[inner]
		if !ok {
			return "…"
		}
		f := ""
		if i := strings.LastIndexByte(inner, ':'); i >= 0 {
			f = strings.TrimSpace(inner[i+1:])
		}
		return FormatValue(v, f, dutch)
	})
}
