package population

import "math"

// This file holds every calibration constant of the population, each with
// its source, and derives at start-up (exactly, from the discrete age and
// sex distributions, not by simulation) the coefficients that keep the
// traits standardised and hit the target correlations.
//
// Source labels follow shared LITERATURE.md: [paper] read in the paper,
// [check] remembered or rounded and not yet checked against the source,
// [assumption] a modelling choice without a direct empirical source.

// Age range of the adult population.
const (
	MinAge = 18 // youngest adult; minors (13–17, minors.go) only with Params.MinorsShare > 0
	MaxAge = 90 // oldest agent; people above 90 are not modelled
)

// ageBands is the Dutch adult population by age band on 1 January 2023 in
// thousands, rounded (CBS StatLine table 7461bev) [check]. Within a band
// every year of age is equally likely; the last band holds age 90 alone
// (about one year's worth of the 90+ group), so the pyramid has no spike at
// the cap. Median age ≈ 50, mean ≈ 49.
var ageBands = [...]struct {
	lo, hi    int
	thousands float64
}{
	{18, 19, 440}, {20, 24, 1130}, {25, 29, 1170}, {30, 34, 1120},
	{35, 39, 1090}, {40, 44, 1050}, {45, 49, 1060}, {50, 54, 1240},
	{55, 59, 1290}, {60, 64, 1190}, {65, 69, 1050}, {70, 74, 960},
	{75, 79, 740}, {80, 84, 440}, {85, 89, 240}, {90, 90, 35},
}

// Men are half of every age group up to 65; above it women's longer life
// lowers the male share by 0.64 points a year, to 34 % at 90 (CBS: about a
// third of the over-85s are men) [check]. Overall share of men ≈ 48.5 %.
const (
	maleShareYoung   = 0.50   // P(man) below maleShareFromAge
	maleShareFromAge = 65     // age at which the male share starts to fall
	maleShareSlope   = 0.0064 // fall of P(man) per year above it
)

// Migration background (first or second generation) by age: 34 % at 18,
// falling 0.28 points a year to 14 % at 90; population share ≈ 25 %, close
// to the Dutch figure of about a quarter (CBS 2023) [check]. The younger
// cohorts hold most of the second generation.
const (
	migrantShareAt18 = 0.34
	migrantSlope     = 0.0028
)

// Education is an ordered probit on a latent score −eduAgeLoading·u + noise
// (u standardised age), with cut points solved so that the population is
// 30 % low, 40 % middle, 30 % high (Dutch shares of low/middle/high
// attainment, CBS, rounded [check]). The loading makes younger cohorts more
// highly educated: about 41 % high among the under-35s against 19 % among
// the over-65s (CBS: ≈ 50 % vs ≈ 25 %, the gap narrowed by the students
// of 18–24 who have not finished yet) [assumption].
const (
	eduLowShare   = 0.30
	eduHighShare  = 0.30
	eduAgeLoading = 0.25
)

// Big Five indices into the trait arrays.
const (
	tO = iota // Openness
	tC        // Conscientiousness
	tE        // Extraversion
	tA        // Agreeableness
	tN        // Neuroticism
)

// traitCorr is the correlation of the Big Five among people of the same age
// and sex, order O, C, E, A, N. The values are modest (|r| ≤ .30), follow
// the pattern of the meta-analytic intercorrelations of van der Linden,
// te Nijenhuis & Bakker (2010, J. Res. Pers. 44:315–327, K = 212,
// N = 144,117): Stability (C, A, −N) and Plasticity (E, O) clusters, and
// are rounded towards zero from that table [check: not re-read].
var traitCorr = [5][5]float64{
	//  O     C     E     A     N
	{1.00, 0.14, 0.30, 0.14, -0.10},    // O
	{0.14, 1.00, 0.18, 0.28, -0.26},    // C
	{0.30, 0.18, 1.00, 0.16, -0.22},    // E
	{0.14, 0.28, 0.16, 1.00, -0.24},    // A
	{-0.10, -0.26, -0.22, -0.24, 1.00}, // N
}

// sexD is Cohen's d of women minus men per trait, O, C, E, A, N: Lippa
// (2010, Soc. Personal. Psychol. Compass 4:1098–1110, 53 nations, BBC
// Internet survey): Agreeableness 0.56, Neuroticism 0.41, Extraversion 0.15
// [paper via LITERATURE §8]; Openness and Conscientiousness differences are
// small and set to 0 [assumption].
var sexD = [5]float64{0, 0, 0.15, 0.56, 0.41}

