package ui

import (
	"cmp"
	"fmt"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"gonum.org/v1/plot"

	"boomerang/chart"
	"boomerang/sim"
	"boomerang/sim/footprint"
	"boomerang/sim/population"
	"boomerang/ui/play"
)

// The target ("prey") view shows one person as the campaign sees them:
// who they really are, the likes that give them away, what the platform
// inferred from those likes next to the truth, every ad they received in
// the shown arm and why they were picked, and their opinion over time
// next to their twin in the control arm.
//
// The per-impression log (Snapshot.Log) is shared and append-only, and
// may hold hundreds of thousands of entries: the view indexes it
// incrementally, person by person, remembering how far it has read, so a
// snapshot costs only its new entries and following someone else costs
// nothing. Charts are gonum/plot images (chart.ProfileBars,
// chart.OpinionTrace) drawn by raster generators, so they are only drawn
// when painted; while the view is off screen nothing but the index is
// updated and the view catches up when it is shown again.

// targetTopLikes is how many of a person's likes the view lists: the most
// telling ones, which is what a student needs to see how likes give a
// person away; the rest is a count.
const targetTopLikes = 8

// targetView is the Target tab: one person as the campaign sees them.
// All its methods run on the UI goroutine; the raster generators read
// what mu guards.
type targetView struct {
	armBox *fyne.Container // holds the app's arm picker
	u      *App
	agent  int // the person followed, or -1

	root      *targetRoot
	left      *container.Scroll
	hint      *widget.Label
	body      fyne.CanvasObject
	title     *widget.Label
	now       *widget.Label
	status    *widget.Label
	traits    *widget.Label
	likes     *widget.Label
	barsR     *canvas.Raster
	traceR    *canvas.Raster
	traceNote *widget.Label
	adsHead   *widget.Label
	ads       *widget.List
	adDetail  *widget.Label
	random    *widget.Button
	most      *widget.Button
	backfired *widget.Button

	snap  Snapshot
	has   bool
	world *sim.World
	// titles are the world's page titles (footprint.Catalogue.Titles).
	titles []string
	// fp is the footprint shown: the world's, or, when the world has none
	// (no arm reads likes), one built on demand off the UI goroutine
	// (lazyFootprint); nil until then.
	fp *footprint.Footprint
	// fpFor is the world whose footprint is being built or was built.
	fpFor *sim.World

	// The log index: byAgent[i] are the positions in log of person i's
	// impressions, for the first read entries of log; base is the log's
	// first entry, which tells a new run's log from the old one's.
	log     []sim.Impression
	read    int
	base    *sim.Impression
	byAgent [][]int32

	clicks uint64 // presses of "Follow a random person" since the scenario was loaded

	shownAds int       // rows the ads list showed at its last refresh
	stale    bool      // a snapshot arrived while the view was off screen
	lastDraw time.Time // last per-snapshot update (throttled to MaxFPS)
	pending  bool      // a trailing update is scheduled

	mu       sync.Mutex // guards what the generators read
	barRows  []chart.ProfileRow
	traceOp  []float64
	traceCol color.Color // the shown arm's colour (nil: not known)
	traceAds []int
	traceCtl float64
	traceMax int
	traceWho string
	barsImg  *image.RGBA
	traceImg *image.RGBA
	draws    int // charts drawn (tests)
}

// targetRoot is the tab's content. The tabs container shows and hides its
// content as the user switches tabs: Show is the moment to catch up on
// the snapshots that arrived while the view was hidden.
type targetRoot struct {
	widget.BaseWidget
	p   *targetView
	obj fyne.CanvasObject
}

// CreateRenderer implements fyne.Widget.
func (r *targetRoot) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.obj) }

// Show implements fyne.CanvasObject: it brings the view up to date.
func (r *targetRoot) Show() {
	r.BaseWidget.Show()
	r.p.shown()
}

// shown brings the view up to date when it comes to the front (the app
// calls it when its tab is selected: a scroller around the view is what
// the tabs show and hide).
func (p *targetView) shown() {
	if p.stale {
		p.update()
	}
}

