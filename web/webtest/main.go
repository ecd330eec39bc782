// Command webtest drives the browser build of Boomerang in headless
// Chromium (Debian's chromium package, through chromedp) the way a
// student would, and fails if it does not work:
//
//  1. English: the page loads (time to the first chart is measured), a
//     click on Play starts the run, the step counter moves; Export → PNG
//     while the run plays downloads a file; a screenshot of the campaign
//     view; Space pauses, and Export → steps.csv downloads a file. Each
//     download is checked (PNG header, CSV header).
//  2. Dutch: the page loads in Dutch, Space plays, the step counter
//     moves; a screenshot.
//  3. Speed: the default scenario at full speed (?fast=1) plays all its
//     steps; steps per second are measured and must be at least -min-rate.
//
// Throughout, the page must log no uncaught error and no Go panic. The
// app runs with ?trace=1: it writes on the console what happens ("trace:
// playing true") and where each text is on its canvas (ui/trace.go), so
// the test waits for states and clicks on texts instead of sleeping and
// guessing coordinates. The step on screen is also in document.body's
// data-step (ui/web_js.go). scripts/web-test.sh builds, serves and runs it:
//
//	webtest -url http://127.0.0.1:8080/ -out out/web-test
//	webtest -url http://127.0.0.1:8080/ -bench broadcast-basics -reps 3   # timings only
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080/", "address of the served build (boomerang-cli serve-web)")
	out := flag.String("out", "out/web-test", "folder for screenshots, downloads and the console log")
	timeout := flag.Duration("timeout", 90*time.Second, "time each wait may take")
	minRate := flag.Float64("min-rate", 5, "steps per second the default scenario must reach at full speed")
	chrome := flag.String("chromium", "chromium", "the browser to run")
	benchNames := flag.String("bench", "", "instead of the test: time these built-in scenarios (comma-separated) in the tab without the UI (index.html?bench=1), -reps times each")
	reps := flag.Int("reps", 3, "repetitions of each -bench measure")
	times := flag.Int("times", 0, "instead of the test: this many times, the time to the first chart (with the page's boot: lines) and the default scenario's steps/s at full speed, each with the load average")
	extra := flag.String("query", "", "with -times: more of the page's query string, e.g. runs=1")
	flag.Parse()
	if *times > 0 {
		if err := timings(*base, *out, *chrome, *times, *timeout, *extra); err != nil {
			fmt.Fprintln(os.Stderr, "webtest: times:", err)
			os.Exit(1)
		}
		return
	}
	if *benchNames != "" {
		if err := measure(*base, *chrome, strings.Split(*benchNames, ","), *reps, *timeout); err != nil {
			fmt.Fprintln(os.Stderr, "webtest: bench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*base, *out, *chrome, *timeout, *minRate); err != nil {
		fmt.Fprintln(os.Stderr, "webtest: FAIL:", err)
		os.Exit(1)
	}
	fmt.Println("webtest: ok")
}

// page is one browser tab and what its console said.
type page struct {
	ctx     context.Context
	timeout time.Duration

	mu     sync.Mutex
	lines  []string // console lines, in order
	errors []string // uncaught exceptions, console errors, Go panics
}

// newBrowser starts headless Chromium with WebGL in software.
func newBrowser(chrome string) (context.Context, func()) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox, // CI runs as root
		chromedp.WindowSize(1280, 800),
		// WebGL without a GPU: SwiftShader, which Chromium 139 and later
		// use only when asked.
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("ignore-gpu-blocklist", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	return bctx, func() { cancelBrowser(); cancelAlloc() }
}

// measure loads index.html?bench=1&scenario=NAME reps times per name and
// prints the app's timing line, with the time the module took to
// download and compile (window.boomerang.loaded).
func measure(base, chrome string, names []string, reps int, timeout time.Duration) error {
	bctx, stop := newBrowser(chrome)
	defer stop()
	for _, name := range names {
		for r := 0; r < reps; r++ {
			p, done := openPage(bctx, timeout)
			if err := chromedp.Do(p.ctx, chromedp.Navigate(base+"?bench=1&scenario="+name)); err != nil {
				done()
				return err
			}
			i, err := p.waitLine(0, regexp.MustCompile(`^bench: [a-z-]+, `))
			if err != nil {
				done()
				return err
			}
			loaded, _ := chromedp.Run(p.ctx, chromedp.Evaluate[float64](`window.boomerang.loaded - window.boomerang.started`))
			p.mu.Lock()
			line := p.lines[i]
			p.mu.Unlock()
			fmt.Printf("%s (module downloaded and compiled in %.2f s)\n", line, loaded/1000)
			if j, err := p.waitLine(0, regexp.MustCompile(`^bench: world phases`)); err == nil {
				p.mu.Lock()
				fmt.Println(p.lines[j])
				p.mu.Unlock()
			}
			done()
		}
	}
	return nil
}

func run(base, out, chrome string, timeout time.Duration, minRate float64) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	downloads, err := filepath.Abs(filepath.Join(out, "downloads"))
	if err != nil {
		return err
	}
	os.RemoveAll(downloads)
	if err := os.MkdirAll(downloads, 0o755); err != nil {
		return err
	}
	bctx, stop := newBrowser(chrome)
	defer stop()
	if _, err := chromedp.CallBrowser(bctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		return fmt.Errorf("start chromium: %w", err)
	}

	var report []string
	// 1. English: click Play, screenshot, export.
	p, done := openPage(bctx, timeout)
	first, err := p.load(base + "?lang=en&tab=campaign&trace=1")
	if err != nil {
		done()
		return p.fail(out, "en", err)
	}
	report = append(report, fmt.Sprintf("time to first chart (en): %.2f s", first.Seconds()))
	if _, err := p.clickUntil("Play", regexp.MustCompile(`^trace: playing `)); err != nil {
		done()
		return p.fail(out, "en", err)
	}
	if err := p.plays(); err != nil {
		done()
		return p.fail(out, "en", fmt.Errorf("after a click on Play: %w", err))
	}
	// Export → PNG while the run plays: on the loaded machine clicks in
	// this dialog were lost while the tab worked through a backlog of
	// snapshots (issue 21); the number of clicks it took is reported.
	playingAtExport := p.playingNow()
	clicks, err := p.export("PNG", ".png", downloads)
	if err != nil {
		done()
		return p.fail(out, "en", err)
	}
	report = append(report, fmt.Sprintf("export PNG (while playing: %v): downloaded after %d click(s)", playingAtExport, clicks))
	if err := p.screenshot(filepath.Join(out, "campaign-en.png")); err != nil {
		done()
		return err
	}
	// Pause (Space), as a lecturer does before exporting the run's data,
	// unless the run is over already.
	if p.playingNow() {
		m := p.mark()
		if err := chromedp.Do(p.ctx, chromedp.KeyEvent(" ")); err != nil {
			done()
			return err
		}
		if _, err := p.waitLine(m, regexp.MustCompile(`^trace: playing false`)); err != nil {
			done()
			return p.fail(out, "en", fmt.Errorf("Space did not pause: %w", err))
		}
	}
	clicks, err = p.export("steps.csv", "-steps.csv", downloads)
	if err != nil {
		done()
		return p.fail(out, "en", err)
	}
	report = append(report, fmt.Sprintf("export steps.csv: downloaded after %d click(s)", clicks))
	if err := p.clean(out, "en"); err != nil {
		done()
		return err
	}
	done()

	// 2. Dutch: Space plays.
	p, done = openPage(bctx, timeout)
	first, err = p.load(base + "?lang=nl&tab=campaign&trace=1")
	if err != nil {
		done()
		return p.fail(out, "nl", err)
	}
	report = append(report, fmt.Sprintf("time to first chart (nl): %.2f s", first.Seconds()))
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(" ")); err != nil {
		done()
		return err
	}
	if err := p.plays(); err != nil {
		done()
		return p.fail(out, "nl", fmt.Errorf("after Space: %w", err))
	}
	if err := p.screenshot(filepath.Join(out, "campaign-nl.png")); err != nil {
		done()
		return err
	}
	if err := p.clean(out, "nl"); err != nil {
		done()
		return err
	}
	done()

	// 3. Speed: the default scenario at full speed, all its steps.
	rate, from, steps, err := speed(bctx, base, out, timeout, "")
	if err != nil {
		return err
	}
	report = append(report, fmt.Sprintf("broadcast-basics at full speed: %.1f steps/s (steps %d…%d)", rate, from, steps))
	for _, r := range report {
		fmt.Println("webtest:", r)
	}
	if rate < minRate {
		return fmt.Errorf("%.1f steps/s, below %.1f", rate, minRate)
	}
	return nil
}

