package ui

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"boomerang/sim"
	"boomerang/ui/play"
)

// newTargetTestApp opens the app on a small population and waits for step 0.
func newTargetTestApp(t *testing.T) (*App, *uiQueue) {
	t.Helper()
	a := test.NewTempApp(t)
	q := newQueue()
	cfg := testConfig(t)
	cfg.Population.Size = 800
	u := New(a, cfg, Options{Do: q.do, StepDelay: 15 * time.Millisecond, Workers: 2, NoPrefs: true,
		Adjust: func(c *sim.Config) { c.Population.Size = 800 }})
	t.Cleanup(u.close)
	u.Window.Resize(fyne.NewSize(1100, 700))
	waitFor(t, q, "step 0", func() bool { _, ok := u.Snapshot(); return ok })
	return u, q
}

// targetSteps presses Step n times and waits for them.
func targetSteps(t *testing.T, u *App, q *uiQueue, n int) {
	t.Helper()
	want := step(u) + n
	for range n {
		test.Tap(u.step)
	}
	waitFor(t, q, "the steps", func() bool { return step(u) == want })
	q.drain()
}

// targetLogCount counts person i's impressions in the snapshot's log.
func targetLogCount(s Snapshot, i int) (n int, first sim.Impression) {
	for _, e := range s.Log {
		if int(e.Agent) == i {
			if n == 0 {
				first = e
			}
			n++
		}
	}
	return n, first
}

// targetRow renders row id of the ads list as the list would.
func targetRow(p *targetView, id int) (what, why string) {
	o := p.ads.CreateItem()
	p.ads.UpdateItem(id, o)
	box := o.(*fyne.Container)
	return box.Objects[0].(*widget.Label).Text, box.Objects[1].(*widget.Label).Text
}

func TestTargetEmptyStateShowsHint(t *testing.T) {
	u, _ := newTargetTestApp(t)
	p := u.target
	u.ShowTab("target")
	if !p.hint.Visible() || p.body.Visible() {
		t.Errorf("nobody followed: hint visible %v, body visible %v", p.hint.Visible(), p.body.Visible())
	}
	if want := "Tap a dot in the Population view, or press Follow a random person."; p.hint.Text != want {
		t.Errorf("hint = %q", p.hint.Text)
	}
	if p.random.Disabled() {
		t.Error("Follow a random person is disabled once the population is there")
	}
}

