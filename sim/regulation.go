package sim

import (
	"fmt"
	"math"
	"slices"

	"boomerang/sim/population"
)

// This file holds what every rule of the regulation shares: the rules
// compiled once per world, the view of the profiles that strategies may
// use, the last-line check every planned impression passes (ArmState.add)
// and the notes a run reports when a rule changed what a strategy does
// (docs/MODEL-regulation.md). Each lever has a file of its own:
// regulation_consent.go, regulation_special.go, regulation_minors.go,
// regulation_political.go, regulation_audience.go, regulation_frequency.go,
// regulation_label.go; the population's defence is defence_prebunking.go.
//
// Regulation is a setting of the scenario, the same for every arm of a
// run: it never reads the arm, so twins stay twins. Rules restrict only
// what a campaign may do with personal data; untargeted impressions (drawn
// at random from all users, no personal data) are always allowed.

// DefaultRegulation returns the unregulated defaults: 70 % tracking
// consent asked with a fair choice, every other lever off.
func DefaultRegulation() RegulationParams {
	return RegulationParams{
		ConsentRate:          0.7,
		ConsentDesign:        ConsentRejectButton,
		PoliticalConsentRate: defaultPoliticalConsentRate,
		FrequencyPeriod:      defaultFrequencyPeriod,
	}
}

// rules is a world's regulation compiled once (BuildWorld, refreshed by
// NewRunOn when a test replaces the profiles). It is read-only while arms
// run.
type rules struct {
	reg RegulationParams
	// restricts is true when a rule limits whom or what strategies may use
	// (special-category ban, minors ban with minors present, political
	// consent); otherwise strategies see World.Profiles itself.
	restricts bool
	// excluded[i]: agent i may not be chosen with personal data (a known
	// minor under the minors ban, or no separate political consent); nil
	// when nobody is.
	excluded []bool
	from     *Profiles // the profiles view was made from
	view     *Profiles // what strategies may use
	notes    []string  // notes about the world's regulation (Run.Notes)
}

// newRules compiles w's regulation.
func newRules(w *World) *rules {
	r := &rules{reg: w.Config.Regulation}
	r.excluded = excludedPeople(w)
	r.restricts = r.reg.SpecialCategoriesBan || r.excluded != nil
	r.from, r.view = w.Profiles, regulatedView(w.Profiles, r)
	r.notes = append(r.notes, consentNotes(r.reg)...)
	r.notes = append(r.notes, minorsNotes(w)...)
	if m, n := r.reg.MinAudience, w.Pop.N; m > n {
		// Any population size runs (issue 18), but this floor then
		// forbids every targeted audience: say which setting works.
		r.notes = append(r.notes, fmt.Sprintf("regulation.min_audience = %d is more than the %d people simulated: no targeted audience can reach it, so targeting falls back to broadcast (use regulation.min_audience ≤ %d, or population.size ≥ %d)", m, n, n, m))
	}
	return r
}

// refreshRules compiles the rules if the world has none yet or its
// profiles were replaced since (tests fill profiles after BuildWorld). Call
// it only while no arm runs on w (NewRunOn does).
func (w *World) refreshRules() {
	if w.rules == nil || w.rules.from != w.Profiles {
		w.rules = newRules(w)
	}
}

// excludedPeople marks who may not be chosen with personal data: known
// minors under the minors ban and, under political consent, everyone
// without the separate consent. nil when nobody is excluded.
func excludedPeople(w *World) []bool {
	var ex []bool
	mark := func(i int) {
		if ex == nil {
			ex = make([]bool, w.Pop.N)
		}
		ex[i] = true
	}
	reg := &w.Config.Regulation
	for i := range w.Pop.N {
		if reg.MinorsBan && w.KnownMinor(i) || reg.PoliticalConsent && !w.PoliticalConsent(i) {
			mark(i)
		}
	}
	return ex
}

// regulatedView returns the profiles strategies may use under r: p itself
// when no rule restricts; otherwise a view that shares p's columns, where
// excluded people are not visible (confidence 0) and banned attributes
// are unknown (NaN) for everyone. Excluded people keep their values in the
// shared columns, so strategies must check Visible before they read a
// person's inferences (they all do: the view costs 9 bytes per agent, not a
// copy of every column).
func regulatedView(p *Profiles, r *rules) *Profiles {
	if !r.restricts || p == nil {
		return p
	}
	v := &Profiles{Visible: slices.Clone(p.Visible), Confidence: slices.Clone(p.Confidence), Inferred: p.Inferred}
	if r.excluded != nil {
		for i, ex := range r.excluded {
			if ex {
				v.Visible[i] = false
				v.Confidence[i] = 0
			}
		}
	}
	if r.reg.SpecialCategoriesBan {
		nan := make([]float32, len(p.Visible))
		for i := range nan {
			nan[i] = float32(math.NaN())
		}
		for a := Attr(0); a < NumAttrs; a++ {
			if a.Sensitive() {
				v.Inferred[a] = nan
			}
		}
	}
	return v
}

