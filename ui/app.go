// Package ui is Boomerang's desktop app (Fyne): a window that opens on a
// built-in scenario ready to play, a toolbar to choose the scenario, play,
// pause, step and reset it, live charts of the arms drifting apart,
// headline cards, a settings panel generated from the scenario keys and
// exports of charts, run data and the scenario.
//
// Threading: the simulation runs on a play.Controller goroutine (package
// ui/play, no Fyne), which hands each new state to the UI goroutine
// through fyne.Do; widgets are only touched there. The live charts are
// gonum/plot images (package chart) redrawn at most MaxFPS times a second.
//
// Every tab is a view (view.go): content, plus optional capabilities
// (scenario changed, snapshot, shown, theme changed, stop) that the App
// loops over.
//
// Files: app.go builds the window and loads scenarios, toolbar.go is the
// toolbar and the status line; the tabs are campaign.go (cards, colour
// key, ledger picker) with livechart.go (the charts) and headline.go (the
// cards' words), population.go with population_layout.go, target.go (one
// person), likeme.go ("Someone like me"), tradeoff.go, learn.go and
// settings.go; story.go is the story panel beside them. reason.go says the
// engine's Phrases in the app's language, i18n.go switches it (bundles in
// translations/), labels.go holds small widgets, present.go presentation
// mode, prefs.go the preferences and keyboard. export.go, export_graph.go
// and web.go make the exports, open_data.go finds an opened scenario's
// data files, footprint_lazy.go builds likes a view needs in the
// background. web_js.go and web_other.go are the browser's hooks and their
// desktop stand-ins. smoke.go checks a real start-up, trace.go tells the
// real-window test (scripts/window-test.sh) what is on screen.
package ui

import (
	"fmt"
	"image/color"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boomerang/assets"
	"boomerang/scenarios"
	"boomerang/sim"
	"boomerang/ui/play"
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
	// Metric is the metric of the fourth chart (the ledger), a Metrics
	// name such as "sensitive_share"; "" means the first of Metrics.
	Metric string
	// Scenario is the built-in name shown in the picker for the opening
	// scenario; "" means the scenario's own name.
	Scenario string
	// NoPrefs keeps the app from writing preferences (tests).
	NoPrefs bool
	// Adjust, if set, changes every scenario the app loads after the
	// first (tests use it to shrink populations).
	Adjust func(*sim.Config)
	// Replications is how many replications run side by side (1 …
	// MaxReplications); with more than one the charts draw 95 % bands.
	// 0 means 1.
	Replications int
	// Present opens the app in presentation mode.
	Present bool
	// Agent is the person the target view opens on, if it is above 0,
	// or 0 with Tab "target" (so that the zero Options select no one).
	Agent int
	// Tab is the view to open on: "campaign" (default), "population" or
	// "settings".
	Tab string
	// Trace, if set, receives a line per event and the screen's texts
	// with their positions (trace.go); the real-window test reads it.
	Trace io.Writer
}

// StoryWidth is the story panel's width in Fyne units: with the
// campaign view's two chart columns it fits a 1280-pixel screen at
// FYNE_SCALE=1.5 (853 units).
const StoryWidth = 260

// ChartScale is the text and line scale of the campaign view's charts.
const ChartScale = 0.85

// App is the main window and what it shows.
type App struct {
	// Window is the main window.
	Window fyne.Window
	// Chart is the first live chart (opinion shift vs control).
	Chart *LiveChart
	// Charts are the campaign view's charts: opinion shift, conversions,
	// cost per conversion and the ledger (Metrics).
	Charts []*LiveChart

	fyneApp fyne.App
	cfg     sim.Config
	opt     Options
	ctrl    *play.Controller
	do      func(func())
	workers int
	gen     int // which controller's snapshots are shown (UI goroutine)
	delay   time.Duration

	play, step, reset, export *widget.Button
	counter                   *widget.Label
	metric                    *keySelect
	explain                   *widget.Label
	scenario                  *keySelect
	speed                     *keySelect
	runs                      *keySelect
	seed, size                *keyEntry
	status                    *widget.Label
	cards                     []*card
	settings                  *settingsPanel
	tabs                      *container.AppTabs
	pop                       *PopulationView
	target                    *targetView
	likeMe                    *likeMeView
	tradeoff                  *tradeoffView
	story                     *storyPanel
	learn                     *learnView
	storySide                 *fyne.Container // holds the story panel when the scenario has one
	language                  *keySelect
	present                   *widget.Button
	presenting                bool
	presentAt                 float32 // presentation mode's theme scale
	sized                     bool    // the window has its opening size
	saidDone                  bool    // the status line has summed up the finished run
	fromStory                 bool    // Load is applying a story step
	storyHidden               bool    // the story panel is folded away
	shownArm                  int     // arm the population and target views show; -1: play.DefaultShownArm
	armSels                   []*keySelect
	armSwatches               []*canvas.Rectangle  // the shown arm's colour, next to each picker
	armFor                    string               // arm names the pickers offer
	tabNames                  []string             // the tabs shown, in order (settings is not shown in presentation mode)
	views                     []tab                // every view, in tab order (view.go)
	keys                      fyne.ShortcutHandler // Ctrl+E
	legend                    *fyne.Container      // arm colours, above the charts
	legendFor                 string               // arm names the legend shows

	builtins  []scenarios.Info // the picker's scenarios: every built-in once listed (startup.go)
	listedAll bool             // builtins holds every built-in

	last    Snapshot
	hasSnap bool
	smoke   *smoke
	closing atomic.Bool
}

