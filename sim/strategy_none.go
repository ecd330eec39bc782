package sim

// noCampaign is the control arm: no ads at all.
type noCampaign struct{}

func (noCampaign) Name() string                       { return controlStrategy }
func (noCampaign) Plan(int, *World, *ArmState, *Plan) {}

// controlStrategy is the name of the no-campaign strategy.
const controlStrategy = "none"

func noneDescriptor() strategyDescriptor {
	return strategyDescriptor{
		name: controlStrategy,
		aim:  "no campaign: the control twin",
		opts: strategyOptions{aim: AimPersuade},
		make: func(ArmConfig) Strategy { return noCampaign{} },
	}
}
