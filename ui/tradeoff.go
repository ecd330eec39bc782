package ui

import (
	"context"
	"image"
	"image/draw"
	"math"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"gonum.org/v1/plot"

	"boomerang/batch"
	"boomerang/chart"
	"boomerang/sim"
)

// tradeoffView is the Trade-off tab: effectiveness against privacy
// intrusion for every strategy × regulation preset (batch.Tradeoff),
// computed in the background on a reduced population, shown as a scatter
// with the Pareto frontier and as a list. Tapping a point or a row loads
// that setting at full size and opens the campaign view, so a student can
// go from "this one looks good" to watching it run.
//
// Threading: Compute starts batch.Tradeoff on its own goroutine with a
// context; progress and the result come back through u.do, tagged with
// a generation number so that a cancelled or superseded computation can
// never show up late.
type tradeoffView struct {
	u *App

	// base is the scenario the grid derives from: the one loaded, except
	// that loading a cell from this view keeps the base (and the results).
	base    sim.Config
	ownLoad bool

	// What a computation uses; tests shrink them.
	pop, reps, steps int

	effSel, intrSel *keySelect
	computeBtn      *widget.Button
	cancelBtn       *widget.Button
	progress        *widget.ProgressBar
	status          *widget.Label
	note            *widget.Label
	noteBox         *fyne.Container
	chart           *tradeoffChart
	legend          *fyne.Container // the strategies' colours
	list            *widget.List
	box             fyne.CanvasObject

	gen      int                // generation of the current computation (UI goroutine)
	cancel   context.CancelFunc // cancels the running computation; nil when idle
	done     chan struct{}      // closed when the running computation's goroutine returns
	calls    atomic.Int64       // progress callbacks received (tests)
	res      *batch.TradeoffResult
	frontier []bool
	points   []chart.GridPoint
	plot     *plot.Plot
}

func newTradeoffView(u *App) *tradeoffView {
	v := &tradeoffView{u: u, base: u.cfg,
		pop: batch.DefaultTradeoffPopulation, reps: batch.DefaultTradeoffReps}
	v.pop, v.reps = tradeoffSize(v.pop, v.reps) // smaller in a browser (web_js.go)

	effLabels := measureLabels(batch.EffectivenessMeasures())
	intrLabels := measureLabels(batch.IntrusionMeasures())
	v.effSel = newSelect(effLabels, func(string) { v.redraw() })
	v.effSel.SetSelectedIndex(0)
	v.intrSel = newSelect(intrLabels, func(string) { v.redraw() })
	v.intrSel.SetSelectedIndex(0)
	for _, sel := range []*keySelect{v.effSel, v.intrSel} {
		sel.PlaceHolder = longest(sel.Options) // as wide as its longest choice
	}

	v.computeBtn = widget.NewButtonWithIcon(lang.L("Compute"), theme.MediaPlayIcon(), v.compute)
	v.computeBtn.Importance = widget.HighImportance
	v.cancelBtn = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), v.cancelByUser)
	v.cancelBtn.Disable()
	v.progress = widget.NewProgressBar()
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.note = widget.NewLabel("")
	v.note.Wrapping = fyne.TextWrapWord
	showcase := widget.NewButton(lang.L("Open the targeting showdown"), func() {
		if err := u.LoadBuiltin("targeting-showdown"); err != nil {
			v.status.SetText(err.Error())
		}
	})
	v.noteBox = container.NewBorder(nil, nil, nil, showcase, v.note)

	v.chart = newTradeoffChart(v)
	v.list = widget.NewList(
		func() int {
			if v.res == nil {
				return 0
			}
			return len(v.res.Cells)
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewGridWithColumns(4, l, widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := v.row(i)
			for k, obj := range o.(*fyne.Container).Objects {
				obj.(*widget.Label).SetText(row[k])
			}
		})
	v.list.OnSelected = func(i widget.ListItemID) {
		v.list.UnselectAll() // a row is an action, not a selection
		v.choose(i)
	}
	header := container.NewGridWithColumns(4,
		boldLabel(lang.L("Setting")), boldLabel(lang.L("Effectiveness")),
		boldLabel(lang.L("Intrusion")), boldLabel(lang.L("On the frontier")))

	// Compute first: on a narrow (scaled-up) window the pickers scroll,
	// the button that starts everything stays in view.
	controls := container.NewHBox(
		v.computeBtn, v.cancelBtn,
		widget.NewLabel(lang.L("Effectiveness:")), v.effSel,
		widget.NewLabel(lang.L("Intrusion:")), v.intrSel)
	top := container.NewVBox(container.NewHScroll(controls), v.progress, v.status, v.noteBox)
	table := container.NewBorder(header, nil, nil, nil, v.list)
	v.legend = container.NewHBox()
	split := container.NewVSplit(container.NewBorder(container.NewHScroll(v.legend), nil, nil, nil, v.chart), table)
	split.Offset = 0.62
	v.box = container.NewBorder(top, nil, nil, nil, split)
	v.idle()
	return v
}

