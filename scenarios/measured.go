package scenarios

import (
	"encoding/json"
	"path"
)

// This file holds the measured numbers of the built-in stories (issue 17):
// `boomerang-cli check-stories --write scenarios/builtin/measured` runs
// every step of every story over replications and stores, per step, the
// mean of each placeholder's value and each claim's result. The app and
// `boomerang-cli show --story` fill the story texts from them, so a text
// quotes what the model measured, never a number typed by hand.

// StoryMeasure is one story's measured run.
type StoryMeasure struct {
	Scenario string        `json:"scenario"`
	Seed     uint64        `json:"seed"` // base seed: replication 0 is the app's run at the scenario's seed
	Reps     int           `json:"reps"`
	Quick    bool          `json:"quick,omitempty"`
	Steps    []StepMeasure `json:"steps"`
}

// StepMeasure is what one story step measured.
type StepMeasure struct {
	Step   int                `json:"step"`             // 1-based, as in the app
	Values map[string]float64 `json:"values,omitempty"` // placeholder text → value
	Claims []ClaimResult      `json:"claims,omitempty"`
}

// ClaimResult is one claim checked over replications: the paired
// difference left − right (per replication), its mean and 95 % interval,
// and whether the interval lies on the claimed side of zero.
type ClaimResult struct {
	Claim     string  `json:"claim"`
	Left      float64 `json:"left"`  // mean of the left side
	Right     float64 `json:"right"` // mean of the right side
	Diff      float64 `json:"diff"`  // mean paired difference left − right
	Lo        float64 `json:"ci_low"`
	Hi        float64 `json:"ci_high"`
	N         int     `json:"n"`
	Pass      bool    `json:"pass"`
	Undefined bool    `json:"undefined,omitempty"` // a side had no value in some replication
}

// Measured returns the stored measurement of built-in scenario name, if
// there is one.
func Measured(name string) (StoryMeasure, bool) {
	data, err := builtinFS.ReadFile(path.Join("builtin", "measured", name+".json"))
	if err != nil {
		return StoryMeasure{}, false
	}
	var m StoryMeasure
	if json.Unmarshal(data, &m) != nil {
		return StoryMeasure{}, false
	}
	return m, true
}

// StepValues returns the placeholder values measured for story step k
// (1-based) of built-in scenario name; nil when none were stored.
func StepValues(name string, k int) map[string]float64 {
	m, ok := Measured(name)
	if !ok {
		return nil
	}
	for _, s := range m.Steps {
		if s.Step == k {
			return s.Values
		}
	}
	return nil
}
