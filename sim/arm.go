package sim

// ArmState is everything a campaign can change: each arm owns one, started
// from a copy of the World's initial opinions.
type ArmState struct {
	Opinion     []float32      // current opinions on [−1, +1]
	Impressions []int32        // impressions received so far, per agent
	Converted   []bool         // has converted (bought, attended, voted)
	Turnout     []float32      // probability of voting in an election, 0 … 1 (turnout.go)
	seenThisRun []bool         // reached at least once (for reach)
	stepHits    []uint32       // impressions in the current step (reset after each step)
	stock       []adStock      // ad stock after the last impression, and its step (adstock.go)
	decayPow    []float64      // decayPow[d] = decay^d for the ad stock (adstock.go), grown on demand
	decayOf     float64        // the decay factor decayPow holds powers of
	lastClick   []int32        // step of the last click, 0 = never (for attribution)
	organic     *organicWindow // organic-conversion candidates of this step and the next few (organic.go)

	// Observed is what the campaign saw of its last step's impressions:
	// each exposure with whether it was clicked and converted. Learning
	// strategies read it at the next step; it is overwritten every step.
	Observed []Outcome

	// Frequency cap bookkeeping of the plan being built (ArmState.add).
	planCount   []uint16 // exposures planned for an agent in step planStep
	planTouched []int32  // agents with planCount > 0
	planStep    int

	log     *impressionLog // per-impression log; nil unless Run.EnableLog asked for it
	rules   armRules       // regulation bookkeeping: per-period frequency cap (regulation_frequency.go)
	sortBuf []Exposure     // scratch of respond's grouping by agent

	Totals Totals // cumulative counters of the ledger
}

// Outcome is one exposure of the last step and what the campaign observed
// of it (clicks and click-through conversions are tracked by the platform;
// opinions are not).
type Outcome struct {
	Exposure
	Clicked   bool
	Converted bool // this click converted
}

// Totals are cumulative counts over the run so far.
type Totals struct {
	Impressions int64
	Reach       int64
	Clicks      int64
	Conversions int64
	Attributed  int64 // conversions within the attribution window after a click (what a dashboard claims)
	Backfires   int64

	AttributesUsed  int64 // Σ attributes used over impressions
	SensitiveImps   int64 // impressions chosen with a sensitive inference
	VulnerableImps  int64 // impressions that targeted a vulnerability or carried misinformation
	SusceptibleImps int64 // impressions that reached a susceptible person (susceptible.go)
}

func newArmState(w *World) *ArmState {
	n := w.Pop.N
	s := &ArmState{
		Opinion:     make([]float32, n),
		Impressions: make([]int32, n),
		Converted:   make([]bool, n),
		Turnout:     initialTurnout(w.Pop),
		seenThisRun: make([]bool, n),
		stepHits:    make([]uint32, n),
		stock:       make([]adStock, n),
		lastClick:   make([]int32, n),
		planCount:   make([]uint16, n),
	}
	copy(s.Opinion, w.Initial)
	return s
}