func newTargetView(u *App) *targetView {
	p := &targetView{u: u, agent: -1}
	p.hint = wrapLabel(lang.L("Tap a dot in the Population view, or press Follow a random person."))
	p.hint.Alignment = fyne.TextAlignCenter
	p.title = wrapLabel("")
	p.title.TextStyle.Bold = true
	p.now = wrapLabel("")
	p.status = wrapLabel("")
	p.status.Hide()
	p.traits = wrapLabel("")
	p.likes = wrapLabel("")
	p.traceNote = wrapLabel("")
	p.traceNote.Hide()
	p.adsHead = wrapLabel("")
	p.adsHead.TextStyle.Bold = true
	p.adDetail = wrapLabel(lang.L("Select an ad to read why this person was picked in full."))

	p.barsR = canvas.NewRaster(p.drawBars)
	p.barsR.SetMinSize(fyne.NewSize(440, 470))
	p.traceR = canvas.NewRaster(p.drawTrace)
	p.traceR.SetMinSize(fyne.NewSize(360, 230))

	p.ads = widget.NewList(p.adCount, p.newAdRow, p.updateAdRow)
	p.ads.OnSelected = func(id widget.ListItemID) {
		if e, ok := p.adAt(id); ok {
			line, why := p.describe(e)
			p.adDetail.SetText(line + "\n" + lang.L("Why this person:") + " " + why)
		}
	}

	p.random = widget.NewButtonWithIcon(lang.L("Follow a random person"), theme.ViewRefreshIcon(), p.followRandom)
	p.most = widget.NewButtonWithIcon(lang.L("Who moved most"), theme.MoveUpIcon(), func() { p.followExtreme(true) })
	p.backfired = widget.NewButtonWithIcon(lang.L("Who backfired"), theme.MoveDownIcon(), func() { p.followExtreme(false) })
	for _, b := range []*widget.Button{p.random, p.most, p.backfired} {
		b.Disable()
	}

	p.left = container.NewVScroll(container.NewVBox(p.traits, p.likes, p.barsR))
	adsBox := container.NewBorder(p.adsHead, p.adDetail, nil, nil, p.ads)
	right := container.NewVSplit(container.NewBorder(nil, p.traceNote, nil, nil, p.traceR), adsBox)
	right.Offset = 0.45
	split := container.NewHSplit(p.left, right)
	split.Offset = 0.45
	p.body = container.NewBorder(container.NewVBox(p.title, p.now), nil, nil, nil, split)
	p.body.Hide()
	p.armBox = container.NewHBox()
	top := container.NewVBox(container.NewHBox(p.armBox, p.random, p.most, p.backfired), p.status)
	p.root = &targetRoot{p: p, obj: container.NewBorder(top, nil, nil, nil,
		container.NewStack(p.body, container.NewCenter(container.New(&minWidth{w: 360}, p.hint))))}
	p.root.ExtendBaseWidget(p.root)
	return p
}

// content is the tab's content.
func (p *targetView) content() fyne.CanvasObject { return p.root }

// onScreen is the cheap test before redrawing: the tabs container hides
// the content of every tab but the selected one.
func (p *targetView) onScreen() bool {
	// The app wraps the view in a scroller, which the tabs hide instead
	// of the view: ask the app which tab is in front.
	if p.u != nil && p.u.tabs != nil && p.u.CurrentTab() != "target" {
		return false
	}
	return p.root.Visible() && p.root.Size().Width > 0
}

// apply implements snapshotShower: it shows the latest state (UI goroutine). The log is indexed
// at once (only its new entries); the rest waits until the view is on
// screen, and is throttled to MaxFPS while the run plays.
func (p *targetView) apply(s Snapshot) {
	if s.World == nil || len(s.Opinions) == 0 {
		return
	}
	if s.World != p.world {
		p.world = s.World
		p.setFootprint(s.World.Footprint)
		p.resetIndex()
		if p.agent >= s.World.Pop.N {
			p.agent = -1
		}
		p.snap, p.has = s, true
		p.index(s.Log)
		for _, b := range []*widget.Button{p.random, p.most, p.backfired} {
			b.Enable()
		}
		p.follow(p.agent) // a new world: the person's traits and likes are new too
		return
	}
	p.snap, p.has = s, true
	p.index(s.Log)
	if p.agent < 0 {
		return
	}
	if !p.onScreen() {
		p.stale = true
		return
	}
	p.requestUpdate()
}

