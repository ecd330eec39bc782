package sim

import (
	"fmt"
	"sort"

	"boomerang/sim/rng"
)

// Exposure is one impression: which agent sees which message, and the
// ledger of what the choice used.
type Exposure struct {
	Agent      int32
	Detail     uint32 // what Why refers to: a segment key, an appeal, an attribute (see Why)
	Message    int16  // index into World.Messages
	Attributes uint8  // personal attributes used to pick this person (0 for broadcast)
	Sensitive  bool   // the choice used a special-category inference (GDPR Art. 9)
	Vulnerable bool   // the choice targeted a vulnerability (fear to high neuroticism, misinformation aimed with data)
	Why        Why    // why this person was picked
}

// Why is the reason a strategy picked a person, kept compact for the
// per-impression log; Exposure.Detail says which segment, trait or
// attribute.
type Why uint8

// The reasons.
const (
	WhyRandom    Why = iota // untargeted: drawn at random from all users (broadcast, pilots, prospecting)
	WhySegment              // in a chosen segment; Detail is the segment key (SegmentName)
	WhyTrait                // matched on inferred personality; Detail is the index of the appeal in Appeals()
	WhyLookalike            // similar to the campaign's converters; Detail is the Attr that weighed most
	WhyBandit               // segment × message chosen by the bandit; Detail is the segment key
	WhyOtherSide            // inferred supporter of the other side; Detail is the Attr used (party or ideology)
	WhyInterest             // likes pages of the targeted interests; Detail is the first targeted interest (footprint.InterestName)
	WhyContext              // viewed content of the targeted interests (a contextual placement, no personal data); Detail is the first targeted interest
	WhyRetarget             // clicked the campaign's ad recently, has not bought, and is tracked (retarget.go); Detail is the step of the click
)

// String is a short name of the reason.
func (y Why) String() string {
	switch y {
	case WhyRandom:
		return "random"
	case WhySegment:
		return "segment"
	case WhyTrait:
		return "trait"
	case WhyLookalike:
		return "lookalike"
	case WhyBandit:
		return "bandit"
	case WhyOtherSide:
		return "other-side"
	case WhyInterest:
		return "interest"
	case WhyContext:
		return "context"
	case WhyRetarget:
		return "retarget"
	}
	return "unknown"
}

// Plan is what a strategy buys in one step. Strategies append to Exposures;
// the run resets it before each step and reuses its memory.
type Plan struct {
	Exposures []Exposure
}

// Strategy decides, each step, who sees which message. It may read the
// World (shared, read-only: declared demographics and the profiles the
// regulation lets it use, w.targeting() — w.Profiles when no rule
// restricts them — never the true traits or opinions) and what its arm
// observed (ArmState.Impressions,
// Converted and Observed); it must draw random numbers only from rng
// streams keyed on (World.Seed, rng.Exposure or rng.Strategy, …, step), so
// that twin arms with the same strategy make the same plan. A Strategy is a
// per-arm instance and may keep what it learns.
type Strategy interface {
	// Name is the strategy's identifier as used in scenario files.
	Name() string
	// Plan appends this step's exposures to plan.
	Plan(t int, w *World, s *ArmState, plan *Plan)
}

// strategyDescriptor is everything the engine needs to know about one
// strategy: its name as scenario files spell it, what it aims at in one
// line, the arm options it accepts and its constructor. Each strategy
// declares its own in its file (strategy_*.go); strategyDescriptors lists
// them, so adding a strategy touches one file and one line.
type strategyDescriptor struct {
	name string                   // identifier in scenario files
	aim  string                   // what it does, one line
	opts strategyOptions          // the arm options it accepts
	make func(ArmConfig) Strategy // a fresh per-arm instance
}

// strategyDescriptors lists the strategies this build knows, in the order
// of StrategyNames.
func strategyDescriptors() []strategyDescriptor {
	return []strategyDescriptor{
		noneDescriptor(), broadcastDescriptor(), demographicDescriptor(), interestsDescriptor(),
		psychographicDescriptor(), lookalikeDescriptor(), adaptiveDescriptor(), demobiliseDescriptor(),
	}
}

// StrategyNames lists the strategies this build knows.
func StrategyNames() []string {
	var out []string
	for _, d := range strategyDescriptors() {
		out = append(out, d.name)
	}
	return out
}

// StrategyAim describes strategy name in one line ("" if unknown).
func StrategyAim(name string) string {
	for _, d := range strategyDescriptors() {
		if d.name == name {
			return d.aim
		}
	}
	return ""
}

// StrategyPersuades reports whether strategy name's ads aim to move
// opinion: false for the control, which shows none, and for a strategy
// whose messages aim at turnout (AimDemobilise). The app's population and
// target views open on such an arm, whose effect shows in opinions.
func StrategyPersuades(name string) bool {
	return !IsControl(name) && optionsOf(name).aim != AimDemobilise
}

// IsControl reports whether strategy name is the no-campaign control.
func IsControl(name string) bool { return name == controlStrategy }

// NewStrategy returns a fresh instance of the strategy of arm ac (its
// strategy name and options). Each arm needs its own instance: targeted
// strategies keep per-arm state.
func NewStrategy(ac ArmConfig) (Strategy, error) {
	for _, d := range strategyDescriptors() {
		if d.name == ac.Strategy {
			return d.make(ac), nil
		}
	}
	names := StrategyNames()
	sort.Strings(names)
	return nil, fmt.Errorf("unknown strategy %q (allowed: %v)", ac.Strategy, names)
}

