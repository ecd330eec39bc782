package chart

import (
	"image"
	"image/color"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

// hasColour reports whether img has a pixel close to c.
func hasColour(img *image.RGBA, c color.RGBA) bool {
	for i := 0; i < len(img.Pix); i += 4 {
		d := func(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }
		if d(img.Pix[i], c.R) < 8 && d(img.Pix[i+1], c.G) < 8 && d(img.Pix[i+2], c.B) < 8 {
			return true
		}
	}
	return false
}

func TestBarsAndTradeOff(t *testing.T) {
	nan := math.NaN()
	bars := []ArmValue{
		{Arm: "control", Strategy: "none", Mean: 200, Lo: 195, Hi: 205},
		{Arm: "broadcast", Strategy: "broadcast", Mean: 310, Lo: 290, Hi: 330},
		{Arm: "psychographic", Strategy: "psychographic", Mean: 330, Lo: nan, Hi: nan},
	}
	p, err := Bars(bars, "conversions", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Title.Text != "Conversions per arm" || p.Y.Label.Text == "" || p.Y.Min > 0 {
		t.Errorf("bars: title %q, y label %q, y from %v (bars start at 0)", p.Title.Text, p.Y.Label.Text, p.Y.Min)
	}
	img := image.NewRGBA(image.Rect(0, 0, 800, 500))
	Render(p, img, 96)
	for _, c := range []color.RGBA{ControlLight, OkabeIto[0], OkabeIto[1]} {
		if !hasColour(img, c) {
			t.Errorf("bars: no %v (arm colours: control grey, then Okabe–Ito)", c)
		}
	}

	pts := []TradeOffPoint{
		{Label: "control", Arm: "control", Strategy: "none", X: 0, Y: 0, XLo: nan, XHi: nan, YLo: nan, YHi: nan},
		{Label: "broadcast", Arm: "broadcast", Strategy: "broadcast", X: 0, Y: 110, XLo: 0, XHi: 0, YLo: 95, YHi: 125},
		{Label: "psychographic", Arm: "psychographic", Strategy: "psychographic", X: 3.2, Y: 135, XLo: 2.5, XHi: 4, YLo: 115, YHi: 150},
		{Label: "undefined", Arm: "adaptive", Strategy: "adaptive", X: nan, Y: 1},
	}
	p, err = TradeOff(pts, "attributes_per_impression", "conversions_vs_control", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(p.Title.Text, "Trade-off") || p.X.Label.Text != "personal attributes used per ad shown" || p.Y.Label.Text == "" {
		t.Errorf("trade-off labels: %q / %q / %q", p.Title.Text, p.X.Label.Text, p.Y.Label.Text)
	}
	if p.X.Min > 0 || p.X.Max < 4 || p.Y.Min > 0 || p.Y.Max < 150 {
		t.Errorf("trade-off ranges x [%v, %v] y [%v, %v]: want 0 and every whisker inside", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	img = image.NewRGBA(image.Rect(0, 0, 800, 500))
	Render(p, img, 96)
	if !hasColour(img, OkabeIto[1]) {
		t.Error("trade-off: psychographic point not drawn in its arm colour")
	}
	if _, err := TradeOff(pts, "attributes", "conversions_vs_control", Options{}); err == nil {
		t.Error("unknown metric: want an error")
	}
	if _, err := Bars(bars, "nope", Options{}); err == nil {
		t.Error("unknown metric: want an error")
	}
}

func TestSweepLineAndHeatMap(t *testing.T) {
	nan := math.NaN()
	series := []SweepSeries{
		{Arm: "control", Strategy: "none", X: []float64{0.4, 0.2, 0.6}, Mean: []float64{0, 0, 0}, Lo: []float64{nan, nan, nan}, Hi: []float64{nan, nan, nan}},
		{Arm: "broadcast", Strategy: "broadcast", X: []float64{0.4, 0.2, 0.6}, Mean: []float64{0.02, 0.01, 0.03}, Lo: []float64{0.015, 0.008, 0.02}, Hi: []float64{0.025, 0.012, 0.04}},
	}
	for _, lines := range []bool{true, false} {
		p, err := SweepLine(series, "influence.epsilon (confidence bound)", nil, "shift_vs_control", lines, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if p.Title.Text != "Opinion shift vs control by influence.epsilon" || p.X.Label.Text != "influence.epsilon (confidence bound)" {
			t.Errorf("sweep line labels: %q / %q", p.Title.Text, p.X.Label.Text)
		}
		if p.X.Min > 0.2 || p.X.Max < 0.6 || p.Y.Max < 0.04 {
			t.Errorf("sweep line ranges x [%v, %v] y max %v", p.X.Min, p.X.Max, p.Y.Max)
		}
		img := image.NewRGBA(image.Rect(0, 0, 800, 500))
		Render(p, img, 96)
		if !hasColour(img, OkabeIto[0]) {
			t.Error("sweep line: broadcast not drawn in blue")
		}
	}
	// A key of words: positions with tick labels.
	p, err := SweepLine(series[1:], "network.kind", []string{"random", "small-world", "complete"}, "conversions", true, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ticks := p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max); len(ticks) != 3 || ticks[1].Label != "small-world" {
		t.Errorf("categorical ticks = %v", ticks)
	}

	z := [][]float64{{-0.01, 0, 0.02}, {0.01, nan, 0.03}}
	p, err = HeatMap(z, "campaign.budget", []string{"500", "1000", "2000"}, "network.kind", []string{"random", "homophilous"}, "shift_vs_control", Options{Title: "Shift: broadcast"})
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 900, 600))
	Render(p, img, 96)
	// Diverging scale: the most negative cell is full blue, the most
	// positive full vermillion.
	if !hasColour(img, mix(color.White, OkabeIto[0], 1.0/3)) || !hasColour(img, OkabeIto[1]) {
		t.Error("heat map: diverging colours missing")
	}
	if _, err := HeatMap(z, "x", []string{"a"}, "y", []string{"b", "c"}, "shift_vs_control", Options{}); err == nil {
		t.Error("ragged heat map: want an error")
	}
	if err := Save(p, filepath.Join(t.TempDir(), "heat.pdf"), 900, 600); err != nil {
		t.Errorf("heat map as PDF: %v", err)
	}
	sc := newColourScale([][]float64{{1, 2}, {3, 4}})
	if sc.diverging || sc.colour(4) != mix(color.White, OkabeIto[0], 1) || sc.colour(nan) == sc.colour(1) {
		t.Error("sequential scale: want white to blue, grey for missing")
	}
}
