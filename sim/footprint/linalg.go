package footprint

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// Small dense helpers. Matrices are row-major []float64. The products are
// plain loops with a fixed summation order, so results do not depend on
// the number of goroutines (gonum is used for the symmetric
// eigendecompositions only).

// eigSym returns the eigenvalues of the symmetric n×n matrix a in
// descending order and the matching eigenvectors as the columns of an n×n
// row-major matrix.
func eigSym(a []float64, n int) (vals, vecs []float64) {
	var e mat.EigenSym
	if !e.Factorize(mat.NewSymDense(n, append([]float64(nil), a...)), true) {
		panic("footprint: eigendecomposition failed")
	}
	asc := e.Values(nil)
	var v mat.Dense
	e.VectorsTo(&v)
	vals = make([]float64, n)
	vecs = make([]float64, n*n)
	for j := range n {
		src := n - 1 - j
		vals[j] = asc[src]
		for i := range n {
			vecs[i*n+j] = v.At(i, src)
		}
	}
	return vals, vecs
}

// gram returns AᵀA (c×c) for the r×c matrix a.
func gram(a []float64, r, c int) []float64 {
	g := make([]float64, c*c)
	for i := range r {
		row := a[i*c : (i+1)*c]
		for j, x := range row {
			if x == 0 {
				continue
			}
			gj := g[j*c : (j+1)*c]
			for k := j; k < c; k++ {
				gj[k] += x * row[k]
			}
		}
	}
	for j := range c {
		for k := j + 1; k < c; k++ {
			g[k*c+j] = g[j*c+k]
		}
	}
	return g
}

// mul returns A·B for A r×m and B m×c.
func mul(a, b []float64, r, m, c int) []float64 {
	out := make([]float64, r*c)
	for i := range r {
		o := out[i*c : (i+1)*c]
		for k, x := range a[i*m : (i+1)*m] {
			if x == 0 {
				continue
			}
			for j, y := range b[k*c : (k+1)*c] {
				o[j] += x * y
			}
		}
	}
	return out
}

// orthonormalize returns an orthonormal basis of the column space of the
// r×c matrix z (r×c' with c' ≤ c): z·E·Λ^(−1/2) from the eigendecomposition
// of zᵀz, twice for accuracy, dropping directions whose eigenvalue is below
// 1e−10 of the largest (rank deficiency).
func orthonormalize(z []float64, r, c int) ([]float64, int) {
	for range 2 {
		vals, vecs := eigSym(gram(z, r, c), c)
		keep := 0
		for keep < c && vals[keep] > 1e-10*vals[0] && vals[keep] > 0 {
			keep++
		}
		t := make([]float64, c*keep)
		for i := range c {
			for j := range keep {
				t[i*keep+j] = vecs[i*c+j] / math.Sqrt(vals[j])
			}
		}
		z, c = mul(z, t, r, c, keep), keep
	}
	return z, c
}
