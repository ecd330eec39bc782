package ui

import (
	"fmt"
	"image/color"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boomerang/scenarios"
	"boomerang/sim"
)

// storyPanel is the side panel with the scenario's guided story: the
// story's title, then the summary (page 0) or the text of guided step k,
// the step's question for the class, progress dots and Back/Next.
//
// Pages are numbered as scenarios.StepConfig numbers steps: page 0 is the
// scenario as loaded (the summary), page k shows Story.Steps[k-1] and runs
// the scenario with the settings of steps 1 … k applied. Moving always
// recomputes the configuration from the base, so page k is the same
// whether the user got there with Next or with Back.
//
// The panel is touched only on the UI goroutine.
type storyPanel struct {
	u *App

	base    sim.Config // the scenario as loaded, with the user's own changes
	own     sim.Config // the scenario as loaded, without them (Own)
	story   sim.Story
	k       int        // the page shown
	current sim.Config // the configuration the app last ran for this story

	title    *widget.Label
	dots     *fyne.Container // one circle per page, drawn: the text font may lack ● and ○
	dotsText string          // the same as text, "○ ● ○ ○" (tests, and the circles' source)
	where    *widget.Label   // "Step 2 of 3", for those who cannot count dots
	body     *widget.Label
	ask      *widget.Label
	question *widget.Label
	changed  *widget.Label // says the text is about the scenario's own settings, when some are changed
	askBox   *fyne.Container
	problem  *widget.Label
	back     *widget.Button
	next     *widget.Button
	scroll   *container.Scroll
	box      fyne.CanvasObject
}

func newStoryPanel(u *App) *storyPanel {
	p := &storyPanel{u: u}
	p.title = widget.NewLabel("")
	p.title.Wrapping = fyne.TextWrapWord
	p.title.TextStyle.Bold = true
	p.title.SizeName = theme.SizeNameSubHeadingText
	p.dots = container.NewGridWrap(fyne.NewSquareSize(theme.TextSize()))
	p.where = widget.NewLabel("")
	p.where.TextStyle.Italic = true
	p.body = widget.NewLabel("")
	p.body.Wrapping = fyne.TextWrapWord
	// The question stands apart: under a rule, a bold lead-in and the
	// question itself in italics, so a lecturer finds it at a glance on a
	// projector.
	p.ask = widget.NewLabel(lang.L("Ask the class:"))
	p.ask.TextStyle.Bold = true
	p.question = widget.NewLabel("")
	p.question.Wrapping = fyne.TextWrapWord
	p.question.TextStyle.Italic = true
	p.askBox = container.NewVBox(widget.NewSeparator(), p.ask, p.question)
	p.changed = widget.NewLabel("")
	p.changed.Wrapping = fyne.TextWrapWord
	p.changed.Importance = widget.WarningImportance
	p.changed.Hide()
	p.problem = widget.NewLabel("")
	p.problem.Wrapping = fyne.TextWrapWord
	p.problem.Importance = widget.DangerImportance
	p.problem.Hide()
	p.back = widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), func() { p.goTo(p.k - 1) })
	p.next = widget.NewButtonWithIcon(lang.L("Next"), theme.NavigateNextIcon(), func() { p.goTo(p.k + 1) })
	p.next.Importance = widget.HighImportance
	p.next.IconPlacement = widget.ButtonIconTrailingText

	dots := container.NewPadded(p.dots) // in line with the labels' text
	p.scroll = container.NewVScroll(container.NewVBox(p.title, dots, p.where, p.changed, p.body, p.problem))
	// The question and the buttons stay at the bottom while the text
	// scrolls: on a projector the class sees the question without anyone
	// scrolling, and a long step does not push Next away.
	buttons := container.NewGridWithColumns(2, p.back, p.next)
	p.box = container.NewBorder(nil, container.NewVBox(p.askBox, widget.NewSeparator(), buttons), nil, nil, p.scroll)
	return p
}

// content is the panel.
func (p *storyPanel) content() fyne.CanvasObject { return p.box }

// has reports whether the loaded scenario has a story to show.
func (p *storyPanel) has() bool { return !p.story.IsZero() }

