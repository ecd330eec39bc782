package ui

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"boomerang/sim"
	"boomerang/sim/footprint"
	"boomerang/sim/population"
)

// This file is the "Someone like me" tab: a visitor enters a rough profile
// (age band, gender, region, 10–30 pages they like) and sees what the
// platform of the loaded scenario would infer about them and which ad each
// arm would show them, and why. The answers come from sim.World.LikeMe:
// the engine's own inference and strategies, not a copy of them. Nothing
// entered here leaves the view: it is not stored, logged or exported.

// Limits of the like picker: enough likes for the model to say something
// (the model's first like bin is 1–10), few enough to pick by hand.
const (
	likeMeMinLikes = 10
	likeMeMaxLikes = 30
	likeMeListed   = 80 // pages offered: the most-liked of the world, or the search's first matches
	likeMeRows     = 8  // rows of offered pages in view at least
)

// likeMeBand is an age band of the form, with the age the persona gets:
// the declared age bands of the demographic segments (sim.SegmentName), so
// the answer uses the band the visitor chose.
type likeMeBand struct {
	label string
	age   int
}

// likeMeBands returns the age bands of the form: the adult bands, with
// the minors' band first when the population has minors.
func likeMeBands(minors bool) []likeMeBand {
	b := []likeMeBand{{"18–29", 24}, {"30–44", 37}, {"45–64", 55}, {"65+", 72}}
	if minors {
		b = append([]likeMeBand{{"13–17", 15}}, b...)
	}
	return b
}

// likeMeView is the "Someone like me" tab.
type likeMeView struct {
	u     *App
	world *sim.World
	root  fyne.CanvasObject

	age, gender, region *keySelect
	tracking, political *widget.Check
	search              *widget.Entry
	pageBox             *fyne.Container // the offered pages' checks (not the picked ones)
	pickedBox           *fyne.Container // the picked pages' checks
	pageScroll          *container.Scroll
	noModel             *fyne.Container // says the scenario has no model and offers one that has
	noModelText         *widget.Label
	count, hint         *widget.Label
	noMatch             *widget.Label // "no page matches …" under the search
	show                *widget.Button

	bands  []likeMeBand
	top    []uint16 // most-liked pages of the world, most liked first
	titles []string // the pages' made-up titles (footprint.Catalogue.Titles)
	pages  int      // catalogue size of the world the picks belong to
	// fp is the world's footprint, or one built on demand when the world
	// has none (shown); fpFor is the world it was built for.
	fp      *footprint.Footprint
	fpFor   *sim.World
	picked  map[uint16]bool
	checks  map[uint16]*widget.Check
	syncing bool // a check is being set by the view, not the visitor

	results *fyne.Container // inference and ads, filled by showResult
	result  *sim.LikeMeResult
	// rows are the shown inferred values, per attribute (for tests).
	rows [sim.NumAttrs]*widget.Label
	busy int // generation of the pending LikeMe; results of older ones are dropped
}

