package network

import (
	"math"
	"math/bits"
	"slices"
)

// random proposes an Erdős–Rényi G(n, p) graph with p = degree/(n−1)
// (Erdős & Rényi 1959; Gilbert 1959). Agent i decides about every higher
// numbered agent j > i, each independently with probability p, by jumping
// over the agents it does not tie to with geometric skips (Batagelj &
// Brandes 2005): O(n + edges) work in total, one uniform draw per tie.
func (b *builder) random(degree float64) {
	n := b.n
	p := min(1, degree/float64(n-1))
	rate := -1 / math.Log1p(-p) // 1/λ, λ = −log(1−p); 0 when p = 1
	b.propose(func(lo, hi int) int {
		// Σ_{i=lo}^{hi−1} (n−1−i)·p, plus slack.
		s := float64(hi-lo) * (float64(n-1) - float64(lo+hi-1)/2) * p
		return int(1.05*s + 4*math.Sqrt(s))
	}, func(s *stream, i int, dst []int32) []int32 {
		if p >= 1 {
			for j := i + 1; j < n; j++ {
				dst = append(dst, int32(j))
			}
			return dst
		}
		for j := i; ; {
			// Agents skipped before the next tie: Geometric(p), as
			// ⌊E/λ⌋ with E ~ Exp(1), λ = −log(1−p).
			skip := math.Floor(s.r.ExpFloat64() * rate)
			if skip >= float64(n-1-j) {
				return dst
			}
			j += 1 + int(skip)
			dst = append(dst, int32(j))
		}
	})
}

// maxRewireTries bounds the search for a new end of a rewired tie; a tie
// whose search fails (only possible in tiny, nearly complete graphs) stays
// on the lattice.
const maxRewireTries = 64

// smallWorld proposes a Watts–Strogatz (1998) graph: a ring lattice in
// which every agent ties to its k/2 nearest neighbours on each side,
// k = round(degree) (at least 1), then every lattice tie (i, i+s) is rewired with
// probability rewire: its far end is replaced by a uniform random agent that
// is not i, not within i's lattice neighbourhood and not already tied to i
// by i's own ties. For odd k every even-numbered agent adds one tie to the
// agent (k+1)/2 places on, so the mean degree is still k (≈ k for odd n).
func (b *builder) smallWorld(degree, rewire float64) {
	n := b.n
	k := max(1, min(int(math.Round(degree)), n-1))
	half, odd := k/2, k%2 == 1
	reach := half // largest lattice offset
	if odd {
		reach++
	}
	b.propose(func(lo, hi int) int { return (hi - lo) * reach }, func(s *stream, i int, dst []int32) []int32 {
		start := len(dst)
		m := half
		if odd && i%2 == 0 {
			m++
		}
		for off := 1; off <= m; off++ {
			j := i + off
			if j >= n {
				j -= n
			}
			if rewire > 0 && s.r.Float64() < rewire {
				for range maxRewireTries {
					c := s.r.IntN(n)
					if ringDistance(i, c, n) > reach && !slices.Contains(dst[start:], int32(c)) {
						j = c
						break
					}
				}
			}
			dst = append(dst, int32(j))
		}
		return dst
	})
}

// ringDistance is the distance between i and j on a ring of n.
func ringDistance(i, j, n int) int {
	d := i - j
	if d < 0 {
		d = -d
	}
	return min(d, n-d)
}

// Homophilous tie formation: the position key's jitter and the spread of
// local ties.
const (
	// ideologyJitter (sd, in ideology sd units) and ageJitter (sd in years)
	// blur the sort key, so that close positions are similar, not identical
	// people: with them, the ends of local ties correlate ≈ .7 in ideology
	// and ≈ .8 in age (homophily 1, measured) [assumption].
	ideologyJitter = 0.5
	ageJitter      = 8.0
	// localGap is the mean gap between successive local ties in the sort
	// order: an agent's forward local ties fall within about 2·localGap·m
	// positions (m local ties), which gives lattice-like clustering.
	localGap = 2.0
)