// measureLabels are the translated labels of measures, for a Select.
func measureLabels(ms []batch.Measure) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = lang.L(m.Label)
	}
	return out
}

// content is the tab's content.
func (v *tradeoffView) content() fyne.CanvasObject { return v.box }

// scenarioChanged is called when another scenario is loaded (UI
// goroutine): the grid belongs to the old one, so it is forgotten and any
// running computation stops. A cell loaded from this view keeps both.
func (v *tradeoffView) scenarioChanged(cfg sim.Config) {
	if v.ownLoad {
		return
	}
	v.base = cfg
	v.stopWork()
	v.clear()
	v.idle()
}

// stop cancels background work (the app is closing or rebuilding).
func (v *tradeoffView) stop() { v.stopWork() }

// stopWork cancels the running computation, if any, and makes sure its
// late progress and result are dropped.
func (v *tradeoffView) stopWork() {
	v.gen++
	if v.cancel != nil {
		v.cancel()
		v.cancel = nil
	}
	v.computeBtn.Enable()
	v.cancelBtn.Disable()
}

// idle shows what Compute will do with the current base.
func (v *tradeoffView) idle() {
	n := min(v.pop, v.base.Population.Size)
	cells := len(batch.TradeoffStrategies()) * len(batch.RegulationPresets())
	v.status.SetText(trf("Compute runs %d settings (4 strategies × 4 sets of rules) of this scenario, %d times each, on %d people. Tap a point or a row to load that setting.",
		cells, v.reps, n))
	v.progress.SetValue(0)
	if v.base.Data.QuizShare == 0 {
		v.note.SetText(lang.L("In this scenario nobody takes the quiz, so the platform profiles nobody: psychographic and lookalike can only fall back to broadcast."))
		v.noteBox.Show()
	} else {
		v.noteBox.Hide()
	}
}

// clear forgets the results.
func (v *tradeoffView) clear() {
	v.res, v.frontier, v.points, v.plot = nil, nil, nil, nil
	v.list.Refresh()
	v.chart.raster.Refresh()
}

// compute starts the grid in the background.
func (v *tradeoffView) compute() {
	if v.cancel != nil {
		return // already running
	}
	v.clear()
	v.gen++
	gen := v.gen
	ctx, cancel := context.WithCancel(context.Background())
	v.cancel = cancel
	done := make(chan struct{})
	v.done = done
	v.computeBtn.Disable()
	v.cancelBtn.Enable()
	v.progress.SetValue(0)
	v.status.SetText(lang.L("Computing…"))
	u := v.u
	lastPermille := -1
	lastYield := time.Now()
	opt := batch.TradeoffOptions{
		Base: v.base, Reps: v.reps, Population: v.pop, Steps: v.steps, Workers: u.workers,
		// Calls are serialised by Tradeoff, so lastPermille needs no lock;
		// the UI hears of every 0.5 % and of every finished cell.
		OnProgress: func(p batch.TradeoffProgress) {
			v.calls.Add(1)
			yieldToBrowser(&lastYield) // let a browser draw (web_js.go)
			pm := int(p.Fraction() * 1000)
			if pm < lastPermille+5 && p.CellsDone < p.Cells {
				return
			}
			lastPermille = pm
			u.do(func() {
				if v.gen != gen {
					return
				}
				v.progress.SetValue(p.Fraction())
				v.status.SetText(trf("Computing… %d of %d settings done", p.CellsDone, p.Cells))
			})
		},
	}
	go func() {
		defer close(done)
		res, err := batch.Tradeoff(ctx, opt)
		u.do(func() {
			if v.gen != gen {
				return // cancelled or superseded: nothing is kept
			}
			v.cancel = nil
			cancel()
			v.computeBtn.Enable()
			v.cancelBtn.Disable()
			if err != nil {
				v.status.SetText(trf("Could not compute the trade-off: %v", err))
				return
			}
			v.res = res
			v.progress.SetValue(1)
			v.status.SetText(trf("%d settings, %d runs each on %d people; the dashed line is the Pareto frontier (nothing else is both more effective and less intrusive). Tap a point or a row to load that setting.",
				len(res.Cells), res.Reps, res.Population))
			v.redraw()
		})
	}()
}

