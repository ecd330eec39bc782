package scenarios

import (
	"fmt"
	"reflect"
	"strings"

	"boomerang/sim"
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
		if lo, hi, ok := k.Range(); ok {
			doc += fmt.Sprintf(" (allowed: %s to %s)", lo, hi)
		}
		fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s |\n", k.Name, k.Type, dv, doc)
	})
	return b.String()
}