// timings measures n times, each in a new tab, the time to the first
// chart (printing the page's boot: lines, ui.BootMark) and the default
// scenario's steps per second at full speed, with the machine's load
// average before each.
func timings(base, out, chrome string, n int, timeout time.Duration, extra string) error {
	if extra != "" {
		extra = "&" + extra
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	bctx, stop := newBrowser(chrome)
	defer stop()
	for i := range n {
		p, done := openPage(bctx, timeout)
		load := loadAverage()
		first, err := p.load(base + "?lang=en&tab=campaign&trace=1" + extra)
		if err != nil {
			done()
			return p.fail(out, "times", err)
		}
		p.mu.Lock()
		for _, l := range p.lines {
			if strings.HasPrefix(l, "boot: ") {
				fmt.Println("  ", l)
			}
		}
		p.mu.Unlock()
		done()
		fmt.Printf("times %d: first chart after %.2f s (load %s)\n", i+1, first.Seconds(), load)
		load = loadAverage()
		rate, from, steps, err := speed(bctx, base, out, timeout, extra)
		if err != nil {
			return err
		}
		fmt.Printf("times %d: %.1f steps/s (steps %d…%d; load %s)\n", i+1, rate, from, steps, load)
	}
	return nil
}

// loadAverage is the machine's 1-minute load average, or "?".
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

// speed plays the default scenario at full speed (?fast=1) in a new tab,
// from its first step to its last, and returns its steps per second and
// the steps it measured over. Without the trace: its screen dumps on the
// console would be part of what is measured; the first step on screen
// marks the start.
func speed(bctx context.Context, base, out string, timeout time.Duration, extra string) (rate float64, from, steps int, err error) {
	p, done := openPage(bctx, timeout)
	defer done()
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(base+"?lang=en&fast=1"+extra)); err != nil {
		return 0, 0, 0, err
	}
	if err := p.waitStep(0); err != nil {
		return 0, 0, 0, p.fail(out, "speed", err)
	}
	if steps, err = p.intAttr("data-steps"); err != nil {
		return 0, 0, 0, p.fail(out, "speed", err)
	}
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(" ")); err != nil {
		return 0, 0, 0, err
	}
	if err := p.waitStep(1); err != nil {
		return 0, 0, 0, p.fail(out, "speed", err)
	}
	began, from := time.Now(), 1
	if s, err := p.intAttr("data-step"); err == nil {
		from = s
	}
	if err := p.waitStep(steps); err != nil {
		return 0, 0, 0, p.fail(out, "speed", err)
	}
	rate = float64(steps-from) / time.Since(began).Seconds()
	return rate, from, steps, p.clean(out, "speed")
}

