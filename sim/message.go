package sim

// Message is one ad in the campaign's library.
type Message struct {
	Name   string  // short label, e.g. "generic"
	Stance float64 // +1 pushes opinion up, −1 down
	Tone   string  // informative, emotional, fear, misinformation
	Appeal string  // trait the copy is written for; "" for a generic ad
}

// defaultMessages is the one-message library of the broadcast campaign.
// Targeted message libraries arrive with the targeting strategies.
func defaultMessages(c CampaignParams) []Message {
	return []Message{{Name: "generic", Stance: c.Stance, Tone: "informative"}}
}
