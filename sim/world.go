package sim

import (
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"boomerang/sim/footprint"
	"boomerang/sim/influence"
	"boomerang/sim/network"
	"boomerang/sim/par"
	"boomerang/sim/population"
	"boomerang/sim/rng"
)

// World is everything all arms share and nobody changes: the population,
// its network, the initial opinions and the message library. Arms are
// twins: each starts from a copy of Initial.
type World struct {
	Config    Config
	Seed      uint64
	Pop       *population.Population
	Graph     *network.Graph
	Initial   []float32 // opinions at step 0, after the burn-in
	Prejudice []float32 // opinions as drawn, before the burn-in: Friedkin–Johnsen's anchors
	Messages  []Message
	// Profiles is what the campaign operator knows (inferred from likes);
	// strategies read it instead of the true traits.
	Profiles *Profiles
	// Footprint holds the pages, likes, visibility, the trained inference
	// model and its accuracy (the data half of the boomerang). nil when
	// nothing reads it (Config.NeedsFootprint): then Profiles is blind and
	// World.BuildFootprint builds it on demand for a view.
	Footprint *footprint.Footprint
	// Imports says what came from network.path and population.file
	// (world_files.go).
	Imports Imports

	// rel is everyone's relevance to the campaign's offer (relevance.go):
	// true, so only the response reads it.
	rel relevance

	// susc is who counts as susceptible for vulnerable_share
	// (susceptible.go).
	susc susceptibleSet

	// rules is the scenario's regulation compiled for this world
	// (regulation.go): whom strategies may choose and what they may use.
	rules *rules
}

// BuildWorld generates the world of cfg for one seed. workers only changes
// speed, never the result.
func BuildWorld(cfg Config, seed uint64, workers int) (*World, error) {
	return BuildWorldTimed(cfg, seed, workers, nil)
}

// BuildWorldTimed is BuildWorld that, when phase is not nil, reports the
// wall time of each phase as it ends: "population", "network", the
// footprint's phases (footprint.BuildTimed), "opinions" (initial draw and
// burn-in) and "profiles" (boomerang-cli bench). The world is BuildWorld's.
func BuildWorldTimed(cfg Config, seed uint64, workers int, phase func(name string, d time.Duration)) (*World, error) {
	t0 := time.Now()
	lap := func(name string) {
		if phase != nil {
			t := time.Now()
			phase(name, t.Sub(t0))
			t0 = t
		}
	}
	pop, g, imports, err := people(cfg, seed, workers, lap) // world_files.go
	if err != nil {
		return nil, err
	}
	var fp *footprint.Footprint
	if cfg.NeedsFootprint() {
		if fp, err = buildFootprint(cfg, pop, g, seed, workers, phase); err != nil {
			return nil, err
		}
	}
	t0 = time.Now()
	prejudice, err := initialOpinions(cfg.Opinion, pop, imports.given, seed, workers)
	if err != nil {
		return nil, err
	}
	start, err := burnIn(cfg, g, prejudice, seed, workers)
	if err != nil {
		return nil, err
	}
	lap("opinions")
	w := &World{
		Config:    cfg,
		Seed:      seed,
		Pop:       pop,
		Graph:     g,
		Initial:   start,
		Prejudice: prejudice,
		Messages:  MessageLibrary(cfg),
		Profiles:  profilesFrom(fp, pop.N),
		Footprint: fp,
		Imports:   imports,
	}
	// The rules, the susceptible cut and relevance are independent serial
	// passes over the population: each on a goroutine of its own (each
	// result is what one pass gives, whatever the scheduling).
	var wg sync.WaitGroup
	wg.Go(func() { w.rules = newRules(w) }) // regulation.go
	if cfg.Campaign.Budget > 0 {
		wg.Go(func() { w.susc = newSusceptible(pop.Susceptibility) }) // only impressions read it (vulnerable_share)
	}
	if cfg.Campaign.Budget > 0 || cfg.Response.BaselineHazard > 0 {
		// Relevance acts only on clicks and conversions: a world with no ad
		// and no organic conversion (opinion-lab) reads none of it.
		wg.Go(func() { w.rel = newRelevance(cfg.Campaign.Audience, cfg.Response.Relevance, pop, seed) })
	} else {
		w.rel = relevance{conv: 1}
	}
	wg.Wait()
	lap("profiles")
	return w, nil
}

// NeedsFootprint reports whether a run of c reads likes, visibility or
// profiles: when the platform profiles people (data.quiz_share > 0: the
// profiling metrics and manifest.json report it) or some arm's strategy
// is neither the control nor broadcast (they choose people with data).
// Otherwise BuildWorld builds no footprint at all: no likes, no
// visibility, no training (issue 18).
func (c *Config) NeedsFootprint() bool {
	if c.Data.QuizShare > 0 {
		return true
	}
	for _, a := range c.Arms {
		if !IsControl(a.Strategy) && a.Strategy != "broadcast" {
			return true
		}
	}
	return false
}

