package sim

import (
	"testing"

	"boomerang/sim/footprint"
)

// Profiles index footprint's arrays by Attr: the two orders must agree.
func TestAttrOrderMatchesFootprint(t *testing.T) {
	if int(NumAttrs) != int(footprint.NumAttributes) {
		t.Fatalf("%d attributes in sim, %d in footprint", NumAttrs, footprint.NumAttributes)
	}
	for a := Attr(0); a < NumAttrs; a++ {
		if a.String() != footprint.Attribute(a).String() {
			t.Errorf("attribute %d: sim %q, footprint %q", a, a, footprint.Attribute(a))
		}
		if a.Sensitive() != footprint.Attribute(a).Special() {
			t.Errorf("%s: sensitive %v in sim, special %v in footprint", a, a.Sensitive(), footprint.Attribute(a).Special())
		}
	}
}
