package ui

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"boomerang/scenarios"
	"boomerang/sim"
	"boomerang/sim/footprint"
)

// likeMeApp opens the app on a small world with an inference model (the
// targeting showdown on 3000 people, 3 % quiz takers) and waits until the
// "Someone like me" view has the world.
func likeMeApp(t *testing.T) (*App, *uiQueue) {
	t.Helper()
	cfg, err := scenarios.Builtin("targeting-showdown")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Population.Size = 3000
	cfg.Data.QuizShare = 0.03
	cfg.Campaign.Budget = 300
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	q := newQueue()
	u := New(a, cfg, Options{Do: q.do, StepDelay: 15 * time.Millisecond, Workers: 2, NoPrefs: true})
	t.Cleanup(u.close)
	u.Window.Resize(fyne.NewSize(1000, 700))
	waitFor(t, q, "the world", func() bool { return u.likeMe.world != nil })
	return u, q
}

// likeMeTexts collects the texts of the labels under o.
func likeMeTexts(o fyne.CanvasObject) map[string]bool {
	out := map[string]bool{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(o.Content)
		case *container.Split:
			walk(o.Leading)
			walk(o.Trailing)
		case *widget.Label:
			out[o.Text] = true
		}
	}
	walk(o)
	return out
}

// likeMePick searches page p and ticks its box, as a visitor would.
func likeMePick(t *testing.T, v *likeMeView, p uint16) {
	t.Helper()
	want := v.pageName(p)
	v.search.SetText(want)
	for _, o := range v.pageBox.Objects {
		if c, ok := o.(*widget.Check); ok && c.Text == want {
			if !c.Checked {
				test.Tap(c)
			}
			return
		}
	}
	t.Fatalf("searching %q does not offer %q", v.search.Text, want)
}

// likeMeAgent is the first agent the platform profiles with 10–30 likes.
func likeMeAgent(t *testing.T, w *sim.World) int {
	t.Helper()
	for i := range w.Pop.N {
		if n := w.Footprint.Likes.Count(i); w.Profiles.Visible[i] && n >= likeMeMinLikes && n <= likeMeMaxLikes {
			return i
		}
	}
	t.Fatal("no profiled agent with 10–30 likes")
	return -1
}

