package sim

import (
	"slices"

	"boomerang/sim/footprint"

	"boomerang/sim/population"
)

// This file holds audience segments: groups of people defined by declared
// demographics (age band, gender, region) and, optionally, inferred
// attributes (origin, personality, party), as the demographic and adaptive
// strategies buy them.

// segmentDim is one dimension a segment can be defined on.
type segmentDim uint8

// The dimensions, in the order of their bits in a segment key.
const (
	dimAge         segmentDim = iota // declared age band: 18–29, 30–44, 45–64, 65+
	dimGender                        // declared gender
	dimRegion                        // declared region
	dimOrigin                        // inferred migration background (special category)
	dimPersonality                   // inferred dominant personality pole (Big Five)
	dimParty                         // inferred party (special category)
	dimInterest                      // the named interest whose pages the person visibly likes most
	numDims
)

// segmentDimNames lists the names of the dimensions, as the arms'
// attributes option spells them.
func segmentDimNames() []string {
	return []string{"age", "gender", "region", "origin", "personality", "party", "interest"}
}

// Bit layout of a segment key: a field per dimension, 0 meaning "not
// segmented on this dimension". Inferred dimensions use 1 for "unknown"
// (the operator cannot see the person).
const (
	ageShift, ageBits                 = 0, 3  // 1 … 4: the age bands
	genderShift, genderBits           = 3, 2  // 1 woman, 2 man
	regionShift, regionBits           = 5, 7  // 1 + region
	originShift, originBits           = 12, 2 // 1 unknown, 2 no, 3 yes
	personalityShift, personalityBits = 14, 4 // 1 unknown, 2 + index in Appeals()
	partyShift, partyBits             = 18, 2 // 1 unknown, 2 left, 3 right
	interestShift, interestBits       = 20, 6 // 1 unknown, 2 + interest index
)

// ageBand maps a declared age to its band 1 … 4, or 5 for minors
// (13–17, only with population.minors_share > 0).
func ageBand(age uint8) uint32 {
	switch {
	case age < population.AdultAge:
		return 5
	case age < 30:
		return 1
	case age < 45:
		return 2
	case age < 65:
		return 3
	}
	return 4
}

// dominantPole returns the index in Appeals() of the personality pole that
// stands out most in person i's inferred profile (largest |z-score|), or
// −1 if the operator cannot see i.
func dominantPole(p *Profiles, sc *scale, i int) int {
	best, pole := float32(-1), -1
	for a := AttrOpenness; a <= AttrNeuroticism; a++ {
		v := sc.z(p, a, i)
		if v != v {
			return -1
		}
		mag, low := v, 0
		if v < 0 {
			mag, low = -v, 1
		}
		if mag > best {
			best, pole = mag, 2*int(a)+low
		}
	}
	return pole
}

// segmentKey returns person i's segment key on dims, the number of
// personal attributes it uses and whether one of them is a special
// category. p is the profiles the strategy may use (World.targeting).
func segmentKey(w *World, p *Profiles, sc *scale, dims []segmentDim, i int) (key uint32, attrs uint8, sensitive bool) {
	for _, d := range dims {
		switch d {
		case dimAge:
			key |= ageBand(w.Pop.Age[i]) << ageShift
			attrs++
		case dimGender:
			key |= (1 + uint32(w.Pop.Gender[i])) << genderShift
			attrs++
		case dimRegion:
			key |= (1 + uint32(w.Pop.Region[i])) << regionShift
			attrs++
		case dimOrigin:
			v := uint32(1)
			if p.Known(AttrMigrant, i) {
				v = 2 + b2u(p.Inferred[AttrMigrant][i] >= 0.5)
				attrs++
				sensitive = true
			}
			key |= v << originShift
		case dimPersonality:
			v := uint32(1)
			if pole := dominantPole(p, sc, i); pole >= 0 {
				v = 2 + uint32(pole)
				attrs += 5
			}
			key |= v << personalityShift
		case dimInterest:
			v := uint32(1)
			if k := topInterest(w, p, i); k >= 0 {
				v = 2 + uint32(k)
				attrs++
				sensitive = sensitive || footprint.SensitiveInterest(k)
			}
			key |= v << interestShift
		case dimParty:
			v := uint32(1)
			if p.Known(AttrParty, i) {
				v = 2 + b2u(p.Inferred[AttrParty][i] >= 0.5)
				attrs++
				sensitive = true
			}
			key |= v << partyShift
		}
	}
	return key, attrs, sensitive
}

