package sim

import (
	"math"

	"boomerang/sim/footprint"
)

// ArmResult is the time series of one arm.
type ArmResult struct {
	Name     string
	Strategy string
	Series   []Metrics
}

// Result is what one replication produced; the CLI writes it to CSV and the
// app draws it.
type Result struct {
	Seed uint64
	Arms []ArmResult
	// Inference is the accuracy of the operator's trait inference in this
	// replication's world (Trained is false when there is no model).
	Inference footprint.Accuracy
	// Notes says, in sentences, what the regulation changed in this run:
	// strategies that fell back to broadcast or dropped attributes under a
	// ban, audiences below the floor, a dark pattern's extra consent
	// (Run.Notes). For manifest.json; empty when nothing changed.
	Notes []string
}

// Result returns a snapshot of the series recorded so far (safe to hand to
// another goroutine: the slices are copies).
func (r *Run) Result() Result {
	res := Result{Seed: r.World.Seed, Notes: r.Notes()}
	if fp := r.World.Footprint; fp != nil {
		res.Inference = fp.Accuracy
	} else {
		res.Inference = footprint.Untrained(r.World.Pop.N) // no arm read profiles: none built
	}
	for _, a := range r.Arms {
		res.Arms = append(res.Arms, ArmResult{
			Name:     a.Name,
			Strategy: a.Strategy.Name(),
			Series:   append([]Metrics(nil), a.Series...),
		})
	}
	return res
}

func nan() float64 { return math.NaN() }