// ageSlope is the change of each trait in sd units per decade of age,
// O, C, E, A, N, applied from 18 up to ageTrendUntil and flat after it.
// Directions from Soto, John, Gosling & Potter (2011, JPSP 100:330–348,
// N = 1.27 M, ages 10–65): Agreeableness and Conscientiousness rise,
// Neuroticism falls, Openness and Extraversion dip slightly [paper via
// LITERATURE §8]; sizes chosen so that 18 → 65 moves A and C by ≈ +0.4 sd,
// N by ≈ −0.3 sd, O and E by ≈ −0.15 sd, the order of Soto's adult curves
// [check]. Flat after 65 because Soto's data end there [assumption].
var ageSlope = [5]float64{-0.03, 0.09, -0.03, 0.09, -0.07}

// ageTrendUntil is the age after which the trait trends stay flat.
const ageTrendUntil = 65

// Ideology targets (correlations with the standardised ideology score,
// + conservative): Openness −.18 and Conscientiousness +.10 (Sibley,
// Osborne & Duckitt 2012, J. Res. Pers. 46:664–677, meta-analysis of 73
// studies) [paper via LITERATURE §8]; age +.10, older slightly more
// conservative (e.g. Peterson, Smith & Hibbing 2020, J. Politics 82:600–611,
// find modest age–conservatism links) [assumption on the size].
const (
	ideologyRO   = -0.18
	ideologyRC   = 0.10
	ideologyRAge = 0.10
)

// Dispositions are logistic functions of linear predictors whose means are
// zero, so each population mean is ≈ 0.5 (the logistic of a zero-mean,
// nearly symmetric variable). Loadings [assumption, directions from the
// cited studies]:
//
//	media literacy  η_M = 0.60·(edu−1) + 0.35·O − 0.35·u_age + 0.80·ε
//	                (more schooling and openness help; older users share
//	                more misinformation: Guess, Nagler & Tucker 2019,
//	                Sci. Adv. 5:eaau4586)
//	susceptibility  η_S = 0.35·A + 0.35·N − 0.50·η_M + 0.80·ε
//	                (agreeable and anxious people yield more; literacy
//	                protects)
//	privacy concern η_P = 0.40·u_age + 0.30·C + 0.90·ε
//	                (older people are more concerned: Goldfarb & Tucker
//	                2012, AER P&P 102:349–353; conscientiousness raises
//	                concern: Junglas, Johnson & Spitzmüller 2008, EJIS
//	                17:387–402 [check])
const (
	mlEdu, mlO, mlAge, mlNoise  = 0.60, 0.35, -0.35, 0.80
	susA, susN, susML, susNoise = 0.35, 0.35, -0.50, 0.80
	privAge, privC, privNoise   = 0.40, 0.30, 0.90
)

// Platform activity (likes per person): median 68, range 1–700 (Kosinski,
// Stillwell & Graepel 2013, PNAS 110:5802) [paper]. The spread is not
// reported there: the sd of log likes is an assumption giving a mean of
// ≈ 125 after clipping and 2.6 % of people at the cap.
const (
	likesMedian = 68
	likesMin    = 1
	likesMax    = 700
	likesLogSD  = 1.2 // [assumption]
	// Loadings of the activity predictor on standardised age, E and O.
	likesAge, likesE, likesO = -0.20, 0.15, 0.10
)

// Likes: log L = ln 68 + likesLogSD·(h + √(1−Var h)·ε) with
// h = −0.20·u_age + 0.15·E + 0.10·O: younger, extraverted and open people
// like more pages (small effects; Kosinski et al. 2014, Mach. Learn.
// 95:357–380, link Facebook activity to extraversion and openness [check]);
// the predictor is centred, so the median stays ≈ 68, and the total sd of
// log likes is likesLogSD exactly. Rounded and clipped to [1, 700].

// Special categories and party (drawn from the agent's second stream; see
// generate.go). Each binary attribute is a probit: the agent has it when
// cut + Σ loading·x + ε > 0, ε ~ N(0, 1), with x the agent's own
// standardised age u, traits, ideology or migration background. The cut
// points are solved exactly (over the age × sex × migration distribution
// and the normal within-cell distribution of the traits) so that the
// population shares hit the targets below.
//
// Religious: 45 % of adults belong to a religious group. CBS "Religie in
// Nederland" reports 49 % of Dutch people aged 15+ in 2019 and lower shares
// since (≈ 42–45 %) [check]. Older people are more often religious (CBS:
// about 6 in 10 of the over-75s against 4 in 10 of the under-25s [check]),
// so are conservatives (religiosity–conservatism links, e.g. Malka et al.
// 2012, Political Psychology 33:275–299 [check]) and people with a
// migration background (many Dutch Muslims are first- or second-generation
// migrants [check]); the loadings' sizes are [assumption]. They give
// about 30 % religious at 18–29 and 62 % at 70+.
const (
	religiousShare = 0.45
	relAge         = 0.30 // per sd of age
	relIdeo        = 0.35 // per sd of ideology (+ conservative)
	relMigrant     = 0.40 // migration background
)

