package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// gridPoints is a hand-made grid: two strategies under two rules.
//
//	i  X    Y    on the frontier?
//	0  0    5    yes (least intrusive)
//	1  1    4    no: dominated by 0
//	2  2    8    yes
//	3  2    8    yes (a tie with 2)
//	4  3    7    no: dominated by 2
//	5  4    9    yes (most effective)
//	6  NaN  10   no: not drawn
func gridPoints() []GridPoint {
	nan := math.NaN()
	mk := func(label, s string, x, y float64) GridPoint {
		return GridPoint{Label: label, Strategy: s, X: x, XLo: nan, XHi: nan, Y: y, YLo: y - 0.5, YHi: y + 0.5}
	}
	return []GridPoint{
		mk("bcast · none", "broadcast", 0, 5),
		mk("demo · none", "demographic", 1, 4),
		mk("psych · none", "psychographic", 2, 8),
		mk("psych · ban", "psychographic", 2, 8),
		mk("demo · ban", "demographic", 3, 7),
		mk("lookal · none", "lookalike", 4, 9),
		mk("broken", "lookalike", nan, 10),
	}
}

func TestParetoFrontierHandMade(t *testing.T) {
	got := ParetoFrontier(gridPoints())
	want := []int{0, 2, 3, 5}
	if len(got) != len(want) {
		t.Fatalf("frontier %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("frontier %v, want %v", got, want)
		}
	}
	if f := ParetoFrontier(nil); len(f) != 0 {
		t.Errorf("empty grid: %v", f)
	}
}

func TestGridScatterRendersPNG(t *testing.T) {
	pts := gridPoints()
	p := GridScatter(pts, ScatterText{Title: "Trade-off", XLabel: "attributes per ad", YLabel: "extra conversions"}, Options{})
	if p.Title.Text != "Trade-off" || p.X.Label.Text != "attributes per ad" || p.X.Min > 0 || p.Y.Min > 0 {
		t.Errorf("title %q x label %q, x from %v, y from %v", p.Title.Text, p.X.Label.Text, p.X.Min, p.Y.Min)
	}
	img := image.NewRGBA(image.Rect(0, 0, 900, 600))
	Render(p, img, 96)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if buf.Len() < 5000 {
		t.Errorf("PNG of %d bytes: nearly empty", buf.Len())
	}
	// The four strategies take the first four Okabe–Ito colours.
	for _, c := range OkabeIto[:4] {
		if !hasColour(img, c) {
			t.Errorf("colour %v not drawn", c)
		}
	}
	// Without points it still draws (axes, title) and does not panic.
	Render(GridScatter(nil, ScatterText{Title: "empty"}, Options{}), image.NewRGBA(image.Rect(0, 0, 300, 200)), 96)
}

func TestNearestPointFindsTheDrawnPoint(t *testing.T) {
	pts := gridPoints()
	pts[3].X, pts[3].Y = 2.5, 6 // no tie here: every point has its own place
	cols := StrategyColours(pts, false)
	for _, c := range []struct {
		dpi    float64
		w, h   int
		ylabel string
	}{
		{96, 800, 520, "y"}, {144, 800, 520, "y"},
		// A y label longer than the chart is tall is left out, in the
		// drawing and in the mapping alike.
		{96, 700, 300, strings.Repeat("a long axis label ", 6)},
	} {
		dpi, w, h := c.dpi, c.w, c.h
		p := GridScatter(pts, ScatterText{Title: "t", XLabel: "x", YLabel: c.ylabel}, Options{})
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		Render(p, img, dpi)
		px := PointPixels(p, pts, w, h, dpi)
		if !math.IsNaN(px[6][0]) {
			t.Errorf("the NaN point is placed at %v", px[6])
		}
		for i := range 6 {
			x, y := int(math.Round(px[i][0])), int(math.Round(px[i][1]))
			// The rendered image has the point's colour where PointPixels
			// says the point is: the mapping follows the real layout.
			c := img.RGBAAt(x, y)
			want := color.RGBAModel.Convert(cols[i]).(color.RGBA)
			if d := colourDist(c, want); d > 40 {
				t.Errorf("dpi %v point %d (%s): pixel (%d,%d) is %v, want ~%v", dpi, i, pts[i].Label, x, y, c, want)
			}
			// A click a few pixels off still finds it.
			if got := NearestPoint(p, pts, w, h, dpi, px[i][0]+3, px[i][1]-2, 20); got != i {
				t.Errorf("dpi %v: click near point %d found %d", dpi, i, got)
			}
		}
		// Far from every point: nothing.
		if got := NearestPoint(p, pts, w, h, dpi, 2, 2, 20); got != -1 {
			t.Errorf("click in the corner found point %d", got)
		}
	}
}

