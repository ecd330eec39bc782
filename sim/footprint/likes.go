package footprint

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"

	"boomerang/sim/population"
	"boomerang/sim/rng"
)

// Likes holds every agent's liked pages in CSR form: agent i likes
// Pages[Offsets[i]:Offsets[i+1]], page ids sorted ascending, no duplicates.
type Likes struct {
	Offsets []int64  // len N+1
	Pages   []uint16 // len Offsets[N]
}

// Of returns agent i's liked pages (sorted page ids).
func (l *Likes) Of(i int) []uint16 { return l.Pages[l.Offsets[i]:l.Offsets[i+1]] }

// Count returns the number of pages agent i likes.
func (l *Likes) Count(i int) int { return int(l.Offsets[i+1] - l.Offsets[i]) }

// likesChunk is the number of agents a worker takes at a time.
const likesChunk = 2048

// GenerateLikes draws every agent's likes: agent i likes exactly
// min(pop.Likes[i], len(c.Pages)) distinct pages. The agent first draws its
// expressed attributes z_a = ρ_a·x_a + √(1−ρ_a²)·ε_a (x standardised, ±1 for
// binary attributes), then likes pages one at a time without replacement,
// each time with probability ∝ popularity × exp(Σ sign·β·z) among the
// pages not yet liked (successive sampling: draw with replacement, redraw
// duplicates). All draws come from the stream (seed, rng.Footprint, i, 0),
// so the result is identical for any workers (≤ 0: GOMAXPROCS).
func GenerateLikes(c *Catalogue, pop *population.Population, seed uint64, workers int) *Likes {
	n, P := pop.N, len(c.Pages)
	l := &Likes{Offsets: make([]int64, n+1)}
	for i := range n {
		l.Offsets[i+1] = l.Offsets[i] + int64(min(int(pop.Likes[i]), P))
	}
	l.Pages = make([]uint16, l.Offsets[n])
	forChunks(n, likesChunk, workers, func() *liker { return newLiker(c, pop) }, func(w *liker, lo, hi int) {
		for i := lo; i < hi; i++ {
			w.agent(seed, i, l.Pages[l.Offsets[i]:l.Offsets[i+1]])
		}
	})
	return l
}

// liker is one worker's scratch space.
type liker struct {
	c     *Catalogue
	truth truths // the population's attribute columns
	pcg   rand.PCG
	r     *rand.Rand // draws from pcg
	f     [numSlots]float64
	// The agent's group weights and their alias table.
	weight, scaled []float64 // weight of each group
	fg             []float64 // like factor of each group
	gprob          []uint32
	galias         []uint16
	small, large   []uint16 // alias-construction stacks
	bits           []uint64 // liked pages of the current agent
	buf            []uint16
	keys           []pageKey // fallback scratch
}

type pageKey struct {
	key  float64
	page uint16
}

func newLiker(c *Catalogue, pop *population.Population) *liker {
	w := &liker{
		c:      c,
		truth:  truthsOf(pop),
		weight: make([]float64, len(c.groups)),
		fg:     make([]float64, len(c.groups)),
		scaled: make([]float64, len(c.groups)),
		gprob:  make([]uint32, len(c.groups)),
		galias: make([]uint16, len(c.groups)),
		small:  make([]uint16, len(c.groups)),
		large:  make([]uint16, len(c.groups)),
		bits:   make([]uint64, (len(c.Pages)+63)/64),
		buf:    make([]uint16, 0, 1024),
	}
	w.r = rand.New(&w.pcg)
	return w
}

