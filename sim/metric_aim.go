package sim

import "slices"

// This file says which metrics apply to a campaign's aim (issue 17: a
// festival campaign should not report a vote share). steps.csv and
// summary.csv keep every column, so scripts never lose one; the CLI's
// tables and the app's cards and chart choices show only the metrics
// that apply.

// Campaign aims (campaign.aim; not the message aims AimPersuade, AimDemobilise).
const (
	CampaignSale  = "sale"  // a product or a ticket: conversions are purchases
	CampaignCause = "cause" // a behaviour such as vaccination or a petition
	CampaignVote  = "vote"  // an election: vote share and turnout
)

// CampaignAims are the values of campaign.aim, "" (every metric) first.
func CampaignAims() []string { return []string{"", CampaignSale, CampaignCause, CampaignVote} }

// MetricApplies reports whether metric (a steps.csv column) means
// something for a campaign with the given aim ("" = every metric): its
// Column.Aims list the aims it applies to (none listed: every aim).
func MetricApplies(metric, aim string) bool {
	c, ok := MetricColumn(metric)
	if !ok || aim == "" || c.Aims == nil {
		return true
	}
	return slices.Contains(c.Aims, aim)
}

// EffectMetric is the steps.csv column that says what a campaign with the
// given aim achieved beyond the control twin, the metric its headline
// compares arms on: the vote share for an election, extra conversions
// (purchases, vaccinations) otherwise.
func EffectMetric(aim string) string {
	if aim == CampaignVote {
		return "vote_share_vs_control"
	}
	return "conversions_vs_control"
}