func newLikeMeView(u *App) *likeMeView {
	v := &likeMeView{u: u, picked: map[uint16]bool{}, checks: map[uint16]*widget.Check{}}
	note := widget.NewLabel(lang.L("Nothing you enter here is stored or sent anywhere; it stays in this window."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.SuccessImportance
	note.TextStyle.Bold = true
	intro := widget.NewLabel(lang.L("Describe yourself roughly and pick pages you like: see what this platform would infer about you and which ads each campaign would send you."))
	intro.Wrapping = fyne.TextWrapWord

	v.age = newSelect(nil, nil)
	v.gender = newSelect([]string{lang.L("Woman"), lang.L("Man")}, nil)
	v.gender.SetSelectedIndex(0)
	v.region = newSelect(nil, nil)
	v.tracking = widget.NewCheck(lang.L("I allow tracking (I accept the cookie banner)"), nil)
	v.tracking.SetChecked(true)
	v.political = widget.NewCheck(lang.L("I also agreed separately to political ads"), nil)
	v.political.Hide()
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder(lang.L("Search pages (e.g. hiking, religion)"))
	v.search.OnChanged = func(string) { v.refreshPages() }
	v.pageBox = container.NewVBox()
	v.pickedBox = container.NewVBox()
	v.count = widget.NewLabel("")
	v.noMatch = widget.NewLabel("")
	v.noMatch.Importance = widget.WarningImportance
	v.noMatch.Hide()
	v.hint = widget.NewLabel("")
	v.hint.Wrapping = fyne.TextWrapWord
	v.hint.Importance = widget.WarningImportance
	v.hint.Hide()
	v.show = widget.NewButton(lang.L("Show what the platform sees"), v.submit)
	v.show.Importance = widget.HighImportance
	v.noModelText = wrapLabel("")
	v.noModelText.Importance = widget.WarningImportance
	v.noModel = container.NewVBox(v.noModelText, container.NewHBox(
		widget.NewButton(lang.L("Open the targeting showdown (it has a model)"), func() {
			if err := u.LoadBuiltin("targeting-showdown"); err != nil {
				v.setHint(err.Error())
			}
		})))
	v.noModel.Hide()

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Age band"), v.age),
		widget.NewFormItem(lang.L("Gender (as you declare it)"), v.gender),
		widget.NewFormItem(lang.L("Region"), v.region),
	)
	// Left, the pages: the picked ones (a few rows, scrolling) above the
	// offered ones, which get the rest of the height and at least
	// likeMeRows rows. Right, the form and the answer.
	rowH := widget.NewCheck("Ag", nil).MinSize().Height
	v.pageScroll = container.NewVScroll(v.pageBox)
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, rowH*likeMeRows))
	pickedRoom := canvas.NewRectangle(color.Transparent)
	pickedRoom.SetMinSize(fyne.NewSize(0, rowH*2))
	left := container.NewBorder(
		container.NewVBox(container.NewHBox(boldLabel(lang.L("Your pages")), v.count),
			container.NewStack(pickedRoom, container.NewVScroll(v.pickedBox)),
			boldLabel(lang.L("Pages to pick from")), v.search, v.noMatch),
		container.NewVBox(v.hint, container.NewHBox(v.show)), nil, nil,
		container.NewStack(room, v.pageScroll))
	v.results = container.NewVBox(widget.NewLabel(lang.L("Your result appears here.")))
	right := container.NewVBox(note, intro, v.noModel, form, v.tracking, v.political, widget.NewSeparator(), v.results)
	split := container.NewHSplit(left, container.NewVScroll(right))
	split.Offset = 0.4
	v.root = split
	v.setWorld(nil)
	return v
}

// content is the tab's content.
func (v *likeMeView) content() fyne.CanvasObject { return v.root }

// apply implements snapshotShower: the view takes the snapshot's world
// when it is a new one.
func (v *likeMeView) apply(s Snapshot) {
	if s.World != nil && s.World != v.world {
		v.setWorld(s.World)
	}
}

// scenarioChanged implements scenarioWatcher: no world while the new
// one is being built.
func (v *likeMeView) scenarioChanged(sim.Config) { v.setWorld(nil) }

// setWorld gives the view the platform of the loaded scenario; nil while
// a new one is being built (UI goroutine). The visitor's picks survive a
// new world with the same catalogue: page ids name the same pages for the
// same page count (footprint.NewCatalogue).
func (v *likeMeView) setWorld(w *sim.World) {
	v.world = w
	v.busy++ // a pending answer belongs to the old world
	v.result = nil
	v.rows = [sim.NumAttrs]*widget.Label{}
	v.results.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("Your result appears here."))}
	v.results.Refresh()
	if w == nil {
		v.show.Disable()
		v.top, v.titles = nil, nil
		v.pageBox.Objects = nil
		v.pageBox.Refresh()
		v.noModel.Hide()
		v.setHint(lang.L("The platform is being built…"))
		v.updateCount()
		return
	}
	v.show.Enable()
	v.setHint("")
	switch {
	case w.Footprint == nil && w.Config.Data.QuizShare > 0:
		v.noModelText.SetText(lang.L("In this scenario the platform keeps no likes and has no inference model: it can infer nothing about you. The targeting showdown has one."))
		v.noModel.Show()
	case w.Footprint == nil || w.Footprint.Model == nil:
		v.noModelText.SetText(lang.L("In this scenario nobody takes the quiz, so the platform has no inference model: it reads nothing from your likes and every inferred value stays unknown. The targeting showdown has one."))
		v.noModel.Show()
	default:
		v.noModel.Hide()
	}

	// Age bands and regions of this population.
	v.bands = likeMeBands(w.Config.Population.MinorsShare > 0)
	ageSel := v.age.SelectedIndex()
	var opts []string
	for _, b := range v.bands {
		opts = append(opts, b.label)
	}
	v.age.SetOptions(opts)
	v.age.SetSelectedIndex(max(0, min(ageSel, len(opts)-1)))
	regSel := v.region.SelectedIndex()
	opts = nil
	for r := range w.Pop.Regions {
		opts = append(opts, regionName(w, r))
	}
	v.region.SetOptions(opts)
	v.region.SetSelectedIndex(max(0, min(regSel, len(opts)-1)))
	if w.Config.Regulation.PoliticalConsent {
		v.political.Show()
	} else {
		v.political.Hide()
	}

	v.fp, v.fpFor = nil, nil
	v.setFootprint(w.Footprint)
	if w.Footprint == nil && v.u != nil && v.u.tabs != nil && v.u.CurrentTab() == "likeme" {
		v.shown()
	}
}

