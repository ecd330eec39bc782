package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"boomerang/sim"
	"boomerang/ui/play"
)

// This file holds what every tab of the window is to the App: a view
// with content, and optional capabilities, each a small interface of its
// own that the App checks by type assertion (as gonum/plot's Plotter with
// its optional DataRanger, or net/http's ResponseWriter and Flusher). The
// App loops over its views when a scenario is loaded, a snapshot arrives,
// a tab comes to the front, the theme changes or the window closes; it
// calls no view by name for these.

// view is one tab of the window.
type view interface {
	// content is what the tab shows.
	content() fyne.CanvasObject
}

// scenarioWatcher is a view that forgets what it showed when another
// scenario is loaded (App.Load), before its first snapshot arrives.
type scenarioWatcher interface {
	scenarioChanged(cfg sim.Config)
}

// snapshotShower is a view that shows the controller's snapshots
// (App.apply, UI goroutine).
type snapshotShower interface {
	apply(s Snapshot)
}

// shownWatcher is a view that catches up when its tab comes to the front
// (it skips work while hidden).
type shownWatcher interface {
	shown()
}

// themeWatcher is a view that draws images in the theme's colours and
// redraws them when the theme changes.
type themeWatcher interface {
	themeChanged()
}

// stopper is a view with background work to stop when the window closes
// or is rebuilt.
type stopper interface {
	stop()
}

// tab is a view with its name (ShowTab, BOOMERANG_TAB) and title.
type tab struct {
	name, title string
	v           view
	scroll      bool // tall or wide: scrolls on a small (scaled-up) window
	presenting  bool // shown in presentation mode too
}

// item is the tab's container item.
func (t tab) item() *container.TabItem {
	c := t.v.content()
	if t.scroll {
		c = container.NewScroll(c)
	}
	if t.name != "campaign" {
		c = tabContent(c) // in a browser, laid out when first shown (web_lazy.go)
	}
	return container.NewTabItem(lang.L(t.title), c)
}

// eachView calls f for every view of the window, in tab order.
func (u *App) eachView(f func(v view)) {
	for _, t := range u.views {
		f(t.v)
	}
}

// viewsScenarioChanged tells every view that another scenario is loaded.
func (u *App) viewsScenarioChanged(cfg sim.Config) {
	u.eachView(func(v view) {
		if w, ok := v.(scenarioWatcher); ok {
			w.scenarioChanged(cfg)
		}
	})
}

// viewsApply hands snapshot s to every view that shows snapshots.
func (u *App) viewsApply(s Snapshot) {
	u.eachView(func(v view) {
		if a, ok := v.(snapshotShower); ok {
			a.apply(s)
		}
	})
}

// viewsThemeChanged has every view redraw in the theme's colours.
func (u *App) viewsThemeChanged() {
	u.eachView(func(v view) {
		if w, ok := v.(themeWatcher); ok {
			w.themeChanged()
		}
	})
}

// viewsStop stops every view's background work.
func (u *App) viewsStop() {
	u.eachView(func(v view) {
		if s, ok := v.(stopper); ok {
			s.stop()
		}
	})
}

// tabShown tells the view in front that it is shown.
func (u *App) tabShown() {
	if u.CurrentTab() == "campaign" { // the charts skipped what came while hidden
		for _, c := range u.Charts {
			c.Shown()
		}
	}
	for _, t := range u.views {
		if t.name != u.CurrentTab() {
			continue
		}
		if w, ok := t.v.(shownWatcher); ok {
			w.shown()
		}
	}
}

// settingsTab is the settings panel (settings.go) as a view.
type settingsTab struct{ p *settingsPanel }

// content implements view.
func (s settingsTab) content() fyne.CanvasObject { return s.p.content }

// scenarioChanged implements scenarioWatcher: the fields show cfg.
func (s settingsTab) scenarioChanged(cfg sim.Config) { s.p.refresh(cfg) }

// Snapshot is the state the controller (package play) hands to the
// views after every change; the views and tests name it here.
type Snapshot = play.Snapshot
