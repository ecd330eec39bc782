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

// turnoutAndVoteShare returns the expected turnout (mean probability of
// voting) and the campaign side's share of the expected votes: people
// whose opinion leans the campaign's way (stance·x > 0; a neutral opinion
// counts half), weighted by their probability of voting.
func turnoutAndVoteShare(s *ArmState, stance float64) (turnout, share float64) {
	var votes, ours float64
	for i, p := range s.Turnout {
		pv := float64(p)
		votes += pv
		switch x := stance * float64(s.Opinion[i]); {
		case x > 0:
			ours += pv
		case x == 0:
			ours += pv / 2
		}
	}
	if len(s.Turnout) == 0 || votes == 0 {
		return 0, 0
	}
	return votes / float64(len(s.Turnout)), ours / votes
}
