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

// Runner steps a model with consecutive step numbers: the textbook tests
// and check-literature drive models through it.
type Runner struct {
	Model Model
	X     []float32 // opinions, updated in place
	T     int       // steps done
}

// Step advances one sweep.
func (r *Runner) Step() {
	r.T++
	r.Model.Step(r.T, r.X)
}

// UntilStill runs to a fixed point (UntilStill).
func (r *Runner) UntilStill(tol float64, maxSteps int) bool {
	return UntilStill(r.Model, r.X, &r.T, tol, maxSteps)
}

// UntilFrozen runs until the final groups settle (UntilFrozen).
func (r *Runner) UntilFrozen(eps float64, maxSteps int) ([]int, bool) {
	return UntilFrozen(r.Model, r.X, &r.T, eps, maxSteps)
}
