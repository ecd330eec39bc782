package rng

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestStreamsAreReproducibleAndDistinct(t *testing.T) {
	a := New(42, Click, 7, 3).Uint64()
	if b := New(42, Click, 7, 3).Uint64(); a != b {
		t.Fatal("same key, different draws")
	}
	for _, other := range []uint64{
		New(43, Click, 7, 3).Uint64(), New(42, Convert, 7, 3).Uint64(),
		New(42, Click, 8, 3).Uint64(), New(42, Click, 7, 4).Uint64(),
	} {
		if other == a {
			t.Fatal("different keys gave the same draw")
		}
	}
	var pcg rand.PCG
	Reseed(&pcg, 42, Click, 7, 3)
	if pcg.Uint64() != a {
		t.Fatal("Reseed and New disagree")
	}
}

// Hashed uniforms over consecutive agents must look uniform and
// uncorrelated: mean 1/2, variance 1/12, lag-1 correlation ≈ 0.
func TestFloat64IsUniform(t *testing.T) {
	const n = 200_000
	var sum, sumSq, lag float64
	prev := 0.0
	for i := uint64(0); i < n; i++ {
		u := Float64(1, Exposure, i, 5, 0)
		if u < 0 || u >= 1 {
			t.Fatalf("out of [0,1): %v", u)
		}
		sum += u
		sumSq += u * u
		lag += (u - 0.5) * (prev - 0.5)
		prev = u
	}
	mean := sum / n
	variance := sumSq/n - mean*mean
	corr := lag / n / (1.0 / 12)
	se := math.Sqrt(1.0 / 12 / n)
	if math.Abs(mean-0.5) > 4*se || math.Abs(variance-1.0/12) > 0.002 || math.Abs(corr) > 4/math.Sqrt(n) {
		t.Fatalf("mean %v variance %v lag-1 corr %v", mean, variance, corr)
	}
}
