package sim

// Story is a scenario's guided tour for the app's story mode: a title and
// summary in English and Dutch and ordered steps, each with a text, a
// question for the class and the settings it changes. It has no effect on
// a run; package scenarios validates every step's settings when it loads a
// file and resolves the configuration of step k (scenarios.StepConfig).
type Story struct {
	TitleEN   string      `toml:"title_en,omitempty" comment:"story title in English"`
	TitleNL   string      `toml:"title_nl,omitempty" comment:"story title in Dutch"`
	SummaryEN string      `toml:"summary_en,omitempty" multiline:"true" comment:"the narrative in English: the real case and what the arms compare"`
	SummaryNL string      `toml:"summary_nl,omitempty" multiline:"true" comment:"the narrative in Dutch"`
	Steps     []StoryStep `toml:"steps,omitempty" comment:"guided steps, in order; step k's configuration is the scenario with the set tables of steps 1 to k applied"`
}

// StoryStep is one guided step: what to look at, what to ask, and the
// settings (dotted scenario keys, as for --set) that it changes.
type StoryStep struct {
	TextEN     string         `toml:"text_en" multiline:"true" comment:"what this step does and what to look at, in English"`
	TextNL     string         `toml:"text_nl" multiline:"true" comment:"the same in Dutch"`
	QuestionEN string         `toml:"question_en" comment:"a question to ask the class, in English"`
	QuestionNL string         `toml:"question_nl" comment:"the same question in Dutch"`
	Set        map[string]any `toml:"set,inline,omitempty" comment:"settings this step changes, e.g. { \"campaign.budget\" = 5000 }: any key of the key reference; applied on top of the previous steps"`
	// Expect are the step's machine-checked claims, e.g.
	// "extra_conversions(interests) > 1.2 * extra_conversions(broadcast)"
	// (grammar in scenarios/claims.go; `boomerang-cli check-stories`).
	Expect []string `toml:"expect,omitempty" comment:"claims the step's text makes, checked over replications by boomerang-cli check-stories, e.g. [\"extra_conversions(interests) > 1.2 * extra_conversions(broadcast)\"]"`
}

// IsZero reports whether the story is absent.
func (s Story) IsZero() bool {
	return s.TitleEN == "" && s.TitleNL == "" && s.SummaryEN == "" && s.SummaryNL == "" && len(s.Steps) == 0
}