// scenarioChanged is called when a scenario is loaded by anything but the
// story itself (UI goroutine). Another scenario starts its story at page
// 0. The same scenario with a few settings changed (seed, population size,
// the settings panel) keeps its page: the user's changes are carried into
// the base, so that Next and Back keep them too, unless a step sets the
// same key.
func (p *storyPanel) scenarioChanged(cfg sim.Config) {
	if p.sameStory(cfg) {
		if changed := carryChanges(&p.base, p.current, cfg); changed {
			p.current = cfg
			p.problem.Hide()
			p.refresh()
			return
		}
	}
	p.base, p.own = cloneConfig(cfg), cloneConfig(cfg)
	p.story = cfg.Story
	p.k = 0
	p.current = cfg
	p.problem.Hide()
	p.refresh()
	p.scroll.ScrollToTop() // a new story starts at its first line
}

// keep takes over the page and base of old, the panel this one replaces
// when the app rebuilds its window (another language, presentation
// mode), so that the story does not jump back to its start; without an
// old panel it starts cfg's story like scenarioChanged.
func (p *storyPanel) keep(old *storyPanel, cfg sim.Config) {
	if old == nil || !old.has() {
		p.scenarioChanged(cfg)
		return
	}
	p.base, p.own, p.story, p.k, p.current = old.base, old.own, old.story, old.k, old.current
	p.refresh()
	if !reflect.DeepEqual(cfg, p.current) {
		p.scenarioChanged(cfg) // something else was loaded meanwhile
	}
}

// sameStory reports whether cfg is the scenario the story is running,
// possibly with other values of its settings: same name, arms, messages
// and story.
func (p *storyPanel) sameStory(cfg sim.Config) bool {
	return p.has() && cfg.Name == p.base.Name &&
		reflect.DeepEqual(cfg.Story, p.story) &&
		reflect.DeepEqual(cfg.Arms, p.base.Arms) &&
		reflect.DeepEqual(cfg.Messages, p.base.Messages)
}

// goTo runs page k: the scenario with steps 1 … k applied, played at
// once, since every step asks the class to watch what happens.
func (p *storyPanel) goTo(k int) {
	if k < 0 || k > len(p.story.Steps) || k == p.k {
		return
	}
	cfg, err := scenarios.StepConfig(p.base, k)
	if err == nil {
		err = p.u.LoadStep(cfg)
	}
	if err != nil {
		p.problem.SetText(fmt.Sprintf(lang.L("This step cannot run: %v"), err))
		p.problem.Show()
		return
	}
	p.problem.Hide()
	p.k = k
	p.current = p.u.Config()
	p.refresh()
	p.scroll.ScrollToTop()
	p.u.Controller().Play()
}

// Own is the configuration this page of the story describes: the
// scenario as loaded with the steps up to the page applied, without the
// user's own changes; ok is false without a story.
func (p *storyPanel) Own() (cfg sim.Config, ok bool) {
	if !p.has() {
		return sim.Config{}, false
	}
	cfg, err := scenarios.StepConfig(p.own, p.k)
	return cfg, err == nil
}

// showChanged says, above the text, that the text describes the
// scenario's own settings when the user changed some (keys), so that
// numbers on screen that differ from the text are explained.
func (p *storyPanel) showChanged(keys []string) {
	if len(keys) == 0 {
		p.changed.Hide()
		return
	}
	p.changed.SetText(changedNote(keys))
	p.changed.Show()
}

// Page is the page shown: 0 for the summary, k for guided step k.
func (p *storyPanel) Page() int { return p.k }

