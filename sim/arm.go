package sim

// ArmState is everything a campaign can change: each arm owns one, started
// from a copy of the World's initial opinions.
type ArmState struct {
	Opinion     []float32 // current opinions on [−1, +1]
	Impressions []int32   // impressions received so far, per agent
	Converted   []bool    // has converted (bought, attended, voted)
	seenThisRun []bool    // reached at least once (for reach)
	stepHits    []uint32  // impressions in the current step (reset after each step)

	Totals Totals // cumulative counters of the ledger
}

// Totals are cumulative counts over the run so far.
type Totals struct {
	Impressions int64
	Reach       int64
	Clicks      int64
	Conversions int64
	Backfires   int64

	AttributesUsed  int64   // Σ attributes used over impressions
	SensitiveImps   int64   // impressions chosen with a sensitive inference
	PersuasionTotal float64 // Σ |opinion change| caused by ads
	PersuasionVuln  float64 // … of which came from impressions that targeted a vulnerability
}

func newArmState(w *World) *ArmState {
	n := w.Pop.N
	s := &ArmState{
		Opinion:     make([]float32, n),
		Impressions: make([]int32, n),
		Converted:   make([]bool, n),
		seenThisRun: make([]bool, n),
		stepHits:    make([]uint32, n),
	}
	copy(s.Opinion, w.Initial)
	return s
}
