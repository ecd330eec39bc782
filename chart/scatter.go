package chart

import (
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// This file draws the app's trade-off grid (package batch, Tradeoff): one
// point per strategy × regulation setting, privacy intrusion on x against
// effectiveness on y, with the Pareto frontier as a line, and maps a click
// on the image back to the point under it.

// GridPoint is one setting of a trade-off grid: its intrusion X and
// effectiveness Y with their 95 % intervals (NaN: none).
type GridPoint struct {
	Label       string // short text next to the point, e.g. "psych · no rules"
	Strategy    string // the point's colour: one Okabe–Ito colour per strategy
	X, XLo, XHi float64
	Y, YLo, YHi float64
}

// ScatterText is the chart's wording, already translated by the caller
// (this package never translates).
type ScatterText struct {
	Title, XLabel, YLabel string
}

// ParetoFrontier returns the indices of the points on the Pareto frontier
// when X (intrusion) is minimised and Y (effectiveness) maximised, ordered
// by X then Y, as the frontier line is drawn. A point is on it unless
// another is at most as intrusive and at least as effective, and strictly
// better in one; points with NaN coordinates are never on it and
// dominate nothing; equal points are all on it.
func ParetoFrontier(pts []GridPoint) []int {
	var on []int
	for i, p := range pts {
		if !finite(p.X) || !finite(p.Y) {
			continue
		}
		dominated := false
		for j, q := range pts {
			if j == i || !finite(q.X) || !finite(q.Y) {
				continue
			}
			if q.X <= p.X && q.Y >= p.Y && (q.X < p.X || q.Y > p.Y) {
				dominated = true
				break
			}
		}
		if !dominated {
			on = append(on, i)
		}
	}
	sort.SliceStable(on, func(a, b int) bool {
		pa, pb := pts[on[a]], pts[on[b]]
		if pa.X != pb.X {
			return pa.X < pb.X
		}
		return pa.Y < pb.Y
	})
	return on
}

// GridScatter draws the grid: every point coloured by its strategy (a
// legend names the strategies), labelled when there is room, with whiskers
// for its intervals, and the Pareto frontier as a dashed line under the
// points. Both axes include 0 (no data used, no effect), so distances read
// true.
func GridScatter(pts []GridPoint, txt ScatterText, opt Options) *plot.Plot {
	st := newStyle(opt)
	p := st.newPlot(txt.Title, "")
	p.X.Label.Text = txt.XLabel
	p.Y.Label.Text = txt.YLabel

	// The scatter of figures.go draws the points: an arm there is a
	// strategy here, so a strategy keeps one colour in every column.
	tp := make([]TradeOffPoint, len(pts))
	for i, q := range pts {
		tp[i] = TradeOffPoint{Label: q.Label, Arm: q.Strategy, Strategy: q.Strategy,
			X: q.X, XLo: q.XLo, XHi: q.XHi, Y: q.Y, YLo: q.YLo, YHi: q.YHi}
	}
	colours := armColours(tp, isDark(st.bg))
	p.Add(&grid{style: st.grid})
	p.Add(&frontierLine{pts: pts, on: ParetoFrontier(pts), st: st})
	var drawn []vg.Rectangle
	p.Add(&scatter{pts: tp, colours: colours, st: st, labels: len(pts) <= 24, drawn: &drawn})

	xlo, xhi, ylo, yhi := pointBounds(tp)
	xlo, ylo = math.Min(xlo, 0), math.Min(ylo, 0)
	yhi = math.Max(yhi, 0)
	if xhi-xlo < 1e-9 {
		xhi = xlo + 1 // every point at 0: an axis that still reads
	}
	p.X.Min, p.X.Max = padRange(xlo, xhi)
	p.Y.Min, p.Y.Max = padRange(ylo, yhi)
	// Room on the right for the labels of the rightmost points.
	p.X.Max += (p.X.Max - p.X.Min) * 0.15
	if !opt.NoLegend {
		if leg := scatterLegend(tp, colours, st, &drawn); leg != nil {
			p.Add(leg)
		}
	}
	return p
}

// frontierLine draws the Pareto frontier: a dashed line in the text
// colour through its points in order of intrusion.
type frontierLine struct {
	pts []GridPoint
	on  []int
	st  style
}

// Plot implements plot.Plotter.
func (f *frontierLine) Plot(c draw.Canvas, p *plot.Plot) {
	if len(f.on) < 2 {
		return
	}
	trX, trY := p.Transforms(&c)
	line := make([]vg.Point, len(f.on))
	for k, i := range f.on {
		line[k] = vg.Point{X: trX(f.pts[i].X), Y: trY(f.pts[i].Y)}
	}
	ls := draw.LineStyle{Color: withAlpha(f.st.fg, 0.7), Width: vg.Points(1.5 * f.st.scale),
		Dashes: []vg.Length{vg.Points(6 * f.st.scale), vg.Points(4 * f.st.scale)}}
	c.StrokeLines(ls, line)
}

// PointPixels returns where each point is drawn when p is rendered with
// Render into a w×h image at dpi (≤ 0 means 96): pixel coordinates with
// the origin at the top left, NaN for a point that is not drawn. It lays
// the plot out as Render does (same margin, plot.DataCanvas) and applies
// the plot's data→canvas transforms, without drawing anything.
func PointPixels(p *plot.Plot, pts []GridPoint, w, h int, dpi float64) [][2]float64 {
	out := make([][2]float64, len(pts))
	for i := range out {
		out[i] = [2]float64{math.NaN(), math.NaN()}
	}
	if p == nil || w <= 0 || h <= 0 {
		return out
	}
	if dpi <= 0 || math.IsNaN(dpi) || math.IsInf(dpi, 0) {
		dpi = 96
	}
	perPx := 72 / float64(max(1, int(math.Round(dpi)))) // vg points per pixel, as vgimg uses
	dc := draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{
		Max: vg.Point{X: vg.Length(float64(w) * perPx), Y: vg.Length(float64(h) * perPx)}}}
	var da draw.Canvas
	plotArea(p, dc, func(c draw.Canvas) { da = p.DataCanvas(c) })
	trX, trY := p.Transforms(&da)
	for i, q := range pts {
		if !finite(q.X) || !finite(q.Y) {
			continue
		}
		out[i] = [2]float64{float64(trX(q.X)) / perPx, float64(h) - float64(trY(q.Y))/perPx}
	}
	return out
}

// NearestPoint returns the point drawn nearest to pixel (px, py) of a w×h
// rendering of p at dpi (see PointPixels), if it lies within maxDist
// pixels; otherwise −1. The app uses it to tell which point was clicked.
func NearestPoint(p *plot.Plot, pts []GridPoint, w, h int, dpi, px, py, maxDist float64) int {
	best, bestD := -1, maxDist
	for i, q := range PointPixels(p, pts, w, h, dpi) {
		if math.IsNaN(q[0]) {
			continue
		}
		// The first of equally near points wins (points may coincide).
		if d := math.Hypot(q[0]-px, q[1]-py); d < bestD || best < 0 && d <= bestD {
			best, bestD = i, d
		}
	}
	return best
}

// StrategyColours returns the colour GridScatter gives each point, for a
// table or legend next to the chart.
func StrategyColours(pts []GridPoint, dark bool) []color.Color {
	tp := make([]TradeOffPoint, len(pts))
	for i, q := range pts {
		tp[i] = TradeOffPoint{Arm: q.Strategy, Strategy: q.Strategy}
	}
	return armColours(tp, dark)
}
