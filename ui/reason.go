package ui

import (
	"fyne.io/fyne/v2/lang"

	"boomerang/sim"
)

// This file says the engine's sentences in the current language: why a
// person was picked for an ad (sim.World.Reason) and the names of
// segments (sim.SegmentPhrase). The engine keeps the variable parts of a
// sentence apart (sim.Phrase), so each part is translated on its own: the
// English format is a bundle key (lang.L), words have keys of their own
// (reasonWordKey), numbers stay numbers and regions get their display
// names. Every key the engine can produce is checked by TestReasonDutchKeys,
// since none of them is a literal in this package's source.

// reasonWordKey is the bundle key of a word of an engine phrase: the word
// with a prefix, so that its translation cannot clash with the same
// English word elsewhere in the app ("order" the appeal is not "order" the
// sorting).
func reasonWordKey(w sim.Word) string { return "reason." + string(w) }

// reasonWord is a word of an engine phrase in the current language; the
// English word itself when the bundles have no translation.
func reasonWord(w sim.Word) string { return lang.X(reasonWordKey(w), string(w)) }

// reasonText is phrase p in the current language. A region part is shown
// as the region's display name (regionName: the province for 12 regions),
// as everywhere else in the app, rather than the engine's 0-based "region
// N"; everything else in English equals p.String().
func reasonText(w *sim.World, p sim.Phrase) string {
	if len(p.Args) == 0 {
		if p.Format == "" {
			return ""
		}
		return lang.L(p.Format)
	}
	if r, ok := p.Args[0].(sim.Region); ok && len(p.Args) == 1 {
		return regionName(w, int(r))
	}
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		switch v := a.(type) {
		case sim.Word:
			args[i] = reasonWord(v)
		case sim.Region: // not alone in its phrase (the engine makes none): keep the verb valid
			args[i] = int(v)
		case sim.Phrase:
			args[i] = reasonText(w, v)
		case []sim.Phrase:
			args[i] = sim.JoinPhrases(v, func(q sim.Phrase) string { return reasonText(w, q) })
		default:
			args[i] = v
		}
	}
	format := p.Format
	if format != "%s" { // a bare list or literal (age band): nothing to translate, and Fyne logs a miss
		format = lang.L(format)
	}
	return numf(format, args...)
}
