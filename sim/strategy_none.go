package sim

// noCampaign is the control arm: no ads at all.
type noCampaign struct{}

func (noCampaign) Name() string                       { return "none" }
func (noCampaign) Plan(int, *World, *ArmState, *Plan) {}
