package scenarios

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"boomerang/sim"
)

var testArms = map[string]bool{"broadcast": true, "interests": true, "control": true}

func TestParseClaim(t *testing.T) {
	c, err := ParseClaim("extra_conversions(interests) > 1.2 * extra_conversions(broadcast)", testArms)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Greater || c.Left.Factor != 1 || c.Left.Term.Arm != "interests" || c.Right.Factor != 1.2 ||
		c.Right.Term.Metric != "extra_conversions" || c.Right.Term.Arm != "broadcast" {
		t.Fatalf("parsed %+v", c)
	}
	c, err = ParseClaim("shift_vs_control(broadcast@2) < 0.01", testArms)
	if err != nil || c.Greater || c.Left.Term.Step != 2 || c.Right.Term != nil || c.Right.Const != 0.01 {
		t.Fatalf("parsed %+v, %v", c, err)
	}
	if got := c.Left.Term.String(); got != "shift_vs_control(broadcast@2)" {
		t.Fatalf("String %q", got)
	}
	for in, want := range map[string]string{
		"clicks(broadcast)":                     "want exactly one > or <",
		"clicks(broadcast) > 1 > 0":             "want exactly one > or <",
		"clickz(broadcast) > 0":                 `unknown metric "clickz"`,
		"clicks(nobody) > 0":                    `unknown arm "nobody"`,
		"1 > 2":                                 "compares two numbers",
		"x * clicks(broadcast) > 0":             "the factor before * must be a number",
		"clicks(broadcast@0) > 0":               "story steps count from 1",
		"clicks broadcast > 0":                  "is not metric(arm)",
		"NaN * clicks(broadcast) > 0":           "must be a number",
		"clicks(broadcast) > Inf":               "not a finite number",
		"extra_conversions(interests) >= 1 * 2": "use > or <",
	} {
		_, err := ParseClaim(in, testArms)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want …%s…", in, err, want)
		}
	}
}

func TestPlaceholdersAndFill(t *testing.T) {
	text := "Broadcast adds {extra_conversions(broadcast)}, interests {ratio(extra_conversions(interests), extra_conversions(broadcast)):1} times as many; shift {shift_vs_control(broadcast):pct} %."
	ps, err := Placeholders(text, testArms)
	if err != nil || len(ps) != 3 || ps[1].Kind != PlaceRatio || ps[1].Format != "1" || ps[2].Format != "pct" {
		t.Fatalf("%+v %v", ps, err)
	}
	vals := map[string]float64{ps[0].Text: 15.4, ps[1].Text: 1.4666, ps[2].Text: 0.00213}
	if got, want := Fill(text, vals, false), "Broadcast adds 15, interests 1.5 times as many; shift 0.21 %."; got != want {
		t.Fatalf("Fill:\n got %q\nwant %q", got, want)
	}
	if got := Fill(text, vals, true); !strings.Contains(got, "1,5 times") || !strings.Contains(got, "0,21 %") {
		t.Fatalf("Dutch Fill %q", got)
	}
	if got := Fill("{clicks(broadcast)} clicks", nil, false); got != "… clicks" {
		t.Fatalf("missing value: %q", got)
	}
	for in, want := range map[string]string{
		"a {clicks(broadcast)":                 "unbalanced brace",
		"a } b":                                "unbalanced brace",
		"{clicks(broadcast):4}":                "use 0, 1, 2, 3 or pct",
		"{ratio(clicks(broadcast))}":           "want ratio(metric(arm), metric(arm))",
		"{diff(clicks(x), clicks(broadcast))}": `unknown arm "x"`,
	} {
		_, err := Placeholders(in, testArms)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want …%s…", in, err, want)
		}
	}
}

func TestFormatValue(t *testing.T) {
	for _, c := range []struct {
		v    float64
		f    string
		want string
	}{
		{251.6, "", "252"}, {15.44, "", "15"}, {1.46, "", "1.5"}, {0.00213, "", "0.0021"},
		{0.0912, "pct", "9.1"}, {-0.0004, "0", "0"}, {0.5, "3", "0.500"}, {0, "", "0"},
	} {
		if got := FormatValue(c.v, c.f, false); got != c.want {
			t.Errorf("FormatValue(%v, %q) = %q, want %q", c.v, c.f, got, c.want)
		}
	}
}

