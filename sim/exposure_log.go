package sim

import (
	"slices"

	"boomerang/sim/footprint"
)

// This file holds the per-impression log behind the app's target ("prey")
// view: who saw which ad, when, and why. It is off by default and then
// costs nothing; Run.EnableLog switches it on for chosen agents or for all.

// Impression is one logged impression: the exposure as planned, when, and
// what it did to the person.
type Impression struct {
	Step int
	Outcome
	Opinion float32 // the person's opinion right after the impression
	Shift   float32 // change of opinion caused by the impression (0 for demobilising ads)
	Turnout float32 // the person's probability of voting right after it
}

// impressionLog records the impressions of followed agents.
type impressionLog struct {
	follow  []bool // follow[i]: log agent i; nil = log everyone
	entries []Impression
}

// record appends one impression if its agent is followed.
func (l *impressionLog) record(t int, o Outcome, opinion, shift, turnout float32) {
	if l.follow != nil && !l.follow[o.Agent] {
		return
	}
	l.entries = append(l.entries, Impression{Step: t, Outcome: o, Opinion: opinion, Shift: shift, Turnout: turnout})
}

// EnableLog starts logging, in every arm and from the next step on, each
// impression that reaches one of agents (all agents if agents is nil).
// Calling it again replaces the set of followed agents and keeps what was
// logged so far. Logging everyone costs about 40 bytes per impression.
// Not safe to call while Step runs.
func (r *Run) EnableLog(agents []int32) {
	var follow []bool
	if agents != nil {
		follow = make([]bool, r.World.Pop.N)
		for _, i := range agents {
			if i >= 0 && int(i) < len(follow) {
				follow[i] = true
			}
		}
	}
	for _, a := range r.Arms {
		if a.State.log == nil {
			a.State.log = &impressionLog{}
		}
		a.State.log.follow = follow
	}
}

// DisableLog stops logging and frees the log of every arm.
func (r *Run) DisableLog() {
	for _, a := range r.Arms {
		a.State.log = nil
	}
}

// DisableLog stops logging this arm's impressions and frees its log (the
// app logs only the arm it shows).
func (a *Arm) DisableLog() { a.State.log = nil }

// Log returns a copy of the impressions logged for this arm so far, in the
// order they happened; nil when logging is off.
func (a *Arm) Log() []Impression {
	if a.State.log == nil {
		return nil
	}
	return slices.Clone(a.State.log.entries)
}

// LogView returns the impressions logged for this arm so far without
// copying them; nil when logging is off. The log only ever grows by
// appending, so the entries of the returned slice never change and it may
// be read on another goroutine while the run goes on; a reader must not
// write to it.
func (a *Arm) LogView() []Impression {
	if a.State.log == nil {
		return nil
	}
	e := a.State.log.entries
	return e[:len(e):len(e)]
}

// Explain says in words why the person of an impression saw its ad, e.g.
// "segment: women 30-44, region 3" or "matched on inferred personality:
// extravert (+1.3)". It reads the world's inferences, never the truth.
func (w *World) Explain(e Exposure) string { return w.Reason(e).String() }

// Reason is Explain with its variable parts kept apart (see Phrase), so
// the app can say it in the visitor's language.
func (w *World) Reason(e Exposure) Phrase {
	i := int(e.Agent)
	switch e.Why {
	case WhyRandom:
		return Phrase{Format: "random: no personal data used"}
	case WhySegment:
		return Phrase{Format: "segment: %s", Args: []any{SegmentPhrase(e.Detail)}}
	case WhyBandit:
		return Phrase{Format: "bandit's best-performing segment: %s", Args: []any{SegmentPhrase(e.Detail)}}
	case WhyTrait:
		if int(e.Detail) < len(Appeals()) {
			ap := Appeals()[e.Detail]
			a, _, _ := appealTrait(ap)
			return Phrase{Format: "matched on inferred personality: %s (inferred %s %+.1f sd)",
				Args: []any{Word(ap), Word(a.String()), w.Profiles.Inferred[a][i]}}
		}
		return Phrase{Format: "ranked as persuadable from inferred personality"}
	case WhyLookalike:
		switch a := Attr(e.Detail); {
		case a == AttrAge || a == AttrGender:
			return Phrase{Format: "looks like the campaign's converters, mostly by declared %s", Args: []any{Word(a.String())}}
		case a < NumAttrs:
			return Phrase{Format: "looks like the campaign's converters, mostly by inferred %s", Args: []any{Word(a.String())}}
		}
		return Phrase{Format: "looks like the campaign's converters"}
	case WhyInterest:
		if n := footprint.InterestName(int(e.Detail)); n != "" {
			return Phrase{Format: "likes pages of %s, an interest the campaign targets", Args: []any{Word(n)}}
		}
	case WhyContext:
		if n := footprint.InterestName(int(e.Detail)); n != "" {
			return Phrase{Format: "placed beside content about %s: no personal data used", Args: []any{Word(n)}}
		}
	case WhyRetarget:
		return Phrase{Format: "retargeted: clicked the campaign's ad at step %d, has not bought, and is tracked (pixel)", Args: []any{int(e.Detail)}}
	case WhyOtherSide:
		if a := Attr(e.Detail); a < NumAttrs {
			return Phrase{Format: "likely supporter of the other side, by inferred %s", Args: []any{Word(a.String())}}
		}
		return Phrase{Format: "likely supporter of the other side"}
	}
	return Phrase{Format: e.Why.String()}
}