// refresh shows page k in the current language.
func (p *storyPanel) refresh() {
	nl := CurrentLanguage() == "nl"
	st := p.story
	p.title.SetText(pick(nl, st.TitleEN, st.TitleNL))
	p.showChanged(p.u.settings.markChanged())
	n := len(st.Steps)
	p.setDots(progressDots(p.k, n))
	if p.k == 0 {
		p.where.SetText(fmt.Sprintf(lang.L("Introduction, then %d steps"), n))
		p.body.SetText(pick(nl, st.SummaryEN, st.SummaryNL))
		p.askBox.Hide()
	} else {
		s := st.Steps[p.k-1]
		p.where.SetText(fmt.Sprintf(lang.L("Step %d of %d"), p.k, n))
		// numbers in the text are {placeholders}, filled from the means
		// check-stories measured (scenarios.Measured), never typed by hand
		vals := scenarios.StepValues(p.own.Name, p.k)
		p.body.SetText(scenarios.Fill(pick(nl, s.TextEN, s.TextNL), vals, nl))
		if q := pick(nl, s.QuestionEN, s.QuestionNL); q != "" {
			p.question.SetText(scenarios.Fill(q, vals, nl))
			p.askBox.Show()
		} else {
			p.askBox.Hide()
		}
	}
	if p.k > 0 {
		p.back.Enable()
	} else {
		p.back.Disable()
	}
	if p.k < n {
		p.next.Enable()
	} else {
		p.next.Disable()
	}
}

// setDots draws the progress dots of text ("○ ● ○"): a filled circle in
// the primary colour for the page shown, outlines for the others.
func (p *storyPanel) setDots(text string) {
	p.dotsText = text
	p.dots.RemoveAll()
	primary := theme.Color(theme.ColorNamePrimary)
	for _, d := range strings.Fields(text) {
		c := canvas.NewCircle(color.Transparent)
		c.StrokeColor = primary
		c.StrokeWidth = max(1.5, theme.TextSize()/8)
		if d == "●" {
			c.FillColor = primary
		}
		// A little air around each dot: the circle fills its cell.
		p.dots.Add(container.New(&insetLayout{inset: theme.TextSize() / 5}, c))
	}
	p.dots.Refresh()
}

// insetLayout lays its objects out inset on every side.
type insetLayout struct{ inset float32 }

// MinSize implements fyne.Layout.
func (l *insetLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSquareSize(2 * l.inset)
}

// Layout implements fyne.Layout.
func (l *insetLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(l.inset, l.inset))
		o.Resize(fyne.NewSize(size.Width-2*l.inset, size.Height-2*l.inset))
	}
}

// pick returns the text in the wanted language, or the other one when a
// story was written in one language only (better than an empty panel).
func pick(nl bool, en, dutch string) string {
	first, second := en, dutch
	if nl {
		first, second = dutch, en
	}
	out := strings.TrimSpace(first)
	if out == "" {
		out = strings.TrimSpace(second)
	}
	// Stories write negative numbers with the minus sign (U+2212), which
	// the app's bundled font lacks: on a machine without a fallback font
	// it shows as a box. The hyphen-minus reads the same on a projector.
	return strings.ReplaceAll(out, "\u2212", "-")
}

// progressDots is one dot per page (the introduction and each step),
// the current one filled: "○ ● ○ ○" is step 1 of 3.
func progressDots(k, steps int) string {
	dots := make([]string, steps+1)
	for i := range dots {
		dots[i] = "○"
		if i == k {
			dots[i] = "●"
		}
	}
	return strings.Join(dots, " ")
}

// carryChanges copies into base every setting in which now differs from
// was (the configuration the story last ran), and reports whether there
// was any difference. Only scenario settings are compared: the story,
// arms and messages decide whether it is the same scenario at all.
func carryChanges(base *sim.Config, was, now sim.Config) bool {
	return carryValue(reflect.ValueOf(base).Elem(), reflect.ValueOf(was), reflect.ValueOf(now))
}

func carryValue(dst, was, now reflect.Value) bool {
	changed := false
	for i := 0; i < dst.NumField(); i++ {
		f := dst.Type().Field(i)
		if !f.IsExported() || f.Type == reflect.TypeOf(sim.Story{}) {
			continue
		}
		if f.Type.Kind() == reflect.Struct {
			changed = carryValue(dst.Field(i), was.Field(i), now.Field(i)) || changed
			continue
		}
		if !reflect.DeepEqual(was.Field(i).Interface(), now.Field(i).Interface()) {
			dst.Field(i).Set(now.Field(i))
			changed = true
		}
	}
	return changed
}
