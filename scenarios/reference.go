package scenarios

import (
	"fmt"
	"reflect"
	"strings"

	"boomerang/sim"
	"boomerang/sim/limits"
)

// KeyReference renders the key reference of docs/SCENARIOS.md from the
// code (struct tags and sim.DefaultConfig), so the documentation cannot
// drift from what the parser accepts.
func KeyReference() string {
	var b strings.Builder
	b.WriteString("| key | type | default | meaning |\n|---|---|---|---|\n")
	def := reflect.ValueOf(sim.DefaultConfig())
	walkKeys(def.Type(), "", func(k Key, idx []int) {
		v := def.FieldByIndex(idx).Interface()
		dv := fmt.Sprint(v)
		if s, ok := v.(string); ok {
			dv = fmt.Sprintf("%q", s)
		}
		doc := strings.ReplaceAll(k.Doc, "|", "\\|")
		if b, ok := k.Bounds(); ok {
			doc += " (allowed: " + Allowed(b) + ")"
		}
		fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s |\n", k.Name, k.Type, dv, doc)
	})
	return b.String()
}

// Allowed says a key's declared limits in a few words: "0 to 1", or
// "above 0, at most 2" for an open low end.
func Allowed(b limits.Bounds) string {
	if b.OpenLo {
		return fmt.Sprintf("above %s, at most %s", limits.Num(b.Lo), limits.Num(b.Hi))
	}
	return fmt.Sprintf("%s to %s", limits.Num(b.Lo), limits.Num(b.Hi))
}
