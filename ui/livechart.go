package ui

import (
	"image"
	"image/color"
	"math"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"gonum.org/v1/plot"

	"boomerang/chart"
	"boomerang/sim"
)

// MaxFPS bounds how often the live chart is redrawn while a run plays:
// one 1280×800 chart costs ~10 ms, so 12 a second leaves both cores to
// the model and the UI.
const MaxFPS = 12

// Metric is a chart the student can pick.
type Metric struct {
	Label string // shown in the picker, in English: show Text()
	Name  string // sim metric column
}

// Text is the metric's picker label in the current language. Label stays
// English because package-level values are built before any language is
// chosen; translations/campaign.nl.json holds every Label.
func (m Metric) Text() string { return lang.L(m.Label) }

// Metrics are the ledger chart's choices (the campaign view's fourth
// chart), the first is the default. Which metrics and in what order is
// the view's choice; their labels are the declaration's (sim.Column).
var Metrics = ledgerMetrics("attributes_per_impression", "sensitive_share", "mean_opinion",
	"polarisation", "vote_share_vs_control", "spend", "backfires")

// ledgerMetrics are the named metrics as picker choices, each labelled
// with its chart title.
func ledgerMetrics(names ...string) []Metric {
	out := make([]Metric, len(names))
	for i, n := range names {
		c, _ := sim.MetricColumn(n)
		out[i] = Metric{Label: c.ChartTitle(), Name: n}
	}
	return out
}

// Frame describes one drawn chart (for the smoke test and tests).
type Frame struct {
	T      int    // last step drawn
	Arms   int    // arms drawn (0 before the run is built)
	Metric string // metric drawn
	Title  string // chart title
	Width  int    // pixels
	Height int
	// Replications is how many replications the lines average (with
	// more than one the chart draws 95 % bands); 0 before the run is built.
	Replications int
}

// LiveChart is a gonum/plot line chart of the running simulation, one line
// per arm. It draws with chart.Lines and chart.Render into one reused
// image, shown through a canvas.Raster, so a new frame costs no widget
// rebuild. Redraws are throttled to MaxFPS; Flush draws at once.
//
// All methods except the raster's generator are called on the UI
// goroutine; the generator may run on the paint thread, so the state it
// reads is guarded by mu.
type LiveChart struct {
	widget.BaseWidget

	raster *canvas.Raster
	do     func(func()) // runs a function on the UI goroutine

	mu      sync.Mutex
	res     []sim.Result // the replications drawn; the first is the one shown elsewhere
	metric  string
	xmax    float64
	scale   float64 // chart.Options.Scale; 0 means 1
	img     *image.RGBA
	last    Frame
	frames  int
	onFrame func(Frame)
	cost    time.Duration // how long the last frame took to draw

	// throttle state, UI goroutine only
	lastRefresh time.Time
	pending     bool
	interval    time.Duration
	refreshes   int
	offScreen   func() bool // whether the chart is hidden (another tab in front); nil: never
	stale       bool        // a redraw was skipped while the chart was hidden
}

// NewLiveChart returns a chart of metric (a sim metric column name) over
// steps 0…xmax. do must run a function on the UI goroutine (fyne.Do).
func NewLiveChart(metric string, xmax int, do func(func())) *LiveChart {
	lc := &LiveChart{metric: metric, xmax: float64(xmax), do: do, interval: time.Second / MaxFPS}
	lc.raster = canvas.NewRaster(lc.generate)
	lc.raster.ScaleMode = canvas.ImageScaleFastest
	lc.ExtendBaseWidget(lc)
	return lc
}

// CreateRenderer implements fyne.Widget.
func (lc *LiveChart) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(lc.raster)
}

// MinSize keeps the chart large enough to read; it grows and shrinks
// with the theme's text, as the chart's own text does.
func (lc *LiveChart) MinSize() fyne.Size {
	f := float32(textFactor())
	return fyne.NewSize(280*f, 210*f)
}