// requestUpdate updates the view now, or once 1/MaxFPS after the last
// update: a fast run publishes far more snapshots than anyone can read.
func (p *targetView) requestUpdate() {
	interval := time.Second / MaxFPS
	since := time.Since(p.lastDraw)
	if since >= interval || !p.snap.Playing {
		p.update()
		return
	}
	if p.pending {
		return
	}
	p.pending = true
	time.AfterFunc(interval-since, func() {
		p.u.do(func() {
			p.pending = false
			if p.onScreen() {
				p.update()
			} else {
				p.stale = true
			}
		})
	})
}

// resetIndex forgets the log index (a new world or a new run).
func (p *targetView) resetIndex() {
	p.log, p.read, p.base = nil, 0, nil
	for i := range p.byAgent {
		p.byAgent[i] = p.byAgent[i][:0]
	}
	if p.world == nil || len(p.byAgent) != p.world.Pop.N {
		p.byAgent = nil
	}
	p.shownAds = -1
}

// index reads the entries of log it has not read yet. A log that is
// shorter, or starts elsewhere, is a new run's (Reset, Play again).
func (p *targetView) index(log []sim.Impression) {
	if len(log) < p.read || (len(log) > 0 && p.base != nil && &log[0] != p.base) {
		p.resetIndex()
	}
	p.log = log
	if len(log) == 0 {
		return
	}
	p.base = &log[0]
	if p.byAgent == nil {
		p.byAgent = make([][]int32, p.world.Pop.N)
	}
	for k := p.read; k < len(log); k++ {
		a := log[k].Agent
		if a >= 0 && int(a) < len(p.byAgent) {
			p.byAgent[a] = append(p.byAgent[a], int32(k))
		}
	}
	p.read = len(log)
}

// entries are the log positions of the followed person's impressions.
func (p *targetView) entries() []int32 {
	if p.agent < 0 || p.agent >= len(p.byAgent) {
		return nil
	}
	return p.byAgent[p.agent]
}

// logged reports whether the controller logs impressions for this
// run (LogsImpressions): a nil log at step 0 is only empty.
func (p *targetView) logged() bool {
	return p.log != nil || (p.world != nil && play.LogsImpressions(p.world.Config, p.world.Pop.N))
}

// follow makes agent i the person shown (UI goroutine); -1 shows the
// hint.
func (p *targetView) follow(i int) {
	p.status.Hide()
	if !p.has || i < 0 || i >= len(p.snap.Opinions) {
		p.agent = -1
		if i >= 0 && !p.has {
			p.agent = i // shown once the population is there
		}
		p.body.Hide()
		p.hint.Show()
		return
	}
	p.agent = i
	p.hint.Hide()
	p.body.Show()
	p.title.SetText(p.headline(i))
	p.traits.SetText(p.traitText(i))
	p.likes.SetText(p.likeText(i))
	p.mu.Lock()
	p.barRows = p.profileRows(i)
	p.mu.Unlock()
	p.barsR.Refresh()
	p.shownAds = -1
	p.ads.UnselectAll()
	p.ads.ScrollToTop()
	p.adDetail.SetText(lang.L("Select an ad to read why this person was picked in full."))
	p.update()
}

// setFootprint shows fp's likes and visibility (nil: none yet).
func (p *targetView) setFootprint(fp *footprint.Footprint) {
	p.fp, p.titles = fp, nil
	if fp != nil && fp.Catalogue != nil {
		p.titles = fp.Catalogue.Titles()
	}
}

// needFootprint starts building the footprint of a world that has none,
// once per world; the person followed is shown again when it is there.
func (p *targetView) needFootprint() {
	w := p.world
	if p.fp != nil || w == nil || p.fpFor == w {
		return
	}
	p.fpFor = w
	lazyFootprint(p.u, w, func(fp *footprint.Footprint) {
		if p.world != w {
			return // another scenario meanwhile
		}
		p.setFootprint(fp)
		if p.agent >= 0 && p.has {
			p.follow(p.agent)
		}
	})
}

// scenarioChanged implements scenarioWatcher: it forgets the population
// (a new scenario is being built).
func (p *targetView) scenarioChanged(sim.Config) {
	p.agent, p.has, p.world, p.snap = -1, false, nil, Snapshot{}
	p.fp, p.fpFor, p.titles = nil, nil, nil
	p.clicks = 0
	p.byAgent = nil
	p.mu.Lock()
	p.barRows, p.traceOp = nil, nil
	p.mu.Unlock()
	p.resetIndex()
	p.stale = false
	for _, b := range []*widget.Button{p.random, p.most, p.backfired} {
		b.Disable()
	}
	p.status.Hide()
	p.body.Hide()
	p.hint.Show()
}

