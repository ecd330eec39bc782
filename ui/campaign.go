package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boomerang/sim"
)

// This file is the Campaign tab: a line that says what the student looks
// at, four headline cards, the arms' colour key with the runs picker, and
// a 2×2 grid of live charts (livechart.go) whose fourth chart, the
// ledger, has a metric picker. Its widgets are the App's (tests and the
// presentation mode read them); campaignView is the tab as a view.

// campaignView is the Campaign tab as a view (view.go).
type campaignView struct {
	u     *App
	box   fyne.CanvasObject
	fresh bool // no snapshot of this scenario shown yet: draw the first at once
}

// newCampaignView makes the Campaign tab's widgets and lays them out.
func newCampaignView(u *App) *campaignView {
	u.newMetricPicker()
	u.explain = widget.NewLabel(explanation(u.cfg))
	u.explain.Wrapping = fyne.TextWrapWord
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
	box := container.NewBorder(container.NewVBox(u.explain, cardRow, keyRow), nil, nil, nil,
		container.NewVScroll(grid))
	return &campaignView{u: u, box: box, fresh: true}
}

// newMetricPicker makes the ledger chart's picker: the metrics that
// apply to the scenario's campaign.
func (u *App) newMetricPicker() {
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
}

// content implements view.
func (v *campaignView) content() fyne.CanvasObject { return v.box }

// scenarioChanged implements scenarioWatcher: empty charts and cards,
// and the ledger metrics of cfg's campaign.
func (v *campaignView) scenarioChanged(cfg sim.Config) {
	for _, c := range v.u.Charts {
		c.SetXMax(cfg.Steps)
		c.SetResult(sim.Result{})
	}
	v.u.setLedgerChoices()
	v.u.setCards([]sim.Result{{}})
	v.fresh = true
}

// apply implements snapshotShower: the charts, the cards, the colour key,
// and the status line's summary once the run is over.
func (v *campaignView) apply(s Snapshot) {
	u := v.u
	for _, c := range u.Charts {
		c.SetXMax(s.Steps)
		c.SetResults(append([]sim.Result{s.Result}, s.Replicas...))
		if v.fresh || s.Done || !s.Playing {
			c.Flush() // step 0, the final step and every manual step at once
		}
	}
	v.fresh = false
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
}

// themeChanged implements themeWatcher: the charts, the cards' backgrounds
// and the colour key.
func (v *campaignView) themeChanged() {
	u := v.u
	u.flushCharts()
	for _, c := range u.cards {
		c.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
		c.bg.Refresh()
	}
	u.legendFor = ""
	u.setLegend(u.last.Result)
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

// flushCharts redraws every chart now.
func (u *App) flushCharts() {
	for _, c := range u.Charts {
		c.Flush()
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
	h := HeadlinesFor(runs, u.cfg.Campaign.Aim, StoryTalksBackfires(u.cfg))
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
