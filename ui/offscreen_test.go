package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"boomerang/sim"
)

func TestHiddenChartWaitsUntilShown(t *testing.T) {
	q := newQueue()
	lc := NewLiveChart("conversions", 60, q.do)
	hidden := true
	lc.SetOffScreen(func() bool { return hidden })
	w := test.NewWindow(lc)
	defer w.Close()
	w.Resize(fyne.NewSize(640, 400))
	var series []sim.Metrics
	for i := range 20 {
		series = append(series, sim.Metrics{Step: i, Conversions: int64(i)})
		lc.SetResult(sim.Result{Arms: []sim.ArmResult{{Name: "control", Strategy: "none", Series: series}}})
	}
	settle(q, 2*lc.interval)
	if n := lc.refreshCount(); n != 0 {
		t.Errorf("hidden chart refreshed %d times", n)
	}
	hidden = false
	lc.Shown()
	w.Canvas().Capture()
	if f, _ := lc.LastFrame(); f.T != 19 || lc.refreshCount() != 1 {
		t.Errorf("once shown: frame of step %d after %d refreshes, want step 19 after 1", f.T, lc.refreshCount())
	}
	lc.Shown() // nothing new: no redraw
	if n := lc.refreshCount(); n != 1 {
		t.Errorf("shown again with nothing new: %d refreshes, want 1", n)
	}
}

func TestChartsCatchUpWhenTheirTabIsShown(t *testing.T) {
	u, q := newTestApp(t)
	u.ShowTab("population")
	before := u.Chart.refreshCount()
	u.Controller().Play()
	// 20 steps at 15 ms: unhidden, the chart would redraw 3 or more times.
	waitFor(t, q, "step 20", func() bool { return step(u) >= 20 })
	if n := u.Chart.refreshCount() - before; n != 0 {
		t.Errorf("the hidden chart refreshed %d times while the run played", n)
	}
	u.ShowTab("campaign") // at once, before the next snapshot
	if n := u.Chart.refreshCount() - before; n != 1 {
		t.Errorf("campaign shown: %d refreshes, want 1", n)
	}
	u.Controller().Pause()
	waitFor(t, q, "the pause", func() bool { s, _ := u.Snapshot(); return !s.Playing })
	u.Window.Canvas().Capture()
	if f, _ := u.Chart.LastFrame(); f.T != step(u) {
		t.Errorf("chart at step %d, run at %d", f.T, step(u))
	}
}
