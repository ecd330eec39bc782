package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"sort"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"boomerang/sim"
)

// ArmValue is one arm's value of a metric (e.g. the mean over
// replications at the final step) with its 95 % confidence interval; Lo
// and Hi are NaN when there is no interval.
type ArmValue struct {
	Arm, Strategy string
	Mean, Lo, Hi  float64
}

// Bars draws one bar per arm with its 95 % interval as a whisker: e.g.
// conversions per arm at the end of a run. Arms keep the order given and
// their colours (ArmColors). An unknown metric is an error.
func Bars(vals []ArmValue, metric string, opt Options) (*plot.Plot, error) {
	if _, ok := sim.MetricColumn(metric); !ok {
		return nil, fmt.Errorf("chart: unknown metric %q (allowed: %s)", metric, metricNames())
	}
	label, _ := MetricLabel(metric)
	st := newStyle(opt)
	p := st.newPlot(label.Title+" per arm", opt.Title)
	p.X.Label.Text = "arm"
	p.Y.Label.Text = label.Axis
	names, strategies := make([]string, len(vals)), make([]string, len(vals))
	var ticks []plot.Tick
	for i, v := range vals {
		names[i], strategies[i] = v.Arm, v.Strategy
		ticks = append(ticks, plot.Tick{Value: float64(i), Label: v.Arm})
	}
	p.Add(&grid{style: st.grid})
	b := &barPlotter{vals: vals, colours: ArmColors(names, strategies, isDark(st.bg)), st: st}
	p.Add(b)
	p.X.Min, p.X.Max = -0.6, float64(len(vals))-0.4
	if len(vals) == 0 {
		p.X.Max = 0.6
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	lo, hi := 0.0, 0.0
	for _, v := range vals {
		for _, y := range []float64{v.Mean, v.Lo, v.Hi} {
			if !math.IsNaN(y) && !math.IsInf(y, 0) {
				lo, hi = math.Min(lo, y), math.Max(hi, y)
			}
		}
	}
	p.Y.Min, p.Y.Max = padRange(lo, hi)
	return p, nil
}

// barPlotter draws bars from 0 with whiskers.
type barPlotter struct {
	vals    []ArmValue
	colours []color.Color
	st      style
}

// Plot implements plot.Plotter.
func (b *barPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	half := (trX(1) - trX(0)) * 0.3
	for i, v := range b.vals {
		if math.IsNaN(v.Mean) {
			continue
		}
		x := trX(float64(i))
		y0, y1 := trY(0), trY(v.Mean)
		r := vg.Rectangle{Min: vg.Point{X: x - half, Y: min(y0, y1)}, Max: vg.Point{X: x + half, Y: max(y0, y1)}}
		c.FillPolygon(b.colours[i], c.ClipPolygonXY(closed(r)))
		if !math.IsNaN(v.Lo) && !math.IsNaN(v.Hi) {
			whisker(c, b.st.fg, b.st, x, trY(v.Lo), trY(v.Hi), half*0.4, false)
		}
	}
}

// whisker draws a confidence interval from a to b at x (vertical) or at
// y (horizontal), with caps of half-width cap.
func whisker(c draw.Canvas, col color.Color, st style, at, a, b, cap vg.Length, horizontal bool) {
	ls := draw.LineStyle{Color: col, Width: vg.Points(1.5 * st.scale)}
	if horizontal {
		c.StrokeLine2(ls, a, at, b, at)
		c.StrokeLine2(ls, a, at-cap, a, at+cap)
		c.StrokeLine2(ls, b, at-cap, b, at+cap)
		return
	}
	c.StrokeLine2(ls, at, a, at, b)
	c.StrokeLine2(ls, at-cap, a, at+cap, a)
	c.StrokeLine2(ls, at-cap, b, at+cap, b)
}

// TradeOffPoint is one point of a trade-off chart: an arm (at one point of
// a sweep, if any) with its ledger value X, its effect Y and their 95 %
// intervals (NaN: none). Label is written next to the point.
type TradeOffPoint struct {
	Label, Arm, Strategy string
	X, XLo, XHi          float64
	Y, YLo, YHi          float64
}

// TradeOff draws what a campaign gains (yMetric, e.g.
// conversions_vs_control or shift_vs_control) against what it uses
// (xMetric, e.g. attributes_per_impression or sensitive_share): one
// labelled point per arm, coloured as the arm, with whiskers for the
// intervals. Points with an undefined X or Y are left out.
func TradeOff(pts []TradeOffPoint, xMetric, yMetric string, opt Options) (*plot.Plot, error) {
	for _, m := range []string{xMetric, yMetric} {
		if _, ok := sim.MetricColumn(m); !ok {
			return nil, fmt.Errorf("chart: unknown metric %q (allowed: %s)", m, metricNames())
		}
	}
	xl, _ := MetricLabel(xMetric)
	yl, _ := MetricLabel(yMetric)
	st := newStyle(opt)
	p := st.newPlot("Trade-off: "+lowerFirst(yl.Title)+" against "+lowerFirst(xl.Title), opt.Title)
	p.X.Label.Text = xl.Axis
	p.Y.Label.Text = yl.Axis
	colours := armColours(pts, isDark(st.bg))
	p.Add(&grid{style: st.grid})
	pts = clampPoints(pts, xMetric, yMetric)
	var drawn []vg.Rectangle
	sc := &scatter{pts: pts, colours: colours, st: st, labels: len(pts) <= 24, drawn: &drawn}
	p.Add(sc)
	xlo, xhi, ylo, yhi := pointBounds(pts)
	// The axes start at 0 (no campaign, no data) so distances read true.
	xlo, ylo = math.Min(xlo, 0), math.Min(ylo, 0)
	if xhi-xlo < 1e-9 {
		xhi = xlo + 1
	}
	p.X.Min, p.X.Max = padRange(xlo, xhi)
	p.Y.Min, p.Y.Max = padRange(ylo, yhi)
	// Room on the right for the labels of the rightmost points.
	p.X.Max += (p.X.Max - p.X.Min) * 0.12
	if !opt.NoLegend {
		if leg := scatterLegend(pts, colours, st, &drawn); leg != nil {
			p.Add(leg)
		}
	}
	return p, nil
}

// clampPoints is a copy of pts whose intervals stop at 0 on an axis
// whose metric is never negative (Signed).
func clampPoints(pts []TradeOffPoint, xMetric, yMetric string) []TradeOffPoint {
	pts = slices.Clone(pts)
	for i := range pts {
		if !Signed(xMetric) {
			pts[i].XLo = math.Max(pts[i].XLo, 0) // NaN stays NaN
		}
		if !Signed(yMetric) {
			pts[i].YLo = math.Max(pts[i].YLo, 0)
		}
	}
	return pts
}

// armColours gives every point its arm's colour (ArmColors over the arms
// in order of first appearance).
func armColours(pts []TradeOffPoint, dark bool) []color.Color {
	var names, strategies []string
	index := map[string]int{}
	for _, q := range pts {
		if _, ok := index[q.Arm]; !ok {
			index[q.Arm] = len(names)
			names = append(names, q.Arm)
			strategies = append(strategies, q.Strategy)
		}
	}
	arm := ArmColors(names, strategies, dark)
	out := make([]color.Color, len(pts))
	for i, q := range pts {
		out[i] = arm[index[q.Arm]]
	}
	return out
}

// scatterLegend is a legend of the arms when points are many (and so
// unlabelled) or share an arm; nil when every point is labelled with its
// own arm. The legend goes where it covers nothing the scatter drew (the
// boxes in drawn, filled while the scatter is drawn), or is left out.
func scatterLegend(pts []TradeOffPoint, colours []color.Color, st style, drawn *[]vg.Rectangle) *legend {
	seen := map[string]bool{}
	var series []*armSeries
	repeated := len(pts) > 24
	for i, q := range pts {
		if seen[q.Arm] {
			repeated = true
			continue
		}
		seen[q.Arm] = true
		series = append(series, &armSeries{name: q.Arm, colour: colours[i], width: st.line})
	}
	if !repeated || len(series) == 0 {
		return nil
	}
	// The legend avoids the corner with the most points.
	for _, s := range series {
		for _, q := range pts {
			s.x = append(s.x, q.X)
			s.mean = append(s.mean, q.Y)
			s.lo = append(s.lo, math.NaN())
			s.hi = append(s.hi, math.NaN())
		}
		break
	}
	return &legend{series: series, style: st, avoid: drawn}
}

// scatter draws labelled points with whiskers.
type scatter struct {
	pts     []TradeOffPoint
	colours []color.Color
	st      style
	labels  bool
	// drawn, if not nil, receives the boxes of everything drawn (points,
	// whiskers, labels), so that a legend drawn after can avoid them.
	drawn *[]vg.Rectangle
}

// Plot implements plot.Plotter. A label goes to the first of four places
// around its point (right above, right below, left above, left below)
// where it overlaps no label drawn before; with no such place it is left
// out rather than drawn over another.
func (s *scatter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	r := s.st.base * 0.45
	ts := text.Style{Color: s.st.fg, Font: font.From(sans, s.st.base), XAlign: draw.XLeft, YAlign: draw.YBottom, Handler: p.TextHandler}
	var placed, whiskers []vg.Rectangle
	if s.drawn != nil {
		defer func() { *s.drawn = append(append(*s.drawn, placed...), whiskers...) }()
	}
	for i, q := range s.pts {
		if !finite(q.X) || !finite(q.Y) {
			continue
		}
		x, y := trX(q.X), trY(q.Y)
		if finite(q.XLo) && finite(q.XHi) {
			whisker(c, s.colours[i], s.st, y, trX(q.XLo), trX(q.XHi), r*0.6, true)
			whiskers = append(whiskers, vg.Rectangle{Min: vg.Point{X: trX(q.XLo), Y: y}, Max: vg.Point{X: trX(q.XHi), Y: y}})
		}
		if finite(q.YLo) && finite(q.YHi) {
			whisker(c, s.colours[i], s.st, x, trY(q.YLo), trY(q.YHi), r*0.6, false)
			whiskers = append(whiskers, vg.Rectangle{Min: vg.Point{X: x, Y: trY(q.YLo)}, Max: vg.Point{X: x, Y: trY(q.YHi)}})
		}
	}
	for i, q := range s.pts {
		if !finite(q.X) || !finite(q.Y) {
			continue
		}
		x, y := trX(q.X), trY(q.Y)
		c.DrawGlyph(draw.GlyphStyle{Color: s.colours[i], Radius: r, Shape: draw.CircleGlyph{}}, vg.Point{X: x, Y: y})
		c.DrawGlyph(draw.GlyphStyle{Color: s.st.fg, Radius: r, Shape: draw.RingGlyph{}}, vg.Point{X: x, Y: y})
		placed = append(placed, vg.Rectangle{Min: vg.Point{X: x - r, Y: y - r}, Max: vg.Point{X: x + r, Y: y + r}})
	}
	if !s.labels {
		return
	}
	for _, q := range s.pts {
		if !finite(q.X) || !finite(q.Y) || q.Label == "" {
			continue
		}
		x, y := trX(q.X), trY(q.Y)
		w, h := ts.Width(q.Label), ts.Height(q.Label)
		gap := r * 1.3
		for _, o := range []vg.Point{{X: x + gap, Y: y + r*0.2}, {X: x + gap, Y: y - h - r*0.2}, {X: x - gap - w, Y: y + r*0.2}, {X: x - gap - w, Y: y - h - r*0.2}} {
			box := vg.Rectangle{Min: o, Max: vg.Point{X: o.X + w, Y: o.Y + h}}
			if box.Min.X < c.Min.X || box.Max.X > c.Max.X || box.Min.Y < c.Min.Y || box.Max.Y > c.Max.Y || overlapsAny(box, placed) {
				continue
			}
			c.FillText(ts, o, q.Label)
			placed = append(placed, box)
			break
		}
	}
}

// overlapsAny reports whether r overlaps one of rs.
func overlapsAny(r vg.Rectangle, rs []vg.Rectangle) bool {
	for _, o := range rs {
		if r.Min.X < o.Max.X && o.Min.X < r.Max.X && r.Min.Y < o.Max.Y && o.Min.Y < r.Max.Y {
			return true
		}
	}
	return false
}

// SweepSeries is one arm's metric over the points of a sweep: the mean at
// each x with its 95 % interval (NaN: none).
type SweepSeries struct {
	Arm, Strategy string
	X             []float64
	Mean, Lo, Hi  []float64
}

// SweepLine draws a metric against one varied key: one line per arm, a
// 95 % band where there are intervals, and a dot at every point. xLabel
// names the axis (the key, with its unit). ticks, if not nil, label the
// positions 0, 1, … for a key whose values are not numbers (e.g.
// network.kind). Points are joined in the order of X; with lines false
// only the dots are drawn (points that differ in other keys too).
func SweepLine(series []SweepSeries, xLabel string, ticks []string, metric string, lines bool, opt Options) (*plot.Plot, error) {
	if _, ok := sim.MetricColumn(metric); !ok {
		return nil, fmt.Errorf("chart: unknown metric %q (allowed: %s)", metric, metricNames())
	}
	label, _ := MetricLabel(metric)
	st := newStyle(opt)
	p := st.newPlot(label.Title+" by "+xLabelKey(xLabel), opt.Title)
	p.X.Label.Text = xLabel
	p.Y.Label.Text = label.Axis
	names, strategies := make([]string, len(series)), make([]string, len(series))
	for i, s := range series {
		names[i], strategies[i] = s.Arm, s.Strategy
	}
	colours := ArmColors(names, strategies, isDark(st.bg))
	p.Add(&grid{style: st.grid})
	var all []*armSeries
	for i, s := range series {
		order := make([]int, len(s.X))
		for k := range order {
			order[k] = k
		}
		sort.SliceStable(order, func(a, b int) bool { return s.X[order[a]] < s.X[order[b]] })
		as := &armSeries{name: s.Arm, colour: colours[i], width: st.line}
		if IsControl(s.Arm, s.Strategy) {
			as.dashes = []vg.Length{st.line * 4, st.line * 2}
		}
		as.bandColour = withAlpha(as.colour, 0.22)
		for _, k := range order {
			as.x = append(as.x, s.X[k])
			as.mean = append(as.mean, s.Mean[k])
			as.lo = append(as.lo, s.Lo[k])
			as.hi = append(as.hi, s.Hi[k])
			if !math.IsNaN(s.Lo[k]) && s.Hi[k] > s.Lo[k] {
				as.hasBand = true
			}
		}
		all = append(all, as)
	}
	if lines {
		for _, s := range all {
			p.Add(&bandPlotter{s})
		}
		for _, s := range all {
			p.Add(s)
		}
	}
	for _, s := range all {
		p.Add(&dots{s: s, st: st, whiskers: !lines})
	}
	xlo, xhi, ylo, yhi := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, s := range all {
		a, b, c, d := s.DataRange()
		xlo, xhi, ylo, yhi = math.Min(xlo, a), math.Max(xhi, b), math.Min(ylo, c), math.Max(yhi, d)
	}
	if math.IsInf(xlo, 0) {
		xlo, xhi, ylo, yhi = 0, 0, 0, 0
	}
	if ticks != nil {
		var tk []plot.Tick
		for i, t := range ticks {
			tk = append(tk, plot.Tick{Value: float64(i), Label: t})
		}
		p.X.Tick.Marker = plot.ConstantTicks(tk)
		p.X.Min, p.X.Max = -0.5, float64(len(ticks))-0.5
	} else {
		p.X.Min, p.X.Max = padRange(xlo, xhi)
	}
	p.Y.Min, p.Y.Max = padRange(ylo, yhi)
	if !opt.NoLegend && len(all) > 0 {
		p.Add(&legend{series: all, style: st})
	}
	return p, nil
}

// dots marks each defined value of a series; with whiskers it also draws
// the interval.
type dots struct {
	s        *armSeries
	st       style
	whiskers bool
}

// Plot implements plot.Plotter.
func (d *dots) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	r := d.st.line * 1.6
	for i, x := range d.s.x {
		if math.IsNaN(d.s.mean[i]) {
			continue
		}
		pt := vg.Point{X: trX(x), Y: trY(d.s.mean[i])}
		if d.whiskers && !math.IsNaN(d.s.lo[i]) {
			whisker(c, d.s.colour, d.st, pt.X, trY(d.s.lo[i]), trY(d.s.hi[i]), r*0.8, false)
		}
		if c.Contains(pt) {
			c.DrawGlyph(draw.GlyphStyle{Color: d.s.colour, Radius: r, Shape: draw.CircleGlyph{}}, pt)
		}
	}
}

