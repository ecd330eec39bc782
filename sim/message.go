package sim

import (
	"fmt"
)

// Message is one ad in the campaign's library (docs/MODEL-campaign.md,
// "Messages"). The library is World.Messages; an Exposure names a message
// by its index there.
type Message struct {
	Name   string  // short label, e.g. "generic"
	Stance float64 // +1 pushes opinion up, −1 down
	Tone   string  // informative, emotional, fear, misinformation
	Appeal string  // trait the copy is written for; "" for a generic ad
	Aim    string  // persuade (moves opinion) or demobilise (lowers turnout)

	trait Attr    // the Big Five trait the appeal speaks to (when pole ≠ 0)
	pole  float32 // +1 written for the trait's high pole, −1 for its low pole, 0 generic
}

// MessageConfig is one [[messages]] table of a scenario file.
type MessageConfig struct {
	Name   string  `toml:"name" comment:"short label, unique in the library, e.g. extravert-ad"`
	Stance float64 `toml:"stance,omitempty" comment:"+1 pushes opinion up, -1 down; omitted (0) = campaign.stance"`
	Tone   string  `toml:"tone,omitempty" comment:"informative (default), emotional, fear or misinformation"`
	Appeal string  `toml:"appeal,omitempty" comment:"trait the copy is written for: empty (generic), extravert, introvert, high-openness, low-openness, order, spontaneity, warmth, competition, fear-security or calm"`
	Aim    string  `toml:"aim,omitempty" comment:"persuade (default: moves opinion) or demobilise (lowers the recipient's turnout; the demobilise strategy's messages)"`
}

// Tones of a message.
const (
	ToneInformative    = "informative"
	ToneEmotional      = "emotional"
	ToneFear           = "fear"
	ToneMisinformation = "misinformation"
)

// Aims of a message.
const (
	AimPersuade   = "persuade"
	AimDemobilise = "demobilise"
)

// Tones lists the accepted values of messages.tone.
func Tones() []string {
	return []string{ToneInformative, ToneEmotional, ToneFear, ToneMisinformation}
}

// Aims lists the accepted values of messages.aim.
func Aims() []string { return []string{AimPersuade, AimDemobilise} }

// Appeals lists the accepted non-empty values of messages.appeal: both
// poles of each Big Five trait.
func Appeals() []string {
	return []string{"high-openness", "low-openness", "order", "spontaneity", "extravert", "introvert",
		"warmth", "competition", "fear-security", "calm"}
}

// appealTrait maps an appeal to the trait it speaks to and the pole: copy
// written for extraverts works on high extraversion (+1), copy for
// introverts on low extraversion (−1). ok is false for an unknown appeal;
// the generic appeal "" has pole 0.
func appealTrait(appeal string) (a Attr, pole float32, ok bool) {
	switch appeal {
	case "":
		return 0, 0, true
	case "high-openness":
		return AttrOpenness, 1, true
	case "low-openness":
		return AttrOpenness, -1, true
	case "order": // structure, reliability, plans: high conscientiousness
		return AttrConscientiousness, 1, true
	case "spontaneity":
		return AttrConscientiousness, -1, true
	case "extravert":
		return AttrExtraversion, 1, true
	case "introvert":
		return AttrExtraversion, -1, true
	case "warmth": // caring, community: high agreeableness
		return AttrAgreeableness, 1, true
	case "competition":
		return AttrAgreeableness, -1, true
	case "fear-security": // threat and protection: high neuroticism
		return AttrNeuroticism, 1, true
	case "calm":
		return AttrNeuroticism, -1, true
	}
	return 0, 0, false
}

// newMessage fills the parsed appeal of a message; the appeal must be valid.
func newMessage(name string, stance float64, tone, appeal, aim string) Message {
	a, pole, _ := appealTrait(appeal)
	return Message{Name: name, Stance: stance, Tone: tone, Appeal: appeal, Aim: aim, trait: a, pole: pole}
}

