package ui

import (
	"fmt"
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
	key   scenarios.Key
	entry *widget.Entry // int, float and string keys
	check *widget.Check // bool keys
	msg   *widget.Label // the refusal, hidden while the value is fine
}

// settingsPanel is the Settings tab: one accordion section per group, one
// row per scenario key, generated from scenarios.Keys.
type settingsPanel struct {
	u       *App
	fields  map[string]*field
	content fyne.CanvasObject
	loading bool // refresh is setting values: ignore OnChanged
}

func newSettingsPanel(u *App) *settingsPanel {
	p := &settingsPanel{u: u, fields: map[string]*field{}}
	byGroup := map[string][]fyne.CanvasObject{}
	for _, k := range scenarios.Keys() {
		g := GroupOf(k.Name)
		if g == "" {
			continue
		}
		byGroup[g] = append(byGroup[g], p.row(k))
	}
	acc := widget.NewAccordion()
	for _, g := range Groups {
		acc.Append(widget.NewAccordionItem(lang.L(g.Title), container.NewVBox(byGroup[g.Title]...)))
	}
	acc.Open(0)
	intro := widget.NewLabel(lang.L("Change a value and press Enter (or tick a box): the run restarts from step 0 with it. " +
		"Values outside the allowed range are refused with the reason. Scenario arms and messages are set in the scenario file."))
	intro.Wrapping = fyne.TextWrapWord
	p.content = container.NewBorder(intro, nil, nil, nil, container.NewVScroll(acc))
	p.refresh(u.cfg)
	return p
}

// row builds the control for key k: name, input, info button, and the
// key's explanation (meaning, unit and range) under it. The key's name
// stays English because it is what the scenario file and --set use; its
// explanation is translated (KeyDoc).
func (p *settingsPanel) row(k scenarios.Key) fyne.CanvasObject {
	f := &field{key: k, msg: widget.NewLabel("")}
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.Hide()
	p.fields[k.Name] = f
	var input fyne.CanvasObject
	if k.Type == "bool" {
		f.check = widget.NewCheck("", func(on bool) {
			if !p.loading {
				p.apply(f, strconv.FormatBool(on))
			}
		})
		input = f.check
	} else {
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
	top := container.NewBorder(nil, nil, name, container.NewHBox(input, info))
	return container.NewVBox(top, doc, f.msg, widget.NewSeparator())
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
// falls back to English (and TestI18nDynamicKeys fails).
func KeyDoc(k scenarios.Key) string {
	if k.Doc == "" {
		return ""
	}
	return lang.L(k.Doc)
}

// refresh shows cfg's values in every field.
func (p *settingsPanel) refresh(cfg sim.Config) {
	vals := Values(cfg)
	p.loading = true
	defer func() { p.loading = false }()
	for _, f := range p.fields {
		p.setWith(f, vals)
	}
}

func (p *settingsPanel) setValue(f *field, cfg sim.Config) {
	p.loading = true
	defer func() { p.loading = false }()
	p.setWith(f, Values(cfg))
}

func (p *settingsPanel) setWith(f *field, vals map[string]string) {
	v := vals[f.key.Name]
	if f.check != nil {
		f.check.SetChecked(v == "true")
	} else {
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
