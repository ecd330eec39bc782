package scenarios

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"boomerang/sim"
)

// StepConfig returns the configuration of guided step k of cfg's story:
// the scenario with the set tables of steps 1 to k applied in order
// (cumulative, so "Back" and "Next" in the app are deterministic and step
// k never depends on how the user got there). k = 0 is the scenario as
// written. The result keeps cfg's story, so the app can move on from it.
// Parse has already checked every step of a loaded scenario, so an error
// here means cfg was built by hand.
func StepConfig(cfg sim.Config, k int) (sim.Config, error) {
	if k < 0 || k > len(cfg.Story.Steps) {
		return sim.Config{}, fmt.Errorf("story step %d: the story has steps 1 to %d", k, len(cfg.Story.Steps))
	}
	out := cfg
	out.Arms = append([]sim.ArmConfig(nil), cfg.Arms...)
	for i := 0; i < k; i++ {
		if key, err := applyStep(&out, cfg.Story.Steps[i].Set); err != nil {
			return sim.Config{}, fmt.Errorf("story step %d: %s: %w", i+1, key, err)
		}
	}
	if err := out.Validate(); err != nil {
		return sim.Config{}, fmt.Errorf("story step %d: %w", k, err)
	}
	return out, nil
}

// applyStep applies one step's settings in key order and returns the key
// that failed, if any.
func applyStep(cfg *sim.Config, set map[string]any) (string, error) {
	for _, key := range sortedKeys(set) {
		if err := setValue(cfg, key, set[key]); err != nil {
			return key, err
		}
	}
	return "", nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// setValue assigns a TOML value to a dotted key, checking its type
// against the key's (an int key takes only whole numbers; a float key
// whole or decimal numbers; bool and string keys only their own type).
func setValue(cfg *sim.Config, key string, v any) error {
	var k *Key
	for _, kk := range Keys() {
		if kk.Name == key {
			k = &kk
			break
		}
	}
	if k == nil {
		msg := fmt.Sprintf("unknown key %q", key)
		if s := SuggestKey(key); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return fmt.Errorf("%s; a step may set any key of docs/SCENARIOS.md's key reference", msg)
	}
	var text string
	switch x := v.(type) {
	case int64:
		if k.Type == "bool" || k.Type == "string" {
			return fmt.Errorf("%s = %d: must be a %s", key, x, typeWord(k.Type))
		}
		text = strconv.FormatInt(x, 10)
	case float64:
		if k.Type != "float" {
			return fmt.Errorf("%s = %v: must be a %s", key, x, typeWord(k.Type))
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("%s = %v: must be a finite number", key, x)
		}
		text = strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		if k.Type != "bool" {
			return fmt.Errorf("%s = %v: must be a %s", key, x, typeWord(k.Type))
		}
		text = strconv.FormatBool(x)
	case string:
		if k.Type != "string" {
			return fmt.Errorf("%s = %q: must be a %s, written without quotes", key, x, typeWord(k.Type))
		}
		text = x
	default:
		return fmt.Errorf("%s: must be a %s, not %T", key, typeWord(k.Type), v)
	}
	return Set(cfg, key, text)
}

func typeWord(t string) string {
	switch t {
	case "int":
		return "whole number"
	case "float":
		return "number"
	case "bool":
		return "true or false value"
	}
	return "quoted string"
}

// SuggestKey returns the known key closest to a misspelt one, if any is
// within a few edits ("" if none): for "did you mean" messages.
func SuggestKey(key string) string {
	best, bestD := "", 4
	for _, k := range Keys() {
		if d := editDistance(key, k.Name); d < bestD {
			best, bestD = k.Name, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	if len(a) > 200 || len(b) > 200 {
		return 1 << 30
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// flatten turns nested tables in a step's set ({ campaign = { budget = 5 } }
// or { campaign.budget = 5 }, which TOML reads as nested) into dotted keys.
func flatten(prefix string, in map[string]any, out map[string]any) {
	for k, v := range in {
		if m, ok := v.(map[string]any); ok {
			flatten(prefix+k+".", m, out)
			continue
		}
		out[prefix+k] = v
	}
}

// checkStory normalises the story (dotted keys, no empty tables) and
// checks every step cumulatively, pointing errors at the step's set line.
func checkStory(name string, data []byte, cfg *sim.Config) error {
	st := &cfg.Story
	if len(st.Steps) == 0 {
		st.Steps = nil
		return nil
	}
	cur := *cfg
	arms := map[string]bool{}
	for _, a := range cfg.Arms {
		arms[a.Name] = true
	}
	for i := range st.Steps {
		s := &st.Steps[i]
		tableKey := fmt.Sprintf("story.steps[%d]", i)
		where := fmt.Sprintf("story step %d (%s)", i+1, tableKey)
		if strings.TrimSpace(s.TextEN) == "" && strings.TrimSpace(s.TextNL) == "" {
			return &Error{File: name, Line: stepLine(data, i), Key: tableKey, Msg: where + ": needs a text_en or text_nl"}
		}
		if err := checkClaims(s, arms, len(st.Steps)); err != nil {
			return &Error{File: name, Line: stepLine(data, i), Key: tableKey, Msg: where + ": " + err.Error()}
		}
		flat := map[string]any{}
		flatten("", s.Set, flat)
		if len(flat) == 0 {
			flat = nil
		}
		s.Set = flat
		for _, key := range sortedKeys(flat) {
			if err := setValue(&cur, key, flat[key]); err != nil {
				line, col := setPosition(data, i, key)
				return &Error{File: name, Line: line, Col: col, Key: tableKey + ".set." + key, Msg: where + " sets " + err.Error()}
			}
		}
		if err := cur.Validate(); err != nil {
			key := ""
			if fe, ok := err.(*sim.FieldError); ok {
				key = fe.Key
			}
			line, col := setPosition(data, i, key)
			if _, set := flat[key]; !set {
				col = 0 // the bad value is a combination, not this key's own
			}
			return &Error{File: name, Line: line, Col: col, Key: tableKey + ".set." + key,
				Msg: where + ": " + err.Error() + " (steps apply on top of the ones before)"}
		}
	}
	return nil
}

// checkClaims parses a step's claims and the placeholders of its texts,
// and checks that English and Dutch carry the same placeholders (a
// translation must not quote a different number).
func checkClaims(s *sim.StoryStep, arms map[string]bool, steps int) error {
	stepOK := func(ts []Term) error {
		for _, t := range ts {
			if t.Step > steps {
				return fmt.Errorf("%s: the story has steps 1 to %d", t, steps)
			}
		}
		return nil
	}
	for _, text := range s.Expect {
		c, err := ParseClaim(text, arms)
		if err == nil {
			err = stepOK(c.Terms())
		}
		if err != nil {
			return fmt.Errorf("expect: %w", err)
		}
	}
	var keys [2][]string
	for l, text := range []string{s.TextEN + s.QuestionEN, s.TextNL + s.QuestionNL} {
		ps, err := Placeholders(text, arms)
		if err != nil {
			return fmt.Errorf("text_%s: %w", [2]string{"en", "nl"}[l], err)
		}
		for _, p := range ps {
			if err := stepOK(p.Terms()); err != nil {
				return fmt.Errorf("text_%s: %w", [2]string{"en", "nl"}[l], err)
			}
			keys[l] = append(keys[l], p.Text)
		}
		slices.Sort(keys[l])
		keys[l] = slices.Compact(keys[l])
	}
	if s.TextEN != "" && s.TextNL != "" && !slices.Equal(keys[0], keys[1]) {
		return fmt.Errorf("text_en has the placeholders %v but text_nl %v", keys[0], keys[1])
	}
	return nil
}

// stepLine is the line of the i-th [[story.steps]] header, or 0.
func stepLine(data []byte, i int) int {
	n := -1
	for l, line := range strings.Split(string(data), "\n") {
		if m := arrayHeader.FindStringSubmatch(line); m != nil && m[1] == "story.steps" {
			n++
			if n == i {
				return l + 1
			}
		}
	}
	return 0
}

// setPosition finds the line and column of key inside step i's set, or
// the set's line, or the step's header line.
func setPosition(data []byte, i int, key string) (int, int) {
	line := lineOf(data, fmt.Sprintf("story.steps[%d].set", i))
	if line == 0 {
		return stepLine(data, i), 0
	}
	text := strings.Split(string(data), "\n")[line-1]
	if key != "" {
		last := key[strings.LastIndexByte(key, '.')+1:]
		for _, probe := range []string{`"` + key + `"`, `'` + key + `'`, key, last} {
			if j := strings.Index(text, probe); j >= 0 {
				return line, 1 + utf8RuneCount(text[:j])
			}
		}
	}
	return line, 0
}

func utf8RuneCount(s string) int { return len([]rune(s)) }
