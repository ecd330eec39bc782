package sim

import "fmt"

// This file holds the consent design: how the platform asks for consent
// to tracking, and so how many people the operator can see
// (regulation.consent_rate, regulation.consent_design).
//
// consent_rate is the share of users who allow tracking when the choice is
// fair. The design then sets the share the footprint model sees
// (footprint.Build draws person i as consenting when its uniform number u_i
// from the stream (seed, rng.Consent, i, 0) is below it):
//
//	opt-in            consent_rate            (an ATT-style prompt)
//	reject-button     consent_rate            (a banner with "reject all" on its first page)
//	no-reject-button  min(1, consent_rate + 0.22)
//
// The two fair designs differ in the real world only through the rate
// people choose, which the scenario sets; the dark pattern adds the
// 22 points Nouwens et al. (2020) measured. Because every design compares
// the same u_i with its rate, the consenters of a fair design are a subset
// of the dark pattern's: switching the design only adds people.

// Consent designs (regulation.consent_design).
const (
	ConsentOptIn          = "opt-in"           // an explicit prompt: tracking only if the person asks for it (Apple ATT)
	ConsentRejectButton   = "reject-button"    // a cookie banner with accept and reject on its first page
	ConsentNoRejectButton = "no-reject-button" // the dark pattern: reject only on a second page
)

// ConsentDesigns lists the accepted values of regulation.consent_design.
func ConsentDesigns() []string {
	return []string{ConsentOptIn, ConsentRejectButton, ConsentNoRejectButton}
}

// darkPatternUplift is the rise in consent when the reject button is
// removed from a banner's first page: 22–23 percentage points (Nouwens,
// Liccardi, Veale, Karger & Kagal 2020, CHI, field experiment on a
// consent-management platform; LITERATURE §4) [paper].
const darkPatternUplift = 0.22

// EffectiveConsentRate is the share of users who consent to tracking under
// the consent design: consent_rate for a fair design, consent_rate + 0.22
// (at most 1) without a reject button.
func (r RegulationParams) EffectiveConsentRate() float64 {
	if r.ConsentDesign == ConsentNoRejectButton {
		return min(1, r.ConsentRate+darkPatternUplift)
	}
	return r.ConsentRate
}

// consentNotes describes what the consent design did to consent.
func consentNotes(r RegulationParams) []string {
	if r.ConsentDesign != ConsentNoRejectButton {
		return nil
	}
	return []string{fmt.Sprintf("regulation.consent_design = %s: tracking consent %.2f + %.2f = %.2f (Nouwens et al. 2020)",
		r.ConsentDesign, r.ConsentRate, darkPatternUplift, r.EffectiveConsentRate())}
}