// cancelByUser is the Cancel button.
func (v *tradeoffView) cancelByUser() {
	v.stopWork()
	v.clear()
	v.progress.SetValue(0)
	v.status.SetText(lang.L("Cancelled — nothing was kept."))
}

// measures are the selected effectiveness and intrusion measures.
func (v *tradeoffView) measures() (eff, intr batch.Measure) {
	e, x := batch.EffectivenessMeasures(), batch.IntrusionMeasures()
	eff, intr = e[0], x[0]
	if i := v.effSel.SelectedIndex(); i >= 0 && i < len(e) {
		eff = e[i]
	}
	if i := v.intrSel.SelectedIndex(); i >= 0 && i < len(x) {
		intr = x[i]
	}
	return eff, intr
}

// redraw rebuilds the points, the frontier and the plot for the chosen
// measures, and redraws the chart and the list.
func (v *tradeoffView) redraw() {
	if v.list == nil { // the Selects fire while the view is being built
		return
	}
	if v.res == nil {
		v.clear()
		return
	}
	eff, intr := v.measures()
	v.frontier = v.res.Frontier(eff, intr)
	v.points = make([]chart.GridPoint, len(v.res.Cells))
	for i, c := range v.res.Cells {
		y, x := c.Value(eff), nonNegative(c.Value(intr))
		v.points[i] = chart.GridPoint{
			Label:    shortStrategy(c.Strategy) + " · " + lang.L(c.Regulation.Short),
			Strategy: c.Strategy,
			X:        x.Mean, XLo: x.Lo, XHi: x.Hi,
			Y: y.Mean, YLo: y.Lo, YHi: y.Hi,
		}
	}
	bg, fg := chartColours()
	v.plot = chart.GridScatter(v.points, chart.ScatterText{
		Title:  lang.L("Effectiveness against privacy intrusion"),
		XLabel: lang.L(intr.Label), YLabel: lang.L(eff.Label),
	}, chart.Options{Background: bg, Foreground: fg, Scale: chartScale(), NoLegend: true, DecimalComma: decimalComma()})
	v.setLegend()
	v.chart.raster.Refresh()
	v.list.Refresh()
}

// setLegend shows the strategies' colours above the chart, in words of
// the chosen language: a legend outside the plot covers no point.
func (v *tradeoffView) setLegend() {
	v.legend.RemoveAll()
	if v.res == nil {
		return
	}
	var arms []sim.ArmConfig
	seen := map[string]bool{}
	for _, c := range v.res.Cells {
		if !seen[c.Strategy] {
			seen[c.Strategy] = true
			arms = append(arms, sim.ArmConfig{Name: c.Strategy, Strategy: c.Strategy})
		}
	}
	for i, col := range armColours(arms) {
		sw := canvas.NewCircle(col)
		sw.Resize(fyne.NewSize(14, 14))
		v.legend.Add(container.NewHBox(container.NewCenter(container.NewGridWrap(fyne.NewSize(14, 14), sw)),
			widget.NewLabel(shortStrategy(arms[i].Strategy)+" = "+DisplayName(arms[i].Strategy))))
	}
}

// shortStrategy is a strategy's short name for the chart's point labels,
// in the chosen language (bundle key "short.STRATEGY").
func shortStrategy(s string) string {
	return translatedOr("short."+s, batch.ShortStrategy(s))
}

