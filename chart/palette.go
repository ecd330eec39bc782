package chart

import (
	"image/color"

	"boomerang/sim"
)

// OkabeIto is the Okabe–Ito palette (Okabe & Ito 2008), distinguishable
// with the common forms of colour blindness, in the order arms take it.
// Black and yellow come last: black is close to the control arm's grey
// and yellow is hard to see on white.
var OkabeIto = [...]color.RGBA{
	{0x00, 0x72, 0xB2, 0xFF}, // blue
	{0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
	{0xE6, 0x9F, 0x00, 0xFF}, // orange
	{0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	{0xF0, 0xE4, 0x42, 0xFF}, // yellow
}

// ControlLight and ControlDark are the neutral colours of the control
// arm on a light and on a dark background.
var (
	ControlLight = color.RGBA{0x55, 0x55, 0x55, 0xFF}
	ControlDark  = color.RGBA{0xB0, 0xB0, 0xB0, 0xFF}
)

// IsControl reports whether an arm is the no-campaign control arm: it is
// named "control" or runs the control strategy (sim.IsControl).
func IsControl(name, strategy string) bool {
	return name == "control" || sim.IsControl(strategy)
}

// strategyColour is the OkabeIto index of each strategy: an arm takes the
// colour of its strategy, so it looks the same in every view, whatever
// the order or the number of arms (the trade-off grid has no control and
// other arms than the campaign view). Yellow (6) is left for a second arm
// with the same strategy or an unknown strategy.
var strategyColour = map[string]int{
	"broadcast":     0, // blue
	"psychographic": 1, // vermillion
	"demographic":   2, // bluish green
	"lookalike":     3, // reddish purple
	"adaptive":      4, // orange
	"demobilise":    5, // sky blue
}

// StrategyColour is the colour of an arm that runs strategy s, and
// whether s has a colour of its own (the control's grey is ControlLight or
// ControlDark).
func StrategyColour(s string) (color.RGBA, bool) {
	k, ok := strategyColour[s]
	if !ok {
		return color.RGBA{}, false
	}
	return OkabeIto[k], true
}

// ArmColors returns one colour per arm, in the order given: the control
// arm is neutral grey; every other arm takes its strategy's colour
// (StrategyColour), so an arm keeps its colour in every chart and every
// view. A second arm with the same strategy (or an arm with a strategy
// that has no colour) takes a colour that no strategy of these arms owns,
// yellow first. dark selects the control grey for a dark background.
func ArmColors(names, strategies []string, dark bool) []color.Color {
	out := make([]color.Color, len(names))
	strategyOf := func(i int) string {
		if i < len(strategies) {
			return strategies[i]
		}
		return ""
	}
	var owned [len(OkabeIto)]bool // colours owned by a strategy of these arms
	for i, n := range names {
		if k, ok := strategyColour[strategyOf(i)]; ok && !IsControl(n, strategyOf(i)) {
			owned[k] = true
		}
	}
	first := map[string]bool{} // strategies whose colour is taken
	used := owned
	for i, n := range names {
		s := strategyOf(i)
		switch k, ok := strategyColour[s]; {
		case IsControl(n, s):
			out[i] = ControlLight
			if dark {
				out[i] = ControlDark
			}
		case ok && !first[s]:
			first[s] = true
			out[i] = OkabeIto[k]
		default:
			out[i] = OkabeIto[freeColour(&used)]
		}
	}
	return out
}

// freeColour takes an OkabeIto colour not yet used, from yellow
// backwards, marking it used; when all are used it starts over.
func freeColour(used *[len(OkabeIto)]bool) int {
	for _, k := range []int{6, 5, 4, 3, 2, 1, 0} {
		if !used[k] {
			used[k] = true
			return k
		}
	}
	*used = [len(OkabeIto)]bool{}
	return freeColour(used)
}

// isDark reports whether c is a dark colour (relative luminance < 0.5).
func isDark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	l := (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xFFFF
	return l < 0.5
}

// withAlpha returns c at opacity a in [0, 1], premultiplied as color.RGBA
// requires.
func withAlpha(c color.Color, a float64) color.RGBA {
	r, g, b, _ := c.RGBA()
	return color.RGBA{
		R: uint8(float64(r>>8) * a),
		G: uint8(float64(g>>8) * a),
		B: uint8(float64(b>>8) * a),
		A: uint8(255 * a),
	}
}

// mix blends a and b: t = 0 gives a, t = 1 gives b (opaque result).
func mix(a, b color.Color, t float64) color.RGBA {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	f := func(x, y uint32) uint8 { return uint8((float64(x>>8)*(1-t) + float64(y>>8)*t) + 0.5) }
	return color.RGBA{f(ar, br), f(ag, bg), f(ab, bb), 0xFF}
}