// SetScale scales the chart's text and lines (chart.Options.Scale): the
// campaign view's four charts use less than 1 so that their plot areas
// stay large. The theme's enlargement (presentation mode) multiplies it.
func (lc *LiveChart) SetScale(s float64) {
	lc.mu.Lock()
	lc.scale = s
	lc.mu.Unlock()
}

// SetResult shows a new result; the chart is redrawn within 1/MaxFPS.
func (lc *LiveChart) SetResult(res sim.Result) { lc.SetResults([]sim.Result{res}) }

// SetResults shows replications of one run side by side: the lines are
// their means, with a 95 % band when there is more than one (chart.Lines
// matches arms by name). The first result sets the step drawn. The chart
// is redrawn within 1/MaxFPS.
func (lc *LiveChart) SetResults(res []sim.Result) {
	lc.mu.Lock()
	lc.res = res
	lc.mu.Unlock()
	lc.requestRedraw()
}

// SetMetric switches the metric drawn and redraws at once.
func (lc *LiveChart) SetMetric(metric string) {
	lc.mu.Lock()
	lc.metric = metric
	lc.mu.Unlock()
	lc.Flush()
}

// SetXMax sets the last step on the x axis.
func (lc *LiveChart) SetXMax(steps int) {
	lc.mu.Lock()
	lc.xmax = float64(steps)
	lc.mu.Unlock()
}

// Metric returns the metric drawn.
func (lc *LiveChart) Metric() string {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	return lc.metric
}

// LastFrame returns what the last drawn frame showed, and how many frames
// have been drawn.
func (lc *LiveChart) LastFrame() (Frame, int) {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	return lc.last, lc.frames
}

// OnFrame sets a function called after every drawn frame (on the paint
// thread; it must not block).
func (lc *LiveChart) OnFrame(f func(Frame)) {
	lc.mu.Lock()
	lc.onFrame = f
	lc.mu.Unlock()
}

// Flush redraws now, whatever the throttle says (e.g. the final step).
func (lc *LiveChart) Flush() {
	lc.lastRefresh = time.Now()
	lc.refreshes++
	lc.raster.Refresh()
}

// SetOffScreen sets how the chart learns that it is hidden (another tab
// in front): then a new result is not drawn, since every refresh makes
// the window paint again (a whole frame in a browser), until Shown.
func (lc *LiveChart) SetOffScreen(hidden func() bool) { lc.offScreen = hidden }

// Shown draws the latest result if one came while the chart was hidden
// (UI goroutine).
func (lc *LiveChart) Shown() {
	if lc.stale {
		lc.stale = false
		lc.Flush()
	}
}

// requestRedraw refreshes the raster at most MaxFPS times a second; a
// request inside the interval schedules one trailing redraw, so the last
// result is always drawn. A hidden chart waits until it is shown.
func (lc *LiveChart) requestRedraw() {
	if lc.offScreen != nil && lc.offScreen() {
		lc.stale = true
		return
	}
	lc.mu.Lock()
	interval := max(lc.interval, redrawInterval(lc.cost)) // longer in a browser (web_js.go)
	lc.mu.Unlock()
	since := time.Since(lc.lastRefresh)
	if since >= interval {
		lc.Flush()
		return
	}
	if lc.pending {
		return
	}
	lc.pending = true
	time.AfterFunc(interval-since, func() {
		lc.do(func() {
			lc.pending = false
			if lc.offScreen != nil && lc.offScreen() {
				lc.stale = true
				return
			}
			lc.Flush()
		})
	})
}