// shown builds the pages to pick from when the world has no footprint (no
// arm reads likes), once per world, off the UI goroutine (UI goroutine).
func (v *likeMeView) shown() {
	w := v.world
	if w == nil || v.fp != nil || v.fpFor == w {
		return
	}
	v.fpFor = w
	v.setHint(lang.L("The platform is being built…"))
	lazyFootprint(v.u, w, func(fp *footprint.Footprint) {
		if v.world != w {
			return
		}
		v.setHint("")
		v.setFootprint(fp)
	})
}

// setFootprint lists the most-liked pages of fp (nil: none yet).
func (v *likeMeView) setFootprint(fp *footprint.Footprint) {
	v.fp = fp
	pages := 0
	if fp != nil {
		pages = len(fp.Catalogue.Pages)
	}
	if pages != v.pages && (fp != nil || v.pages == 0) {
		v.picked = map[uint16]bool{}
		v.checks = map[uint16]*widget.Check{}
		v.pages = pages
	}
	v.top, v.titles = nil, nil
	if pages > 0 {
		v.titles = fp.Catalogue.Titles()
		n := make([]int, pages)
		for _, p := range fp.Likes.Pages {
			n[p]++
		}
		ids := make([]uint16, pages)
		for p := range ids {
			ids[p] = uint16(p)
		}
		slices.SortStableFunc(ids, func(a, b uint16) int { return n[b] - n[a] })
		v.top = ids[:min(likeMeListed, pages)]
	}
	v.refreshPages()
}

// pageName is page p's label: its made-up title (e.g. "Sunday Hiking
// Club"), which never says what liking it reveals.
func (v *likeMeView) pageName(p uint16) string {
	if int(p) < len(v.titles) {
		return v.titles[p]
	}
	return trf("page %d", p)
}

// refreshPages shows the picked pages in their own list and, below the
// search, the most-liked pages or, with a search, the first pages of the
// whole catalogue that match it, picked ones left out; a search that
// matches nothing says so (UI goroutine).
func (v *likeMeView) refreshPages() {
	q := strings.ToLower(strings.TrimSpace(v.search.Text))
	var picked []uint16
	for p := range v.picked {
		picked = append(picked, p)
	}
	slices.SortFunc(picked, func(a, b uint16) int { return strings.Compare(v.pageName(a), v.pageName(b)) })
	var list []uint16
	if q == "" {
		for _, p := range v.top {
			if !v.picked[p] {
				list = append(list, p)
			}
		}
	} else {
		for p := range v.pages {
			if len(list) >= likeMeListed {
				break
			}
			if id := uint16(p); !v.picked[id] && v.matches(id, q) {
				list = append(list, id)
			}
		}
	}
	checks := func(ids []uint16) []fyne.CanvasObject {
		objs := make([]fyne.CanvasObject, 0, len(ids))
		for _, p := range ids {
			objs = append(objs, v.check(p))
		}
		return objs
	}
	v.pickedBox.Objects = checks(picked)
	if len(picked) == 0 {
		v.pickedBox.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("None yet: tick pages below."))}
	}
	v.pickedBox.Refresh()
	v.pageBox.Objects = checks(list)
	v.pageBox.Refresh()
	if q != "" && len(list) == 0 {
		v.noMatch.SetText(trf("No page matches %q.", strings.TrimSpace(v.search.Text)))
		v.noMatch.Show()
	} else {
		v.noMatch.Hide()
	}
	v.updateCount()
}

