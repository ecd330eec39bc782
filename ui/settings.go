package ui

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	toml "github.com/pelletier/go-toml/v2"

	"boomerang/scenarios"
	"boomerang/sim"
	"boomerang/sim/influence"
	"boomerang/sim/network"
)

// Groups are the settings panel's sections, in order; each takes the keys
// whose first dotted part is in Prefixes. Title is English and doubles as
// the group's identifier (GroupOf, tests); the panel shows it through
// lang.L, so translations/settings.nl.json must hold every Title.
var Groups = []struct {
	Title    string
	Prefixes []string
}{
	{"Population", []string{"population"}},
	{"Data & platform", []string{"data"}},
	{"Campaign", []string{"steps", "campaign", "response"}},
	{"Regulation", []string{"regulation", "defence"}},
	{"Social dynamics", []string{"network", "opinion", "influence"}},
}

// GroupOf is the settings group of a dotted key, or "" for keys the panel
// leaves out (name, title, description; the seed is in the toolbar).
func GroupOf(key string) string {
	head, _, _ := strings.Cut(key, ".")
	for _, g := range Groups {
		for _, p := range g.Prefixes {
			if p == head {
				return g.Title
			}
		}
	}
	return ""
}

// field is one control of the settings panel.
type field struct {
	key     scenarios.Key
	entry   *widget.Entry // int, float and free-text string keys
	check   *widget.Check // bool keys
	pick    *keySelect    // keys with a fixed set of values (enumChoices)
	msg     *widget.Label // the refusal, hidden while the value is fine
	changed *widget.Label // "changed (scenario: …)", hidden while the value is the scenario's
	row     fyne.CanvasObject
	text    string // what a search looks in: the key and its explanation, lower case
}

// enumChoices are the allowed values of the string keys that take one of
// a fixed set: the panel offers them in a picker, not a text field.
var enumChoices = map[string]func() []string{
	"network.kind":              network.Kinds,
	"opinion.initial":           sim.OpinionKinds,
	"influence.model":           influence.Names,
	"regulation.consent_design": sim.ConsentDesigns,
	"campaign.audience.gender":  sim.AudienceGenders,
	"campaign.aim":              sim.CampaignAims,
}

// listKeys are string keys that take a comma-separated list of names or a
// file path, not one of a fixed set: they stay text fields.
var listKeys = map[string]bool{"campaign.audience.interests": true, "network.path": true, "population.file": true}

// settingsPanel is the Settings tab: a search field over one accordion
// section per group, one row per scenario key, generated from
// scenarios.Keys. A setting that differs from the scenario's own value
// (the story's, at its current page) is marked changed.
type settingsPanel struct {
	u       *App
	fields  map[string]*field
	content fyne.CanvasObject
	loading bool // refresh is setting values: ignore OnChanged

	acc     *widget.Accordion
	search  *widget.Entry
	noMatch *widget.Label
	groups  [][]*field // the fields of each of Groups, in order
	// own is the scenario as loaded before the user changed anything,
	// for scenarios without a story (with one, the story says: Own).
	own sim.Config
}

func newSettingsPanel(u *App) *settingsPanel {
	p := &settingsPanel{u: u, fields: map[string]*field{}, groups: make([][]*field, len(Groups))}
	byGroup := map[string][]fyne.CanvasObject{}
	for _, k := range scenarios.Keys() {
		g := GroupOf(k.Name)
		if g == "" {
			continue
		}
		f := p.row(k)
		byGroup[g] = append(byGroup[g], f.row)
		for i := range Groups {
			if Groups[i].Title == g {
				p.groups[i] = append(p.groups[i], f)
			}
		}
	}
	p.acc = widget.NewAccordion()
	for _, g := range Groups {
		p.acc.Append(widget.NewAccordionItem(lang.L(g.Title), container.NewVBox(byGroup[g.Title]...)))
	}
	p.acc.Open(0)
	intro := widget.NewLabel(lang.L("Change a value and press Enter (or tick a box, or pick a value): the run restarts from step 0 with it. " +
		"Values outside the allowed range are refused with the reason. Scenario arms and messages are set in the scenario file."))
	intro.Wrapping = fyne.TextWrapWord
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(lang.L("Search settings (e.g. consent, budget)"))
	p.search.OnChanged = func(string) { p.filter() }
	p.noMatch = widget.NewLabel("")
	p.noMatch.Importance = widget.WarningImportance
	p.noMatch.Hide()
	p.content = container.NewBorder(container.NewVBox(intro, p.search, p.noMatch), nil, nil, nil, container.NewVScroll(p.acc))
	p.own = cloneConfig(u.cfg)
	p.refresh(u.cfg)
	return p
}

