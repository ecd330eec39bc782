package batch

import (
	"context"
	"testing"
	"time"

	"boomerang/scenarios"
	"boomerang/sim"
)

// benchConfig is broadcast-basics at 5,000 agents and 30 steps: a
// replication of some tens of milliseconds, so the pool's own cost is
// negligible, as in real batches.
func benchConfig(b *testing.B) sim.Config {
	cfg, err := scenarios.Builtin("broadcast-basics")
	if err != nil {
		b.Fatal(err)
	}
	if err := scenarios.ApplySets(&cfg, []string{"population.size=5000", "steps=30"}); err != nil {
		b.Fatal(err)
	}
	return cfg
}

// timeReps runs reps replications on workers goroutines and returns the
// wall time.
func timeReps(b *testing.B, cfg sim.Config, reps, workers int) time.Duration {
	start := time.Now()
	if _, err := Run(context.Background(), Options{Config: cfg, Reps: reps, Workers: workers}); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// BenchmarkReplications reports the throughput (replications per second)
// of the worker pool with 1 and 2 workers.
func BenchmarkReplications(b *testing.B) {
	cfg := benchConfig(b)
	for _, w := range []int{1, 2} {
		b.Run("workers="+string(rune('0'+w)), func(b *testing.B) {
			const reps = 8
			var total time.Duration
			for b.Loop() {
				total += timeReps(b, cfg, reps, w)
			}
			b.ReportMetric(float64(reps*b.N)/total.Seconds(), "reps/s")
		})
	}
}

// BenchmarkReplicationSpeedup reports the throughput of 2 workers over 1
// on the same replications ("speedup"; the target is ≥ 1.7 on 2 cores).
// Run it with: go test -run '^$' -bench ReplicationSpeedup ./batch/
func BenchmarkReplicationSpeedup(b *testing.B) {
	cfg := benchConfig(b)
	const reps = 8
	var one, two time.Duration
	for b.Loop() {
		one += timeReps(b, cfg, reps, 1)
		two += timeReps(b, cfg, reps, 2)
	}
	b.ReportMetric(one.Seconds()/two.Seconds(), "speedup")
	b.ReportMetric(float64(reps*b.N)/two.Seconds(), "reps/s@2")
	b.ReportMetric(float64(reps*b.N)/one.Seconds(), "reps/s@1")
}