// LGB: 4 % of adults identify as lesbian, gay or bisexual (Dutch survey
// estimates of 4–7 % depending on the question, e.g. SCP's LHBTI monitor
// [check]; the brief's ≈ 4 %). Younger cohorts identify more often (Gallup
// 2024, US: LGBT identification falls steeply from Generation Z to older
// cohorts [check]); a small openness link [assumption]. Loadings
// [assumption]: about 7 % at 18–29 and 1.6 % at 70+.
const (
	lgbShare = 0.04
	lgbAge   = -0.25 // per sd of age
	lgbO     = 0.15  // per sd of openness
)

// Health condition: 30 % of adults have a long-standing (chronic) illness
// or health problem (the brief's ≈ 30 %; Eurostat EHIS 2019 reports about
// a third of Dutch adults with a long-standing illness [check]). It rises
// steeply with age, and neuroticism predicts physical health problems
// (Lahey 2009, American Psychologist 64:241–256 [check]); loadings
// [assumption]: about 10 % at 18–29 and 58 % at 70+.
const (
	healthShare = 0.30
	healthAge   = 0.55 // per sd of age
	healthN     = 0.15 // per sd of neuroticism
)

// Party: a binary preference (like Democrat vs Republican) that follows
// ideology with noise: right when ideology + partyNoise·ε > 0. The latent
// score correlates 1/√(1 + 0.7²) ≈ 0.82 with ideology, the binary party
// ≈ 0.65 (point-biserial), about the strength of the link between
// ideological self-placement and party identification in US election
// studies (r ≈ .6–.7 in recent ANES waves [check]); the noise sd is
// [assumption]. The threshold 0 splits the population about 50/50.
const partyNoise = 0.7

// calib holds everything derived from the constants above.
type calib struct {
	ageCDF    [MaxAge - MinAge + 1]float64 // P(age ≤ MinAge+k)
	pFemale   [MaxAge - MinAge + 1]float64 // P(woman | age)
	pMigrant  [MaxAge - MinAge + 1]float64 // P(migration background | age)
	ageU      [MaxAge - MinAge + 1]float64 // standardised age
	ageG      [MaxAge - MinAge + 1]float64 // trend variable: decades past 18, capped
	eduCut    [2]float64                   // latent cut points low|mid, mid|high
	eduNoise  float64                      // √(1 − loading²)
	chol      [5][5]float64                // Cholesky factor of traitCorr
	sexCoef   [5]float64                   // shift of women (sd units)
	ageCoef   [5]float64                   // shift per unit of ageG
	shiftMean [5]float64                   // population mean of the shifts, subtracted
	scale     [5]float64                   // √(1 − Var(shift)): sd of the person-specific part
	cov       [6][6]float64                // exact covariance of (O, C, E, A, N, u_age)
	ideoBeta  [3]float64                   // ideology loadings on O, C, u_age
	ideoNoise float64                      // sd of ideology's own part
	likesH    [6]float64                   // likes predictor loadings on (O, C, E, A, N, u)
	likesRes  float64                      // √(1 − Var h)
	meanAge   float64
	sdAge     float64
	pWoman    float64 // overall share of women
	religCut  float64 // probit cut points of the special categories
	lgbCut    float64
	healthCut float64
}

var cal = newCalib()

