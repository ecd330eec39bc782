package sim

import (
	"fmt"
	"math"
	"strings"

	"boomerang/sim/footprint"
	"boomerang/sim/population"
	"boomerang/sim/rng"
)

// This file holds relevance (issue 16): how much what the campaign offers
// speaks to each person, from their TRUE attributes (campaign.audience)
// plus individual noise. Relevance multiplies the click rate, the
// conversion per click and the organic conversion hazard: the people who
// would buy anyway are also the ones who respond, which is why naive lifts
// overstate what targeting causes (Farahat & Bailey 2012). Strategies never
// read it; they find relevant people only through what they can see.

// relevanceMaxWeight bounds response.relevance, as the limits tags of the
// audience weights and the noise (sd of log relevance) bound them (a test
// keeps the two equal): e^3 ≈ 20-fold per sd is beyond any targeting lift
// reported (Yan et al. 2009: up to ×6.7 in CTR).
const relevanceMaxWeight = 3

// relevance is the per-person relevance of a world's campaign.
type relevance struct {
	click []float32 // multiplier of click rate and organic hazard; mean one over the population; nil: all 1
	conv  float64   // 1/E[R²]: scales the conversion multiplier R so that it has mean one over broadcast's clicks
	order []int32   // everyone by relevance class (relevanceOrder), for organic.go's blocks; nil: agent order
}

// agentAt returns the j-th person in relevance order (j itself when
// relevance is off).
func (r *relevance) agentAt(j int) int32 {
	if r.order == nil {
		return int32(j)
	}
	return r.order[j]
}

// relevanceClasses is the number of classes relevanceOrder sorts people
// into: bands of 1/8 in ln R (a factor 1.13) from e^−16 to e^16, the
// outermost open-ended.
const relevanceClasses = 256

// relevanceOrder lists everyone by relevance class, in agent order within
// a class (a counting sort: O(N), the same at any worker count), so that
// a block of consecutive people in it has a most relevant member at most
// a factor 1.13 above its least relevant, except where the block spans
// classes.
func relevanceOrder(click []float32) []int32 {
	class := func(v float32) int {
		c := math.Floor(8*math.Log(float64(v))) + relevanceClasses/2
		return int(max(0, min(relevanceClasses-1, c))) // a NaN never occurs: R > 0
	}
	var start [relevanceClasses + 1]int
	for _, v := range click {
		start[class(v)+1]++
	}
	for c := range relevanceClasses {
		start[c+1] += start[c]
	}
	order := make([]int32, len(click))
	for i, v := range click {
		c := class(v)
		order[start[c]] = int32(i)
		start[c]++
	}
	return order
}

// of returns person i's relevance R_i (1 when relevance is off).
func (r *relevance) of(i int32) float64 {
	if r.click == nil {
		return 1
	}
	return float64(r.click[i])
}

// Relevance returns person i's true relevance to the campaign's offer
// (mean one over the population; 1 when relevance is off). For output and
// analysis: strategies must not read it.
func (w *World) Relevance(i int) float64 { return w.rel.of(int32(i)) }

// convOf returns person i's multiplier of conversion per click,
// R_i / E[R²].
func (r *relevance) convOf(i int32) float64 {
	if r.click == nil {
		return 1
	}
	return float64(r.click[i]) * r.conv
}