// openPage opens a tab that records its console.
func openPage(bctx context.Context, timeout time.Duration) (*page, func()) {
	ctx, cancel := chromedp.NewContext(bctx)
	p := &page{ctx: ctx, timeout: timeout}
	_ = chromedp.Listen(ctx, func(ev any) {
		p.mu.Lock()
		defer p.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			var parts []string
			for _, a := range ev.Args {
				if s, err := strconv.Unquote(string(a.Value)); err == nil {
					parts = append(parts, s)
				} else if len(a.Value) > 0 {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			text := strings.Join(parts, " ")
			for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
				p.lines = append(p.lines, l)
				if goFailure.MatchString(l) {
					p.errors = append(p.errors, l)
				}
			}
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				p.errors = append(p.errors, "console.error: "+text)
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				msg += " " + d.Exception.Description
			}
			p.errors = append(p.errors, "uncaught: "+msg)
		}
	})
	return p, cancel
}

// goFailure is how a Go program's crash begins on the console.
var goFailure = regexp.MustCompile(`^(panic: |fatal error: |goroutine \d+ \[)`)

// load opens url and waits for the app's first chart: the trace's
// "ready" event and a screen that lists a plot. It returns the time
// from the start of navigation.
func (p *page) load(url string) (time.Duration, error) {
	start := time.Now()
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(url)); err != nil {
		return 0, err
	}
	if _, err := p.waitLine(0, regexp.MustCompile(`^trace: ready `)); err != nil {
		return 0, fmt.Errorf("the app never showed its first step: %w", err)
	}
	if _, err := p.waitLine(0, regexp.MustCompile(`^trace: plot `)); err != nil {
		return 0, fmt.Errorf("no chart on screen: %w", err)
	}
	return time.Since(start), p.healthy()
}