// close stops the simulation and any further UI updates.
func (u *App) close() {
	u.closing.Store(true)
	u.viewsStop()
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
	return "Boomerang — " + lang.L(cfg.Title)
}

// Icon is the app icon as a Fyne resource.
func Icon() fyne.Resource { return fyne.NewStaticResource(assets.IconName, assets.Icon) }

// New builds the main window for scenario cfg (replication seed cfg.Seed)
// and starts building the simulation in the background. Call Show (or
// ShowAndRun) to put it on screen.
func New(a fyne.App, cfg sim.Config, opt Options) *App {
	cfg, _ = fitTab(cfg, opt.Replications) // a browser tab's size (web_js.go)
	u := &App{fyneApp: a, cfg: cfg, opt: opt, delay: play.DefaultStepDelay, shownArm: -1}
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
	if u.opt.Scenario == "" {
		u.opt.Scenario = cfg.Name
	}
	u.workers = opt.Workers
	if u.workers <= 0 {
		u.workers = runtime.NumCPU()
	}
	switch {
	case opt.StepDelay > 0:
		u.delay = opt.StepDelay
	case opt.StepDelay < 0:
		u.delay = 0
	}

	u.listBuiltinsNow() // or, in a browser, after the first frame (startup.go)
	u.Window = a.NewWindow(Title(cfg))
	u.Window.SetIcon(Icon())
	for _, m := range []string{"shift_vs_control", "conversions", "cost_per_conversion", Metrics[0].Name} {
		c := NewLiveChart(m, cfg.Steps, u.do)
		c.SetScale(ChartScale)
		c.SetOffScreen(func() bool { return u.tabs != nil && u.CurrentTab() != "campaign" })
		u.Charts = append(u.Charts, c)
	}
	u.Chart = u.Charts[0]
	u.build()

	u.startController()
	if opt.Agent > 0 || (opt.Agent == 0 && opt.Tab == "target") {
		u.SelectAgent(opt.Agent)
		u.ShowTab(opt.Tab)
	}
	if opt.Present {
		u.SetPresentation(true)
	}
	if opt.Smoke || opt.Autoplay {
		u.smoke = newSmoke(u)
	}
	u.Window.SetOnClosed(func() {
		u.savePrefs()
		u.close()
	})
	// The charts are images in the theme's colours: redraw them when the
	// system switches between light and dark.
	a.Settings().AddListener(func(fyne.Settings) { u.do(u.themeChanged) })
	return u
}

// startController starts a controller for u.cfg; snapshots of earlier
// controllers are ignored from now on.
func (u *App) startController() {
	u.gen++
	gen := u.gen
	// The newest snapshot only, when the UI is free (latest.go).
	show := newLatest(u.do, func(s Snapshot) {
		if u.gen == gen {
			u.apply(s)
		}
	})
	u.ctrl = play.NewController(u.cfg, u.cfg.Seed, u.workers, show.put,
		func(err error) {
			u.do(func() {
				if u.gen == gen {
					u.showError(err)
				}
			})
		})
	u.ctrl.SetStepDelay(u.delay)
	u.ctrl.SetMinStepDelay(minStepDelay)     // a browser needs its thread back to draw (web_js.go)
	u.ctrl.SetBeforeReplicas(firstFrameWait) // a browser draws step 0 before the replicas are built (web_js.go)
	u.ctrl.SetReplications(u.opt.Replications)
	if u.shownArm >= 0 {
		u.ctrl.ShowArm(u.shownArm)
	}
	u.ctrl.Start()
}

// Config returns the scenario loaded (UI goroutine).
func (u *App) Config() sim.Config { return u.cfg }

