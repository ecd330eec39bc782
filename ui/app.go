// Package ui is Boomerang's desktop app (Fyne): a window that opens on a
// built-in scenario ready to play, a toolbar to play, pause, step and
// reset it, and a live chart of the arms drifting apart.
//
// Threading: the simulation runs on a Controller goroutine, which hands
// each new state to the UI goroutine through fyne.Do; widgets are only
// touched there. The live chart is a gonum/plot image (package chart)
// redrawn at most MaxFPS times a second.
//
// The package grows with the app: app.go builds the window, controller.go
// runs the model, livechart.go draws it, smoke.go checks a real start-up.
package ui

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boomerang/assets"
	"boomerang/sim"
)

// Options configure the app.
type Options struct {
	// Smoke makes the app check itself and quit: once the window shows its
	// first chart it plays a few steps, prints "smoke: ok" to Out and
	// quits; any failure within SmokeTimeout exits with status 1.
	Smoke bool
	// SmokeTimeout bounds the smoke test; 0 means 60 s.
	SmokeTimeout time.Duration
	// Autoplay presses Play as soon as the first chart is drawn.
	Autoplay bool
	// Out receives the smoke test's report; nil means os.Stdout.
	Out io.Writer
	// Do runs a function on the UI goroutine; nil means fyne.Do. Tests
	// replace it with a queue they drain themselves.
	Do func(func())
	// StepDelay is the minimum time per step while playing; 0 means
	// DefaultStepDelay, negative means as fast as possible.
	StepDelay time.Duration
	// Workers bounds the goroutines of a step; 0 means all cores.
	Workers int
	// Metric is the chart shown first, a Metrics name such as
	// "conversions"; "" means the first of Metrics.
	Metric string
}

// App is the main window and what it shows.
type App struct {
	// Window is the main window.
	Window fyne.Window
	// Chart is the live chart.
	Chart *LiveChart

	fyneApp fyne.App
	cfg     sim.Config
	opt     Options
	ctrl    *Controller
	do      func(func())

	play, step, reset *widget.Button
	counter           *widget.Label
	metric            *widget.Select
	explain           *widget.Label

	last    Snapshot
	hasSnap bool
	smoke   *smoke
	closing atomic.Bool
}

// close stops the simulation and any further UI updates.
func (u *App) close() {
	u.closing.Store(true)
	u.ctrl.Stop()
}

// Quit closes the app from any goroutine.
func (u *App) Quit() {
	u.closing.Store(true)
	fyne.Do(u.fyneApp.Quit)
}

// Title is the window title for a scenario.
func Title(cfg sim.Config) string {
	if cfg.Title == "" {
		return "Boomerang"
	}
	return "Boomerang — " + cfg.Title
}

// Icon is the app icon as a Fyne resource.
func Icon() fyne.Resource { return fyne.NewStaticResource(assets.IconName, assets.Icon) }

// New builds the main window for scenario cfg (replication seed cfg.Seed)
// and starts building the simulation in the background. Call Show (or
// ShowAndRun) to put it on screen.
func New(a fyne.App, cfg sim.Config, opt Options) *App {
	u := &App{fyneApp: a, cfg: cfg, opt: opt}
	base := opt.Do
	if base == nil {
		base = fyne.Do
	}
	// Once the app is closing, work for the UI is dropped: Fyne runs a
	// late fyne.Do on the caller's goroutine while it shuts down.
	u.do = func(f func()) {
		if u.closing.Load() {
			return
		}
		base(func() {
			if !u.closing.Load() {
				f()
			}
		})
	}
	if u.opt.Out == nil {
		u.opt.Out = os.Stdout
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}

	u.Window = a.NewWindow(Title(cfg))
	u.Window.SetIcon(Icon())
	u.Chart = NewLiveChart(Metrics[0].Name, cfg.Steps, u.do)
	u.build()

	u.ctrl = NewController(cfg, cfg.Seed, workers,
		func(s Snapshot) { u.do(func() { u.apply(s) }) },
		func(err error) { u.do(func() { u.showError(err) }) })
	switch {
	case opt.StepDelay > 0:
		u.ctrl.SetStepDelay(opt.StepDelay)
	case opt.StepDelay < 0:
		u.ctrl.SetStepDelay(0)
	}
	if opt.Smoke || opt.Autoplay {
		u.smoke = newSmoke(u)
	}
	u.ctrl.Start()
	u.Window.SetOnClosed(u.close)
	// The chart is an image in the theme's colours: redraw it when the
	// system switches between light and dark.
	a.Settings().AddListener(func(fyne.Settings) { u.do(u.Chart.Flush) })
	return u
}

