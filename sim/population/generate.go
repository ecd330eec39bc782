package population

import (
	"fmt"
	"math"
	"math/rand/v2"

	"boomerang/sim/limits"
	"boomerang/sim/par"
	"boomerang/sim/rng"
)

// chunkSize is the number of agents a worker takes at a time.
const chunkSize = 8192

// provinces are the twelve Dutch provinces by population on 1 January 2023
// in thousands, rounded (CBS StatLine 37230ned) [check]; with 12 regions,
// region r is provinces[r], so region sizes are as unequal as the
// provinces' (Zuid-Holland 21 %, Zeeland 2 %).
var provinces = [12]struct {
	name      string
	thousands float64
}{
	{"Zuid-Holland", 3800}, {"Noord-Holland", 2950}, {"Noord-Brabant", 2630},
	{"Gelderland", 2140}, {"Utrecht", 1390}, {"Overijssel", 1180},
	{"Limburg", 1120}, {"Friesland", 660}, {"Groningen", 590},
	{"Drenthe", 500}, {"Flevoland", 440}, {"Zeeland", 390},
}

// RegionNames returns a display name per region: the Dutch provinces when
// regions is 12, otherwise "region 1" … "region R".
func RegionNames(regions int) []string {
	names := make([]string, regions)
	for r := range names {
		if regions == len(provinces) {
			names[r] = provinces[r].name
		} else {
			names[r] = fmt.Sprintf("region %d", r+1)
		}
	}
	return names
}

// RegionShares returns the expected share of the population in each region:
// the provinces' shares when regions is 12, otherwise a rank-size (Zipf)
// rule, share ∝ 1/(r+2), so that regions differ in size like cities and
// provinces do (Zipf 1949) [assumption]; one region holds everybody.
func RegionShares(regions int) []float64 {
	w := make([]float64, regions)
	total := 0.0
	for r := range w {
		if regions == len(provinces) {
			w[r] = provinces[r].thousands
		} else {
			w[r] = 1 / float64(r+2)
		}
		total += w[r]
	}
	for r := range w {
		w[r] /= total
	}
	return w
}

// Generate draws a population of p.Size agents in p.Regions regions.
// Agent i's values come only from the stream (seed, rng.Population, i, 0),
// so the result is identical for any workers (≤ 0 means GOMAXPROCS).
func Generate(p Params, seed uint64, workers int) (*Population, error) {
	return GenerateGiven(p, nil, seed, workers)
}

// GenerateGiven is Generate with attributes given by population.file
// (given.go): a given value replaces the drawn one and the later draws
// condition on it; given may be nil. The random draws are the same either
// way, so people without given values are drawn as by Generate.
func GenerateGiven(p Params, given *Given, seed uint64, workers int) (*Population, error) {
	if p.Size < 1 || p.Size > MaxSize {
		return nil, fmt.Errorf("population.size = %d: must be between 1 and %d", p.Size, MaxSize)
	}
	if err := limits.Check(p, "population."); err != nil { // regions, minors_share
		return nil, err
	}
	n := p.Size
	pop := &Population{
		N:                 n,
		Regions:           p.Regions,
		Age:               make([]uint8, n),
		Gender:            make([]uint8, n),
		Region:            make([]uint8, n),
		Education:         make([]uint8, n),
		Migrant:           make([]bool, n),
		Openness:          make([]float32, n),
		Conscientiousness: make([]float32, n),
		Extraversion:      make([]float32, n),
		Agreeableness:     make([]float32, n),
		Neuroticism:       make([]float32, n),
		Ideology:          make([]float32, n),
		Susceptibility:    make([]float32, n),
		MediaLiteracy:     make([]float32, n),
		PrivacyConcern:    make([]float32, n),
		Likes:             make([]int32, n),
		Religious:         make([]bool, n),
		LGB:               make([]bool, n),
		HealthCondition:   make([]bool, n),
		Party:             make([]uint8, n),
	}
	shares := RegionShares(p.Regions)
	regionCDF := make([]float64, len(shares))
	cum := 0.0
	for r, s := range shares {
		cum += s
		regionCDF[r] = cum
	}
	regionCDF[len(regionCDF)-1] = 1

	chunks := (n + chunkSize - 1) / chunkSize
	gens := make([]agentGen, par.Workers(chunks, workers))
	for k := range gens {
		g := &gens[k]
		g.r = rand.New(&g.pcg)
		g.seed, g.pop, g.regionCDF, g.minorsShare, g.given = seed, pop, regionCDF, p.MinorsShare, given
	}
	par.Each(chunks, workers, func(k, c int) {
		hi := min((c+1)*chunkSize, n)
		for i := c * chunkSize; i < hi; i++ {
			gens[k].agent(i)
		}
	})
	return pop, nil
}

