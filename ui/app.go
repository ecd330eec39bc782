// Package ui is Boomerang's desktop app (Fyne): a window that opens on a
// built-in scenario ready to play, a toolbar to choose the scenario, play,
// pause, step and reset it, live charts of the arms drifting apart,
// headline cards, a settings panel generated from the scenario keys and
// exports of charts, run data and the scenario.
//
// Threading: the simulation runs on a Controller goroutine, which hands
// each new state to the UI goroutine through fyne.Do; widgets are only
// touched there. The live charts are gonum/plot images (package chart)
// redrawn at most MaxFPS times a second.
//
// Files: app.go builds the window and loads scenarios, controller.go runs
// the model, livechart.go draws it, headline.go writes the cards,
// settings.go is the settings panel, export.go the exports, prefs.go the
// preferences and keyboard, smoke.go checks a real start-up, trace.go
// tells the real-window test (scripts/window-test.sh) what is on screen.
package ui

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"os"
	"runtime"
	"slices"
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

// Speeds are the choices of the speed picker: the minimum time per step.
var Speeds = []struct {
	Label string
	Delay time.Duration
}{
	{"Slow", 300 * time.Millisecond},
	{"Normal", DefaultStepDelay},
	{"Fast", 30 * time.Millisecond},
	{"Fastest", 0},
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
	ctrl    *Controller
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
	prey                      *preyView
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
	shownArm                  int     // arm the population and target views show; -1: DefaultShownArm
	armSels                   []*keySelect
	armSwatches               []*canvas.Rectangle // the shown arm's colour, next to each picker
	armFor                    string              // arm names the pickers offer
	tabNames                  []string
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
	u.tradeoff.stop()
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
	u := &App{fyneApp: a, cfg: cfg, opt: opt, delay: DefaultStepDelay, shownArm: -1}
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
	u.ctrl = NewController(u.cfg, u.cfg.Seed, u.workers, show.put,
		func(err error) {
			u.do(func() {
				if u.gen == gen {
					u.showError(err)
				}
			})
		})
	u.ctrl.SetStepDelay(u.delay)
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
	for _, c := range u.Charts {
		c.SetXMax(cfg.Steps)
		c.SetResult(sim.Result{})
	}
	u.settings.refresh(cfg)
	u.setLedgerChoices()
	u.setCards([]sim.Result{{}})
	u.pop.Clear()
	u.prey.clear()
	u.likeMe.setWorld(nil)
	u.tradeoff.scenarioChanged(cfg)
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

// build lays out the window: two toolbar rows, the tabs.
func (u *App) build() {
	u.play = widget.NewButtonWithIcon(lang.L("Play"), theme.MediaPlayIcon(), func() { u.ctrl.Toggle() })
	u.play.Importance = widget.HighImportance
	u.step = widget.NewButtonWithIcon(lang.L("Step"), theme.MediaSkipNextIcon(), func() { u.ctrl.Step() })
	u.reset = widget.NewButtonWithIcon(lang.L("Reset"), theme.MediaReplayIcon(), func() { u.resetRun() })
	for _, b := range []*widget.Button{u.play, u.step, u.reset} {
		b.Disable() // until the population is built
	}
	u.export = widget.NewButtonWithIcon(lang.L("Export…"), theme.DocumentSaveIcon(), u.showExport)
	u.counter = widget.NewLabel(lang.L("Building the population…"))
	u.counter.TextStyle.Monospace = true
	// The counter is as wide as "Step 999 / 999": a longer message
	// ("Building the population…") is cut with an ellipsis rather than
	// widening the toolbar, and so the window, for good. Half a
	// character to spare: without it "Step 126 / 200" was cut.
	u.counter.Truncation = fyne.TextTruncateEllipsis
	counterBox := container.New(&minWidth{w: fyne.MeasureText(fmt.Sprintf(lang.L("Step %d / %d"), 999, 999),
		theme.TextSize(), fyne.TextStyle{Monospace: true}).Width + 2*theme.InnerPadding() + theme.TextSize()/2}, u.counter)
	u.status = widget.NewLabel("")
	u.status.Wrapping = fyne.TextWrapWord

	// Scenario picker: every built-in, by its one-line title.
	list := u.builtins
	titles := make([]string, len(list))
	for i, s := range list {
		titles[i] = lang.L(s.Title)
	}
	u.scenario = newSelect(titles, nil)
	u.selectScenario(u.opt.Scenario)
	u.scenario.OnChanged = func(title string) {
		for _, s := range u.builtins {
			if lang.L(s.Title) == title && s.Name != u.opt.Scenario {
				if err := u.LoadBuiltin(s.Name); err != nil {
					u.refuse(fmt.Sprintf(lang.L("scenario %s"), s.Name), err)
				}
			}
		}
	}
	open := widget.NewButtonWithIcon(lang.L("Open…"), theme.FolderOpenIcon(), u.showOpen)
	about := widget.NewButtonWithIcon("", theme.InfoIcon(), u.showAbout)

	speedLabels := make([]string, len(Speeds))
	for i, s := range Speeds {
		speedLabels[i] = lang.L(s.Label)
	}
	u.speed = newSelect(speedLabels, func(label string) {
		for _, s := range Speeds {
			if lang.L(s.Label) == label {
				u.delay = s.Delay
				if u.ctrl != nil {
					u.ctrl.SetStepDelay(s.Delay)
				}
			}
		}
	})
	u.speed.SetSelected(speedLabel(u.delay))

	runChoices := []int{1, 3, 5, 10}
	runLabels := make([]string, len(runChoices))
	for i, n := range runChoices {
		runLabels[i] = fmt.Sprintf("%d×", n)
	}
	u.runs = newSelect(runLabels, nil)
	for i, n := range runChoices {
		if n == max(1, u.opt.Replications) {
			u.runs.SetSelected(runLabels[i])
		}
	}
	u.runs.OnChanged = func(label string) {
		for i, n := range runChoices {
			if runLabels[i] == label && n != max(1, u.opt.Replications) {
				u.opt.Replications = n
				if err := u.Load(u.cfg); err == nil {
					u.setStatus(fmt.Sprintf(lang.L("%d replications side by side: the charts show their mean and a 95 %% band."), n), false)
				}
			}
		}
	}
	u.seed = u.newEntry()
	u.seed.SetText(strconv.FormatUint(u.cfg.Seed, 10))
	u.seed.OnSubmitted = func(s string) { u.fieldValue(u.seed, "seed", s, strconv.FormatUint(u.cfg.Seed, 10)) }
	u.size = u.newEntry()
	u.size.SetText(strconv.Itoa(u.cfg.Population.Size))
	u.size.OnSubmitted = func(s string) {
		u.fieldValue(u.size, "population.size", s, strconv.Itoa(u.cfg.Population.Size))
	}

	ledger := u.Charts[3]
	u.metric = newSelect(u.ledgerLabels(), func(label string) {
		for _, m := range Metrics {
			if m.Text() == label {
				ledger.SetMetric(m.Name)
				u.tracef("chart %s", m.Name)
				u.opt.Metric = m.Name // a rebuild (F5, language) keeps it
			}
		}
	})
	first := Metrics[0].Text()
	for _, m := range Metrics {
		if m.Name == u.opt.Metric {
			first = m.Text()
		}
	}
	u.metric.SetSelected(first)

	u.language = newSelect(languageNames(), nil)
	u.language.SetSelected(languageName())
	u.language.OnChanged = func(name string) {
		for _, l := range Languages {
			if l.Name == name && l.Code != CurrentLanguage() {
				// After this callback: rebuilding replaces the picker.
				go u.do(func() { _ = u.SetLanguage(l.Code) })
			}
		}
	}
	u.present = widget.NewButtonWithIcon(u.presentLabel(), theme.ViewFullScreenIcon(), func() {
		go u.do(u.TogglePresentation)
	})
	row1 := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Scenario:")),
		container.NewHBox(counterBox, open, u.export, u.present, u.language, about), u.scenario)
	// A Select is as wide as its placeholder: make that the longest
	// choice, so a picker is no wider than what it shows (Fyne's
	// "(Select one)" is wider than "EN", and longer still in Dutch).
	for _, sel := range []*keySelect{u.speed, u.runs, u.language} {
		sel.PlaceHolder = longest(sel.Options)
	}
	row2 := container.NewHBox(
		u.play, u.step, u.reset,
		widget.NewLabel(lang.L("Speed")), u.speed,
		widget.NewLabel(lang.L("Seed")), container.New(&minWidth{w: 90}, u.seed),
		widget.NewLabel(lang.L("People")), container.New(&minWidth{w: 90}, u.size),
	)
	var top fyne.CanvasObject = container.NewVBox(row1, row2)
	if u.presenting {
		// One row, and only what a lecturer presses (Ctrl+E still
		// exports): the room goes to the charts. A projector shows the
		// run, not its knobs. Step and Reset are their icons (→ and R
		// do the same), so that the row fits 1024 pixels in Dutch.
		u.step.SetText("")
		u.reset.SetText("")
		top = container.NewBorder(nil, nil, nil, container.NewHBox(
			u.play, u.step, u.reset, u.speed, counterBox, u.present, u.language), u.scenario)
	}
	u.explain = widget.NewLabel(explanation(u.cfg))
	u.explain.Wrapping = fyne.TextWrapWord

	// Campaign view: headline cards over a 2×2 grid of charts; the fourth
	// chart (the ledger) has a picker.
	cardRow := container.NewGridWithColumns(4)
	u.cards = nil // a rebuild makes new ones
	wide := u.presenting && u.wideCards()
	for range 4 {
		c := newCard(wide)
		u.cards = append(u.cards, c)
		cardRow.Add(c.content)
	}
	// The charts keep a readable minimum size; on a small (or scaled up)
	// window the grid scrolls instead of squeezing them.
	// The fourth chart's picker sits in its top right corner: its title
	// says the full name, so a truncated picker is still clear.
	u.metric.PlaceHolder = lang.L("Chart…")
	fourth := container.NewStack(u.Charts[3],
		container.NewBorder(container.NewBorder(nil, nil, nil,
			container.New(&minWidth{w: 110 * float32(textFactor())}, u.metric)), nil, nil, nil))
	grid := container.NewGridWithColumns(2, u.Charts[0], u.Charts[1], u.Charts[2], fourth)
	u.legend = container.NewHBox()
	// The runs picker sits at the end of the colour key: it decides
	// whether the charts draw bands.
	keyRow := container.NewBorder(nil, nil, nil,
		container.NewHBox(widget.NewLabel(lang.L("Runs")), u.runs), container.NewHScroll(u.legend))
	campaign := container.NewBorder(container.NewVBox(u.explain, cardRow, keyRow), nil, nil, nil,
		container.NewVScroll(grid))

	u.settings = newSettingsPanel(u)
	u.pop = NewPopulationView()
	u.pop.OnSelect = u.SelectAgent
	u.pop.Do = u.do // the network layout comes back through the app's wrapper (tests queue it)
	u.pop.SetLayout(LayoutNetwork)
	u.prey = newPreyView(u)
	u.armSels, u.armSwatches, u.armFor = nil, nil, ""
	for _, box := range []*fyne.Container{u.pop.ArmBox, u.prey.armBox} {
		sel := newSelect(nil, nil)
		sw := canvas.NewRectangle(color.Transparent)
		sw.SetMinSize(fyne.NewSize(20, 20))
		u.armSels, u.armSwatches = append(u.armSels, sel), append(u.armSwatches, sw)
		box.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("Arm:")), container.NewCenter(sw), sel}
	}
	u.refreshArmPickers()
	u.likeMe = newLikeMeView(u)
	u.tradeoff = newTradeoffView(u)
	old := u.story
	u.story = newStoryPanel(u)
	u.learn = newLearnView(u)
	u.story.keep(old, u.cfg) // a rebuild (F5, language) keeps the story's step
	u.tabNames = []string{"campaign", "population", "target", "likeme", "tradeoff", "learn", "settings"}
	// tabContent: in a browser a view is laid out when first shown (web_lazy.go).
	u.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Campaign"), campaign),
		container.NewTabItem(lang.L("Population"), tabContent(u.pop.Content())),
		container.NewTabItem(lang.L("Target"), tabContent(container.NewScroll(u.prey.content()))),
		// These views are tall and wide: on a small (scaled up) window
		// they scroll instead of growing the window past the screen.
		container.NewTabItem(lang.L("Someone like me"), tabContent(container.NewScroll(u.likeMe.content()))),
		container.NewTabItem(lang.L("Trade-off"), tabContent(container.NewScroll(u.tradeoff.content()))),
		container.NewTabItem(lang.L("Learn"), tabContent(u.learn.content())),
	)
	if !u.presenting {
		u.tabs.Append(container.NewTabItem(lang.L("Settings"), tabContent(u.settings.content)))
	}
	u.tabs.OnSelected = func(*container.TabItem) {
		switch u.CurrentTab() {
		case "campaign": // the charts skipped what came while hidden
			for _, c := range u.Charts {
				c.Shown()
			}
		case "target":
			u.prey.shown()
		case "likeme":
			u.likeMe.shown()
		}
	}
	u.setCards([]sim.Result{{}})
	u.ShowTab(u.opt.Tab)

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

