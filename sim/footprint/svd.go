package footprint

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"boomerang/sim/rng"
)

// likeMatrix is the SVD sample as a sparse matrix X̃ with rows = sampled
// users, columns = pages: X̃[r,p] = rowScale[r]·colScale[p] if user r likes
// p, else 0 (rowScale = 1/(likes + 50), colScale = 1/√(share of users who like
// the page), as in correspondence analysis), minus the column mean mean[p] (the matrix is centred, so its
// SVD is a principal component analysis). It keeps both orientations, rows
// (the users' like lists) and columns (page → users), so that both X̃·Z and
// X̃ᵀ·Y are computed output row by output row: parallel and deterministic.
type likeMatrix struct {
	P        int
	rows     [][]uint16 // liked pages of each sampled user
	rowScale []float64  // rowScale(likes)
	colScale []float64
	mean     []float64
	colOff   []int64 // column p holds sample rows colRows[colOff[p]:colOff[p+1]]
	colRows  []int32
	total    float64 // total variance Σ_p Var(X̃[:,p])
}

// rowScale is the weight of each like of a person with n likes. With
// 1/(n + rowPrior) the sum over likes behaves like a posterior mean: a
// person with few likes is shrunk towards the average (little evidence),
// one with many gets the mean of their pages' weights. That is the shape of
// the Bayes estimate of a trait from n independent, equally informative
// likes, E[θ | likes] ∝ Σ evidence / (n + σ²/κ²) [assumption on the prior
// count].
func rowScale(n int) float64 { return 1 / (float64(n) + rowPrior) }

// rowPrior is the prior weight, in likes, of rowScale [assumption]: about
// where a person's likes start to say more than the population average
// (Youyou et al. 2015: ~10 likes beat a colleague, ~70 a friend).
const rowPrior = 50

// newLikeMatrix builds the matrix for the sampled users.
func newLikeMatrix(likes *Likes, users []int32, P int) *likeMatrix {
	m := &likeMatrix{P: P, rows: make([][]uint16, len(users)), rowScale: make([]float64, len(users)),
		colScale: make([]float64, P), mean: make([]float64, P), colOff: make([]int64, P+1)}
	for r, u := range users {
		m.rows[r] = likes.Of(int(u))
		m.rowScale[r] = rowScale(len(m.rows[r]))
		for _, p := range m.rows[r] {
			m.colOff[p+1]++
		}
	}
	for p := range P {
		m.colOff[p+1] += m.colOff[p]
	}
	m.colRows = make([]int32, m.colOff[P])
	fill := append([]int64(nil), m.colOff[:P]...)
	for r, row := range m.rows {
		for _, p := range row {
			m.colRows[fill[p]] = int32(r)
			fill[p]++
		}
	}
	S := float64(len(users))
	for p := range P {
		// Column scaling as in correspondence analysis: a page liked by a
		// share f of the sample is divided by √f, so popular and rare
		// pages carry comparable noise and the SVD is not dominated by the
		// most popular pages (1/S keeps never-liked pages finite).
		freq := float64(m.colOff[p+1]-m.colOff[p]) / S
		m.colScale[p] = 1 / math.Sqrt(freq+1.0/S)
	}
	// Column means and total variance.
	sumSq := 0.0
	for r, row := range m.rows {
		for _, p := range row {
			x := m.rowScale[r] * m.colScale[p]
			m.mean[p] += x
			sumSq += x * x
		}
	}
	m.total = sumSq / S
	for p := range P {
		m.mean[p] /= S
		m.total -= m.mean[p] * m.mean[p]
	}
	return m
}

// mulRows returns X̃·Z (rows × c) for Z (P × c, row-major).
func (m *likeMatrix) mulRows(z []float64, c, workers int) []float64 {
	zs := make([]float64, len(z)) // colScale folded into Z
	mz := make([]float64, c)      // meanᵀ·Z
	for p := range m.P {
		for j := range c {
			zs[p*c+j] = m.colScale[p] * z[p*c+j]
			mz[j] += m.mean[p] * z[p*c+j]
		}
	}
	out := make([]float64, len(m.rows)*c)
	forChunks(len(m.rows), sparseChunkRows, workers, func() struct{} { return struct{}{} }, func(_ struct{}, lo, hi int) {
		for r := lo; r < hi; r++ {
			o := out[r*c : (r+1)*c]
			for _, p := range m.rows[r] {
				for j, v := range zs[int(p)*c : int(p)*c+c] {
					o[j] += v
				}
			}
			s := m.rowScale[r]
			for j := range o {
				o[j] = s*o[j] - mz[j]
			}
		}
	})
	return out
}

// mulCols returns X̃ᵀ·Y (P × c) for Y (rows × c, row-major).
func (m *likeMatrix) mulCols(y []float64, c, workers int) []float64 {
	ys := make([]float64, len(y)) // rowScale folded into Y
	sum := make([]float64, c)     // 1ᵀ·Y
	for r := range m.rows {
		for j := range c {
			ys[r*c+j] = m.rowScale[r] * y[r*c+j]
			sum[j] += y[r*c+j]
		}
	}
	out := make([]float64, m.P*c)
	forChunks(m.P, 64, workers, func() struct{} { return struct{}{} }, func(_ struct{}, lo, hi int) {
		for p := lo; p < hi; p++ {
			o := out[p*c : (p+1)*c]
			for _, r := range m.colRows[m.colOff[p]:m.colOff[p+1]] {
				for j, v := range ys[int(r)*c : int(r)*c+c] {
					o[j] += v
				}
			}
			s, mu := m.colScale[p], m.mean[p]
			for j := range o {
				o[j] = s*o[j] - mu*sum[j]
			}
		}
	})
	return out
}

