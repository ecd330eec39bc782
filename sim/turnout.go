package sim

import (
	"math"

	"boomerang/sim/population"
)

// The turnout model of elections (docs/MODEL-campaign.md, "Turnout"):
// every agent has a probability of voting, drawn from age and education —
// the two most consistent individual-level predictors of turnout in Smets
// & van Ham's (2013, Electoral Studies 32:344–359) meta-analysis — and
// lowered by demobilising ads. The loadings are [assumption]; the constant
// puts the mean near 0.75 (Dutch general elections 2017–2023: 78–82 %,
// US presidential 2020: 66 %).
const (
	turnoutBase = 1.3 // logit of a middle-educated person of mean age: ≈ 0.79
	turnoutAge  = 0.5 // per sd of age: older people vote more
	turnoutEdu  = 0.4 // per education level (low, middle, high)
)

// initialTurnout returns each agent's probability of voting before any
// campaign: logistic(1.3 + 0.5·u_age + 0.4·(education − 1)).
func initialTurnout(pop *population.Population) []float32 {
	mean, sd := population.AgeMoments()
	p := make([]float32, pop.N)
	for i := range p {
		if !canVote(pop, i) {
			continue // a minor (population.minors_share) cannot vote: turnout 0
		}
		u := (float64(pop.Age[i]) - mean) / sd
		eta := turnoutBase + turnoutAge*u + turnoutEdu*(float64(pop.Education[i])-1)
		p[i] = float32(1 / (1 + math.Exp(-eta)))
	}
	return p
}

// voteWeight is the weight of a vote by the sign of stance·opinion: 0
// against, ½ neutral, 1 for (voteClass; index 3 is unused).
var voteWeight = [4]float64{0, 0.5, 1, 0}

// voteClass is 2 if x > 0, 1 if x = ±0 and 0 otherwise (x < 0 or NaN),
// computed from the bits of x without a branch.
func voteClass(x float64) uint64 {
	b := math.Float64bits(x)
	a := b &^ (1 << 63)                      // |x|
	zero := (a - 1) >> 63                    // 1 iff a = 0 (a < 2⁶³)
	number := (a - 0x7FF0000000000001) >> 63 // 1 iff a ≤ +Inf, i.e. x is not NaN
	pos := (b >> 63) ^ 1                     // 1 iff the sign bit is clear
	return zero | (pos&number&(zero^1))<<1
}

// turnoutAndVoteShare returns the expected turnout (mean probability of
// voting) and the campaign side's share of the expected votes: people
// whose opinion leans the campaign's way (stance·x > 0; a neutral opinion
// counts half), weighted by their probability of voting.
func turnoutAndVoteShare(s *ArmState, stance float64) (turnout, share float64) {
	// Branch-free: the sign of the opinion is unpredictable, and a branch
	// per agent cost more than the rest of the metrics together. Adding
	// pv·0 (pv ≥ 0, ours ≥ +0) leaves ours unchanged, and pv·0.5 is pv/2
	// exactly, so the sum is the one the plain switch gives, bit for bit.
	var votes, ours float64
	op := s.Opinion[:len(s.Turnout)]
	for i, p := range s.Turnout {
		pv := float64(p)
		votes += pv
		ours += pv * voteWeight[voteClass(stance*float64(op[i]))&3]
	}
	if len(s.Turnout) == 0 || votes == 0 {
		return 0, 0
	}
	return votes / float64(len(s.Turnout)), ours / votes
}
