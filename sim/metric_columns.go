package sim

import (
	"math"
	"strings"
)

// This file declares every metric once: its steps.csv name, definition,
// value, chart labels, sign and the campaign aims it applies to. The CSV
// writers, summary.csv, the CLI tables, the charts (package chart), the
// trade-off grid, the app and docs/CLI.md's column reference
// (MetricReference) read this declaration; adding a metric is adding one
// Column here (and a Metrics field if no existing one gives its value).

// Column is one metric column of steps.csv and everything said about it.
type Column struct {
	Name  string                 // steps.csv column: part of the CLI contract
	Doc   string                 // definition in a line (docs, tables)
	Value func(*Metrics) float64 // the value in a row
	Title string                 // chart title in plain words; "" = Doc, capitalised
	Axis  string                 // chart y-axis label in plain words; "" = Name with spaces
	Short string                 // unit-only axis label for small charts; "" = Axis
	Aims  []string               // campaign aims it applies to (metric_aim.go); nil = every aim
	// Signed is true for a metric that can be negative (the mean opinion,
	// differences to control); every other one is a count, share, rate,
	// cost or spread, and its 95 % bands stop at 0.
	Signed bool
}

// ChartTitle is the column's chart title in English.
func (c Column) ChartTitle() string { return c.Title }

// ChartAxis is the column's y-axis label in English.
func (c Column) ChartAxis() string {
	if c.Axis != "" {
		return c.Axis
	}
	return strings.ReplaceAll(c.Name, "_", " ")
}

// ShortAxis is the column's y-axis label for a small chart, in English.
func (c Column) ShortAxis() string {
	if c.Short != "" {
		return c.Short
	}
	return c.ChartAxis()
}

