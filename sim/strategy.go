package sim

import (
	"fmt"
	"sort"
)

// Exposure is one impression: which agent sees which message, and the
// ledger of what the choice used.
type Exposure struct {
	Agent      int32
	Message    int16
	Attributes uint8 // personal attributes used to pick this person (0 for broadcast)
	Sensitive  bool  // the choice used a special-category inference (GDPR Art. 9)
	Vulnerable bool  // the choice targeted a vulnerability (fear to high neuroticism, low media literacy)
}

// Plan is what a strategy buys in one step. Strategies append to Exposures;
// the run resets it before each step and reuses its memory.
type Plan struct {
	Exposures []Exposure
}

// Strategy decides, each step, who sees which message. It may read the
// World (shared, read-only) and its arm's State; it must draw random numbers
// only from rng streams keyed on (World.Seed, rng.Exposure or rng.Strategy,
// …, step), so that twin arms with the same strategy make the same plan.
type Strategy interface {
	// Name is the strategy's identifier as used in scenario files.
	Name() string
	// Plan appends this step's exposures to plan.
	Plan(t int, w *World, s *ArmState, plan *Plan)
}

// StrategyNames lists the strategies this build knows.
func StrategyNames() []string {
	return []string{"none", "broadcast"}
}

// NewStrategy returns the strategy called name.
func NewStrategy(name string) (Strategy, error) {
	switch name {
	case "none":
		return noCampaign{}, nil
	case "broadcast":
		return broadcast{}, nil
	}
	names := StrategyNames()
	sort.Strings(names)
	return nil, fmt.Errorf("unknown strategy %q (allowed: %v)", name, names)
}
