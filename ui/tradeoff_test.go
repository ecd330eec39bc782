package ui

import (
	"image"
	"image/color"
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"boomerang/batch"
	"boomerang/chart"
	"boomerang/scenarios"
	"boomerang/sim"
)

// newTradeoffTestApp opens the app with a small population and a tiny
// trade-off grid (300 people, 1 replication, 4 steps).
func newTradeoffTestApp(t *testing.T) (*App, *uiQueue, *tradeoffView) {
	t.Helper()
	a := test.NewTempApp(t)
	q := newQueue()
	u := New(a, testConfig(t), Options{Do: q.do, Workers: 2, NoPrefs: true,
		Adjust: func(c *sim.Config) { c.Population.Size = 1500 }})
	t.Cleanup(u.close)
	t.Cleanup(u.tradeoff.stop)
	u.Window.Resize(fyne.NewSize(1100, 760))
	waitFor(t, q, "step 0", func() bool { _, ok := u.Snapshot(); return ok })
	u.ShowTab("tradeoff")
	v := u.tradeoff
	v.pop, v.reps, v.steps = 300, 1, 4
	return u, q, v
}

// computeGrid taps Compute and waits for the result.
func computeGrid(t *testing.T, q *uiQueue, v *tradeoffView) {
	t.Helper()
	test.Tap(v.computeBtn)
	waitFor(t, q, "the trade-off grid", func() bool { return v.res != nil })
}

func TestTradeoffComputeShowsPoints(t *testing.T) {
	u, q, v := newTradeoffTestApp(t)
	computeGrid(t, q, v)
	n := len(batch.TradeoffStrategies()) * len(batch.RegulationPresets())
	if len(v.res.Cells) != n || len(v.points) != n || v.list.Length() != n {
		t.Fatalf("%d cells, %d points, %d rows; want %d", len(v.res.Cells), len(v.points), v.list.Length(), n)
	}
	if v.progress.Value != 1 || v.computeBtn.Disabled() || !v.cancelBtn.Disabled() {
		t.Errorf("after computing: progress %v, compute disabled %v, cancel disabled %v",
			v.progress.Value, v.computeBtn.Disabled(), v.cancelBtn.Disabled())
	}
	if !strings.Contains(v.status.Text, "Pareto frontier") {
		t.Errorf("status %q", v.status.Text)
	}
	// The chart is drawn with a point per setting.
	img := u.Window.Canvas().Capture()
	if colours(img, 16) < 16 || v.chart.img == nil {
		t.Fatal("the trade-off chart was not drawn")
	}
	drawn := 0
	for _, p := range chart.PointPixels(v.plot, v.points, v.chart.img.Bounds().Dx(), v.chart.img.Bounds().Dy(), v.chart.dpi) {
		if !math.IsNaN(p[0]) {
			drawn++
		}
	}
	if drawn != n {
		t.Errorf("%d of %d points drawn", drawn, n)
	}
	// The frontier in the list is the chart's frontier.
	onChart := map[int]bool{}
	for _, i := range chart.ParetoFrontier(v.points) {
		onChart[i] = true
	}
	for i := range n {
		if v.frontier[i] != onChart[i] || (v.row(i)[3] != "") != v.frontier[i] {
			t.Errorf("cell %d: list frontier %v, chart %v, row %q", i, v.frontier[i], onChart[i], v.row(i)[3])
		}
	}
	// Another measure redraws with other values.
	before := v.points[1].X
	v.intrSel.SetSelectedIndex(1)
	if v.points[1].X == before && before != 0 {
		t.Error("changing the intrusion measure kept the points")
	}
}

func TestTradeoffCancelStopsWorkers(t *testing.T) {
	u, q, v := newTradeoffTestApp(t)
	v.steps = 0 // the scenario's 60 steps: long enough to cancel midway
	v.reps = 2
	test.Tap(v.computeBtn)
	if v.cancelBtn.Disabled() || !v.computeBtn.Disabled() {
		t.Fatal("while computing, Cancel should be on and Compute off")
	}
	waitFor(t, q, "progress", func() bool { return v.calls.Load() > 0 })
	done := v.done
	test.Tap(v.cancelBtn)
	if v.status.Text != "Cancelled — nothing was kept." {
		t.Errorf("status %q", v.status.Text)
	}
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("the computation did not return within 3 s of Cancel")
	}
	calls := v.calls.Load()
	settle(q, 200*time.Millisecond)
	if v.calls.Load() != calls {
		t.Errorf("progress went on after the computation returned: %d → %d", calls, v.calls.Load())
	}
	if v.res != nil || v.status.Text != "Cancelled — nothing was kept." || v.progress.Value != 0 {
		t.Errorf("after cancel: result %v, status %q, progress %v", v.res != nil, v.status.Text, v.progress.Value)
	}
	if v.computeBtn.Disabled() || !v.cancelBtn.Disabled() {
		t.Error("after cancel, Compute should be on and Cancel off")
	}
	// Still usable: a new computation finishes, and so does the campaign.
	v.steps, v.reps = 4, 1
	computeGrid(t, q, v)
	test.Tap(u.step)
	waitFor(t, q, "a campaign step", func() bool { return step(u) == 1 })
}