// The form filled with an existing agent's likes shows exactly the
// engine's inference for that agent; an empty or short form gives a
// hint, not an error.
func TestLikeMeShowsEngineInference(t *testing.T) {
	u, q := likeMeApp(t)
	v := u.likeMe
	w := v.world
	if w.Footprint.Model == nil {
		t.Fatal("no inference model in the test world")
	}
	if len(v.pageBox.Objects) != likeMeListed {
		t.Errorf("%d pages offered, want the %d most liked", len(v.pageBox.Objects), likeMeListed)
	}
	if form := likeMeTexts(v.root); !form["Nothing you enter here is stored or sent anywhere; it stays in this window."] {
		t.Errorf("the privacy note is not on the form: %v", form)
	}

	// Empty form: a hint, no result, no panic.
	test.Tap(v.show)
	settle(q, 50*time.Millisecond)
	if !v.hint.Visible() || !strings.Contains(v.hint.Text, "Pick") {
		t.Errorf("empty form: hint %q (visible %v)", v.hint.Text, v.hint.Visible())
	}
	if v.result != nil {
		t.Error("empty form produced a result")
	}

	// An agent the platform profiles, with 10–30 likes.
	agent := likeMeAgent(t, w)
	likes := w.Footprint.Likes.Of(agent)
	for _, p := range likes[:5] {
		likeMePick(t, v, p)
	}
	test.Tap(v.show)
	settle(q, 50*time.Millisecond)
	if !v.hint.Visible() || !strings.Contains(v.hint.Text, "at least") || v.result != nil {
		t.Errorf("5 likes: hint %q (visible %v), result %v", v.hint.Text, v.hint.Visible(), v.result != nil)
	}
	for _, p := range likes[5:] {
		likeMePick(t, v, p)
	}
	if want := fmt.Sprintf("%d picked", len(likes)); !strings.HasPrefix(v.count.Text, want) {
		t.Errorf("count %q, want %q…", v.count.Text, want)
	}
	v.gender.SetSelectedIndex(int(w.Pop.Gender[agent]))
	v.region.SetSelectedIndex(int(w.Pop.Region[agent]))

	test.Tap(v.show)
	waitFor(t, q, "the result", func() bool { return v.result != nil })
	if v.hint.Visible() {
		t.Errorf("hint still shown: %q", v.hint.Text)
	}
	r := v.result
	if !r.Visible || r.Confidence != w.Profiles.Confidence[agent] {
		t.Errorf("visible %v, confidence %v, engine %v", r.Visible, r.Confidence, w.Profiles.Confidence[agent])
	}
	for a := range sim.NumAttrs {
		engine := w.Profiles.Inferred[a][agent]
		if r.Inferred[a] != engine {
			t.Errorf("%s: view inferred %v, engine %v", a, r.Inferred[a], engine)
		}
		if got, want := v.rows[a].Text, formatInferred(a, engine); got != want {
			t.Errorf("%s: shown %q, engine's value reads %q", a, got, want)
		}
	}
	// One answer per arm, each said in words.
	texts := likeMeTexts(v.results)
	for _, ac := range w.Config.Arms {
		if !texts[ac.Name+" ("+ac.Strategy+")"] {
			t.Errorf("no answer for arm %s", ac.Name)
		}
	}
	if !texts["Broadcast buys ads for random users and uses no personal data."+
		" "+fmt.Sprintf("Only random ads, chosen without any data about you: a %.1f %% chance of one at step 1 (%q).", 100*r.Arms[1].Chance, "generic")] {
		t.Errorf("broadcast answer missing: %+v", r.Arms[1])
	}

	// A 31st like is refused with a hint.
	for p := uint16(0); len(v.picked) < likeMeMaxLikes; p++ {
		if !v.picked[p] {
			likeMePick(t, v, p)
		}
	}
	extra := uint16(0)
	for v.picked[extra] {
		extra++
	}
	likeMePick(t, v, extra)
	if len(v.picked) != likeMeMaxLikes || !v.hint.Visible() {
		t.Errorf("%d picked after a 31st, hint %q", len(v.picked), v.hint.Text)
	}

	// A new scenario being built: the view waits, and the button gives a hint.
	v.setWorld(nil)
	test.Tap(v.show)
	if v.result != nil || !v.show.Disabled() {
		t.Error("the view kept a result without a world")
	}
}

// likeMeChecks are the texts of the checks in box.
func likeMeChecks(box *fyne.Container) []string {
	var out []string
	for _, o := range box.Objects {
		if c, ok := o.(*widget.Check); ok {
			out = append(out, c.Text)
		}
	}
	return out
}

