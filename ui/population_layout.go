package ui

import (
	"cmp"
	"image/color"
	"math"
	"slices"

	"boomerang/sim"
	"boomerang/sim/network"
)

// This file holds the population view's machinery that does not touch
// widgets: the network layout (computed off the UI goroutine), the colour
// scales and the grid index that finds the dot under the pointer.

// networkLayout places the agents of w by their ties (network.Layout2D):
// xy holds agent i at (xy[2i], xy[2i+1]) in the unit square. structured
// is false when the network has nothing to draw (complete, or no ties):
// then the agents sit on a disc in rings by region, and within a ring by
// ideology, so the picture still says something true. It takes well under
// a second at 100,000 agents; call it off the UI goroutine.
func networkLayout(w *sim.World, workers int) (xy []float32, structured bool) {
	if w.Graph != nil {
		if xy, ok := network.Layout2D(w.Graph, workers); ok {
			return xy, true
		}
	}
	n := w.Pop.N
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		return cmp.Or(cmp.Compare(w.Pop.Region[a], w.Pop.Region[b]),
			cmp.Compare(w.Pop.Ideology[a], w.Pop.Ideology[b]), cmp.Compare(a, b))
	})
	// A sunflower (Vogel 1979): rank r at radius √(r/n) and angle r·golden
	// angle fills the disc evenly, so consecutive ranks form rings.
	xy = make([]float32, 2*n)
	golden := math.Pi * (3 - math.Sqrt(5))
	for r, i := range order {
		rad := 0.48 * math.Sqrt((float64(r)+0.5)/float64(n))
		a := float64(r) * golden
		xy[2*i] = float32(0.5 + rad*math.Cos(a))
		xy[2*i+1] = float32(0.5 + rad*math.Sin(a))
	}
	return xy, false
}

// ExposureColour maps a number of ads received to a sequential, colour-
// blind-safe colour: grey for none, then viridis (purple → blue → green →
// yellow) on a logarithmic scale up to most, the largest count shown. Log,
// because a few heavily targeted people would otherwise wash everyone else
// out to purple.
func ExposureColour(ads, most int32) color.NRGBA {
	if ads <= 0 {
		return color.NRGBA{0x99, 0x99, 0x99, 0xFF}
	}
	t := 1.0
	if most > 1 {
		t = math.Log1p(float64(ads-1)) / math.Log1p(float64(most-1))
	}
	return viridis(t)
}

// viridis samples the viridis map (van der Walt & Smith 2015) at t in
// [0, 1] from five stops.
func viridis(t float64) color.NRGBA {
	stops := [5][3]float64{{0x44, 0x01, 0x54}, {0x3B, 0x52, 0x8B}, {0x21, 0x90, 0x8C}, {0x5D, 0xC8, 0x63}, {0xFD, 0xE7, 0x25}}
	t = max(0, min(1, t)) * 4
	k := min(3, int(t))
	f := t - float64(k)
	a, b := stops[k], stops[k+1]
	return color.NRGBA{uint8(a[0] + f*(b[0]-a[0])), uint8(a[1] + f*(b[1]-a[1])), uint8(a[2] + f*(b[2]-a[2])), 0xFF}
}

// okabeIto is the Okabe & Ito (2008) categorical palette, colour-blind
// safe, without its black (invisible on the dark theme).
var okabeIto = [7]color.NRGBA{
	{0xE6, 0x9F, 0x00, 0xFF}, // orange
	{0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	{0xF0, 0xE4, 0x42, 0xFF}, // yellow
	{0x00, 0x72, 0xB2, 0xFF}, // blue
	{0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
}

// CategoryColour is the colour of category k (an age group or a region):
// the Okabe–Ito colours in turn, repeating after seven.
func CategoryColour(k int) color.NRGBA { return okabeIto[k%len(okabeIto)] }

// AgeGroups are the age groups of the "age group" colouring: the bands
// audiences are bought by (18–29, 30–44, 45–64, 65+), and minors.
var AgeGroups = []string{"18–29", "30–44", "45–64", "65+", "under 18"}

// ageGroup is the index in AgeGroups of an age.
func ageGroup(age uint8) int {
	switch {
	case age < 18:
		return 4
	case age < 30:
		return 0
	case age < 45:
		return 1
	case age < 65:
		return 2
	}
	return 3
}

// dotIndex finds the agent drawn nearest to a pixel without scanning all
// agents: a coarse grid of cells, each listing the agents drawn in it
// (counting sort, so O(agents) to build). A hover then looks at a few
// cells only, which keeps mouse moves cheap at 100,000 agents.
type dotIndex struct {
	w, h   int     // the image it was built for, in pixels
	cell   int     // cell side, pixels
	cols   int     // cells per row
	start  []int32 // agents of cell c: items[start[c]:start[c+1]]
	items  []int32
	px, py []int32 // every agent's pixel
}

// dotCell is the cell side of a dotIndex: about the hover radius, so a
// hover looks at 3×3 cells.
const dotCell = 12

// newDotIndex indexes the agents drawn at (px[i], py[i]) in a w×h image.
func newDotIndex(px, py []int32, w, h int) *dotIndex {
	d := &dotIndex{w: w, h: h, cell: dotCell, px: px, py: py}
	d.cols = (w + dotCell - 1) / dotCell
	rows := (h + dotCell - 1) / dotCell
	d.start = make([]int32, d.cols*rows+1)
	for i := range px {
		d.start[d.cellOf(int(px[i]), int(py[i]))+1]++
	}
	for c := 1; c < len(d.start); c++ {
		d.start[c] += d.start[c-1]
	}
	fillAt := slices.Clone(d.start[:len(d.start)-1])
	d.items = make([]int32, len(px))
	for i := range px {
		c := d.cellOf(int(px[i]), int(py[i]))
		d.items[fillAt[c]] = int32(i)
		fillAt[c]++
	}
	return d
}

func (d *dotIndex) cellOf(x, y int) int {
	cx := max(0, min(d.cols-1, x/d.cell))
	rows := (len(d.start) - 1) / d.cols
	cy := max(0, min(rows-1, y/d.cell))
	return cy*d.cols + cx
}

// nearest returns the agent drawn nearest to pixel (x, y) within radius
// pixels, or -1. Later agents are drawn on top, so on a tie the later one
// (the one the user sees) wins.
func (d *dotIndex) nearest(x, y float64, radius int) int {
	rows := (len(d.start) - 1) / d.cols
	best, bestD := -1, float64(radius)*float64(radius)
	r := (radius + d.cell - 1) / d.cell
	cx, cy := int(x)/d.cell, int(y)/d.cell
	for gy := max(0, cy-r); gy <= min(rows-1, cy+r); gy++ {
		for gx := max(0, cx-r); gx <= min(d.cols-1, cx+r); gx++ {
			c := gy*d.cols + gx
			for _, i := range d.items[d.start[c]:d.start[c+1]] {
				dx, dy := float64(d.px[i])-x, float64(d.py[i])-y
				if dd := dx*dx + dy*dy; dd < bestD || (dd == bestD && int(i) > best) {
					best, bestD = int(i), dd
				}
			}
		}
	}
	return best
}
