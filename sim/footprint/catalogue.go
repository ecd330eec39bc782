package footprint

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"boomerang/sim/rng"
)

// Page is one page people can like. It appeals to one or two attributes:
// a person's weight for liking it is Popularity × exp(Sign·Strength·z) for
// the main attribute (z the person's expressed value: standardised for
// numeric attributes, ±1 for binary ones), times the same factor for the
// second attribute if any. A neutral page (Attribute = NoAttribute) appeals
// to everyone alike.
type Page struct {
	Attribute      Attribute // main attribute or latent interest (Interest(k)); NoAttribute for a neutral page
	Sign           int8      // +1 liked more by people high in (or having) Attribute, −1 less, 0 neutral
	Strength       float32   // β of the main loading (> 0; 0 for a neutral page)
	Second         Attribute // second attribute, NoAttribute if none
	SecondSign     int8      // sign of the second loading (0 if none)
	SecondStrength float32   // β of the second loading (0 if none)
	Popularity     float32   // relative base rate of likes (log-normal, median 1)

	level uint8 // strength level of the main loading (levelStrong or levelWeak)
}

// Catalogue is the set of pages. Pages with the same loadings form a
// group; liking first picks a group (a few dozen weights per person) and
// then a page inside it by popularity (an alias table), so drawing a like
// costs O(log groups), not O(pages).
type Catalogue struct {
	Pages []Page

	groups     []group
	groupPages []uint16 // page ids ordered by group
	pageGroup  []uint16 // group of each page
	aliasProb  []uint32 // per slot of groupPages: keep threshold × 2³²
	aliasIdx   []uint16 // per slot: alias (index within the group)
}

// group is the pages sharing one pair of loadings.
type group struct {
	f1, f2 uint16  // factor-table slots of the two loadings (slotOne = none)
	pop    float64 // total popularity
	first  int32   // groupPages[first : first+n]
	n      int32
}

// Factor-table layout: per attribute, three levels (strong, weak,
// second) × two signs; slotOne holds the constant 1.
const (
	levelStrong = iota
	levelWeak
	levelSecond
	numLevels
)

const (
	numSlots = (int(NumAttributes)+NumInterests)*numLevels*2 + 1
	slotOne  = numSlots - 1
)

var levelMult = [numLevels]float64{strongLevel, weakLevel, secondLevel}

func slot(a Attribute, level int, sign int8) uint16 {
	s := (int(a)*numLevels + level) * 2
	if sign < 0 {
		s++
	}
	return uint16(s)
}

// NewCatalogue builds the catalogue of pages pages (2 … 65535). It depends
// only on the page count — a fixed catalogue seed, not the scenario seed —
// so page ids mean the same thing in every run [assumption].
//
// Main attributes are allotted by largest remainder of pageShare (so the
// counts are exact, not random); within an attribute, signs alternate
// (+, −, +, −, …) and strengths alternate in pairs (strong, strong, weak,
// weak, …), so both ends of every attribute have pages. A share
// secondShare of the strong pages also loads, weakly, on a related
// attribute (partners). Interest pages have one strength and no second
// loading. Popularity is log-normal. The page order is shuffled. (Fewer
// distinct loading pairs mean fewer groups, and each like's cost grows
// with the number of groups.)
func NewCatalogue(pages int) *Catalogue {
	if pages < MinPages || pages > MaxPages {
		panic(fmt.Sprintf("footprint: %d pages outside [%d, %d]", pages, MinPages, MaxPages))
	}
	r := rand.New(rng.Source(catalogueSeed, rng.Footprint, uint64(pages), 0))

	// Quotas by largest remainder over the attributes, the neutral class
	// and the interests.
	shares := make([]float64, 0, int(NumAttributes)+1+NumInterests)
	for _, s := range pageShare {
		shares = append(shares, s*(1-interestShare))
	}
	shares = append(shares, neutralShare*(1-interestShare))
	for range NumInterests {
		shares = append(shares, interestShare/NumInterests)
	}
	quota := make([]int, len(shares))
	type rem struct {
		k int
		r float64
	}
	rems := make([]rem, len(shares))
	given := 0
	for k, s := range shares {
		q := s * float64(pages)
		quota[k] = int(q)
		given += quota[k]
		rems[k] = rem{k, q - math.Floor(q)}
	}
	slices.SortStableFunc(rems, func(a, b rem) int {
		switch {
		case a.r > b.r:
			return -1
		case a.r < b.r:
			return 1
		}
		return 0
	})
	for j := 0; given < pages; j++ {
		quota[rems[j].k]++
		given++
	}

	c := &Catalogue{Pages: make([]Page, 0, pages)}
	neutral := int(NumAttributes)
	for k, q := range quota {
		for j := range q {
			pg := Page{Attribute: NoAttribute, Second: NoAttribute}
			if k != neutral {
				a, b := Attribute(k), 0.0
				if k < neutral {
					b = beta[a]
				} else {
					a, b = Interest(k-neutral-1), interestBeta
				}
				pg.Attribute, pg.Sign = a, 1
				if j%2 == 1 && k < neutral {
					pg.Sign = -1 // interest pages are all "fan" pages (+)
				}
				level := levelStrong
				if k < neutral && (j/2)%2 == 1 {
					level = levelWeak // interests have one strength
				}
				pg.Strength = float32(levelMult[level] * b)
				pg.level = uint8(level)
				if k < neutral && level == levelStrong {
					if ps := partners[a]; len(ps) > 0 && r.Float64() < secondShare {
						p := ps[r.IntN(len(ps))]
						pg.Second, pg.SecondSign = p.a, pg.Sign*p.sign
						pg.SecondStrength = float32(secondLevel * beta[p.a])
					}
				}
			}
			pg.Popularity = float32(math.Exp(popularitySD * r.NormFloat64()))
			c.Pages = append(c.Pages, pg)
		}
	}
	r.Shuffle(len(c.Pages), func(i, j int) { c.Pages[i], c.Pages[j] = c.Pages[j], c.Pages[i] })
	c.index()
	return c
}

