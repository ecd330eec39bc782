package sim

// This file puts an ArmAnswer into words addressed to the persona: the
// sentences the app's "Someone like me" shows for each arm. They are
// Phrases, so the app translates each fixed English format (a
// translation key) and each part on its own (ui/reason.go); the engine
// says everything once, here and in the strategies' explain methods, and
// the app derives nothing from English text (issue 20).

// The sentences of more than one strategy.
const (
	// sayFallback: the regulation reduced the strategy to broadcasting.
	sayFallback = "The regulation leaves this strategy no data it may use, so it buys random ads."
	// sayExcluded: the persona may not be chosen with personal data.
	sayExcluded = "The regulation forbids choosing you with personal data."
	// sayPilot: a strategy that starts with a random pilot.
	sayPilot = "The first %d steps are a random pilot."
	// sayUnseen: the strategy cannot see the persona's likes.
	sayUnseen = "It cannot see your likes, so it has no personality profile of you."
)

// messageName is message name as a phrase: the app translates the names
// of the built-in messages; "" stays "".
func messageName(name string) Phrase { return Phrase{Format: name} }

// says is answer a in words, sentence by sentence.
func (w *World) says(a ArmAnswer) []Phrase {
	msg, matched := messageName(a.Message), messageName(a.Matched)
	randomly := Phrase{Format: "Only random ads, chosen without any data about you: a %.1f %% chance of one at step 1 (%q).",
		Args: []any{100 * a.Chance, msg}}
	if a.Chance == 0 {
		randomly = Phrase{Format: "No random ad reaches you at step 1 either: the whole budget went to the people it picked."}
	}
	var s []Phrase
	say := func(format string, args ...any) { s = append(s, Phrase{Format: format, Args: args}) }
	switch a.Decision {
	case DecideNoAds:
		return []Phrase{{Format: "No campaign: this arm shows no ads."}}
	case DecideRandom:
		switch {
		case a.Fallback:
			say(sayFallback)
		case a.Excluded:
			say(sayExcluded)
		default:
			s = append(s, a.Why)
		}
		s = append(s, randomly)
	case DecideSegment:
		say(sayPilot, w.Config.Campaign.PilotSteps)
		s = append(s, randomly)
		say("After that it buys the segments whose ads converted best. Yours is %s (%d people), from %d personal attributes.",
			SegmentPhrase(a.Segment), a.SegmentSize, int(a.Attributes))
	case DecideBandit:
		if a.Targeted {
			say("The bandit knows nothing yet at step 1 and tries segments at random. It buys your segment, %s: a %.1f %% chance of an ad, most often %q.",
				SegmentPhrase(a.Segment), 100*a.Chance, msg)
		} else {
			say("The bandit knows nothing yet at step 1 and tries segments at random; its first draws bought other segments than yours (%s): no ad at step 1.",
				SegmentPhrase(a.Segment))
		}
	case DecideTrait:
		s = append(s, traitSays(a, msg, matched, randomly)...)
	case DecideOtherSide:
		s = append(s, otherSideSays(a, msg, matched))
	}
	if a.Targeted && a.Attributes > 0 {
		say("Uses %d personal attributes.", int(a.Attributes))
		if a.Sensitive {
			say("Including a special category.")
		}
	}
	switch {
	case a.RunTime:
		say("This is the answer at step 1; it changes as the campaign learns.")
	case a.Decision == DecideTrait:
		say("Later steps spread the budget: people who already saw ads are worth less, so others get their turn.")
	}
	return s
}

// traitSays is a psychographic match (DecideTrait) in words.
func traitSays(a ArmAnswer, msg, matched, randomly Phrase) []Phrase {
	switch {
	case a.Targeted && a.Appeal != "":
		return []Phrase{{Format: "Matched on your inferred personality: you get the %q ad because your inferred %s is %+.1f sd from average.",
			Args: []any{msg, Word(a.Trait.String()), a.TraitZ}}}
	case a.Targeted:
		return []Phrase{{Format: "Ranked as persuadable from your inferred personality: you get the %q ad.", Args: []any{msg}}}
	case a.Value <= 1:
		return []Phrase{{Format: "It predicts you are no more persuadable than a random person (value %.2f), so it does not target you.",
			Args: []any{a.Value}}, randomly}
	}
	return []Phrase{{Format: "You rank below this step's most persuadable people (value %.2f, cut-off %.2f); if picked you would get %q.",
		Args: []any{a.Value, a.Cutoff, matched}}, randomly}
}

// otherSideSays is a demobiliser's choice (DecideOtherSide) in words.
func otherSideSays(a ArmAnswer, msg, matched Phrase) Phrase {
	switch {
	case a.Targeted:
		return Phrase{Format: "Inferred supporter of the other side (%.1f %% likely): you get %q, an ad meant to keep you from voting.",
			Args: []any{100 * a.Lean, msg}}
	case a.Lean > 0.5:
		return Phrase{Format: "Inferred supporter of the other side (%.1f %% likely), but not among this step's best targets: no ad yet (it would be %q).",
			Args: []any{100 * a.Lean, matched}}
	case a.Lean > 0:
		return Phrase{Format: "Inferred to be on the campaign's side (other side %.1f %% likely): no ads.", Args: []any{100 * a.Lean}}
	case a.Excluded:
		return Phrase{Format: "The regulation forbids choosing you with personal data: no ads (it buys no random ones)."}
	}
	return Phrase{Format: "It cannot infer your side: no ads (it buys no random ones)."}
}
