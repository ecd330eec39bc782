package sim

import "slices"

// This file defines "the susceptible" for the ledger's vulnerable_share
// (issue 17): the quarter of the population the response moves most per
// message (population.Susceptibility, which already folds in low media
// literacy, agreeableness and neuroticism). vulnerable_share is the share
// of a campaign's impressions that reach them divided by their share of
// the population, so random exposure scores 1 and a campaign that aims at
// them scores above 1, whatever its selection rule is called: a rule that
// ranks people by the response's own susceptibility counts as aiming at
// them because it is measured by where the ads land.

// susceptibleQuantile puts the susceptible in the top quarter of
// susceptibility [assumption: a quarter, as "the most susceptible
// quartile" in the misinformation literature, e.g. Roozenbeek et al. 2020].
const susceptibleQuantile = 0.75

// susceptibleSet is the cut-off on susceptibility above which a person
// counts as susceptible, and the share of the population at or above it.
type susceptibleSet struct {
	cut   float32
	share float64
}

// newSusceptible finds the top-quarter cut-off of s.
func newSusceptible(s []float32) susceptibleSet {
	if len(s) == 0 {
		return susceptibleSet{}
	}
	sorted := slices.Clone(s)
	slices.Sort(sorted)
	cut := sorted[int(susceptibleQuantile*float64(len(sorted)-1))]
	n, _ := slices.BinarySearch(sorted, cut) // first index at the cut: ties count as susceptible
	return susceptibleSet{cut: cut, share: float64(len(sorted)-n) / float64(len(sorted))}
}

// has reports whether person i (susceptibility v) is susceptible.
func (s susceptibleSet) has(v float32) bool { return v >= s.cut }
