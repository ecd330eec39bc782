package scenarios

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"boomerang/sim"
	"boomerang/sim/limits"
	"boomerang/sim/network"
)

// Key describes one settable scenario key.
type Key struct {
	Name string // dotted, e.g. "influence.epsilon"
	Type string // int, float, string, bool
	Doc  string // the comment tag: meaning and unit
	// Limits is the limits tag declared next to the parameter (package
	// sim/limits: "0 1", ">0 2"), the bounds Validate checks; "" when the
	// key has none (its comment then says the range).
	Limits string
}

// Bounds returns the key's declared limits; ok is false when it has none.
func (k Key) Bounds() (b limits.Bounds, ok bool) {
	if k.Limits == "" {
		return b, false
	}
	b, err := limits.Parse(k.Limits)
	return b, err == nil
}

// Keys lists every key that --set and --vary accept, in file order.
// Arms are not in the list: they are edited in the file, not on the
// command line.
func Keys() []Key {
	var out []Key
	walkKeys(reflect.TypeOf(sim.Config{}), "", func(k Key, _ []int) { out = append(out, k) })
	return out
}

func walkKeys(t reflect.Type, prefix string, visit func(Key, []int), index ...int) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("toml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		if f.Type == reflect.TypeOf(sim.Story{}) {
			continue // [story] is file-only, like arms; checked by checkStory
		}
		idx := append(append([]int(nil), index...), i)
		switch f.Type.Kind() {
		case reflect.Struct:
			walkKeys(f.Type, prefix+tag+".", visit, idx...)
		case reflect.Slice:
			// arrays of tables (arms) are file-only
		default:
			visit(Key{Name: prefix + tag, Type: kindName(f.Type.Kind()), Doc: f.Tag.Get("comment"), Limits: f.Tag.Get("limits")}, idx)
		}
	}
}

func kindName(k reflect.Kind) string {
	switch k {
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint64, reflect.Uint32:
		return "int"
	case reflect.Float64, reflect.Float32:
		return "float"
	case reflect.Bool:
		return "bool"
	}
	return "string"
}

// Set assigns value (as text) to the dotted key in cfg. Unknown keys and
// values of the wrong type are errors naming the key; ranges are checked
// later by Validate, which names the key too.
func Set(cfg *sim.Config, key, value string) error {
	var index []int
	walkKeys(reflect.TypeOf(*cfg), "", func(k Key, idx []int) {
		if k.Name == key {
			index = idx
		}
	})
	if index == nil {
		return fmt.Errorf("unknown key %q (allowed: %s)", key, strings.Join(keyNames(), ", "))
	}
	f := reflect.ValueOf(cfg).Elem().FieldByIndex(index)
	value = strings.TrimSpace(value)
	switch f.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		v, err := strconv.ParseInt(strings.ReplaceAll(value, "_", ""), 10, 64)
		if err != nil {
			return fmt.Errorf("%s = %q: not a whole number", key, value)
		}
		f.SetInt(v)
	case reflect.Uint64, reflect.Uint32:
		v, err := strconv.ParseUint(strings.ReplaceAll(value, "_", ""), 10, 64)
		if err != nil {
			return fmt.Errorf("%s = %q: not a whole number of 0 or more", key, value)
		}
		f.SetUint(v)
	case reflect.Float64, reflect.Float32:
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return fmt.Errorf("%s = %q: not a number", key, value)
		}
		f.SetFloat(v)
	case reflect.Bool:
		v, err := strconv.ParseBool(value)
		if err != nil {
			return fmt.Errorf("%s = %q: must be true or false", key, value)
		}
		f.SetBool(v)
	default:
		f.SetString(value)
	}
	return nil
}

// ApplySets applies "key=value" assignments in order, then validates.
func ApplySets(cfg *sim.Config, assignments []string) error {
	sizeSet, fileSet := false, false
	for _, a := range assignments {
		key, value, ok := strings.Cut(a, "=")
		if !ok {
			return fmt.Errorf("--set %q: expected key=value", a)
		}
		key = strings.TrimSpace(key)
		if err := Set(cfg, key, value); err != nil {
			return fmt.Errorf("--set %s", err)
		}
		sizeSet = sizeSet || key == "population.size"
		fileSet = fileSet || key == "network.kind" || key == "network.path" || key == "network.directed" || key == "population.file"
	}
	if sizeSet || fileSet {
		// A network file decides population.size (files.go).
		if err := resolveFiles(cfg, sizeSet || cfg.Network.Kind != network.KindFile); err != nil {
			return fmt.Errorf("--set: %w", err)
		}
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("--set: %w", err)
	}
	return nil
}

func keyNames() []string {
	var names []string
	for _, k := range Keys() {
		names = append(names, k.Name)
	}
	sort.Strings(names)
	return names
}
