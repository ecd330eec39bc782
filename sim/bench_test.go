package sim

import (
	"fmt"
	"testing"
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
