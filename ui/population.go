package ui

import (
	"fmt"
	"image"
	"image/color"
	"runtime"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"boomerang/sim"
	"boomerang/sim/population"
)

// Trait is an axis of the population view.
type Trait struct {
	Label    string                                         // English; translated (lang.L) when shown
	Lo, Hi   float64                                        // axis range
	Value    func(w *sim.World, s *Snapshot, i int) float64 // the agent's value
	Inferred sim.Attr                                       // the operator's inference of it, or -1
}

func popF(f func(w *sim.World) []float32) func(*sim.World, *Snapshot, int) float64 {
	return func(w *sim.World, _ *Snapshot, i int) float64 { return float64(f(w)[i]) }
}

// Traits are the population view's axis choices.
var Traits = []Trait{
	{"Ideology (left – right)", -3, 3, popF(func(w *sim.World) []float32 { return w.Pop.Ideology }), sim.AttrIdeology},
	{"Opinion now", -1, 1, func(_ *sim.World, s *Snapshot, i int) float64 { return float64(s.Opinions[i]) }, -1},
	{"Openness", -3, 3, popF(func(w *sim.World) []float32 { return w.Pop.Openness }), sim.AttrOpenness},
	{"Conscientiousness", -3, 3, popF(func(w *sim.World) []float32 { return w.Pop.Conscientiousness }), sim.AttrConscientiousness},
	{"Extraversion", -3, 3, popF(func(w *sim.World) []float32 { return w.Pop.Extraversion }), sim.AttrExtraversion},
	{"Agreeableness", -3, 3, popF(func(w *sim.World) []float32 { return w.Pop.Agreeableness }), sim.AttrAgreeableness},
	{"Neuroticism", -3, 3, popF(func(w *sim.World) []float32 { return w.Pop.Neuroticism }), sim.AttrNeuroticism},
	{"Age", 13, 90, func(w *sim.World, _ *Snapshot, i int) float64 { return float64(w.Pop.Age[i]) }, sim.AttrAge},
	{"Susceptibility", 0, 1, popF(func(w *sim.World) []float32 { return w.Pop.Susceptibility }), -1},
	{"Privacy concern", 0, 1, popF(func(w *sim.World) []float32 { return w.Pop.PrivacyConcern }), -1},
	{"Media literacy", 0, 1, popF(func(w *sim.World) []float32 { return w.Pop.MediaLiteracy }), -1},
}

// OpinionColour maps an opinion in [−1, 1] to a diverging, colour-blind-
// safe colour: blue (against) through light grey to orange (for).
func OpinionColour(x float64) color.NRGBA {
	x = max(-1, min(1, x))
	lo := [3]float64{0x21, 0x66, 0xAC} // blue
	mid := [3]float64{0xDD, 0xDD, 0xDD}
	hi := [3]float64{0xE6, 0x61, 0x01} // orange
	a, b, t := mid, hi, x
	if x < 0 {
		a, b, t = mid, lo, -x
	}
	return color.NRGBA{uint8(a[0] + t*(b[0]-a[0])), uint8(a[1] + t*(b[1]-a[1])), uint8(a[2] + t*(b[2]-a[2])), 0xFF}
}

// Layouts of the population view: where a dot sits.
const (
	LayoutTraits  = iota // by two chosen traits (Traits)
	LayoutNetwork        // by the social network (network.Layout2D)
)

// LayoutLabels name the layouts, in the order of their constants.
var LayoutLabels = []string{"Two traits", "Network"}

// Colourings of the population view: what a dot's colour says.
const (
	ColourOpinion  = iota // opinion, diverging (OpinionColour)
	ColourExposure        // ads received, sequential (ExposureColour)
	ColourAge             // age group, categorical (CategoryColour)
	ColourRegion          // region, categorical (CategoryColour)
)

// ColourLabels name the colourings, in the order of their constants.
var ColourLabels = []string{"Opinion", "Ads received", "Age group", "Region"}

// hoverRadius is how near (pixels) the pointer must be to a dot for the
// hover line to describe it.
const hoverRadius = 10

