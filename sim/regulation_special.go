package sim

import "strings"

// This file holds the ban on targeting with special categories of personal
// data (regulation.special_categories_ban): DSA Art. 26(3) forbids ads
// "based on profiling … using special categories of personal data referred
// to in Article 9(1) GDPR" — racial or ethnic origin, political opinions,
// religious beliefs, health, sex life or sexual orientation — even with
// consent. Meta removed such detailed targeting options on 19 January 2022
// (LITERATURE §4–5).
//
// Under the ban the special categories of the model (Attr.Sensitive:
// inferred ideology, party, religion, migration background, sexual
// orientation, health) are unknown in the profiles strategies see
// (World.targeting), and each strategy drops them from the attributes or
// segment dimensions it uses: psychographic loses ideology, lookalike the
// six special categories, demographic and adaptive the origin and party
// dimensions, demobilise both of its attributes. A strategy with nothing
// left falls back to broadcast and says so in Result.Notes. The platform
// still infers the categories (World.Profiles keeps them: the app shows
// what it knows); the ban is on using them for ads.

// mayUse reports whether the rules let strategies use attribute a.
func (w *World) mayUse(a Attr) bool {
	return !(w.Config.Regulation.SpecialCategoriesBan && a.Sensitive())
}

// dimAttr is the inferred attribute a segment dimension reads, for the
// dimensions that read one attribute (origin, party); ok is false for the
// others (declared demographics, personality: the Big Five, none of them
// a special category).
func dimAttr(d segmentDim) (a Attr, ok bool) {
	switch d {
	case dimOrigin:
		return AttrMigrant, true
	case dimParty:
		return AttrParty, true
	}
	return 0, false
}

// allowedDims returns the segment dimensions the rules let a strategy use,
// and the names of those they remove.
func (w *World) allowedDims(dims []segmentDim) (kept []segmentDim, dropped []string) {
	for _, d := range dims {
		if a, ok := dimAttr(d); ok && !w.mayUse(a) {
			dropped = append(dropped, segmentDimNames()[d])
			continue
		}
		kept = append(kept, d)
	}
	return kept, dropped
}

// allowedAttrs splits attribute names into those the rules let a strategy
// use and those they remove.
func (w *World) allowedAttrs(names []string) (kept []Attr, dropped []string) {
	for _, name := range names {
		a, ok := attrByName(name)
		if !ok {
			continue
		}
		if !w.mayUse(a) {
			dropped = append(dropped, name)
			continue
		}
		kept = append(kept, a)
	}
	return kept, dropped
}

// noteBan records that the ban removed some of a strategy's attributes,
// and whether anything is left.
func (n *ruleNotes) noteBan(dropped []string, left int) {
	if len(dropped) == 0 {
		return
	}
	if left == 0 {
		n.note("regulation.special_categories_ban leaves it no data (%s are special categories): falls back to broadcast", strings.Join(dropped, ", "))
		return
	}
	n.note("regulation.special_categories_ban: does not use %s (special categories); uses the %d that remain", strings.Join(dropped, ", "), left)
}
