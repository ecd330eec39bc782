//go:build !js

package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"boomerang/sim"
)

// The desktop's versions of the browser's hooks (web_js.go): they change
// nothing.

// minStepDelay is the least time the controller waits between two steps
// while playing: none on the desktop.
const minStepDelay time.Duration = 0

// browserExport shows the browser's Export dialog; on the desktop it
// does nothing and reports false (export.go shows file dialogs).
func (u *App) browserExport() bool { return false }

// browserOpen opens a scenario through the browser's file picker; on the
// desktop it does nothing and reports false.
func (u *App) browserOpen() bool { return false }

// showStep tells the page which step is on screen; the desktop has no
// page.
func (u *App) showStep(Snapshot) {}

// fitTab is cfg made small enough for a browser tab; the desktop takes
// every size.
func fitTab(cfg sim.Config, reps int) (sim.Config, bool) { return cfg, false }

// tabRefuses is the browser's refusal of a run too large for its tab;
// the desktop refuses nothing.
func tabRefuses(sim.Config, int) error { return nil }

// yieldToBrowser lets a browser draw during long work; the desktop
// draws on its own threads.
func yieldToBrowser(*time.Time) {}

// tradeoffSize is the trade-off grid's population and replications.
func tradeoffSize(pop, reps int) (int, int) { return pop, reps }

// redrawInterval is the least time between two redraws of a live chart
// whose last frame took cost to draw: on the desktop MaxFPS alone
// bounds them.
func redrawInterval(time.Duration) time.Duration { return 0 }

// setBrowserLanguage does nothing on the desktop, where Fyne follows
// LANGUAGE.
func setBrowserLanguage(string) {}

// BootMark logs a start-up event on a browser's console; the desktop has
// none.
func BootMark(string) {}

// applyGap is the least time from one delivery of snapshots to the
// next: none on the desktop, whose UI has its own thread (latest.go
// only skips the snapshots it had no time for).
func applyGap(time.Duration) time.Duration { return 0 }

// tabContent is what a tab other than the first holds: on the desktop
// its view itself (a browser defers its layout, web_lazy.go).
func tabContent(view fyne.CanvasObject) fyne.CanvasObject { return view }

// listLater makes the app list the built-in scenarios after its first
// frame (startup.go); the desktop lists them at once.
const listLater = false

// firstFrameWait lets a browser draw step 0 before the replicas are
// built; the desktop draws on its own threads.
func firstFrameWait() {}
