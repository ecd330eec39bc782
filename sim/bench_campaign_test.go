package sim

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkStrategyStep times one full step (plan, response, influence,
// metrics) of one arm per strategy on 1M agents with 100,000 impressions
// per step, profiles inferred at r = 0.4 for 70 % of the people; none is
// the bare influence step (plus metrics). It reports ns per agent-step and,
// separately, the strategy's planning time per agent (plan-ns/agent).
func BenchmarkStrategyStep(b *testing.B) {
	const n = 1_000_000
	w := benchProfiledWorld(b, n)
	for _, name := range []string{"none", "broadcast", "psychographic", "adaptive", "lookalike", "demographic", "demobilise"} {
		b.Run(fmt.Sprintf("%s/N=%d", name, n), func(b *testing.B) {
			wc := *w
			wc.Config.Arms = []ArmConfig{{Name: name, Strategy: name}}
			r, err := NewRunOn(&wc, 2)
			if err != nil {
				b.Fatal(err)
			}
			r.Step() // first step: the strategies' one-off set-up
			a := r.Arms[0]
			var plan time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r.T++
				t0 := time.Now()
				a.plan.Exposures = a.plan.Exposures[:0]
				a.Strategy.Plan(r.T, r.World, a.State, &a.plan)
				plan += time.Since(t0)
				respond(r.T, r.World, a.State, &a.plan)
				a.Influence.Step(r.T, a.State.Opinion)
				r.record(r.T)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/agent-step")
			b.ReportMetric(float64(plan.Nanoseconds())/float64(b.N)/n, "plan-ns/agent")
		})
	}
}