// waitLine waits for a console line matching re at or after index from
// and returns its index.
func (p *page) waitLine(from int, re *regexp.Regexp) (int, error) {
	end := time.Now().Add(p.timeout)
	for time.Now().Before(end) {
		p.mu.Lock()
		for i := from; i < len(p.lines); i++ {
			if re.MatchString(p.lines[i]) {
				p.mu.Unlock()
				return i, nil
			}
		}
		n := len(p.errors)
		p.mu.Unlock()
		if n > 0 {
			return 0, p.healthy()
		}
		time.Sleep(100 * time.Millisecond)
	}
	return 0, fmt.Errorf("no console line matching %q within %v", re, p.timeout)
}

// mark is the index the next console line will have.
func (p *page) mark() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.lines)
}

// healthy fails if the page logged an error.
func (p *page) healthy() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.errors) > 0 {
		return errors.New("the page logged errors:\n  " + strings.Join(p.errors, "\n  "))
	}
	return nil
}

// where is the centre of the last-listed (topmost) text on the latest
// screen dump, in canvas pixels.
func (p *page) where(text string) (x, y float64, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	start := -1
	for i := len(p.lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(p.lines[i], "trace: screen ") {
			start = i
			break
		}
	}
	if start < 0 {
		return 0, 0, errors.New("no screen in the trace yet")
	}
	found := false
	prefix := "trace: at " + strconv.Quote(text) + " "
	for _, l := range p.lines[start+1:] {
		if !strings.HasPrefix(l, "trace: ") || strings.HasPrefix(l, "trace: screen ") {
			break
		}
		if rest, ok := strings.CutPrefix(l, prefix); ok {
			if _, err := fmt.Sscanf(rest, "%g %g", &x, &y); err == nil {
				found = true
			}
		}
	}
	if !found {
		return 0, 0, fmt.Errorf("%q is not on the screen", text)
	}
	return x, y, nil
}

// clickText waits until text is on screen and clicks its centre.
func (p *page) clickText(text string) error {
	end := time.Now().Add(p.timeout)
	for {
		x, y, err := p.where(text)
		if err == nil {
			// Fyne's web driver takes the pointer's place from mousemove
			// events and clicks there; the button is held a tenth of a
			// second, as a person's finger holds it (a press and release
			// in one instant can reach a busy app in the wrong order).
			return chromedp.Do(p.ctx, chromedp.MouseEvent(chromedp.MouseMoved, x, y),
				chromedp.Sleep(300*time.Millisecond),
				chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
				chromedp.Sleep(100*time.Millisecond),
				chromedp.MouseEvent(chromedp.MouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
		}
		if time.Now().After(end) {
			return err
		}
		time.Sleep(150 * time.Millisecond)
	}
}

// clickUntil clicks text until the console says what re matches: a
// click on a busy page (a loaded CI machine) can be lost, as a person's
// can, and a person clicks again. A click counts as lost only when the
// app has drawn two new screens since and text is still on them; while
// the app is busy (no new screens) or once text is gone (the click took:
// a dialog closed, Play became Pause) the test waits, up to the timeout.
func (p *page) clickUntil(text string, re *regexp.Regexp) (clicks int, err error) {
	m := p.mark()
	end := time.Now().Add(p.timeout)
	for try := 0; try < 4; try++ {
		if err := p.clickText(text); err != nil {
			return try, err
		}
		clicked := p.mark()
		for {
			if p.seen(m, re) {
				return try + 1, p.healthy()
			}
			if err := p.healthy(); err != nil {
				return try + 1, err
			}
			if time.Now().After(end) {
				return try + 1, fmt.Errorf("clicked %q %d times; the console never matched %q within %v", text, try+1, re, p.timeout)
			}
			if p.screensSince(clicked) >= 2 {
				if _, _, err := p.where(text); err == nil {
					break // still there on a live screen: the click was lost
				}
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	return 4, fmt.Errorf("clicked %q four times, and the console never matched %q", text, re)
}

// playingNow reports whether the trace's last word on playing was
// "playing true".
func (p *page) playingNow() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := len(p.lines) - 1; i >= 0; i-- {
		if rest, ok := strings.CutPrefix(p.lines[i], "trace: playing "); ok {
			return rest == "true"
		}
	}
	return false
}

// screensSince counts the screen dumps logged at or after from.
func (p *page) screensSince(from int) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, l := range p.lines[min(from, len(p.lines)):] {
		if strings.HasPrefix(l, "trace: screen ") {
			n++
		}
	}
	return n
}

// seen reports whether a console line at or after from matches re.
func (p *page) seen(from int, re *regexp.Regexp) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, l := range p.lines[min(from, len(p.lines)):] {
		if re.MatchString(l) {
			return true
		}
	}
	return false
}

// intAttr reads an integer attribute of document.body.
func (p *page) intAttr(name string) (int, error) {
	s, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](
		fmt.Sprintf(`document.body.getAttribute(%q) || ""`, name)))
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("document.body %s = %q", name, s)
	}
	return n, nil
}

