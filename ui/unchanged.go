package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Setters that leave a widget alone when what it shows does not change:
// every refresh lays the widget out again and, in a browser, redraws its
// text and icon in WebAssembly (an icon is an SVG recoloured at each
// refresh), which made the same Pause button cost milliseconds at every
// step of a run (issue 21).

// setButton gives b text and icon, refreshing it only if either changed.
func setButton(b *widget.Button, text string, icon fyne.Resource) {
	if b.Text == text && sameResource(b.Icon, icon) {
		return
	}
	b.Text, b.Icon = text, icon
	b.Refresh()
}

// sameResource reports whether a and b are the same resource (by name:
// a theme hands out a new value for the same icon).
func sameResource(a, b fyne.Resource) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Name() == b.Name()
}
