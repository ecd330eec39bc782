package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"boomerang/scenarios"
	"boomerang/sim"
)

// popWorld builds the default scenario's world with n agents.
func popWorld(tb testing.TB, n int) *sim.World {
	tb.Helper()
	cfg, err := scenarios.Default()
	if err != nil {
		tb.Fatal(err)
	}
	cfg.Population.Size = n
	w, err := sim.BuildWorld(cfg, 11, 2)
	if err != nil {
		tb.Fatal(err)
	}
	return w
}

// popSnapshot is step 0 of w with every third agent given 3·(i%5) ads
// and every seventh converted, so colourings have something to show.
func popSnapshot(w *sim.World) Snapshot {
	n := w.Pop.N
	s := Snapshot{World: w, Arm: "test", Opinions: append([]float32(nil), w.Initial...),
		Converted: make([]bool, n), Impressions: make([]int32, n)}
	for i := range n {
		if i%3 == 0 {
			s.Impressions[i] = int32(3 * (i % 5))
		}
		s.Converted[i] = i%7 == 0
	}
	return s
}

// popView shows a population view with s in a 700×500 window; do runs
// the view's background hand-offs on the test goroutine when drained.
func popView(t *testing.T, s Snapshot) (*PopulationView, fyne.Window, *uiQueue) {
	t.Helper()
	test.NewTempApp(t)
	q := newQueue()
	p := NewPopulationView()
	p.Do = q.do
	win := test.NewTempWindow(t, p.Content())
	win.Resize(fyne.NewSize(900, 600))
	p.SetSnapshot(s)
	return p, win, q
}

// pixelOf is the colour drawn at agent i's dot centre in the last image.
func pixelOf(p *PopulationView, i int) [3]uint8 {
	p.mu.Lock()
	defer p.mu.Unlock()
	o := p.img.PixOffset(int(p.px[i]), int(p.py[i]))
	return [3]uint8{p.img.Pix[o], p.img.Pix[o+1], p.img.Pix[o+2]}
}

// visibleDot is an agent whose own dot is on top at its centre (no later
// dot covers it), not converted, with the given ads.
func visibleDot(t *testing.T, p *PopulationView, want func(ads int32) bool) int {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := range p.px {
		if p.snap.Converted[i] || !want(p.snap.Impressions[i]) {
			continue
		}
		if p.index.nearest(float64(p.px[i]), float64(p.py[i]), 3) == i {
			return i
		}
	}
	t.Fatal("no visible dot")
	return -1
}

func TestPopulationExposureColouring(t *testing.T) {
	p, win, _ := popView(t, popSnapshot(popWorld(t, 2000)))
	win.Canvas().Capture()
	exposed := visibleDot(t, p, func(a int32) bool { return a == 12 })
	unexposed := visibleDot(t, p, func(a int32) bool { return a == 0 })
	before := pixelOf(p, exposed)
	if c := OpinionColour(float64(p.snap.Opinions[exposed])); before != [3]uint8{c.R, c.G, c.B} {
		t.Fatalf("opinion colouring: dot is %v, want %v", before, c)
	}
	p.SetColour(ColourExposure)
	win.Canvas().Capture()
	after := pixelOf(p, exposed)
	want := ExposureColour(12, 12)
	if after != [3]uint8{want.R, want.G, want.B} || after == before {
		t.Errorf("exposed agent %d: %v before, %v after, want %v", exposed, before, after, want)
	}
	grey := ExposureColour(0, 12)
	if got := pixelOf(p, unexposed); got != [3]uint8{grey.R, grey.G, grey.B} {
		t.Errorf("unexposed agent: %v, want grey %v", got, grey)
	}
	// The legend follows: its second entry says "none".
	if !legendHas(p, "none") || !legendHas(p, "12 (most)") {
		t.Error("the legend does not describe ads received")
	}
	p.SetColour(ColourRegion)
	if !legendHas(p, "Zuid-Holland") {
		t.Error("the region legend names no province")
	}
}

// legendHas reports whether a label of the legend contains text.
func legendHas(p *PopulationView, text string) bool {
	var walk func(o fyne.CanvasObject) bool
	walk = func(o fyne.CanvasObject) bool {
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				if walk(c) {
					return true
				}
			}
		case *widget.Label:
			return strings.Contains(v.Text, text)
		}
		return false
	}
	return walk(p.legend)
}

