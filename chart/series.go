package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"boomerang/sim"
)

// armData is one arm's values of one metric in every replication, indexed
// by step (NaN where a replication has no defined value).
type armData struct {
	name, strategy string
	reps           [][]float64
}

// gather collects col for every arm of every result, matching arms by
// name; arms keep the order in which they first appear.
func gather(res []sim.Result, col sim.Column) []*armData {
	var arms []*armData
	byName := map[string]*armData{}
	for _, r := range res {
		for _, a := range r.Arms {
			d := byName[a.Name]
			if d == nil {
				d = &armData{name: a.Name, strategy: a.Strategy}
				byName[a.Name] = d
				arms = append(arms, d)
			}
			n := 0
			for i := range a.Series {
				n = max(n, a.Series[i].Step+1)
			}
			v := make([]float64, n)
			for i := range v {
				v[i] = math.NaN()
			}
			for i := range a.Series {
				m := &a.Series[i]
				if m.Step >= 0 {
					v[m.Step] = col.Value(m)
				}
			}
			d.reps = append(d.reps, v)
		}
	}
	return arms
}

// summarise turns the replications into a mean line and, where at least
// two replications have a value, a 95 % confidence band.
func (d *armData) summarise() *armSeries {
	n := 0
	for _, r := range d.reps {
		n = max(n, len(r))
	}
	s := &armSeries{name: d.name}
	for t := range n {
		var sum, sumSq float64
		k := 0
		for _, r := range d.reps {
			if t < len(r) && !math.IsNaN(r[t]) && !math.IsInf(r[t], 0) {
				sum += r[t]
				k++
			}
		}
		mean, lo, hi := math.NaN(), math.NaN(), math.NaN()
		if k > 0 {
			mean = sum / float64(k)
		}
		if k > 1 {
			for _, r := range d.reps {
				if t < len(r) && !math.IsNaN(r[t]) && !math.IsInf(r[t], 0) {
					sumSq += (r[t] - mean) * (r[t] - mean)
				}
			}
			// Student t, not 1.96: with the app's 3 runs the interval is
			// 2.2 times wider than the normal one (issue 17)
			q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(k - 1)}.Quantile(0.975)
			half := q * math.Sqrt(sumSq/float64(k-1)) / math.Sqrt(float64(k))
			lo, hi = mean-half, mean+half
			s.hasBand = s.hasBand || half > 0
		}
		s.x = append(s.x, float64(t))
		s.mean = append(s.mean, mean)
		s.lo = append(s.lo, lo)
		s.hi = append(s.hi, hi)
	}
	return s
}

// armSeries is one arm's line (and band) on a chart. It is a
// plot.Plotter that draws the line; bandPlotter draws the band.
type armSeries struct {
	name       string
	x, mean    []float64
	lo, hi     []float64 // NaN where there is no band
	hasBand    bool
	colour     color.Color
	bandColour color.Color
	width      vg.Length
	dashes     []vg.Length
}

// lineStyle is the style of the arm's line.
func (s *armSeries) lineStyle() draw.LineStyle {
	return draw.LineStyle{Color: s.colour, Width: s.width, Dashes: s.dashes}
}

// runs calls f for every maximal run [i, j) of steps where ok(t) holds.
func runs(n int, ok func(t int) bool, f func(i, j int)) {
	for i := 0; i < n; {
		if !ok(i) {
			i++
			continue
		}
		j := i
		for j < n && ok(j) {
			j++
		}
		f(i, j)
		i = j
	}
}

// Plot draws the mean line, broken where it is undefined; a defined value
// between two undefined ones is drawn as a dot.
func (s *armSeries) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	ls := s.lineStyle()
	defined := func(t int) bool { return !math.IsNaN(s.mean[t]) }
	runs(len(s.x), defined, func(i, j int) {
		if j-i == 1 {
			pt := vg.Point{X: trX(s.x[i]), Y: trY(s.mean[i])}
			if c.Contains(pt) {
				c.DrawGlyph(draw.GlyphStyle{Color: s.colour, Radius: s.width * 1.6, Shape: draw.CircleGlyph{}}, pt)
			}
			return
		}
		pts := make([]vg.Point, 0, j-i)
		for t := i; t < j; t++ {
			pts = append(pts, vg.Point{X: trX(s.x[t]), Y: trY(s.mean[t])})
		}
		c.StrokeLines(ls, c.ClipLinesXY(pts)...)
	})
}

// DataRange implements plot.DataRanger over the line and its band.
func (s *armSeries) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for t, x := range s.x {
		for _, y := range [...]float64{s.mean[t], s.lo[t], s.hi[t]} {
			if math.IsNaN(y) {
				continue
			}
			xmin, xmax = math.Min(xmin, x), math.Max(xmax, x)
			ymin, ymax = math.Min(ymin, y), math.Max(ymax, y)
		}
	}
	return xmin, xmax, ymin, ymax
}

// bandPlotter draws an arm's confidence band.
type bandPlotter struct{ s *armSeries }

// Plot fills the band wherever it is defined.
func (b *bandPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	s := b.s
	if !s.hasBand {
		return
	}
	trX, trY := p.Transforms(&c)
	defined := func(t int) bool { return !math.IsNaN(s.lo[t]) }
	runs(len(s.x), defined, func(i, j int) {
		if j-i < 2 {
			return
		}
		pts := make([]vg.Point, 0, 2*(j-i))
		for t := i; t < j; t++ {
			pts = append(pts, vg.Point{X: trX(s.x[t]), Y: trY(s.hi[t])})
		}
		for t := j - 1; t >= i; t-- {
			pts = append(pts, vg.Point{X: trX(s.x[t]), Y: trY(s.lo[t])})
		}
		c.FillPolygon(s.bandColour, c.ClipPolygonXY(pts))
	})
}