// Load replaces the scenario with cfg and starts it from step 0, if cfg
// is valid; otherwise it returns the validation error and the previous
// scenario stays loaded. Call on the UI goroutine.
func (u *App) Load(cfg sim.Config) error {
	if u.opt.Adjust != nil {
		cfg = cloneConfig(cfg)
		u.opt.Adjust(&cfg)
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	cfg, shrunk := fitTab(cfg, u.opt.Replications) // a browser tab's size (web_js.go)
	old := u.ctrl
	if armNames(cfg) != armNames(u.cfg) {
		u.shownArm = -1
	}
	u.cfg = cfg
	u.hasSnap = false
	u.last = Snapshot{}
	u.saidDone = false
	// The status line spoke of the previous run: a caller with news about
	// this one (a refused value, an opened file) writes it after Load.
	u.setStatus("", false)
	if shrunk {
		u.setStatus(trf("Smaller in a browser: %d people. A browser tab computes on one thread; the desktop app and boomerang-cli run the full size.", cfg.Population.Size), false)
	}
	for _, b := range []*widget.Button{u.play, u.step, u.reset} {
		b.Disable()
	}
	u.counter.SetText(lang.L("Building the population…"))
	u.Window.SetTitle(Title(cfg))
	u.explain.SetText(explanation(cfg))
	u.seed.SetText(strconv.FormatUint(cfg.Seed, 10))
	u.size.SetText(strconv.Itoa(cfg.Population.Size))
	u.viewsScenarioChanged(cfg)
	if !u.fromStory {
		u.story.scenarioChanged(cfg)
	}
	u.showStory()
	u.refreshArmPickers()
	u.startController()
	go old.Stop() // it may be building a large population: do not wait
	return nil
}

// LoadBuiltin loads the built-in scenario name and selects it in the
// picker.
func (u *App) LoadBuiltin(name string) error {
	cfg, err := scenarios.Builtin(name)
	if err != nil {
		return err
	}
	if err := u.Load(cfg); err != nil {
		return err
	}
	u.opt.Scenario = name
	u.selectScenario(name)
	return nil
}

// SetValue sets one dotted scenario key (e.g. "population.size") to value
// given as text and restarts the run with it. A value that does not parse
// or fails validation is refused with the engine's message, and the
// scenario stays as it was.
func (u *App) SetValue(key, value string) error {
	c := cloneConfig(u.cfg)
	if err := scenarios.Set(&c, key, value); err != nil {
		return err
	}
	if err := tabRefuses(c, u.opt.Replications); err != nil {
		return err
	}
	if err := u.Load(c); err != nil {
		return err
	}
	u.setStatus(fmt.Sprintf(lang.L("%s = %s: the run restarted with the new value."), key, value), false)
	return nil
}

// cloneConfig copies cfg deeply enough that changing a scalar key of the
// copy leaves cfg alone.
func cloneConfig(cfg sim.Config) sim.Config {
	c := cfg
	c.Arms = append([]sim.ArmConfig(nil), cfg.Arms...)
	c.Messages = append([]sim.MessageConfig(nil), cfg.Messages...)
	return c
}

// build lays out the window: the toolbar, the tabs (the campaign view
// first) and the story panel beside them.
func (u *App) build() {
	top := u.buildToolbar()
	u.buildTabs()
	u.storySide = container.NewStack()
	u.showStory()
	var bottom fyne.CanvasObject = u.status
	if u.presenting { // the room goes to the charts; refusals need the settings, hidden here anyway
		bottom = nil
	}
	content := container.New(fitLayout{u}, container.NewBorder(top, bottom, nil, u.storySide, u.tabs))
	size := u.Window.Canvas().Size()
	if !u.sized { // a rebuild keeps the size the user gave the window
		u.sized = true
		size = initialSize(userScale())
	}
	u.Window.SetContent(content)
	u.Window.Resize(size)
	u.bindKeys()
	typed := u.Window.Canvas().OnTypedKey()
	u.Window.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if !u.presentKey(ev.Name) && typed != nil {
			typed(ev)
		}
	})
}

