package ui

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// SmokeSteps is how many steps the smoke test plays.
const SmokeSteps = 5

// smoke drives the smoke test (Options.Smoke) and autoplay
// (Options.Autoplay) from its own goroutine, fed by events from the UI:
// app started, chart frame drawn, snapshot applied.
type smoke struct {
	u      *App
	events chan any
	begin  time.Time

	mu     sync.Mutex
	err    error
	okDone bool
}

type evStarted struct{}

func newSmoke(u *App) *smoke {
	s := &smoke{u: u, events: make(chan any, 1024)}
	u.Chart.OnFrame(func(f Frame) { s.post(f) })
	return s
}

// post hands an event to the smoke goroutine without ever blocking the
// UI; if the buffer is full the event is dropped (a later one follows).
func (s *smoke) post(ev any) {
	select {
	case s.events <- ev:
	default:
	}
}

// snapshot is called on the UI goroutine after a snapshot is shown.
func (s *smoke) snapshot(sn Snapshot) { s.post(sn) }

// start hooks the app's start and launches the smoke goroutine.
func (s *smoke) start() {
	s.begin = time.Now()
	s.u.fyneApp.Lifecycle().SetOnStarted(func() { s.post(evStarted{}) })
	go s.run()
}

// failf records the failure, reports it on stderr and quits the app; if
// the UI does not quit within 5 s it exits the process.
func (s *smoke) failf(format string, args ...any) {
	s.mu.Lock()
	if s.err != nil {
		s.mu.Unlock()
		return
	}
	s.err = fmt.Errorf(format, args...)
	s.mu.Unlock()
	fmt.Fprintf(os.Stderr, "smoke: FAIL after %.1fs: %v\n", time.Since(s.begin).Seconds(), s.err)
	time.AfterFunc(5*time.Second, func() { os.Exit(1) })
	s.u.Quit()
}

// result is the smoke test's outcome once the app has quit; failures
// have been reported on stderr.
func (s *smoke) result() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil && !s.okDone {
		s.err = errors.New("the app quit before the test finished")
		fmt.Fprintf(os.Stderr, "smoke: FAIL after %.1fs: %v\n", time.Since(s.begin).Seconds(), s.err)
	}
	return s.err
}

// run is the smoke goroutine.
func (s *smoke) run() {
	timeout := s.u.opt.SmokeTimeout
	if timeout <= 0 {
		timeout = 60 * time.Second
	}
	deadline := time.After(timeout)
	firstFrame, ok := s.waitStart(deadline, timeout)
	if !ok {
		return
	}
	s.u.ctrl.Play()
	if !s.u.opt.Smoke {
		return // autoplay only
	}

	stage := fmt.Sprintf("step %d to be drawn", SmokeSteps)
	var lastT int
	for lastT < SmokeSteps {
		select {
		case ev := <-s.events:
			if f, ok := ev.(Frame); ok {
				lastT = max(lastT, f.T)
			}
		case <-deadline:
			s.failf("timed out after %v waiting for %s (last drawn: step %d)", timeout, stage, lastT)
			return
		}
	}
	played := time.Since(s.begin)
	s.u.ctrl.Pause()
	s.check(firstFrame, played, lastT)
}

// waitStart waits until the app has started and shows its first chart
// (or, autoplaying, its first snapshot); it reports how long the chart
// took, and false if the deadline came first.
func (s *smoke) waitStart(deadline <-chan time.Time, timeout time.Duration) (time.Duration, bool) {
	stage := "the app to start"
	var started, shown bool
	var firstFrame time.Duration
	for !(started && shown) {
		select {
		case ev := <-s.events:
			switch ev := ev.(type) {
			case evStarted:
				started = true
			case Frame:
				if ev.Arms > 0 && !shown {
					shown, firstFrame = true, time.Since(s.begin)
				}
			case Snapshot:
				// Autoplay on a view without the chart: the population
				// is built, so play.
				shown = shown || !s.u.opt.Smoke
			}
			if started {
				stage = "the first chart"
			}
		case <-deadline:
			if s.u.opt.Smoke {
				s.failf("timed out after %v waiting for %s", timeout, stage)
			}
			return 0, false
		}
	}
	return firstFrame, true
}

// check makes sure the chart on screen is a real chart, reports the
// timings and quits.
func (s *smoke) check(firstFrame, played time.Duration, lastT int) {
	// The chart the painter asked for must be a real chart, not a blank
	// image. (The window itself cannot be checked here: under Xvfb's
	// software GL, Canvas.Capture reads back an all-black front buffer.)
	var frame Frame
	var chartColours int
	var img image.Image
	fyne.DoAndWait(func() {
		frame, _ = s.u.Chart.LastFrame()
		chartColours = s.u.Chart.colours(64)
		if os.Getenv("BOOMERANG_SMOKE_SHOT") != "" {
			img = s.u.Window.Canvas().Capture()
		}
	})
	if chartColours < 64 {
		s.failf("the chart drawn on screen has only %d colours: nothing was drawn", chartColours)
		return
	}
	if path := os.Getenv("BOOMERANG_SMOKE_SHOT"); path != "" {
		if err := savePNG(path, img); err != nil {
			s.failf("saving the window capture: %v", err)
			return
		}
	}
	out := s.u.opt.Out
	fmt.Fprintf(out, "smoke: first chart after %.2fs, step %d drawn after %.2fs (chart %d×%d px, %q)\n",
		firstFrame.Seconds(), lastT, played.Seconds(), frame.Width, frame.Height, frame.Title)
	fmt.Fprintln(out, "smoke: ok")
	s.mu.Lock()
	s.okDone = true
	s.mu.Unlock()
	s.u.Quit()
}

// savePNG writes img to path.
func savePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// colours counts the distinct colours of img, up to limit.
func colours(img image.Image, limit int) int {
	if img == nil {
		return 0
	}
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}
