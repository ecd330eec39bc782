package sim

import (
	"fmt"
	"strings"
)

// This file holds Phrase: an English sentence the engine produces (why a
// person saw an ad, a segment's name) with its variable parts kept apart.
// The CLI, logs and tests want the English text (Phrase.String); the app
// wants the same sentence in Dutch, which it can only get by translating
// the fixed English Format and each translatable part separately. Parsing
// the finished English text back into parts would break whenever the
// wording changes, so the engine hands out the parts instead.

// Phrase is an English sentence as a fmt format plus its arguments.
// Format is a constant English text (a translation key); each Arg is one
// of:
//   - a number (int, float32, …) or Region: formatted by its verb;
//   - a plain string: literal text that is never translated (age bands
//     such as "30-44");
//   - a Word: a single translatable word or short term ("extravert",
//     "openness");
//   - a Phrase: a nested sentence, itself translated part by part;
//   - a []Phrase: nested sentences joined by ", ".
//
// A Phrase without Args is its Format verbatim (no verbs are read).
type Phrase struct {
	Format string
	Args   []any
}

// Word is a single translatable word or short term inside a Phrase, such
// as an appeal ("extravert") or an attribute ("openness"). It is a type of
// its own so a translator can tell it from literal text.
type Word string

// Region is a declared region (0-based, as in population.Population.Region)
// inside a Phrase. In English it prints as its number; the app shows the
// region's name instead (the Dutch provinces for 12 regions), which is why
// it is not folded into the text.
type Region int

// String is the phrase in English.
func (p Phrase) String() string {
	if len(p.Args) == 0 {
		return p.Format
	}
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		switch v := a.(type) {
		case Word:
			args[i] = string(v)
		case Region:
			args[i] = int(v)
		case Phrase:
			args[i] = v.String()
		case []Phrase:
			args[i] = JoinPhrases(v, Phrase.String)
		default:
			args[i] = v
		}
	}
	return fmt.Sprintf(p.Format, args...)
}

// JoinPhrases renders each phrase with render and joins them with ", ",
// the separator of a []Phrase argument. Translators use it so that they
// join lists exactly as String does.
func JoinPhrases(ps []Phrase, render func(Phrase) string) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = render(p)
	}
	return strings.Join(s, ", ")
}

// Walk calls visit for p and every Phrase nested in its Args, depth
// first, and word for every Word among them: the complete set of texts a
// translator of p needs.
func (p Phrase) Walk(visit func(Phrase), word func(Word)) {
	visit(p)
	for _, a := range p.Args {
		switch v := a.(type) {
		case Word:
			word(v)
		case Phrase:
			v.Walk(visit, word)
		case []Phrase:
			for _, q := range v {
				q.Walk(visit, word)
			}
		}
	}
}