// selectScenario shows name in the picker without loading it again.
func (u *App) selectScenario(name string) {
	for _, s := range u.builtins {
		if s.Name == name {
			u.opt.Scenario = name
			if u.scenario.Selected != lang.L(s.Title) {
				u.scenario.SetSelected(lang.L(s.Title))
			}
			return
		}
	}
	u.scenario.ClearSelected()
	u.scenario.PlaceHolder = u.cfg.Title
	u.scenario.Refresh()
}

// fieldValue applies a typed value for key from entry e; a refused value
// is marked at the field, reported, and the entry goes back to prev.
// Either way the keyboard goes back to the window (Space plays again).
func (u *App) fieldValue(e *keyEntry, key, value, prev string) {
	defer u.refocus()
	if err := u.SetValue(key, value); err != nil {
		err = u.explainSize(key, value, err)
		e.SetValidationError(err)
		u.refuse(key, err)
		e.SetText(prev)
		return
	}
	e.SetValidationError(nil)
}

// explainSize rewords a refusal of a population size that another
// setting caused (People = 1 broke campaign.budget, which may be at most
// 100 impressions per person): the message then names the size and the
// smallest one this scenario accepts.
func (u *App) explainSize(key, value string, err error) error {
	var fe *sim.FieldError
	if key != "population.size" || !errors.As(err, &fe) || fe.Key == key {
		return err
	}
	c := cloneConfig(u.cfg)
	if scenarios.Set(&c, key, fmt.Sprint(u.cfg.Population.Size)) != nil || c.Validate() != nil {
		return err
	}
	// The loaded size is valid; the smallest valid one lies below it
	// (every size rule is a lower bound on the population).
	lo, hi := 0, u.cfg.Population.Size // lo invalid (or 0), hi valid
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		c.Population.Size = mid
		if c.Validate() == nil {
			hi = mid
		} else {
			lo = mid
		}
	}
	return fmt.Errorf(lang.L("%s people are too few for this scenario, which needs at least %d (%v)"), value, hi, err)
}

