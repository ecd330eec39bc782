// Package play runs the desktop app's simulation off the UI goroutine: a
// Controller builds a run of a scenario (and its replications), steps it
// while playing, obeys Play, Pause, Step and Reset in the order they were
// asked for, and hands a Snapshot of the state to the app after every
// change. It knows nothing of Fyne (package ui shows the snapshots), so
// that it can be tested and reasoned about like the engine.
//
// Files: play.go holds the Snapshot and the limits of what it carries,
// controller.go the Controller and its goroutine (runner).
package play

import (
	"time"

	"boomerang/sim"
)

// DefaultStepDelay is the pace of Play: the time one step takes on
// screen at least, so that a student can watch the arms drift apart
// (60 steps ≈ 6 seconds).
const DefaultStepDelay = 100 * time.Millisecond

// Snapshot is the state of the simulation the controller hands to the
// UI after every change. It is a copy: the UI may keep it.
type Snapshot struct {
	Result sim.Result // the series so far, from step 0
	// Replicas are the other replications' series (seeds
	// batch.RepSeed(seed, 1 … R−1)), stepped in lockstep with Result, so
	// that the charts can draw 95 % bands; empty when R = 1.
	Replicas []sim.Result
	T        int  // steps done
	Steps    int  // steps in the scenario
	Playing  bool // the controller is stepping on its own
	Done     bool // T == Steps

	// The population and target views' data: the shared world and a copy
	// of the opinions, conversions and impressions of the shown arm (see
	// Controller.ShowArm), named Arm, index ArmIndex in Result.Arms, and
	// of the control arm's opinions (the first arm).
	World       *sim.World
	Arm         string
	ArmIndex    int
	Opinions    []float32
	Converted   []bool
	Impressions []int32
	Control     []float32

	// History[t] is the shown arm's opinions after step t, for t = 0 … T
	// (nil when the population is too large to keep them; see
	// MaxHistory). Its rows never change once published: snapshots share
	// them.
	History [][]float32
	// Log is every impression of the shown arm so far, in order, with why
	// its person was picked (sim.World.Explain). Shared and append-only:
	// read it, never write to it. Nil when the population or the campaign
	// is too large to log (MaxLogAgents, MaxLogImpressions).
	Log []sim.Impression
}

// MaxHistory bounds the opinions the controller keeps for the target
// view's "opinion over time": agents × (steps+1) × arms floats (32 M
// floats is 128 MB; the default scenario needs 1.2 M).
const MaxHistory = 32 << 20

// MaxLogAgents is the largest population whose every impression the
// controller logs for the target view (about 40 bytes per impression).
const MaxLogAgents = 200_000

// MaxLogImpressions bounds the impressions the controller logs (budget ×
// steps of the shown arm): 5 M is about 200 MB. The default scenario
// buys 0.12 M.
const MaxLogImpressions = 5_000_000

// LogsImpressions reports whether the controller logs every impression
// of a run of cfg on n people: every campaign arm's (so that any arm can
// be shown), within MaxLogAgents and MaxLogImpressions.
func LogsImpressions(cfg sim.Config, n int) bool {
	arms := max(1, len(cfg.Arms)-1)
	return n <= MaxLogAgents && float64(cfg.Campaign.Budget)*float64(cfg.Steps)*float64(arms) <= MaxLogImpressions
}

// DefaultShownArm is the arm the population and target views show at
// first: the last arm that tries to persuade (not the control, not a
// demobiliser, whose ads move turnout rather than opinion), else the last.
func DefaultShownArm(cfg sim.Config) int {
	for k := len(cfg.Arms) - 1; k > 0; k-- {
		if sim.StrategyPersuades(cfg.Arms[k].Strategy) {
			return k
		}
	}
	return max(0, len(cfg.Arms)-1)
}