// expressed writes agent i's expressed attributes into the factor table:
// f[slot(a, level, ±)] = exp(±β_a·level·z_a). The levels are (3h, h, h)
// (calibration.go), so one exp per attribute serves all of them.
func (w *liker) expressed(i int) {
	for a := range NumAttributes {
		x := w.truth.get(a, i)
		if a.Binary() {
			x = 2*x - 1
		}
		z := rho[a]*x + math.Sqrt(1-rho[a]*rho[a])*w.r.NormFloat64()
		e := math.Exp(beta[a] * weakLevel * z)
		s := slot(a, levelStrong, 1)
		w.f[s], w.f[s+1] = e*e*e, 1/(e*e*e)
		s = slot(a, levelWeak, 1)
		w.f[s], w.f[s+1] = e, 1/e
		s = slot(a, levelSecond, 1)
		w.f[s], w.f[s+1] = e, 1/e
	}
	for k := range NumInterests {
		e := math.Exp(interestBeta * weakLevel * w.r.NormFloat64())
		s := slot(Interest(k), levelStrong, 1)
		w.f[s], w.f[s+1] = e*e*e, 1/(e*e*e)
		s = slot(Interest(k), levelWeak, 1)
		w.f[s], w.f[s+1] = e, 1/e
	}
	w.f[slotOne] = 1
}

// groupAlias builds Vose's (1991) alias table over the agent's group
// weights, so that each like picks its group in O(1): slot g keeps g with
// probability gprob[g]/2³² and otherwise yields galias[g]. Written without
// data-dependent branches (the small/large tests only move counters),
// since with weights near 1 those branches would be unpredictable.
func (w *liker) groupAlias() {
	G := len(w.weight)
	total := 0.0
	for _, v := range w.weight {
		total += v
	}
	scale := float64(G) / total
	small, large := w.small, w.large
	ns, nl := 0, 0
	for g, v := range w.weight {
		s := v * scale
		w.scaled[g] = s
		small[ns], large[nl] = uint16(g), uint16(g)
		b := b2i(s < 1)
		ns += b
		nl += 1 - b
	}
	// Each round finalises the small stack's top sm and takes what it
	// lacks from the large top lg, whose rest r either keeps lg on the
	// large stack or moves it to the small top. Only tops ever change, so
	// every entry below a top still holds its first scaled value: the tops
	// and their values are carried in variables, and the entries below
	// them are loaded before the comparison that chooses among them is
	// known (the loop's critical path is then the arithmetic on r, not a
	// chain of loads). Same rounds, same arithmetic as the textbook loop.
	if ns > 0 && nl > 0 {
		sm, lg := int(small[ns-1]), int(large[nl-1])
		sv, lv := w.scaled[sm], w.scaled[lg]
		for {
			w.gprob[sm] = uint32(sv * (1 << 32)) // sv < 1
			w.galias[sm] = uint16(lg)
			r := lv - (1 - sv)
			small[ns-1] = uint16(lg) // where lg goes if it becomes small
			bs, bl := int(small[max(ns-2, 0)]), int(large[max(nl-2, 0)])
			bsv, blv := w.scaled[bs], w.scaled[bl]
			b := b2i(r < 1)
			ns += b - 1
			nl -= b
			if ns == 0 || nl == 0 {
				break
			}
			m := -b // all ones when lg became small
			sm, lg = bs^((lg^bs)&m), lg^((bl^lg)&m)
			sv, lv = selectFloat(m, r, bsv), selectFloat(m, blv, r)
		}
	}
	for _, g := range small[:ns] {
		w.gprob[g], w.galias[g] = math.MaxUint32, g
	}
	for _, g := range large[:nl] {
		w.gprob[g], w.galias[g] = math.MaxUint32, g
	}
}

// pick returns keep if coin < threshold, else alt, without a branch.
func pick(keep, alt int, coin, threshold uint32) int {
	m := int(int64(uint64(coin)-uint64(threshold)) >> 63) // −1 if coin < threshold, else 0
	return alt ^ ((keep ^ alt) & m)
}

// selectFloat returns a if mask is all ones, b if it is 0, without a
// branch.
func selectFloat(mask int, a, b float64) float64 {
	x, y := math.Float64bits(a), math.Float64bits(b)
	return math.Float64frombits(y ^ ((x ^ y) & uint64(mask)))
}

// b2i is 1 for true and 0 for false (compiled to a flag set, no branch).
func b2i(b bool) int {
	i := 0
	if b {
		i = 1
	}
	return i
}

