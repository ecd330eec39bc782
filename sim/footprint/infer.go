package footprint

import "math"

// Inferred is what the operator believes about everyone it sees.
// Strategies read these values, never the truth.
type Inferred struct {
	// Values[a][i] is agent i's inferred attribute a: numeric attributes on
	// the standardised scale, binary ones as the probability of the
	// attribute (male, right party, religious, migration background, LGB,
	// health condition). NaN where the operator cannot see the agent. Quiz
	// takers get the model's prediction too, not their true answers
	// (Visibility marks them). All slices are nil when there is no model
	// (data.quiz_share = 0): then nobody is profiled.
	Values [NumAttributes][]float32

	// Confidence[i] in [0, 1] is the model's cross-validated mean Big Five
	// r for people with as many likes as agent i (Model.BinConfidence); 0
	// where the agent is not visible.
	Confidence []float32

	// Count[i] is the number of attributes inferred for agent i: those the
	// model predicts better than chance in cross-validation (Model.Usable),
	// for visible agents; 0 for the others.
	Count []uint8
}

// Get returns agent i's inferred attribute a, NaN if it has none.
func (inf *Inferred) Get(a Attribute, i int) float32 {
	if inf.Values[a] == nil {
		return float32(math.NaN())
	}
	return inf.Values[a][i]
}

// Profiled reports whether the operator has a profile of agent i.
func (inf *Inferred) Profiled(i int) bool {
	return inf.Values[0] != nil && !math.IsNaN(float64(inf.Values[0][i]))
}

// inferChunk is the number of agents a worker takes at a time.
const inferChunk = 4096

// Infer applies the model to every visible agent: O(likes) per agent and
// attribute. Invisible agents get NaN. Identical for any workers.
func Infer(m *Model, likes *Likes, vis *Visibility, workers int) Inferred {
	n := len(vis.Flags)
	var inf Inferred
	for a := range inf.Values {
		inf.Values[a] = make([]float32, n)
	}
	inf.Confidence = make([]float32, n)
	inf.Count = make([]uint8, n)
	usable := uint8(0)
	for _, u := range m.Usable {
		if u {
			usable++
		}
	}
	nan := float32(math.NaN())
	forChunks(n, inferChunk, workers, func() struct{} { return struct{}{} }, func(_ struct{}, lo, hi int) {
		var out [NumAttributes]float32
		for i := lo; i < hi; i++ {
			if !vis.Visible(i) {
				for a := range inf.Values {
					inf.Values[a][i] = nan
				}
				continue
			}
			l := likes.Of(i)
			m.Predict(l, &out)
			for a := range inf.Values {
				inf.Values[a][i] = out[a]
			}
			inf.Confidence[i] = float32(m.Confidence(len(l)))
			inf.Count[i] = usable
		}
	})
	return inf
}
