package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"boomerang/sim"
)

// fakeResult is a small result with a control and a broadcast arm whose
// shift grows linearly; off perturbs it so replications differ.
func fakeResult(seed uint64, steps int, off float64) sim.Result {
	res := sim.Result{Seed: seed}
	for a, name := range []string{"control", "broadcast"} {
		ar := sim.ArmResult{Name: name, Strategy: map[string]string{"control": "none", "broadcast": "broadcast"}[name]}
		for t := 0; t <= steps; t++ {
			m := sim.Metrics{Step: t}
			m.MeanOpinion = 0.1 + float64(a)*0.002*float64(t) + off
			m.ShiftVsControl = float64(a) * (0.002*float64(t) + off)
			m.Conversions = int64(10*t + a*3*t)
			m.CostPerConversion = math.NaN()
			if a == 1 && t > 2 {
				m.CostPerConversion = 5 + off
			}
			ar.Series = append(ar.Series, m)
		}
		res.Arms = append(res.Arms, ar)
	}
	return res
}

func TestLines(t *testing.T) {
	for _, metric := range []string{"shift_vs_control", "conversions", "mean_opinion", "cost_per_conversion", "backfires"} {
		p, err := Lines([]sim.Result{fakeResult(1, 20, 0)}, metric, Options{})
		if err != nil {
			t.Fatalf("%s: %v", metric, err)
		}
		if p.Title.Text == "" || p.Y.Label.Text == "" || p.X.Label.Text == "" {
			t.Errorf("%s: missing title or axis label: %q %q %q", metric, p.Title.Text, p.X.Label.Text, p.Y.Label.Text)
		}
		img := image.NewRGBA(image.Rect(0, 0, 640, 400))
		Render(p, img, 96)
	}
	p, _ := Lines(nil, "conversions", Options{})
	if p.Title.Text != "Conversions" {
		t.Errorf("title = %q, want Conversions", p.Title.Text)
	}
	p, _ = Lines(nil, "conversions", Options{Title: "Mine"})
	if p.Title.Text != "Mine" {
		t.Errorf("title override = %q", p.Title.Text)
	}
}

func TestLinesReplicationsBand(t *testing.T) {
	res := []sim.Result{fakeResult(1, 10, 0), fakeResult(2, 10, 0.01), fakeResult(3, 10, -0.02)}
	p, err := Lines(res, "shift_vs_control", Options{})
	if err != nil {
		t.Fatal(err)
	}
	col, _ := sim.MetricColumn("shift_vs_control")
	arms := gather(res, col)
	if len(arms) != 2 || len(arms[1].reps) != 3 {
		t.Fatalf("gathered %d arms", len(arms))
	}
	s := arms[1].summarise()
	if !s.hasBand {
		t.Fatal("three replications: want a confidence band")
	}
	// step 5: values 0.01, 0.02, -0.01 → mean 0.00667, sd 0.01528.
	mean := (0.01 + 0.02 - 0.01) / 3
	half := 4.302652729911275 * 0.015275252316519465 / math.Sqrt(3) // t(2) quantile 0.975
	if math.Abs(s.mean[5]-mean) > 1e-12 || math.Abs(s.hi[5]-(mean+half)) > 1e-9 {
		t.Errorf("step 5: mean %v hi %v, want %v %v", s.mean[5], s.hi[5], mean, mean+half)
	}
	if _, _, ymin, ymax := s.DataRange(); !(ymin < 0 && ymax > 0.02) {
		t.Errorf("data range %v..%v should include the band", ymin, ymax)
	}
	if one := gather(res[:1], col)[1].summarise(); one.hasBand {
		t.Error("one replication: want no band")
	}
	Render(p, image.NewRGBA(image.Rect(0, 0, 800, 500)), 96)
}

func TestUnknownMetric(t *testing.T) {
	_, err := Lines([]sim.Result{fakeResult(1, 5, 0)}, "happiness", Options{})
	if err == nil {
		t.Fatal("want an error for an unknown metric")
	}
	for _, want := range []string{"happiness", "shift_vs_control", "mean_opinion"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q should mention %q", err, want)
		}
	}
}

