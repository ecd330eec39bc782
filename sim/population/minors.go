package population

import "boomerang/sim/rng"

// This file adds platform users under 18 (Params.MinorsShare), so that the
// DSA's ban on profiling-based ads to known minors (Art. 28(2)) has
// someone to protect. With MinorsShare = 0 nothing here draws a number and
// the population is the adult-only one of earlier versions, draw for draw.
//
// Whether agent i is a minor, and its age, come from a stream of its own,
// (seed, rng.Population, i, 2), so an adult is identical whatever the share
// of minors, and a minor's other attributes use the same draws, in the
// same order, as the adult it replaces.

// Ages of minors on the platform.
const (
	// MinorAge is the youngest platform user: the minimum age in the
	// terms of Facebook, Instagram, TikTok and YouTube (13, set by the US
	// COPPA rule for under-13s) [secondary].
	MinorAge = 13
	// AdultAge is the age of majority: users below it are minors (DSA
	// Art. 28) and cannot vote.
	AdultAge = 18
)

// minorEducation is a minor's education level: middle (still at school),
// so that it neither raises nor lowers media literacy [assumption].
const minorEducation = 1

// IsMinor reports whether the agent is under 18 (only minors added by
// Params.MinorsShare are).
func (p *Population) IsMinor(i int) bool { return p.Age[i] < AdultAge }

// isMinor decides whether agent i is one of the minors (probability share)
// from the stream (seed, rng.Population, i, 2); no draw when share is 0.
func isMinor(seed uint64, i int, share float64) bool {
	return share > 0 && rng.Float64(seed, rng.Population, uint64(i), 2, 0) < share
}

// minorAge draws a minor's age, uniform over 13–17 (one-year cohorts are
// about equal in size [assumption]), from the minor's own stream, and
// returns the age-dependent quantities the adult tables would give:
// standardised age u on the adults' scale (AgeMoments; about −1.9), the
// probability of being a woman (0.5, as for young adults), of a migration
// background (as at 18, the youngest adult cohort [assumption]) and the
// personality trend variable (0: traits as at 18, since the calibrated
// trends start at 18 [assumption]).
func minorAge(seed uint64, i int) (age int, u, pFemale, pMigrant, ageG float64) {
	age = MinorAge + int(rng.Float64(seed, rng.Population, uint64(i), 2, 1)*(AdultAge-MinorAge))
	u = (float64(age) - cal.meanAge) / cal.sdAge
	return age, u, 1 - maleShareYoung, migrantShareAt18, 0
}