// update shows what changes from step to step: the person's opinion now,
// their ads and the opinion chart.
func (p *targetView) update() {
	p.stale = false
	p.lastDraw = time.Now()
	i := p.agent
	if !p.has || i < 0 || i >= len(p.snap.Opinions) {
		return
	}
	s := &p.snap
	conv := lang.L("no")
	if i < len(s.Converted) && s.Converted[i] {
		conv = lang.L("yes")
	}
	ctl := math.NaN()
	if i < len(s.Control) {
		ctl = float64(s.Control[i])
	}
	p.now.SetText(trf("In the %s arm at step %d: opinion %+.2f (the same person without ads, in the control arm: %+.2f) · converted: %s",
		DisplayName(s.Arm), s.T, s.Opinions[i], ctl, conv))

	rows := p.entries()
	if n := len(rows); n != p.shownAds {
		if n < p.shownAds { // a new run: the selected ad is gone
			p.ads.UnselectAll()
			p.adDetail.SetText(lang.L("Select an ad to read why this person was picked in full."))
		}
		p.shownAds = n
		p.ads.Refresh()
	}
	switch {
	case !p.logged():
		p.adsHead.SetText(trf("Ads in the %s arm: %d. The list of each ad is not kept for runs this large (above %d people or %d million impressions); make the population or the campaign smaller to see it.",
			DisplayName(s.Arm), p.impressions(i), play.MaxLogAgents, play.MaxLogImpressions/1_000_000))
	default:
		p.adsHead.SetText(trf("Ads received in the %s arm: %d", DisplayName(s.Arm), len(rows)))
	}

	// The opinion chart: the shown arm's history of this person.
	var op []float64
	if s.History != nil {
		op = make([]float64, len(s.History))
		for t, row := range s.History {
			op[t] = float64(row[i])
		}
		p.traceNote.Hide()
	} else {
		op = []float64{float64(s.Opinions[i])}
		p.traceNote.SetText(lang.L("The opinion history is not kept for populations this large: only the opinion now is shown."))
		p.traceNote.Show()
	}
	var steps []int
	for _, k := range rows {
		if t := p.log[k].Step; len(steps) == 0 || steps[len(steps)-1] != t {
			steps = append(steps, t)
		}
	}
	p.mu.Lock()
	p.traceOp, p.traceAds, p.traceCtl, p.traceMax = op, steps, ctl, s.Steps
	p.traceCol = resultArmColour(s.Result, s.ArmIndex)
	p.traceWho = trf("Opinion of person %d", i)
	p.mu.Unlock()
	p.traceR.Refresh()
}

// impressions is how many ads person i has had in the shown arm.
func (p *targetView) impressions(i int) int {
	if i < len(p.snap.Impressions) {
		return int(p.snap.Impressions[i])
	}
	return 0
}

// headline names the person in one line.
func (p *targetView) headline(i int) string {
	pop := p.world.Pop
	gender := lang.L("woman")
	if pop.Gender[i] == 1 {
		gender = lang.L("man")
	}
	return trf("Person %d: %s, %d years old, %s", i, gender, pop.Age[i], regionName(p.world, int(pop.Region[i])))
}

// yesNo is "yes" or "no" in the current language.
func yesNo(b bool) string {
	if b {
		return lang.L("yes")
	}
	return lang.L("no")
}

// at reads an optional per-person slice: special categories may be
// missing from a population.
func at[T any](s []T, i int) (T, bool) {
	var zero T
	if i < len(s) {
		return s[i], true
	}
	return zero, false
}