// generate is the raster's generator: it draws the chart at w×h pixels
// into the reused image. The DPI follows the pixel/logical size ratio, so
// chart text scales with FYNE_SCALE like the rest of the UI.
func (lc *LiveChart) generate(w, h int) image.Image {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	if w <= 0 || h <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	began := time.Now()
	if lc.frames == 0 {
		BootMark("first frame of " + lc.metric)
	}
	defer func() { lc.cost = time.Since(began) }()
	if lc.img == nil || lc.img.Bounds().Dx() != w || lc.img.Bounds().Dy() != h {
		lc.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	ratio := 1.0
	if lw := lc.raster.Size().Width; lw > 0 {
		ratio = float64(w) / float64(lw)
	}
	if ratio <= 0 || math.IsNaN(ratio) || math.IsInf(ratio, 0) {
		ratio = 1
	}
	bg, fg := chartColours()
	// No legend: the campaign view shows one colour key for all charts,
	// and a legend inside a small chart hides its lines.
	opt := chart.Options{XMax: lc.xmax, Background: bg, Foreground: fg, Scale: lc.scale * textFactor(), NoLegend: true, DecimalComma: decimalComma()}
	var results []sim.Result
	for _, r := range lc.res {
		if len(r.Arms) > 0 {
			results = append(results, r)
		}
	}
	p, err := chart.Lines(results, lc.metric, opt)
	if err != nil { // a metric not in sim.MetricColumns: a programming error
		fyne.LogError("live chart", err)
		return lc.img
	}
	// Translated at every frame, not when the chart is made: the charts
	// outlive a change of language (the window is rebuilt around them).
	// Since Fyne 2.6 the generator runs on the UI goroutine, the only one
	// that changes the language.
	localise(p, lc.metric)
	// A live chart has no room for a long axis label: the title says
	// what is drawn, the axis only the unit (and chart.Render leaves out
	// even that when the chart is too short for it).
	if c, ok := sim.MetricColumn(lc.metric); ok {
		p.Y.Label.Text = lang.L(c.ShortAxis())
	}
	chart.Render(p, lc.img, 96*ratio)
	t, arms := 0, 0
	if len(results) > 0 {
		arms = len(results[0].Arms)
		for _, a := range results[0].Arms {
			if n := len(a.Series); n > 0 {
				t = max(t, a.Series[n-1].Step)
			}
		}
	}
	lc.last = Frame{T: t, Arms: arms, Metric: lc.metric, Title: p.Title.Text, Width: w, Height: h, Replications: len(results)}
	lc.frames++
	if lc.onFrame != nil {
		lc.onFrame(lc.last)
	}
	return lc.img
}

// chartText is the title and y-axis label of metric's chart in the
// current language. Package chart names metrics in English and must not
// import Fyne, so the translation happens here, keyed by chart's English
// (translations/campaign.nl.json holds the labels of every metric column).
func chartText(metric string) (title, axis string) {
	l, ok := chart.MetricLabel(metric)
	if !ok {
		return metric, ""
	}
	return lang.L(l.Title), lang.L(l.Axis)
}

// localise puts the current language on a chart of metric drawn by
// chart.Lines: title, x and y axis. Arm names in the legend are the
// scenario's identifiers and stay as the file writes them.
func localise(p *plot.Plot, metric string) {
	title, axis := chartText(metric)
	p.Title.Text = title
	p.X.Label.Text = lang.L("step")
	p.Y.Label.Text = axis
}

// chartColours are the theme's background and foreground, with the
// foreground pushed to full contrast: the light theme's grey text is too
// pale for a projector.
func chartColours() (bg, fg color.Color) {
	bg = theme.Color(theme.ColorNameBackground)
	fg = theme.Color(theme.ColorNameForeground)
	r, g, b, _ := bg.RGBA()
	if 0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b) > 0.5*0xFFFF {
		return bg, color.NRGBA{0x1A, 0x1A, 0x1A, 0xFF}
	}
	return bg, fg
}

// colours counts the distinct colours of the last drawn frame, up to limit.
func (lc *LiveChart) colours(limit int) int {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	if lc.img == nil {
		return 0
	}
	return colours(lc.img, limit)
}

// refreshCount is how many redraws the chart has asked for (throttled to
// MaxFPS); for benchmarks.
func (lc *LiveChart) refreshCount() int { return lc.refreshes }