// MessageLibrary returns the message library of cfg: its [[messages]], or
// the built-in library when the scenario gives none. Omitted fields take
// their defaults: the campaign's stance, an informative tone, the persuade
// aim. cfg must be valid.
func MessageLibrary(cfg Config) []Message {
	if len(cfg.Messages) == 0 {
		return defaultMessages(cfg.Campaign)
	}
	out := make([]Message, len(cfg.Messages))
	for i, m := range cfg.Messages {
		stance := m.Stance
		if stance == 0 {
			stance = cfg.Campaign.Stance
		}
		tone, aim := m.Tone, m.Aim
		if tone == "" {
			tone = ToneInformative
		}
		if aim == "" {
			aim = AimPersuade
		}
		out[i] = newMessage(m.Name, stance, tone, m.Appeal, aim)
	}
	return out
}

// defaultMessages is the built-in library: one generic ad first (the one
// broadcast shows), one ad per appeal (both poles of each Big Five trait:
// the copy variants of Matz et al. 2017 and Cambridge Analytica's
// personality-matched ads), and one demobilising ad for the demobilise
// strategy. All carry the campaign's stance; none is misinformation.
func defaultMessages(c CampaignParams) []Message {
	s := c.Stance
	msgs := []Message{newMessage("generic", s, ToneInformative, "", AimPersuade)}
	for _, ap := range Appeals() {
		tone := ToneInformative
		switch ap {
		case "extravert", "spontaneity", "warmth", "competition":
			tone = ToneEmotional
		case "fear-security":
			tone = ToneFear
		}
		msgs = append(msgs, newMessage(ap, s, tone, ap, AimPersuade))
	}
	return append(msgs, newMessage("discourage", s, ToneEmotional, "", AimDemobilise))
}

// messageIndex returns the index of the message called name, or −1.
func messageIndex(msgs []Message, name string) int {
	for i := range msgs {
		if msgs[i].Name == name {
			return i
		}
	}
	return -1
}

// firstMessage returns the index of the library's first message with the
// given aim, or −1.
func firstMessage(msgs []Message, aim string) int {
	for i := range msgs {
		if msgs[i].Aim == aim {
			return i
		}
	}
	return -1
}

// armMessage resolves the message a single-message strategy shows: the
// arm's message option, or the first message with the aim.
func armMessage(msgs []Message, ac ArmConfig, aim string) int {
	if ac.Message != "" {
		return messageIndex(msgs, ac.Message)
	}
	return firstMessage(msgs, aim)
}

// checkMessages validates the [[messages]] tables of c and returns the
// first problem as a *FieldError naming the key, or nil.
func checkMessages(c *Config) error {
	seen := map[string]bool{}
	for i, m := range c.Messages {
		key := fmt.Sprintf("messages[%d]", i)
		bad := func(field string, v any, format string, a ...any) error {
			return &FieldError{Key: key + "." + field, Value: v, Msg: fmt.Sprintf(format, a...)}
		}
		switch {
		case m.Name == "":
			return bad("name", m.Name, "every message needs a name")
		case seen[m.Name]:
			return bad("name", m.Name, "message names must be unique")
		case m.Stance != 0 && m.Stance != 1 && m.Stance != -1:
			return bad("stance", m.Stance, "must be 1 (for) or -1 (against), or omitted for campaign.stance")
		case m.Tone != "" && !contains(Tones(), m.Tone):
			return bad("tone", m.Tone, "unknown (allowed: %v)", Tones())
		case m.Aim != "" && !contains(Aims(), m.Aim):
			return bad("aim", m.Aim, "unknown (allowed: %v)", Aims())
		}
		if _, _, ok := appealTrait(m.Appeal); !ok {
			return bad("appeal", m.Appeal, "unknown (allowed: empty for a generic ad, or one of %v)", Appeals())
		}
		seen[m.Name] = true
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
