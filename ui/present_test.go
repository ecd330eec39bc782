package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boomerang/sim"
)

func TestPresentationModeEnlargesAndHidesSettings(t *testing.T) {
	u, q := newTestApp(t)
	u.Window.Resize(fyne.NewSize(1920, 1080)) // a projector's full screen
	normal := theme.TextSize()
	if u.tabs.Items[len(u.tabs.Items)-1].Text != "Settings" {
		t.Fatalf("last tab = %q, want Settings", u.tabs.Items[len(u.tabs.Items)-1].Text)
	}
	n := len(u.tabs.Items)
	u.Window.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF5})
	q.drain()
	if !u.Presenting() {
		t.Fatal("F5 did not start presentation mode")
	}
	t.Cleanup(func() { u.SetPresentation(false) })
	settle(q, 20*time.Millisecond) // the scale for the window's size
	if got := len(u.tabs.Items); got != n-1 {
		t.Errorf("presentation mode shows %d tabs, want %d (no Settings)", got, n-1)
	}
	// 1/50 of the screen's height: 21.6 units on 1080.
	if big := theme.TextSize(); big < normal*1.5 || big > 1080/50+0.5 {
		t.Errorf("text size %.1f in presentation mode at 1920×1080, %.1f normally: want about %.1f", big, normal, 1080.0/50)
	}
	if !u.Window.FullScreen() {
		t.Error("presentation mode is not full screen")
	}
	// The run goes on in the rebuilt window.
	test.Tap(u.step)
	waitFor(t, q, "a step after the rebuild", func() bool { return step(u) == 1 })
	if u.StepLabel() != "Step 1 / 60" {
		t.Errorf("step label after rebuild = %q", u.StepLabel())
	}
	u.Window.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.Presenting() || theme.TextSize() != normal || len(u.tabs.Items) != n {
		t.Errorf("Escape: presenting=%v text %.1f tabs %d", u.Presenting(), theme.TextSize(), len(u.tabs.Items))
	}
}

func TestLanguageSwitchChangesLabels(t *testing.T) {
	u, q := newTestApp(t)
	t.Cleanup(func() { _ = SetLanguage("en") })
	if u.play.Text != "Play" || u.tabs.Items[0].Text != "Campaign" {
		t.Fatalf("English labels: play %q, first tab %q", u.play.Text, u.tabs.Items[0].Text)
	}
	u.language.SetSelected("NL")
	waitFor(t, q, "the Dutch window", func() bool { return u.play.Text == "Afspelen" })
	if u.tabs.Items[0].Text != "Campagne" || u.StepLabel() != "Stap 0 / 60" {
		t.Errorf("Dutch labels: first tab %q, counter %q", u.tabs.Items[0].Text, u.StepLabel())
	}
	if CurrentLanguage() != "nl" {
		t.Errorf("CurrentLanguage = %q", CurrentLanguage())
	}
	u.language.SetSelected("EN")
	waitFor(t, q, "the English window", func() bool { return u.play.Text == "Play" })
}

func TestReplicationsDrawBands(t *testing.T) {
	u, q := newTestApp(t)
	u.runs.SetSelected(u.runs.Options[1]) // 3 runs
	waitFor(t, q, "three replications", func() bool {
		s, ok := u.Snapshot()
		return ok && len(s.Replicas) == 2
	})
	u.Controller().Step()
	waitFor(t, q, "step 1 of every replication", func() bool {
		s, _ := u.Snapshot()
		return s.T == 1 && len(s.Replicas) == 2 && len(s.Replicas[1].Arms[0].Series) == 2
	})
	s, _ := u.Snapshot()
	if s.Replicas[0].Seed == s.Result.Seed || s.Replicas[0].Seed == s.Replicas[1].Seed {
		t.Errorf("replication seeds %d, %d, %d should differ", s.Result.Seed, s.Replicas[0].Seed, s.Replicas[1].Seed)
	}
	settle(q, 150*time.Millisecond)
	u.Window.Canvas().Capture() // the chart records a frame when painted
	if f, _ := u.Chart.LastFrame(); f.Replications != 3 {
		t.Errorf("chart drew %d replications, want 3", f.Replications)
	}
}

