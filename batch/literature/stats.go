package literature

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// meanCI returns the mean of xs and its 95 % Student-t interval (the
// interval is NaN with fewer than two values).
func meanCI(xs []float64) (mean, lo, hi float64) {
	n := float64(len(xs))
	if n == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	for _, x := range xs {
		mean += x
	}
	mean /= n
	if len(xs) < 2 {
		return mean, math.NaN(), math.NaN()
	}
	ss := 0.0
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	se := math.Sqrt(ss / (n - 1) / n)
	t := tQuantile(len(xs) - 1)
	return mean, mean - t*se, mean + t*se
}

// tQuantile is the 97.5 % quantile of Student's t with df degrees of
// freedom (the half-width of a 95 % interval in standard errors).
func tQuantile(df int) float64 {
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}.Quantile(0.975)
}

// wilson returns the share k/n and its 95 % Wilson score interval.
func wilson(k, n int) (p, lo, hi float64) {
	if n == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	const z = 1.959963984540054
	nn := float64(n)
	p = float64(k) / nn
	den := 1 + z*z/nn
	c := (p + z*z/(2*nn)) / den
	h := z * math.Sqrt(p*(1-p)/nn+z*z/(4*nn*nn)) / den
	return p, c - h, c + h
}
