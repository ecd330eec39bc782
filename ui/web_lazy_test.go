package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// heavyView stands for a view that is costly to lay out: it counts its
// renderers and remembers its size.
type heavyView struct {
	widget.BaseWidget
	renderers int
}

func newHeavyView() *heavyView {
	v := &heavyView{}
	v.ExtendBaseWidget(v)
	return v
}

func (v *heavyView) CreateRenderer() fyne.WidgetRenderer {
	v.renderers++
	return widget.NewSimpleRenderer(widget.NewLabel("a long page of text"))
}

func (v *heavyView) MinSize() fyne.Size { return fyne.NewSize(300, 500) }

func TestLazyTabWaitsUntilShown(t *testing.T) {
	test.NewApp()
	heavy := newHeavyView()
	lazy := newLazyTab(heavy)
	tabs := container.NewAppTabs(
		container.NewTabItem("first", widget.NewLabel("first")),
		container.NewTabItem("second", lazy))
	w := test.NewWindow(tabs)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	w.Canvas().Capture()
	if heavy.renderers != 0 || heavy.Size() != (fyne.Size{}) {
		t.Errorf("hidden tab: %d renderers, size %v; want none before it is shown", heavy.renderers, heavy.Size())
	}
	if min := tabs.MinSize(); min.Height >= 500 {
		t.Errorf("tabs' minimum height %v counts the hidden view", min.Height)
	}

	tabs.SelectIndex(1)
	w.Canvas().Capture()
	if heavy.renderers != 1 {
		t.Errorf("shown tab: %d renderers, want 1", heavy.renderers)
	}
	if s := heavy.Size(); s.Width < 300 || s.Height < 200 {
		t.Errorf("shown view laid out at %v", s)
	}
	if min := lazy.MinSize(); min != heavy.MinSize() {
		t.Errorf("open tab's minimum size %v, want the view's %v", min, heavy.MinSize())
	}
	// Back and forth: from now on a plain wrapper.
	tabs.SelectIndex(0)
	tabs.SelectIndex(1)
	w.Canvas().Capture()
	if heavy.renderers != 1 || !heavy.Visible() {
		t.Errorf("after switching back: %d renderers, visible %v", heavy.renderers, heavy.Visible())
	}
}
