package sim

import (
	"testing"

	"boomerang/sim/rng"
)

// BenchmarkRespondCost: one broadcast arm's response (respond) per
// impression and per agent-step, 200,000 agents, 40,000 impressions a step.
func BenchmarkRespondCost(b *testing.B) {
	b.Run("broadcast", func(b *testing.B) { benchRespond(b, "broadcast", 0) })
	// A personality-matched arm: congruence multipliers on every impression.
	b.Run("psychographic", func(b *testing.B) { benchRespond(b, "psychographic", 0.003) })
}

func benchRespond(b *testing.B, strategy string, quiz float64) {
	c := DefaultConfig()
	c.Population.Size = 200_000
	c.Data.QuizShare = quiz
	c.Campaign.Budget = 40_000
	benchRespondOn(b, c, strategy)
}

// benchRespondOn times respond for one arm of strategy on the world of c,
// replaying the plan of its first step; it reports ns per agent-step.
func benchRespondOn(b *testing.B, c Config, strategy string) {
	c.Opinion.BurnIn = 0
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: strategy, Strategy: strategy}}
	w, err := BuildWorld(c, 1, 2)
	if err != nil {
		b.Fatal(err)
	}
	r, err := NewRunOn(w, 1)
	if err != nil {
		b.Fatal(err)
	}
	a := r.Arms[1]
	a.plan.Exposures = a.plan.Exposures[:0]
	a.Strategy.Plan(1, w, a.State, &a.plan)
	plan := append([]Exposure(nil), a.plan.Exposures...)
	b.ResetTimer()
	cpu0 := cpuNanos()
	for k := 0; k < b.N; k++ {
		copy(a.plan.Exposures, plan)
		respond(2+k, w, a.State, &a.plan)
	}
	// CPU time as well as wall time: on a shared machine the wall clock
	// counts other processes' time slices.
	b.ReportMetric(float64(cpuNanos()-cpu0)/float64(b.N)/float64(c.Population.Size), "cpu-ns/agent-step")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(c.Population.Size), "ns/agent-step")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(plan)), "ns/impression")
}

// BenchmarkOrganic: one step of organic conversions of a control arm at
// 1M agents (default baseline hazard, lognormal relevance of sd 0.8 in
// log, opinions uniform), skip-sampled (organicConversions) and, for
// comparison in the same run, the per-person draw it replaced (one hashed
// draw per unconverted person and step).
func BenchmarkOrganic(b *testing.B) {
	const n = 1_000_000
	w, opinion := organicWorld(n, DefaultResponse().BaselineHazard)
	w.Seed = 3
	b.Run("skip", func(b *testing.B) {
		s := organicState(w, opinion)
		t := 0
		for b.Loop() {
			t++
			organicConversions(t, w, s)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/agent-step")
	})
	b.Run("per-person", func(b *testing.B) {
		s := organicState(w, opinion)
		t := 0
		for b.Loop() {
			t++
			for i, done := range s.Converted {
				if !done && rng.Float64(w.Seed, rng.Convert, uint64(i), uint64(t), 0) < organicHazard(w, int32(i), float64(s.Opinion[i])) {
					s.convert(int32(i), t)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/agent-step")
	})
}

// BenchmarkRespondRelevance: one broadcast arm's response at 1M agents and
// 150,000 impressions a step (weekend-event's share at its default size),
// with weekend-event's audience, relevance and ad stock on, and in the same
// run off (response.relevance = 0, the ad stock never decaying), so the
// difference is what they add (issue 16's cost line).
func BenchmarkRespondRelevance(b *testing.B) {
	for _, on := range []bool{true, false} {
		name := map[bool]string{true: "on", false: "off"}[on]
		b.Run(name, func(b *testing.B) {
			c := DefaultConfig()
			c.Population.Size = 1_000_000
			c.Population.Regions = 6
			c.Data.QuizShare = 0
			c.Campaign.Budget = 150_000
			c.Campaign.Audience = AudienceParams{AgePeak: 25, AgeWidth: 8, AgeWeight: 0.7, HomeRegion: 2, RegionWeight: 0.5,
				Interests: "music and festivals, nightlife", InterestWeight: 1.5, Noise: 0.6}
			if !on {
				c.Response.Relevance = 0
				c.Response.AdstockHalfLife = 1e9
			}
			benchRespondOn(b, c, "broadcast")
		})
	}
}