// newRelevance computes everyone's relevance for the audience a at
// strength lambda (response.relevance): log R_i = λ·(Σ_k w_k·z_k(i) +
// noise·ε_i) − c, where each term z_k is standardised over the population
// and c makes the mean of R exactly one. ε_i is drawn from the stream
// (seed, rng.Relevance, i, 0).
func newRelevance(a AudienceParams, lambda float64, pop *population.Population, seed uint64) relevance {
	n := pop.N
	if lambda == 0 || n == 0 || (a.Noise == 0 && a.AgeWeight == 0 && a.GenderWeight == 0 &&
		a.RegionWeight == 0 && a.InterestWeight == 0 && a.IdeologyWeight == 0) {
		return relevance{conv: 1}
	}
	score := make([]float64, n)
	term := make([]float64, n)
	add := func(w float64, raw func(i int) float64) {
		if w == 0 {
			return
		}
		var sum, sum2 float64
		for i := range n {
			v := raw(i)
			term[i] = v
			sum += v
			sum2 += v * v
		}
		m := sum / float64(n)
		sd := math.Sqrt(math.Max(sum2/float64(n)-m*m, 0))
		if sd < 1e-9 {
			return // the term does not vary: it cannot tell people apart
		}
		for i := range n {
			score[i] += w * (term[i] - m) / sd
		}
	}
	if a.AgePeak > 0 {
		add(a.AgeWeight, func(i int) float64 {
			d := (float64(pop.Age[i]) - a.AgePeak) / a.AgeWidth
			return -d * d / 2
		})
	}
	if g, ok := audienceGender(a.Gender); ok {
		add(a.GenderWeight, func(i int) float64 { return b2f(pop.Gender[i] == g) })
	}
	if a.HomeRegion >= 0 {
		add(a.RegionWeight, func(i int) float64 { return -math.Abs(float64(pop.Region[i]) - float64(a.HomeRegion)) })
	}
	if ks := audienceInterests(a.Interests); len(ks) > 0 && a.InterestWeight > 0 {
		buf := make([]float64, footprint.NumInterests)
		add(a.InterestWeight, func(i int) float64 {
			footprint.TrueInterests(seed, i, buf)
			v := 0.0
			for _, k := range ks {
				v += buf[k]
			}
			return v
		})
	}
	if a.Ideology != 0 {
		add(a.IdeologyWeight, func(i int) float64 {
			party := 2*float64(pop.Party[i]) - 1 // +1 right, −1 left
			return a.Ideology * (float64(pop.Ideology[i]) + party)
		})
	}
	if a.Noise > 0 {
		for i := range n {
			u1 := rng.Float64(seed, rng.Relevance, uint64(i), 0, 0)
			u2 := rng.Float64(seed, rng.Relevance, uint64(i), 0, 1)
			score[i] += a.Noise * boxMuller(u1, u2)
		}
	}
	var sum, sum2 float64
	for i, s := range score {
		e := math.Exp(lambda * s)
		score[i] = e
		sum += e
	}
	mean := sum / float64(n)
	r := relevance{click: make([]float32, n)}
	for i, e := range score {
		v := e / mean
		r.click[i] = float32(v)
		sum2 += v * v
	}
	r.conv = float64(n) / sum2
	r.order = relevanceOrder(r.click)
	return r
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// AudienceGenders are the values campaign.audience.gender takes: empty
// (gender does not matter), women or men.
func AudienceGenders() []string { return []string{"", "women", "men"} }

// audienceGender maps campaign.audience.gender to the population's code.
func audienceGender(s string) (uint8, bool) {
	switch s {
	case "women":
		return 0, true
	case "men":
		return 1, true
	}
	return 0, false
}

// audienceInterests parses the comma-separated interest names (unknown
// names are left out; Validate reports them).
func audienceInterests(s string) []int {
	var ks []int
	for _, name := range strings.Split(s, ",") {
		if k := footprint.InterestIndex(strings.TrimSpace(name)); k >= 0 {
			ks = append(ks, k)
		}
	}
	return ks
}

// checkAudience validates campaign.audience.
func checkAudience(c *Config) error {
	a := &c.Campaign.Audience // the weights and age_width: limits tags, checked by Validate
	switch {
	case !(a.AgePeak == 0 || a.AgePeak >= 13 && a.AgePeak <= 90):
		return bad("campaign.audience.age_peak", a.AgePeak, "must be 0 (age does not matter) or an age from 13 to 90")
	case a.Gender != "" && a.Gender != "women" && a.Gender != "men":
		return bad("campaign.audience.gender", a.Gender, "must be women, men or empty")
	case a.HomeRegion < -1 || a.HomeRegion >= c.Population.Regions:
		return bad("campaign.audience.home_region", a.HomeRegion, "must be -1 (anywhere) or a region from 0 to population.regions - 1 (%d)", c.Population.Regions-1)
	case !(a.Ideology >= -1 && a.Ideology <= 1):
		return bad("campaign.audience.ideology", a.Ideology, "must be between -1 (left) and 1 (right)")
	case !(c.Response.Relevance >= 0 && c.Response.Relevance <= relevanceMaxWeight):
		return bad("response.relevance", c.Response.Relevance, "must be between 0 (off) and %d", relevanceMaxWeight)
	}
	for _, name := range strings.Split(a.Interests, ",") {
		if name = strings.TrimSpace(name); name != "" && footprint.InterestIndex(name) < 0 {
			return bad("campaign.audience.interests", name, "unknown interest (known: %s)", strings.Join(footprint.InterestNames(), ", "))
		}
	}
	return nil
}

// bad is a *FieldError for key.
func bad(key string, v any, format string, a ...any) error {
	return &FieldError{Key: key, Value: v, Msg: fmt.Sprintf(format, a...)}
}