// nonNegative clamps an intrusion measure's mean and interval at 0: the
// attributes used per ad and the shares of ads are never negative, so an
// interval of mean ± t·SE that reaches below 0 is cut there.
func nonNegative(s batch.Stat) batch.Stat {
	for _, x := range []*float64{&s.Mean, &s.Lo, &s.Hi} {
		if *x < 0 { // NaN stays NaN
			*x = 0
		}
	}
	return s
}

// row is the list's text for cell i: setting, effectiveness, intrusion,
// frontier.
func (v *tradeoffView) row(i int) [4]string {
	if v.res == nil || i < 0 || i >= len(v.res.Cells) {
		return [4]string{}
	}
	c := v.res.Cells[i]
	eff, intr := v.measures()
	on := ""
	if i < len(v.frontier) && v.frontier[i] {
		on = lang.L("yes")
	}
	return [4]string{DisplayName(c.Strategy) + " · " + lang.L(c.Regulation.Name),
		formatStat(c.Value(eff)), formatStat(nonNegative(c.Value(intr))), on}
}

// formatStat is "mean [lo, hi]", or the mean alone without an interval.
func formatStat(s batch.Stat) string {
	if math.IsNaN(s.Mean) {
		return "–"
	}
	if math.IsNaN(s.Lo) || math.IsNaN(s.Hi) {
		return numf("%.3g", s.Mean)
	}
	return numf("%.3g (%.3g – %.3g)", s.Mean, s.Lo, s.Hi)
}

// choose loads cell i at full size and opens the campaign view.
func (v *tradeoffView) choose(i int) {
	if v.res == nil || i < 0 || i >= len(v.res.Cells) {
		return
	}
	cfg := v.res.Config(i)
	v.ownLoad = true
	err := v.u.Load(cfg)
	v.ownLoad = false
	if err != nil {
		v.status.SetText(trf("Could not load that setting: %v", err))
		return
	}
	v.u.ShowTab("campaign")
}

// tradeoffChart shows the scatter as a raster and turns a tap into the
// point under it.
type tradeoffChart struct {
	widget.BaseWidget
	v      *tradeoffView
	raster *canvas.Raster
	img    *image.RGBA
	dpi    float64 // of the last frame, for mapping taps back
}

func newTradeoffChart(v *tradeoffView) *tradeoffChart {
	c := &tradeoffChart{v: v}
	c.raster = canvas.NewRaster(c.generate)
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *tradeoffChart) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.raster)
}

// MinSize keeps the chart readable.
func (c *tradeoffChart) MinSize() fyne.Size { return fyne.NewSize(360, 240) }

// generate draws the plot at w×h pixels (UI goroutine, Fyne ≥ 2.6); the
// DPI follows the pixel/logical ratio so text scales with FYNE_SCALE.
func (c *tradeoffChart) generate(w, h int) image.Image {
	if w <= 0 || h <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	if c.img == nil || c.img.Bounds().Dx() != w || c.img.Bounds().Dy() != h {
		c.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	ratio := 1.0
	if lw := c.raster.Size().Width; lw > 0 {
		ratio = float64(w) / float64(lw)
	}
	if ratio <= 0 || math.IsNaN(ratio) || math.IsInf(ratio, 0) {
		ratio = 1
	}
	c.dpi = 96 * ratio
	bg, _ := chartColours()
	if c.v.plot == nil {
		draw.Draw(c.img, c.img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
		return c.img
	}
	chart.Render(c.v.plot, c.img, c.dpi)
	return c.img
}

// pointAt is the grid point drawn nearest to pos (logical units), within
// a finger's width; −1 if none.
func (c *tradeoffChart) pointAt(pos fyne.Position) int {
	v := c.v
	if v.plot == nil || c.img == nil {
		return -1
	}
	w, h := c.img.Bounds().Dx(), c.img.Bounds().Dy()
	size := c.raster.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return -1
	}
	sx, sy := float64(w)/float64(size.Width), float64(h)/float64(size.Height)
	return chart.NearestPoint(v.plot, v.points, w, h, c.dpi, float64(pos.X)*sx, float64(pos.Y)*sy, 20*sx)
}

// Tapped loads the setting of the point under the tap.
func (c *tradeoffChart) Tapped(ev *fyne.PointEvent) {
	if i := c.pointAt(ev.Position); i >= 0 {
		c.v.choose(i)
	}
}
