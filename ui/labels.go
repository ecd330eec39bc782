package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"boomerang/chart"
	"boomerang/sim"
)

// wrapLabel is a label whose text wraps at word boundaries.
func wrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// boldLabel is a bold label (a heading or column header).
func boldLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	return l
}

// darkCharts reports whether the charts are drawn on a dark background
// (the theme's), which picks the control arm's grey.
func darkCharts() bool {
	bg, _ := chartColours()
	r, g, b, _ := bg.RGBA()
	return 0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b) < 0.5*0xFFFF
}

// armColours is the colour of each of the scenario's arms, the same one
// in every view (chart.ArmColors: the colour of the arm's strategy).
func armColours(arms []sim.ArmConfig) []color.Color {
	names, strategies := make([]string, len(arms)), make([]string, len(arms))
	for i, a := range arms {
		names[i], strategies[i] = a.Name, a.Strategy
	}
	return chart.ArmColors(names, strategies, darkCharts())
}

// resultArmColour is the colour of arm k of a run's result (nil when
// there is no such arm).
func resultArmColour(res sim.Result, k int) color.Color {
	arms := resultArms(res)
	if k < 0 || k >= len(arms) {
		return nil
	}
	return armColours(arms)[k]
}

// resultArms is the name and strategy of each arm of a run's result.
func resultArms(res sim.Result) []sim.ArmConfig {
	arms := make([]sim.ArmConfig, len(res.Arms))
	for i, a := range res.Arms {
		arms[i] = sim.ArmConfig{Name: a.Name, Strategy: a.Strategy}
	}
	return arms
}

// displayResult is res with its arms named as the UI shows them
// (DisplayName), for a chart whose legend names the arms; colours follow
// the strategy, so they do not change.
func displayResult(res sim.Result) sim.Result {
	out := res
	out.Arms = make([]sim.ArmResult, len(res.Arms))
	for i, a := range res.Arms {
		a.Name = DisplayName(a.Name)
		out.Arms[i] = a
	}
	return out
}
