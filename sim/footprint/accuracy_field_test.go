package footprint

import "testing"

// Every attribute reports its accuracy in a field of its own: set then
// Get round-trips, and no two attributes share a field.
func TestAccuracyFieldPerAttribute(t *testing.T) {
	var acc Accuracy
	for a := range NumAttributes {
		acc.set(a, float64(a)+0.5)
	}
	for a := range NumAttributes {
		if got := acc.Get(a); got != float64(a)+0.5 {
			t.Errorf("%s: Get = %v, want %v", a, got, float64(a)+0.5)
		}
	}
	if float64(acc.R.Age) != float64(Age)+0.5 || float64(acc.AUC.Health) != float64(Health)+0.5 {
		t.Errorf("age r %v, health AUC %v in the wrong fields", acc.R.Age, acc.AUC.Health)
	}
}
