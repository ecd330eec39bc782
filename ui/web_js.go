//go:build js

package ui

import (
	"bytes"
	"fmt"
	"syscall/js"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"boomerang/chart"
	"boomerang/scenarios"
	"boomerang/sim"
)

// This file is what the app does differently in a web browser
// (cmd/boomerang-web, GOOS=js): exports become downloads, a scenario
// file comes from the browser's file picker, the page hears of every
// step (document.body's data-step, which scripts/web-test.sh reads), and
// the work a tab does on its one thread is bounded and interrupted so
// that the page keeps drawing. Preferences need nothing here: Fyne keeps
// them in the browser's local storage.

// MaxBrowserPeople bounds the people a browser tab simulates, summed over
// the replications: a tab computes on one thread, between frames. In
// headless Chromium on the shared test machine targeting-showdown's
// 50,000 took 13–39 s to build and 0.16–0.5 s a step (docs/PERFORMANCE.md),
// too slow for a class; the built-in scenarios of 50,000 run with 30,000
// here, those up to 30,000 as they are. The desktop app and the CLI take
// 2,000,000.
const MaxBrowserPeople = 30_000

// BrowserTradeoffPopulation and BrowserTradeoffReps are the trade-off
// grid's size in a browser: 16 settings × 2 replications of 2,000
// people, a few seconds of one thread.
const (
	BrowserTradeoffPopulation = 2000
	BrowserTradeoffReps       = 2
)

// minStepDelay is the least time the controller waits between two steps
// while playing: a wait is when the browser gets its thread back to draw
// and to take clicks, so even Fastest waits this long.
const minStepDelay = 4 * time.Millisecond

// yieldEvery is how long work may hold the thread before it lets the
// browser draw (yieldToBrowser).
const yieldEvery = 50 * time.Millisecond

// yieldToBrowser sleeps a millisecond if more than yieldEvery has passed
// since *last, so that long work (the trade-off grid) lets the page
// draw its progress; *last is the time of the previous yield.
func yieldToBrowser(last *time.Time) {
	if time.Since(*last) < yieldEvery {
		return
	}
	time.Sleep(time.Millisecond)
	*last = time.Now()
}

// tradeoffSize is the trade-off grid's population and replications in a
// browser: at most BrowserTradeoffPopulation and BrowserTradeoffReps.
func tradeoffSize(pop, reps int) (int, int) {
	return min(pop, BrowserTradeoffPopulation), min(reps, BrowserTradeoffReps)
}

// fitTab shrinks a scenario whose people × reps exceed MaxBrowserPeople
// to fit (a built-in scenario or a file the user opened); it reports
// whether it did. A size the scenario refuses is left as it was (Load
// then refuses the scenario with tabRefuses' message).
func fitTab(cfg sim.Config, reps int) (sim.Config, bool) {
	reps = max(1, reps)
	if cfg.Population.Size*reps <= MaxBrowserPeople {
		return cfg, false
	}
	c := cloneConfig(cfg)
	c.Population.Size = MaxBrowserPeople / reps
	if c.Validate() != nil {
		return cfg, false
	}
	return c, true
}

// tabRefuses refuses a run larger than a browser tab computes, saying
// where the larger one runs.
func tabRefuses(cfg sim.Config, reps int) error {
	reps = max(1, reps)
	if cfg.Population.Size*reps <= MaxBrowserPeople {
		return nil
	}
	return fmt.Errorf(lang.L("In a browser at most %d people (times the replications) can be simulated: a browser tab computes on one thread. The desktop app and boomerang-cli take up to 2,000,000."), MaxBrowserPeople)
}

// showStep writes the step on screen into the page (document.body's
// data-step and data-steps attributes), and the title, so that a test or
// a person sees that the run moves.
func (u *App) showStep(s Snapshot) {
	body := js.Global().Get("document").Get("body")
	if body.IsNull() || body.IsUndefined() {
		return
	}
	body.Call("setAttribute", "data-step", s.T)
	body.Call("setAttribute", "data-steps", s.Steps)
}

