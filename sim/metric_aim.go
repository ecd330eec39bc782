package sim

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
// something for a campaign with the given aim ("" = every metric).
func MetricApplies(metric, aim string) bool {
	switch metric {
	case "vote_share", "vote_share_vs_control", "turnout":
		return aim == "" || aim == CampaignVote
	}
	return true
}