func colourDist(a, b color.RGBA) int {
	d := func(x, y uint8) int { return max(int(x)-int(y), int(y)-int(x)) }
	return d(a.R, b.R) + d(a.G, b.G) + d(a.B, b.B)
}

// TestLongYLabelDoesNotSquashThePlot: gonum/plot shrinks the plot area
// until a rotated y label fits; a label longer than half the chart's
// height is left out instead, so the points sit where they would with no
// label, and the label is still there afterwards (for a taller render).
func TestLongYLabelDoesNotSquashThePlot(t *testing.T) {
	pts := gridPoints()
	long := strings.Repeat("a long axis label ", 6)
	bare := PointPixels(GridScatter(pts, ScatterText{Title: "t"}, Options{}), pts, 700, 240, 96)
	p := GridScatter(pts, ScatterText{Title: "t", YLabel: long}, Options{})
	labelled := PointPixels(p, pts, 700, 240, 96)
	for i := range bare {
		if math.IsNaN(bare[i][0]) {
			continue
		}
		if math.Abs(bare[i][1]-labelled[i][1]) > 0.5 {
			t.Errorf("point %d at y=%.1f with the long label, %.1f without", i, labelled[i][1], bare[i][1])
		}
	}
	if p.Y.Label.Text != long {
		t.Errorf("the y label was not restored: %q", p.Y.Label.Text)
	}
	// Where it fits, it stays: a tall chart lays out around it.
	tall := PointPixels(p, pts, 700, 2000, 96)
	tallBare := PointPixels(GridScatter(pts, ScatterText{Title: "t"}, Options{}), pts, 700, 2000, 96)
	if tall[0][0] == tallBare[0][0] {
		t.Error("a y label that fits made no room on a tall chart")
	}
}

// TestScatterLegendCoversNothing: the trade-off legend goes to a corner
// where nothing the scatter drew (points, whiskers, labels) lies, and is
// left out when every corner holds something.
func TestScatterLegendCoversNothing(t *testing.T) {
	st := newStyle(Options{})
	p := st.newPlot("t", "")
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	series := []*armSeries{{name: "broadcast", colour: OkabeIto[0]}, {name: "psychographic", colour: OkabeIto[1]}}
	dc := draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: 300}}}
	corner := func(x, y vg.Length) vg.Rectangle { // a label's box near a corner
		return vg.Rectangle{Min: vg.Point{X: x, Y: y}, Max: vg.Point{X: x + 30, Y: y + 8}}
	}
	// Labels in the top left, top right and bottom left: only the bottom
	// right is free.
	avoid := []vg.Rectangle{corner(10, 280), corner(360, 280), corner(10, 10)}
	leg := &legend{series: series, style: st, avoid: &avoid}
	rec := dc.Canvas.(*recorder.Canvas)
	leg.Plot(dc, p)
	if len(rec.Actions) == 0 {
		t.Fatal("no legend drawn although one corner is free")
	}
	for _, a := range rec.Actions {
		if f, ok := a.(*recorder.FillString); ok {
			if f.Point.X < 200 || f.Point.Y > 150 {
				t.Errorf("legend text %q at %v: not in the free bottom right corner", f.String, f.Point)
			}
		}
	}
	// Something in every corner: no legend at all.
	avoid = append(avoid, corner(360, 10))
	rec.Reset()
	leg.Plot(dc, p)
	if len(rec.Actions) != 0 {
		t.Errorf("legend drawn over data: %d drawing actions", len(rec.Actions))
	}
}