// Pages read like pages (made-up titles that never say what a like
// reveals), at least eight are in view, a search finds topics ("religion"
// finds the religious pages) and says when nothing matches, and picked
// pages sit in their own list, out of the search results.
func TestLikeMePagesSearchAndPicked(t *testing.T) {
	u, _ := likeMeApp(t)
	v := u.likeMe
	u.ShowTab("likeme")
	c := v.world.Footprint.Catalogue
	offered := likeMeChecks(v.pageBox)
	if len(offered) < likeMeRows {
		t.Fatalf("%d pages offered", len(offered))
	}
	for _, text := range offered {
		low := strings.ToLower(text)
		for _, bad := range []string{"page ", "(", "openness", "religio", "lesbian", "interest"} {
			if strings.Contains(low, bad) {
				t.Errorf("page label %q gives its loading away (%q)", text, bad)
			}
		}
	}
	rowH := widget.NewCheck("Ag", nil).MinSize().Height
	if h := v.pageScroll.Size().Height; h < likeMeRows*rowH {
		t.Errorf("the page list is %.0f high: fewer than %d rows of %.0f in view", h, likeMeRows, rowH)
	}

	v.search.SetText("religion")
	found := likeMeChecks(v.pageBox)
	if len(found) == 0 || v.noMatch.Visible() {
		t.Fatalf("searching religion: %d pages, no-match shown %v", len(found), v.noMatch.Visible())
	}
	for _, o := range v.pageBox.Objects {
		p := -1
		for id, ch := range v.checks {
			if ch == o {
				p = int(id)
			}
		}
		k, fan := c.InterestOf(max(p, 0))
		religious := c.Pages[max(p, 0)].Attribute == footprint.Religious && c.Pages[max(p, 0)].Sign > 0
		if p < 0 || !religious && !(fan && footprint.InterestName(k) == "religion and spirituality") {
			t.Errorf("searching religion offers page %d (%s)", p, c.TopicKey(max(p, 0)))
		}
	}
	v.search.SetText("xylophone quartz")
	if len(v.pageBox.Objects) != 0 || !v.noMatch.Visible() || !strings.Contains(v.noMatch.Text, "No page matches") {
		t.Errorf("a search without a match: %d pages, message %q (shown %v)", len(v.pageBox.Objects), v.noMatch.Text, v.noMatch.Visible())
	}

	// Picking moves a page to its own list; it leaves the results, also
	// of a search for its title, and unticking it brings it back.
	v.search.SetText("")
	first := v.pageBox.Objects[0].(*widget.Check)
	title := first.Text
	test.Tap(first)
	if got := likeMeChecks(v.pickedBox); len(got) != 1 || got[0] != title {
		t.Fatalf("picked list %q after picking %q", got, title)
	}
	v.search.SetText(title)
	if slices.Contains(likeMeChecks(v.pageBox), title) {
		t.Errorf("the picked page %q is offered again by a search for it", title)
	}
	test.Tap(v.pickedBox.Objects[0].(*widget.Check))
	if len(v.picked) != 0 || !slices.Contains(likeMeChecks(v.pageBox), title) || len(likeMeChecks(v.pickedBox)) != 0 {
		t.Errorf("after unticking: %d picked, offered %q", len(v.picked), likeMeChecks(v.pageBox))
	}
}

// A scenario without an inference model says so at the top of the view
// and offers one that has a model; its result says why nothing is known.
func TestLikeMeWithoutModel(t *testing.T) {
	u, q := newTestApp(t)
	v := u.likeMe
	waitFor(t, q, "the world", func() bool { return v.world != nil })
	if v.world.Footprint != nil && v.world.Footprint.Model != nil {
		t.Skip("the default scenario has a model")
	}
	if !v.noModel.Visible() || !strings.Contains(v.noModelText.Text, "no inference model") {
		t.Fatalf("no-model note %q (shown %v)", v.noModelText.Text, v.noModel.Visible())
	}
	var offer *widget.Button
	for _, o := range v.noModel.Objects[1].(*fyne.Container).Objects {
		offer = o.(*widget.Button)
	}
	test.Tap(offer)
	if u.cfg.Name != "targeting-showdown" && !strings.Contains(strings.ToLower(u.cfg.Name), "showdown") {
		t.Errorf("the offer loaded %q", u.cfg.Name)
	}
}

// lockedLog collects the standard logger's output (Fyne logs a missing
// translation there) from any goroutine.
type lockedLog struct {
	mu  sync.Mutex
	buf strings.Builder
}

// Write implements io.Writer.
func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// String is what was logged so far.
func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// captureLog sends the standard logger to a lockedLog for one test.
func captureLog(t *testing.T) *lockedLog {
	t.Helper()
	l := &lockedLog{}
	old := log.Writer()
	log.SetOutput(l)
	t.Cleanup(func() { log.SetOutput(old) })
	return l
}

// likeMeEnglish fails t when text holds one of answer a's English
// sentences (a sentence of fewer than 25 characters may be a message
// name or a number and is not checked).
func likeMeEnglish(t *testing.T, text string, a sim.ArmAnswer) {
	t.Helper()
	for _, p := range a.Says {
		if en := p.String(); len(en) >= 25 && strings.Contains(text, en) {
			t.Errorf("arm %s: the Dutch view shows the English %q", a.Arm, en)
		}
	}
}

