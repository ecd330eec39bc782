package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"boomerang/sim"
)

// This file holds presentation mode (one key to a projector-ready screen)
// and the language switch, both of which restyle the whole window.

// PresentationScale is the largest scale of text, icons and padding in
// presentation mode. The mode picks its scale from the screen (see
// presentScale): on a 1920×1080 projector about 1.54, body text about
// 21.6 pixels, 1/50 of the screen height — the usual rule for lecture
// slides, readable from 10 m.
const PresentationScale = 1.6

// PresentationHeight is the height in Fyne units (at the mode's own
// scale) that presentation mode lays out: the screen's height divided by
// the scale. At 700 the toolbar, tabs, cards and colour key take a third
// and each of the four campaign charts a third of the screen, and body
// text is 1/50 of the screen height whatever the screen and FYNE_SCALE.
const PresentationHeight = 700

// PresentationWidth is the narrowest layout presentation mode needs, in
// its own units: on a narrow screen the scale shrinks to keep it.
const PresentationWidth = 900

// presentScale is presentation mode's theme scale on a window of size
// units (its pixels divided by FYNE_SCALE): the screen decides the size of
// the text, so FYNE_SCALE and the mode do not multiply (at 1280×800 and
// FYNE_SCALE=1.5 they did: the toolbar and charts fell off the screen).
func presentScale(size fyne.Size) float32 {
	if size.Width <= 0 || size.Height <= 0 {
		return 1
	}
	s := min(size.Height/PresentationHeight, size.Width/PresentationWidth, PresentationScale)
	return max(s, 0.5)
}

// textFactor is how much the theme enlarges text now: 1 normally, the
// presentation scale in presentation mode.
func textFactor() float64 {
	return float64(theme.TextSize() / theme.DefaultTheme().Size(theme.SizeNameText))
}

// chartScale is the text and line scale of every chart the app draws:
// ChartScale, times the theme's enlargement, so that a chart's text grows
// with presentation mode like the rest of the window.
func chartScale() float64 { return ChartScale * textFactor() }

// PrefLanguage remembers the language chosen in the app ("en", "nl").
const PrefLanguage = "language"

// scaledTheme is the current theme with every size multiplied.
type scaledTheme struct {
	fyne.Theme
	scale float32
}

// Size implements fyne.Theme.
func (t scaledTheme) Size(n fyne.ThemeSizeName) float32 { return t.Theme.Size(n) * t.scale }

// Color implements fyne.Theme; it follows the system's light/dark variant.
func (t scaledTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, v)
}

// Presenting reports whether presentation mode is on.
func (u *App) Presenting() bool { return u.presenting }

// TogglePresentation switches presentation mode: full screen, everything
// scaled for the screen (presentScale), one toolbar row, the settings tab
// and the seed and size fields hidden, the charts given the room. Press
// F5 again (or Escape) to leave.
func (u *App) TogglePresentation() { u.SetPresentation(!u.presenting) }

// SetPresentation turns presentation mode on or off (UI goroutine).
func (u *App) SetPresentation(on bool) {
	if on == u.presenting {
		return
	}
	u.presenting = on
	tab := u.CurrentTab()
	u.presentAt = 0
	if on {
		// Sized for the window now; once full screen, fit adjusts it.
		u.setPresentScale(presentScale(u.Window.Canvas().Size()))
	} else {
		u.fyneApp.Settings().SetTheme(theme.DefaultTheme())
	}
	u.Window.SetFullScreen(on)
	u.rebuild(tab)
	u.tracef("presentation %v", on)
}

// setPresentScale applies presentation mode's theme at scale s.
func (u *App) setPresentScale(s float32) {
	u.presentAt = s
	u.fyneApp.Settings().SetTheme(scaledTheme{theme.DefaultTheme(), s})
	u.tracef("presentation scale %.2f", s)
}

// fit is told the window's size at every layout: in presentation mode a
// new size (the window has gone full screen, or was moved to another
// screen) gets the scale that fits it. The theme changes after the
// layout, on the UI goroutine.
func (u *App) fit(size fyne.Size) {
	if !u.presenting {
		return
	}
	s := presentScale(size)
	if d := s - u.presentAt; d > -0.01 && d < 0.01 {
		return
	}
	u.presentAt = s // once per size
	go u.do(func() {
		if u.presenting && u.presentAt == s {
			u.setPresentScale(s)
			u.rebuild(u.CurrentTab()) // widths measured in text (the counter) follow the scale
		}
	})
}

// fitLayout lays out the window's content at its full size and reports
// the size to the app (App.fit).
type fitLayout struct{ u *App }

// MinSize implements fyne.Layout.
func (l fitLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// Layout implements fyne.Layout.
func (l fitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	l.u.fit(size)
}

// SetLanguage switches the app to language code ("en" or "nl") and
// rebuilds the window in it; the run goes on.
func (u *App) SetLanguage(code string) error {
	if err := SetLanguage(code); err != nil {
		return err
	}
	if !u.opt.NoPrefs {
		u.fyneApp.Preferences().SetString(PrefLanguage, code)
	}
	u.rebuild(u.CurrentTab())
	return nil
}

// rebuild lays out the window again (new language or presentation mode)
// and shows the last state on it.
func (u *App) rebuild(tab string) {
	u.viewsStop()
	u.legendFor = ""
	u.opt.Tab = tab
	sel := u.pop.Selected()
	u.build()
	if sel >= 0 {
		u.pop.Select(sel)
		u.target.follow(sel)
	}
	u.selectScenario(u.opt.Scenario)
	if u.hasSnap {
		u.hasSnap = false
		u.apply(u.last)
	} else {
		u.setCards([]sim.Result{{}})
	}
	u.flushCharts()
}

// presentKey handles the keys of this file before the others: F5 toggles
// presentation mode, Escape leaves it.
func (u *App) presentKey(k fyne.KeyName) bool {
	switch {
	case k == fyne.KeyF5:
		u.TogglePresentation()
		return true
	case k == fyne.KeyEscape && u.presenting:
		u.SetPresentation(false)
		return true
	}
	return false
}

// languageNames are the language picker's choices.
func languageNames() []string {
	names := make([]string, len(Languages))
	for i, l := range Languages {
		names[i] = l.Name
	}
	return names
}

// languageName is the picker's label of the current language.
func languageName() string {
	cur := CurrentLanguage()
	for _, l := range Languages {
		if l.Code == cur {
			return l.Name
		}
	}
	return Languages[0].Name
}

// presentLabel is the presentation button's label.
func (u *App) presentLabel() string {
	if u.presenting {
		return lang.L("Leave presentation")
	}
	return lang.L("Present")
}