// agentGen is one worker's generator; its PCG is reseeded per agent.
type agentGen struct {
	pcg         rand.PCG
	r           *rand.Rand // draws from pcg
	seed        uint64
	pop         *Population
	regionCDF   []float64
	minorsShare float64 // Params.MinorsShare (minors.go)
	given       *Given  // population.file (given.go); nil: everything drawn
}

// agent draws everything about agent i. The order of the draws is part of
// the reproducible result: append new draws at the end, never in between.
func (g *agentGen) agent(i int) {
	reseed(&g.pcg, g.seed, rng.Population, uint64(i))
	r, c, pop := g.r, cal, g.pop

	// Demographics. An adult's age-dependent values come from the
	// calibration tables; a minor (minors.go: only when minors_share > 0,
	// decided on a stream of its own) gets its own, and every draw below is
	// made in the same order either way, so adults are unchanged.
	k := searchCDF(c.ageCDF[:], r.Float64())
	age, u, pFemale, pMigrant, ageG := MinAge+k, c.ageU[k], c.pFemale[k], c.pMigrant[k], c.ageG[k]
	minor := isMinor(g.seed, i, g.minorsShare)
	if minor {
		age, u, pFemale, pMigrant, ageG = minorAge(g.seed, i)
	}
	giv := g.given
	if v, ok := giv.Get(ColAge, i); ok {
		age = int(v)
		u, pFemale, pMigrant, ageG, minor = overrideAge(age)
	}
	woman := r.Float64() < pFemale
	if v, ok := giv.Get(ColGender, i); ok {
		woman = v == 0
	}
	region := searchCDF(g.regionCDF, r.Float64())
	if v, ok := giv.Get(ColRegion, i); ok {
		region = int(v)
	}
	edu := uint8(0)
	switch latent := -eduAgeLoading*u + c.eduNoise*r.NormFloat64(); {
	case latent >= c.eduCut[1]:
		edu = 2
	case latent >= c.eduCut[0]:
		edu = 1
	}
	if minor {
		edu = minorEducation // still at school (minors.go)
	}
	if v, ok := giv.Get(ColEducation, i); ok {
		edu = uint8(v)
	}
	migrant := r.Float64() < pMigrant
	if v, ok := giv.Get(ColMigrant, i); ok {
		migrant = v == 1
	}

	// Big Five: correlated normal person part plus sex and age shifts.
	var z, t [5]float64
	for j := range z {
		z[j] = r.NormFloat64()
	}
	fem := 0.0
	if woman {
		fem = 1
	}
	for j := range t {
		s := 0.0
		for m := 0; m < j; m++ {
			s += c.chol[j][m] * z[m]
		}
		shift := c.sexCoef[j]*fem + c.ageCoef[j]*ageG - c.shiftMean[j]
		if v, ok := giv.Get(ColOpenness+Column(j), i); ok {
			// The normal part that gives the trait its value, so the
			// later traits condition on it through the Cholesky factor.
			z[j] = ((float64(v)-shift)/c.scale[j] - s) / c.chol[j][j]
		}
		s += c.chol[j][j] * z[j]
		t[j] = c.scale[j]*s + shift
		if v, ok := giv.Get(ColOpenness+Column(j), i); ok {
			t[j] = float64(v) // exactly as given, whatever the rounding above
		}
	}

	// Ideology (+ conservative).
	ideo := c.ideoBeta[0]*t[tO] + c.ideoBeta[1]*t[tC] + c.ideoBeta[2]*u + c.ideoNoise*r.NormFloat64()
	if v, ok := giv.Get(ColIdeology, i); ok {
		ideo = float64(v)
	}

	// Dispositions.
	etaM := mlEdu*float64(int(edu)-1) + mlO*t[tO] + mlAge*u + mlNoise*r.NormFloat64()
	if v, ok := giv.Get(ColMediaLiteracy, i); ok {
		etaM = logit(v)
	}
	etaS := susA*t[tA] + susN*t[tN] + susML*etaM + susNoise*r.NormFloat64()
	etaP := privAge*u + privC*t[tC] + privNoise*r.NormFloat64()

	// Platform activity.
	h := c.likesH[tO]*t[tO] + c.likesH[tE]*t[tE] + c.likesH[5]*u
	likes := math.Round(likesMedian * math.Exp(likesLogSD*(h+c.likesRes*r.NormFloat64())))
	likes = max(likesMin, min(likesMax, likes))
	if v, ok := giv.Get(ColLikes, i); ok {
		likes = float64(v)
	}

	pop.Age[i] = uint8(age)
	if !woman {
		pop.Gender[i] = 1
	}
	pop.Region[i] = uint8(region)
	pop.Education[i] = edu
	pop.Migrant[i] = migrant
	pop.Openness[i] = float32(t[tO])
	pop.Conscientiousness[i] = float32(t[tC])
	pop.Extraversion[i] = float32(t[tE])
	pop.Agreeableness[i] = float32(t[tA])
	pop.Neuroticism[i] = float32(t[tN])
	pop.Ideology[i] = float32(ideo)
	pop.MediaLiteracy[i] = logistic(etaM)
	pop.Susceptibility[i] = logistic(etaS)
	pop.PrivacyConcern[i] = logistic(etaP)
	pop.Likes[i] = int32(likes)
	for _, d := range giv.floats(pop) {
		if v, ok := giv.Get(d.c, i); ok {
			d.dst[i] = v
		}
	}

	g.special(i, u, migrant, t, ideo)
}