// Randomised SVD settings (Halko, Martinsson & Tropp 2011, SIAM Review
// 53:217–288): oversampling, and power (subspace) iterations on the
// sparse path and on the dense covariance path.
const (
	svdOversample   = 10
	svdPowerIters   = 4
	gramPowerIters  = 12
	gramMaxPages    = 2048 // up to this many pages the P×P covariance is formed
	gramChunkPages  = 16
	sparseChunkRows = 256
)

// topComponents returns the first k right singular vectors of X̃ (P × k',
// row-major, k' ≤ k if the matrix has lower rank) and the variance each
// explains, by randomised subspace iteration from a Gaussian start drawn
// from the stream (seed, rng.Inference, 0, 2), finished by the exact
// eigenvectors of the projected covariance (Rayleigh–Ritz). Up to
// gramMaxPages pages the covariance X̃ᵀX̃/S is formed once (cost Σ likes²
// over the sample) and iterated densely, which makes many iterations
// cheap and the components essentially exact; larger catalogues iterate
// on the sparse matrix.
func (m *likeMatrix) topComponents(k int, seed uint64, workers int) (v []float64, kk int, variance []float64) {
	S := len(m.rows)
	l := min(k+svdOversample, m.P, S)
	r := rng.New(seed, rng.Inference, 0, 2)
	z := make([]float64, m.P*l)
	for i := range z {
		z[i] = r.NormFloat64()
	}
	z, l = orthonormalize(z, m.P, l)
	var c []float64 // l × l projected covariance
	if m.P <= gramMaxPages {
		cov := mat.NewDense(m.P, m.P, m.covariance(workers))
		for range gramPowerIters {
			var cz mat.Dense
			cz.Mul(cov, mat.NewDense(m.P, l, z))
			z, l = orthonormalize(cz.RawMatrix().Data, m.P, l)
		}
		var cz mat.Dense
		cz.Mul(cov, mat.NewDense(m.P, l, z))
		c = mul(transpose(z, m.P, l), cz.RawMatrix().Data, l, m.P, l)
	} else {
		for range svdPowerIters {
			z, l = orthonormalize(m.mulCols(m.mulRows(z, l, workers), l, workers), m.P, l)
		}
		c = gram(m.mulRows(z, l, workers), S, l)
		for i := range c {
			c[i] /= float64(S)
		}
	}
	vals, vecs := eigSym(symmetrize(c, l), l)
	kk = min(k, l)
	e := make([]float64, l*kk)
	for i := range l {
		copy(e[i*kk:(i+1)*kk], vecs[i*l:i*l+kk])
	}
	return mul(z, e, m.P, l, kk), kk, vals[:kk]
}

// covariance returns X̃ᵀX̃/S (P × P, row-major). Row p sums, over the
// sampled users who like p, their scaled like rows; rows are independent,
// so they are computed in parallel with a fixed order inside each.
func (m *likeMatrix) covariance(workers int) []float64 {
	P, S := m.P, float64(len(m.rows))
	cov := make([]float64, P*P)
	r2 := make([]float64, len(m.rows))
	for r, s := range m.rowScale {
		r2[r] = s * s
	}
	forChunks(P, gramChunkPages, workers, func() struct{} { return struct{}{} }, func(_ struct{}, lo, hi int) {
		for p := lo; p < hi; p++ {
			row := cov[p*P : (p+1)*P]
			for _, r := range m.colRows[m.colOff[p]:m.colOff[p+1]] {
				w := r2[r]
				for _, q := range m.rows[r] {
					row[q] += w
				}
			}
			cp, mp := m.colScale[p], m.mean[p]
			for q := range row {
				row[q] = cp*m.colScale[q]*row[q]/S - mp*m.mean[q]
			}
		}
	})
	return cov
}

// transpose returns the c × r transpose of the r × c matrix a.
func transpose(a []float64, r, c int) []float64 {
	t := make([]float64, len(a))
	for i := range r {
		for j := range c {
			t[j*r+i] = a[i*c+j]
		}
	}
	return t
}

// symmetrize averages a square matrix with its transpose (rounding makes
// a projected covariance very slightly asymmetric).
func symmetrize(a []float64, n int) []float64 {
	for i := range n {
		for j := i + 1; j < n; j++ {
			v := (a[i*n+j] + a[j*n+i]) / 2
			a[i*n+j], a[j*n+i] = v, v
		}
	}
	return a
}

// features returns the component scores of the given like lists:
// row i = (x̃_i)·V with x̃_i the scaled, centred like row (n × k).
func (m *likeMatrix) features(rows [][]uint16, v []float64, k int) []float64 {
	mv := make([]float64, k)
	for p := range m.P {
		for j := range k {
			mv[j] += m.mean[p] * v[p*k+j]
		}
	}
	out := make([]float64, len(rows)*k)
	for i, row := range rows {
		o := out[i*k : (i+1)*k]
		for _, p := range row {
			s := m.colScale[p]
			for j, x := range v[int(p)*k : int(p)*k+k] {
				o[j] += s * x
			}
		}
		rs := rowScale(len(row))
		for j := range o {
			o[j] = rs*o[j] - mv[j]
		}
	}
	return out
}
