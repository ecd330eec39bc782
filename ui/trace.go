package ui

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// This file is the app's trace (Options.Trace, BOOMERANG_TRACE=1): one
// line per thing that happened ("trace: presentation on") and, whenever
// the screen changes, where each piece of text is, in window pixels. The
// real-window test (scripts/window-test.sh) reads it to know when the
// app is ready and where to click, the way a person reads the screen, so
// that it needs no fixed waits and no hard-coded coordinates.

// traceEvery is how often the trace looks for a changed screen.
const traceEvery = 150 * time.Millisecond

// tracef writes one event line to the trace, if there is one.
func (u *App) tracef(format string, args ...any) {
	if u.opt.Trace == nil {
		return
	}
	fmt.Fprintf(u.opt.Trace, "trace: "+format+"\n", args...)
}

// startTrace writes the screen's texts whenever they change, until the
// app closes.
func (u *App) startTrace() {
	if u.opt.Trace == nil {
		return
	}
	go func() {
		last, n := "", 0
		for !u.closing.Load() {
			time.Sleep(traceEvery)
			u.do(func() {
				if d := u.screenTexts(); d != last {
					last = d
					n++
					fmt.Fprintf(u.opt.Trace, "trace: screen %d\n%s", n, d)
				}
			})
		}
	}()
}

// screenTexts lists every visible text of the window and its overlays
// (dialogs, open pickers) as `trace: at "TEXT" X Y` lines, X and Y the
// text's centre in window pixels; the overlays come last, so the last
// line with a text is the one on top. A file dialog's file grid, whose
// items are not reachable, is listed as `trace: grid X Y W H`, and each
// overlay as `trace: overlay TYPE` (an open picker: *widget.PopUpMenu),
// and each live chart as `trace: plot METRIC X Y W H`.
func (u *App) screenTexts() string {
	c := u.Window.Canvas()
	var b strings.Builder
	scale := c.Scale()
	emit := func(kind, text string, pos fyne.Position, size fyne.Size) {
		x, y := (pos.X+size.Width/2)*scale, (pos.Y+size.Height/2)*scale
		switch kind {
		case "at":
			fmt.Fprintf(&b, "trace: at %q %.0f %.0f\n", text, x, y)
		default:
			fmt.Fprintf(&b, "trace: grid %.0f %.0f %.0f %.0f\n", pos.X*scale, pos.Y*scale, size.Width*scale, size.Height*scale)
		}
	}
	var walk func(o fyne.CanvasObject, at fyne.Position)
	walk = func(o fyne.CanvasObject, at fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		switch w := o.(type) {
		case *fyne.Container:
			for _, child := range w.Objects {
				walk(child, pos)
			}
		case *container.Scroll:
			walk(w.Content, pos)
		case *container.Split:
			walk(w.Leading, pos)
			walk(w.Trailing, pos)
		case *container.AppTabs:
			if it := w.Selected(); it != nil {
				walk(it.Content, pos)
			}
		case *widget.PopUp:
			walk(w.Content, pos)
		case *widget.Button:
			if w.Text != "" {
				emit("at", w.Text, pos, w.Size())
			}
		case *widget.Label:
			if w.Text != "" {
				emit("at", w.Text, pos, w.Size())
			}
		case *widget.Entry:
			emit("at", w.Text, pos, w.Size())
		case *keySelect:
			emit("at", selectText(&w.Select), pos, w.Size())
		case *widget.Select:
			emit("at", selectText(w), pos, w.Size())
		case *widget.GridWrap:
			emit("grid", "", pos, w.Size())
		case *LiveChart:
			sz := w.Size()
			fmt.Fprintf(&b, "trace: plot %s %.0f %.0f %.0f %.0f\n", w.Metric(), pos.X*scale, pos.Y*scale, sz.Width*scale, sz.Height*scale)
		default:
			if child := content(o); child != o {
				walk(child, pos)
			}
		}
	}
	walk(c.Content(), fyne.Position{})
	for _, o := range c.Overlays().List() {
		fmt.Fprintf(&b, "trace: overlay %T\n", content(o))
		walk(o, fyne.Position{})
	}
	return b.String()
}

// selectText is what a Select shows.
func selectText(s *widget.Select) string {
	if s.Selected != "" {
		return s.Selected
	}
	return s.PlaceHolder
}

// content is what o holds in an exported Content field, else o: Fyne's
// overlay holder (internal/widget.OverlayContainer) cannot be imported,
// but its Content can be read.
func content(o fyne.CanvasObject) fyne.CanvasObject {
	if v := reflect.ValueOf(o); v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
		if f := v.Elem().FieldByName("Content"); f.IsValid() && f.CanInterface() {
			if child, ok := f.Interface().(fyne.CanvasObject); ok && child != nil {
				return child
			}
		}
	}
	return o
}
