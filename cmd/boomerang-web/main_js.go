//go:build js && wasm

package main

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall/js"
	"time"

	"fyne.io/fyne/v2/app"

	"boomerang/scenarios"
	"boomerang/sim"
	"boomerang/ui"
	"boomerang/ui/play"
)

func main() {
	ui.BootMark("main")
	q := query()
	if q.Get("bench") == "1" {
		if err := bench(q.Get("scenario")); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
		}
		return
	}
	if err := ui.LoadTranslations(); err != nil {
		fmt.Fprintln(os.Stderr, "boomerang: translations:", err)
	}
	ui.BootMark("translations loaded")
	a := app.NewWithID("org.boomerang.app")
	a.SetIcon(ui.Icon())
	language := q.Get("lang")
	if language == "" {
		language = a.Preferences().String(ui.PrefLanguage)
	}
	if language == "" { // the browser's own language, if the app speaks it
		language = "en"
		if l := js.Global().Get("navigator").Get("language"); l.Type() == js.TypeString && strings.HasPrefix(l.String(), "nl") {
			language = "nl"
		}
	}
	if err := ui.SetLanguage(language); err != nil {
		fmt.Fprintln(os.Stderr, "boomerang: language:", err)
	}
	var (
		cfg  sim.Config
		name string
		err  error
	)
	if name = q.Get("scenario"); name != "" {
		cfg, err = scenarios.Builtin(name)
	} else {
		cfg, name, err = ui.StartConfig(a.Preferences())
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "boomerang: scenario %q: %v; opening the default\n", name, err)
		if cfg, err = scenarios.Default(); err != nil {
			fmt.Fprintln(os.Stderr, "boomerang:", err)
			return
		}
		name = scenarios.DefaultName
	}
	var trace io.Writer
	if q.Get("trace") == "1" {
		trace = console{} // the browser's console
	}
	var delay time.Duration
	if q.Get("fast") == "1" {
		delay = -1 // as fast as the model runs (the speed test)
	}
	ui.BootMark("scenario chosen")
	runs := play.DefaultReplications // as on the desktop (issue 17)
	if n, err := strconv.Atoi(q.Get("runs")); err == nil {
		runs = n
	}
	u := ui.New(a, cfg, ui.Options{Autoplay: q.Get("autoplay") == "1", Metric: q.Get("metric"), StepDelay: delay, Replications: runs,
		Scenario: name, Tab: q.Get("tab"), Present: q.Get("present") == "1", Agent: -1, Trace: trace})
	ui.BootMark("ui built")
	if err := u.ShowAndRun(); err != nil {
		fmt.Fprintln(os.Stderr, "boomerang:", err)
	}
}

// console writes to the browser's console, one message per Write: the
// trace's screen lists are dozens of lines written at once, and os.Stdout
// makes a message of each line, which in a browser driven by a test
// (every message sent over the DevTools protocol) cost tens of
// milliseconds apiece.
type console struct{}

// Write logs p (without its last newline) as one console message.
func (console) Write(p []byte) (int, error) {
	js.Global().Get("console").Call("log", strings.TrimSuffix(string(p), "\n"))
	return len(p), nil
}

// query is the page address's query string (?lang=nl&tab=campaign).
func query() url.Values {
	q, err := url.ParseQuery(js.Global().Get("location").Get("search").String())
	if err != nil || q == nil {
		return url.Values{}
	}
	// ParseQuery keeps the leading '?' in the first key.
	out := url.Values{}
	for k, v := range q {
		if len(k) > 0 && k[0] == '?' {
			k = k[1:]
		}
		out[k] = v
	}
	return out
}