func TestTradeoffTapLoadsSetting(t *testing.T) {
	u, q, v := newTradeoffTestApp(t)
	computeGrid(t, q, v)
	u.Window.Canvas().Capture() // draws the chart, fixing its size
	w, h := v.chart.img.Bounds().Dx(), v.chart.img.Bounds().Dy()
	px := chart.PointPixels(v.plot, v.points, w, h, v.chart.dpi)
	// The point farthest from all points elsewhere, so the tap is
	// unambiguous; points that coincide (strategies that fall back to
	// broadcast) load the first of them.
	pick, gap := -1, 0.0
	for i := range px {
		d := math.Inf(1)
		for j := range px {
			if e := math.Hypot(px[i][0]-px[j][0], px[i][1]-px[j][1]); e > 0 {
				d = math.Min(d, e)
			}
		}
		if d > gap && !math.IsInf(d, 1) {
			pick, gap = i, d
		}
	}
	if gap < 4 {
		t.Fatalf("no point stands apart (largest gap %.1f px)", gap)
	}
	for j := range pick {
		if px[j] == px[pick] {
			pick = j
			break
		}
	}
	size := v.chart.raster.Size()
	pos := fyne.NewPos(float32(px[pick][0])*size.Width/float32(w), float32(px[pick][1])*size.Height/float32(h))
	cell := v.res.Cells[pick]
	v.chart.Tapped(&fyne.PointEvent{Position: pos})
	checkLoaded(t, u, cell)
	if v.res == nil {
		t.Error("loading a setting from the view forgot the results")
	}

	// A row does the same.
	u.ShowTab("tradeoff")
	row := (pick + 5) % len(v.res.Cells)
	v.list.Select(row)
	checkLoaded(t, u, v.res.Cells[row])
	waitFor(t, q, "the loaded setting at step 0", func() bool { _, ok := u.Snapshot(); return ok })

	// Another scenario forgets the grid.
	other := testConfig(t)
	other.Seed = 99
	if err := u.Load(other); err != nil {
		t.Fatal(err)
	}
	if v.res != nil || v.list.Length() != 0 {
		t.Error("a new scenario kept the old grid")
	}
}

// checkLoaded checks that the app runs cell's setting in the campaign view.
func checkLoaded(t *testing.T, u *App, cell batch.TradeoffCell) {
	t.Helper()
	c := u.Config()
	if len(c.Arms) != 2 || c.Arms[1].Strategy != cell.Strategy {
		t.Errorf("loaded arms %+v, want control + %s", c.Arms, cell.Strategy)
	}
	r := cell.Regulation
	if c.Regulation.SpecialCategoriesBan != r.SpecialCategoriesBan || c.Regulation.PoliticalConsent != r.PoliticalConsent ||
		c.Regulation.TransparencyLabel != r.TransparencyLabel {
		t.Errorf("loaded regulation %+v, want preset %s", c.Regulation, r.Key)
	}
	if u.CurrentTab() != "campaign" {
		t.Errorf("tab %q, want campaign", u.CurrentTab())
	}
}