// buildFootprint builds the footprint of the world of cfg: the consent
// design decides how many people consent (regulation_consent.go), and the
// platform's users follow the scenario's population model.
func buildFootprint(cfg Config, pop *population.Population, g *network.Graph, seed uint64, workers int, phase func(string, time.Duration)) (*footprint.Footprint, error) {
	return footprint.BuildTimed(cfg.Data, cfg.Regulation.EffectiveConsentRate(), cfg.Population, pop, g, seed, workers, phase)
}

// BuildFootprint returns w's footprint: w.Footprint when BuildWorld built
// it, else a new one, identical to what BuildWorld builds when a run needs
// it (same seed), for a view that shows likes and profiles of a world whose
// arms read none (the app's Target and "Someone like me" views). It never
// changes w, so it may run on any goroutine while arms step. The profiles
// returned are the ones BuildWorld would derive from it.
func (w *World) BuildFootprint(workers int) (*footprint.Footprint, *Profiles, error) {
	if w.Footprint != nil {
		return w.Footprint, w.Profiles, nil
	}
	fp, err := buildFootprint(w.Config, w.Pop, w.Graph, w.Seed, workers, nil)
	if err != nil {
		return nil, nil, err
	}
	return fp, profilesFrom(fp, w.Pop.N), nil
}

// burnIn runs opinion.burn_in steps of social influence from the drawn
// opinions, without any campaign, so that step 0 is the network's own
// (quasi-)equilibrium: otherwise the control arm would show the drift of
// social smoothing as if it were news. Its draws use a seed of their own, so
// they never coincide with the run's.
func burnIn(cfg Config, g *network.Graph, prejudice []float32, seed uint64, workers int) ([]float32, error) {
	x := append([]float32(nil), prejudice...)
	if cfg.Opinion.BurnIn == 0 {
		return x, nil
	}
	m, err := influence.New(cfg.Influence, influence.Setup{
		Graph: g, Initial: prejudice, Seed: rng.Derive(seed, rng.Opinion, 1), Workers: workers,
	})
	if err != nil {
		return nil, err
	}
	for t := 1; t <= cfg.Opinion.BurnIn; t++ {
		m.Step(t, x)
	}
	return x, nil
}

// OpinionKinds lists the accepted values of opinion.initial.
func OpinionKinds() []string { return []string{"uniform", "ideology", "normal", "neutral"} }

// opinionsChunk is the number of people a worker draws at a time.
const opinionsChunk = 1 << 14

// initialOpinions draws step-0 opinions on [−1, +1]: person i's from the
// stream (seed, rng.Opinion, i), so the result is the same on any number
// of workers (≤ 0: GOMAXPROCS).
func initialOpinions(p OpinionParams, pop *population.Population, given *population.Given, seed uint64, workers int) ([]float32, error) {
	if !slices.Contains(OpinionKinds(), p.Initial) {
		return nil, fmt.Errorf("opinion.initial = %q: unknown (allowed: %v)", p.Initial, OpinionKinds())
	}
	x := make([]float32, pop.N)
	par.Each((pop.N+opinionsChunk-1)/opinionsChunk, workers, func(_, c int) {
		for i := c * opinionsChunk; i < min((c+1)*opinionsChunk, pop.N); i++ {
			x[i] = initialOpinion(p, pop, given, seed, i)
		}
	})
	return x, nil
}

// initialOpinion draws person i's step-0 opinion (p.Initial is one of
// OpinionKinds).
func initialOpinion(p OpinionParams, pop *population.Population, given *population.Given, seed uint64, i int) float32 {
	u1 := rng.Float64(seed, rng.Opinion, uint64(i), 0, 0)
	u2 := rng.Float64(seed, rng.Opinion, uint64(i), 0, 1)
	var v float64
	switch p.Initial {
	case "uniform":
		v = 2*u1 - 1
	case "neutral":
		v = 0
	case "normal":
		v = p.Mean + p.Spread*boxMuller(u1, u2)
	case "ideology":
		// The campaign's subject splits people along ideology, but not
		// perfectly: tanh keeps the extremes inside [−1, 1].
		v = math.Tanh(0.8*float64(pop.Ideology[i])+p.Spread*boxMuller(u1, u2)) + p.Mean
	}
	if o, ok := given.Get(population.ColOpinion, i); ok {
		v = float64(o) // population.file's opinion_initial
	}
	return float32(clamp(v, -1, 1))
}

// boxMuller turns two uniforms into one standard normal draw.
func boxMuller(u1, u2 float64) float64 {
	return math.Sqrt(-2*math.Log(1-u1)) * math.Cos(2*math.Pi*u2)
}

func clamp(v, lo, hi float64) float64 {
	return math.Max(lo, math.Min(hi, v))
}

// profilesFrom exposes the footprint's inferences to strategies. The
// slices are shared, not copied: the world is read-only.
func profilesFrom(fp *footprint.Footprint, n int) *Profiles {
	if fp == nil || fp.Model == nil {
		return newBlindProfiles(n) // no quiz, no model: nobody is profiled
	}
	p := &Profiles{Visible: make([]bool, n), Confidence: fp.Inferred.Confidence}
	for i := range p.Visible {
		p.Visible[i] = fp.Visibility.Visible(i)
	}
	for a := Attr(0); a < NumAttrs; a++ {
		p.Inferred[a] = fp.Inferred.Values[footprint.Attribute(a)]
	}
	return p
}
