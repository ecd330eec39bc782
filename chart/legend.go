package chart

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legend is a boxed legend drawn inside the data area, in the corner
// that hides the fewest data points (top left when in doubt). gonum's own
// legend has no background and a fixed corner, which puts it on top of
// the lines of a growing live chart.
type legend struct {
	series []*armSeries
	style  style
	// avoid, if not nil, holds boxes drawn before the legend (points,
	// labels, whiskers): the legend goes to a corner that overlaps none of
	// them, or is not drawn at all.
	avoid *[]vg.Rectangle
}

// Plot implements plot.Plotter.
func (l *legend) Plot(c draw.Canvas, p *plot.Plot) {
	st := l.style
	ts := text.Style{
		Color:   st.fg,
		Font:    font.From(sans, st.base),
		XAlign:  draw.XLeft,
		YAlign:  draw.YCenter,
		Handler: p.TextHandler,
	}
	pad := st.base * 0.5
	thumbW := st.base * 2.4
	gap := st.base * 0.5
	rowH := st.base * 1.5
	var textW vg.Length
	for _, s := range l.series {
		textW = max(textW, ts.Width(s.name))
	}
	w := 2*pad + thumbW + gap + textW
	h := 2*pad + rowH*vg.Length(len(l.series))
	margin := st.base * 0.4
	if w+2*margin > c.Max.X-c.Min.X || h+2*margin > c.Max.Y-c.Min.Y {
		return // no room: a chart without a legend beats a covered chart
	}

	// Candidate boxes: top left, top right, bottom left, bottom right.
	left, right := c.Min.X+margin, c.Max.X-margin-w
	top, bottom := c.Max.Y-margin-h, c.Min.Y+margin
	corners := []vg.Point{{X: left, Y: top}, {X: right, Y: top}, {X: left, Y: bottom}, {X: right, Y: bottom}}
	trX, trY := p.Transforms(&c)
	best, bestScore := corners[0], math.MaxInt
	for _, o := range corners {
		box := vg.Rectangle{Min: o, Max: vg.Point{X: o.X + w, Y: o.Y + h}}
		score := 0
		if l.avoid != nil {
			for _, r := range *l.avoid {
				if overlapsAny(box, []vg.Rectangle{r}) || inside(r.Min, box) {
					score++
				}
			}
		}
		for _, s := range l.series {
			for t, x := range s.x {
				for _, y := range [...]float64{s.mean[t], s.lo[t], s.hi[t]} {
					if math.IsNaN(y) {
						continue
					}
					if inside(vg.Point{X: trX(x), Y: trY(y)}, box) {
						score++
					}
				}
			}
		}
		if score < bestScore {
			best, bestScore = o, score
		}
	}

	if l.avoid != nil && bestScore > 0 {
		return // every corner would cover a point or its label
	}
	box := vg.Rectangle{Min: best, Max: vg.Point{X: best.X + w, Y: best.Y + h}}
	c.FillPolygon(withAlpha(st.bg, 0.88), closed(box))
	c.StrokeLines(draw.LineStyle{Color: st.grid, Width: vg.Points(1 * st.scale)}, closed(box))
	for i, s := range l.series {
		yc := box.Max.Y - pad - rowH*(vg.Length(i)+0.5)
		x0 := box.Min.X + pad
		if s.hasBand {
			band := vg.Rectangle{
				Min: vg.Point{X: x0, Y: yc - rowH*0.3},
				Max: vg.Point{X: x0 + thumbW, Y: yc + rowH*0.3},
			}
			c.FillPolygon(s.bandColour, closed(band))
		}
		c.StrokeLine2(s.lineStyle(), x0, yc, x0+thumbW, yc)
		c.FillText(ts, vg.Point{X: x0 + thumbW + gap, Y: yc}, s.name)
	}
}

// inside reports whether pt lies in r (edges included).
func inside(pt vg.Point, r vg.Rectangle) bool {
	return pt.X >= r.Min.X && pt.X <= r.Max.X && pt.Y >= r.Min.Y && pt.Y <= r.Max.Y
}

// closed returns the corners of r as a closed polyline.
func closed(r vg.Rectangle) []vg.Point {
	return []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}, r.Min}
}
