package ui

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"boomerang/scenarios"
	"boomerang/sim"
)

// Preference keys.
const (
	PrefScenario = "scenario" // built-in name last loaded
	PrefSeed     = "seed"     // seed last used, as text
	PrefWidth    = "window.width"
	PrefHeight   = "window.height"
)

// StartConfig is the scenario the app opens on: the one remembered in
// prefs (built-in name and seed), else the default. It returns the
// built-in name too.
func StartConfig(prefs fyne.Preferences) (sim.Config, string, error) {
	name := prefs.StringWithFallback(PrefScenario, scenarios.DefaultName)
	cfg, err := scenarios.Builtin(name)
	if err != nil {
		name = scenarios.DefaultName
		if cfg, err = scenarios.Default(); err != nil {
			return cfg, name, err
		}
	}
	if s := prefs.String(PrefSeed); s != "" {
		c := cloneConfig(cfg)
		if scenarios.Set(&c, "seed", s) == nil && c.Validate() == nil {
			cfg = c
		}
	}
	return cfg, name, nil
}

// RememberedSize is the window size remembered in prefs, if any.
func RememberedSize(prefs fyne.Preferences) (fyne.Size, bool) {
	w, h := prefs.Float(PrefWidth), prefs.Float(PrefHeight)
	if w < 200 || h < 150 {
		return fyne.Size{}, false
	}
	return fyne.NewSize(float32(w), float32(h)), true
}

// savePrefs remembers the scenario, seed and window size.
func (u *App) savePrefs() {
	if u.opt.NoPrefs {
		return
	}
	p := u.fyneApp.Preferences()
	if _, err := scenarios.Builtin(u.opt.Scenario); err == nil {
		p.SetString(PrefScenario, u.opt.Scenario)
	}
	p.SetString(PrefSeed, fmt.Sprint(u.cfg.Seed))
	if s := u.Window.Canvas().Size(); s.Width > 0 && s.Height > 0 {
		p.SetFloat(PrefWidth, float64(s.Width))
		p.SetFloat(PrefHeight, float64(s.Height))
	}
}

// bindKeys sets the lecturer's keyboard: Space play/pause, → step,
// R reset, F11 full screen, Ctrl+E export.
func (u *App) bindKeys() {
	c := u.Window.Canvas()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { u.TypedKey(ev.Name) })
	export := &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	u.keys.AddShortcut(export, func(fyne.Shortcut) { u.showExport() })
	c.AddShortcut(export, u.keys.TypedShortcut)
}

// TypedKey handles a key typed outside an entry.
func (u *App) TypedKey(k fyne.KeyName) {
	switch k {
	case fyne.KeyF11:
		u.Window.SetFullScreen(!u.Window.FullScreen())
		return
	}
	if !u.hasSnap {
		return
	}
	switch k {
	case fyne.KeySpace:
		u.ctrl.Toggle()
	case fyne.KeyRight:
		u.ctrl.Step()
	case fyne.KeyR:
		u.resetRun()
	}
}

// showAbout shows the version and what the app is. The two paragraphs are
// translated apart so that a new version number needs no new Dutch.
func (u *App) showAbout() {
	dialog.ShowInformation(lang.L("About Boomerang"),
		fmt.Sprintf("Boomerang %s\n\n%s\n\n%s", sim.Version,
			lang.L("An agent-based model of micro-targeted campaigns:\nwhat targeting gains, and what it costs in privacy."),
			lang.L("Keys: Space play/pause · Right arrow step · R reset · F5 presentation · F11 full screen · Ctrl+E export")), u.Window)
}