// waitStep waits until the step on screen is at least n.
func (p *page) waitStep(n int) error {
	end := time.Now().Add(p.timeout)
	last := -1
	for time.Now().Before(end) {
		if s, err := p.intAttr("data-step"); err == nil {
			last = s
			if s >= n {
				return p.healthy()
			}
		}
		if err := p.healthy(); err != nil {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("the step counter stayed at %d, below %d, for %v", last, n, p.timeout)
}

// plays checks that the run plays: the trace says so and the step
// counter moves on by at least five steps.
func (p *page) plays() error {
	if _, err := p.waitLine(0, regexp.MustCompile(`^trace: playing true`)); err != nil {
		return err
	}
	s, err := p.intAttr("data-step")
	if err != nil {
		return err
	}
	return p.waitStep(s + 5)
}

// export opens Export (Ctrl+E), presses button and waits for a download
// whose name ends in suffix, then checks its first bytes. It returns
// the clicks on button it took.
func (p *page) export(button, suffix, dir string) (int, error) {
	m := p.mark()
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent("e", chromedp.KeyModifiers(chromedp.ModifierCtrl))); err != nil {
		return 0, err
	}
	if _, err := p.waitLine(m, regexp.MustCompile(`^trace: dialog export`)); err != nil {
		return 0, fmt.Errorf("Ctrl+E opened no Export dialog: %w", err)
	}
	if _, err := p.waitLine(m, regexp.MustCompile(`^trace: at "`+regexp.QuoteMeta(button)+`" `)); err != nil {
		return 0, err
	}
	clicks, err := p.clickUntil(button, regexp.MustCompile(`^trace: download .*`+regexp.QuoteMeta(suffix)+` `))
	if err != nil {
		return clicks, fmt.Errorf("%s: no download: %w", button, err)
	}
	end := time.Now().Add(p.timeout)
	for time.Now().Before(end) {
		files, _ := filepath.Glob(filepath.Join(dir, "*"+suffix))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil || len(data) == 0 {
				continue
			}
			switch {
			case strings.HasSuffix(suffix, ".png") && !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
				return clicks, fmt.Errorf("%s is not a PNG", f)
			case strings.HasSuffix(suffix, ".csv"):
				line, _ := bufio.NewReader(bytes.NewReader(data)).ReadString('\n')
				if !strings.HasPrefix(line, "arm,rep,seed,step,") || bytes.Count(data, []byte("\n")) < 3 {
					return clicks, fmt.Errorf("%s is not a steps.csv: %q", f, line)
				}
			}
			fmt.Printf("webtest: downloaded %s (%d bytes)\n", filepath.Base(f), len(data))
			return clicks, p.healthy()
		}
		time.Sleep(100 * time.Millisecond)
	}
	return clicks, fmt.Errorf("%s: no file *%s in %s", button, suffix, dir)
}

// screenshot saves the page as PNG.
func (p *page) screenshot(path string) error {
	if err := chromedp.Do(p.ctx, chromedp.Sleep(1500*time.Millisecond)); err != nil {
		return err
	}
	buf, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return err
	}
	fmt.Println("webtest: screenshot", path)
	return os.WriteFile(path, buf, 0o644)
}

// clean saves the console log and fails if it holds an error.
func (p *page) clean(out, name string) error {
	p.saveLog(out, name)
	return p.healthy()
}

// fail saves a screenshot and the console log, and returns err.
func (p *page) fail(out, name string, err error) error {
	_ = p.screenshot(filepath.Join(out, "failed-"+name+".png"))
	p.saveLog(out, name)
	return fmt.Errorf("%s: %w (console in %s)", name, err, filepath.Join(out, "console-"+name+".log"))
}

func (p *page) saveLog(out, name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	_ = os.WriteFile(filepath.Join(out, "console-"+name+".log"), []byte(strings.Join(p.lines, "\n")+"\n"), 0o644)
}
