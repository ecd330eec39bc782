// Package rng derives independent, reproducible random streams from
// (seed, purpose, agent, step), so that serial and parallel runs, and every
// arm of a twin run, draw the same numbers for the same event.
//
// Two forms are offered:
//   - New returns a *rand.Rand (math/rand/v2, PCG) for code that needs many
//     draws or gonum distributions;
//   - Float64 / Uint64 hash the key directly, for hot loops where building a
//     generator per agent would cost more than the draw itself.
//
// Nothing here holds state between calls: there is no global generator.
package rng

import "math/rand/v2"

// Purpose names why numbers are drawn. Each purpose gets its own streams, so
// adding draws for one mechanism never shifts the numbers of another.
type Purpose uint64

// Purposes used by the engine. New mechanisms append; never renumber,
// because the numbers are part of every recorded result.
const (
	Population  Purpose = iota + 1 // demographics and traits
	Network                        // tie formation and rewiring
	Influence                      // encounters and partner choice in opinion dynamics
	Exposure                       // which agents a campaign reaches
	Click                          // whether an exposure is clicked
	Convert                        // conversion hazards
	Backfire                       // reactance to an exposure
	Opinion                        // initial opinions
	Footprint                      // page likes
	Inference                      // training the trait-inference model
	Strategy                       // a strategy's own randomisation (bandits, ties)
	Replication                    // seeds of replications
	Consent                        // who consents to tracking
	Relevance                      // individual noise of relevance to the campaign's offer
	Platform                       // the platform's own users, on whom the inference model is trained
	Organic                        // organic conversions: the skip-sampled candidates of a block of agents and a step
)

// SplitMix64 is one step of Steele, Lea & Flood's (2014) SplitMix64 finaliser:
// a bijective, well-mixing map from uint64 to uint64.
func SplitMix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// Key hashes a seed, a purpose, an agent and a step into one 64-bit key.
// Chained SplitMix64 keeps nearby inputs (agent 7 vs 8) uncorrelated.
func Key(seed uint64, p Purpose, agent, step uint64) uint64 {
	h := SplitMix64(seed ^ 0x6a09e667f3bcc908)
	h = SplitMix64(h ^ uint64(p))
	h = SplitMix64(h ^ agent)
	return SplitMix64(h ^ (step * 0x9e3779b97f4a7c15))
}

// pcgMix separates the PCG's second seed word from its first.
const pcgMix = 0xd1b54a32d192ed03

// New returns a PCG-backed generator for the stream (seed, purpose, agent, step).
func New(seed uint64, p Purpose, agent, step uint64) *rand.Rand {
	return rand.New(Source(seed, p, agent, step))
}

// Source returns the PCG source of the stream, for gonum distributions
// (distuv.Normal{Src: rng.Source(...)}).
func Source(seed uint64, p Purpose, agent, step uint64) *rand.PCG {
	var pcg rand.PCG
	Reseed(&pcg, seed, p, agent, step)
	return &pcg
}

// Reseed positions an existing PCG at the start of stream (seed, purpose,
// agent, step) — the same state Source returns — without allocating, for
// hot loops that walk many agents or steps.
func Reseed(pcg *rand.PCG, seed uint64, p Purpose, agent, step uint64) {
	k := Key(seed, p, agent, step)
	pcg.Seed(k, SplitMix64(k^pcgMix))
}

// Uint64 is the k-th hashed draw of stream (seed, purpose, agent, step).
func Uint64(seed uint64, p Purpose, agent, step, k uint64) uint64 {
	return SplitMix64(Key(seed, p, agent, step) ^ SplitMix64(k))
}

// Float64 is the k-th hashed uniform draw in [0, 1) of stream
// (seed, purpose, agent, step).
func Float64(seed uint64, p Purpose, agent, step, k uint64) float64 {
	return KeyedFloat64(Key(seed, p, agent, step), k)
}

// KeyedFloat64 is Float64 of the stream whose Key is key: loops that draw
// many numbers of one stream hash the key once.
func KeyedFloat64(key, k uint64) float64 {
	return float64(SplitMix64(key^SplitMix64(k))>>11) * (1.0 / (1 << 53))
}

// Derive returns a child seed, e.g. the seed of replication r.
func Derive(seed uint64, p Purpose, i uint64) uint64 {
	return Key(seed, p, i, 0)
}