func newCalib() *calib {
	c := &calib{}
	const nAge = MaxAge - MinAge + 1
	var w [nAge]float64
	total := 0.0
	for _, b := range ageBands {
		per := b.thousands / float64(b.hi-b.lo+1)
		for a := b.lo; a <= b.hi; a++ {
			w[a-MinAge] = per
			total += per
		}
	}
	cum := 0.0
	for k := range w {
		w[k] /= total
		cum += w[k]
		c.ageCDF[k] = cum
		age := MinAge + k
		male := maleShareYoung
		if age > maleShareFromAge {
			male -= maleShareSlope * float64(age-maleShareFromAge)
		}
		c.pFemale[k] = 1 - male
		c.pMigrant[k] = migrantShareAt18 - migrantSlope*float64(age-MinAge)
		c.ageG[k] = float64(min(age, ageTrendUntil)-MinAge) / 10
	}
	c.ageCDF[nAge-1] = 1

	// Moments over the age × sex distribution.
	E := func(f func(k int, fem float64) float64) float64 { // E over age and sex
		s := 0.0
		for k := range w {
			s += w[k] * (c.pFemale[k]*f(k, 1) + (1-c.pFemale[k])*f(k, 0))
		}
		return s
	}
	c.meanAge = E(func(k int, _ float64) float64 { return float64(MinAge + k) })
	c.sdAge = math.Sqrt(E(func(k int, _ float64) float64 {
		d := float64(MinAge+k) - c.meanAge
		return d * d
	}))
	for k := range w {
		c.ageU[k] = (float64(MinAge+k) - c.meanAge) / c.sdAge
	}
	pF := E(func(_ int, f float64) float64 { return f })
	c.pWoman = pF
	meanG := E(func(k int, _ float64) float64 { return c.ageG[k] })
	varF := pF * (1 - pF)
	varG := E(func(k int, _ float64) float64 { return sq(c.ageG[k] - meanG) })
	covFG := E(func(k int, f float64) float64 { return (f - pF) * (c.ageG[k] - meanG) })
	covFU := E(func(k int, f float64) float64 { return (f - pF) * c.ageU[k] })
	covGU := E(func(k int, _ float64) float64 { return (c.ageG[k] - meanG) * c.ageU[k] })
	gWomen := E(func(k int, f float64) float64 { return f * c.ageG[k] }) / pF
	gMen := E(func(k int, f float64) float64 { return (1 - f) * c.ageG[k] }) / (1 - pF)

	// Education cut points: solve P(latent < c) = share by bisection.
	c.eduNoise = math.Sqrt(1 - eduAgeLoading*eduAgeLoading)
	share := func(cut float64) float64 {
		return E(func(k int, _ float64) float64 {
			return phi((cut + eduAgeLoading*c.ageU[k]) / c.eduNoise)
		})
	}
	c.eduCut[0] = solve(share, eduLowShare)
	c.eduCut[1] = solve(share, 1-eduHighShare)

	// Big Five: T_k = scale_k·(L z)_k + sexCoef_k·woman + ageCoef_k·g − mean.
	c.chol = cholesky(traitCorr)
	for t := 0; t < 5; t++ {
		// Mean difference women − men that gives pooled-sd Cohen's d:
		// total variance is 1 = within + pF(1−pF)Δ², so d = Δ/√(1 − pF(1−pF)Δ²).
		d := sexD[t]
		delta := d / math.Sqrt(1+varF*d*d)
		c.ageCoef[t] = ageSlope[t]
		// Women are older on average; remove the age part of their gap.
		c.sexCoef[t] = delta - c.ageCoef[t]*(gWomen-gMen)
		c.shiftMean[t] = c.sexCoef[t]*pF + c.ageCoef[t]*meanG
	}
	covShift := func(i, j int) float64 {
		return c.sexCoef[i]*c.sexCoef[j]*varF +
			(c.sexCoef[i]*c.ageCoef[j]+c.ageCoef[i]*c.sexCoef[j])*covFG +
			c.ageCoef[i]*c.ageCoef[j]*varG
	}
	for t := 0; t < 5; t++ {
		c.scale[t] = math.Sqrt(1 - covShift(t, t))
	}
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			c.cov[i][j] = c.scale[i]*c.scale[j]*traitCorr[i][j] + covShift(i, j)
		}
		cu := c.sexCoef[i]*covFU + c.ageCoef[i]*covGU
		c.cov[i][5], c.cov[5][i] = cu, cu
	}
	c.cov[5][5] = 1

	// Ideology = β·(O, C, u) + noise with Cov(ideology, X) = target.
	idx := [3]int{tO, tC, 5}
	var S [3][3]float64
	for i := range idx {
		for j := range idx {
			S[i][j] = c.cov[idx[i]][idx[j]]
		}
	}
	target := [3]float64{ideologyRO, ideologyRC, ideologyRAge}
	c.ideoBeta = solve3(S, target)
	explained := 0.0
	for i := range target {
		explained += c.ideoBeta[i] * target[i]
	}
	c.ideoNoise = math.Sqrt(1 - explained)

	// Likes predictor and its exact variance.
	c.likesH = [6]float64{tO: likesO, tE: likesE, 5: likesAge}
	vh := 0.0
	for i := range 6 {
		for j := range 6 {
			vh += c.likesH[i] * c.likesH[j] * c.cov[i][j]
		}
	}
	c.likesRes = math.Sqrt(1 - vh)

	c.solveSpecial(w[:])
	return c
}