// traitText is the person's true traits, short enough to read aloud.
func (p *targetView) traitText(i int) string {
	pop := p.world.Pop
	var b strings.Builder
	b.WriteString(lang.L("Who this person really is") + "\n")
	edu := [...]string{lang.L("low"), lang.L("middle"), lang.L("high")}
	if e, ok := at(pop.Education, i); ok && int(e) < len(edu) {
		b.WriteString(trf("Education: %s", edu[e]))
		b.WriteString("\n")
	}
	side := lang.L("left")
	if pop.Ideology[i] > 0 {
		side = lang.L("right")
	}
	b.WriteString(trf("Ideology: %+.1f (%s)", pop.Ideology[i], side))
	if party, ok := at(pop.Party, i); ok {
		name := lang.L("left party")
		if party == population.PartyRight {
			name = lang.L("right party")
		}
		fmt.Fprintf(&b, " · "+lang.L("prefers the %s"), name)
	}
	b.WriteString("\n")
	b.WriteString(trf("Personality (Big Five, 0 = average): openness %+.1f · conscientiousness %+.1f · extraversion %+.1f · agreeableness %+.1f · neuroticism %+.1f",
		pop.Openness[i], pop.Conscientiousness[i], pop.Extraversion[i], pop.Agreeableness[i], pop.Neuroticism[i]))
	b.WriteString("\n")
	b.WriteString(trf("Susceptibility %.2f · privacy concern %.2f · media literacy %.2f (0 to 1)",
		pop.Susceptibility[i], pop.PrivacyConcern[i], pop.MediaLiteracy[i]))
	var special []string
	if v, ok := at(pop.Migrant, i); ok {
		special = append(special, trf("migration background: %s", yesNo(v)))
	}
	if v, ok := at(pop.Religious, i); ok {
		special = append(special, trf("religious: %s", yesNo(v)))
	}
	if v, ok := at(pop.LGB, i); ok {
		special = append(special, trf("lesbian, gay or bisexual: %s", yesNo(v)))
	}
	if v, ok := at(pop.HealthCondition, i); ok {
		special = append(special, trf("chronic health condition: %s", yesNo(v)))
	}
	if len(special) > 0 {
		b.WriteString("\n" + lang.L("Special categories (GDPR Art. 9):") + " " + strings.Join(special, " · "))
	}
	return b.String()
}

// likeText lists the person's most telling likes and whether the
// platform sees them. Pages that load on an attribute the platform infers
// come first (a latent interest or a general page reveals nothing it
// targets), then by the strength of the loading, then by popularity: a
// strong page says most about who likes it.
func (p *targetView) likeText(i int) string {
	fp := p.fp
	if fp == nil {
		p.needFootprint()
		return lang.L("Reading this person's likes…")
	}
	if fp.Likes == nil || fp.Catalogue == nil {
		return lang.L("This scenario has no likes.")
	}
	var b strings.Builder
	liked := slices.Clone(fp.Likes.Of(i))
	pages := fp.Catalogue.Pages
	slices.SortStableFunc(liked, func(x, y uint16) int {
		a, c := &pages[x], &pages[y]
		if r := cmp.Compare(telling(c), telling(a)); r != 0 {
			return r
		}
		if r := cmp.Compare(c.Strength, a.Strength); r != 0 {
			return r
		}
		return cmp.Compare(c.Popularity, a.Popularity)
	})
	b.WriteString(trf("Likes %d pages. The most telling:", len(liked)))
	for k, pg := range liked {
		if k == targetTopLikes {
			break
		}
		b.WriteString("\n  • " + pageName(&pages[pg], p.titles[pg]))
	}
	b.WriteString("\n")
	b.WriteString(p.visibilityText(i))
	return b.String()
}

// pageName is a page as the Target view lists it: its title and what
// liking it says, e.g. "Sunday Hiking Club (openness +, right-wing
// ideology -)". Only this view's explanation names what a page loads on;
// "Someone like me" shows the title alone. Signs are ASCII (not every UI
// font has U+2212).
func pageName(pg *footprint.Page, title string) string {
	if pg.Attribute == footprint.NoAttribute {
		return title + " (" + lang.L("general interest") + ")"
	}
	load := func(a footprint.Attribute, sign int8) string {
		mark := "+"
		if sign < 0 {
			mark = "-"
		}
		return attrName(a) + " " + mark
	}
	what := load(pg.Attribute, pg.Sign)
	if pg.Second != footprint.NoAttribute {
		what += ", " + load(pg.Second, pg.SecondSign)
	}
	return title + " (" + what + ")"
}

// attrName is a page attribute in words: one name per attribute,
// indexed by it (the order of footprint's attributes).
func attrName(a footprint.Attribute) string {
	if a < footprint.NumAttributes {
		return [footprint.NumAttributes]string{
			footprint.Openness: lang.L("openness"), footprint.Conscientiousness: lang.L("conscientiousness"),
			footprint.Extraversion: lang.L("extraversion"), footprint.Agreeableness: lang.L("agreeableness"),
			footprint.Neuroticism: lang.L("neuroticism"), footprint.Ideology: lang.L("right-wing ideology"),
			footprint.Age: lang.L("age"), footprint.Gender: lang.L("being a man"), footprint.Party: lang.L("right party"),
			footprint.Religious: lang.L("religion"), footprint.Migrant: lang.L("migration background"),
			footprint.LGB: lang.L("being lesbian, gay or bisexual"), footprint.Health: lang.L("chronic health condition"),
		}[a]
	}
	if a.IsInterest() {
		return trf("hobby %d", int(a-footprint.NumAttributes)+1)
	}
	return a.String()
}