// MetricColumns returns the metric columns of steps.csv in order (after
// arm, rep, seed, step). The names are part of the CLI contract.
func MetricColumns() []Column {
	i := func(v int64) float64 { return float64(v) }
	vote := []string{CampaignVote}
	return []Column{
		{Name: "mean_opinion", Doc: "mean opinion on [−1, 1]", Value: func(m *Metrics) float64 { return m.MeanOpinion },
			Title: "Mean opinion", Axis: "mean opinion (-1 against, +1 for)", Short: "mean opinion", Signed: true},
		{Name: "sd_opinion", Doc: "standard deviation of opinion", Value: func(m *Metrics) float64 { return m.SDOpinion },
			Title: "Spread of opinion", Axis: "standard deviation of opinion"},
		{Name: "shift_vs_control", Doc: "mean opinion minus the control arm's at the same step (twins: a causal effect)", Value: func(m *Metrics) float64 { return m.ShiftVsControl },
			Title: "Opinion shift vs control", Axis: "mean opinion minus control's", Short: "opinion − control", Signed: true},
		{Name: "polarisation", Doc: "mean absolute opinion difference of two random people (Gini mean difference), 0 … 2", Value: func(m *Metrics) float64 { return m.Polarisation },
			Title: "Polarisation", Axis: "mean opinion gap of two people (0 to 2)"},
		{Name: "impressions", Doc: "ads shown so far", Value: func(m *Metrics) float64 { return i(m.Impressions) },
			Title: "Ads shown", Axis: "ads shown so far"},
		{Name: "reach", Doc: "distinct people who saw at least one ad", Value: func(m *Metrics) float64 { return i(m.Reach) },
			Title: "Reach", Axis: "people who saw at least one ad"},
		{Name: "clicks", Doc: "ads clicked so far", Value: func(m *Metrics) float64 { return i(m.Clicks) },
			Title: "Clicks", Axis: "ads clicked so far"},
		{Name: "ctr", Doc: "clicks / impressions", Value: func(m *Metrics) float64 { return m.CTR },
			Title: "Click-through rate", Axis: "clicks per ad shown"},
		{Name: "conversions", Doc: "people converted so far, for any reason (organic too)", Value: func(m *Metrics) float64 { return i(m.Conversions) },
			Title: "Conversions", Axis: "people converted so far", Short: "people converted"},
		{Name: "conversion_rate", Doc: "conversions / population", Value: func(m *Metrics) float64 { return m.ConversionRate },
			Title: "Conversion rate", Axis: "share of people converted"},
		{Name: "conversions_vs_control", Doc: "conversions minus the control arm's: the campaign's causal (incremental) effect", Value: func(m *Metrics) float64 { return i(m.ConversionsVsControl) },
			Title: "Extra conversions vs control", Axis: "conversions minus control's", Signed: true},
		{Name: "attributed_conversions", Doc: "conversions within 7 steps after a click of the person, whatever caused them: what an ad dashboard claims (Meta's 7-day click window)", Value: func(m *Metrics) float64 { return i(m.AttributedConversions) },
			Title: "Conversions a dashboard attributes", Axis: "conversions within 7 days after a click"},
		{Name: "naive_lift", Doc: "conversion rate of the people the arm reached ÷ that of the people it did not reach − 1: the observational lift, inflated by selection", Value: func(m *Metrics) float64 { return m.NaiveLift },
			Title: "Naive lift", Axis: "reached vs not reached, minus 1"},
		{Name: "causal_lift", Doc: "conversion rate of the people the arm reached ÷ the same people's in the control twin − 1", Value: func(m *Metrics) float64 { return m.CausalLift },
			Title: "Causal lift", Axis: "reached vs the same people in control, minus 1"},
		{Name: "spend", Doc: "euro: impressions × CPM / 1000", Value: func(m *Metrics) float64 { return m.Spend },
			Title: "Spend", Axis: "euro spent so far", Short: "euro"},
		{Name: "cost_per_conversion", Doc: "spend / conversions_vs_control (empty when there is no extra conversion)", Value: func(m *Metrics) float64 { return m.CostPerConversion },
			Title: "Cost per extra conversion", Axis: "euro per conversion beyond control", Short: "euro"},
		{Name: "attributes_per_impression", Doc: "personal attributes used to choose the person, per impression (0 for broadcast)", Value: func(m *Metrics) float64 { return m.AttributesPerImpression },
			Title: "Personal data used", Axis: "personal attributes used per ad shown", Short: "attributes per ad"},
		{Name: "sensitive_share", Doc: "share of impressions chosen with a special-category inference", Value: func(m *Metrics) float64 { return m.SensitiveShare },
			Title: "Sensitive targeting", Axis: "share of ads chosen with a sensitive inference (0 to 1)", Short: "share of ads"},
		{Name: "vulnerable_share", Doc: "share of impressions reaching the most susceptible quarter of people ÷ their share of the population: 1 = random exposure, above 1 = aimed at them", Value: func(m *Metrics) float64 { return m.VulnerableShare },
			Title: "Aimed at the susceptible", Axis: "ads to the most susceptible quarter, relative to random (1)"},
		{Name: "backfires", Doc: "impressions that caused reactance", Value: func(m *Metrics) float64 { return i(m.Backfires) },
			Title: "Backfires", Axis: "ads that caused reactance so far"},
		{Name: "exposure_gini", Doc: "Gini coefficient of impressions per person", Value: func(m *Metrics) float64 { return m.ExposureGini },
			Title: "Exposure inequality", Axis: "Gini coefficient of ads per person (0 to 1)"},
		{Name: "turnout", Doc: "expected turnout: mean probability of voting, 0 … 1", Value: func(m *Metrics) float64 { return m.Turnout },
			Title: "Expected turnout: mean probability of voting, 0..1", Aims: vote},
		{Name: "vote_share", Doc: "the campaign side's share of the expected votes (opinion on its side, weighted by probability of voting)", Value: func(m *Metrics) float64 { return m.VoteShare },
			Title: "Campaign side's share of the expected votes (opinion on its side, weighted by probability of voting)", Aims: vote},
		{Name: "vote_share_vs_control", Doc: "vote_share minus the control arm's", Value: func(m *Metrics) float64 { return m.VoteShareVsControl },
			Title: "Vote share vs control", Short: "vote share − control", Aims: vote, Signed: true},
		{Name: "vulnerable_impressions", Doc: "impressions that targeted a vulnerability or carried misinformation", Value: func(m *Metrics) float64 { return i(m.VulnerableImps) },
			Title: "Impressions that targeted a vulnerability or carried misinformation"},
		{Name: "profiled_share", Doc: "share of the population the operator has a profile of (the same in every arm)", Value: func(m *Metrics) float64 { return m.ProfiledShare },
			Title: "Share of the population the operator has a profile of"},
		{Name: "mean_inference_error", Doc: "mean absolute error of the inferred Big Five, in sd (empty without a model)", Value: func(m *Metrics) float64 { return m.InferenceError },
			Title: "Mean absolute error of the inferred Big Five, in sd (empty without a model)"},
		{Name: "attributes_inferred", Doc: "attributes inferred per profiled person", Value: func(m *Metrics) float64 { return m.AttributesInferred },
			Title: "Attributes inferred per profiled person"},
		{Name: "cost_per_click", Doc: "spend / clicks, euro per click (empty before the first click)", Value: func(m *Metrics) float64 { return ratioOrNaN(m.Spend, float64(m.Clicks)) },
			Title: "Cost per click", Axis: "euro per ad clicked", Short: "euro"},
	}
}

// MetricColumn returns the column named name; ok is false for an unknown
// metric.
func MetricColumn(name string) (c Column, ok bool) {
	i := MetricIndex(name)
	if i < 0 {
		return Column{}, false
	}
	return MetricColumns()[i], true
}

// MetricIndex is the position of a metric in MetricColumns (and so in
// batch's Finals and Stats), or −1 for an unknown metric.
func MetricIndex(name string) int {
	for i, c := range MetricColumns() {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// ratioOrNaN is a/b, or NaN (an empty CSV cell) when b is 0.
func ratioOrNaN(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// MetricReference renders the steps.csv column reference of docs/CLI.md
// from the declaration (a test keeps the file in step with it).
func MetricReference() string {
	var b strings.Builder
	b.WriteString("| column | meaning |\n|---|---|\n")
	for _, c := range MetricColumns() {
		b.WriteString("| `" + c.Name + "` | " + strings.ReplaceAll(c.Doc, "|", "\\|") + " |\n")
	}
	return b.String()
}