func TestPopulationHoverShowsProfile(t *testing.T) {
	p, win, _ := popView(t, popSnapshot(popWorld(t, 2000)))
	win.Canvas().Capture()
	i := visibleDot(t, p, func(a int32) bool { return a > 0 })
	scale := p.scale
	local := fyne.NewPos(float32(p.px[i])/scale, float32(p.py[i])/scale)
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(p).Add(local)
	test.MoveMouse(win.Canvas(), abs)
	want := fmt.Sprintf("Person %d: ", i)
	if s := p.Status(); !strings.HasPrefix(s, want) || !strings.Contains(s, fmt.Sprintf("%d ads", p.snap.Impressions[i])) {
		t.Errorf("hover over agent %d shows %q", i, s)
	}
	// Far outside every dot (the status bar under the view): back to the hint.
	p.MouseOut()
	if s := p.Status(); strings.HasPrefix(s, "Person") {
		t.Errorf("after the pointer left: %q", s)
	}
}

func TestPopulationTapSelects(t *testing.T) {
	p, win, _ := popView(t, popSnapshot(popWorld(t, 2000)))
	win.Canvas().Capture()
	i := visibleDot(t, p, func(int32) bool { return true })
	got := -1
	p.OnSelect = func(j int) { got = j }
	local := fyne.NewPos(float32(p.px[i])/p.scale, float32(p.py[i])/p.scale)
	test.TapCanvas(win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(p).Add(local))
	if p.Selected() != i || got != i {
		t.Errorf("tap on agent %d: selected %d, OnSelect got %d", i, p.Selected(), got)
	}
	if !strings.Contains(p.info.Text, fmt.Sprintf("Person %d:", i)) {
		t.Errorf("profile panel: %q", p.info.Text)
	}
}

func TestPopulationNetworkLayoutInBackground(t *testing.T) {
	w := popWorld(t, 3000)
	p, win, q := popView(t, popSnapshot(w))
	p.SetLayout(LayoutNetwork)
	if !p.NetworkReady() && p.Status() != "Laying out the network…" {
		t.Errorf("while laying out the status says %q", p.Status())
	}
	waitFor(t, q, "the network layout", p.NetworkReady)
	if p.Status() == "Laying out the network…" {
		t.Error("status still says laying out")
	}
	win.Canvas().Capture()
	// Ties are drawn shorter than random pairs of agents.
	var edge, random float64
	m := 0
	p.mu.Lock()
	for i := range w.Pop.N {
		for _, j := range w.Graph.Neighbours(i) {
			dx, dy := float64(p.px[i]-p.px[j]), float64(p.py[i]-p.py[j])
			edge += dx*dx + dy*dy
			m++
		}
		k := (i*7919 + 13) % w.Pop.N
		dx, dy := float64(p.px[i]-p.px[k]), float64(p.py[i]-p.py[k])
		random += dx*dx + dy*dy
	}
	first := append([]int32(nil), p.px...)
	p.mu.Unlock()
	edge /= float64(m)
	random /= float64(w.Pop.N)
	t.Logf("mean squared tie length %.0f px², random pair %.0f px²", edge, random)
	if edge >= 0.5*random {
		t.Errorf("ties %.0f px², random pairs %.0f px²", edge, random)
	}
	// Deterministic: a second view of the same world draws the same picture.
	p2, win2, q2 := popView(t, popSnapshot(w))
	p2.SetLayout(LayoutNetwork)
	waitFor(t, q2, "the second layout", p2.NetworkReady)
	win2.Resize(win.Canvas().Size())
	win2.Canvas().Capture()
	p2.mu.Lock()
	defer p2.mu.Unlock()
	for i := range first {
		if first[i] != p2.px[i] {
			t.Fatalf("agent %d at x=%d, then %d", i, first[i], p2.px[i])
		}
	}
}