// signed1 is x with a sign and one decimal, "+0.0" rather than "-0.0"
// for a value that rounds to zero (NaN as numf writes it).
func signed1(x float64) string {
	if r := math.Round(x * 10); r == 0 {
		x = 0 // positive zero
	}
	return numf("%+.1f", x)
}

// telling is 1 for a page that loads on an attribute the platform
// infers, 0 for a latent interest or a general page.
func telling(pg *footprint.Page) int {
	if pg.Attribute < footprint.NumAttributes {
		return 1
	}
	return 0
}

// visibilityText says whether, and how, the platform sees the likes.
func (p *targetView) visibilityText(i int) string {
	v := &p.fp.Visibility
	if i >= len(v.Flags) || !v.Visible(i) {
		return lang.L("The platform cannot see these likes: no consent, no quiz, not harvested.")
	}
	var how []string
	if v.Consented(i) {
		how = append(how, lang.L("consented to tracking"))
	}
	if v.Quiz(i) {
		how = append(how, lang.L("took the personality quiz"))
	}
	if v.Harvested(i) {
		how = append(how, lang.L("harvested through a friend who took the quiz"))
	}
	return lang.L("The platform sees these likes:") + " " + strings.Join(how, ", ") + "."
}

// profileRows are the bars of the inference chart: every attribute the
// platform may infer, the truth on the attribute's own scale.
func (p *targetView) profileRows(i int) []chart.ProfileRow {
	pop := p.world.Pop
	prof := p.world.Profiles
	inferred := func(a sim.Attr) float64 {
		if prof == nil || !prof.Known(a, i) {
			return math.NaN()
		}
		return float64(prof.Inferred[a][i])
	}
	sd := func(label string, a sim.Attr, truth float32) chart.ProfileRow {
		inf := inferred(a)
		return chart.ProfileRow{Label: label, Lo: -3, Hi: 3, True: float64(truth), Inferred: inf,
			TrueText: signed1(float64(truth)), InferredText: signed1(inf)}
	}
	// A yes/no attribute: the truth is 0 or 1, the inference a probability.
	yes := func(label string, a sim.Attr, truth bool) chart.ProfileRow {
		inf := inferred(a)
		t := 0.0
		if truth {
			t = 1
		}
		return chart.ProfileRow{Label: label, Lo: 0, Hi: 1, True: t, Inferred: inf,
			TrueText: yesNo(truth), InferredText: trf("%.0f %% sure", 100*inf)}
	}
	rows := []chart.ProfileRow{
		sd(lang.L("Openness"), sim.AttrOpenness, pop.Openness[i]),
		sd(lang.L("Conscientiousness"), sim.AttrConscientiousness, pop.Conscientiousness[i]),
		sd(lang.L("Extraversion"), sim.AttrExtraversion, pop.Extraversion[i]),
		sd(lang.L("Agreeableness"), sim.AttrAgreeableness, pop.Agreeableness[i]),
		sd(lang.L("Neuroticism"), sim.AttrNeuroticism, pop.Neuroticism[i]),
		sd(lang.L("Ideology (right +)"), sim.AttrIdeology, pop.Ideology[i]),
	}
	// The platform infers age on a standardised scale: back to years.
	m, s := population.AgeMoments()
	age := inferred(sim.AttrAge)
	if !math.IsNaN(age) {
		age = m + s*age
	}
	rows = append(rows, chart.ProfileRow{Label: lang.L("Age"), Lo: 13, Hi: 90, Zero: 13,
		True: float64(pop.Age[i]), Inferred: age,
		TrueText: fmt.Sprint(pop.Age[i]), InferredText: numf("%.0f", age)})
	rows = append(rows, yes(lang.L("Man"), sim.AttrGender, pop.Gender[i] == 1))
	if v, ok := at(pop.Party, i); ok {
		rows = append(rows, yes(lang.L("Right party"), sim.AttrParty, v == population.PartyRight))
	}
	for _, b := range []struct {
		label string
		a     sim.Attr
		s     []bool
	}{
		{lang.L("Religious"), sim.AttrReligious, pop.Religious},
		{lang.L("Migration background"), sim.AttrMigrant, pop.Migrant},
		{lang.L("Lesbian, gay or bisexual"), sim.AttrLGB, pop.LGB},
		{lang.L("Chronic health condition"), sim.AttrHealth, pop.HealthCondition},
	} {
		if v, ok := at(b.s, i); ok {
			rows = append(rows, yes(b.label, b.a, v))
		}
	}
	return rows
}