// cellMoments returns, for an agent of age index k and sex fem (1 woman),
// the mean of openness, neuroticism and ideology and their standard
// deviations within that age × sex cell, where the traits are normal.
func (c *calib) cellMoments(k int, fem float64) (mO, mN, mI, sO, sN, sI float64) {
	mean := func(t int) float64 {
		return c.sexCoef[t]*fem + c.ageCoef[t]*c.ageG[k] - c.shiftMean[t]
	}
	mO, mN = mean(tO), mean(tN)
	mI = c.ideoBeta[0]*mO + c.ideoBeta[1]*mean(tC) + c.ideoBeta[2]*c.ageU[k]
	sO, sN = c.scale[tO], c.scale[tN]
	b0, b1, sC := c.ideoBeta[0], c.ideoBeta[1], c.scale[tC]
	vI := b0*b0*sO*sO + b1*b1*sC*sC + 2*b0*b1*sO*sC*traitCorr[tO][tC] + c.ideoNoise*c.ideoNoise
	return mO, mN, mI, sO, sN, math.Sqrt(vI)
}

// solveSpecial solves the probit cut points of the special categories so
// that their exact population shares are the targets: within an age × sex
// (× migration) cell the linear predictor is normal, so
// P = Φ((cut + mean) / √(1 + var)).
func (c *calib) solveSpecial(w []float64) {
	share := func(p func(k int, fem float64) float64) float64 {
		s := 0.0
		for k := range w {
			s += w[k] * (c.pFemale[k]*p(k, 1) + (1-c.pFemale[k])*p(k, 0))
		}
		return s
	}
	c.religCut = solve(func(cut float64) float64 {
		return share(func(k int, fem float64) float64 {
			_, _, mI, _, _, sI := c.cellMoments(k, fem)
			den := math.Sqrt(1 + relIdeo*relIdeo*sI*sI)
			base := cut + relAge*c.ageU[k] + relIdeo*mI
			pm := c.pMigrant[k]
			return pm*phi((base+relMigrant)/den) + (1-pm)*phi(base/den)
		})
	}, religiousShare)
	c.lgbCut = solve(func(cut float64) float64 {
		return share(func(k int, fem float64) float64 {
			mO, _, _, sO, _, _ := c.cellMoments(k, fem)
			return phi((cut + lgbAge*c.ageU[k] + lgbO*mO) / math.Sqrt(1+lgbO*lgbO*sO*sO))
		})
	}, lgbShare)
	c.healthCut = solve(func(cut float64) float64 {
		return share(func(k int, fem float64) float64 {
			_, mN, _, _, sN, _ := c.cellMoments(k, fem)
			return phi((cut + healthAge*c.ageU[k] + healthN*mN) / math.Sqrt(1+healthN*healthN*sN*sN))
		})
	}, healthShare)
}

func sq(x float64) float64 { return x * x }

// phi is the standard normal distribution function.
func phi(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

// solve finds x with f(x) = y for an increasing f by bisection on [−10, 10].
func solve(f func(float64) float64, y float64) float64 {
	lo, hi := -10.0, 10.0
	for range 200 {
		mid := (lo + hi) / 2
		if f(mid) < y {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// cholesky returns the lower-triangular L with L·Lᵀ = a (a positive definite).
func cholesky(a [5][5]float64) [5][5]float64 {
	var l [5][5]float64
	for i := 0; i < 5; i++ {
		for j := 0; j <= i; j++ {
			s := a[i][j]
			for k := 0; k < j; k++ {
				s -= l[i][k] * l[j][k]
			}
			if i == j {
				if s <= 0 {
					panic("population: trait correlation matrix is not positive definite")
				}
				l[i][i] = math.Sqrt(s)
			} else {
				l[i][j] = s / l[j][j]
			}
		}
	}
	return l
}

// solve3 solves S·x = b by Gaussian elimination with partial pivoting.
func solve3(S [3][3]float64, b [3]float64) [3]float64 {
	for col := 0; col < 3; col++ {
		p := col
		for r := col + 1; r < 3; r++ {
			if math.Abs(S[r][col]) > math.Abs(S[p][col]) {
				p = r
			}
		}
		S[col], S[p] = S[p], S[col]
		b[col], b[p] = b[p], b[col]
		for r := col + 1; r < 3; r++ {
			f := S[r][col] / S[col][col]
			for k := col; k < 3; k++ {
				S[r][k] -= f * S[col][k]
			}
			b[r] -= f * b[col]
		}
	}
	var x [3]float64
	for r := 2; r >= 0; r-- {
		s := b[r]
		for k := r + 1; k < 3; k++ {
			s -= S[r][k] * x[k]
		}
		x[r] = s / S[r][r]
	}
	return x
}