// TestWindowFitsProjectors checks the window's minimum size against the
// screens the app is made for: 1280×800 at FYNE_SCALE=1.5 (853×533
// units) normally; in presentation mode, which picks its own scale from
// the screen, 1920×1080, 1280×800 at FYNE_SCALE=1.5 and 1024×768 — for
// every view, with the story panel shown, in English and Dutch. At
// 1920×1080 each campaign chart must take a third of the screen's height.
func TestWindowFitsProjectors(t *testing.T) {
	u, q := newTestApp(t)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme()) // the real app's sizes, not the test theme's
	u.SelectAgent(7)                                            // the target view is taller with a person in it
	u.Window.Canvas().Capture()
	q.drain()
	if !u.story.has() {
		t.Fatal("the default scenario should show its story panel")
	}
	check := func(mode string, screen fyne.Size) {
		t.Helper()
		for _, name := range u.tabNames {
			u.ShowTab(name)
			if name != u.CurrentTab() {
				continue // Settings is hidden in presentation mode
			}
			if m := u.Window.Content().MinSize(); m.Width > screen.Width || m.Height > screen.Height {
				t.Errorf("%s, %s view: window needs %.0f×%.0f units, the screen has %.0f×%.0f",
					mode, name, m.Width, m.Height, screen.Width, screen.Height)
			}
		}
	}
	t.Cleanup(func() { u.SetPresentation(false); _ = SetLanguage("en") })
	projectors := []struct {
		name string
		size fyne.Size // in units: pixels / FYNE_SCALE
	}{
		{"1920×1080", fyne.NewSize(1920, 1080)},
		{"1280×800 at FYNE_SCALE=1.5", fyne.NewSize(1280/1.5, 800/1.5)},
		{"1024×768", fyne.NewSize(1024, 768)},
	}
	for _, code := range []string{"en", "nl"} {
		if err := u.SetLanguage(code); err != nil {
			t.Fatal(err)
		}
		u.SetPresentation(false)
		check(code+", FYNE_SCALE=1.5 on 1280×800", fyne.NewSize(1280/1.5, 800/1.5))
		for _, p := range projectors {
			u.SetPresentation(false)
			u.Window.Resize(p.size) // full screen on that projector
			u.SetPresentation(true)
			u.Window.Resize(p.size)
			settle(q, 20*time.Millisecond) // fit applies the screen's scale
			mode := code + ", presentation on " + p.name
			if want := presentScale(u.Window.Canvas().Size()); u.presentAt > want+0.01 || u.presentAt < want*0.85 {
				t.Errorf("%s: scale %.2f, want %.2f (or a little less where the width is short)", mode, u.presentAt, want)
			}
			check(mode, p.size)
			if p.size.Height < 1000 {
				continue
			}
			u.ShowTab("campaign")
			u.Window.Resize(p.size)
			for i, c := range u.Charts {
				if h := c.Size().Height; h < p.size.Height/3 {
					t.Errorf("%s: campaign chart %d is %.0f units high, less than a third of %.0f", mode, i, h, p.size.Height)
				}
			}
		}
	}
}

func TestDisplayNamesHaveDutch(t *testing.T) {
	nl := i18nDutch(t)
	for _, n := range knownNames {
		if _, ok := nl["name."+n]; !ok {
			t.Errorf("no Dutch for the name %q (key name.%s)", n, n)
		}
	}
	if DisplayName("my-own-arm") != "my-own-arm" || DisplayName("psychographic") != "psychographic" {
		t.Error("DisplayName should show unknown names as written, and English as the key's fallback")
	}
}

// TestCounterDoesNotWidenWindow: the step counter also says "Building
// the population…" (longer in Dutch) and "Could not build the scenario";
// a window never shrinks back to a smaller minimum, so a long message
// must not widen the toolbar (it did: 961 units at FYNE_SCALE=1.5 in
// Dutch, past a 1280-pixel screen).
func TestCounterDoesNotWidenWindow(t *testing.T) {
	u, _ := newTestApp(t)
	before := u.Window.Content().MinSize().Width
	u.counter.SetText(strings.Repeat("De bevolking wordt opgebouwd… ", 6))
	if after := u.Window.Content().MinSize().Width; after > before {
		t.Errorf("a long counter text widens the window from %.0f to %.0f units", before, after)
	}
}

func TestStoryPanelFolds(t *testing.T) {
	u, q := newTestApp(t)
	if !u.story.has() {
		t.Fatal("the default scenario has a story")
	}
	u.story.goTo(1)
	q.drain()
	open := u.storySide.MinSize().Width
	u.SetStoryHidden(true)
	folded := u.storySide.MinSize().Width
	if !u.StoryHidden() || folded >= open/2 {
		t.Errorf("folded story panel is %.0f units wide (open %.0f)", folded, open)
	}
	// The narrow button brings it back, on the same step.
	show := u.storySide.Objects[0].(*fyne.Container).Objects[0].(*widget.Button)
	test.Tap(show)
	if u.StoryHidden() || u.storySide.MinSize().Width != open || u.story.Page() != 1 {
		t.Errorf("after Story: hidden %v, width %.0f (want %.0f), page %d", u.StoryHidden(), u.storySide.MinSize().Width, open, u.story.Page())
	}
}