// HeatMap draws a metric over two varied keys: z[row][col] is the value
// at the col-th value of the x key and the row-th value of the y key
// (NaN: none). Cells carry their value as text, so the chart reads
// without a colour scale. Values on both sides of 0 use a diverging
// blue–white–vermillion scale centred on 0 (Okabe–Ito hues, safe for
// colour-blind readers), others a white-to-blue scale.
func HeatMap(z [][]float64, xLabel string, xTicks []string, yLabel string, yTicks []string, metric string, opt Options) (*plot.Plot, error) {
	if _, ok := sim.MetricColumn(metric); !ok {
		return nil, fmt.Errorf("chart: unknown metric %q (allowed: %s)", metric, metricNames())
	}
	if len(z) != len(yTicks) {
		return nil, fmt.Errorf("chart: heat map has %d rows for %d y values", len(z), len(yTicks))
	}
	for _, row := range z {
		if len(row) != len(xTicks) {
			return nil, fmt.Errorf("chart: heat map row has %d cells for %d x values", len(row), len(xTicks))
		}
	}
	label, _ := MetricLabel(metric)
	st := newStyle(opt)
	p := st.newPlot(label.Title, opt.Title)
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	tick := func(labels []string) plot.Ticker {
		var tk []plot.Tick
		for i, l := range labels {
			tk = append(tk, plot.Tick{Value: float64(i), Label: l})
		}
		return plot.ConstantTicks(tk)
	}
	p.X.Tick.Marker, p.Y.Tick.Marker = tick(xTicks), tick(yTicks)
	p.X.Min, p.X.Max = -0.5, float64(max(len(xTicks), 1))-0.5
	p.Y.Min, p.Y.Max = -0.5, float64(max(len(yTicks), 1))-0.5
	p.Add(&heat{z: z, st: st, scale: newColourScale(z), unit: label.Axis})
	return p, nil
}