func TestTargetListsAdsWithReasons(t *testing.T) {
	u, q := newTargetTestApp(t)
	p := u.target
	targetSteps(t, u, q, 6)
	s, _ := u.Snapshot()
	if len(s.Log) == 0 {
		t.Fatal("no impressions logged after 6 steps")
	}
	// The person with the most ads.
	counts := map[int]int{}
	best := -1
	for _, e := range s.Log {
		counts[int(e.Agent)]++
		if best < 0 || counts[int(e.Agent)] > counts[best] {
			best = int(e.Agent)
		}
	}
	u.SelectAgent(best)
	if u.CurrentTab() != "target" || p.agent != best {
		t.Fatalf("tab %q, following %d, want target and %d", u.CurrentTab(), p.agent, best)
	}
	if p.hint.Visible() || !p.body.Visible() {
		t.Error("following someone still shows the hint")
	}
	n, first := targetLogCount(s, best)
	if got := p.ads.Length(); got != n || n == 0 {
		t.Fatalf("the list shows %d ads, the log has %d for person %d", got, n, best)
	}
	what, why := targetRow(p, 0)
	if want := s.World.Explain(first.Exposure); why != want {
		t.Errorf("reason of the first ad = %q, want World.Explain's %q", why, want)
	}
	if !strings.Contains(what, s.World.Messages[first.Message].Name) {
		t.Errorf("first row %q does not name the ad %q", what, s.World.Messages[first.Message].Name)
	}
	if !strings.Contains(p.adsHead.Text, s.Arm) {
		t.Errorf("header %q does not name the arm %q", p.adsHead.Text, s.Arm)
	}
	// The profile names the person; the charts are drawn.
	// A liked page is listed by its title and, here only, what it loads on;
	// a world whose arms read no likes has none of its own, and the view
	// builds them off the UI goroutine.
	waitFor(t, q, "the likes", func() bool { return p.fp != nil })
	if s.World.Footprint != nil && p.fp != s.World.Footprint {
		t.Error("the view built likes the world has")
	}
	liked := p.fp.Likes.Of(p.agent)
	titled := slices.ContainsFunc(liked, func(pg uint16) bool { return strings.Contains(p.likes.Text, p.titles[pg]+" (") })
	if !strings.Contains(p.title.Text, "Person ") || !strings.Contains(p.traits.Text, "Ideology") || !titled {
		t.Errorf("profile: %q / %q / %q", p.title.Text, p.traits.Text, p.likes.Text)
	}
	u.Window.Canvas().Capture()
	q.drain()
	if p.draws < 2 {
		t.Errorf("%d charts drawn, want the inference and opinion charts", p.draws)
	}
	p.mu.Lock()
	steps, op := len(p.traceAds), len(p.traceOp)
	p.mu.Unlock()
	if op != s.T+1 || steps == 0 {
		t.Errorf("opinion chart: %d points for %d steps, %d ad steps", op, s.T, steps)
	}

	// More steps: the index reads only the new entries and the list grows.
	targetSteps(t, u, q, 4)
	settle(q, 120*time.Millisecond)
	s, _ = u.Snapshot()
	n, _ = targetLogCount(s, best)
	if got := p.ads.Length(); got != n {
		t.Errorf("after 4 more steps the list shows %d ads, the log has %d", got, n)
	}
	if p.read != len(s.Log) {
		t.Errorf("indexed %d of %d log entries", p.read, len(s.Log))
	}

	// Reset starts a new log: the index follows it.
	test.Tap(u.reset)
	waitFor(t, q, "reset", func() bool { return step(u) == 0 })
	if got := p.ads.Length(); got != 0 {
		t.Errorf("after reset the list shows %d ads", got)
	}
	targetSteps(t, u, q, 2)
	s, _ = u.Snapshot()
	n, first = targetLogCount(s, best)
	if got := p.ads.Length(); got != n {
		t.Errorf("after reset and 2 steps the list shows %d ads, the log has %d", got, n)
	}
	if n > 0 {
		if _, why := targetRow(p, 0); why != s.World.Explain(first.Exposure) {
			t.Errorf("after reset, reason %q", why)
		}
	}
}

func TestTargetCatchesUpWhenShown(t *testing.T) {
	u, q := newTargetTestApp(t)
	p := u.target
	targetSteps(t, u, q, 3)
	s, _ := u.Snapshot()
	agent := int(s.Log[0].Agent)
	u.SelectAgent(agent)
	u.ShowTab("campaign")
	u.Window.Canvas().Capture()
	before := p.now.Text
	targetSteps(t, u, q, 3)
	if !p.stale || p.now.Text != before {
		t.Errorf("off screen the view was updated (stale %v, %q → %q)", p.stale, before, p.now.Text)
	}
	u.ShowTab("target")
	u.Window.Canvas().Capture()
	q.drain()
	if p.stale || !strings.Contains(p.now.Text, "step 6") {
		t.Errorf("shown again: stale %v, %q", p.stale, p.now.Text)
	}
	s, _ = u.Snapshot()
	if n, _ := targetLogCount(s, agent); p.ads.Length() != n {
		t.Errorf("list %d, log %d", p.ads.Length(), n)
	}
}