// browserExport is the Export dialog of the browser: every button
// downloads one file (a browser may ask before a page downloads several
// at once).
func (u *App) browserExport() bool {
	labels, metrics := u.chartChoices()
	which := widget.NewSelect(labels, nil)
	which.SetSelected(labels[0])
	var dlg dialog.Dialog
	chartAs := func(ext string) func() {
		return func() {
			dlg.Hide()
			metric := metrics[max(0, which.SelectedIndex())]
			name := u.baseName() + "-" + metric + ext
			p, err := u.exportPlot(metric)
			if err != nil {
				u.downloaded(name, mimeType(ext), nil, err)
				return
			}
			// Encoding a 1600×1000 chart takes seconds in a tab: the
			// dialog closes and the status line says so first.
			u.setStatus(fmt.Sprintf(lang.L("Exporting %s…"), name), false)
			go func() {
				time.Sleep(50 * time.Millisecond) // lets the page draw the closed dialog
				var buf bytes.Buffer
				err := chart.Encode(&buf, p, ext, ExportWidth, ExportHeight)
				u.do(func() { u.downloaded(name, mimeType(ext), buf.Bytes(), err) })
			}()
		}
	}
	csvAs := func(summary bool) func() {
		return func() {
			dlg.Hide()
			steps, sum, err := u.runCSV()
			name, data := u.baseName()+"-steps.csv", steps
			if summary {
				name, data = u.baseName()+"-summary.csv", sum
			}
			u.downloaded(name, mimeType(".csv"), data, err)
		}
	}
	toml := widget.NewButton(lang.L("Scenario (TOML)"), func() {
		dlg.Hide()
		data, err := scenarios.Marshal(u.cfg)
		u.downloaded(u.baseName()+".toml", mimeType(".toml"), data, err)
	})
	content := container.NewVBox(
		widget.NewLabel(lang.L("Chart:")), which, formatButtons("", chartAs),
		widget.NewSeparator(),
		widget.NewLabel(lang.L("Run data (CSV):")),
		container.NewGridWithColumns(2,
			widget.NewButton("steps.csv", csvAs(false)),
			widget.NewButton("summary.csv", csvAs(true))),
		toml,
		widget.NewLabel(lang.L("Each button downloads one file into the browser's downloads.")),
	)
	dlg = dialog.NewCustom(lang.L("Export"), lang.L("Close"), content, u.Window)
	dlg.SetOnClosed(u.refocus)
	dlg.Show()
	u.tracef("dialog export")
	return true
}

// mimeType is the type of a download, by its extension.
func mimeType(ext string) string {
	switch ext {
	case ".png":
		return "image/png"
	case ".svg":
		return "image/svg+xml"
	case ".pdf":
		return "application/pdf"
	case ".csv":
		return "text/csv"
	}
	return "application/toml"
}

// downloaded hands data to the browser as a download named name, or
// reports err, in the status line as the desktop's exports do.
func (u *App) downloaded(name, mime string, data []byte, err error) {
	defer u.refocus()
	if err == nil {
		err = download(name, mime, data)
	}
	u.reportExport(name, err)
	if err == nil {
		u.tracef("download %s %d", name, len(data))
	}
}

// download makes the browser save data as a file named name: a link to a
// Blob of it, clicked and removed.
func download(name, mime string, data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil { // a js.Error from the page
			err = fmt.Errorf("%v", r)
		}
	}()
	g := js.Global()
	arr := g.Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	blob := g.Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	urls := g.Get("URL")
	href := urls.Call("createObjectURL", blob)
	doc := g.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", href)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	// The browser has the Blob once the download began; free it later.
	g.Call("setTimeout", urls.Get("revokeObjectURL").Call("bind", urls, href), 60_000)
	return nil
}