// buildTabs makes the views and the tabs that show them.
func (u *App) buildTabs() {
	campaign := newCampaignView(u)
	u.settings = newSettingsPanel(u)
	u.pop = NewPopulationView()
	u.pop.OnSelect = u.SelectAgent
	u.pop.Do = u.do // the network layout comes back through the app's wrapper (tests queue it)
	u.pop.SetLayout(LayoutNetwork)
	u.target = newTargetView(u)
	u.buildArmPickers()
	u.likeMe = newLikeMeView(u)
	u.tradeoff = newTradeoffView(u)
	old := u.story
	u.story = newStoryPanel(u)
	u.story.keep(old, u.cfg) // a rebuild (F5, language) keeps the story's step
	u.learn = newLearnView(u)
	u.views = []tab{
		{name: "campaign", title: "Campaign", v: campaign, presenting: true},
		{name: "population", title: "Population", v: u.pop, presenting: true},
		{name: "target", title: "Target", v: u.target, scroll: true, presenting: true},
		// These views are tall and wide: on a small (scaled up) window
		// they scroll instead of growing the window past the screen.
		{name: "likeme", title: "Someone like me", v: u.likeMe, scroll: true, presenting: true},
		{name: "tradeoff", title: "Trade-off", v: u.tradeoff, scroll: true, presenting: true},
		{name: "learn", title: "Learn", v: u.learn, presenting: true},
		{name: "settings", title: "Settings", v: settingsTab{u.settings}},
	}
	u.tabs = container.NewAppTabs()
	u.tabNames = nil
	for _, t := range u.views {
		if t.presenting || !u.presenting {
			u.tabs.Append(t.item())
			u.tabNames = append(u.tabNames, t.name)
		}
	}
	u.tabs.OnSelected = func(*container.TabItem) { u.tabShown() }
	u.setCards([]sim.Result{{}})
	u.ShowTab(u.opt.Tab)
}

// buildArmPickers puts an arm picker with the shown arm's colour into
// the population and target views.
func (u *App) buildArmPickers() {
	u.armSels, u.armSwatches, u.armFor = nil, nil, ""
	for _, box := range []*fyne.Container{u.pop.ArmBox, u.target.armBox} {
		sel := newSelect(nil, nil)
		sw := canvas.NewRectangle(color.Transparent)
		sw.SetMinSize(fyne.NewSize(20, 20))
		u.armSels, u.armSwatches = append(u.armSels, sel), append(u.armSwatches, sw)
		box.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("Arm:")), container.NewCenter(sw), sel}
	}
	u.refreshArmPickers()
}