// PopulationView draws every agent of one arm as a dot in a raster, laid
// out by two chosen traits or by the social network, and coloured by
// opinion, ads received, age group or region; converted agents get a ring
// in the text colour. Hovering shows a short profile of the person under
// the pointer; tapping selects the nearest one and shows their profile.
type PopulationView struct {
	widget.BaseWidget
	raster    *canvas.Raster
	info      *widget.Label
	status    *widget.Label // the hover line, or what the view is doing
	note      *widget.Label // what the layout means
	legend    *fyne.Container
	root      fyne.CanvasObject
	layoutSel *keySelect
	colourSel *keySelect
	xSel      *keySelect
	ySel      *keySelect

	mu       sync.Mutex
	snap     Snapshot
	has      bool
	x, y     int // indexes into Traits
	layout   int // LayoutTraits or LayoutNetwork
	colour   int // ColourOpinion …
	selected int // agent, or -1
	hovered  int // agent under the pointer, or -1
	img      *image.RGBA
	frames   int
	px, py   []int32   // every agent's pixel in the last image
	index    *dotIndex // px, py indexed for hover and tap
	scale    float32   // image pixels per logical unit of the last image

	// The network layout, computed off the UI goroutine once per World.
	netWorld      *sim.World // the world netXY belongs to
	netXY         []float32
	netStructured bool
	laying        *sim.World // the world being laid out now, or nil

	// OnSelect, if set, is called (UI goroutine) when the user taps a
	// person: the app opens the target view on them.
	OnSelect func(i int)
	// ArmBox, at the start of the view's bar, holds the app's arm picker.
	ArmBox *fyne.Container
	// Do hands work from a background goroutine to the UI goroutine (the
	// finished network layout). Nil means fyne.Do; the app sets its own
	// wrapper so that tests can replace it.
	Do func(func())
}

// NewPopulationView returns an empty view.
func NewPopulationView() *PopulationView {
	p := &PopulationView{x: 0, y: 2, selected: -1, hovered: -1}
	p.raster = canvas.NewRaster(p.generate)
	p.ExtendBaseWidget(p)
	p.info = widget.NewLabel(clickHint())
	p.info.Wrapping = fyne.TextWrapWord
	p.status = widget.NewLabel(lang.L("Point at a dot to see who it is."))
	p.status.Truncation = fyne.TextTruncateEllipsis
	p.note = widget.NewLabel("")
	p.note.Wrapping = fyne.TextWrapWord
	p.note.Hide()

	names := translated(traitLabels())
	p.xSel = newSelect(names, func(s string) { p.setAxis(&p.x, s) })
	p.ySel = newSelect(names, func(s string) { p.setAxis(&p.y, s) })
	p.xSel.SetSelected(names[p.x])
	p.ySel.SetSelected(names[p.y])
	layouts := translated(LayoutLabels)
	p.layoutSel = newSelect(layouts, func(s string) { p.setLayout(indexOf(layouts, s)) })
	p.layoutSel.SetSelected(layouts[p.layout])
	colours := translated(ColourLabels)
	p.colourSel = newSelect(colours, func(s string) { p.setColour(indexOf(colours, s)) })
	p.colourSel.SetSelected(colours[p.colour])

	p.legend = container.NewHBox()
	p.updateLegend()
	w := selectWidth(names)
	p.ArmBox = container.NewHBox()
	// Two rows: in one, the colour picker hid behind a scroll bar on a
	// 1280-pixel screen with the story panel open (issue 15). Each row
	// still scrolls rather than widen a scaled-up window.
	bar := container.NewHBox(p.ArmBox,
		widget.NewLabel(lang.L("Layout:")), container.New(&minWidth{w: selectWidth(layouts)}, p.layoutSel),
		widget.NewLabel(lang.L("Colour:")), container.New(&minWidth{w: selectWidth(colours)}, p.colourSel))
	axes := container.NewHBox(
		widget.NewLabel(lang.L("Across:")), container.New(&minWidth{w: w}, p.xSel),
		widget.NewLabel(lang.L("Up:")), container.New(&minWidth{w: w}, p.ySel))
	side := container.NewVScroll(p.info)
	split := container.NewHSplit(container.NewBorder(nil, p.status, nil, nil, p), side)
	split.Offset = 0.65
	top := container.NewVBox(container.NewHScroll(bar), container.NewHScroll(axes), container.NewHScroll(p.legend), p.note)
	p.root = container.NewBorder(top, nil, nil, nil, split)
	return p
}

