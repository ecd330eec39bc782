package footprint

import (
	"fmt"
	"math"
	"slices"

	"boomerang/sim/population"
	"boomerang/sim/rng"
)

// LikeBin is a range of likes per person used to report accuracy by data
// volume: the bins of Youyou, Kosinski & Stillwell (2015), the numbers of
// likes a computer needed to match a colleague (10), a friend (70), a
// family member (150) and a spouse (300).
type LikeBin struct {
	Lo, Hi int    // inclusive range of likes
	Label  string // e.g. "11-70"
}

// LikeBins are the five bins 1–10, 11–70, 71–150, 151–300 and > 300.
var LikeBins = [...]LikeBin{
	{1, 10, "1-10"}, {11, 70, "11-70"}, {71, 150, "71-150"}, {151, 300, "151-300"},
	{301, math.MaxInt32, ">300"},
}

// NumLikeBins is the number of like bins.
const NumLikeBins = len(LikeBins)

// likeBin returns the bin of a person with n likes.
func likeBin(n int) int {
	for b := range LikeBins {
		if n <= LikeBins[b].Hi {
			return b
		}
	}
	return NumLikeBins - 1
}

// Model is a trained inference model collapsed to per-page weights: for a
// person with likes ℓ (L = |ℓ| pages) the score of attribute a is
//
//	s_a = Intercept[a] + Σ_{p∈ℓ} Weights[p·NumAttributes + a] / (L + 50)
//
// which is exactly the ridge regression on the person's SVD component
// scores (w = D·V·β, with the centring folded into the intercept).
// Numeric attributes are inferred as s_a; binary ones as the probability
// logistic(LinkA[a] + LinkB[a]·s_a).
type Model struct {
	Pages      int
	Weights    []float32 // Pages × NumAttributes, page-major
	Intercept  [NumAttributes]float64
	LinkA      [NumAttributes]float64 // binary attributes: logistic link
	LinkB      [NumAttributes]float64
	Lambda     [NumAttributes]float64 // ridge penalty chosen by cross-validation
	CV         [NumAttributes]float64 // cross-validated r (numeric) or AUC (binary) on the quiz takers
	Usable     [NumAttributes]bool    // CV r ≥ 0.1 / AUC ≥ 0.6: counts as an attribute inferred
	Components int                    // SVD components used (k)
	Explained  float64                // share of the like matrix's variance the k components hold
	SVDUsers   int                    // users in the SVD sample
	QuizTakers int                    // users the regressions were trained on

	// BinConfidence is the cross-validated mean Big Five r on the quiz
	// takers per like bin, made non-decreasing (isotonic) and clamped to
	// [0, 1]: each profiled person's Confidence.
	BinConfidence [NumLikeBins]float64
}

// Thresholds for an attribute to count as inferred (Model.Usable).
const (
	usableR   = 0.10
	usableAUC = 0.60
)

// minTrainQuiz is the fewest actual quiz takers Train accepts.
const minTrainQuiz = 20

// cvFolds is the number of cross-validation folds (Kosinski et al. 2013 and
// Youyou et al. 2015 both used 10-fold cross-validation).
const cvFolds = 10

// ridgeGrid is the number of ridge penalties tried, spaced by √10 from
// 10⁻⁴ to 10⁴ times the mean component variance.
const ridgeGrid = 17

// minBinQuiz is the fewest quiz takers in a like bin for its own
// cross-validated r; sparser bins borrow from their neighbours.
const minBinQuiz = 10