func b2u(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

// SegmentName describes a segment key in words, e.g. "women 30-44,
// region 3, inferred extravert". Fields the key does not use are left out.
func SegmentName(key uint32) string { return SegmentPhrase(key).String() }

// SegmentPhrase is SegmentName with its parts kept apart, so the app can
// translate it: "everyone", or a Phrase "%s" whose one argument is the
// []Phrase of the key's fields (age band as literal text, region as a
// Region, every other field a constant English text).
func SegmentPhrase(key uint32) Phrase {
	field := func(shift, bits int) uint32 { return key >> shift & (1<<bits - 1) }
	var parts []Phrase
	text := func(s string) { parts = append(parts, Phrase{Format: s}) }
	if a := field(ageShift, ageBits); a > 0 {
		parts = append(parts, Phrase{Format: "%s", Args: []any{[...]string{"", "18-29", "30-44", "45-64", "65+", "13-17", "", ""}[a]}})
	}
	if g := field(genderShift, genderBits); g > 0 {
		text([...]string{"", "women", "men", ""}[g])
	}
	if r := field(regionShift, regionBits); r > 0 {
		parts = append(parts, Phrase{Format: "region %d", Args: []any{Region(r - 1)}})
	}
	if o := field(originShift, originBits); o > 0 {
		text([...]string{"", "origin unknown", "inferred no migration background", "inferred migration background"}[o])
	}
	if p := field(personalityShift, personalityBits); p > 0 {
		if p == 1 {
			text("personality unknown")
		} else if int(p-2) < len(Appeals()) {
			parts = append(parts, Phrase{Format: "inferred %s", Args: []any{Word(Appeals()[p-2])}})
		}
	}
	if p := field(partyShift, partyBits); p > 0 {
		text([...]string{"", "party unknown", "inferred left party", "inferred right party"}[p])
	}
	if k := field(interestShift, interestBits); k > 0 {
		if k == 1 {
			text("interests unknown")
		} else if int(k-2) < footprint.NumInterests {
			parts = append(parts, Phrase{Format: "likes %s", Args: []any{Word(footprint.InterestName(int(k - 2)))}})
		}
	}
	if len(parts) == 0 {
		return Phrase{Format: "everyone"}
	}
	return Phrase{Format: "%s", Args: []any{parts}}
}

// segments is a partition of the population into segments, with the
// members of each as CSR lists. Segments are fixed for a run: declared
// demographics and inferences do not change. People the regulation
// excludes from targeting (World.MayTarget) belong to no segment.
type segments struct {
	keys      []uint32 // segment id → key, increasing
	attrs     []uint8  // segment id → personal attributes used (per person in it)
	sensitive []bool   // segment id → uses a special category
	of        []int32  // agent → segment id; −1 for people excluded by the regulation
	start     []int32  // members of segment j are members[start[j]:start[j+1]]
	members   []int32
}

// newSegments partitions the people of w a strategy may target on dims,
// from the profiles it may use (World.targeting).
func newSegments(w *World, sc *scale, dims []segmentDim) *segments {
	n := w.Pop.N
	p, excluded := w.targeting(), w.excludedMask() // regulation.go
	keyOf := make([]uint32, n)
	type info struct {
		attrs     uint8
		sensitive bool
	}
	found := map[uint32]info{}
	included := 0
	for i := range n {
		if excluded != nil && excluded[i] {
			continue
		}
		k, a, s := segmentKey(w, p, sc, dims, i)
		keyOf[i] = k
		found[k] = info{a, s}
		included++
	}
	g := &segments{of: make([]int32, n), members: make([]int32, included)}
	for k := range found {
		g.keys = append(g.keys, k)
	}
	slices.Sort(g.keys)
	id := make(map[uint32]int32, len(g.keys))
	for j, k := range g.keys {
		id[k] = int32(j)
		g.attrs = append(g.attrs, found[k].attrs)
		g.sensitive = append(g.sensitive, found[k].sensitive)
	}
	g.start = make([]int32, len(g.keys)+1)
	for i, k := range keyOf {
		if excluded != nil && excluded[i] {
			g.of[i] = -1
			continue
		}
		g.of[i] = id[k]
		g.start[id[k]+1]++
	}
	for j := range g.keys {
		g.start[j+1] += g.start[j]
	}
	fill := append([]int32(nil), g.start[:len(g.keys)]...)
	for i := range n {
		j := g.of[i]
		if j < 0 {
			continue
		}
		g.members[fill[j]] = int32(i)
		fill[j]++
	}
	return g
}

// size returns the number of people in segment j.
func (g *segments) size(j int) int { return int(g.start[j+1] - g.start[j]) }

// dimsOf parses segment dimension names.
func dimsOf(names []string) []segmentDim {
	var dims []segmentDim
	for _, name := range names {
		if d := slices.Index(segmentDimNames(), name); d >= 0 {
			dims = append(dims, segmentDim(d))
		}
	}
	return dims
}

// topInterest returns the named interest whose pages person i likes most
// (ties: the lower index), or −1 if the operator cannot see i's likes or i
// likes no interest page. Under regulation.special_categories_ban the
// sensitive interests are left out.
func topInterest(w *World, p *Profiles, i int) int {
	if w.Footprint == nil || !p.Visible[i] {
		return -1
	}
	ban := w.Config.Regulation.SpecialCategoriesBan
	var n [footprint.NumInterests]int16
	best := -1
	for _, pg := range w.Footprint.Likes.Of(i) {
		k, ok := w.Footprint.Catalogue.InterestOf(int(pg))
		if !ok || ban && footprint.SensitiveInterest(k) {
			continue
		}
		n[k]++
		if best < 0 || n[k] > n[best] || n[k] == n[best] && k < best {
			best = k
		}
	}
	return best
}
