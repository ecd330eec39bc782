// Package limits reads the bounds of a numeric parameter declared once,
// in a struct tag next to the parameter:
//
//	Rewire  float64 `toml:"rewire" limits:"0 1"`                            // 0 ≤ v ≤ 1
//	Epsilon float64 `toml:"epsilon" limits:">0 2; the width of the scale"`  // 0 < v ≤ 2
//
// "lo hi" is a closed interval; a ">" before lo opens its low end; text
// after ";" is a note appended to the rule in parentheses. Validation,
// the settings panel's hints and the key table of docs/SCENARIOS.md all
// read the tag through this package, so they cannot drift apart. Limits
// that depend on other values (population.size, network.degree,
// campaign.budget) stay in code. The package has no dependencies beyond
// the standard library.
package limits

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Tag is the name of the struct tag holding the limits.
const Tag = "limits"

// Bounds are the limits of one parameter: Lo ≤ v ≤ Hi, or Lo < v ≤ Hi
// when OpenLo.
type Bounds struct {
	Lo, Hi float64
	OpenLo bool   // the low end is excluded ("must be above Lo")
	Unit   string // said after Hi ("steps"), "" for none
	Note   string // said after the rule in parentheses, "" for none
}

// Parse reads a limits tag ("0 1", ">0 2", "1 1000 steps",
// "0 1; per sd of the trait"): words after the two bounds are the unit.
func Parse(tag string) (Bounds, error) {
	var b Bounds
	body, note, _ := strings.Cut(tag, ";")
	b.Note = strings.TrimSpace(note)
	f := strings.Fields(body)
	if len(f) > 2 {
		b.Unit = strings.Join(f[2:], " ")
		f = f[:2]
	}
	if len(f) != 2 {
		return b, fmt.Errorf("limits tag %q: want \"lo hi\"", tag)
	}
	lo, open := strings.CutPrefix(f[0], ">")
	b.OpenLo = open
	var err1, err2 error
	b.Lo, err1 = strconv.ParseFloat(lo, 64)
	b.Hi, err2 = strconv.ParseFloat(f[1], 64)
	if err1 != nil || err2 != nil || !(b.Lo <= b.Hi) {
		return b, fmt.Errorf("limits tag %q: bounds are not two numbers lo ≤ hi", tag)
	}
	return b, nil
}

// Contains reports whether v is within the bounds (false for NaN).
func (b Bounds) Contains(v float64) bool {
	if b.OpenLo {
		return v > b.Lo && v <= b.Hi
	}
	return v >= b.Lo && v <= b.Hi
}

// Rule says what is allowed: "must be between 0 and 1", "must be above 0
// and at most 0.5", "must be between 1 and 60 years", with the note in
// parentheses after it.
func (b Bounds) Rule() string {
	s := fmt.Sprintf("must be between %s and %s", Num(b.Lo), Num(b.Hi))
	if b.OpenLo {
		s = fmt.Sprintf("must be above %s and at most %s", Num(b.Lo), Num(b.Hi))
	}
	if b.Unit != "" {
		s += " " + b.Unit
	}
	if b.Note != "" {
		s += " (" + b.Note + ")"
	}
	return s
}

// Num prints a bound or a value the way %v prints a float64.
func Num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// Field is a parameter with declared limits inside a struct.
type Field struct {
	Key   string // the dotted TOML key, e.g. "network.rewire"
	Index []int  // the field's index path for reflect.Value.FieldByIndex
	Bounds
}

// Fields lists the parameters of the struct type t (nested structs
// included, keys joined with dots after prefix) that declare limits, in
// field order. A malformed tag is a programming error and panics (every
// test that validates a config finds it).
func Fields(t reflect.Type, prefix string) []Field {
	var out []Field
	walk(t, prefix, nil, &out)
	return out
}

func walk(t reflect.Type, prefix string, index []int, out *[]Field) {
	for i := range t.NumField() {
		f := t.Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if key == "" || key == "-" {
			continue
		}
		idx := append(append([]int(nil), index...), i)
		if f.Type.Kind() == reflect.Struct {
			walk(f.Type, prefix+key+".", idx, out)
			continue
		}
		tag, ok := f.Tag.Lookup(Tag)
		if !ok {
			continue
		}
		b, err := Parse(tag)
		if err != nil {
			panic(prefix + key + ": " + err.Error())
		}
		*out = append(*out, Field{Key: prefix + key, Index: idx, Bounds: b})
	}
}

// Value is the field's value in the struct v (of the type Fields was
// given), as a float64 and as stored (an int stays an int, for messages).
func (f Field) Value(v reflect.Value) (float64, any) {
	x := v.FieldByIndex(f.Index)
	switch {
	case x.CanFloat():
		return x.Float(), x.Interface()
	case x.CanInt():
		return float64(x.Int()), x.Interface()
	}
	panic(f.Key + ": limits on a field that is not a number")
}

// Violation returns the first parameter of the struct s (keys after
// prefix) outside its declared limits, with its value as stored; found is
// false when every value is allowed.
func Violation(s any, prefix string) (f Field, value any, found bool) {
	v := reflect.ValueOf(s)
	for _, f := range Fields(v.Type(), prefix) {
		if x, raw := f.Value(v); !f.Contains(x) {
			return f, raw, true
		}
	}
	return Field{}, nil, false
}

// Check is Violation as a one-line error naming the key, nil when every
// value is allowed: "network.rewire = 1.5: must be between 0 and 1".
func Check(s any, prefix string) error {
	if f, v, found := Violation(s, prefix); found {
		return fmt.Errorf("%s = %v: %s", f.Key, v, f.Rule())
	}
	return nil
}