// matches reports whether page p matches the search q (already lower
// case): every word of q is in its title or its topic words, in English
// or in the current language (bundle key "topic.KIND"), so "religion"
// finds the religious pages although no title says so.
func (v *likeMeView) matches(p uint16, q string) bool {
	text := strings.ToLower(v.pageName(p))
	if v.fp != nil {
		c := v.fp.Catalogue
		text += " " + c.Topic(int(p)) + " " + strings.ToLower(translatedOr("topic."+c.TopicKey(int(p)), ""))
	}
	for _, w := range strings.Fields(q) {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// check returns page p's check box, made once per page.
func (v *likeMeView) check(p uint16) *widget.Check {
	if c, ok := v.checks[p]; ok {
		return c
	}
	var c *widget.Check
	c = widget.NewCheck(v.pageName(p), func(on bool) {
		if v.syncing {
			return
		}
		if on && len(v.picked) >= likeMeMaxLikes {
			v.syncing = true
			c.SetChecked(false)
			v.syncing = false
			v.setHint(trf("You can pick at most %d pages: untick one first.", likeMeMaxLikes))
			return
		}
		if on {
			v.picked[p] = true
		} else {
			delete(v.picked, p)
		}
		v.setHint("")
		v.refreshPages() // the page moves between the two lists
	})
	v.syncing = true
	c.SetChecked(v.picked[p])
	v.syncing = false
	v.checks[p] = c
	return c
}

// updateCount shows how many pages are picked.
func (v *likeMeView) updateCount() {
	v.count.SetText(trf("%d picked (pick %d to %d)", len(v.picked), likeMeMinLikes, likeMeMaxLikes))
}

// setHint shows a hint under the list, or hides it for "".
func (v *likeMeView) setHint(s string) {
	v.hint.SetText(s)
	if s == "" {
		v.hint.Hide()
	} else {
		v.hint.Show()
	}
}

// persona is the form as a sim.Persona.
func (v *likeMeView) persona() sim.Persona {
	p := sim.Persona{Age: 37, Tracking: v.tracking.Checked, PoliticalConsent: v.political.Checked}
	if i := v.age.SelectedIndex(); i >= 0 && i < len(v.bands) {
		p.Age = v.bands[i].age
	}
	p.Gender = uint8(max(0, v.gender.SelectedIndex()))
	p.Region = max(0, v.region.SelectedIndex())
	for id := range v.picked {
		p.Likes = append(p.Likes, id)
	}
	slices.Sort(p.Likes)
	return p
}

// submit checks the form and asks the engine in the background: LikeMe
// runs each arm's first plan, O(population) per arm (UI goroutine).
func (v *likeMeView) submit() {
	w := v.world
	switch {
	case w == nil:
		v.setHint(lang.L("The platform is being built…"))
		return
	case len(v.picked) == 0:
		v.setHint(trf("Pick %d to %d pages you like first: the platform reads you through your likes.", likeMeMinLikes, likeMeMaxLikes))
		return
	case len(v.picked) < likeMeMinLikes:
		v.setHint(trf("Pick at least %d pages (you have %d): with fewer likes there is too little to read.", likeMeMinLikes, len(v.picked)))
		return
	}
	v.setHint("")
	p := v.persona()
	v.busy++
	gen := v.busy
	v.show.Disable()
	go func() {
		r := w.LikeMe(p)
		v.u.do(func() {
			if gen != v.busy || w != v.world {
				return // the world changed meanwhile
			}
			v.show.Enable()
			v.showResult(w, &r)
		})
	}()
}

// attrLabel is attribute a's name in the current language.
func attrLabel(a sim.Attr) string {
	return [...]string{
		lang.L("Openness"), lang.L("Conscientiousness"), lang.L("Extraversion"), lang.L("Agreeableness"),
		lang.L("Neuroticism"), lang.L("Political leaning (right +)"), lang.L("Age (inferred)"),
		lang.L("Gender (inferred)"), lang.L("Votes for the right-wing party"), lang.L("Religious"),
		lang.L("Migration background"), lang.L("Lesbian, gay or bisexual"), lang.L("Chronic health condition"),
	}[a]
}

// formatInferred is an inferred value as the view shows it: traits in
// standard deviations from the average, age in years, binary attributes
// as a probability.
func formatInferred(a sim.Attr, v float32) string {
	if v != v {
		return lang.L("unknown")
	}
	switch {
	case a == sim.AttrAge:
		m, sd := population.AgeMoments()
		return trf("about %d years", int(math.Round(m+sd*float64(v))))
	case a == sim.AttrGender:
		if v >= 0.5 {
			return trf("man (%.0f %%)", 100*v)
		}
		return trf("woman (%.0f %%)", 100*(1-v))
	case a >= sim.AttrGender:
		return trf("%.0f %% likely", 100*v)
	}
	if math.Abs(float64(v)) < 0.05 {
		v = 0 // "+0.0", not "-0.0"
	}
	return trf("%+.1f sd from average", v)
}

// howSure turns the model's cross-validated accuracy for an attribute (r
// for numeric ones, AUC for binary ones) into a word: how far the
// platform's guess is worth more than chance.
func howSure(a sim.Attr, cv float64, usable bool) string {
	if !usable || cv != cv {
		return lang.L("a guess")
	}
	if a >= sim.AttrGender { // AUC: 0.5 is chance
		cv = 2 * (cv - 0.5)
	}
	switch {
	case cv < 0.3:
		return lang.L("rough")
	case cv < 0.5:
		return lang.L("fair")
	}
	return lang.L("good")
}

// showResult fills the result column (UI goroutine).
func (v *likeMeView) showResult(w *sim.World, r *sim.LikeMeResult) {
	v.result = r
	bold, wrap := boldLabel, wrapLabel
	objs := []fyne.CanvasObject{bold(lang.L("What the platform infers about you"))}
	switch {
	case !r.Modelled:
		objs = append(objs, wrap(lang.L("This platform has no inference model (nobody took the quiz): it infers nothing from likes.")))
	case !r.Visible:
		objs = append(objs, wrap(lang.L("You do not allow tracking: the platform does not see your likes and infers nothing. Campaigns can still use what you declared.")))
	default:
		objs = append(objs, wrap(trf("From %d likes. How sure the platform is of your personality profile: %.0f %%.", len(r.Persona.Likes), 100*r.Confidence)))
	}
	grid := container.NewGridWithColumns(3, bold(lang.L("Attribute")), bold(lang.L("Inferred")), bold(lang.L("How sure")))
	said := map[sim.Attr]string{}
	for _, b := range v.bands {
		if b.age == r.Persona.Age {
			said[sim.AttrAge] = trf("you said %s", b.label)
		}
	}
	gender := lang.L("Woman")
	if r.Persona.Gender == 1 {
		gender = lang.L("Man")
	}
	said[sim.AttrGender] = trf("you said %s", strings.ToLower(gender))
	for a := range sim.NumAttrs {
		val := widget.NewLabel(formatInferred(a, r.Inferred[a]))
		switch {
		case !r.Modelled:
			val.SetText(lang.L("unknown: no model"))
		case !r.Visible:
			val.SetText(lang.L("unknown: not tracked"))
		}
		v.rows[a] = val
		name := attrLabel(a)
		if a.Sensitive() {
			name += " *"
		}
		sure := ""
		if r.Visible {
			sure = howSure(a, r.CV[a], r.Usable[a])
		}
		if s, ok := said[a]; ok {
			sure += " — " + s
		}
		grid.Add(widget.NewLabel(name))
		grid.Add(val)
		grid.Add(widget.NewLabel(sure))
	}
	objs = append(objs, grid, wrap(lang.L("* special category of personal data (GDPR Art. 9): using it for ads is banned in the EU (DSA Art. 26(3)).")))
	if r.Excluded {
		objs = append(objs, wrap(lang.L("The regulation forbids choosing you with personal data: only random ads can reach you.")))
	}
	objs = append(objs, widget.NewSeparator(), bold(lang.L("What each campaign would show you at the first step")))
	for _, a := range r.Arms {
		head := fmt.Sprintf("%s (%s)", DisplayName(a.Arm), DisplayName(a.Strategy))
		objs = append(objs, bold(head), wrap(armSentence(w, a)))
	}
	v.results.Objects = objs
	v.results.Refresh()
}

// armSentence says in the current language what arm a would do and why:
// the engine's sentences (sim.ArmAnswer.Says), each translated.
func armSentence(w *sim.World, a sim.ArmAnswer) string {
	s := make([]string, len(a.Says))
	for i, p := range a.Says {
		s[i] = reasonText(w, p)
	}
	return strings.Join(s, " ")
}

// segmentLabel is sim.SegmentName in the current language, with the
// region's display name (the one the form's region picker offers).
func segmentLabel(w *sim.World, key uint32) string {
	return reasonText(w, sim.SegmentPhrase(key))
}