// targeting returns the profiles strategies may use: World.Profiles when
// no rule restricts them, else the regulated view. Strategies call it once
// when they initialise.
func (w *World) targeting() *Profiles {
	r := w.rules
	switch {
	case r == nil || !r.restricts:
		return w.Profiles
	case r.from == w.Profiles:
		return r.view
	}
	return regulatedView(w.Profiles, r) // profiles replaced without NewRunOn (tests)
}

// excludedMask returns who may not be chosen with personal data (nil:
// nobody).
func (w *World) excludedMask() []bool {
	if w.rules == nil {
		return nil
	}
	return w.rules.excluded
}

// MayTarget reports whether the rules let a campaign choose agent i with
// personal data (false for a known minor under the minors ban and for
// someone without separate political consent under political consent).
func (w *World) MayTarget(i int) bool {
	ex := w.excludedMask()
	return ex == nil || !ex[i]
}

// permits is the last-line check of every planned impression (ArmState.add):
// no special-category inference under the ban, and no personal data at all
// for excluded people. Strategies already plan within the rules, so it
// should never refuse one; refusals are counted and reported.
func (w *World) permits(e *Exposure) bool {
	r := w.rules
	if r == nil || !r.restricts {
		return true
	}
	if e.Sensitive && r.reg.SpecialCategoriesBan {
		return false
	}
	return e.Attributes == 0 || r.excluded == nil || !r.excluded[e.Agent]
}

// ruleNotes collects, once each, what a strategy changed to follow the
// regulation (a fallback, a dropped attribute, an audience below the
// floor). Strategies embed it; the run reports the notes in Result.Notes.
type ruleNotes struct{ list []string }

// note records a note unless it is already there.
func (n *ruleNotes) note(format string, a ...any) {
	s := fmt.Sprintf(format, a...)
	if !slices.Contains(n.list, s) {
		n.list = append(n.list, s)
	}
}

// regulationNotes returns the notes recorded so far.
func (n *ruleNotes) regulationNotes() []string { return n.list }

// noted is implemented by strategies that record regulation notes.
type noted interface{ regulationNotes() []string }

// Notes says what the regulation changed in this run, for the manifest:
// notes about the world's rules, then per arm each fallback or adaptation
// of its strategy and any impression the last-line check refused. A
// strategy initialises at its first step, so the list is complete from
// step 1 on. Empty when nothing changed.
func (r *Run) Notes() []string {
	var out []string
	if r.World.rules != nil {
		out = append(out, r.World.rules.notes...)
	}
	for _, a := range r.Arms {
		if n, ok := a.Strategy.(noted); ok {
			for _, s := range n.regulationNotes() {
				out = append(out, fmt.Sprintf("arm %q (%s): %s", a.Name, a.Strategy.Name(), s))
			}
		}
		if b := a.State.rules.blocked; b > 0 {
			out = append(out, fmt.Sprintf("arm %q (%s): the regulation refused %d planned impressions", a.Name, a.Strategy.Name(), b))
		}
	}
	return out
}

// checkRegulation validates the regulation.* and defence.* keys of c and
// returns the first problem as a *FieldError naming the key, or nil.
// regulation.consent_rate is checked with the data keys (footprint).
func checkRegulation(c *Config) error {
	bad := func(key string, v any, format string, a ...any) error {
		return &FieldError{Key: key, Value: v, Msg: fmt.Sprintf(format, a...)}
	}
	if err := checkLimits(c.Regulation, "regulation."); err != nil {
		return err
	}
	if err := checkLimits(c.Defence, "defence."); err != nil {
		return err
	}
	r := &c.Regulation
	switch {
	case !slices.Contains(ConsentDesigns(), r.ConsentDesign):
		return bad("regulation.consent_design", r.ConsentDesign, "unknown (allowed: %v)", ConsentDesigns())
	case r.MinAudience < 0 || r.MinAudience > population.MaxSize:
		return bad("regulation.min_audience", r.MinAudience, "must be between 0 (no floor) and %d people", population.MaxSize)
	case r.FrequencyCap < 0 || r.FrequencyCap > MaxFrequencyCap:
		return bad("regulation.frequency_cap", r.FrequencyCap, "must be between 0 (no cap) and %d impressions per person per period", MaxFrequencyCap)
	case r.FrequencyPeriod < 1 || r.FrequencyPeriod > MaxSteps:
		return bad("regulation.frequency_period", r.FrequencyPeriod, "must be between 1 and %d steps", MaxSteps)
	}
	return nil
}