// strategyOptions says which arm options a strategy accepts: whether it
// shows one message (and of which aim), and which attributes it may use and
// uses by default.
type strategyOptions struct {
	aim         string   // aim of its messages
	oneMessage  bool     // the arm's message option applies
	allowed     []string // accepted values of the attributes option (nil: none)
	defaultAttr []string // used when the option is empty
}

// optionsOf returns the options of strategy name.
func optionsOf(name string) strategyOptions {
	for _, d := range strategyDescriptors() {
		if d.name == name {
			return d.opts
		}
	}
	return strategyOptions{aim: AimPersuade}
}

// bigFiveNames are the names of the Big Five attributes.
func bigFiveNames() []string {
	return []string{"openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism"}
}

// allAttrNames are the names of every inferred attribute.
func allAttrNames() []string {
	all := make([]string, 0, NumAttrs)
	for a := Attr(0); a < NumAttrs; a++ {
		all = append(all, a.String())
	}
	return all
}

// attributesOf returns the attributes arm ac may use: its option, or the
// strategy's default set.
func attributesOf(ac ArmConfig) []string {
	if len(ac.Attributes) > 0 {
		return ac.Attributes
	}
	return optionsOf(ac.Strategy).defaultAttr
}

// attrByName returns the Attr called name.
func attrByName(name string) (Attr, bool) {
	for a := Attr(0); a < NumAttrs; a++ {
		if a.String() == name {
			return a, true
		}
	}
	return 0, false
}

// checkArm validates the options of arm ac (key is "arms[i]") against its
// strategy and the message library.
func checkArm(key string, ac ArmConfig, msgs []Message) error {
	o := optionsOf(ac.Strategy)
	if ac.Message != "" {
		if !o.oneMessage {
			return &FieldError{Key: key + ".message", Value: ac.Message,
				Msg: fmt.Sprintf("strategy %s does not take a message option (it shows no ads or picks its own)", ac.Strategy)}
		}
		j := messageIndex(msgs, ac.Message)
		if j < 0 {
			return &FieldError{Key: key + ".message", Value: ac.Message, Msg: "no message of that name in the library"}
		}
		if msgs[j].Aim != o.aim {
			return &FieldError{Key: key + ".message", Value: ac.Message,
				Msg: fmt.Sprintf("strategy %s needs a message with aim %s", ac.Strategy, o.aim)}
		}
	}
	seen := map[string]bool{}
	for j, a := range ac.Attributes {
		if !contains(o.allowed, a) || seen[a] {
			msg := fmt.Sprintf("strategy %s accepts %v, each once", ac.Strategy, o.allowed)
			if o.allowed == nil {
				msg = fmt.Sprintf("strategy %s uses no personal attributes", ac.Strategy)
			}
			return &FieldError{Key: key + ".attributes", Value: a, Msg: fmt.Sprintf("entry %d: %s", j+1, msg)}
		}
		seen[a] = true
	}
	if !IsControl(ac.Strategy) && firstMessage(msgs, o.aim) < 0 {
		return &FieldError{Key: key + ".strategy", Value: ac.Strategy,
			Msg: fmt.Sprintf("the message library has no message with aim %s for it", o.aim)}
	}
	return nil
}

// add appends e to plan unless the regulation forbids it (World.permits,
// the regulatory frequency cap: regulation*.go) or agent e.Agent already
// has campaign.frequency_cap impressions planned this step; it reports
// whether e was added. Every strategy adds exposures through it.
func (s *ArmState) add(t int, w *World, plan *Plan, e Exposure) bool {
	if !w.permits(&e) { // regulation.go: last-line check, never expected to refuse
		s.rules.blocked++
		return false
	}
	s.rules.sync(t, w) // regulation_frequency.go
	if s.rules.capped(e.Agent) {
		return false
	}
	if s.planStep != t {
		for _, i := range s.planTouched {
			s.planCount[i] = 0
		}
		s.planTouched = s.planTouched[:0]
		s.planStep = t
	}
	c := s.planCount[e.Agent]
	if fc := w.Config.Campaign.FrequencyCap; fc > 0 && int(c) >= fc {
		return false
	}
	if c == 0 {
		s.planTouched = append(s.planTouched, e.Agent)
	}
	if c < ^uint16(0) {
		s.planCount[e.Agent] = c + 1
	}
	s.rules.book(e.Agent)
	plan.Exposures = append(plan.Exposures, e)
	return true
}

// plannedThisStep reports how many exposures agent i has in this step's
// plan so far.
func (s *ArmState) plannedThisStep(t int, i int32) int {
	if s.planStep != t {
		return 0
	}
	return int(s.planCount[i])
}

// capRetries is how many further random draws an untargeted impression
// makes when it hits a person at the frequency cap before it is dropped.
const capRetries = 8

// prospect adds the impressions k0 … k1−1 of step t as untargeted ones:
// each to an agent drawn uniformly from all N users, with message msg and
// no personal data. The k-th impression of step t goes to the same agent in
// every arm and every strategy (common random numbers), whatever the
// strategy did before; a draw that hits a capped person is redrawn.
func prospect(t int, w *World, s *ArmState, plan *Plan, k0, k1 int, msg int) {
	n := uint64(w.Pop.N)
	for k := k0; k < k1; k++ {
		for j := uint64(0); j <= capRetries; j++ {
			a := rng.Uint64(w.Seed, rng.Exposure, uint64(k), uint64(t), j) % n
			if s.add(t, w, plan, Exposure{Agent: int32(a), Message: int16(msg), Why: WhyRandom}) {
				break
			}
		}
	}
}
