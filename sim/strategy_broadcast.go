package sim

import "boomerang/sim/rng"

// broadcast buys campaign.budget impressions per step for random platform
// users, all with the first message of the library. It uses no personal data
// at all: the baseline that targeted strategies are compared with.
type broadcast struct{}

func (broadcast) Name() string { return "broadcast" }

// Plan draws budget agents uniformly with replacement, so one person can
// see the ad twice in a step, as on a real feed. The k-th impression of
// step t goes to the same agent in every arm (common random numbers).
func (broadcast) Plan(t int, w *World, _ *ArmState, plan *Plan) {
	n := uint64(w.Pop.N)
	for k := 0; k < w.Config.Campaign.Budget; k++ {
		a := rng.Uint64(w.Seed, rng.Exposure, uint64(k), uint64(t), 0) % n
		plan.Exposures = append(plan.Exposures, Exposure{Agent: int32(a)})
	}
}
