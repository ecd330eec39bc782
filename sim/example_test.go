package sim_test

import (
	"fmt"

	"boomerang/sim"
)

// A run is one replication: NewRun builds the world for a seed and its
// arms (twins of one world; a control arm with strategy none is part of
// every scenario), Step or RunToEnd advances them, and each arm's Series
// holds one row of metrics per step from step 0.
func ExampleNewRun() {
	cfg := sim.DefaultConfig() // control and broadcast, 1000 impressions a step
	cfg.Population.Size = 2000
	cfg.Steps = 10
	r, err := sim.NewRun(cfg, cfg.Seed, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	r.RunToEnd()
	for _, a := range r.Arms {
		last := a.Series[len(a.Series)-1]
		fmt.Printf("%s: %d rows, %d impressions, spend %.0f euro\n", a.Name, len(a.Series), last.Impressions, last.Spend)
	}
	// Output:
	// control: 11 rows, 0 impressions, spend 0 euro
	// broadcast: 11 rows, 10000 impressions, spend 70 euro
}

// Every metric is declared once (MetricColumns): its steps.csv name,
// definition, value and labels; MetricApplies says whether it means
// something for a campaign's aim.
func ExampleMetricColumn() {
	c, _ := sim.MetricColumn("vote_share_vs_control")
	fmt.Println(c.Name, "|", c.ChartTitle(), "|", c.ShortAxis())
	fmt.Println(sim.MetricApplies(c.Name, sim.CampaignSale), sim.MetricApplies(c.Name, sim.CampaignVote))
	// Output:
	// vote_share_vs_control | Vote share vs control | vote share − control
	// false true
}
