package ui

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"boomerang/scenarios"
)

// What the app leaves until its first frame is on screen. In a browser
// tab everything runs on one thread, so work done before the first frame
// is time a student looks at a loading page (issue 21): listing the
// built-in scenarios parses and checks every one of them, a second or
// more in WebAssembly on a loaded machine (docs/PERFORMANCE.md). The
// desktop lists them at once (listLater is false there).

// listDelay is how long after the first snapshot is applied the browser
// lists the built-in scenarios: time for that frame to be drawn first.
const listDelay = 200 * time.Millisecond

// listBuiltinsNow fills the scenario picker's list: every built-in on
// the desktop; in a browser only the scenario that opens, until
// afterFirstFrame lists the others.
func (u *App) listBuiltinsNow() {
	if listLater {
		u.builtins = []scenarios.Info{{Name: u.opt.Scenario, Title: u.cfg.Title}}
		return
	}
	u.builtins, u.listedAll = scenarios.List(), true
}

// afterFirstFrame starts what waited for the first frame (UI goroutine).
func (u *App) afterFirstFrame() {
	if u.listedAll {
		return
	}
	time.AfterFunc(listDelay, func() { u.do(u.listBuiltins) })
}

// listBuiltins offers every built-in scenario in the picker (UI
// goroutine).
func (u *App) listBuiltins() {
	if u.listedAll {
		return
	}
	u.builtins, u.listedAll = scenarios.List(), true
	titles := make([]string, len(u.builtins))
	for i, s := range u.builtins {
		titles[i] = lang.L(s.Title)
	}
	u.scenario.Options = titles
	u.selectScenario(u.opt.Scenario)
	u.scenario.Refresh()
}