func TestMeanResultAveragesReplications(t *testing.T) {
	arm := func(name string, conv, extra int64, spend, attrs float64) sim.ArmResult {
		return sim.ArmResult{Name: name, Series: []sim.Metrics{{Step: 0}, {Step: 9, Conversions: conv,
			ConversionsVsControl: extra, Spend: spend, AttributesPerImpression: attrs, CostPerConversion: spend / float64(extra)}}}
	}
	a := sim.Result{Arms: []sim.ArmResult{arm("psychographic", 100, 10, 50, 4)}}
	b := sim.Result{Arms: []sim.ArmResult{arm("psychographic", 131, 1, 70, 6)}}
	m := MeanResult(a, []sim.Result{b})
	got := m.Arms[0].Series[1]
	if got.Conversions != 116 || got.ConversionsVsControl != 6 || got.Spend != 60 || got.AttributesPerImpression != 5 || got.Step != 9 {
		t.Errorf("mean row = %+v", got)
	}
	// Cost per extra conversion: mean spend / mean extra conversions (10),
	// not the mean of 5 and 70.
	if got.CostPerConversion != 10 {
		t.Errorf("cost per extra conversion = %v, want 10", got.CostPerConversion)
	}
	if a.Arms[0].Series[1].Conversions != 100 {
		t.Error("MeanResult changed its argument")
	}
	if r := MeanResult(a, nil); r.Arms[0].Series[1].Conversions != 100 {
		t.Error("without replicas the result should be unchanged")
	}
}

// TestShownArmSwitch: the population and target views can show any
// campaign arm, with its whole log and history, not only the last arm.
func TestShownArmSwitch(t *testing.T) {
	a := test.NewTempApp(t)
	q := newQueue()
	u := New(a, testConfig(t), Options{Do: q.do, StepDelay: 15 * time.Millisecond, Workers: 2, NoPrefs: true,
		Adjust: func(c *sim.Config) {
			c.Population.Size = 2000
			if c.Data.QuizShare > 0 {
				c.Data.QuizShare = 0.05 // enough quiz takers to train on at this size
			}
		}})
	t.Cleanup(u.close)
	waitFor(t, q, "step 0", func() bool { _, ok := u.Snapshot(); return ok })
	if err := u.LoadBuiltin("cambridge-analytica-2016"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, q, "the new scenario", func() bool {
		s, ok := u.Snapshot()
		return ok && s.World != nil && s.World.Config.Name == "cambridge-analytica-2016"
	})
	// Arms: control, broadcast, psychographic, demobilise: the views open
	// on psychographic, not on the demobiliser (its ads move turnout).
	if got := u.ShownArm(); got != 2 {
		t.Fatalf("shown arm = %d, want 2 (psychographic)", got)
	}
	if sel := u.armSels[1]; sel.Selected != DisplayName("psychographic") || len(sel.Options) != 3 {
		t.Errorf("target view's arm picker: %q of %v", sel.Selected, sel.Options)
	}
	targetSteps(t, u, q, 3)
	u.armSels[1].SetSelected(DisplayName("broadcast"))
	waitFor(t, q, "the broadcast arm", func() bool { s, _ := u.Snapshot(); return s.ArmIndex == 1 })
	s, _ := u.Snapshot()
	if s.Arm != "broadcast" || u.armSels[0].Selected != DisplayName("broadcast") {
		t.Errorf("shown %q, population picker %q", s.Arm, u.armSels[0].Selected)
	}
	series := s.Result.Arms[1].Series
	if n := series[len(series)-1].Impressions; int64(len(s.Log)) != n {
		t.Errorf("broadcast's log has %d impressions, its series %d", len(s.Log), n)
	}
	if len(s.History) != s.T+1 {
		t.Errorf("history has %d rows at step %d", len(s.History), s.T)
	}
	for i := range s.Opinions {
		if s.History[s.T][i] != s.Opinions[i] {
			t.Fatalf("history's last row is not the broadcast arm's opinions (person %d)", i)
		}
	}
	// Another scenario with other arms goes back to its default.
	if err := u.LoadBuiltin("broadcast-basics"); err != nil {
		t.Fatal(err)
	}
	if got := u.ShownArm(); got != 1 {
		t.Errorf("after loading broadcast-basics the shown arm is %d, want 1", got)
	}
}

// TestDefaultMessageNamesKnown: the default message library's names (one
// per appeal) are shown in Dutch too.
func TestDefaultMessageNamesKnown(t *testing.T) {
	cfg := testConfig(t)
	cfg.Messages = nil
	for _, m := range sim.MessageLibrary(cfg) {
		if !slices.Contains(knownNames, m.Name) {
			t.Errorf("default message %q is not in knownNames (no Dutch name)", m.Name)
		}
	}
}
