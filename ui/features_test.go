package ui

import (
	"bytes"
	"encoding/csv"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"boomerang/scenarios"
	"boomerang/sim"
)

// chartPixels draws the window and returns the first chart's image bytes.
func chartPixels(u *App) []byte {
	u.Window.Canvas().Capture()
	u.Chart.mu.Lock()
	defer u.Chart.mu.Unlock()
	return append([]byte(nil), u.Chart.img.Pix...)
}

func TestPlayChangesChartImage(t *testing.T) {
	u, q := newTestApp(t)
	before := chartPixels(u)
	test.Tap(u.play)
	waitFor(t, q, "step 5", func() bool { return step(u) >= 5 })
	test.Tap(u.play)
	waitFor(t, q, "pause", func() bool { s, _ := u.Snapshot(); return !s.Playing })
	settle(q, 150*time.Millisecond)
	after := chartPixels(u)
	if bytes.Equal(before, after) {
		t.Error("the chart image did not change after playing")
	}
	if f, _ := u.Chart.LastFrame(); f.T < 5 {
		t.Errorf("chart shows step %d", f.T)
	}
}

func TestSettingResetsRunWithNewValue(t *testing.T) {
	u, q := newTestApp(t)
	test.Tap(u.step)
	waitFor(t, q, "step 1", func() bool { return step(u) == 1 })
	e, msg := u.Field("campaign.budget")
	if e == nil {
		t.Fatal("no settings field for campaign.budget")
	}
	e.SetText("123")
	e.OnSubmitted(e.Text)
	if u.Config().Campaign.Budget != 123 {
		t.Fatalf("budget = %d, want 123", u.Config().Campaign.Budget)
	}
	waitFor(t, q, "the new run at step 0", func() bool { _, ok := u.Snapshot(); return ok })
	if s, _ := u.Snapshot(); s.T != 0 {
		t.Errorf("after the change the run is at step %d", s.T)
	}
	if msg.Visible() {
		t.Errorf("a good value shows a message: %q", msg.Text)
	}
	// The new value is used: a step now buys 123 impressions in the
	// broadcast arm.
	test.Tap(u.step)
	waitFor(t, q, "step 1", func() bool { return step(u) == 1 })
	s, _ := u.Snapshot()
	if got := s.Result.Arms[1].Series[1].Impressions; got > 123 || got == 0 {
		t.Errorf("broadcast impressions after one step = %d, want ≤ 123", got)
	}
}

func TestBadValueRefused(t *testing.T) {
	u, q := newTestApp(t)
	e, msg := u.Field("population.size")
	prev := u.Config()
	e.SetText("-5")
	e.OnSubmitted(e.Text)
	if !msg.Visible() || !strings.Contains(msg.Text, "population.size") {
		t.Errorf("message = %q (visible %v)", msg.Text, msg.Visible())
	}
	if e.Text != "1500" {
		t.Errorf("the field shows %q after the refusal, want the loaded 1500", e.Text)
	}
	if u.Config().Population.Size != prev.Population.Size {
		t.Error("the refused value was loaded")
	}
	if !strings.Contains(u.StatusText(), "Refused") {
		t.Errorf("status = %q", u.StatusText())
	}
	// Not a number at all, in the toolbar.
	u.seed.SetText("abc")
	u.seed.OnSubmitted("abc")
	if u.Config().Seed != prev.Seed || u.seed.Text != "1" && u.seed.Text == "abc" {
		t.Errorf("seed %d, field %q", u.Config().Seed, u.seed.Text)
	}
	// The run still works.
	test.Tap(u.step)
	waitFor(t, q, "step 1", func() bool { return step(u) == 1 })
}

func TestToolbarSeedAndSize(t *testing.T) {
	u, q := newTestApp(t)
	u.size.SetText("900")
	u.size.OnSubmitted("900")
	u.seed.SetText("77")
	u.seed.OnSubmitted("77")
	if c := u.Config(); c.Population.Size != 900 || c.Seed != 77 {
		t.Fatalf("size %d seed %d", c.Population.Size, c.Seed)
	}
	waitFor(t, q, "the new run", func() bool { s, ok := u.Snapshot(); return ok && s.Result.Seed == 77 })
	s, _ := u.Snapshot()
	if len(s.Opinions) != 900 {
		t.Errorf("%d agents, want 900", len(s.Opinions))
	}
}

