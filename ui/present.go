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

// PresentationScale enlarges text, icons and padding in presentation mode:
// at 1.6 the body text is 22 units, which a 1920×1080 projector shows at
// about 2.2 % of the screen height — readable from 10 m (the usual rule
// for lecture slides: text at least 1/50 of the screen height).
const PresentationScale = 1.6

// PresentationChartScale is the charts' text and line scale in
// presentation mode (ChartScale otherwise).
const PresentationChartScale = 1.45

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
// larger (PresentationScale), the settings tab and the seed and size
// fields hidden, big headline cards. Press F5 again (or Escape) to leave.
func (u *App) TogglePresentation() { u.SetPresentation(!u.presenting) }

// SetPresentation turns presentation mode on or off (UI goroutine).
func (u *App) SetPresentation(on bool) {
	if on == u.presenting {
		return
	}
	u.presenting = on
	tab := u.CurrentTab()
	if on {
		u.fyneApp.Settings().SetTheme(scaledTheme{theme.DefaultTheme(), PresentationScale})
	} else {
		u.fyneApp.Settings().SetTheme(theme.DefaultTheme())
	}
	u.Window.SetFullScreen(on)
	u.rebuild(tab)
	u.tracef("presentation %v", on)
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
	u.tradeoff.stop()
	u.legendFor = ""
	u.opt.Tab = tab
	sel := u.pop.Selected()
	u.build()
	if sel >= 0 {
		u.pop.Select(sel)
		u.prey.follow(sel)
	}
	u.selectScenario(u.opt.Scenario)
	scale := ChartScale
	if u.presenting {
		scale = PresentationChartScale
	}
	for _, c := range u.Charts {
		c.SetScale(scale)
	}
	if u.hasSnap {
		u.hasSnap = false
		u.apply(u.last)
	} else {
		u.setCards(sim.Result{})
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
