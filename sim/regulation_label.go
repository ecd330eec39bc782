package sim

// This file holds the transparency label (regulation.transparency_label):
// DSA Art. 26(1) requires every ad to show, "directly accessible from the
// advertisement", meaningful information on the main parameters used to
// choose the recipient ("why am I seeing this ad?"); EU Regulation
// 2024/900 adds labels to political ads.
//
// What it does in the model, per impression (response.go):
//
//   - an ad chosen with personal data (Exposure.Attributes > 0) persuades
//     labelPersuasionCost less: Carrella et al. (2025, Communications
//     Psychology 3:15) found that targeting-disclosure labels changed
//     persuasiveness ratings by only −0.03 to −0.06 points on a mean of
//     about 2.7, i.e. by 1.1–2.2 %; we take the midpoint, 0.045/2.7 ≈ 1.7 %.
//     Untargeted ads ("shown to a broad audience") are unaffected.
//   - an ad chosen with a special-category inference shows a sensitive
//     reason, which gives privacy reactance a second, independent chance:
//     with q = response.privacy_backfire · privacy concern, the privacy
//     part of reactance becomes 1 − (1 − q)² ≈ 2q instead of q. People
//     resent ads whose reason reveals an inference they find unacceptable
//     (Kim, Barasz & John 2019, J. Consumer Research 45:906–932); the
//     doubling is our assumption.
//
// Not modelled: labels that teach people to discount ads over time, the
// public ad repositories, or labels on who paid.

// labelPersuasionCost is the relative loss of persuasion of a labelled ad
// chosen with personal data (Carrella et al. 2025: 0.03–0.06 of ≈ 2.7,
// midpoint) [paper; the conversion to a relative effect is ours].
const labelPersuasionCost = 0.045 / 2.7

// labelFactor is the label's multiplier on the opinion effect of an
// impression: 1 − labelPersuasionCost for a labelled ad chosen with
// personal data, 1 otherwise.
func labelFactor(w *World, e *Exposure) float64 {
	if w.Config.Regulation.TransparencyLabel && e.Attributes > 0 {
		return 1 - labelPersuasionCost
	}
	return 1
}

// labelledBackfire returns the reactance probability p of an impression
// after its label: when the label shows a sensitive reason, the privacy
// reactance q = privacy_backfire · privacy gets a second independent
// chance (p + q − p·q).
func labelledBackfire(w *World, r *ResponseParams, e *Exposure, p, privacy float64) float64 {
	if !w.Config.Regulation.TransparencyLabel || !e.Sensitive {
		return p
	}
	q := r.PrivacyBackfire * privacy
	return p + q - p*q
}