// agent fills out (len = agent i's like count) with its sorted likes.
func (w *liker) agent(seed uint64, i int, out []uint16) {
	c, L := w.c, len(out)
	P := len(c.Pages)
	if L == 0 {
		return
	}
	if L == P {
		for p := range out {
			out[p] = uint16(p)
		}
		return
	}
	rng.Reseed(&w.pcg, seed, rng.Footprint, uint64(i), 0)
	w.expressed(i)
	for g := range c.groups {
		gr := &c.groups[g]
		w.fg[g] = w.f[gr.f1] * w.f[gr.f2]
		w.weight[g] = gr.pop * w.fg[g]
	}
	w.groupAlias()
	G := uint64(len(c.groups))
	if cap(w.buf) < L {
		w.buf = make([]uint16, 0, 2*L)
	}
	buf := w.buf[:L] // each draw is written at buf[n]
	n := 0           // likes so far: buf[:n]
	maxAttempts := 8*L + 256
	galias, gprob, liked := w.galias, w.gprob, w.bits
	groups, aliasIdx, aliasProb, groupPages := c.groups, c.aliasIdx, c.aliasProb, c.groupPages
	for attempts := 0; n < L; attempts++ {
		if attempts == maxAttempts {
			buf = w.fallback(buf[:n], L)
			n = L
			break
		}
		// One 64-bit draw picks the group with its upper half and the page
		// within the group with its lower half, each through an alias
		// table (index from the high word of u·n, coin from the low word:
		// 32-bit resolution). The coins select with a mask, not a branch:
		// their outcome is unpredictable. A page already liked is drawn
		// again from scratch, which makes the sequence of likes exactly
		// successive sampling; that test is branch-free too (the page is
		// always written at buf[n], n moves on only if it is new).
		x := w.pcg.Uint64()
		gx := (x >> 32) * G
		g := int(gx >> 32)
		g = pick(g, int(galias[g]), uint32(gx), gprob[g])
		gr := &groups[g]
		px := (x & 0xffffffff) * uint64(gr.n)
		j := int(gr.first) + int(px>>32)
		j = pick(j, int(gr.first)+int(aliasIdx[j]), uint32(px), aliasProb[j])
		p := groupPages[j]
		word, shift := p>>6, p&63
		had := liked[word]
		liked[word] = had | 1<<shift
		buf[n] = p
		n += int(^had >> shift & 1)
	}
	buf = buf[:n]
	w.buf = buf
	// Sorted output: scan the bit set when it is short, else sort.
	if len(w.bits) <= 64 {
		k := 0
		for word, b := range w.bits {
			for b != 0 {
				out[k] = uint16(word<<6 | bits.TrailingZeros64(b))
				k++
				b &= b - 1
			}
			w.bits[word] = 0
		}
		return
	}
	copy(out, buf)
	slices.Sort(out)
	for _, p := range buf {
		w.bits[p>>6] = 0
	}
}

// fallback completes the agent's likes when redrawing duplicates has taken
// too long (a heavy liker who has exhausted the popular pages): each page
// not yet liked gets the Efraimidis–Spirakis (2006) key u^(1/weight) and
// the largest keys are taken, which continues the same successive sampling
// exactly. It draws from the agent's own stream, so it is deterministic.
func (w *liker) fallback(buf []uint16, L int) []uint16 {
	c := w.c
	w.keys = w.keys[:0]
	for p := range c.Pages {
		if w.bits[p>>6]&(1<<(p&63)) != 0 {
			continue
		}
		wt := float64(c.Pages[p].Popularity) * w.fg[c.pageGroup[p]]
		u := (float64(w.pcg.Uint64()>>11) + 0.5) * (1.0 / (1 << 53))
		w.keys = append(w.keys, pageKey{math.Log(u) / wt, uint16(p)})
	}
	slices.SortFunc(w.keys, func(a, b pageKey) int {
		switch {
		case a.key > b.key:
			return -1
		case a.key < b.key:
			return 1
		}
		return int(a.page) - int(b.page)
	})
	for _, k := range w.keys[:L-len(buf)] {
		w.bits[k.page>>6] |= 1 << (k.page & 63)
		buf = append(buf, k.page)
	}
	return buf
}
