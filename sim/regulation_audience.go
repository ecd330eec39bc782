package sim

import "math"

// This file holds the audience floor (regulation.min_audience = k): no
// strategy may target a group of fewer than k people, so that an ad cannot
// single out a handful of people (platforms use floors of about 100 to
// 1000: Meta's minimum for custom and lookalike source audiences is 100,
// LITERATURE §4 [secondary]; the DSA has no number, the floor is a policy
// option studied here). An audience is the group a strategy could reach
// for one reason, counted over the people it may target (World.targeting):
//
//   - demographic and adaptive: each segment; segments smaller than k are
//     never bought;
//   - psychographic: the people matched to one message (those for whom that
//     appeal is the best fit); a message whose audience is below k is not
//     targeted, and its people are left to untargeted prospecting;
//   - lookalike and demobilise: the whole ranked pool (people with a
//     value); below k the strategy does not target (lookalike keeps
//     prospecting, demobilise falls back to broadcast).
//
// Untargeted impressions are audiences of everyone and always allowed.
// Rules that exclude people (minors ban, political consent) shrink the
// audiences first, so floors and exclusions add up.

// minAudience returns the audience floor k (0: none).
func (w *World) minAudience() int { return w.Config.Regulation.MinAudience }

// audienceOK reports whether an audience of size people may be targeted.
func (w *World) audienceOK(size int) bool { return size >= w.minAudience() }

// poolSize counts the people with a value (finite base) in a ranking.
func poolSize(base []float32) int {
	n := 0
	for _, b := range base {
		if b >= -math.MaxFloat32 {
			n++
		}
	}
	return n
}

// floorMessageAudiences removes from a psychographic ranking (base, with
// msgOf the message chosen per person) the people whose message's audience
// is smaller than the floor; it returns how many messages and people it
// removed.
func floorMessageAudiences(w *World, base []float32, msgOf []int16) (messages, people int) {
	k := w.minAudience()
	if k <= 0 {
		return 0, 0
	}
	size := make([]int, len(w.Messages))
	for i, b := range base {
		if b >= -math.MaxFloat32 {
			size[msgOf[i]]++
		}
	}
	inf := float32(math.Inf(-1))
	for i, b := range base {
		if b >= -math.MaxFloat32 && size[msgOf[i]] < k {
			base[i] = inf
			people++
		}
	}
	for _, s := range size {
		if s > 0 && s < k {
			messages++
		}
	}
	return messages, people
}

// anyBuyable reports whether some segment of g has people and meets the
// audience floor; when none does, the strategy falls back to broadcast and
// notes why.
func anyBuyable(w *World, g *segments, n *ruleNotes) bool {
	ok, small := 0, 0
	for j := range g.keys {
		switch {
		case g.size(j) > 0 && w.audienceOK(g.size(j)):
			ok++
		case g.size(j) > 0:
			small++
		}
	}
	if ok > 0 {
		if small > 0 {
			n.note("regulation.min_audience = %d: %d of its %d segments are smaller and are never bought", w.minAudience(), small, ok+small)
		}
		return true
	}
	if w.minAudience() > 0 {
		n.note("every segment is smaller than regulation.min_audience = %d: falls back to broadcast", w.minAudience())
	} else {
		n.note("the regulation leaves it nobody to target: falls back to broadcast")
	}
	return false
}