func TestArmColors(t *testing.T) {
	c := ArmColors([]string{"broadcast", "control", "psychographic"}, []string{"broadcast", "none", "psychographic"}, false)
	if c[1] != ControlLight {
		t.Errorf("control colour = %v", c[1])
	}
	if c[0] != OkabeIto[0] || c[2] != OkabeIto[1] {
		t.Errorf("arm colours = %v", c)
	}
	if d := ArmColors([]string{"control"}, nil, true); d[0] != ControlDark {
		t.Errorf("dark control colour = %v", d[0])
	}
}

func TestEmptyAndStepZero(t *testing.T) {
	// Only step 0 (a run that has not started) and no data at all must
	// both draw a chart with sane axes.
	for _, res := range [][]sim.Result{{fakeResult(1, 0, 0)}, nil} {
		p, err := Lines(res, "shift_vs_control", Options{XMax: 60})
		if err != nil {
			t.Fatal(err)
		}
		if p.X.Min != 0 || p.X.Max != 60 || !(p.Y.Min < p.Y.Max) {
			t.Errorf("axes x %v..%v y %v..%v", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
		}
		Render(p, image.NewRGBA(image.Rect(0, 0, 400, 300)), 96)
	}
}

func TestRenderDrawsIntoImage(t *testing.T) {
	p, _ := Lines([]sim.Result{fakeResult(1, 20, 0)}, "conversions", Options{})
	img := image.NewRGBA(image.Rect(0, 0, 320, 200))
	Render(p, img, 96)
	coloured := 0
	for i := 0; i < len(img.Pix); i += 4 {
		r, g, b := img.Pix[i], img.Pix[i+1], img.Pix[i+2]
		if !(r == g && g == b) {
			coloured++
		}
	}
	if coloured == 0 {
		t.Fatal("Render left no coloured pixel in the caller's image")
	}
}

func TestSavePNGAndSVG(t *testing.T) {
	dir := t.TempDir()
	p, _ := Lines([]sim.Result{fakeResult(1, 20, 0), fakeResult(2, 20, 0.01)}, "shift_vs_control", Options{})
	png1 := filepath.Join(dir, "shift.png")
	if err := Save(p, png1, 1280, 800); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(png1)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("decode PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
		t.Errorf("PNG is %v, want 1280×800", b)
	}
	svg := filepath.Join(dir, "shift.SVG")
	if err := Save(p, svg, 1280, 800); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("<svg")) || !bytes.Contains(data, []byte("@font-face")) {
		t.Error("SVG lacks <svg> or embedded fonts")
	}
	pdf := filepath.Join(dir, "shift.pdf")
	if err := Save(p, pdf, 1280, 800); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(pdf); !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Error("PDF does not start with %PDF")
	}
	assertOnly(t, dir, "shift.SVG", "shift.pdf", "shift.png")
}

func TestSaveErrorsLeaveNoFile(t *testing.T) {
	dir := t.TempDir()
	p, _ := Lines([]sim.Result{fakeResult(1, 5, 0)}, "conversions", Options{})
	if err := Save(p, filepath.Join(dir, "chart.gif"), 100, 100); err == nil || !strings.Contains(err.Error(), ".gif") {
		t.Errorf("unsupported extension: err = %v", err)
	}
	if err := Save(p, filepath.Join(dir, "chart.png"), 0, 100); err == nil {
		t.Error("zero width: want an error")
	}
	if err := Save(p, filepath.Join(dir, "missing", "chart.png"), 100, 100); err == nil {
		t.Error("missing directory: want an error")
	}
	// A write that fails after the temporary file exists must remove it.
	if err := writeAtomic(filepath.Join(dir, "broken.png"), failingWriter{}); err == nil {
		t.Error("failing writer: want an error")
	}
	assertOnly(t, dir)
}

type failingWriter struct{}

func (failingWriter) WriteTo(io.Writer) (int64, error) {
	return 0, os.ErrInvalid
}

// assertOnly checks that dir holds exactly the named files.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("directory holds %v, want %v", got, names)
	}
}