// filter shows the settings whose key or explanation holds every word of
// the search, opens the groups that have one and closes the others; with
// no match it says so (UI goroutine).
func (p *settingsPanel) filter() {
	q := strings.Fields(strings.ToLower(p.search.Text))
	found := 0
	for i, fs := range p.groups {
		inGroup := 0
		for _, f := range fs {
			hit := true
			for _, w := range q {
				hit = hit && strings.Contains(f.text, w)
			}
			if hit {
				f.row.Show()
				inGroup++
			} else {
				f.row.Hide()
			}
		}
		found += inGroup
		switch {
		case len(q) == 0:
		case inGroup > 0:
			p.acc.Open(i)
		default:
			p.acc.Close(i)
		}
	}
	if len(q) > 0 && found == 0 {
		p.noMatch.SetText(trf("No setting matches %q.", strings.TrimSpace(p.search.Text)))
		p.noMatch.Show()
	} else {
		p.noMatch.Hide()
	}
	p.acc.Refresh()
}

// row builds the control for key k: name, input, info button, and the
// key's explanation (meaning, unit and range) under it. The key's name
// stays English because it is what the scenario file and --set use; its
// explanation is translated (KeyDoc).
func (p *settingsPanel) row(k scenarios.Key) *field {
	f := &field{key: k, msg: widget.NewLabel(""), changed: widget.NewLabel(""),
		text: strings.ToLower(k.Name + " " + KeyDoc(k) + " " + k.Doc)}
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.Hide()
	f.changed.Importance = widget.WarningImportance
	f.changed.Hide()
	p.fields[k.Name] = f
	var input fyne.CanvasObject
	switch choices, enum := enumChoices[k.Name]; {
	case k.Type == "bool":
		f.check = widget.NewCheck("", func(on bool) {
			if !p.loading {
				p.apply(f, strconv.FormatBool(on))
			}
		})
		input = f.check
	case enum:
		f.pick = newSelect(choices(), func(v string) {
			if !p.loading {
				p.apply(f, v)
			}
		})
		input = container.New(&minWidth{w: 160}, f.pick)
	default:
		f.entry = widget.NewEntry()
		f.entry.OnSubmitted = func(s string) { p.apply(f, s) }
		input = container.New(&minWidth{w: 160}, f.entry)
	}
	name := widget.NewLabel(k.Name)
	name.TextStyle.Bold = true
	info := widget.NewButtonWithIcon("", theme.InfoIcon(), func() {
		d := widget.NewLabel(KeyDoc(k))
		d.Wrapping = fyne.TextWrapWord
		dlg := dialog.NewCustom(k.Name+" ("+k.Type+")", lang.L("Close"), d, p.u.Window)
		dlg.Resize(fyne.NewSize(520, 260))
		dlg.Show()
	})
	info.Importance = widget.LowImportance
	doc := widget.NewLabel(KeyDoc(k))
	doc.Wrapping = fyne.TextWrapWord
	doc.SizeName = theme.SizeNameCaptionText
	top := container.NewBorder(nil, nil, container.NewHBox(name, f.changed), container.NewHBox(input, info))
	f.row = container.NewVBox(top, doc, f.msg, widget.NewSeparator())
	return f
}

// apply sets the field's value; a refused value shows the engine's
// message under the field and the field goes back to the loaded value.
func (p *settingsPanel) apply(f *field, value string) {
	err := p.u.SetValue(f.key.Name, value)
	if err != nil {
		f.msg.SetText(trf("Refused: %v", err))
		f.msg.Show()
		p.u.refuse(f.key.Name, err)
		p.setValue(f, p.u.cfg)
		if f.entry != nil {
			f.entry.SetValidationError(err)
		}
		return
	}
	f.msg.Hide()
	if f.entry != nil {
		f.entry.SetValidationError(nil)
	}
}

// KeyDoc is the explanation of scenario key k (meaning, unit, range and
// source) in the current language. The English text lives in the struct
// tags of sim.Config, so the Dutch is keyed by that text in
// translations/settings.nl.json; a key added to sim.Config without Dutch
// falls back to English (and TestI18nDynamicKeys fails). References to
// the project's own files ("LITERATURE 4", "docs/MODEL-campaign.md")
// mean nothing to a reader of the app and are left out.
func KeyDoc(k scenarios.Key) string {
	if k.Doc == "" {
		return ""
	}
	doc := internalRef.ReplaceAllString(lang.L(k.Doc), "")
	if b, ok := k.Bounds(); ok { // the limits declared next to the parameter
		if b.OpenLo {
			doc = trf("%s (allowed: above %v, at most %v)", doc, b.Lo, b.Hi)
		} else {
			doc = trf("%s (allowed: %v to %v)", doc, b.Lo, b.Hi)
		}
	}
	return doc
}