// benchView is a population view of 100,000 agents (no window: generate
// and the index are called directly, as the renderer would).
func benchView(b *testing.B, layout int) *PopulationView {
	b.Helper()
	test.NewTempApp(b)
	w := popWorld(b, 100_000)
	p := NewPopulationView()
	p.Do = func(f func()) { f() }
	p.SetSnapshot(popSnapshot(w))
	if layout == LayoutNetwork {
		p.mu.Lock()
		p.netXY, p.netStructured = networkLayout(w, 2)
		p.netWorld = w
		p.mu.Unlock()
	}
	p.mu.Lock()
	p.layout = layout
	p.mu.Unlock()
	return p
}

func BenchmarkPopulationGenerate100k(b *testing.B) {
	for _, c := range []struct {
		name           string
		layout, colour int
	}{{"traits-opinion", LayoutTraits, ColourOpinion}, {"network-opinion", LayoutNetwork, ColourOpinion},
		{"network-exposure", LayoutNetwork, ColourExposure}, {"traits-region", LayoutTraits, ColourRegion}} {
		b.Run(c.name, func(b *testing.B) {
			p := benchView(b, c.layout)
			p.mu.Lock()
			p.colour = c.colour
			p.mu.Unlock()
			b.ResetTimer()
			for range b.N {
				p.generate(1200, 800)
			}
		})
	}
}

func BenchmarkNetworkLayout100k(b *testing.B) {
	w := popWorld(b, 100_000)
	b.ResetTimer()
	for range b.N {
		networkLayout(w, 2)
	}
}

func BenchmarkPopulationHover100k(b *testing.B) {
	p := benchView(b, LayoutNetwork)
	p.generate(1200, 800)
	b.ResetTimer()
	for k := range b.N {
		p.mu.Lock()
		p.index.nearest(float64(k*37%1200), float64(k*53%800), hoverRadius)
		p.mu.Unlock()
	}
}

func TestPopulationDutch(t *testing.T) {
	if err := SetLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = SetLanguage("en") })
	p, win, _ := popView(t, popSnapshot(popWorld(t, 1500)))
	win.Canvas().Capture()
	if !slices.Contains(p.layoutSel.Options, "Netwerk") || !slices.Contains(p.xSel.Options, "Openheid") ||
		!slices.Contains(p.colourSel.Options, "Ontvangen advertenties") {
		t.Errorf("pickers not in Dutch: %q %q %q", p.layoutSel.Options, p.xSel.Options, p.colourSel.Options)
	}
	p.ySel.SetSelected("Leeftijd")
	if p.y != 7 {
		t.Errorf("choosing Leeftijd set axis %d", p.y)
	}
	if !legendHas(p, "tegen") || p.Status() != "Wijs een stip aan om te zien wie het is." {
		t.Errorf("legend or status not in Dutch: %q", p.Status())
	}
	if s := p.Short(3); !strings.HasPrefix(s, "Persoon 3: ") || !strings.Contains(s, "mening") {
		t.Errorf("short profile %q", s)
	}
	if s := p.Profile(3); !strings.Contains(s, "Openheid: ") {
		t.Errorf("profile %q", s)
	}
}

func TestPopulationCompleteNetworkFallback(t *testing.T) {
	cfg, err := scenarios.Default()
	if err != nil {
		t.Fatal(err)
	}
	cfg.Population.Size = 1200
	cfg.Network.Kind = "complete"
	w, err := sim.BuildWorld(cfg, 5, 2)
	if err != nil {
		t.Fatal(err)
	}
	p, win, q := popView(t, popSnapshot(w))
	p.SetLayout(LayoutNetwork)
	waitFor(t, q, "the fallback layout", p.NetworkReady)
	if !p.note.Visible() || !strings.Contains(p.note.Text, "everyone is tied to everyone") {
		t.Errorf("note %q (visible %v)", p.note.Text, p.note.Visible())
	}
	win.Canvas().Capture()
	p.mu.Lock()
	defer p.mu.Unlock()
	// The sunflower disc: everyone inside the circle of radius 0.48.
	for i := range w.Pop.N {
		dx, dy := float64(p.netXY[2*i]-0.5), float64(p.netXY[2*i+1]-0.5)
		if dx*dx+dy*dy > 0.49*0.49 {
			t.Fatalf("agent %d outside the disc", i)
		}
	}
}