// special draws the special categories and the party preference of agent
// i from its second stream (seed, rng.Population, i, 1), so that adding
// them left every draw of the first stream — and every earlier attribute —
// unchanged. Each is a probit on the agent's own age, traits and ideology
// (calibration.go). The order of the draws is part of the result: append.
func (g *agentGen) special(i int, u float64, migrant bool, t [5]float64, ideo float64) {
	rng.Reseed(&g.pcg, g.seed, rng.Population, uint64(i), 1)
	r, c, pop := g.r, cal, g.pop
	mig := 0.0
	if migrant {
		mig = 1
	}
	pop.Religious[i] = c.religCut+relAge*u+relIdeo*ideo+relMigrant*mig+r.NormFloat64() > 0
	pop.LGB[i] = c.lgbCut+lgbAge*u+lgbO*t[tO]+r.NormFloat64() > 0
	pop.HealthCondition[i] = c.healthCut+healthAge*u+healthN*t[tN]+r.NormFloat64() > 0
	if ideo+partyNoise*r.NormFloat64() > 0 {
		pop.Party[i] = PartyRight
	}
	for _, d := range g.given.bools(pop) {
		if v, ok := g.given.Get(d.c, i); ok {
			d.dst[i] = v == 1
		}
	}
	if v, ok := g.given.Get(ColParty, i); ok {
		pop.Party[i] = uint8(v)
	}
}

// reseed positions pcg at the start of the stream (seed, purpose, agent, 0):
// the same state as rng.Source(seed, purpose, agent, 0) (a test checks
// this) without allocating a new source per agent.
func reseed(pcg *rand.PCG, seed uint64, purpose rng.Purpose, agent uint64) {
	rng.Reseed(pcg, seed, purpose, agent, 0)
}

// searchCDF returns the first index whose cumulative probability exceeds u.
func searchCDF(cdf []float64, u float64) int {
	lo, hi := 0, len(cdf)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if cdf[mid] > u {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// logistic maps the real line into [0, 1] (float32 rounding may reach the
// end points for |x| > 17, which stays inside the closed interval).
func logistic(x float64) float32 {
	return float32(1 / (1 + math.Exp(-x)))
}