// browserOpen asks the browser's file picker for a scenario file and
// loads it; the file stays in the browser.
func (u *App) browserOpen() bool {
	doc := js.Global().Get("document")
	in := doc.Call("createElement", "input")
	in.Set("type", "file")
	in.Set("accept", ".toml")
	var changed, read js.Func
	changed = js.FuncOf(func(js.Value, []js.Value) any {
		changed.Release()
		files := in.Get("files")
		if files.Get("length").Int() == 0 {
			return nil
		}
		f := files.Index(0)
		name := f.Get("name").String()
		if f.Get("size").Int() > scenarios.MaxFileSize {
			go u.do(func() {
				u.openFailed(name, fmt.Errorf(lang.L("%s: larger than %d bytes"), name, scenarios.MaxFileSize))
			})
			return nil
		}
		read = js.FuncOf(func(_ js.Value, args []js.Value) any {
			read.Release()
			buf := js.Global().Get("Uint8Array").New(args[0])
			data := make([]byte, buf.Get("length").Int())
			js.CopyBytesToGo(data, buf)
			// A callback must not block: the UI goroutine takes it from here.
			go u.do(func() {
				if err := u.OpenScenario(name, bytes.NewReader(data)); err != nil {
					u.openFailed(name, err)
				}
			})
			return nil
		})
		f.Call("arrayBuffer").Call("then", read)
		return nil
	})
	in.Call("addEventListener", "change", changed)
	in.Call("click")
	u.tracef("dialog open (browser)")
	return true
}

// openFailed reports a scenario file that could not be loaded.
func (u *App) openFailed(name string, err error) {
	u.refuse(name, err)
	e := dialog.NewError(fmt.Errorf(lang.L("%v\n\nThe previous scenario stays loaded."), err), u.Window)
	e.SetOnClosed(u.refocus)
	e.Show()
}

// chartShare is the share of the thread one live chart may take: it is
// redrawn at most every cost/chartShare, so that the campaign view's four
// charts leave most of the tab's one thread to the model and the clicks
// (a chart costs 10–20 times more to draw in WebAssembly than natively;
// docs/PERFORMANCE.md).
const chartShare = 0.08

// redrawInterval is the least time between two redraws of a live chart
// whose last frame took cost to draw.
func redrawInterval(cost time.Duration) time.Duration {
	return time.Duration(float64(cost) / chartShare)
}

// setBrowserLanguage makes the page report code as the browser's
// language: Fyne's translations follow navigator.languages in a browser.
func setBrowserLanguage(code string) {
	obj := js.Global().Get("Object")
	nav := js.Global().Get("navigator")
	obj.Call("defineProperty", nav, "languages", map[string]any{"value": []any{code}, "configurable": true})
	obj.Call("defineProperty", nav, "language", map[string]any{"value": code, "configurable": true})
}

// BootMark writes on the browser's console how long after the page
// began to load what happened ("boot: 4210 ms window shown"), so that
// the start-up's time can be read in a real browser
// (docs/PERFORMANCE.md).
func BootMark(what string) {
	g := js.Global()
	now := g.Get("performance").Call("now").Float()
	g.Get("console").Call("log", fmt.Sprintf("boot: %6.0f ms %s", now, what))
}

// applyShare is the share of the tab's thread that showing snapshots
// may take while a run plays: after a snapshot took cost to apply, the
// next waits until cost/applyShare has passed (latest.go), so that the
// model, the charts and the page's drawing keep the rest.
const applyShare = 0.25

// maxApplyGap bounds that wait, so that the step counter moves at least
// this often however slow the machine.
const maxApplyGap = time.Second

// applyGap is the least time from one delivery of snapshots to the
// next, when the last one took cost.
func applyGap(cost time.Duration) time.Duration {
	return min(time.Duration(float64(cost)/applyShare), maxApplyGap)
}

// tabContent is what a tab other than the first holds: its view, laid
// out only once the tab is first shown (web_lazy.go).
func tabContent(view fyne.CanvasObject) fyne.CanvasObject { return newLazyTab(view) }

// listLater makes the app list the built-in scenarios after its first
// frame (startup.go): in a tab that takes a second of the one thread.
const listLater = true

// firstFrame is how long the controller waits after publishing step 0
// before it builds the other replications' worlds (seconds of the tab's
// one thread, in which the page cannot draw): time for the page to show
// step 0 first.
const firstFrame = 300 * time.Millisecond

// firstFrameWait lets the page draw step 0 (controller goroutine).
func firstFrameWait() { time.Sleep(firstFrame) }