func traitLabels() []string {
	l := make([]string, len(Traits))
	for i, t := range Traits {
		l[i] = t.Label
	}
	return l
}

// translated returns the labels in the current language.
func translated(labels []string) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = lang.L(l)
	}
	return out
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func (p *PopulationView) setAxis(axis *int, label string) {
	i := indexOf(translated(traitLabels()), label)
	if i < 0 {
		return
	}
	p.mu.Lock()
	*axis = i
	p.mu.Unlock()
	p.raster.Refresh()
}

// SetLayout shows the agents by two traits (LayoutTraits) or by the
// network (LayoutNetwork); the network is laid out in the background the
// first time it is needed.
func (p *PopulationView) SetLayout(l int) { p.layoutSel.SetSelected(p.layoutSel.Options[l]) }

// SetColour colours the dots by ColourOpinion, ColourExposure, ColourAge
// or ColourRegion.
func (p *PopulationView) SetColour(c int) { p.colourSel.SetSelected(p.colourSel.Options[c]) }

func (p *PopulationView) setLayout(l int) {
	if l < 0 {
		return
	}
	p.mu.Lock()
	p.layout = l
	p.mu.Unlock()
	if p.xSel != nil {
		if l == LayoutNetwork {
			p.xSel.Disable()
			p.ySel.Disable()
		} else {
			p.xSel.Enable()
			p.ySel.Enable()
		}
	}
	p.startLayout()
	p.updateNote()
	p.raster.Refresh()
}

func (p *PopulationView) setColour(c int) {
	if c < 0 {
		return
	}
	p.mu.Lock()
	p.colour = c
	p.mu.Unlock()
	if p.legend != nil {
		p.updateLegend()
	}
	p.raster.Refresh()
}

// NetworkReady reports whether the network layout of the shown world is
// there (it is computed in the background).
func (p *PopulationView) NetworkReady() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.has && p.netWorld == p.snap.World
}

// startLayout lays out the network of the shown world in the background
// if the network layout is chosen and not there yet (UI goroutine).
func (p *PopulationView) startLayout() {
	p.mu.Lock()
	w := p.snap.World
	if !p.has || p.layout != LayoutNetwork || p.netWorld == w || p.laying == w {
		p.mu.Unlock()
		return
	}
	p.laying = w
	p.mu.Unlock()
	p.showStatus()
	go func() {
		xy, structured := networkLayout(w, runtime.GOMAXPROCS(0))
		p.post(func() {
			p.mu.Lock()
			if p.laying == w {
				p.laying = nil
			}
			current := p.snap.World == w
			if current {
				p.netWorld, p.netXY, p.netStructured = w, xy, structured
			}
			p.mu.Unlock()
			if !current { // a newer world arrived meanwhile
				p.startLayout()
				return
			}
			p.updateNote()
			p.showStatus()
			p.raster.Refresh()
		})
	}()
}

func (p *PopulationView) post(f func()) {
	if p.Do != nil {
		p.Do(f)
		return
	}
	fyne.Do(f)
}

// updateNote says what the layout means (UI goroutine).
func (p *PopulationView) updateNote() {
	p.mu.Lock()
	network, ready, structured := p.layout == LayoutNetwork, p.has && p.netWorld == p.snap.World, p.netStructured
	p.mu.Unlock()
	switch {
	case !network || !ready:
		if p.note.Visible() {
			p.note.Hide()
			p.relayout()
		}
		return
	case structured:
		p.note.SetText(lang.L("Network: people with ties between them sit close together, so a patch of one colour is a group that talks among itself."))
	default:
		p.note.SetText(lang.L("In this network everyone is tied to everyone, so it has no structure to draw: people sit in rings by region instead, ordered by ideology."))
	}
	p.note.Show()
	p.relayout()
}

