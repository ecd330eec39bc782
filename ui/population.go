package ui

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"boomerang/sim"
)

// Trait is an axis of the population view.
type Trait struct {
	Label    string
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

// PopulationView draws every agent of one arm as a dot in a raster, laid
// out by two chosen traits and coloured by opinion; converted agents get a
// ring in the text colour. Tapping selects the nearest agent and shows its profile.
type PopulationView struct {
	widget.BaseWidget
	raster  *canvas.Raster
	info    *widget.Label
	content fyne.CanvasObject
	xSel    *widget.Select
	ySel    *widget.Select

	mu       sync.Mutex
	snap     Snapshot
	has      bool
	x, y     int // indexes into Traits
	selected int // agent, or -1
	img      *image.RGBA
	frames   int
}

// NewPopulationView returns an empty view.
func NewPopulationView() *PopulationView {
	p := &PopulationView{x: 0, y: 2, selected: -1}
	p.raster = canvas.NewRaster(p.generate)
	p.ExtendBaseWidget(p)
	p.info = widget.NewLabel("Click a dot to see that person's profile: their true traits next to what the platform inferred.")
	p.info.Wrapping = fyne.TextWrapWord
	names := make([]string, len(Traits))
	for i, t := range Traits {
		names[i] = t.Label
	}
	p.xSel = widget.NewSelect(names, func(s string) { p.setAxis(&p.x, s) })
	p.ySel = widget.NewSelect(names, func(s string) { p.setAxis(&p.y, s) })
	p.xSel.SetSelected(names[p.x])
	p.ySel.SetSelected(names[p.y])
	legend := widget.NewLabel("Colour: opinion, blue against · grey neutral · orange for the campaign. Ringed (in the text colour): converted.")
	legend.Wrapping = fyne.TextWrapWord
	w := selectWidth(names)
	bar := container.NewHBox(widget.NewLabel("Across:"), container.New(&minWidth{w: w}, p.xSel),
		widget.NewLabel("Up:"), container.New(&minWidth{w: w}, p.ySel))
	side := container.NewVScroll(p.info)
	split := container.NewHSplit(p, side)
	split.Offset = 0.65
	p.content = container.NewBorder(container.NewVBox(bar, legend), nil, nil, nil, split)
	return p
}

func (p *PopulationView) setAxis(axis *int, label string) {
	for i, t := range Traits {
		if t.Label == label {
			p.mu.Lock()
			*axis = i
			p.mu.Unlock()
		}
	}
	p.raster.Refresh()
}

// Content is the view with its axis pickers and profile panel.
func (p *PopulationView) Content() fyne.CanvasObject { return p.content }

// CreateRenderer implements fyne.Widget.
func (p *PopulationView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.raster)
}

// MinSize implements fyne.Widget.
func (p *PopulationView) MinSize() fyne.Size { return fyne.NewSize(240, 120) }

// Clear forgets the population (a new scenario is being built).
func (p *PopulationView) Clear() {
	p.mu.Lock()
	p.has, p.selected = false, -1
	p.mu.Unlock()
	p.info.SetText("Building the population…")
	p.raster.Refresh()
}

// SetSnapshot shows the agents of a snapshot (UI goroutine). The raster
// is redrawn only when the view is on screen.
func (p *PopulationView) SetSnapshot(s Snapshot) {
	if s.World == nil || len(s.Opinions) == 0 {
		return
	}
	p.mu.Lock()
	p.snap, p.has = s, true
	sel := p.selected
	p.mu.Unlock()
	if sel >= 0 {
		p.info.SetText(p.Profile(sel))
	}
	if p.Visible() && p.raster.Size().Width > 0 {
		p.raster.Refresh()
	}
}

// Selected is the selected agent, or -1.
func (p *PopulationView) Selected() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.selected
}

// position is agent i's pixel position in a w×h image.
func (p *PopulationView) position(i, w, h int) (int, int) {
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

func (p *PopulationView) generate(w, h int) image.Image {
	p.mu.Lock()
	defer p.mu.Unlock()
	if w <= 0 || h <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	if p.img == nil || p.img.Bounds().Dx() != w || p.img.Bounds().Dy() != h {
		p.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	bg, fg := chartColours()
	img := p.img
	fill(img, image.Rect(0, 0, w, h), bg)
	p.frames++
	if !p.has {
		return img
	}
	n := len(p.snap.Opinions)
	r := 1
	if n < 20000 {
		r = 2
	}
	ring := fg
	for i := range n {
		x, y := p.position(i, w, h)
		c := OpinionColour(float64(p.snap.Opinions[i]))
		if i < len(p.snap.Converted) && p.snap.Converted[i] {
			fill(img, image.Rect(x-r-1, y-r-1, x+r+2, y+r+2), ring)
		}
		fill(img, image.Rect(x-r, y-r, x+r+1, y+r+1), c)
	}
	if s := p.selected; s >= 0 && s < n {
		x, y := p.position(s, w, h)
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

// Tapped selects the agent nearest to the tap.
func (p *PopulationView) Tapped(ev *fyne.PointEvent) {
	size := p.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	p.mu.Lock()
	if !p.has {
		p.mu.Unlock()
		return
	}
	// Work in a logical-size image: positions scale linearly.
	w, h := int(size.Width), int(size.Height)
	best, bestD := -1, math.Inf(1)
	for i := range len(p.snap.Opinions) {
		x, y := p.position(i, w, h)
		dx, dy := float64(x)-float64(ev.Position.X), float64(y)-float64(ev.Position.Y)
		if d := dx*dx + dy*dy; d < bestD {
			best, bestD = i, d
		}
	}
	p.mu.Unlock()
	p.Select(best)
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
	gender := "woman"
	if w.Pop.Gender[i] == 1 {
		gender = "man"
	}
	fmt.Fprintf(&b, "Person %d: %s, %d, region %d\n", i, gender, w.Pop.Age[i], w.Pop.Region[i])
	conv := "no"
	if i < len(s.Converted) && s.Converted[i] {
		conv = "yes"
	}
	fmt.Fprintf(&b, "In the %s arm: opinion %+.2f, converted: %s\n", s.Arm, s.Opinions[i], conv)
	visible := w.Profiles != nil && i < len(w.Profiles.Visible) && w.Profiles.Visible[i]
	if visible {
		b.WriteString("The platform sees this person's likes.\n\n")
	} else {
		b.WriteString("The platform cannot see this person's likes.\n\n")
	}
	b.WriteString("Trait: true → inferred\n")
	for _, t := range Traits {
		if t.Inferred < 0 {
			continue
		}
		inf := "unknown"
		if w.Profiles != nil && w.Profiles.Known(t.Inferred, i) {
			inf = fmt.Sprintf("%.2f", w.Profiles.Inferred[t.Inferred][i])
		}
		fmt.Fprintf(&b, "%s: %.2f → %s\n", t.Label, t.Value(w, s, i), inf)
	}
	return b.String()
}
