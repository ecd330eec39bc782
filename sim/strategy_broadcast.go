package sim

// broadcast buys campaign.budget impressions per step for random platform
// users, all with one message (the arm's message option, by default the
// library's first). It uses no personal data at all: the baseline that
// targeted strategies are compared with.
type broadcast struct {
	arm ArmConfig
	msg int // index of the message, resolved on the first step
	ok  bool
}

func (*broadcast) Name() string { return "broadcast" }

// Plan draws budget agents uniformly with replacement, so one person can
// see the ad twice in a step, as on a real feed (up to the frequency cap).
// The k-th impression of step t goes to the same agent in every arm
// (common random numbers).
func (b *broadcast) Plan(t int, w *World, s *ArmState, plan *Plan) {
	if !b.ok {
		b.msg, b.ok = armMessage(w.Messages, b.arm, AimPersuade), true
	}
	prospect(t, w, s, plan, 0, w.Config.Campaign.Budget, b.msg)
}

func broadcastDescriptor() strategyDescriptor {
	return strategyDescriptor{
		name: "broadcast",
		aim:  "random platform users, one message, no personal data",
		opts: strategyOptions{aim: AimPersuade, oneMessage: true},
		make: func(ac ArmConfig) Strategy { return &broadcast{arm: ac} },
	}
}

// explain says how the broadcast arm treats the persona of World.LikeMe at
// step 1, and later.
func (s *broadcast) explain(c *likeMeCase, ans *ArmAnswer) {
	c.random(s.msg, Phrase{Format: "Broadcast buys ads for random users and uses no personal data."})
}