// homophilous proposes a network in which ties are more likely between
// similar people, with mean degree ≈ degree.
//
// Every agent gets a position key: region first, then a Hilbert-curve index
// (Hilbert 1891) of (ideology quantile, age), each blurred by jitter, so
// that agents close in the sorted order are from the same region and
// similar in ideology and age along both dimensions at once. Each agent
// proposes degree/2 ties (the fraction by a Bernoulli draw); each is, with
// probability homophily, a local tie to an agent ahead of it in the order
// (offsets: cumulated geometric gaps of mean localGap, so distinct and
// mostly close), otherwise a tie to a uniform random agent (McPherson,
// Smith-Lovin & Cook 2001: homophily as a bias in whom one meets). The
// order is a ring, so the last agents tie to the first.
//
// homophily = 0 gives a random graph (degrees near Poisson around the
// minimum of degree/2); homophily = 1 only local ties. Cost: one sort of n
// keys plus O(n·degree).
func (b *builder) homophilous(degree, homophily float64, a Attributes) {
	n := b.n
	idxBits := bits.Len(uint(n - 1))
	coordBits := min(16, (64-6-idxBits)/2)
	keys := make([]uint64, n)
	scale := float64(uint64(1) << coordBits)
	jitterSD := math.Sqrt(1 + ideologyJitter*ideologyJitter)
	streams := make([]*stream, b.workers)
	for w := range streams {
		streams[w] = newStream()
	}
	b.parallel((n+chunkSize-1)/chunkSize, func(w, c int) {
		s := streams[w]
		for i := c * chunkSize; i < min((c+1)*chunkSize, n); i++ {
			s.reset(b.seed, i)
			e1, e2 := s.r.NormFloat64(), s.r.NormFloat64()
			x := phi((float64(a.Ideology[i]) + ideologyJitter*e1) / jitterSD)
			y := (float64(a.Age[i]) - 17.5 + ageJitter*e2) / 74
			xq := uint32(min(scale-1, max(0, x*scale)))
			yq := uint32(min(scale-1, max(0, y*scale)))
			keys[i] = uint64(a.Region[i])<<58 | hilbert(xq, yq, coordBits)<<idxBits | uint64(i)
		}
	})
	slices.Sort(keys)
	// order: position → agent; rank: agent → position. Proposals run in
	// agent order, so each agent's own ties land in consecutive memory.
	order := make([]int32, n)
	rank := make([]int32, n)
	mask := uint64(1)<<idxBits - 1
	for p, k := range keys {
		order[p] = int32(k & mask)
		rank[k&mask] = int32(p)
	}
	keys = nil

	half := degree / 2
	base := math.Floor(half)
	frac := half - base
	gapRate := -1 / math.Log1p(-1/localGap) // geometric gaps of mean localGap
	b.propose(func(lo, hi int) int { return (hi - lo) * int(base+1) }, func(s *stream, i int, dst []int32) []int32 {
		p := int(rank[i])
		s.r.NormFloat64() // the two draws of the position key
		s.r.NormFloat64()
		m := int(base)
		if frac > 0 && s.r.Float64() < frac {
			m++
		}
		off := 0
		for range m {
			if s.r.Float64() < homophily {
				off += 1 + int(s.r.ExpFloat64()*gapRate)
				if off >= n {
					continue // a tiny population has no room ahead
				}
				q := p + off
				if q >= n {
					q -= n
				}
				dst = append(dst, order[q])
			} else {
				j := s.r.IntN(n - 1)
				if j >= i {
					j++
				}
				dst = append(dst, int32(j))
			}
		}
		return dst
	})
}

// phi is the standard normal distribution function.
func phi(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

// hilbert returns the index of cell (x, y) along the Hilbert curve that
// fills a 2^order × 2^order grid, so that cells close on the curve are
// close in the plane.
func hilbert(x, y uint32, order int) uint64 {
	// Wikipedia's xy2d (after Hilbert 1891), written without branches: the
	// quadrant bits are data-dependent, so branches would mispredict.
	var d uint64
	full := uint32(1)<<order - 1
	for i := order - 1; i >= 0; i-- {
		rx := (x >> i) & 1
		ry := (y >> i) & 1
		d += uint64(1) << (2 * i) * uint64((3*rx)^ry)
		flip := -(rx & (ry ^ 1)) & full // all ones when rx = 1, ry = 0
		x ^= flip
		y ^= flip
		swap := (x ^ y) & -(ry ^ 1) // swap x and y when ry = 0
		x ^= swap
		y ^= swap
	}
	return d
}
