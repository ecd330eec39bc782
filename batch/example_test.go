package batch_test

import (
	"context"
	"fmt"

	"boomerang/batch"
	"boomerang/sim"
)

// Run executes replications of a scenario in parallel; each has its own
// seed (replication 0 the scenario's, the others derived from it) and the
// results come back in replication order, the same for any number of
// workers. RunSummary gives what summary.csv holds: per arm and metric,
// the mean over replications with its 95 % interval.
func ExampleRun() {
	cfg := sim.DefaultConfig()
	cfg.Population.Size = 1000
	cfg.Steps = 5
	out, err := batch.Run(context.Background(), batch.Options{Config: cfg, Reps: 2, Workers: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range out.Reps {
		fmt.Println("replication", r.Rep, "seed", r.Seed == batch.RepSeed(cfg.Seed, r.Rep))
	}
	arms, _, control, stats := batch.RunSummary(out.Reps)
	spend := stats[1][sim.MetricIndex("spend")]
	fmt.Printf("arms %v, control %d; %s spent %.0f euro (n = %d)\n", arms, control, arms[1], spend.Mean, spend.N)
	// Output:
	// replication 0 seed true
	// replication 1 seed true
	// arms [control broadcast], control 0; broadcast spent 35 euro (n = 2)
}
