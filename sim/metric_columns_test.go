package sim

import (
	"math"
	"testing"
)

// Every column is declared whole (name, doc, value, labels), names are
// unique, and the declaration's aims decide MetricApplies.
func TestMetricColumnsDeclaration(t *testing.T) {
	seen := map[string]bool{}
	for i, c := range MetricColumns() {
		if c.Name == "" || c.Doc == "" || c.Value == nil || c.ChartTitle() == "" || c.ShortAxis() == "" {
			t.Errorf("column %d %q is not fully declared", i, c.Name)
		}
		if seen[c.Name] {
			t.Errorf("column %q declared twice", c.Name)
		}
		seen[c.Name] = true
		if MetricIndex(c.Name) != i {
			t.Errorf("MetricIndex(%q) = %d, want %d", c.Name, MetricIndex(c.Name), i)
		}
	}
	if MetricApplies("vote_share", CampaignSale) || !MetricApplies("vote_share", CampaignVote) || !MetricApplies("vote_share", "") {
		t.Error("vote_share should apply to vote campaigns (and to every metric) only")
	}
	if !MetricApplies("conversions", CampaignVote) {
		t.Error("conversions should apply to every aim")
	}
	if EffectMetric(CampaignVote) != "vote_share_vs_control" || EffectMetric(CampaignSale) != "conversions_vs_control" {
		t.Error("effect metrics")
	}
}

// cost_per_click, the metric added through the declaration alone: spend
// per click, empty (NaN) before the first click.
func TestCostPerClick(t *testing.T) {
	c, ok := MetricColumn("cost_per_click")
	if !ok {
		t.Fatal("no cost_per_click column")
	}
	if v := c.Value(&Metrics{Spend: 10, Clicks: 4}); v != 2.5 {
		t.Errorf("cost per click = %v, want 2.5", v)
	}
	if v := c.Value(&Metrics{Spend: 10}); !math.IsNaN(v) {
		t.Errorf("cost per click without clicks = %v, want NaN", v)
	}
}
