package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// lazyTab holds a tab's content and keeps it from being laid out, or its
// size asked, until the tab is first shown. Fyne's tabs ask every tab's
// content for its minimum size at start, which lays out and measures the
// text of every view (the Learn view's pages, the settings' notes): in a
// browser tab that was about a second of the start-up in WebAssembly
// (issue 21, docs/PERFORMANCE.md), for views nobody had opened yet. In a
// browser the app's tabs other than the first hold their views through
// it (tabContent, web_js.go).
type lazyTab struct {
	widget.BaseWidget

	// Content is the tab's view (exported so that the trace walks into
	// it, ui/trace.go).
	Content fyne.CanvasObject

	open bool      // shown once: from now on a plain wrapper
	size fyne.Size // the size the tabs gave before it was open
}

// newLazyTab wraps content.
func newLazyTab(content fyne.CanvasObject) *lazyTab {
	l := &lazyTab{Content: content}
	l.ExtendBaseWidget(l)
	return l
}

// CreateRenderer implements fyne.Widget.
func (l *lazyTab) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(l.Content)
}

// MinSize is the content's, once the tab has been shown; nothing before.
func (l *lazyTab) MinSize() fyne.Size {
	if !l.open {
		return fyne.Size{}
	}
	return l.BaseWidget.MinSize()
}

// Resize lays the content out, once the tab has been shown; before, it
// only remembers the size.
func (l *lazyTab) Resize(size fyne.Size) {
	if !l.open {
		l.size = size
		return
	}
	l.BaseWidget.Resize(size)
}

// Refresh redraws the content, once the tab has been shown.
func (l *lazyTab) Refresh() {
	if l.open {
		l.BaseWidget.Refresh()
	}
}

// Show opens the tab: from now on the content is laid out and drawn.
func (l *lazyTab) Show() {
	if !l.open {
		l.open = true
		l.BaseWidget.Resize(l.size)
	}
	l.BaseWidget.Show()
}
