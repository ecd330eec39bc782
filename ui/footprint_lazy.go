package ui

import (
	"boomerang/sim"
	"boomerang/sim/footprint"
)

// lazyFootprint hands w's footprint to done on the UI goroutine: at once
// when the world has one, else after building it off the UI goroutine
// (sim.World.BuildFootprint: BuildWorld skips likes, visibility and
// training when no arm reads them, and the Target and "Someone like me"
// views build them only when shown). The world is not changed, so a run
// may step on it meanwhile. done is not called if the build fails (it
// cannot for a world BuildWorld accepted).
func lazyFootprint(u *App, w *sim.World, done func(*footprint.Footprint)) {
	if w.Footprint != nil {
		done(w.Footprint)
		return
	}
	go func() {
		fp, _, err := w.BuildFootprint(0)
		if err != nil {
			return
		}
		u.do(func() { done(fp) })
	}()
}
