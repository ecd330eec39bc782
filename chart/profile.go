package chart

import (
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// This file draws the app's target ("prey") view: one person's true
// traits next to what the platform inferred about them, and their opinion
// over time. The caller passes every word (the app translates them), so
// the package stays free of Fyne.

// TruthColour is the colour of a true value in ProfileBars, and
// ErrorColour that of the inferred value and of the gap between the two:
// Okabe–Ito blue and vermillion, told apart with every common form of
// colour blindness.
var (
	TruthColour = OkabeIto[0]
	ErrorColour = OkabeIto[1]
)

// ProfileRow is one attribute of ProfileBars. Lo and Hi are the row's
// scale (e.g. −3 … 3 standard deviations, 13 … 90 years, 0 … 1 for a
// probability) and Zero is where its bar starts. Inferred is NaN when the
// platform inferred nothing. TrueText and InferredText are the values as
// written next to the row.
type ProfileRow struct {
	Label                  string
	Lo, Hi, Zero           float64
	True, Inferred         float64
	TrueText, InferredText string
}

// ProfileText is the words of ProfileBars.
type ProfileText struct {
	Title   string // e.g. "What the platform inferred vs the truth"
	Caption string // under the rows, e.g. "bar: true value · red mark: inferred · red line: the error"
	Unknown string // written where nothing was inferred
}

// ProfileBars draws one row per attribute: a bar for the true value, a
// red mark at the inferred value and a red line between them (the
// inference error), so that a student sees at a glance where the profile
// is wrong; rows whose value was not inferred say Unknown. Each row has
// its own scale, because a personality score, an age and a probability
// share no axis; the values are written beside the rows. The error is
// always nil today: it keeps the signature of the package's other charts.
func ProfileBars(rows []ProfileRow, txt ProfileText, opt Options) (*plot.Plot, error) {
	st := newStyle(opt)
	p := st.newPlot(txt.Title, "")
	p.X.Label.Text = txt.Caption
	p.X.Tick.Marker = plot.ConstantTicks(nil)
	p.X.Color = st.bg // no axis line: the scale is per row
	p.X.Min, p.X.Max = -0.02, profileTextAt+0.6
	var ticks []plot.Tick
	for k, r := range rows {
		ticks = append(ticks, plot.Tick{Value: profileY(k, len(rows)), Label: r.Label})
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Tick.Length = 0
	p.Y.Color = st.bg
	p.Y.Min, p.Y.Max = -0.6, float64(max(len(rows), 1))-0.4
	p.Add(&profilePlotter{rows: slices.Clone(rows), txt: txt, st: st})
	return p, nil
}

// profileTextAt is where ProfileBars writes the values, in row units (the
// bars span 0 … 1).
const profileTextAt = 1.05

// profileY is the y of row k of n: the first row on top.
func profileY(k, n int) float64 { return float64(n - 1 - k) }

// norm places v on row r's 0 … 1 scale.
func (r *ProfileRow) norm(v float64) float64 {
	if !(r.Hi > r.Lo) {
		return 0.5
	}
	return math.Max(0, math.Min(1, (v-r.Lo)/(r.Hi-r.Lo)))
}

// profilePlotter draws ProfileBars' rows.
type profilePlotter struct {
	rows []ProfileRow
	txt  ProfileText
	st   style
}

// Plot implements plot.Plotter.
func (pp *profilePlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	st := pp.st
	ts := text.Style{Color: st.fg, Font: font.From(sans, st.base), XAlign: draw.XLeft, YAlign: draw.YCenter, Handler: p.TextHandler}
	rowH := trY(1) - trY(0)
	errLine := draw.LineStyle{Color: ErrorColour, Width: max(st.line*1.6, rowH*0.14)}
	for k := range pp.rows {
		r := &pp.rows[k]
		y := trY(profileY(k, len(pp.rows)))
		// The track shows the row's whole scale.
		track := vg.Rectangle{Min: vg.Point{X: trX(0), Y: y - rowH*0.05}, Max: vg.Point{X: trX(1), Y: y + rowH*0.05}}
		c.FillPolygon(st.grid, closed(track))
		if finite(r.True) {
			x0, x1 := trX(r.norm(r.Zero)), trX(r.norm(r.True))
			if x1-x0 < 2 && x0-x1 < 2 { // a value at the bar's start: a thin bar still shows it
				x1 = x0 + 2
			}
			bar := vg.Rectangle{Min: vg.Point{X: min(x0, x1), Y: y - rowH*0.22}, Max: vg.Point{X: max(x0, x1), Y: y + rowH*0.22}}
			c.FillPolygon(TruthColour, closed(bar))
		}
		label := r.TrueText + "  →  "
		if finite(r.Inferred) {
			xi := trX(r.norm(r.Inferred))
			if finite(r.True) {
				c.StrokeLine2(errLine, trX(r.norm(r.True)), y, xi, y)
			}
			mark := draw.LineStyle{Color: ErrorColour, Width: max(st.line*1.4, 3)}
			c.StrokeLine2(mark, xi, y-rowH*0.36, xi, y+rowH*0.36)
			label += r.InferredText
		} else {
			label += pp.txt.Unknown
		}
		c.FillText(ts, vg.Point{X: trX(profileTextAt), Y: y}, label)
	}
}

// TraceText is the words of OpinionTrace.
type TraceText struct {
	Title   string // e.g. "Opinion of person 17"
	XLabel  string // e.g. "step (dots: an ad)"
	YLabel  string // e.g. "opinion (−1 against, +1 for)"
	Person  string // legend of the person's line
	Control string // legend of the control line
	// Line is the colour of the person's line: the shown arm's colour
	// (ArmColors), so the arm looks the same here as in every other
	// view; nil means TruthColour.
	Line color.Color
}

// OpinionTrace draws one person's opinion at steps 0 … len(opinion)-1,
// a dot on the line at every step in ads (the steps they got an ad) and,
// dashed, the control arm's current opinion of the same person: the gap
// between the two is what the campaign did to them. xmax > 0 fixes the
// step axis (the run's length), so the chart does not rescale as it grows;
// a NaN control is left out. The opinion axis zooms in on the values
// (traceRange).
func OpinionTrace(opinion []float64, ads []int, control float64, xmax int, txt TraceText, opt Options) (*plot.Plot, error) {
	st := newStyle(opt)
	p := st.newPlot(txt.Title, "")
	p.X.Label.Text = txt.XLabel
	p.Y.Label.Text = txt.YLabel
	p.Add(&grid{style: st.grid})

	nan := math.NaN()
	var line color.Color = TruthColour
	if txt.Line != nil {
		line = txt.Line
	}
	person := &armSeries{name: txt.Person, colour: line, width: st.line}
	for t, v := range opinion {
		person.x = append(person.x, float64(t))
		person.mean = append(person.mean, v)
		person.lo = append(person.lo, nan)
		person.hi = append(person.hi, nan)
	}
	end := float64(max(xmax, len(opinion)-1, 1))
	series := []*armSeries{person}
	if finite(control) {
		ctrl := &armSeries{name: txt.Control, colour: ControlLight, width: st.line,
			dashes: []vg.Length{st.line * 4, st.line * 2},
			x:      []float64{0, end}, mean: []float64{control, control},
			lo: []float64{nan, nan}, hi: []float64{nan, nan}}
		if isDark(st.bg) {
			ctrl.colour = ControlDark
		}
		series = append([]*armSeries{ctrl}, series...)
	}
	for _, s := range series {
		p.Add(s)
	}
	p.Add(&adDots{opinion: opinion, ads: ads, r: st.line * 1.8, colour: st.fg})
	p.X.Min, p.X.Max = 0, end
	p.Y.Min, p.Y.Max = traceRange(opinion, control)
	if !opt.NoLegend {
		p.Add(&legend{series: series, style: st})
	}
	return p, nil
}

// traceRange is OpinionTrace's y axis: the person's opinions and the
// control's, padded, at least 0.2 wide (a campaign moves one person by
// hundredths, invisible on the whole −1 … 1 scale) and never beyond it.
func traceRange(opinion []float64, control float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range append(slices.Clone(opinion), control) {
		if finite(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if lo > hi {
		return -1.05, 1.05
	}
	mid, half := (lo+hi)/2, math.Max((hi-lo)/2*1.15, 0.1)
	lo, hi = math.Max(mid-half, -1.05), math.Min(mid+half, 1.05)
	return lo, hi
}

// adDots marks the steps at which the person got an ad, on their line.
type adDots struct {
	opinion []float64
	ads     []int
	r       vg.Length
	colour  color.Color // the text colour: visible on every arm's line
}

// Plot implements plot.Plotter.
func (d *adDots) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	gs := draw.GlyphStyle{Color: d.colour, Radius: d.r, Shape: draw.CircleGlyph{}}
	for _, t := range d.ads {
		if t < 0 || t >= len(d.opinion) || !finite(d.opinion[t]) {
			continue
		}
		pt := vg.Point{X: trX(float64(t)), Y: trY(d.opinion[t])}
		if c.Contains(pt) {
			c.DrawGlyph(gs, pt)
		}
	}
}
