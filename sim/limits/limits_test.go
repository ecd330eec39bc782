package limits

import (
	"math"
	"reflect"
	"testing"
)

// A tag is read into bounds, a rule with the CLI's wording and a
// membership test that treats the open low end and NaN right.
func TestParseRuleContains(t *testing.T) {
	for _, tc := range []struct {
		tag, rule string
		in, out   []float64
	}{
		{"0 1", "must be between 0 and 1", []float64{0, 0.5, 1}, []float64{-1e-9, 1 + 1e-9, math.NaN()}},
		{">0 0.5", "must be above 0 and at most 0.5", []float64{1e-12, 0.5}, []float64{0, 0.5000001}},
		{"-1 1", "must be between -1 and 1", []float64{-1, 1}, []float64{-1.01, math.Inf(1)}},
		{"0 1; per sd of the trait", "must be between 0 and 1 (per sd of the trait)", []float64{1}, []float64{2}},
		{"1 60 years", "must be between 1 and 60 years", []float64{1, 60}, []float64{0.5, 61}},
	} {
		b, err := Parse(tc.tag)
		if err != nil {
			t.Fatalf("%q: %v", tc.tag, err)
		}
		if got := b.Rule(); got != tc.rule {
			t.Errorf("%q: rule %q, want %q", tc.tag, got, tc.rule)
		}
		for _, v := range tc.in {
			if !b.Contains(v) {
				t.Errorf("%q refuses %v", tc.tag, v)
			}
		}
		for _, v := range tc.out {
			if b.Contains(v) {
				t.Errorf("%q accepts %v", tc.tag, v)
			}
		}
	}
	for _, bad := range []string{"", "1", "0 x", "1 0", ">x 1", "; 0 1"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("malformed tag %q accepted", bad)
		}
	}
}

// Fields walks nested structs by their TOML keys and reads ints and
// floats as they are stored.
func TestFields(t *testing.T) {
	type inner struct {
		N    int     `toml:"n" limits:"1 64"`
		Free float64 `toml:"free"`
	}
	type outer struct {
		In   inner   `toml:"in"`
		Skip float64 `toml:"-" limits:"0 1"`
		X    float64 `toml:"x" limits:">0 2"`
	}
	fs := Fields(reflect.TypeFor[outer](), "")
	if len(fs) != 2 || fs[0].Key != "in.n" || fs[1].Key != "x" || !fs[1].OpenLo {
		t.Fatalf("fields %+v", fs)
	}
	v := reflect.ValueOf(outer{In: inner{N: 65}, X: 1.5})
	if x, raw := fs[0].Value(v); x != 65 || raw != any(65) {
		t.Errorf("in.n = %v (%T)", x, raw)
	}
	if x, _ := fs[1].Value(v); x != 1.5 {
		t.Errorf("x = %v", x)
	}
}
