package sim

import (
	"math"
	"testing"

	"boomerang/sim/population"
	"boomerang/sim/rng"
)

// truthOf is agent i's true value of a on the scale of the inferences:
// numeric attributes standardised, binary ones 0 or 1 (as the footprint
// package's Truth; kept here so these tests do not depend on it).
func truthOf(pop *population.Population, a Attr, i int) float64 {
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	switch a {
	case AttrOpenness, AttrConscientiousness, AttrExtraversion, AttrAgreeableness, AttrNeuroticism:
		return float64(trueTrait(pop, a, int32(i)))
	case AttrIdeology:
		return float64(pop.Ideology[i])
	case AttrAge:
		m, sd := population.AgeMoments()
		return (float64(pop.Age[i]) - m) / sd
	case AttrGender:
		return float64(pop.Gender[i])
	case AttrParty:
		return float64(pop.Party[i])
	case AttrReligious:
		return b(pop.Religious[i])
	case AttrMigrant:
		return b(pop.Migrant[i])
	case AttrLGB:
		return b(pop.LGB[i])
	case AttrHealth:
		return b(pop.HealthCondition[i])
	}
	return math.NaN()
}

// fillProfiles gives w's operator what a likes-based inference of accuracy
// r would give it (Kosinski et al. 2013: r ≈ 0.3–0.43 for the Big Five):
// a share visible of the people, drawn at random, become visible; for each
// of them every numeric attribute is inferred as r·truth + √(1−r²)·noise
// (standardised, so its correlation with the truth is r) and every binary
// attribute as logistic(logit(base rate) + 1.7·latent), the latent built the
// same way from the standardised truth. Confidence rises with likes.
// Draws come from their own streams, so the world's other numbers are
// untouched.
func fillProfiles(w *World, r, visible float64) {
	n := w.Pop.N
	p := newBlindProfiles(n)
	var base [NumAttrs]float64
	for a := AttrGender; a < NumAttrs; a++ {
		for i := range n {
			base[a] += truthOf(w.Pop, a, i)
		}
		base[a] /= float64(n)
	}
	noise := math.Sqrt(1 - r*r)
	const salt = 0x5eed
	for i := range n {
		if rng.Float64(w.Seed^salt, rng.Consent, uint64(i), 0, 0) >= visible {
			continue
		}
		p.Visible[i] = true
		p.Confidence[i] = float32(0.5 + 0.5*math.Min(1, float64(w.Pop.Likes[i])/200))
		for a := Attr(0); a < NumAttrs; a++ {
			u1 := rng.Float64(w.Seed^salt, rng.Inference, uint64(i), uint64(a), 0)
			u2 := rng.Float64(w.Seed^salt, rng.Inference, uint64(i), uint64(a), 1)
			eps := boxMuller(u1, u2)
			z := truthOf(w.Pop, a, i)
			if a < AttrGender {
				p.Inferred[a][i] = float32(r*z + noise*eps)
				continue
			}
			b := base[a]
			std := (z - b) / math.Sqrt(b*(1-b))
			latent := r*std + noise*eps
			p.Inferred[a][i] = float32(1 / (1 + math.Exp(-(math.Log(b/(1-b)) + 1.7*latent))))
		}
	}
	w.Profiles = p
}

// runWith builds the world of c for seed, lets prepare change it (e.g.
// fill its profiles), runs every step and returns the run.
func runWith(t testing.TB, c Config, seed uint64, workers int, prepare func(*World)) *Run {
	t.Helper()
	r := newRunWith(t, c, seed, workers, prepare)
	r.RunToEnd()
	return r
}

// newRunWith is runWith before the first step.
func newRunWith(t testing.TB, c Config, seed uint64, workers int, prepare func(*World)) *Run {
	t.Helper()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	w, err := BuildWorld(c, seed, workers)
	if err != nil {
		t.Fatal(err)
	}
	if prepare != nil {
		prepare(w)
	}
	r, err := NewRunOn(w, workers)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// profiled returns a prepare function that fills profiles at accuracy r
// for a share visible of the people.
func profiled(r, visible float64) func(*World) {
	return func(w *World) { fillProfiles(w, r, visible) }
}

// last returns the final metrics of the arm called name.
func last(t testing.TB, r *Run, name string) Metrics {
	t.Helper()
	for _, a := range r.Arms {
		if a.Name == name {
			return a.Series[len(a.Series)-1]
		}
	}
	t.Fatalf("no arm %q", name)
	return Metrics{}
}