func TestScenarioPicker(t *testing.T) {
	u, q := newTestApp(t)
	if len(u.scenario.Options) != len(scenarios.List()) {
		t.Errorf("%d choices, want %d", len(u.scenario.Options), len(scenarios.List()))
	}
	var target scenarios.Info
	for _, s := range scenarios.List() {
		if s.Name == "targeting-showdown" {
			target = s
		}
	}
	// Every scenario loaded from now on is shrunk, so the test stays quick.
	u.opt.Adjust = func(c *sim.Config) {
		for _, kv := range [][2]string{{"data.quiz_share", "0.05"}, {"population.size", "1500"}, {"steps", "8"}} {
			if err := scenarios.Set(c, kv[0], kv[1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	u.scenario.SetSelected(target.Title)
	if u.Config().Name != "targeting-showdown" {
		t.Fatalf("loaded %q", u.Config().Name)
	}
	if !strings.Contains(u.Window.Title(), "Targeting showdown") {
		t.Errorf("title %q", u.Window.Title())
	}
	waitFor(t, q, "step 0", func() bool { _, ok := u.Snapshot(); return ok })
	u.Controller().SetStepDelay(0)
	test.Tap(u.play)
	waitFor(t, q, "the end", func() bool { s, _ := u.Snapshot(); return s.Done })
	if c0, c1 := u.cards[0].caption.Text, u.cards[1].caption.Text; !strings.HasPrefix(c0, "conversions vs broadcast") || c1 != "personal attributes per impression" {
		t.Errorf("cards say %q, %q", c0, c1)
	}
	// At the end the status line sums the run up in one sentence.
	if st := u.StatusText(); !strings.Contains(st, "vs broadcast") || !strings.Contains(st, "personal attributes per impression") {
		t.Errorf("status at the end = %q", st)
	}
	if got := u.Legend(); len(got) != len(u.Config().Arms) {
		t.Errorf("legend %v", got)
	}
	if u.cards[0].Title() == "–" || u.cards[0].Title() == "" {
		t.Error("cards are empty")
	}
}

func TestOpenBadScenarioKeepsPrevious(t *testing.T) {
	u, _ := newTestApp(t)
	before := u.Config()
	bad := "name = \"bad\"\nsteps = 10\n[population]\nsize = -3\n"
	if err := u.OpenScenario("bad.toml", strings.NewReader(bad)); err == nil {
		t.Fatal("a bad scenario was accepted")
	}
	if u.Config().Name != before.Name || u.Config().Population.Size != before.Population.Size {
		t.Error("the previous scenario was replaced")
	}
}

func TestExportWritesFilesThatParse(t *testing.T) {
	u, q := newTestApp(t)
	for range 3 {
		test.Tap(u.step)
	}
	waitFor(t, q, "step 3", func() bool { return step(u) == 3 })
	dir := t.TempDir()
	png1 := filepath.Join(dir, "c.png")
	if err := u.ExportChart("conversions", png1); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(png1)
	img, err := png.Decode(f)
	f.Close()
	if err != nil || img.Bounds().Dx() != ExportWidth {
		t.Errorf("png: %v", err)
	}
	for _, ext := range []string{".svg", ".pdf"} {
		p := filepath.Join(dir, "c"+ext)
		if err := u.ExportChart("shift_vs_control", p); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(p); err != nil || st.Size() < 1000 {
			t.Errorf("%s: %v", ext, err)
		}
	}
	files, err := u.ExportData(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"steps.csv", "summary.csv"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(rows) < 2 {
			t.Errorf("%s: %d rows, %v", name, len(rows), err)
		}
		if name == "steps.csv" && len(rows) != 1+2*4 { // header + 2 arms × steps 0…3
			t.Errorf("steps.csv has %d rows", len(rows))
		}
	}
	if len(files) != 3 {
		t.Errorf("files %v", files)
	}
	data, err := os.ReadFile(filepath.Join(dir, "scenario.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := scenarios.Parse("scenario.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Population.Size != 1500 || cfg.Seed != u.Config().Seed {
		t.Errorf("re-parsed scenario: size %d seed %d", cfg.Population.Size, cfg.Seed)
	}
	if !strings.HasPrefix(u.baseName(), "broadcast-basics-seed") {
		t.Errorf("default name %q", u.baseName())
	}
}

func TestShortcuts(t *testing.T) {
	u, q := newTestApp(t)
	u.TypedKey(fyne.KeySpace)
	waitFor(t, q, "Space plays", func() bool { s, _ := u.Snapshot(); return s.Playing })
	u.TypedKey(fyne.KeySpace)
	waitFor(t, q, "Space pauses", func() bool { s, _ := u.Snapshot(); return !s.Playing })
	u.TypedKey(fyne.KeyR)
	waitFor(t, q, "R resets", func() bool { return step(u) == 0 })
	u.TypedKey(fyne.KeyRight)
	waitFor(t, q, "→ steps", func() bool { return step(u) == 1 })
	u.TypedKey(fyne.KeyF11)
	if !u.Window.FullScreen() {
		t.Error("F11 did not go full screen")
	}
	u.TypedKey(fyne.KeyF11)
	if u.Window.FullScreen() {
		t.Error("F11 did not leave full screen")
	}
	// Ctrl+E opens the export dialog.
	u.keys.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault})
	if n := len(u.Window.Canvas().Overlays().List()); n == 0 {
		t.Error("Ctrl+E opened no dialog")
	}
}

func TestPopulationViewSelectsAgent(t *testing.T) {
	u, q := newTestApp(t)
	u.tabs.SelectIndex(1)
	u.Window.Canvas().Capture()
	q.drain()
	u.pop.Tapped(&fyne.PointEvent{Position: fyne.NewPos(u.pop.Size().Width/2, u.pop.Size().Height/2)})
	i := u.pop.Selected()
	if i < 0 {
		t.Fatal("no agent selected")
	}
	if p := u.pop.Profile(i); !strings.Contains(p, "Trait: true / inferred") || !strings.Contains(p, "Openness") {
		t.Errorf("profile = %q", p)
	}
	if c := OpinionColour(-1); c.B < c.R {
		t.Error("against should be blue")
	}
	if c := OpinionColour(1); c.R < c.B {
		t.Error("for should be orange")
	}
}

func TestHeadlinesPlainWords(t *testing.T) {
	mk := func(name, strat string, conv, vsc int64, attrs, sens float64) sim.ArmResult {
		return sim.ArmResult{Name: name, Strategy: strat, Series: []sim.Metrics{{Conversions: conv, ConversionsVsControl: vsc,
			AttributesPerImpression: attrs, SensitiveShare: sens, CostPerConversion: 2}}}
	}
	run := func(b, p int64) sim.Result {
		return sim.Result{Arms: []sim.ArmResult{
			mk("control", "none", 100, 0, 0, 0),
			mk("broadcast", "broadcast", 100+b, b, 0, 0),
			mk("psychographic", "psychographic", 100+p, p, 4.3, 0.22),
		}}
	}
	h := HeadlinesFor([]sim.Result{run(100, 138), run(101, 140), run(99, 136)}, "", false)
	want := "Psychographic: +38 % conversions vs broadcast; 4.3 personal attributes per impression; 22 % of ads used a sensitive inference."
	if h.Sentence != want {
		t.Errorf("sentence = %q\nwant       %q", h.Sentence, want)
	}
	if c := h.Cards[0]; c.Value != "+38 %" || !strings.HasPrefix(c.Caption, "conversions vs broadcast (95 % CI +") {
		t.Errorf("clear difference card %+v", c)
	}
}

// Cards compare arms by paired differences over runs (issue 17): one run
// cannot tell; an interval that includes zero is "no clear difference";
// the best arm is chosen on the mean over runs, not on the shown run.
func TestHeadlinesPairedOverRuns(t *testing.T) {
	run := func(b, d, p int64) sim.Result {
		arm := func(name, strat string, v int64) sim.ArmResult {
			return sim.ArmResult{Name: name, Strategy: strat, Series: []sim.Metrics{{ConversionsVsControl: v}}}
		}
		return sim.Result{Arms: []sim.ArmResult{arm("control", "none", 0), arm("broadcast", "broadcast", b),
			arm("demographic", "demographic", d), arm("psychographic", "psychographic", p)}}
	}
	one := HeadlinesFor([]sim.Result{run(50, 62, 55)}, "", false)
	if c := one.Cards[0]; c.Value != "?" || c.Caption != "conversions vs broadcast: one run cannot tell +24 % from noise" {
		t.Errorf("one run: %+v", c)
	}
	// demographic wins the shown run, psychographic the mean; neither clearly
	noisy := HeadlinesFor([]sim.Result{run(50, 62, 55), run(60, 50, 75), run(55, 54, 70)}, "", false)
	if c := noisy.Cards[0]; c.Value != "≈" || !strings.HasPrefix(c.Caption, "no clear difference in conversions vs broadcast (95 % CI ") {
		t.Errorf("noisy runs: %+v", c)
	}
	if !strings.HasPrefix(noisy.Sentence, "Psychographic: no clear difference") {
		t.Errorf("best arm not chosen on the mean: %q", noisy.Sentence)
	}
	// broadcast against control: the shift and the extra conversions
	ctl := func(shift float64, extra int64) sim.Result {
		return sim.Result{Arms: []sim.ArmResult{{Name: "control", Strategy: "none", Series: []sim.Metrics{{}}},
			{Name: "broadcast", Strategy: "broadcast", Series: []sim.Metrics{{ShiftVsControl: shift, ConversionsVsControl: extra}}}}}
	}
	h := HeadlinesFor([]sim.Result{ctl(0.002, 50), ctl(0.0021, 48), ctl(0.0019, -3)}, "", false)
	if h.Cards[0].Value != "+0.0020" || h.Cards[1].Value != "≈" {
		t.Errorf("vs control cards %+v", h.Cards[:2])
	}
}

func TestPrefsRemember(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	p := a.Preferences()
	p.SetString(PrefScenario, "matz-2017")
	p.SetString(PrefSeed, "99")
	cfg, name, err := StartConfig(p)
	if err != nil || name != "matz-2017" || cfg.Seed != 99 {
		t.Errorf("start config %q seed %d, %v", name, cfg.Seed, err)
	}
	p.SetString(PrefScenario, "no-such")
	if _, name, _ := StartConfig(p); name != scenarios.DefaultName {
		t.Errorf("unknown remembered scenario gives %q", name)
	}
	p.SetFloat(PrefWidth, 900)
	p.SetFloat(PrefHeight, 600)
	if s, ok := RememberedSize(p); !ok || s.Width != 900 {
		t.Errorf("size %v %v", s, ok)
	}
}