// adCount is the ads list's length.
func (p *targetView) adCount() int { return len(p.entries()) }

// adAt is the followed person's id-th impression.
func (p *targetView) adAt(id widget.ListItemID) (sim.Impression, bool) {
	rows := p.entries()
	if id < 0 || id >= len(rows) || int(rows[id]) >= len(p.log) {
		return sim.Impression{}, false
	}
	return p.log[rows[id]], true
}

// newAdRow is a row template: what happened, and why (in italics).
func (p *targetView) newAdRow() fyne.CanvasObject {
	what := widget.NewLabel("")
	what.Truncation = fyne.TextTruncateEllipsis
	why := widget.NewLabel("")
	why.TextStyle.Italic = true
	why.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(what, why)
}

// updateAdRow fills row id.
func (p *targetView) updateAdRow(id widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	what, why := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
	e, ok := p.adAt(id)
	if !ok {
		what.SetText("")
		why.SetText("")
		return
	}
	line, reason := p.describe(e)
	what.SetText(line)
	why.SetText(reason)
}

// describe is an impression in words: when, which ad, what it did, and
// why the person was picked (World.Reason in the current language).
func (p *targetView) describe(e sim.Impression) (line, why string) {
	name, demobilise := fmt.Sprint(e.Message), false
	if m := int(e.Message); m >= 0 && m < len(p.world.Messages) {
		name = DisplayName(p.world.Messages[m].Name)
		demobilise = p.world.Messages[m].Aim == sim.AimDemobilise
	}
	outcome := lang.L("not clicked")
	switch {
	case e.Converted:
		outcome = lang.L("clicked and converted")
	case e.Clicked:
		outcome = lang.L("clicked")
	}
	effect := trf("opinion %+.3f, now %+.2f", e.Shift, e.Opinion)
	if demobilise {
		effect = trf("chance of voting now %.0f %%", 100*e.Turnout)
	}
	line = trf("Step %d · ad “%s” · %s · %s", e.Step, name, outcome, effect)
	return line, reasonText(p.world, p.world.Reason(e.Exposure))
}

// followRandom follows a person drawn from a PCG seeded with the world's
// seed and the number of presses: the same scenario and seed give the
// same people in the same order, in class and at home.
func (p *targetView) followRandom() {
	if !p.has || len(p.snap.Opinions) == 0 {
		return
	}
	r := rand.New(rand.NewPCG(p.world.Seed, p.clicks))
	p.clicks++
	p.u.SelectAgent(r.IntN(len(p.snap.Opinions)))
}

// minVisibleMove is the smallest gap to the control twin that "Who moved
// most" and "Who backfired" show: the opinion chart's axis spans at least
// 0.2, so a gap of 0.01 is a twentieth of its height, and a smaller one
// would put the person's line on their twin's.
const minVisibleMove = 0.01

// movedMost is the person whose opinion moved furthest towards the
// campaign (towards: true) or against it, as the gap between their
// opinion in the shown arm and their twin's in the control arm, signed
// by the campaign's stance, and that gap; ok is false if nobody moved
// that way by at least minVisibleMove. The gap to the control twin is
// used rather than the log's sum of Shift: it is the whole effect of the
// campaign on the person — ads, friends who saw ads, and the turns both
// took since — and it works for populations too large to log.
func movedMost(s *Snapshot, towards bool) (best int, gap float64, ok bool) {
	stance := 1.0
	if s.World != nil && s.World.Config.Campaign.Stance < 0 {
		stance = -1
	}
	best, bestD := -1, 0.0
	for i := range min(len(s.Opinions), len(s.Control)) {
		d := stance * float64(s.Opinions[i]-s.Control[i])
		if !towards {
			d = -d
		}
		if d > bestD {
			best, bestD = i, d
		}
	}
	return best, bestD, best >= 0 && bestD >= minVisibleMove
}

