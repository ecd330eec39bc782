package sim

import "boomerang/sim/population"

// This file holds the ban on profiling-based ads to minors
// (regulation.minors_ban): DSA Art. 28(2) forbids online platforms to
// present "advertisements … based on profiling … using personal data of
// the recipient of the service when they are aware with reasonable
// certainty that the recipient … is a minor".
//
// Minors exist only when population.minors_share > 0 (users aged 13–17,
// sim/population/minors.go). Every minor declares a true age, so every
// minor is a *known* minor: age misreporting is not modelled. Under the
// ban a known minor may still see ads drawn at random from all users (no
// personal data), but no strategy may choose them with any personal data —
// declared age, gender or region included, since choosing by them is
// profiling too. They are invisible in the profiles strategies use
// (World.targeting), belong to no segment, and ArmState.add refuses any
// exposure with personal data for them.

// KnownMinor reports whether agent i is a user the platform knows to be
// under 18 (declared age; all minors declare it truthfully in this model).
func (w *World) KnownMinor(i int) bool { return w.Pop.IsMinor(i) }

// minorsNotes warns when the minors ban has nobody to protect.
func minorsNotes(w *World) []string {
	if !w.Config.Regulation.MinorsBan || w.Config.Population.MinorsShare > 0 {
		return nil
	}
	return []string{"regulation.minors_ban: the population has no minors (population.minors_share = 0), so the ban changes nothing"}
}

// canVote reports whether agent i is of voting age; minors are not
// (turnout.go gives them a turnout of 0, demobilise skips them).
func canVote(pop *population.Population, i int) bool { return pop.Age[i] >= population.AdultAge }