// selectWidth is the width a Select needs to show the longest of labels
// without truncating it.
func selectWidth(labels []string) float32 {
	w := float32(0)
	for _, l := range labels {
		w = max(w, fyne.MeasureText(l, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w + theme.IconInlineSize() + 6*theme.InnerPadding()
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

// apply shows a snapshot from the controller (UI goroutine): the
// toolbar's counter and buttons, then every view.
func (u *App) apply(s Snapshot) {
	if !u.hasSnap {
		u.afterFirstFrame() // what a browser leaves until now (startup.go)
	}
	switch {
	case !u.hasSnap:
		u.tracef("ready %s step %d", u.cfg.Name, s.T)
	case s.Playing != u.last.Playing:
		u.tracef("playing %v", s.Playing)
	}
	u.last, u.hasSnap = s, true
	u.showControls(s)
	u.viewsApply(s)
	if u.smoke != nil {
		u.smoke.snapshot(s)
	}
}

// themeChanged redraws what is drawn in the theme's colours.
func (u *App) themeChanged() {
	u.viewsThemeChanged()
	u.story.refresh()
}

// showError reports a run that could not be built.
func (u *App) showError(err error) {
	u.counter.SetText(lang.L("Could not build the scenario"))
	if u.smoke != nil {
		u.smoke.failf("building the run: %v", err)
		return
	}
	dialog.ShowError(err, u.Window)
}

// Controller returns the controller running the simulation.
func (u *App) Controller() *play.Controller { return u.ctrl }

// Snapshot returns the last state shown (UI goroutine), and whether there
// is one yet.
func (u *App) Snapshot() (Snapshot, bool) { return u.last, u.hasSnap }

// Show puts the window on screen.
func (u *App) Show() { u.Window.Show() }

// ShowAndRun shows the window and runs the app until it quits. It
// returns the smoke test's error, if the app was started with Smoke (the
// error has already been reported on stderr).
func (u *App) ShowAndRun() error {
	if u.smoke != nil {
		u.smoke.start()
	}
	u.startTrace()
	u.Window.ShowAndRun()
	u.close()
	if u.smoke != nil && u.opt.Smoke {
		return u.smoke.result()
	}
	return nil
}

// ShowTab brings the view named name to the front: "campaign",
// "population", "target", "likeme", "tradeoff", "learn" or "settings";
// other names are ignored.
func (u *App) ShowTab(name string) {
	for i, n := range u.tabNames {
		if n == name {
			u.tabs.SelectIndex(i)
		}
	}
}

// CurrentTab is the name of the view in front (see ShowTab).
func (u *App) CurrentTab() string {
	if i := u.tabs.SelectedIndex(); i >= 0 && i < len(u.tabNames) {
		return u.tabNames[i]
	}
	return ""
}

// SelectAgent follows person i: it is marked in the population view and
// the target view opens on them (UI goroutine).
func (u *App) SelectAgent(i int) {
	if u.pop.Selected() != i {
		u.pop.Select(i)
	}
	u.target.follow(i)
	u.ShowTab("target")
}

// showStory shows the story panel beside the views when the scenario has
// a story, and hides it otherwise.
func (u *App) showStory() {
	if u.storySide == nil {
		return
	}
	switch {
	case !u.story.has():
		u.storySide.Objects = nil
	case u.storyHidden:
		// Folded away: a narrow button brings it back.
		show := widget.NewButtonWithIcon(lang.L("Story"), theme.NavigateBackIcon(), func() { u.SetStoryHidden(false) })
		u.storySide.Objects = []fyne.CanvasObject{container.NewVBox(show)}
	default:
		hide := widget.NewButtonWithIcon(lang.L("Hide"), theme.NavigateNextIcon(), func() { u.SetStoryHidden(true) })
		hide.Importance = widget.LowImportance
		u.storySide.Objects = []fyne.CanvasObject{container.New(&minWidth{w: StoryWidth},
			container.NewBorder(container.NewHBox(layout.NewSpacer(), hide), nil, nil, nil, u.story.content()))}
	}
	u.storySide.Refresh()
}

// SetStoryHidden folds the story panel away (to give the views its room)
// or brings it back; the story keeps its step.
func (u *App) SetStoryHidden(hidden bool) {
	u.storyHidden = hidden
	u.showStory()
}

// StoryHidden reports whether the story panel is folded away.
func (u *App) StoryHidden() bool { return u.storyHidden }

// LoadStep loads cfg as a step of the story: like Load, but the story
// panel keeps its place.
func (u *App) LoadStep(cfg sim.Config) error {
	u.fromStory = true
	defer func() { u.fromStory = false }()
	return u.Load(cfg)
}

// longest is the longest of labels, as drawn.
func longest(labels []string) string {
	best, w := "", float32(0)
	for _, l := range labels {
		if lw := fyne.MeasureText(l, theme.TextSize(), fyne.TextStyle{}).Width; lw > w {
			best, w = l, lw
		}
	}
	return best
}

// armNames is the scenario's arm names, as one string (to compare).
func armNames(cfg sim.Config) string {
	var b strings.Builder
	for _, a := range cfg.Arms {
		b.WriteString(a.Name)
		b.WriteByte(0)
	}
	return b.String()
}

// shownArmIndex is the arm the population and target views show.
func (u *App) shownArmIndex() int {
	if u.shownArm >= 0 && u.shownArm < len(u.cfg.Arms) {
		return u.shownArm
	}
	return play.DefaultShownArm(u.cfg)
}

// refreshArmPickers offers the loaded scenario's campaign arms in the
// population and target views' pickers and selects the shown one.
func (u *App) refreshArmPickers() {
	var labels []string
	for _, a := range u.cfg.Arms[min(1, len(u.cfg.Arms)):] { // not the control arm: it sees no ads
		labels = append(labels, DisplayName(a.Name))
	}
	shown := u.shownArmIndex()
	for _, sel := range u.armSels {
		sel.OnChanged = nil
		if key := armNames(u.cfg); key != u.armFor || len(sel.Options) != len(labels) {
			sel.Options = labels
			sel.PlaceHolder = longest(labels)
		}
		if k := shown - 1; k >= 0 && k < len(labels) {
			sel.SetSelectedIndex(k)
		}
		sel.OnChanged = func(string) { u.SetShownArm(sel.SelectedIndex() + 1) }
		sel.Refresh()
	}
	u.armFor = armNames(u.cfg)
	if cols := armColours(u.cfg.Arms); shown >= 0 && shown < len(cols) {
		for _, sw := range u.armSwatches {
			sw.FillColor = cols[shown]
			sw.Refresh()
		}
	}
}

// SetShownArm makes arm k (an index into the scenario's arms; 0 is the
// control) the one the population and target views show (UI goroutine).
func (u *App) SetShownArm(k int) {
	if k < 0 || k >= len(u.cfg.Arms) || k == u.shownArmIndex() && u.shownArm >= 0 {
		return
	}
	u.shownArm = k
	u.ctrl.ShowArm(k)
	u.refreshArmPickers()
}

// ShownArm is the index of the arm the population and target views show.
func (u *App) ShownArm() int { return u.shownArmIndex() }
