// Package chart draws gonum/plot figures from simulation results: the
// same figures in the desktop app (live, into a reused image) and in the
// command line (PNG, SVG or PDF files for slides and papers).
//
// Charts are made to be read from the back of a lecture hall: large
// sans-serif text, thick lines, a colour-blind-safe palette (Okabe–Ito)
// with the control arm in neutral grey, and labels in plain words.
//
// The package never imports Fyne and needs no cgo.
package chart

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	stdfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"boomerang/sim"
)

// DefaultFontSize is the base font size in points (tick labels and
// legend); the title is 1.25 times larger. At the 96 dpi of Save that is
// 16 pixels, readable on a projector.
const DefaultFontSize = 12

// Options adjust a chart. The zero value gives the defaults.
type Options struct {
	// Title replaces the default title (the metric in plain words).
	Title string
	// FontSize is the base font size in points; 0 means DefaultFontSize.
	FontSize vg.Length
	// Scale multiplies font sizes and line widths (e.g. 1.5 for a
	// projector); 0 means 1.
	Scale float64
	// XMax, when > 0, fixes the step axis to [0, XMax], so that a live
	// chart does not rescale while the run grows.
	XMax float64
	// Background and Foreground colour the chart; nil means white and
	// black. A dark background switches the control arm to a light grey.
	Background, Foreground color.Color
	// NoLegend hides the legend.
	NoLegend bool
	// DecimalComma writes the numbers the chart draws itself (tick
	// labels) with a decimal comma, as Dutch text does: 0,5 for 0.5.
	DecimalComma bool
}

// Label is how a metric is named on a chart.
type Label struct {
	Title string // chart title, e.g. "Opinion shift vs control"
	Axis  string // y-axis label in plain words
}

// MetricLabel returns the plain-word title and axis label of a metric,
// as declared in sim.MetricColumns. ok is false for an unknown metric.
func MetricLabel(metric string) (l Label, ok bool) {
	col, ok := sim.MetricColumn(metric)
	if !ok {
		return Label{}, false
	}
	return Label{Title: col.ChartTitle(), Axis: col.ChartAxis()}, true
}

// metricNames lists the allowed metric names, for error messages.
func metricNames() string {
	var names []string
	for _, c := range sim.MetricColumns() {
		names = append(names, c.Name)
	}
	return strings.Join(names, ", ")
}

// Lines draws one line per arm of metric over the steps: x is the step,
// y the metric. Arms are matched by name across the replications in res;
// the line is their mean and, when there is more than one replication, a
// shaded band shows the 95 % confidence interval of the mean
// (mean ± 1.96·sd/√n). Undefined values (NaN) are left out, which breaks
// the line. An unknown metric is an error that lists the allowed ones.
func Lines(res []sim.Result, metric string, opt Options) (*plot.Plot, error) {
	col, ok := sim.MetricColumn(metric)
	if !ok {
		return nil, fmt.Errorf("chart: unknown metric %q (allowed: %s)", metric, metricNames())
	}
	label, _ := MetricLabel(metric)
	st := newStyle(opt)

	p := st.newPlot(label.Title, opt.Title)
	p.X.Label.Text = "step"
	p.Y.Label.Text = label.Axis

	arms := gather(res, col)
	names := make([]string, len(arms))
	strategies := make([]string, len(arms))
	for i, a := range arms {
		names[i], strategies[i] = a.name, a.strategy
	}
	colours := ArmColors(names, strategies, isDark(st.bg))

	p.Add(&grid{style: st.grid})
	var series []*armSeries
	for i, a := range arms {
		s := summariseMetric(a, metric)
		s.colour = colours[i]
		s.width = st.line
		if IsControl(a.name, a.strategy) {
			s.dashes = []vg.Length{st.line * 4, st.line * 2}
		}
		s.bandColour = withAlpha(s.colour, 0.22)
		series = append(series, s)
	}
	// Bands first, so that no band hides another arm's line.
	for _, s := range series {
		p.Add(&bandPlotter{s})
	}
	for _, s := range series {
		p.Add(s)
	}
	fixRanges(p, opt.XMax)
	if !opt.NoLegend && len(series) > 0 {
		p.Add(&legend{series: series, style: st})
	}
	return p, nil
}

// fixRanges makes the axes usable when there is little or no data: the
// step axis starts at 0 (and ends at xmax if set), and an empty or flat
// value range is widened so that the line sits in the middle.
func fixRanges(p *plot.Plot, xmax float64) {
	p.X.Min = 0
	if xmax > 0 {
		p.X.Max = xmax
	}
	if math.IsInf(p.X.Max, 0) || p.X.Max <= p.X.Min {
		p.X.Max = p.X.Min + 1
	}
	lo, hi := p.Y.Min, p.Y.Max
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		lo, hi = 0, 0
	}
	if hi-lo < 1e-9*math.Max(1, math.Abs(hi)) {
		pad := math.Max(math.Abs(hi)*0.1, 0.01)
		lo, hi = lo-pad, hi+pad
	} else {
		pad := (hi - lo) * 0.04
		lo, hi = lo-pad, hi+pad
	}
	p.Y.Min, p.Y.Max = lo, hi
}

// style is everything Options decide about the look of a chart.
type style struct {
	bg, fg, grid color.Color
	base         vg.Length // base font size
	line         vg.Length // data line width
	scale        float64
	comma        bool // decimal comma (Options.DecimalComma)
}