// armBackfires is how many ads of the shown arm have backfired so far.
func armBackfires(s *Snapshot) int64 {
	if s.ArmIndex < 0 || s.ArmIndex >= len(s.Result.Arms) {
		return 0
	}
	ser := s.Result.Arms[s.ArmIndex].Series
	if len(ser) == 0 {
		return 0
	}
	return ser[len(ser)-1].Backfires
}

// followExtreme follows who moved most towards (or against) the campaign.
func (p *targetView) followExtreme(towards bool) {
	if !p.has {
		return
	}
	i, gap, ok := movedMost(&p.snap, towards)
	if !ok {
		arm := DisplayName(p.snap.Arm)
		switch {
		case towards && p.snap.T == 0:
			p.status.SetText(lang.L("Nobody has moved towards the campaign yet: press Play first."))
		case towards && gap > 0:
			p.status.SetText(trf("Nobody in the %s arm has moved visibly towards the campaign: the largest move is %s, too small to tell the person's line from their twin's.", arm, numf("%.3f", gap)))
		case towards:
			p.status.SetText(trf("Nobody in the %s arm has moved towards the campaign: its ads do not aim at opinions, or have not worked. Try another arm.", arm))
		case armBackfires(&p.snap) > 0:
			p.status.SetText(trf("%d ads of the %s arm backfired, but nobody ends up visibly further from the campaign than their twin: other ads and friends pulled them back.", armBackfires(&p.snap), arm))
		default:
			p.status.SetText(lang.L("Nobody has moved against the campaign: no ad has backfired (yet)."))
		}
		p.status.Show()
		return
	}
	p.u.SelectAgent(i)
}

// drawBars is the inference chart's raster generator.
func (p *targetView) drawBars(w, h int) image.Image {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.barsImg = p.render(p.barsImg, p.barsR, w, h, len(p.barRows) == 0, func(opt chart.Options) (*plot.Plot, error) {
		return chart.ProfileBars(p.barRows, chart.ProfileText{
			Title:   lang.L("What the platform inferred vs the truth"),
			Caption: lang.L("blue bar: true value · orange mark: inferred · orange line: the error"),
			Unknown: lang.L("unknown"),
		}, opt)
	})
	return p.barsImg
}

// drawTrace is the opinion chart's raster generator.
func (p *targetView) drawTrace(w, h int) image.Image {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.traceImg = p.render(p.traceImg, p.traceR, w, h, p.traceOp == nil, func(opt chart.Options) (*plot.Plot, error) {
		return chart.OpinionTrace(p.traceOp, p.traceAds, p.traceCtl, p.traceMax, chart.TraceText{
			Title:   p.traceWho,
			XLabel:  lang.L("step (dots: an ad)"),
			YLabel:  lang.L("opinion (-1 against, +1 for)"),
			Person:  lang.L("this person"),
			Control: lang.L("same person without ads (now)"),
			Line:    p.traceCol,
		}, opt)
	})
	return p.traceImg
}

// render draws a chart into a reused image of w×h pixels, at the DPI
// that matches the screen scale (as LiveChart does). Called with mu held.
func (p *targetView) render(img *image.RGBA, r *canvas.Raster, w, h int, empty bool, build func(chart.Options) (*plot.Plot, error)) *image.RGBA {
	if w <= 0 || h <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	if img == nil || img.Bounds().Dx() != w || img.Bounds().Dy() != h {
		img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	bg, fg := chartColours()
	if empty {
		fill(img, img.Bounds(), bg)
		return img
	}
	ratio := 1.0
	if lw := r.Size().Width; lw > 0 {
		ratio = float64(w) / float64(lw)
	}
	if ratio <= 0 || math.IsNaN(ratio) || math.IsInf(ratio, 0) {
		ratio = 1
	}
	pl, err := build(chart.Options{Background: bg, Foreground: fg, Scale: chartScale(), DecimalComma: decimalComma()})
	if err != nil {
		fyne.LogError("target view chart", err)
		return img
	}
	chart.Render(pl, img, 96*ratio)
	p.draws++
	return img
}

// themeChanged redraws the charts, which are drawn in the theme's
// colours (for App.themeChanged).
func (p *targetView) themeChanged() {
	p.barsR.Refresh()
	p.traceR.Refresh()
}