// relayout lays out the view again after the note appeared or went: a
// container does not notice that a child's visibility changed.
func (p *PopulationView) relayout() {
	if p.root != nil {
		p.root.Refresh()
	}
}

// legendSwatch is one entry of the legend: a colour and what it means.
func legendSwatch(c color.Color, text string) fyne.CanvasObject {
	r := canvas.NewRectangle(c)
	r.SetMinSize(fyne.NewSize(12, 12))
	return container.NewHBox(container.NewCenter(r), widget.NewLabel(text))
}

// updateLegend shows the colours of the current colouring (UI goroutine).
func (p *PopulationView) updateLegend() {
	p.mu.Lock()
	colour, has := p.colour, p.has
	var most int32
	regions := 0
	if has {
		most = maxInt32(p.snap.Impressions)
		regions = p.snap.World.Pop.Regions
	}
	w := p.snap.World
	p.mu.Unlock()
	var items []fyne.CanvasObject
	switch colour {
	case ColourOpinion:
		items = append(items, widget.NewLabel(lang.L("Opinion:")),
			legendSwatch(OpinionColour(-1), lang.L("against")),
			legendSwatch(OpinionColour(0), lang.L("neutral")),
			legendSwatch(OpinionColour(1), lang.L("for the campaign")))
	case ColourExposure:
		items = append(items, widget.NewLabel(lang.L("Ads received:")),
			legendSwatch(ExposureColour(0, most), lang.L("none")),
			legendSwatch(ExposureColour(1, most), "1"))
		if most > 2 {
			mid := int32(0.5 + float64(most)/3)
			items = append(items, legendSwatch(ExposureColour(mid, most), fmt.Sprint(mid)))
		}
		if most > 1 {
			items = append(items, legendSwatch(ExposureColour(most, most), fmt.Sprintf(lang.L("%d (most)"), most)))
		}
	case ColourAge:
		items = append(items, widget.NewLabel(lang.L("Age group:")))
		for k, g := range AgeGroups {
			items = append(items, legendSwatch(CategoryColour(k), lang.L(g)))
		}
	case ColourRegion:
		items = append(items, widget.NewLabel(lang.L("Region:")))
		for r := range min(regions, len(okabeIto)) {
			items = append(items, legendSwatch(CategoryColour(r), regionName(w, r)))
		}
		if regions > len(okabeIto) {
			items = append(items, widget.NewLabel(fmt.Sprintf(lang.L("colours repeat after %d regions: point at a dot to see its region"), len(okabeIto))))
		}
	}
	_, fg := chartColours()
	ring := canvas.NewRectangle(color.Transparent)
	ring.StrokeColor, ring.StrokeWidth = fg, 2
	ring.SetMinSize(fyne.NewSize(12, 12))
	items = append(items, container.NewHBox(container.NewCenter(ring), widget.NewLabel(lang.L("ringed: converted"))))
	p.legend.Objects = items
	p.legend.Refresh()
}

// regionName is the display name of region r.
func regionName(w *sim.World, r int) string {
	if w != nil && w.Pop.Regions == 12 {
		return population.RegionNames(12)[r] // the Dutch provinces
	}
	return fmt.Sprintf(lang.L("region %d"), r+1)
}

func maxInt32(v []int32) int32 {
	var m int32
	for _, x := range v {
		m = max(m, x)
	}
	return m
}

// Content is the view with its pickers, legend and profile panel.
func (p *PopulationView) Content() fyne.CanvasObject { return p.root }

// CreateRenderer implements fyne.Widget.
func (p *PopulationView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.raster)
}

// MinSize implements fyne.Widget.
func (p *PopulationView) MinSize() fyne.Size { return fyne.NewSize(240, 120) }

// clickHint is the side pane's text while nobody is selected.
func clickHint() string {
	return lang.L("Click a dot to see that person's profile: their true traits next to what the platform inferred.")
}

// Clear forgets the population (a new scenario is being built).
func (p *PopulationView) Clear() {
	p.mu.Lock()
	p.has, p.selected, p.hovered, p.index = false, -1, -1, nil
	p.mu.Unlock()
	p.info.SetText(lang.L("Building the population…"))
	p.updateNote()
	p.raster.Refresh()
}