// showOpen loads a scenario file; a file that fails to parse or validate
// is reported and the previous scenario stays loaded.
func (u *App) showOpen() {
	if u.browserOpen() {
		return // the browser's file picker (web_js.go)
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		defer u.refocus()
		if err == nil && r == nil {
			return // cancelled
		}
		name := lang.L("the file")
		if err == nil {
			defer r.Close()
			name = r.URI().Name()
			err = u.OpenScenarioIn(name, scenarioDir(r.URI()), r)
		}
		if err != nil {
			u.refuse(name, err)
			e := dialog.NewError(fmt.Errorf(lang.L("%v\n\nThe previous scenario stays loaded."), err), u.Window)
			e.SetOnClosed(u.refocus)
			e.Show()
		}
	}, u.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".toml"}))
	showFileDialog(d, u.dialogSize())
	u.tracef("dialog open")
}

// refocus gives the keyboard back to the window after a dialog or a
// picker: with no widget focused, Space, →, R, F5, Escape and Ctrl+E
// reach the app's own handlers again.
func (u *App) refocus() {
	u.Window.Canvas().Unfocus()
}

// OpenScenario loads a scenario file's contents; on error nothing changes.
func (u *App) OpenScenario(name string, r io.Reader) error { return u.OpenScenarioIn(name, "", r) }

// OpenScenarioIn is OpenScenario for a file in dir, where the data files
// it names (network.path, population.file) are found (open_data.go).
func (u *App) OpenScenarioIn(name, dir string, r io.Reader) error {
	data, err := io.ReadAll(io.LimitReader(r, scenarios.MaxFileSize+1))
	if err != nil {
		return err
	}
	if len(data) > scenarios.MaxFileSize {
		return fmt.Errorf(lang.L("%s: larger than %d bytes"), name, scenarios.MaxFileSize)
	}
	cfg, err := scenarios.ParseIn(name, data, dir)
	if err != nil {
		return err
	}
	if err := u.Load(cfg); err != nil {
		return err
	}
	u.opt.Scenario = cfg.Name
	u.selectScenario(cfg.Name)
	u.tracef("opened %s as %s", name, cfg.Name)
	u.setStatus(fmt.Sprintf(lang.L("Opened %s."), name), false)
	return nil
}

// keySelect is a Select that leaves the lecturer's keys to the window. A
// Select keeps the keyboard focus once it has been used, and Fyne's
// Select opens its list on Space and changes its choice on → (issue 15:
// after picking a chart, Space reopened the picker and Escape no longer
// left presentation mode). Here Up and Down still open the list; every
// other key goes to the window's own handler, and the focus with it.
// Every picker of the app's views should be one (newSelect).
type keySelect struct {
	widget.Select
}

// newSelect is widget.NewSelect for the app's pickers (see keySelect).
func newSelect(options []string, changed func(string)) *keySelect {
	s := &keySelect{}
	s.Options = options
	s.OnChanged = changed
	s.PlaceHolder = "(Select one)" // Fyne's default, which it translates
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey implements fyne.Focusable.
func (s *keySelect) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown:
		s.Select.TypedKey(ev)
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(s)
	if c == nil {
		return
	}
	c.Unfocus()
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// keyEntry is an Entry that leaves the window's keys to the window: text
// keys edit the field, while F5, F11, Escape and Ctrl+E (which an Entry
// would swallow) act as everywhere else and take the keyboard back.
type keyEntry struct {
	widget.Entry
	u *App
}

// newEntry is widget.NewEntry for the toolbar's fields (see keyEntry).
func (u *App) newEntry() *keyEntry {
	e := &keyEntry{u: u}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyF5, fyne.KeyF11, fyne.KeyEscape:
		e.u.refocus()
		if h := e.u.Window.Canvas().OnTypedKey(); h != nil {
			h(ev)
		}
		return
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut implements fyne.Shortcutable: the app's own shortcuts
// (Ctrl+E) go to the app, the others (copy, paste, …) to the field.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if _, ok := s.(*desktop.CustomShortcut); ok {
		e.u.refocus()
		e.u.keys.TypedShortcut(s)
		return
	}
	e.Entry.TypedShortcut(s)
}