func newStyle(opt Options) style {
	s := style{bg: opt.Background, fg: opt.Foreground, base: opt.FontSize, scale: opt.Scale, comma: opt.DecimalComma}
	if s.bg == nil {
		s.bg = color.White
	}
	if s.fg == nil {
		if isDark(s.bg) {
			s.fg = color.White
		} else {
			s.fg = color.Black
		}
	}
	if s.base <= 0 {
		s.base = DefaultFontSize
	}
	if s.scale <= 0 {
		s.scale = 1
	}
	s.base *= vg.Length(s.scale)
	s.line = vg.Points(2.5 * s.scale)
	s.grid = mix(s.bg, s.fg, 0.14)
	return s
}

// sans is the chart typeface: Liberation Sans, embedded by gonum/plot.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// newPlot is a new plot in this style titled title, or override when it
// is not empty (Options.Title).
func (s style) newPlot(title, override string) *plot.Plot {
	p := plot.New()
	s.apply(p)
	p.Title.Text = title
	if override != "" {
		p.Title.Text = override
	}
	return p
}

// apply sets fonts, colours and line widths of a new plot.
func (s style) apply(p *plot.Plot) {
	p.BackgroundColor = s.bg
	p.Title.TextStyle.Font = font.From(sans, s.base*1.25)
	p.Title.TextStyle.Font.Weight = stdfont.WeightBold
	p.Title.TextStyle.Color = s.fg
	p.Title.Padding = s.base * 0.8
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Color = s.fg
		ax.Width = vg.Points(1 * s.scale)
		ax.Label.TextStyle.Font = font.From(sans, s.base*1.05)
		ax.Label.TextStyle.Color = s.fg
		ax.Label.Padding = s.base * 0.3
		ax.Tick.Label.Font = font.From(sans, s.base)
		ax.Tick.Label.Color = s.fg
		ax.Tick.Color = s.fg
		ax.Tick.Width = vg.Points(1 * s.scale)
		ax.Tick.Length = vg.Points(5 * s.scale)
		ax.Padding = vg.Points(4 * s.scale)
		ax.Tick.Marker = niceTicks{n: 6, comma: s.comma}
	}
}

// grid draws light horizontal and vertical lines at the major ticks.
type grid struct{ style color.Color }

// Plot implements plot.Plotter.
func (g *grid) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	ls := draw.LineStyle{Color: g.style, Width: vg.Points(0.75)}
	for _, t := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		if t.IsMinor() || t.Value < p.X.Min || t.Value > p.X.Max {
			continue
		}
		x := trX(t.Value)
		c.StrokeLine2(ls, x, c.Min.Y, x, c.Max.Y)
	}
	for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		if t.IsMinor() || t.Value < p.Y.Min || t.Value > p.Y.Max {
			continue
		}
		y := trY(t.Value)
		c.StrokeLine2(ls, c.Min.X, y, c.Max.X, y)
	}
}

// niceTicks marks an axis with about n labelled ticks at 1, 2 or 5 × 10^k
// apart (gonum's default ticker often labels only three), with unlabelled
// minor ticks between them.
type niceTicks struct {
	n     int
	comma bool // decimal comma
}

// Ticks implements plot.Ticker.
func (nt niceTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return nil
	}
	raw := (hi - lo) / float64(max(nt.n, 2))
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step, minor := mag, 5
	switch r := raw / mag; {
	case r > 5:
		step, minor = 10*mag, 5
	case r > 2:
		step, minor = 5*mag, 5
	case r > 1:
		step, minor = 2*mag, 4
	}
	decimals := max(0, -int(math.Floor(math.Log10(step)+1e-9)))
	var ticks []plot.Tick
	first := math.Ceil(lo/step-1e-9) * step
	for v := first; v <= hi+step*1e-9; v += step {
		if math.Abs(v) < step*1e-9 {
			v = 0 // no "-0"
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: DecimalComma(strconv.FormatFloat(v, 'f', decimals, 64), nt.comma)})
	}
	ms := step / float64(minor)
	for v := math.Ceil(lo/ms-1e-9) * ms; v <= hi+ms*1e-9; v += ms {
		if k := math.Abs(v/step - math.Round(v/step)); k > 1e-6 {
			ticks = append(ticks, plot.Tick{Value: v})
		}
	}
	return ticks
}

// DecimalComma returns a number formatted in English notation (a decimal
// point, a comma between thousands) in Dutch notation when comma is
// true: "1,234.5" becomes "1.234,5". Text around the number is left
// alone only if it holds neither character, so pass numbers, not
// sentences.
func DecimalComma(s string, comma bool) string {
	if !comma {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '.':
			return ','
		case ',':
			return '.'
		}
		return r
	}, s)
}

// Signed reports whether metric can be negative (sim.Column.Signed):
// the mean opinion and the differences to the control arm. Every other
// metric is a count, share, rate, cost or spread, never below 0, so a
// 95 % interval of its mean is cut at 0 where mean − 1.96·SE would go below.
func Signed(metric string) bool {
	c, _ := sim.MetricColumn(metric)
	return c.Signed
}

// summariseMetric is a.summarise for metric: the band of a metric that
// is never negative stops at 0.
func summariseMetric(a *armData, metric string) *armSeries {
	s := a.summarise()
	if !Signed(metric) {
		clampAtZero(s.lo)
	}
	return s
}

// clampAtZero raises the negative values of xs to 0 (NaN stays NaN).
func clampAtZero(xs []float64) {
	for i, x := range xs {
		if x < 0 {
			xs[i] = 0
		}
	}
}