// SetSnapshot shows the agents of a snapshot (UI goroutine). The raster
// is redrawn only when the view is on screen.
func (p *PopulationView) SetSnapshot(s Snapshot) {
	if s.World == nil || len(s.Opinions) == 0 {
		return
	}
	p.mu.Lock()
	newWorld := !p.has || p.snap.World != s.World
	p.snap, p.has = s, true
	sel, colour := p.selected, p.colour
	p.mu.Unlock()
	switch {
	case sel >= 0:
		p.info.SetText(p.Profile(sel))
	case newWorld: // the population is built: no more "Building…"
		p.info.SetText(clickHint())
	}
	if newWorld {
		p.startLayout()
		p.updateNote()
	}
	if newWorld || colour == ColourExposure {
		p.updateLegend()
	}
	p.showStatus()
	if p.Visible() && p.raster.Size().Width > 0 {
		p.raster.Refresh()
	}
}

// content implements view: the tab is the view's content.
func (p *PopulationView) content() fyne.CanvasObject { return p.root }

// apply implements snapshotShower.
func (p *PopulationView) apply(s Snapshot) { p.SetSnapshot(s) }

// scenarioChanged implements scenarioWatcher: the population is being
// built.
func (p *PopulationView) scenarioChanged(sim.Config) { p.Clear() }

// themeChanged implements themeWatcher: the dots are drawn in the
// theme's colours.
func (p *PopulationView) themeChanged() { p.raster.Refresh() }

// Selected is the selected agent, or -1.
func (p *PopulationView) Selected() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.selected
}

// Status is the hover line: the short profile of the person under the
// pointer, or what the view is doing.
func (p *PopulationView) Status() string { return p.status.Text }

// traitPosition is agent i's pixel position in a w×h image by two traits.
func (p *PopulationView) traitPosition(i, w, h int) (int, int) {
	tx, ty := Traits[p.x], Traits[p.y]
	fx := (tx.Value(p.snap.World, &p.snap, i) - tx.Lo) / (tx.Hi - tx.Lo)
	fy := (ty.Value(p.snap.World, &p.snap, i) - ty.Lo) / (ty.Hi - ty.Lo)
	// A little deterministic jitter spreads discrete values (age).
	j := float64((uint32(i)*2654435761)>>16&0xFF)/255 - 0.5
	fx = max(0, min(1, fx+j*0.004))
	fy = max(0, min(1, fy-j*0.004))
	m := 6
	return m + int(fx*float64(w-2*m-1)), h - 1 - m - int(fy*float64(h-2*m-1))
}

// place computes every agent's pixel in a w×h image into p.px, p.py and
// indexes them (p.mu held). It reports false when there is nothing to
// place: no population, or the network layout is not there yet.
func (p *PopulationView) place(w, h int) bool {
	if !p.has {
		return false
	}
	n := len(p.snap.Opinions)
	network := p.layout == LayoutNetwork
	if network && (p.netWorld != p.snap.World || len(p.netXY) != 2*n) {
		return false
	}
	if len(p.px) != n {
		p.px, p.py = make([]int32, n), make([]int32, n)
	}
	if network {
		m := 6
		sx, sy := float32(w-2*m-1), float32(h-2*m-1)
		for i := range n {
			p.px[i] = int32(m + int(p.netXY[2*i]*sx))
			p.py[i] = int32(h - 1 - m - int(p.netXY[2*i+1]*sy))
		}
	} else {
		for i := range n {
			x, y := p.traitPosition(i, w, h)
			p.px[i], p.py[i] = int32(x), int32(y)
		}
	}
	p.index = newDotIndex(p.px, p.py, w, h)
	return true
}