// slots returns the factor-table slots of the page's two loadings.
func (pg *Page) slots() (uint16, uint16) {
	f1, f2 := uint16(slotOne), uint16(slotOne)
	if pg.Attribute != NoAttribute {
		f1 = slot(pg.Attribute, int(pg.level), pg.Sign)
	}
	if pg.Second != NoAttribute {
		f2 = slot(pg.Second, levelSecond, pg.SecondSign)
	}
	return f1, f2
}

// index groups the pages by loadings and builds an alias table (Walker
// 1977; Vose 1991) per group over the pages' popularities.
func (c *Catalogue) index() {
	type key struct{ f1, f2 uint16 }
	byKey := map[key]int{}
	var members [][]uint16
	c.pageGroup = make([]uint16, len(c.Pages))
	for p := range c.Pages {
		f1, f2 := c.Pages[p].slots()
		k := key{f1, f2}
		g, ok := byKey[k]
		if !ok {
			g = len(c.groups)
			byKey[k] = g
			c.groups = append(c.groups, group{f1: f1, f2: f2})
			members = append(members, nil)
		}
		members[g] = append(members[g], uint16(p))
		c.pageGroup[p] = uint16(g)
	}
	c.groupPages = make([]uint16, 0, len(c.Pages))
	c.aliasProb = make([]uint32, len(c.Pages))
	c.aliasIdx = make([]uint16, len(c.Pages))
	for g := range c.groups {
		gr := &c.groups[g]
		gr.first, gr.n = int32(len(c.groupPages)), int32(len(members[g]))
		c.groupPages = append(c.groupPages, members[g]...)
		w := make([]float64, len(members[g]))
		for j, p := range members[g] {
			w[j] = float64(c.Pages[p].Popularity)
			gr.pop += w[j]
		}
		buildAlias(w, c.aliasProb[gr.first:gr.first+gr.n], c.aliasIdx[gr.first:gr.first+gr.n])
	}
}

// buildAlias fills Vose's alias table for weights w: slot j keeps j with
// probability prob[j]/2³² and otherwise yields alias[j].
func buildAlias(w []float64, prob []uint32, alias []uint16) {
	n := len(w)
	total := 0.0
	for _, v := range w {
		total += v
	}
	scaled := make([]float64, n)
	var small, large []int
	for j, v := range w {
		scaled[j] = v * float64(n) / total
		if scaled[j] < 1 {
			small = append(small, j)
		} else {
			large = append(large, j)
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		prob[s] = uint32(math.Min(scaled[s]*(1<<32), math.MaxUint32))
		alias[s] = uint16(l)
		scaled[l] -= 1 - scaled[s]
		if scaled[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, j := range append(small, large...) {
		prob[j], alias[j] = math.MaxUint32, uint16(j)
	}
}

// Name returns a readable label of page p, e.g. "page 17 (openness +,
// ideology −)" or "page 3 (general interest)".
func (c *Catalogue) Name(p int) string {
	pg := &c.Pages[p]
	if pg.Attribute == NoAttribute {
		return fmt.Sprintf("page %d (general interest)", p)
	}
	s := fmt.Sprintf("page %d (%s %s", p, pg.Attribute, signMark(pg.Sign))
	if pg.Second != NoAttribute {
		s += fmt.Sprintf(", %s %s", pg.Second, signMark(pg.SecondSign))
	}
	return s + ")"
}

func signMark(s int8) string {
	if s < 0 {
		return "−"
	}
	return "+"
}

// Groups returns the number of loading groups (for tests and benchmarks).
func (c *Catalogue) Groups() int { return len(c.groups) }
