package sim

import "math"

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
}

// Result returns a snapshot of the series recorded so far (safe to hand to
// another goroutine: the slices are copies).
func (r *Run) Result() Result {
	res := Result{Seed: r.World.Seed}
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