// dotColour is agent i's colour in the current colouring (p.mu held).
func (p *PopulationView) dotColour(i int, most int32) color.NRGBA {
	s := &p.snap
	switch p.colour {
	case ColourExposure:
		if i < len(s.Impressions) {
			return ExposureColour(s.Impressions[i], most)
		}
		return ExposureColour(0, most)
	case ColourAge:
		return CategoryColour(ageGroup(s.World.Pop.Age[i]))
	case ColourRegion:
		return CategoryColour(int(s.World.Pop.Region[i]))
	}
	return OpinionColour(float64(s.Opinions[i]))
}

func (p *PopulationView) generate(w, h int) image.Image {
	p.mu.Lock()
	defer p.mu.Unlock()
	if w <= 0 || h <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	if p.img == nil || p.img.Bounds().Dx() != w || p.img.Bounds().Dy() != h {
		p.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	if lw := p.Size().Width; lw > 0 {
		p.scale = float32(w) / lw
	}
	bg, fg := chartColours()
	img := p.img
	fill(img, image.Rect(0, 0, w, h), bg)
	p.frames++
	if !p.place(w, h) {
		p.index = nil
		return img
	}
	n := len(p.snap.Opinions)
	r := 1
	if n < 20000 {
		r = 2
	}
	most := maxInt32(p.snap.Impressions)
	for i := range n {
		x, y := int(p.px[i]), int(p.py[i])
		if i < len(p.snap.Converted) && p.snap.Converted[i] {
			fill(img, image.Rect(x-r-1, y-r-1, x+r+2, y+r+2), fg)
		}
		fill(img, image.Rect(x-r, y-r, x+r+1, y+r+1), p.dotColour(i, most))
	}
	if s := p.selected; s >= 0 && s < n {
		x, y := int(p.px[s]), int(p.py[s])
		for d := -12; d <= 12; d++ {
			fill(img, image.Rect(x+d, y-1, x+d+1, y+2), fg)
			fill(img, image.Rect(x-1, y+d, x+2, y+d+1), fg)
		}
	}
	return img
}

func fill(img *image.RGBA, r image.Rectangle, c color.Color) {
	r = r.Intersect(img.Bounds())
	cr, cg, cb, ca := c.RGBA()
	px := [4]uint8{uint8(cr >> 8), uint8(cg >> 8), uint8(cb >> 8), uint8(ca >> 8)}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		o := img.PixOffset(r.Min.X, y)
		for x := r.Min.X; x < r.Max.X; x++ {
			copy(img.Pix[o:o+4], px[:])
			o += 4
		}
	}
}

// AgentAt returns the agent drawn nearest to pos (logical coordinates of
// the view) within radius logical units, or -1. It uses the grid index of
// the last image, or builds one at the logical size if nothing was drawn.
func (p *PopulationView) AgentAt(pos fyne.Position, radius float32) int {
	size := p.Size()
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.has || size.Width <= 0 || size.Height <= 0 {
		return -1
	}
	scale := p.scale
	if p.index == nil || len(p.index.px) != len(p.snap.Opinions) || scale <= 0 {
		scale = 1
		if !p.place(int(size.Width), int(size.Height)) {
			return -1
		}
	}
	return p.index.nearest(float64(pos.X*scale), float64(pos.Y*scale), int(radius*scale+0.5))
}

// Tapped selects the agent nearest to the tap.
func (p *PopulationView) Tapped(ev *fyne.PointEvent) {
	best := p.AgentAt(ev.Position, hoverRadius)
	if best < 0 { // nobody close: take the nearest anywhere
		s := p.Size()
		best = p.AgentAt(ev.Position, s.Width+s.Height)
	}
	if best < 0 {
		return
	}
	p.Select(best)
	if p.OnSelect != nil {
		p.OnSelect(best)
	}
}

// MouseIn implements desktop.Hoverable.
func (p *PopulationView) MouseIn(ev *desktop.MouseEvent) { p.MouseMoved(ev) }

// MouseMoved implements desktop.Hoverable: the hover line describes the
// person under the pointer.
func (p *PopulationView) MouseMoved(ev *desktop.MouseEvent) {
	i := p.AgentAt(ev.Position, hoverRadius)
	p.mu.Lock()
	changed := i != p.hovered
	p.hovered = i
	p.mu.Unlock()
	if changed {
		p.showStatus()
	}
}