// TestArmColourSameInEveryView: an arm has one colour on the Campaign
// view's key, the campaign charts, the Population and Target views' arm
// pickers, the Target view's opinion line and the Trade-off chart and
// legend (issue 15: psychographic was orange on one tab, green on another).
func TestArmColourSameInEveryView(t *testing.T) {
	cfg, err := scenarios.Builtin("targeting-showdown")
	if err != nil {
		t.Fatal(err)
	}
	q := newQueue()
	// A small world without profiling: colours do not depend on it.
	small := func(c *sim.Config) { c.Population.Size, c.Data.QuizShare = 1500, 0 }
	small(&cfg)
	u := New(test.NewTempApp(t), cfg, Options{Do: q.do, Workers: 2, NoPrefs: true, Adjust: small})
	t.Cleanup(u.close)
	t.Cleanup(u.tradeoff.stop)
	u.Window.Resize(fyne.NewSize(1100, 760))
	waitFor(t, q, "step 0", func() bool { _, ok := u.Snapshot(); return ok })
	v := u.tradeoff
	v.pop, v.reps, v.steps = 300, 1, 4
	for want := 1; want <= 3; want++ {
		test.Tap(u.step)
		waitFor(t, q, "a step", func() bool { return step(u) >= want })
	}
	u.ShowTab("campaign")
	u.flushCharts()
	u.Window.Canvas().Capture()
	// The Campaign view's key.
	key := map[string]color.Color{}
	for _, o := range u.legend.Objects[1:] {
		row := o.(*fyne.Container).Objects
		sw := row[0].(*fyne.Container).Objects[0].(*canvas.Rectangle)
		key[row[1].(*widget.Label).Text] = sw.FillColor
	}
	byStrategy := map[string]color.Color{}
	for _, a := range u.cfg.Arms {
		c, ok := key[DisplayName(a.Name)]
		if !ok {
			t.Fatalf("arm %s missing from the key %v", a.Name, key)
		}
		byStrategy[a.Strategy] = c
	}
	// The campaign charts draw each arm's line in the key's colour, with
	// the other arms or alone (lines of arms that act alike coincide, so
	// each arm is drawn on its own too).
	u.Charts[0].mu.Lock()
	img := image.Image(u.Charts[0].img)
	u.Charts[0].mu.Unlock()
	if img == nil || !chartHasColour(img, key[DisplayName("control")]) {
		t.Fatal("the campaign chart was not drawn, or without the control arm")
	}
	res := u.last.Result
	for k, a := range res.Arms {
		one := res
		one.Arms = res.Arms[k : k+1]
		p, err := chart.Lines([]sim.Result{one}, "mean_opinion", chart.Options{Background: color.White})
		if err != nil {
			t.Fatal(err)
		}
		img := image.NewRGBA(image.Rect(0, 0, 400, 300))
		chart.Render(p, img, 96)
		if !chartHasColour(img, key[DisplayName(a.Name)]) {
			t.Errorf("campaign chart: %s not drawn in its key colour %v", a.Name, key[DisplayName(a.Name)])
		}
	}
	// Population and Target: the arm pickers' swatch and the opinion line.
	for k := 1; k < len(u.cfg.Arms); k++ {
		u.SetShownArm(k)
		want := key[DisplayName(u.cfg.Arms[k].Name)]
		for _, sw := range u.armSwatches {
			if sw.FillColor != want {
				t.Errorf("arm %s: picker swatch %v, key %v", u.cfg.Arms[k].Name, sw.FillColor, want)
			}
		}
		waitFor(t, q, "the shown arm", func() bool { s, ok := u.Snapshot(); return ok && s.ArmIndex == k })
		u.SelectAgent(3)
		u.target.update()
		if got := u.target.traceCol; got != want {
			t.Errorf("arm %s: target view's opinion line %v, key %v", u.cfg.Arms[k].Name, got, want)
		}
	}
	// Trade-off: its points and its legend.
	v.base = u.cfg
	computeGrid(t, q, v)
	for i, c := range chart.StrategyColours(v.points, darkCharts()) {
		if want, ok := byStrategy[v.points[i].Strategy]; ok && c != want {
			t.Errorf("trade-off point %s: %v, campaign key %v", v.points[i].Label, c, want)
		}
	}
	if len(v.legend.Objects) == 0 {
		t.Fatal("the trade-off view has no legend")
	}
	for _, o := range v.legend.Objects {
		row := o.(*fyne.Container).Objects
		c := row[0].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Circle).FillColor
		text := row[1].(*widget.Label).Text
		for s, want := range byStrategy {
			if strings.HasSuffix(text, "= "+DisplayName(s)) && c != want {
				t.Errorf("trade-off legend %q: %v, campaign key %v", text, c, want)
			}
		}
	}
}

// chartHasColour reports whether img has a pixel of colour c.
func chartHasColour(img image.Image, c color.Color) bool {
	r0, g0, b0, _ := c.RGBA()
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bb, _ := img.At(x, y).RGBA()
			if r>>8 == r0>>8 && g>>8 == g0>>8 && bb>>8 == b0>>8 {
				return true
			}
		}
	}
	return false
}
