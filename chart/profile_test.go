package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"testing"
)

func TestProfileBarsShowErrors(t *testing.T) {
	txt := ProfileText{Title: "Inferred vs true", Caption: "bar: true", Unknown: "unknown"}
	rows := []ProfileRow{
		{Label: "Openness", Lo: -3, Hi: 3, True: 1.2, Inferred: -0.8, TrueText: "+1.2", InferredText: "-0.8"},
		{Label: "Age", Lo: 13, Hi: 90, Zero: 13, True: 45, Inferred: 61, TrueText: "45", InferredText: "61"},
		{Label: "Religious", Lo: 0, Hi: 1, True: 1, Inferred: math.NaN(), TrueText: "yes"},
	}
	render := func(rows []ProfileRow) *image.RGBA {
		p, err := ProfileBars(rows, txt, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if p.Title.Text != txt.Title {
			t.Errorf("title %q", p.Title.Text)
		}
		img := image.NewRGBA(image.Rect(0, 0, 900, 420))
		Render(p, img, 96)
		return img
	}
	img := render(rows)
	if !hasColour(img, TruthColour) {
		t.Error("no true-value bar drawn")
	}
	if !hasColour(img, ErrorColour) {
		t.Error("no error bar drawn although the inferences are wrong")
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil || buf.Len() < 2000 {
		t.Errorf("png: %d bytes, %v", buf.Len(), err)
	}
	// Nothing inferred: no error bar, only the truth.
	blind := []ProfileRow{rows[2], {Label: "Openness", Lo: -3, Hi: 3, True: 1.2, Inferred: math.NaN(), TrueText: "+1.2"}}
	img = render(blind)
	if hasColour(img, ErrorColour) {
		t.Error("an error bar is drawn where nothing was inferred")
	}
	if !hasColour(img, TruthColour) {
		t.Error("no true-value bar drawn")
	}
	// The error bar grows with the error.
	count := func(img *image.RGBA) int { return countColour(img, ErrorColour) }
	small := render([]ProfileRow{{Label: "Openness", Lo: -3, Hi: 3, True: 0.5, Inferred: 0.3, TrueText: "a", InferredText: "b"}})
	large := render([]ProfileRow{{Label: "Openness", Lo: -3, Hi: 3, True: 0.5, Inferred: -2.5, TrueText: "a", InferredText: "b"}})
	if count(large) <= count(small) {
		t.Errorf("error of 3 sd: %d red pixels, of 0.2 sd: %d", count(large), count(small))
	}
	// No rows: still a valid chart.
	render(nil)
}

func TestOpinionTraceMarksAds(t *testing.T) {
	op := []float64{0.1, 0.1, 0.15, 0.3, 0.3, 0.32}
	// The line takes the shown arm's colour; the ad dots the text colour.
	line, fg := OkabeIto[3], color.RGBA{0x10, 0x20, 0x30, 0xFF}
	txt := TraceText{Title: "Opinion of person 3", XLabel: "step", YLabel: "opinion", Person: "person 3", Control: "without ads", Line: line}
	draw := func(ads []int, control float64) *image.RGBA {
		p, err := OpinionTrace(op, ads, control, 60, txt, Options{Foreground: fg})
		if err != nil {
			t.Fatal(err)
		}
		if p.X.Max != 60 || p.Y.Min > 0.1 || p.Y.Max < 0.32 || p.Y.Min < -1.05 || p.Y.Max > 1.05 {
			t.Errorf("ranges x ≤ %v, y [%v, %v]", p.X.Max, p.Y.Min, p.Y.Max)
		}
		img := image.NewRGBA(image.Rect(0, 0, 640, 360))
		Render(p, img, 96)
		return img
	}
	img := draw([]int{2, 3}, 0.05)
	if !hasColour(img, line) || !hasColour(img, ControlLight) || hasColour(img, TruthColour) {
		t.Error("the person's line is not in the arm's colour, or the control line is missing")
	}
	if with, without := countColour(img, fg), countColour(draw(nil, 0.05), fg); with < without+40 {
		t.Errorf("ad dots: %d text-coloured pixels with two ads, %d without", with, without)
	}
	grey := func(img *image.RGBA) int { return countColour(img, ControlLight) }
	withControl := grey(img)
	img = draw(nil, math.NaN())
	// Text is anti-aliased into greys too: the dashed line adds many more.
	if without := grey(img); withControl < without+200 {
		t.Errorf("control grey pixels: %d with the control line, %d without", withControl, without)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil || buf.Len() < 2000 {
		t.Errorf("png: %d bytes, %v", buf.Len(), err)
	}
	// The axis zooms in on small moves but stays within −1 … 1.
	for _, c := range []struct {
		op           []float64
		ctl          float64
		minLo, maxHi float64 // the range must lie within these
	}{
		{[]float64{0.50, 0.51}, 0.50, 0.3, 0.7},
		{[]float64{-1, 1}, math.NaN(), -1.05, 1.05},
		{nil, math.NaN(), -1.05, 1.05},
	} {
		lo, hi := traceRange(c.op, c.ctl)
		if lo < c.minLo || hi > c.maxHi || hi-lo < 0.2-1e-9 {
			t.Errorf("traceRange(%v, %v) = [%v, %v], want within [%v, %v] and ≥ 0.2 wide", c.op, c.ctl, lo, hi, c.minLo, c.maxHi)
		}
		for _, v := range append(c.op, c.ctl) {
			if !math.IsNaN(v) && (v < lo || v > hi) {
				t.Errorf("traceRange(%v, %v) = [%v, %v] leaves out %v", c.op, c.ctl, lo, hi, v)
			}
		}
	}
}

// countColour is the number of pixels of exactly colour c (alpha aside).
func countColour(img *image.RGBA, c color.RGBA) int {
	n := 0
	for i := 0; i < len(img.Pix); i += 4 {
		if img.Pix[i] == c.R && img.Pix[i+1] == c.G && img.Pix[i+2] == c.B {
			n++
		}
	}
	return n
}