// MouseOut implements desktop.Hoverable.
func (p *PopulationView) MouseOut() {
	p.mu.Lock()
	p.hovered = -1
	p.mu.Unlock()
	p.showStatus()
}

// showStatus fills the hover line (UI goroutine).
func (p *PopulationView) showStatus() {
	p.mu.Lock()
	laying := p.has && p.layout == LayoutNetwork && p.netWorld != p.snap.World
	i := p.hovered
	p.mu.Unlock()
	switch {
	case laying:
		p.status.SetText(lang.L("Laying out the network…"))
	case i >= 0:
		p.status.SetText(p.Short(i))
	default:
		p.status.SetText(lang.L("Point at a dot to see who it is."))
	}
}

// Short is a one-line profile of agent i for the hover line: gender, age,
// region, opinion, ads received and whether they converted.
func (p *PopulationView) Short(i int) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.has || i < 0 || i >= len(p.snap.Opinions) {
		return ""
	}
	w, s := p.snap.World, &p.snap
	ads := int32(0)
	if i < len(s.Impressions) {
		ads = s.Impressions[i]
	}
	conv := lang.L("not converted")
	if i < len(s.Converted) && s.Converted[i] {
		conv = lang.L("converted")
	}
	return trf("Person %d: %s, %d, %s · opinion %+.2f · %d ads · %s",
		i, genderWord(w, i), w.Pop.Age[i], regionName(w, int(w.Pop.Region[i])), s.Opinions[i], ads, conv)
}

func genderWord(w *sim.World, i int) string {
	if w.Pop.Gender[i] == 1 {
		return lang.L("man")
	}
	return lang.L("woman")
}

// Select makes agent i the selected one and shows its profile.
func (p *PopulationView) Select(i int) {
	p.mu.Lock()
	p.selected = i
	p.mu.Unlock()
	p.info.SetText(p.Profile(i))
	p.raster.Refresh()
}

// Profile describes agent i: true traits next to what the platform
// inferred, opinion now and whether they converted.
func (p *PopulationView) Profile(i int) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.has || i < 0 || i >= len(p.snap.Opinions) {
		return ""
	}
	w, s := p.snap.World, &p.snap
	var b strings.Builder
	fmt.Fprintf(&b, lang.L("Person %d: %s, %d, %s")+"\n", i, genderWord(w, i), w.Pop.Age[i], regionName(w, int(w.Pop.Region[i])))
	conv := lang.L("no")
	if i < len(s.Converted) && s.Converted[i] {
		conv = lang.L("yes")
	}
	ads := int32(0)
	if i < len(s.Impressions) {
		ads = s.Impressions[i]
	}
	fmt.Fprintf(&b, lang.L("In the %s arm: opinion %+.2f, ads received: %d, converted: %s")+"\n", DisplayName(s.Arm), s.Opinions[i], ads, conv)
	visible := w.Profiles != nil && i < len(w.Profiles.Visible) && w.Profiles.Visible[i]
	if visible {
		b.WriteString(lang.L("The platform sees this person's likes.") + "\n\n")
	} else {
		b.WriteString(lang.L("The platform cannot see this person's likes.") + "\n\n")
	}
	b.WriteString(lang.L("Trait: true / inferred") + "\n")
	for _, t := range Traits {
		if t.Inferred < 0 {
			continue
		}
		inf := lang.L("unknown")
		if w.Profiles != nil && w.Profiles.Known(t.Inferred, i) {
			v := float64(w.Profiles.Inferred[t.Inferred][i])
			if t.Inferred == sim.AttrAge {
				// The platform infers age on a standardised scale:
				// back to years, like the truth beside it.
				m, sd := population.AgeMoments()
				inf = fmt.Sprintf("%.0f", m+sd*v)
			} else {
				inf = fmt.Sprintf("%.2f", v)
			}
		}
		format := "%s: %.2f / %s\n"
		if t.Inferred == sim.AttrAge {
			format = "%s: %.0f / %s\n"
		}
		fmt.Fprintf(&b, format, lang.L(t.Label), t.Value(w, s, i), inf)
	}
	return b.String()
}
