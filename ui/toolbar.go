package ui

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boomerang/scenarios"
	"boomerang/sim"
	"boomerang/ui/play"
)

// This file is the toolbar and the status line under the tabs: the
// scenario picker, Play, Step and Reset with the step counter, the speed,
// seed and population-size fields, the runs and language pickers, and
// what the status line says about refused values.

// Speeds are the choices of the speed picker: the minimum time per step.
var Speeds = []struct {
	Label string
	Delay time.Duration
}{
	{"Slow", 300 * time.Millisecond},
	{"Normal", play.DefaultStepDelay},
	{"Fast", 30 * time.Millisecond},
	{"Fastest", 0},
}

// buildToolbar makes the toolbar's widgets and lays them out: two rows,
// or one with only what a lecturer presses in presentation mode.
func (u *App) buildToolbar() fyne.CanvasObject {
	u.play = widget.NewButtonWithIcon(lang.L("Play"), theme.MediaPlayIcon(), func() { u.ctrl.Toggle() })
	u.play.Importance = widget.HighImportance
	u.step = widget.NewButtonWithIcon(lang.L("Step"), theme.MediaSkipNextIcon(), func() { u.ctrl.Step() })
	u.reset = widget.NewButtonWithIcon(lang.L("Reset"), theme.MediaReplayIcon(), func() { u.resetRun() })
	for _, b := range []*widget.Button{u.play, u.step, u.reset} {
		b.Disable() // until the population is built
	}
	u.export = widget.NewButtonWithIcon(lang.L("Export…"), theme.DocumentSaveIcon(), u.showExport)
	counterBox := u.newCounter()
	u.status = widget.NewLabel("")
	u.status.Wrapping = fyne.TextWrapWord
	u.newScenarioPicker()
	open := widget.NewButtonWithIcon(lang.L("Open…"), theme.FolderOpenIcon(), u.showOpen)
	about := widget.NewButtonWithIcon("", theme.InfoIcon(), u.showAbout)
	u.newSpeedPicker()
	u.newRunsPicker()
	u.newEntries()
	u.newLanguagePicker()
	u.present = widget.NewButtonWithIcon(u.presentLabel(), theme.ViewFullScreenIcon(), func() {
		go u.do(u.TogglePresentation)
	})
	// A Select is as wide as its placeholder: make that the longest
	// choice, so a picker is no wider than what it shows (Fyne's
	// "(Select one)" is wider than "EN", and longer still in Dutch).
	for _, sel := range []*keySelect{u.speed, u.runs, u.language} {
		sel.PlaceHolder = longest(sel.Options)
	}
	if u.presenting {
		// One row, and only what a lecturer presses (Ctrl+E still
		// exports): the room goes to the charts. A projector shows the
		// run, not its knobs. Step and Reset are their icons (→ and R
		// do the same), so that the row fits 1024 pixels in Dutch.
		u.step.SetText("")
		u.reset.SetText("")
		return container.NewBorder(nil, nil, nil, container.NewHBox(
			u.play, u.step, u.reset, u.speed, counterBox, u.present, u.language), u.scenario)
	}
	row1 := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Scenario:")),
		container.NewHBox(counterBox, open, u.export, u.present, u.language, about), u.scenario)
	row2 := container.NewHBox(
		u.play, u.step, u.reset,
		widget.NewLabel(lang.L("Speed")), u.speed,
		widget.NewLabel(lang.L("Seed")), container.New(&minWidth{w: 90}, u.seed),
		widget.NewLabel(lang.L("People")), container.New(&minWidth{w: 90}, u.size),
	)
	return container.NewVBox(row1, row2)
}

// newCounter makes the step counter, in a box as wide as "Step 999 /
// 999": a longer message ("Building the population…") is cut with an
// ellipsis rather than widening the toolbar, and so the window, for
// good. Half a character to spare: without it "Step 126 / 200" was cut.
func (u *App) newCounter() fyne.CanvasObject {
	u.counter = widget.NewLabel(lang.L("Building the population…"))
	u.counter.TextStyle.Monospace = true
	u.counter.Truncation = fyne.TextTruncateEllipsis
	return container.New(&minWidth{w: fyne.MeasureText(fmt.Sprintf(lang.L("Step %d / %d"), 999, 999),
		theme.TextSize(), fyne.TextStyle{Monospace: true}).Width + 2*theme.InnerPadding() + theme.TextSize()/2}, u.counter)
}

// newScenarioPicker makes the scenario picker: every built-in, by its
// one-line title.
func (u *App) newScenarioPicker() {
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
}

// newSpeedPicker makes the speed picker (Speeds).
func (u *App) newSpeedPicker() {
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
}

// newRunsPicker makes the picker of the replications side by side; a
// choice restarts the run with them.
func (u *App) newRunsPicker() {
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
}

// newEntries makes the seed and population-size fields: Enter restarts
// the run with the typed value.
func (u *App) newEntries() {
	u.seed = u.newEntry()
	u.seed.SetText(strconv.FormatUint(u.cfg.Seed, 10))
	u.seed.OnSubmitted = func(s string) { u.fieldValue(u.seed, "seed", s, strconv.FormatUint(u.cfg.Seed, 10)) }
	u.size = u.newEntry()
	u.size.SetText(strconv.Itoa(u.cfg.Population.Size))
	u.size.OnSubmitted = func(s string) {
		u.fieldValue(u.size, "population.size", s, strconv.Itoa(u.cfg.Population.Size))
	}
}

// newLanguagePicker makes the language picker; a choice rebuilds the
// window in that language.
func (u *App) newLanguagePicker() {
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

func speedLabel(d time.Duration) string {
	for _, s := range Speeds {
		if s.Delay == d {
			return lang.L(s.Label)
		}
	}
	return lang.L(Speeds[1].Label)
}

// showControls shows where the run is: the step counter and what Play,
// Step and Reset do now.
func (u *App) showControls(s Snapshot) {
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
}

// StepLabel returns the step counter's text.
func (u *App) StepLabel() string { return u.counter.Text }