// colourScale maps values to colours.
type colourScale struct {
	lo, hi    float64
	diverging bool
}

func newColourScale(z [][]float64) colourScale {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, row := range z {
		for _, v := range row {
			if finite(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 0) {
		return colourScale{}
	}
	if lo < 0 && hi > 0 {
		m := math.Max(-lo, hi)
		return colourScale{lo: -m, hi: m, diverging: true}
	}
	return colourScale{lo: lo, hi: hi}
}

// colour maps v: white to Okabe–Ito blue, or (diverging) blue below 0
// and vermillion above; grey for a missing value.
func (s colourScale) colour(v float64) color.Color {
	heatBlue, heatVermillion := OkabeIto[0], OkabeIto[1]
	if !finite(v) {
		return color.RGBA{0xDD, 0xDD, 0xDD, 0xFF}
	}
	if s.hi <= s.lo {
		return mix(color.White, heatBlue, 0.5)
	}
	t := (v - s.lo) / (s.hi - s.lo)
	if !s.diverging {
		return mix(color.White, heatBlue, 0.1+0.9*t)
	}
	if t < 0.5 {
		return mix(color.White, heatBlue, (0.5-t)*2)
	}
	return mix(color.White, heatVermillion, (t-0.5)*2)
}

// heat draws the cells of a heat map.
type heat struct {
	z     [][]float64
	st    style
	scale colourScale
	unit  string
}

// Plot implements plot.Plotter.
func (h *heat) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	ts := text.Style{Font: font.From(sans, h.st.base), XAlign: draw.XCenter, YAlign: draw.YCenter, Handler: p.TextHandler}
	for r, row := range h.z {
		for col, v := range row {
			cell := vg.Rectangle{
				Min: vg.Point{X: trX(float64(col) - 0.5), Y: trY(float64(r) - 0.5)},
				Max: vg.Point{X: trX(float64(col) + 0.5), Y: trY(float64(r) + 0.5)},
			}
			fill := h.scale.colour(v)
			c.FillPolygon(fill, closed(cell))
			c.StrokeLines(draw.LineStyle{Color: color.White, Width: vg.Points(1.5 * h.st.scale)}, closed(cell))
			ts.Color = color.Black
			if isDark(fill) {
				ts.Color = color.White
			}
			txt := "n/a"
			if finite(v) {
				txt = shortNumber(v)
			}
			if ts.Width(txt) < cell.Max.X-cell.Min.X {
				c.FillText(ts, vg.Point{X: (cell.Min.X + cell.Max.X) / 2, Y: (cell.Min.Y + cell.Max.Y) / 2}, txt)
			}
		}
	}
}

// shortNumber writes v with 3 significant digits.
func shortNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e6 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// padRange widens [lo, hi] by 4 % (or around a single value) so data do
// not sit on the frame.
func padRange(lo, hi float64) (float64, float64) {
	if hi-lo < 1e-9*math.Max(1, math.Abs(hi)) {
		pad := math.Max(math.Abs(hi)*0.1, 0.01)
		return lo - pad, hi + pad
	}
	pad := (hi - lo) * 0.04
	return lo - pad, hi + pad
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if len(r) > 1 && r[1] >= 'A' && r[1] <= 'Z' {
		return s // an acronym
	}
	if r[0] >= 'A' && r[0] <= 'Z' {
		r[0] += 'a' - 'A'
	}
	return string(r)
}

// xLabelKey is the key part of an axis label "key (unit …)".
func xLabelKey(l string) string {
	for i, r := range l {
		if r == ' ' || r == '(' {
			return l[:i]
		}
	}
	return l
}

// pointBounds is the range of the points' values and intervals, leaving
// out points with an undefined value; all zero when there are none.
func pointBounds(pts []TradeOffPoint) (xlo, xhi, ylo, yhi float64) {
	xlo, xhi, ylo, yhi = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, q := range pts {
		if !finite(q.X) || !finite(q.Y) {
			continue
		}
		for _, x := range []float64{q.X, q.XLo, q.XHi} {
			if finite(x) {
				xlo, xhi = math.Min(xlo, x), math.Max(xhi, x)
			}
		}
		for _, y := range []float64{q.Y, q.YLo, q.YHi} {
			if finite(y) {
				ylo, yhi = math.Min(ylo, y), math.Max(yhi, y)
			}
		}
	}
	if math.IsInf(xlo, 0) {
		return 0, 0, 0, 0
	}
	return xlo, xhi, ylo, yhi
}
