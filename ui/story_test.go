package ui

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boomerang/scenarios"
	"boomerang/sim"
)

// storyShrink keeps every scenario the story tests load small, so that a
// step's new world builds in well under a second on a shared machine.
func storyShrink(c *sim.Config) {
	c.Population.Size = 1500
	c.Opinion.BurnIn = min(c.Opinion.BurnIn, 20)
	if c.Data.QuizShare > 0 {
		c.Data.QuizShare = 0.05
	}
}

// newStoryTestApp opens the app on built-in scenario name (shrunk) and
// waits for step 0.
func newStoryTestApp(t *testing.T, name string) (*App, *uiQueue) {
	t.Helper()
	cfg, err := scenarios.Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	storyShrink(&cfg)
	a := test.NewTempApp(t)
	q := newQueue()
	u := New(a, cfg, Options{Do: q.do, StepDelay: 20 * time.Millisecond, Workers: 1,
		NoPrefs: true, Adjust: storyShrink, Scenario: name})
	t.Cleanup(u.close)
	u.Window.Resize(fyne.NewSize(1000, 640))
	waitFor(t, q, "step 0", func() bool { _, ok := u.Snapshot(); return ok })
	return u, q
}

// storyStep taps button b and waits until the new run is playing.
func storyStep(t *testing.T, u *App, q *uiQueue, b *widget.Button, page int) {
	t.Helper()
	test.Tap(b)
	if got := u.story.Page(); got != page {
		t.Fatalf("after the tap the story is on page %d, want %d", got, page)
	}
	waitFor(t, q, "the step's run to play", func() bool {
		s, ok := u.Snapshot()
		return ok && (s.Playing || s.T > 0)
	})
}

// shown is a story text as the panel shows it: trimmed, with the minus
// sign written as a hyphen.
func shown(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\u2212", "-") }

// filled is step k's text as the panel shows it: the placeholders filled
// from the scenario's measured numbers (issue 17).
func filled(name string, k int, text string, nl bool) string {
	return shown(scenarios.Fill(text, scenarios.StepValues(name, k), nl))
}

// wantStepConfig checks that the app runs exactly step k of base's story.
func wantStepConfig(t *testing.T, u *App, base sim.Config, k int) {
	t.Helper()
	want, err := scenarios.StepConfig(base, k)
	if err != nil {
		t.Fatal(err)
	}
	storyShrink(&want)
	if got := u.Config(); !reflect.DeepEqual(got, want) {
		t.Errorf("page %d: the app runs budget %d stubbornness %v, want budget %d stubbornness %v (or another key differs)",
			k, got.Campaign.Budget, got.Influence.Stubbornness, want.Campaign.Budget, want.Influence.Stubbornness)
	}
}

func TestStoryBroadcastBasicsNextBack(t *testing.T) {
	u, q := newStoryTestApp(t, "broadcast-basics")
	p := u.story
	base := u.Config()
	st := base.Story
	if !p.has() || len(u.storySide.Objects) == 0 {
		t.Fatal("broadcast-basics has a story, but the panel is not shown")
	}
	if len(st.Steps) != 3 {
		t.Fatalf("the story has %d steps; this test expects 3", len(st.Steps))
	}
	if p.title.Text != st.TitleEN {
		t.Errorf("title %q, want %q", p.title.Text, st.TitleEN)
	}
	if p.body.Text != shown(st.SummaryEN) {
		t.Errorf("page 0 shows %q, want the summary", p.body.Text)
	}
	if p.askBox.Visible() {
		t.Error("the summary has no question, but the question box shows")
	}
	if p.dotsText != "● ○ ○ ○" || !p.back.Disabled() || p.next.Disabled() {
		t.Errorf("page 0: dots %q, back disabled %v, next disabled %v", p.dotsText, p.back.Disabled(), p.next.Disabled())
	}

	// Next: step 1's text, question and settings, and the run plays.
	storyStep(t, u, q, p.next, 1)
	if p.body.Text != filled("broadcast-basics", 1, st.Steps[0].TextEN, false) || p.question.Text != st.Steps[0].QuestionEN {
		t.Errorf("page 1 shows %q / %q", p.body.Text, p.question.Text)
	}
	if !p.askBox.Visible() || p.ask.Text != "Ask the class:" {
		t.Errorf("the question is not set apart: visible %v, lead %q", p.askBox.Visible(), p.ask.Text)
	}
	if p.dotsText != "○ ● ○ ○" || p.where.Text != "Step 1 of 3" {
		t.Errorf("page 1: dots %q, %q", p.dotsText, p.where.Text)
	}
	if got := u.Config().Campaign.Budget; got != 2000 {
		t.Errorf("step 1 sets campaign.budget = 2000; the app has %d", got)
	}
	wantStepConfig(t, u, base, 1)

	storyStep(t, u, q, p.next, 2)
	if got := u.Config().Campaign.Budget; got != 8000 {
		t.Errorf("step 2 sets campaign.budget = 8000; the app has %d", got)
	}
	storyStep(t, u, q, p.next, 3)
	if got := u.Config().Influence.Stubbornness; got != 0.05 {
		t.Errorf("step 3 sets influence.stubbornness = 0.05; the app has %v", got)
	}
	if p.dotsText != "○ ○ ○ ●" || !p.next.Disabled() {
		t.Errorf("last page: dots %q, next disabled %v", p.dotsText, p.next.Disabled())
	}
	wantStepConfig(t, u, base, 3)

	// Back undoes a step's settings: step 2 has the original stubbornness.
	storyStep(t, u, q, p.back, 2)
	if got := u.Config().Influence.Stubbornness; got != base.Influence.Stubbornness {
		t.Errorf("back on step 2: stubbornness %v, want %v", got, base.Influence.Stubbornness)
	}
	wantStepConfig(t, u, base, 2)
	storyStep(t, u, q, p.back, 1)
	storyStep(t, u, q, p.back, 0)
	wantStepConfig(t, u, base, 0)
	if p.dotsText != "● ○ ○ ○" || p.body.Text != shown(st.SummaryEN) || !p.back.Disabled() {
		t.Errorf("back on page 0: dots %q, body %q", p.dotsText, p.body.Text)
	}
	// The scenario stayed the same all along: the picker did not reset
	// the story, and the window title is the scenario's.
	if u.Config().Name != "broadcast-basics" || !strings.Contains(u.Window.Title(), base.Title) {
		t.Errorf("scenario %q, title %q", u.Config().Name, u.Window.Title())
	}
}

func TestStoryDutch(t *testing.T) {
	if err := SetLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = SetLanguage("en") })
	u, q := newStoryTestApp(t, "broadcast-basics")
	p := u.story
	st := u.Config().Story
	if p.title.Text != st.TitleNL || p.body.Text != shown(st.SummaryNL) {
		t.Errorf("Dutch page 0: %q / %q", p.title.Text, p.body.Text)
	}
	if p.next.Text != "Volgende" || p.back.Text != "Terug" || p.where.Text != "Inleiding, daarna 3 stappen" {
		t.Errorf("Dutch buttons %q %q, %q", p.back.Text, p.next.Text, p.where.Text)
	}
	storyStep(t, u, q, p.next, 1)
	if p.body.Text != filled("broadcast-basics", 1, st.Steps[0].TextNL, true) || p.question.Text != st.Steps[0].QuestionNL {
		t.Errorf("Dutch page 1: %q / %q", p.body.Text, p.question.Text)
	}
	if p.ask.Text != "Vraag aan de klas:" || p.where.Text != "Stap 1 van 3" {
		t.Errorf("Dutch labels %q, %q", p.ask.Text, p.where.Text)
	}
}

