package influence

import "math"

// UntilStill steps m from step *t+1 on, at most maxSteps sweeps, until no
// opinion moves by more than tol in a sweep, and reports whether it got
// still. *t is advanced past the last step run. Used by the textbook tests
// and check-literature to run a model to its fixed point.
func UntilStill(m Model, x []float32, t *int, tol float64, maxSteps int) bool {
	prev := make([]float32, len(x))
	for range maxSteps {
		copy(prev, x)
		*t++
		m.Step(*t, x)
		moved := 0.0
		for i := range x {
			moved = math.Max(moved, math.Abs(float64(x[i])-float64(prev[i])))
		}
		if moved <= tol {
			return true
		}
	}
	return false
}

// UntilFrozen steps a pairwise bounded-confidence model (on a complete
// graph) until its final groups are settled (see FinalGroups), at most
// maxSteps sweeps, and returns the group sizes and whether they settled.
func UntilFrozen(m Model, x []float32, t *int, eps float64, maxSteps int) (sizes []int, frozen bool) {
	for range maxSteps {
		*t++
		m.Step(*t, x)
		if sizes, ok := FinalGroups(x, eps); ok {
			return sizes, true
		}
	}
	return FinalGroups(x, eps)
}
