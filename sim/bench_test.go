package sim

import (
	"fmt"
	"sync"
	"testing"

	"boomerang/sim/rng"
)

// BenchmarkCampaignStep times one full step (plan, response, influence,
// metrics) of the broadcast-vs-control experiment, reported per agent-step
// per arm.
func BenchmarkCampaignStep(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("N=%d/workers=%d", n, workers), func(b *testing.B) {
				c := DefaultConfig()
				c.Population.Size = n
				c.Campaign.Budget = n / 10
				c.Steps = 1 << 30
				r, err := NewRun(c, 1, workers)
				if err != nil {
					b.Fatal(err)
				}
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					r.Step()
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n*len(r.Arms)), "ns/agent-step")
			})
		}
	}
}

// BenchmarkBuildWorld times building a world (population, network,
// opinions) per agent.
func BenchmarkBuildWorld(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			c := DefaultConfig()
			c.Population.Size = n
			for i := 0; i < b.N; i++ {
				if _, err := BuildWorld(c, uint64(i), 2); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/agent")
		})
	}
}

// BenchmarkStepPhases splits one arm's step into its phases (plan,
// response, influence, metrics) on 1M agents with one worker, one arm per
// strategy that uses data (psychographic) and the bare control, with
// 100,000 impressions per step and profiles inferred at r = 0.4 for 70 %
// of the people. It reports ns per agent-step for each phase; the phases
// are timed by the run's own hook (Arm.Times).
func BenchmarkStepPhases(b *testing.B) {
	const n = 1_000_000
	w := benchProfiledWorld(b, n)
	for _, name := range []string{"none", "broadcast", "psychographic"} {
		b.Run(fmt.Sprintf("%s/N=%d/workers=1", name, n), func(b *testing.B) {
			wc := *w
			wc.Config.Arms = []ArmConfig{{Name: name, Strategy: name}}
			r, err := NewRunOn(&wc, 1)
			if err != nil {
				b.Fatal(err)
			}
			r.Step() // first step: the strategies' one-off set-up
			a := r.Arms[0]
			a.Times = &StepTimes{}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r.Step()
			}
			el := b.Elapsed()
			per := float64(b.N) * n
			st := a.Times
			b.ReportMetric(float64(el.Nanoseconds())/per, "ns/agent-step")
			b.ReportMetric(float64(st.Plan.Nanoseconds())/per, "plan-ns/agent-step")
			b.ReportMetric(float64(st.Response.Nanoseconds())/per, "response-ns/agent-step")
			b.ReportMetric(float64(st.Influence.Nanoseconds())/per, "influence-ns/agent-step")
			b.ReportMetric(float64((el-st.Plan-st.Response-st.Influence).Nanoseconds())/per, "metrics-ns/agent-step")
		})
	}
}

var (
	benchWorldsMu sync.Mutex
	benchWorlds   = map[int]*World{}
)

// benchProfiledWorld builds (once per size) a default world of n agents
// without a quiz, profiles filled at r = 0.4 for 70 % of the people, and a
// budget of n/10 impressions per step.
func benchProfiledWorld(b *testing.B, n int) *World {
	b.Helper()
	benchWorldsMu.Lock()
	defer benchWorldsMu.Unlock()
	if w, ok := benchWorlds[n]; ok {
		return w
	}
	c := DefaultConfig()
	c.Population.Size = n
	c.Campaign.Budget = n / 10
	c.Data.QuizShare = 0
	c.Steps = 1 << 30
	w, err := BuildWorld(c, 1, 2)
	if err != nil {
		b.Fatal(err)
	}
	fillProfiles(w, 0.4, 0.7)
	benchWorlds[n] = w
	return w
}

// BenchmarkMeasure times recording one arm's metrics (one row of
// steps.csv) on 1M agents after one broadcast step, per agent.
func BenchmarkMeasure(b *testing.B) {
	const n = 1_000_000
	w := benchProfiledWorld(b, n)
	wc := *w
	wc.Config.Arms = []ArmConfig{{Name: "broadcast", Strategy: "broadcast"}}
	r, err := NewRunOn(&wc, 1)
	if err != nil {
		b.Fatal(err)
	}
	r.Step()
	s := r.Arms[0].State
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				measure(1, r.World, s, workers)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/agent")
		})
	}
}

// BenchmarkScanArm: the per-agent part of the metrics at 1M agents — the
// one-pass block scan with 1 and 2 workers, and the separate serial
// passes it replaced (mean, spread, histogram, Gini, votes), in one run.
func BenchmarkScanArm(b *testing.B) {
	const n = 1_000_000
	s := &ArmState{Opinion: make([]float32, n), Turnout: make([]float32, n), Impressions: make([]int32, n)}
	for i := range n {
		s.Opinion[i] = 2*float32(rng.Float64(2, rng.Opinion, uint64(i), 0, 0)) - 1
		s.Turnout[i] = float32(rng.Float64(2, rng.Opinion, uint64(i), 0, 1))
		s.Impressions[i] = int32(rng.Uint64(2, rng.Exposure, uint64(i), 0, 0) % 8)
		s.Totals.Impressions += int64(s.Impressions[i])
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("scan/workers=%d", workers), func(b *testing.B) {
			for b.Loop() {
				scanArm(s, 1, workers)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/agent")
		})
	}
	b.Run("separate-passes", func(b *testing.B) {
		for b.Loop() {
			serialMeanSD(s.Opinion)
			meanAbsDifference(s.Opinion)
			giniCounts(s.Impressions)
			turnoutAndVoteShare(s, 1)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/agent")
	})
}