// TestLikeMeDutchLogged: in Dutch, "Someone like me" shows every arm's
// answer in Dutch — no English sentence on screen — and Fyne logs no
// translation failure, for a profiled visitor, one who refuses tracking,
// and personas of the election scenario (demobilise) and of the
// interest-targeting scenario.
func TestLikeMeDutchLogged(t *testing.T) {
	i18nUseDutch(t)
	logged := captureLog(t)
	u, q := likeMeApp(t)
	v := u.likeMe
	w := v.world
	agent := likeMeAgent(t, w)
	for _, p := range w.Footprint.Likes.Of(agent) {
		likeMePick(t, v, p)
	}
	for _, tracking := range []bool{true, false} {
		v.result = nil
		v.tracking.SetChecked(tracking)
		test.Tap(v.show)
		waitFor(t, q, "the result", func() bool { return v.result != nil })
		texts := likeMeTexts(v.results)
		var shown strings.Builder
		for s := range texts {
			shown.WriteString(s + "\n")
		}
		if len(v.result.Arms) != len(w.Config.Arms) {
			t.Fatalf("%d answers for %d arms", len(v.result.Arms), len(w.Config.Arms))
		}
		for _, a := range v.result.Arms {
			if len(a.Says) == 0 {
				t.Errorf("arm %s: no sentence", a.Arm)
			}
			if nl := armSentence(w, a); !texts[nl] {
				t.Errorf("arm %s (tracking %v): %q is not on screen", a.Arm, tracking, nl)
			}
			likeMeEnglish(t, shown.String(), a)
		}
	}
	// The other strategies' sentences (demobilise, interests, the
	// regulation's refusals), straight from the engine.
	for _, name := range []string{"eu-election-2025", "weekend-event", "privacy-first"} {
		cfg, err := scenarios.Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Population.Size = 1500
		cfg.Data.QuizShare = max(cfg.Data.QuizShare, 0.03)
		ow, err := sim.BuildWorld(cfg, 3, 2)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 40 {
			p := ow.PersonaOf(i)
			p.Tracking = p.Tracking || i%2 == 0
			for _, a := range ow.LikeMe(p).Arms {
				nl := armSentence(ow, a)
				if nl == a.String() {
					t.Errorf("%s arm %s: not translated: %q", name, a.Arm, nl)
				}
				likeMeEnglish(t, nl, a)
			}
		}
	}
	if got := logged.String(); strings.Contains(got, "Translation failure") {
		t.Errorf("Fyne logged a translation failure in the Dutch like-me view:\n%s", got)
	}
}

// TestLikeMeDutchKeys: every sentence format the engine's "Someone like
// me" can say (sim/likeme_says.go and the strategies' explain methods:
// Phrase literals, say(...) calls and the say* constants) has a Dutch
// entry. The formats are not literals of this package, so the source
// scan of TestI18nCoverage cannot see them; TestLikeMeDutchLogged sees
// only the branches its personas reach.
func TestLikeMeDutchKeys(t *testing.T) {
	nl := i18nDutch(t)
	files, err := filepath.Glob("../sim/*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	formats := map[string]bool{}
	consts := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || !(strings.Contains(f, "likeme") || strings.Contains(f, "strategy_")) {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec: // const sayPilot = "…"
				for i, name := range n.Names {
					if i < len(n.Values) && strings.HasPrefix(name.Name, "say") {
						if lit, ok := n.Values[i].(*ast.BasicLit); ok {
							consts[name.Name] = lit.Value
						}
					}
				}
			case *ast.KeyValueExpr: // Phrase{Format: "…"}
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Format" {
					if lit, ok := n.Value.(*ast.BasicLit); ok {
						formats[lit.Value] = true
					}
				}
			case *ast.CallExpr: // say("…", …)
				if f, ok := n.Fun.(*ast.Ident); ok && f.Name == "say" && len(n.Args) > 0 {
					if lit, ok := n.Args[0].(*ast.BasicLit); ok {
						formats[lit.Value] = true
					}
				}
			}
			return true
		})
	}
	for _, v := range consts {
		formats[v] = true
	}
	if len(formats) < 25 {
		t.Fatalf("found only %d formats: the scan misses the engine's sentences", len(formats))
	}
	for quoted := range formats {
		f, err := strconv.Unquote(quoted)
		if err != nil {
			t.Fatal(err)
		}
		if f == "" || f == "%s" {
			continue
		}
		if _, ok := nl[f]; !ok {
			t.Errorf("like-me sentence %q has no Dutch in translations/*.nl.json", f)
		}
	}
}
