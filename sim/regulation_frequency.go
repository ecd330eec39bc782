package sim

// This file holds the regulatory frequency cap (regulation.frequency_cap =
// n, regulation.frequency_period = P): a person gets at most n impressions
// from the campaign in each period of P steps. Periods are consecutive
// blocks of steps starting at step 1 — steps 1…P, P+1…2P, … — like
// calendar weeks of daily steps; the cap holds in every such block, not in
// every sliding window. n = 0 means no cap. It applies on top of
// campaign.frequency_cap, the advertiser's own per-step cap. Caps of this
// kind are platform delivery settings that regulators have discussed for
// political ads; the number is a policy option, not a measured value.
//
// Enforcement: ArmState.add refuses an exposure that would take a person
// above n in the current period (untargeted draws then redraw, as at the
// per-step cap), and the ranking strategies skip capped people when they
// pick (ranker.pick), so they give the impression to the next best person.

// defaultFrequencyPeriod is the default period: a week of daily steps.
const defaultFrequencyPeriod = 7

// MaxFrequencyCap bounds regulation.frequency_cap (counts are 16-bit).
const MaxFrequencyCap = 10_000

// armRules is an arm's regulation bookkeeping (ArmState.rules).
type armRules struct {
	cap     int      // regulation.frequency_cap (0: none)
	period  int      // index of the current period: (t−1)/frequency_period
	count   []uint16 // impressions per agent in the current period; nil without a cap
	blocked int64    // planned impressions the last-line check refused (World.permits)
}

// sync starts the period of step t: on its first step the counts are
// cleared. Arm.step calls it before planning; ArmState.add calls it too, so
// strategies driven outside a run stay correct.
func (a *armRules) sync(t int, w *World) {
	reg := &w.Config.Regulation
	if reg.FrequencyCap <= 0 {
		return
	}
	p := (t - 1) / max(1, reg.FrequencyPeriod)
	if a.count == nil {
		a.cap, a.count, a.period = reg.FrequencyCap, make([]uint16, w.Pop.N), p
	}
	if p != a.period {
		clear(a.count)
		a.period = p
	}
}

// capped reports whether agent i has had its n impressions this period.
func (a *armRules) capped(i int32) bool {
	return a.count != nil && int(a.count[i]) >= a.cap
}

// book counts one more planned impression for agent i.
func (a *armRules) book(i int32) {
	if a.count != nil {
		a.count[i]++
	}
}