// Every built-in story step carries at least one claim (issue 17), and the
// claims and placeholders of the built-ins parse (Parse checks them).
func TestEveryStoryStepHasClaims(t *testing.T) {
	for _, info := range List() {
		cfg, err := Builtin(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		for k, s := range cfg.Story.Steps {
			if len(s.Expect) == 0 {
				t.Errorf("%s step %d: no expect claims", info.Name, k+1)
			}
		}
	}
}

func FuzzClaims(f *testing.F) {
	f.Add("extra_conversions(interests) > 1.2 * extra_conversions(broadcast@3)")
	f.Add("{ratio(clicks(broadcast), clicks(interests)):pct} and {x")
	f.Add("1e308 * clicks(control) < -0")
	f.Fuzz(func(t *testing.T, s string) {
		if c, err := ParseClaim(s, testArms); err == nil {
			if c.Left.Term == nil && c.Right.Term == nil {
				t.Fatalf("accepted a claim without a term: %q", s)
			}
		} else if strings.Contains(err.Error(), "\n") {
			t.Fatalf("multi-line error %q", err)
		}
		if ps, err := Placeholders(s, testArms); err == nil {
			vals := map[string]float64{}
			for _, p := range ps {
				vals[p.Text] = 1.25
			}
			if got := Fill(s, vals, true); strings.Contains(got, "…") && !strings.Contains(s, "…") {
				t.Fatalf("parsed placeholder left unfilled: %q → %q", s, got)
			}
		}
	})
}

// numberRE matches a number as written in English or Dutch prose:
// thousands grouped by "," or "." (8,000; 8.000) or a decimal (0.05; 0,05).
var numberRE = regexp.MustCompile(`\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`)

// settingNumbers are the numbers a story may write literally: every
// numeric setting of the scenario and of its story steps (and shares as
// per cent), the scale ends ±1, and years of citations.
func settingNumbers(t *testing.T, cfg sim.Config) map[float64]bool {
	data, err := Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var tree map[string]any
	if err := toml.Unmarshal(data, &tree); err != nil {
		t.Fatal(err)
	}
	ok := map[float64]bool{1: true}
	add := func(v float64) {
		for _, x := range []float64{v, 100 * v} {
			ok[math.Round(x*1e6)/1e6] = true
		}
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case int64:
			add(float64(x))
		case float64:
			add(x)
		}
	}
	walk(tree)
	return ok
}

// thousandsRE is a number grouped in thousands only (8,000; 8.000).
var thousandsRE = regexp.MustCompile(`^\d{1,3}(?:[.,]\d{3})+$`)

// parseProseNumber reads a numberRE match: a group of three digits after a
// separator is thousands, anything else a decimal part.
func parseProseNumber(s string) float64 {
	if thousandsRE.MatchString(s) {
		s = strings.NewReplacer(",", "", ".", "").Replace(s)
	}
	v, _ := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	return v
}

// No literal number remains in a built-in story step's text or question
// except placeholders, settings and citation years (issue 17): a number
// the model produces must come from a measured run. Summaries describe the
// real case and may quote published figures with their source (Matz's
// ×1.4, the 87 million profiles), never a run.
func TestStoryTextsQuoteOnlyPlaceholdersAndSettings(t *testing.T) {
	for _, info := range List() {
		cfg, err := Builtin(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		ok := settingNumbers(t, cfg)
		var texts []string
		for _, s := range cfg.Story.Steps {
			texts = append(texts, s.TextEN, s.TextNL, s.QuestionEN, s.QuestionNL)
		}
		for _, text := range texts {
			bare := placeRE.ReplaceAllString(text, "")
			bare = regexp.MustCompile(`[A-Za-z-]*\d{4}\b`).ReplaceAllString(bare, "") // years, cambridge-analytica-2016
			for _, n := range numberRE.FindAllString(bare, -1) {
				if v := parseProseNumber(n); !ok[math.Round(v*1e6)/1e6] {
					t.Errorf("%s: literal number %q in %q (use a {placeholder} or a setting)", info.Name, n, snippet(strings.TrimSpace(text[max(0, strings.Index(text, n)-30):])))
				}
			}
		}
	}
}