func TestTargetWhoMovedMostAndBackfired(t *testing.T) {
	u, q := newTargetTestApp(t)
	p := u.target
	// Before any step nobody moved: the view says so and follows no one.
	test.Tap(p.most)
	if p.agent != -1 || !p.status.Visible() {
		t.Errorf("step 0: following %d, status %q", p.agent, p.status.Text)
	}
	targetSteps(t, u, q, 12)
	s, _ := u.Snapshot()
	stance := float32(1)
	if s.World.Config.Campaign.Stance < 0 {
		stance = -1
	}
	arg := func(sign float32) (int, float32) {
		best, bestD := -1, float32(0)
		for i := range s.Opinions {
			if d := sign * stance * (s.Opinions[i] - s.Control[i]); d > bestD {
				best, bestD = i, d
			}
		}
		return best, bestD
	}
	want, d := arg(1)
	if want < 0 {
		t.Fatal("nobody moved towards the campaign in 12 steps")
	}
	// The argmax is followed only if its line stands visibly off its
	// twin's (issue 15: it picked a person whose line lay on the twin's).
	test.Tap(p.most)
	switch {
	case d >= minVisibleMove && (p.agent != want || u.pop.Selected() != want || u.CurrentTab() != "target"):
		t.Errorf("Who moved most follows %d (population view %d), want the argmax %d (moved %+.3f)", p.agent, u.pop.Selected(), want, d)
	case d < minVisibleMove && (p.agent == want || !p.status.Visible() || !strings.Contains(p.status.Text, "too small")):
		t.Errorf("the largest move is %+.3f, too small to see, yet Who moved most follows %d (status %q)", d, p.agent, p.status.Text)
	}
	test.Tap(p.backfired)
	if want, d := arg(-1); d >= minVisibleMove {
		if p.agent != want {
			t.Errorf("Who backfired follows %d, want %d", p.agent, want)
		}
	} else if !p.status.Visible() {
		t.Error("nobody visibly backfired and the view does not say so")
	}
	// A person pulled visibly towards the campaign is who moved most.
	mv := s
	mv.Opinions = append([]float32(nil), s.Opinions...)
	j := len(mv.Opinions) / 4
	mv.Opinions[j] = s.Control[j] + 0.05*stance
	p.apply(mv)
	test.Tap(p.most)
	if p.agent != j {
		t.Errorf("Who moved most follows %d, want %d (moved +0.05 towards the campaign)", p.agent, j)
	}
	// A person pushed against the campaign is who backfired.
	bf := s
	bf.Opinions = append([]float32(nil), s.Opinions...)
	k := len(bf.Opinions) / 3
	bf.Opinions[k] = s.Control[k] - 0.5*stance
	p.apply(bf)
	test.Tap(p.backfired)
	if p.agent != k {
		t.Errorf("Who backfired follows %d, want %d (moved −0.5 against the campaign)", p.agent, k)
	}
	// Follow a random person: the PCG sequence of the world's seed.
	for k := range uint64(3) {
		test.Tap(p.random)
		want := rand.New(rand.NewPCG(s.World.Seed, k)).IntN(len(s.Opinions))
		if p.agent != want {
			t.Errorf("random press %d follows %d, want %d", k, p.agent, want)
		}
	}
}

func TestTargetTooLargeToLog(t *testing.T) {
	u, q := newTargetTestApp(t)
	p := u.target
	targetSteps(t, u, q, 2)
	s, _ := u.Snapshot()
	// The same snapshot as the controller sends for a population above
	// MaxLogAgents and MaxHistory: no log, no history.
	w := *s.World
	pop := *w.Pop
	pop.N = play.MaxLogAgents + 1
	w.Pop = &pop
	s.World, s.Log, s.History = &w, nil, nil
	p.apply(s)
	p.follow(3)
	u.ShowTab("target")
	if !strings.Contains(p.adsHead.Text, "not kept") || p.ads.Length() != 0 {
		t.Errorf("header %q, %d rows", p.adsHead.Text, p.ads.Length())
	}
	if !p.traceNote.Visible() {
		t.Error("no note that the opinion history is not kept")
	}
}

// TestTargetTranslations checks that every text of the view has a Dutch
// translation, and that the bundle avoids go-i18n's reserved keys.
func TestTargetTranslations(t *testing.T) {
	src, err := os.ReadFile("target.go")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("translations/target.nl.json")
	if err != nil {
		t.Fatal(err)
	}
	var nl map[string]string
	if err := json.Unmarshal(data, &nl); err != nil {
		t.Fatal(err)
	}
	keys := regexp.MustCompile(`lang\.L\("((?:[^"\\]|\\.)*)"\)`).FindAllStringSubmatch(string(src), -1)
	if len(keys) < 20 {
		t.Fatalf("found only %d texts", len(keys))
	}
	for _, k := range keys {
		if nl[k[1]] == "" {
			t.Errorf("no Dutch for %q", k[1])
		}
	}
	reserved := map[string]bool{"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
		"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true, "translation": true}
	for k, v := range nl {
		if reserved[strings.ToLower(k)] || strings.Contains(k, "{{") || strings.Contains(v, "{{") {
			t.Errorf("bundle key %q is not allowed", k)
		}
		if strings.Count(k, "%") != strings.Count(v, "%") {
			t.Errorf("%q and %q have different verbs", k, v)
		}
	}
}