// BenchmarkRender1280x800 is the cost of one live-chart frame: building
// the plot from a 60-step two-arm result and drawing it into a reused
// 1280×800 image.
func BenchmarkRender1280x800(b *testing.B) {
	res := []sim.Result{fakeResult(1, 60, 0)}
	img := image.NewRGBA(image.Rect(0, 0, 1280, 800))
	b.ReportAllocs()
	for b.Loop() {
		p, err := Lines(res, "shift_vs_control", Options{XMax: 60})
		if err != nil {
			b.Fatal(err)
		}
		Render(p, img, 96)
	}
}

// TestArmColorsFollowTheStrategy: an arm's colour depends on its strategy
// only, not on the order or the set of the other arms; a second arm with
// the same strategy gets a colour of its own.
func TestArmColorsFollowTheStrategy(t *testing.T) {
	all := []string{"none", "broadcast", "demographic", "psychographic", "lookalike", "adaptive", "demobilise"}
	full := ArmColors(all, all, false)
	seen := map[color.Color]string{}
	for i, s := range all {
		if prev, ok := seen[full[i]]; ok {
			t.Errorf("%s and %s share the colour %v", prev, s, full[i])
		}
		seen[full[i]] = s
		// Alone, or with the arms in reverse order: the same colour.
		if alone := ArmColors([]string{s}, []string{s}, false); alone[0] != full[i] {
			t.Errorf("%s alone: %v, among all: %v", s, alone[0], full[i])
		}
		rev := slices.Clone(all)
		slices.Reverse(rev)
		if r := ArmColors(rev, rev, false); r[len(all)-1-i] != full[i] {
			t.Errorf("%s in reverse order: %v, in order: %v", s, r[len(all)-1-i], full[i])
		}
	}
	two := ArmColors([]string{"control", "broadcast", "broadcast-extravert", "psychographic"},
		[]string{"none", "broadcast", "broadcast", "psychographic"}, false)
	if two[1] != full[1] || two[3] != full[3] || two[2] == two[1] || two[2] == two[3] || two[2] == two[0] {
		t.Errorf("two broadcast arms: %v", two)
	}
}

// TestIntervalsOfCountsStayNonNegative: the 95 % band of a metric that
// cannot be negative (a count, a share) stops at 0, and so does a
// trade-off whisker; a signed metric (a difference to control) keeps its
// negative end.
func TestIntervalsOfCountsStayNonNegative(t *testing.T) {
	rep := func(v ...float64) sim.Result {
		var ser []sim.Metrics
		for i, x := range v {
			ser = append(ser, sim.Metrics{Step: i, AttributesPerImpression: x, ShiftVsControl: x - 1})
		}
		return sim.Result{Arms: []sim.ArmResult{{Name: "psychographic", Strategy: "psychographic", Series: ser}}}
	}
	// Two runs far apart around a small mean: mean − 1.96·SE < 0.
	res := []sim.Result{rep(0, 0.01, 0.01), rep(0, 3, 3)}
	for _, c := range []struct {
		metric   string
		negative bool
	}{{"attributes_per_impression", false}, {"shift_vs_control", true}} {
		col, _ := sim.MetricColumn(c.metric)
		neg := false
		for _, lo := range summariseMetric(gather(res, col)[0], c.metric).lo {
			neg = neg || lo < 0
		}
		if neg != c.negative {
			t.Errorf("%s: band below 0: %v, want %v", c.metric, neg, c.negative)
		}
	}
	pts := []TradeOffPoint{{Label: "psych", Arm: "psychographic", Strategy: "psychographic",
		X: 0.4, XLo: -1.93, XHi: 2.7, Y: 5, YLo: -2, YHi: 12}}
	if q := clampPoints(pts, "attributes_per_impression", "conversions_vs_control")[0]; q.XLo != 0 || q.YLo != -2 {
		t.Errorf("trade-off whiskers: x from %v (want 0), y from %v (want -2)", q.XLo, q.YLo)
	}
	p, err := TradeOff(pts, "attributes_per_impression", "conversions_vs_control", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.X.Min < -0.5 || pts[0].XLo != -1.93 {
		t.Errorf("x axis from %v; caller's point changed to %v", p.X.Min, pts[0].XLo)
	}
}