// internalRef matches a reference to the project's own documents inside
// a help text, with the separator before it: ", LITERATURE 4",
// "; see docs/MODEL.md", "(docs/MODEL-campaign.md)" when alone in its
// parentheses, or "docs/MODEL-campaign.md" followed by a colon.
var internalRef = regexp.MustCompile(`(\s*[,;]\s*(see\s+|zie\s+)?(LITERATURE\s*§?\s*\d+|docs/[\w./-]+))|(\s*\((see\s+|zie\s+)?(LITERATURE\s*§?\s*\d+|docs/[\w./-]+)\))|(,?\s*(docs/[\w./-]+))`)

// markChanged marks every setting whose value differs from the
// scenario's own (the story's configuration at its page, or the
// scenario as loaded) and returns the changed keys, the seed included
// (UI goroutine).
func (p *settingsPanel) markChanged() []string {
	own := p.own
	if p.u.story != nil {
		if cfg, ok := p.u.story.Own(); ok {
			own = cfg
		}
	}
	now, was := Values(p.u.cfg), Values(own)
	var keys []string
	if now["seed"] != was["seed"] {
		keys = append(keys, "seed")
	}
	for _, k := range scenarios.Keys() {
		f := p.fields[k.Name]
		if f == nil {
			continue
		}
		if now[k.Name] == was[k.Name] {
			f.changed.Hide()
			continue
		}
		keys = append(keys, k.Name)
		f.changed.SetText(trf("changed (scenario: %s)", was[k.Name]))
		f.changed.Show()
	}
	return keys
}

// changedNote is the story panel's note when the user changed keys.
func changedNote(keys []string) string {
	return trf("You changed %s: this text describes the scenario's own settings, so the numbers on screen can differ from it.", strings.Join(keys, ", "))
}

// refresh shows cfg's values in every field.
func (p *settingsPanel) refresh(cfg sim.Config) {
	if !sameScenario(cfg, p.own) {
		p.own = cloneConfig(cfg) // another scenario: its values are its own
	}
	vals := Values(cfg)
	p.loading = true
	defer func() { p.loading = false }()
	for _, f := range p.fields {
		p.setWith(f, vals)
	}
	p.markChanged()
}

// sameScenario reports whether a and b are one scenario, perhaps with
// other values of its settings: same name, arms, messages and story.
func sameScenario(a, b sim.Config) bool {
	return a.Name == b.Name && reflect.DeepEqual(a.Arms, b.Arms) &&
		reflect.DeepEqual(a.Messages, b.Messages) && reflect.DeepEqual(a.Story, b.Story)
}

func (p *settingsPanel) setValue(f *field, cfg sim.Config) {
	p.loading = true
	defer func() { p.loading = false }()
	p.setWith(f, Values(cfg))
}

func (p *settingsPanel) setWith(f *field, vals map[string]string) {
	v := vals[f.key.Name]
	switch {
	case f.check != nil:
		f.check.SetChecked(v == "true")
	case f.pick != nil:
		f.pick.SetSelected(v)
	default:
		f.entry.SetText(v)
	}
}

// Field returns the settings entry for a dotted key (nil for bool keys
// and keys not in the panel), and its message label.
func (u *App) Field(key string) (*widget.Entry, *widget.Label) {
	f := u.settings.fields[key]
	if f == nil {
		return nil, nil
	}
	return f.entry, f.msg
}

// Values are cfg's scalar settings as text by dotted key, as the scenario
// file writes them.
func Values(cfg sim.Config) map[string]string {
	out := map[string]string{}
	data, err := scenarios.Marshal(cfg)
	if err != nil {
		return out
	}
	var m map[string]any
	if err := toml.Unmarshal(data, &m); err != nil {
		return out
	}
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			switch v := v.(type) {
			case map[string]any:
				walk(prefix+k+".", v)
			case []any:
			case float64:
				out[prefix+k] = strconv.FormatFloat(v, 'g', -1, 64)
			default:
				out[prefix+k] = fmt.Sprint(v)
			}
		}
	}
	walk("", m)
	return out
}