// build lays out the window: toolbar, explanation, chart.
func (u *App) build() {
	u.play = widget.NewButtonWithIcon("Play", theme.MediaPlayIcon(), func() { u.ctrl.Toggle() })
	u.play.Importance = widget.HighImportance
	u.step = widget.NewButtonWithIcon("Step", theme.MediaSkipNextIcon(), func() { u.ctrl.Step() })
	u.reset = widget.NewButtonWithIcon("Reset", theme.MediaReplayIcon(), func() { u.ctrl.Reset() })
	for _, b := range []*widget.Button{u.play, u.step, u.reset} {
		b.Disable() // until the population is built
	}
	u.counter = widget.NewLabel("Building the population…")
	u.counter.TextStyle.Monospace = true

	labels := make([]string, len(Metrics))
	for i, m := range Metrics {
		labels[i] = m.Label
	}
	u.metric = widget.NewSelect(labels, func(label string) {
		for _, m := range Metrics {
			if m.Label == label {
				u.Chart.SetMetric(m.Name)
			}
		}
	})
	first := Metrics[0].Label
	for _, m := range Metrics {
		if m.Name == u.opt.Metric {
			first = m.Label
		}
	}
	u.metric.SetSelected(first)
	// A Select is as wide as its current text allows and truncates the
	// rest ("Opinion shi…"): make room for the longest choice.
	widest := float32(0)
	for _, l := range labels {
		widest = max(widest, fyne.MeasureText(l, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	metricBox := container.New(&minWidth{w: widest + theme.IconInlineSize() + 6*theme.InnerPadding()}, u.metric)

	toolbar := container.NewHBox(
		u.play, u.step, u.reset,
		widget.NewSeparator(),
		u.counter,
		layout.NewSpacer(),
		widget.NewLabel("Chart:"), metricBox,
	)
	u.explain = widget.NewLabel(explanation(u.cfg))
	u.explain.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(toolbar, u.explain)
	u.Window.SetContent(container.NewBorder(top, nil, nil, nil, u.Chart))
	u.Window.Resize(initialSize(userScale()))

	// Keyboard for the lecturer: space plays/pauses, → steps, R resets.
	u.Window.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if !u.hasSnap {
			return
		}
		switch ev.Name {
		case fyne.KeySpace:
			u.ctrl.Toggle()
		case fyne.KeyRight:
			u.ctrl.Step()
		case fyne.KeyR:
			u.ctrl.Reset()
		}
	})
}

// initialSize is the window's opening size in Fyne units: 1200×740, but
// no more than fits a 1280×800 screen (a common projector) at the user's
// FYNE_SCALE, so that at 1.5 the window is not cut off.
func initialSize(scale float32) fyne.Size {
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(min(1200, 1240/scale), min(740, 760/scale))
}

// userScale is the scale the user asked for: FYNE_SCALE, else the Fyne
// settings' scale, else 1. (Fyne multiplies it by the scale it detects
// from the screen's DPI, which grows with the screen, so that part is
// left out.)
func userScale() float32 {
	if v, err := strconv.ParseFloat(os.Getenv("FYNE_SCALE"), 32); err == nil && v > 0 {
		return float32(v)
	}
	if a := fyne.CurrentApp(); a != nil {
		if s := a.Settings().Scale(); s > 0 {
			return s
		}
	}
	return 1
}

// minWidth lays out one object at the container's full size and asks for
// at least w units of width.
type minWidth struct{ w float32 }

// MinSize implements fyne.Layout.
func (m *minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return fyne.NewSize(max(s.Width, m.w), s.Height)
}

// Layout implements fyne.Layout.
func (m *minWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// explanation is the line under the toolbar that tells a student what
// they are looking at.
func explanation(cfg sim.Config) string {
	if len(cfg.Arms) == 2 && cfg.Arms[0].Strategy == "none" && cfg.Arms[1].Strategy == "broadcast" {
		return "Two identical copies of one population: the control arm sees no ads, " +
			"the broadcast arm sees the campaign. Press ▶ to watch them diverge."
	}
	return fmt.Sprintf("%d identical copies of one population: the control arm sees no ads, "+
		"every other arm runs one campaign strategy. Press ▶ to watch them diverge.", len(cfg.Arms))
}

// apply shows a snapshot from the controller (UI goroutine).
func (u *App) apply(s Snapshot) {
	first := !u.hasSnap
	u.last, u.hasSnap = s, true
	u.counter.SetText(fmt.Sprintf("Step %d / %d", s.T, s.Steps))
	switch {
	case s.Playing:
		u.play.SetText("Pause")
		u.play.SetIcon(theme.MediaPauseIcon())
	case s.Done:
		u.play.SetText("Play again")
		u.play.SetIcon(theme.MediaReplayIcon())
	default:
		u.play.SetText("Play")
		u.play.SetIcon(theme.MediaPlayIcon())
	}
	if s.Done {
		u.step.Disable()
	} else {
		u.step.Enable()
	}
	u.play.Enable()
	u.reset.Enable()
	u.Chart.SetXMax(s.Steps)
	u.Chart.SetResult(s.Result)
	if first || s.Done || !s.Playing {
		u.Chart.Flush() // step 0, the final step and every manual step at once
	}
	if u.smoke != nil {
		u.smoke.snapshot(s)
	}
}

// showError reports a run that could not be built.
func (u *App) showError(err error) {
	u.counter.SetText("Could not build the scenario")
	if u.smoke != nil {
		u.smoke.failf("building the run: %v", err)
		return
	}
	dialog.ShowError(err, u.Window)
}

// Controller returns the controller running the simulation.
func (u *App) Controller() *Controller { return u.ctrl }

// Snapshot returns the last state shown (UI goroutine), and whether there
// is one yet.
func (u *App) Snapshot() (Snapshot, bool) { return u.last, u.hasSnap }

// StepLabel returns the step counter's text.
func (u *App) StepLabel() string { return u.counter.Text }

// Show puts the window on screen.
func (u *App) Show() { u.Window.Show() }

// ShowAndRun shows the window and runs the app until it quits. It
// returns the smoke test's error, if the app was started with Smoke (the
// error has already been reported on stderr).
func (u *App) ShowAndRun() error {
	if u.smoke != nil {
		u.smoke.start()
	}
	u.Window.ShowAndRun()
	u.close()
	if u.smoke != nil && u.opt.Smoke {
		return u.smoke.result()
	}
	return nil
}