// Train fits the inference model (Kosinski, Stillwell & Graepel 2013).
//
// Unsupervised part: the first k components of a truncated SVD of the like
// matrix of visible users — all quiz takers plus a hashed random sample of
// the other visible users, at most 20,000 in all (the SVD needs no labels,
// so the operator may use everybody it sees; the sample bounds the cost).
// A person's row weighs each like 1/(L + 50), L the person's likes (a
// posterior-mean-like shrinkage: few likes, little evidence); each page's
// column is divided by the square root of its share of likers, as in
// correspondence analysis; columns are centred. Randomised subspace
// iteration (Halko, Martinsson & Tropp 2011) finds the components.
//
// Supervised part, on the quiz takers only (their true attributes): ridge
// regression of every attribute on the component scores, the penalty
// chosen per attribute by 10-fold cross-validation over a grid (Kosinski
// et al. 2013 and Youyou et al. 2015 both used 10-fold cross-validation).
// Binary attributes are regressed as 0/1 (a ridge linear discriminant)
// and then given a logistic link fitted to their cross-validated scores —
// a one-dimensional logistic regression (Platt 1999) instead of a logistic
// regression on all k components, which would cost ~100 Newton fits per
// attribute for the cross-validation. k = p.EffectiveComponents(quiz
// takers).
func Train(p Params, likes *Likes, vis *Visibility, pop *population.Population, seed uint64, workers int) (*Model, error) {
	quiz := vis.QuizTakers
	nq := len(quiz)
	if nq < minTrainQuiz {
		return nil, fmt.Errorf("data.quiz_share = %v: only %d people took the quiz; training needs at least %d", p.QuizShare, nq, minTrainQuiz)
	}
	P := p.Pages

	// SVD sample: quiz takers plus visible others, hashed.
	others := 0
	for i := range pop.N {
		if vis.Visible(i) && !vis.Quiz(i) {
			others++
		}
	}
	frac := 1.0
	if others > 0 {
		frac = min(1, float64(max(0, svdSampleMax-nq))/float64(others))
	}
	users := make([]int32, 0, min(pop.N, svdSampleMax+nq))
	for i := range pop.N {
		if vis.Quiz(i) || (vis.Visible(i) && rng.Float64(seed, rng.Inference, uint64(i), 1, 0) < frac) {
			users = append(users, int32(i))
		}
	}
	lm := newLikeMatrix(likes, users, P)
	k := p.EffectiveComponents(nq)
	V, k, variance := lm.topComponents(k, seed, workers)
	m := &Model{Pages: P, Components: k, SVDUsers: len(users), QuizTakers: nq}
	for _, v := range variance {
		m.Explained += v
	}
	if lm.total > 0 {
		m.Explained /= lm.total
	}

	// Quiz takers' component scores and true attributes.
	rows := make([][]uint16, nq)
	for j, q := range quiz {
		rows[j] = likes.Of(int(q))
	}
	F := lm.features(rows, V, k)
	const A = int(NumAttributes)
	Y := make([]float64, nq*A)
	for j, q := range quiz {
		for a := range NumAttributes {
			Y[j*A+int(a)] = truth(pop, a, int(q))
		}
	}

	// Folds: quiz takers in hashed order, dealt round-robin.
	order := make([]int, nq)
	for j := range order {
		order[j] = j
	}
	key := func(j int) uint64 { return rng.Uint64(seed, rng.Inference, uint64(quiz[j]), 3, 0) }
	slices.SortFunc(order, func(a, b int) int {
		ka, kb := key(a), key(b)
		switch {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return a - b
	})
	folds := min(cvFolds, nq)
	fold := make([]int, nq)
	for rank, j := range order {
		fold[j] = rank % folds
	}

	all := make([]int, nq)
	for j := range all {
		all[j] = j
	}
	full := newRidge(F, Y, all, k, A)
	base := 0.0
	for _, v := range full.vals {
		base += v
	}
	base /= float64(max(1, k))
	if base <= 0 {
		base = 1
	}
	lambdas := make([]float64, ridgeGrid)
	for g := range lambdas {
		lambdas[g] = base * math.Pow(10, float64(g-(ridgeGrid-1)/2)/2)
	}

	// Cross-validation: out-of-fold predictions for every penalty.
	oof := make([]float64, ridgeGrid*A*nq) // [g][a][j]
	sse := make([]float64, ridgeGrid*A)
	for f := range folds {
		var train, test []int
		for j := range nq {
			if fold[j] == f {
				test = append(test, j)
			} else {
				train = append(train, j)
			}
		}
		d := newRidge(F, Y, train, k, A)
		for g, lam := range lambdas {
			for a := range A {
				b := d.beta(a, lam)
				for _, j := range test {
					y := d.predict(F[j*k:(j+1)*k], a, b)
					oof[(g*A+a)*nq+j] = y
					e := y - Y[j*A+a]
					sse[g*A+a] += e * e
				}
			}
		}
	}

	// Best penalty per attribute (ties go to the larger penalty).
	best := [NumAttributes]int{}
	for a := range A {
		bg := ridgeGrid - 1
		for g := ridgeGrid - 2; g >= 0; g-- {
			if sse[g*A+a] < sse[bg*A+a] {
				bg = g
			}
		}
		best[a] = bg
		m.Lambda[a] = lambdas[bg]
	}

	// Final fit on all quiz takers, collapsed to page weights.
	mv := make([]float64, k) // meanᵀ·V
	for p := range P {
		for j := range k {
			mv[j] += lm.mean[p] * V[p*k+j]
		}
	}
	m.Weights = make([]float32, P*A)
	for a := range A {
		b := full.beta(a, m.Lambda[a])
		icpt := full.ybar[a]
		for j := range k {
			icpt -= (full.fbar[j] + mv[j]) * b[j]
		}
		m.Intercept[a] = icpt
		for p := range P {
			s := 0.0
			for j := range k {
				s += V[p*k+j] * b[j]
			}
			m.Weights[p*A+a] = float32(lm.colScale[p] * s)
		}
	}

	// Cross-validated accuracy, links and usability.
	ys := make([]float64, nq)
	lab := make([]bool, nq)
	for a := range NumAttributes {
		cv := oof[(best[a]*A+int(a))*nq : (best[a]*A+int(a)+1)*nq]
		for j := range nq {
			ys[j] = Y[j*A+int(a)]
			lab[j] = ys[j] == 1
		}
		if a.Binary() {
			m.CV[a] = auc(cv, lab)
			m.LinkA[a], m.LinkB[a] = fitLink(cv, lab)
			if !(m.LinkB[a] > 0) || !(m.CV[a] > 0.5) {
				// No usable signal (typically a rare attribute with a handful
				// of positives among the quiz takers, where held-out
				// positives score low because the training mean drops
				// without them): infer the base rate for everyone rather
				// than a reversed ranking.
				m.LinkA[a], m.LinkB[a] = fitLink(make([]float64, nq), lab)
				m.LinkB[a] = 0
			}
			m.Usable[a] = m.CV[a] >= usableAUC
		} else {
			m.CV[a] = pearson(cv, ys)
			m.Usable[a] = m.CV[a] >= usableR
		}
	}
	m.binConfidence(quiz, likes, Y, oof, best, nq)
	return m, nil
}

// binConfidence fills BinConfidence from the quiz takers' out-of-fold
// predictions.
func (m *Model) binConfidence(quiz []int32, likes *Likes, Y, oof []float64, best [NumAttributes]int, nq int) {
	const A = int(NumAttributes)
	var r, w [NumLikeBins]float64
	overall := 0.0
	for _, a := range BigFive {
		overall += m.CV[a] / 5
	}
	if math.IsNaN(overall) {
		overall = 0
	}
	for b := range NumLikeBins {
		var idx []int
		for j, q := range quiz {
			if likeBin(likes.Count(int(q))) == b {
				idx = append(idx, j)
			}
		}
		r[b], w[b] = math.NaN(), 0.5
		if len(idx) < minBinQuiz {
			continue
		}
		x, y := make([]float64, len(idx)), make([]float64, len(idx))
		s := 0.0
		for _, a := range BigFive {
			for t, j := range idx {
				x[t] = oof[(best[a]*A+int(a))*nq+j]
				y[t] = Y[j*A+int(a)]
			}
			s += pearson(x, y) / 5
		}
		if !math.IsNaN(s) {
			r[b], w[b] = s, float64(len(idx))
		}
	}
	// Sparse bins take the nearest bin below, else above, else the overall r.
	for b := range NumLikeBins {
		if !math.IsNaN(r[b]) {
			continue
		}
		r[b] = overall
		for d := 1; d < NumLikeBins; d++ {
			if b-d >= 0 && !math.IsNaN(r[b-d]) && w[b-d] > 0.5 {
				r[b] = r[b-d]
				break
			}
			if b+d < NumLikeBins && !math.IsNaN(r[b+d]) && w[b+d] > 0.5 {
				r[b] = r[b+d]
				break
			}
		}
	}
	iso := isotonic(r[:], w[:])
	for b := range NumLikeBins {
		m.BinConfidence[b] = max(0, min(1, iso[b]))
	}
}

// ridge is one ridge-regression design: the centred cross-products of the
// features F (rows idx, k columns) and targets Y (A columns), with the
// eigendecomposition of FᵀF so every penalty costs only O(k²).
type ridge struct {
	k, A       int
	fbar, ybar []float64
	vals, vecs []float64 // eigen of Σ (f−f̄)(f−f̄)ᵀ
	rt         []float64 // vecsᵀ · Σ (f−f̄)(y−ȳ)ᵀ, k × A
}

func newRidge(F, Y []float64, idx []int, k, A int) *ridge {
	d := &ridge{k: k, A: A, fbar: make([]float64, k), ybar: make([]float64, A)}
	n := float64(len(idx))
	for _, j := range idx {
		for c := range k {
			d.fbar[c] += F[j*k+c] / n
		}
		for a := range A {
			d.ybar[a] += Y[j*A+a] / n
		}
	}
	fc := make([]float64, len(idx)*k)
	yc := make([]float64, len(idx)*A)
	for t, j := range idx {
		for c := range k {
			fc[t*k+c] = F[j*k+c] - d.fbar[c]
		}
		for a := range A {
			yc[t*A+a] = Y[j*A+a] - d.ybar[a]
		}
	}
	d.vals, d.vecs = eigSym(gram(fc, len(idx), k), k)
	r := make([]float64, k*A) // fcᵀ·yc
	for t := range idx {
		for c := range k {
			x := fc[t*k+c]
			for a := range A {
				r[c*A+a] += x * yc[t*A+a]
			}
		}
	}
	d.rt = make([]float64, k*A)
	for e := range k {
		for c := range k {
			q := d.vecs[c*k+e]
			for a := range A {
				d.rt[e*A+a] += q * r[c*A+a]
			}
		}
	}
	return d
}

// beta returns the ridge coefficients of attribute a at penalty lam:
// Q·diag(1/(λ_e + lam))·Qᵀ·Fᵀy.
func (d *ridge) beta(a int, lam float64) []float64 {
	k := d.k
	b := make([]float64, k)
	for e := range k {
		s := d.rt[e*d.A+a] / (max(d.vals[e], 0) + lam)
		for c := range k {
			b[c] += d.vecs[c*k+e] * s
		}
	}
	return b
}

// predict returns ȳ_a + (f − f̄)·b.
func (d *ridge) predict(f []float64, a int, b []float64) float64 {
	y := d.ybar[a]
	for c, x := range f {
		y += (x - d.fbar[c]) * b[c]
	}
	return y
}

// Score writes the raw scores s_a of a person with the given likes.
func (m *Model) Score(likes []uint16, out *[NumAttributes]float64) {
	const A = int(NumAttributes)
	var s [NumAttributes]float64
	for _, p := range likes {
		w := m.Weights[int(p)*A : int(p)*A+A]
		for a := range s {
			s[a] += float64(w[a])
		}
	}
	rs := rowScale(len(likes))
	for a := range s {
		out[a] = m.Intercept[a] + rs*s[a]
	}
}

// Predict writes the inferred attributes of a person with the given likes:
// numeric attributes on the standardised scale, binary ones as
// probabilities. It is how the operator profiles anyone it sees, and what
// the app's "someone like me" view calls.
func (m *Model) Predict(likes []uint16, out *[NumAttributes]float32) {
	var s [NumAttributes]float64
	m.Score(likes, &s)
	for a := range NumAttributes {
		if a.Binary() {
			out[a] = float32(logistic(m.LinkA[a] + m.LinkB[a]*s[a]))
		} else {
			out[a] = float32(s[a])
		}
	}
}

// Confidence returns the confidence of a profile built from n likes: the
// cross-validated mean Big Five r of the quiz takers in n's like bin.
func (m *Model) Confidence(n int) float64 { return m.BinConfidence[likeBin(n)] }