// A setting changed in the middle of the story (here the seed) keeps the
// page and survives Next; another scenario starts its own story, and one
// without a story hides the panel.
func TestStoryFollowsScenarioChanges(t *testing.T) {
	u, q := newStoryTestApp(t, "broadcast-basics")
	p := u.story
	storyStep(t, u, q, p.next, 1)
	storyStep(t, u, q, p.next, 2)
	if err := u.SetValue("seed", "77"); err != nil {
		t.Fatal(err)
	}
	if p.Page() != 2 {
		t.Errorf("after changing the seed the story is on page %d, want 2", p.Page())
	}
	storyStep(t, u, q, p.next, 3)
	if c := u.Config(); c.Seed != 77 || c.Influence.Stubbornness != 0.05 {
		t.Errorf("page 3 after the seed change: seed %d, stubbornness %v", c.Seed, c.Influence.Stubbornness)
	}

	if err := u.LoadBuiltin("opinion-lab"); err != nil {
		t.Fatal(err)
	}
	lab := u.Config().Story
	if p.Page() != 0 || p.title.Text != lab.TitleEN || len(u.storySide.Objects) == 0 {
		t.Errorf("opinion-lab: page %d, title %q", p.Page(), p.title.Text)
	}
	if want := progressDots(0, len(lab.Steps)); p.dotsText != want {
		t.Errorf("opinion-lab dots %q, want %q", p.dotsText, want)
	}
	// every built-in has a story now: a scenario without one is a user's file
	plain, err := scenarios.Builtin("targeting-showdown")
	if err != nil {
		t.Fatal(err)
	}
	plain.Story = sim.Story{}
	if err := u.Load(plain); err != nil {
		t.Fatal(err)
	}
	if p.has() || len(u.storySide.Objects) != 0 {
		t.Error("a scenario without a story, but the panel shows")
	}
	waitFor(t, q, "step 0 of targeting-showdown", func() bool { _, ok := u.Snapshot(); return ok })
}

// A rebuilt window (presentation mode, language) keeps the story's page
// when the app hands the old panel over with keep; and the panel fits
// its 300-unit column, in presentation mode too.
func TestStoryKeepAndWidth(t *testing.T) {
	u, q := newStoryTestApp(t, "broadcast-basics")
	storyStep(t, u, q, u.story.next, 1)
	storyStep(t, u, q, u.story.next, 2)
	fresh := newStoryPanel(u)
	fresh.keep(u.story, u.Config())
	if fresh.Page() != 2 || fresh.body.Text != filled("broadcast-basics", 2, u.Config().Story.Steps[1].TextEN, false) {
		t.Errorf("kept page %d, body %q", fresh.Page(), fresh.body.Text)
	}
	if w := u.story.content().MinSize().Width; w > 300 {
		t.Errorf("the panel needs %.0f units of width, more than its 300", w)
	}
	fyne.CurrentApp().Settings().SetTheme(scaledTheme{theme.DefaultTheme(), PresentationScale})
	t.Cleanup(func() { fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme()) })
	big := newStoryPanel(u)
	big.keep(u.story, u.Config())
	if w := big.content().MinSize().Width; w > 300 {
		t.Errorf("in presentation mode the panel needs %.0f units of width, more than its 300", w)
	}
	// Text wraps in the column rather than widening it.
	w := test.NewWindow(container.New(&minWidth{w: 300}, big.content()))
	defer w.Close()
	w.Resize(fyne.NewSize(300, 500))
	if got := w.Canvas().Size().Width; got > 320 {
		t.Errorf("window grew to %.0f wide", got)
	}
	if h := big.body.MinSize().Height; h < 3*big.ask.MinSize().Height {
		t.Errorf("the step text does not wrap at 300 units (height %.0f)", h)
	}
}
