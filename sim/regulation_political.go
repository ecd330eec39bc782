package sim

import "boomerang/sim/rng"

// This file holds consent to political targeting (regulation.political_consent):
// EU Regulation 2024/900 on political advertising (applies from
// 10 October 2025), Arts. 18–19, allows targeting techniques in political
// advertising only with personal data collected from the person, who gave
// explicit consent separately for political advertising, and never with
// profiling on special categories (LITERATURE §5).
//
// With the lever on the whole campaign counts as political advertising.
// A share political_consent_rate of the people who allow tracking under a
// fair choice (consent_rate, before any dark pattern: the regulation asks
// for a separate, explicit consent, which a cookie banner cannot give) also
// gives the political consent. Person i does when the uniform number u_i
// that decides tracking consent (stream (seed, rng.Consent, i, 0), as in
// footprint.See) is below consent_rate · political_consent_rate, so
// political consenters are always among the tracking consenters, and are
// the people most willing to share data. Everyone else may be shown only
// untargeted ads: no strategy may choose them with any personal data, not
// even declared age or region. Quiz takers and harvested friends gave no
// such consent.

// defaultPoliticalConsentRate is the default share of tracking consenters
// who also consent separately to political targeting: 0.2, so 14 % of all
// users at the default consent rate of 0.7 — about what explicit opt-in
// prompts get (ATT: 11–15 % of all users worldwide, LITERATURE §4), for a
// purpose people like less [assumption].
const defaultPoliticalConsentRate = 0.2

// PoliticalConsent reports whether agent i gave explicit, separate consent
// to political targeting (only meaningful with regulation.political_consent).
func (w *World) PoliticalConsent(i int) bool {
	r := &w.Config.Regulation
	return rng.Float64(w.Seed, rng.Consent, uint64(i), 0, 0) < r.ConsentRate*r.PoliticalConsentRate
}