// refuse reports a refused value in the status line.
func (u *App) refuse(what string, err error) {
	u.setStatus(fmt.Sprintf(lang.L("Refused %s: %v. The previous scenario stays loaded."), what, err), true)
}

// setStatus writes the status line: in the error colour if isErr, in the
// normal colour otherwise (a success after a refusal is not red).
func (u *App) setStatus(text string, isErr bool) {
	if text != "" {
		u.tracef("status error=%v %s", isErr, text)
	}
	u.status.Importance = widget.MediumImportance
	if isErr {
		u.status.Importance = widget.DangerImportance
	}
	u.status.SetText(text)
}

// StatusIsError reports whether the status line shows an error (tests).
func (u *App) StatusIsError() bool { return u.status.Importance == widget.DangerImportance }

// resetRun starts the run again from step 0 (Reset button, R): the status
// line's sentence about the run so far goes with it.
func (u *App) resetRun() {
	u.setStatus("", false)
	u.ctrl.Reset()
}

// StatusText is the status line's text.
func (u *App) StatusText() string { return u.status.Text }

// selectWidth is the width a Select needs to show the longest of labels
// without truncating it.
func selectWidth(labels []string) float32 {
	w := float32(0)
	for _, l := range labels {
		w = max(w, fyne.MeasureText(l, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w + theme.IconInlineSize() + 6*theme.InnerPadding()
}

func speedLabel(d time.Duration) string {
	for _, s := range Speeds {
		if s.Delay == d {
			return lang.L(s.Label)
		}
	}
	return lang.L(Speeds[1].Label)
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
	if len(cfg.Arms) == 1 {
		return lang.L("One population and no campaign: press Play to watch how opinions move when people only talk to each other.")
	}
	if len(cfg.Arms) == 2 && sim.IsControl(cfg.Arms[0].Strategy) && cfg.Arms[1].Strategy == "broadcast" {
		return lang.L("Two identical copies of one population: the control arm sees no ads, the broadcast arm sees the campaign. Press Play to watch them diverge.")
	}
	return fmt.Sprintf(lang.L("%d identical copies of one population: the control arm sees no ads, every other arm runs one campaign strategy. Press Play to watch them diverge."), len(cfg.Arms))
}

// themeChanged redraws what is drawn in the theme's colours.
func (u *App) themeChanged() {
	u.flushCharts()
	for _, c := range u.cards {
		c.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
		c.bg.Refresh()
	}
	u.legendFor = ""
	u.setLegend(u.last.Result)
	u.pop.raster.Refresh()
	u.prey.themeChanged()
	u.story.refresh()
}

// flushCharts redraws every chart now.
func (u *App) flushCharts() {
	for _, c := range u.Charts {
		c.Flush()
	}
}

// apply shows a snapshot from the controller (UI goroutine).
func (u *App) apply(s Snapshot) {
	first := !u.hasSnap
	if first {
		u.afterFirstFrame() // what a browser leaves until now (startup.go)
	}
	switch {
	case first:
		u.tracef("ready %s step %d", u.cfg.Name, s.T)
	case s.Playing != u.last.Playing:
		u.tracef("playing %v", s.Playing)
	}
	u.last, u.hasSnap = s, true
	u.counter.SetText(fmt.Sprintf(lang.L("Step %d / %d"), s.T, s.Steps))
	u.showStep(s) // the page hears of it in a browser (web_js.go)
	// setButton: no refresh when unchanged (unchanged.go).
	switch {
	case s.Playing:
		setButton(u.play, lang.L("Pause"), theme.MediaPauseIcon())
	case s.Done:
		setButton(u.play, lang.L("Play again"), theme.MediaReplayIcon())
	default:
		setButton(u.play, lang.L("Play"), theme.MediaPlayIcon())
	}
	if s.Done {
		u.step.Disable()
	} else {
		u.step.Enable()
	}
	u.play.Enable()
	u.reset.Enable()
	for _, c := range u.Charts {
		c.SetXMax(s.Steps)
		c.SetResults(append([]sim.Result{s.Result}, s.Replicas...))
		if first || s.Done || !s.Playing {
			c.Flush() // step 0, the final step and every manual step at once
		}
	}
	h := u.setCards(append([]sim.Result{s.Result}, s.Replicas...))
	if s.Done && !u.saidDone {
		// The run is over: the status line sums it up in one sentence
		// (the cards say it in four pieces).
		u.saidDone = true
		u.setStatus(h.Sentence, false)
	} else if !s.Done {
		u.saidDone = false
	}
	u.setLegend(s.Result)
	u.pop.SetSnapshot(s)
	u.prey.setSnapshot(s)
	if s.World != nil && s.World != u.likeMe.world {
		u.likeMe.setWorld(s.World)
	}
	if u.smoke != nil {
		u.smoke.snapshot(s)
	}
}

// ledgerLabels are the ledger chart's choices that apply to the loaded
// scenario's campaign (sim.MetricApplies: no vote share for a festival).
func (u *App) ledgerLabels() []string {
	var labels []string
	for _, m := range Metrics {
		if sim.MetricApplies(m.Name, u.cfg.Campaign.Aim) {
			labels = append(labels, m.Text())
		}
	}
	return labels
}

// setLedgerChoices offers the loaded scenario's ledger choices; a chart
// showing a metric that no longer applies goes back to the first.
func (u *App) setLedgerChoices() {
	if u.metric == nil {
		return
	}
	u.metric.Options = u.ledgerLabels()
	if !slices.Contains(u.metric.Options, u.metric.Selected) {
		u.metric.SetSelected(u.metric.Options[0])
	}
	u.metric.Refresh()
}

// setCards fills the headline cards from res and returns what they say.
func (u *App) setCards(runs []sim.Result) Headline {
	h := HeadlinesOf(runs, StoryTalksBackfires(u.cfg))
	res := runs[0]
	// Before the first step the line under the toolbar explains what to
	// do; from then on it says what happened.
	started := false
	for _, a := range res.Arms {
		started = started || len(a.Series) > 1
	}
	// Once the run has started the cards say it: the line gives the room
	// to the charts (a scaled-up projector window is short).
	if started || u.presenting { // presenting: the story panel says it
		u.explain.Hide()
	} else {
		u.explain.SetText(explanation(u.cfg))
		u.explain.Show()
	}
	for i, c := range u.cards {
		if i < len(h.Cards) {
			c.set(h.Cards[i].Value, h.Cards[i].Caption)
		} else {
			c.set("–", "")
		}
	}
	return h
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
	u.startTrace()
	u.Window.ShowAndRun()
	u.close()
	if u.smoke != nil && u.opt.Smoke {
		return u.smoke.result()
	}
	return nil
}

// card is a headline card: a big value over a caption that wraps, so
// that four fit side by side on a scaled-up projector window.
type card struct {
	value   *widget.RichText
	caption *widget.Label
	bg      *canvas.Rectangle
	content fyne.CanvasObject
}

// wideCards reports whether the window is wide enough for wide cards: a
// caption beside its value at least 11 characters' height wide, which
// keeps words whole ("persoonskenmerk en" broke on a narrow card).
func (u *App) wideCards() bool {
	w := u.Window.Canvas().Size().Width
	text := theme.TextSize()
	value := fyne.MeasureText("+34 %", theme.Size(theme.SizeNameSubHeadingText), fyne.TextStyle{Bold: true}).Width
	caption := (w-StoryWidth-6*theme.Padding())/4 - value - 4*theme.InnerPadding()
	return caption >= 11*text
}

// newCard makes a card; a wide one (presentation mode) puts the caption
// beside the value, which leaves the charts a line more of the screen.
func newCard(wide bool) *card {
	c := &card{value: widget.NewRichTextFromMarkdown("## –"), caption: widget.NewLabel("")}
	c.caption.Wrapping = fyne.TextWrapWord
	c.bg = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	c.bg.CornerRadius = theme.InputRadiusSize()
	text := container.NewVBox(c.value, c.caption)
	if wide {
		text = container.NewBorder(nil, nil, container.NewCenter(c.value), nil, c.caption)
	}
	c.content = container.NewStack(c.bg, text)
	return c
}

func (c *card) set(value, caption string) {
	if c.value.String() == value && c.caption.Text == caption {
		return // unchanged: no relayout (unchanged.go)
	}
	c.value.ParseMarkdown("## " + value)
	c.caption.SetText(caption)
}

// Title is the card's value (tests).
func (c *card) Title() string {
	if len(c.value.Segments) == 0 {
		return ""
	}
	if t, ok := c.value.Segments[0].(*widget.TextSegment); ok {
		return t.Text
	}
	return ""
}

// setLegend shows one colour swatch per arm above the charts: the charts'
// own legends give way to the lines when a small chart has many arms.
func (u *App) setLegend(res sim.Result) {
	arms := resultArms(res)
	names := make([]string, len(arms))
	for i, a := range arms {
		names[i] = a.Name
	}
	key := strings.Join(names, "\x00")
	if key == u.legendFor {
		return
	}
	u.legendFor = key
	u.legend.RemoveAll()
	if len(names) == 0 {
		return
	}
	u.legend.Add(widget.NewLabel(lang.L("Arms:")))
	for i, c := range armColours(arms) {
		sw := canvas.NewRectangle(c)
		sw.SetMinSize(fyne.NewSize(28, 6))
		u.legend.Add(container.NewHBox(container.NewCenter(sw), widget.NewLabel(DisplayName(names[i]))))
	}
}

// Legend is the arm names the legend shows (tests).
func (u *App) Legend() []string {
	if u.legendFor == "" {
		return nil
	}
	return strings.Split(u.legendFor, "\x00")
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
	u.prey.follow(i)
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
	return DefaultShownArm(u.cfg)
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
