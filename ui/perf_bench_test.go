package ui

import (
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"boomerang/scenarios"
	"boomerang/ui/play"
)

// BenchmarkLiveAt100k plays broadcast-basics at 100,000 agents on the test
// driver for two seconds and reports the live chart's redraw rate and how
// long a pause (Space) takes to be honoured: the app targets are
// ≥ 15 chart updates a second and input answered within 100 ms.
// Run: CGO_ENABLED=0 go test -tags ci -run '^$' -bench LiveAt100k ./ui/
func BenchmarkLiveAt100k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		a := test.NewApp()
		q := newQueue()
		cfg, err := scenarios.Default()
		if err != nil {
			b.Fatal(err)
		}
		cfg.Population.Size = 100_000
		cfg.Campaign.Budget = 20_000
		cfg.Steps = 10_000
		u := New(a, cfg, Options{Do: q.do, StepDelay: -1, Workers: 2, NoPrefs: true})
		u.Window.Resize(fyne.NewSize(1280, 800))
		deadline := time.Now().Add(2 * time.Minute)
		for _, ok := u.Snapshot(); !ok && time.Now().Before(deadline); _, ok = u.Snapshot() {
			settle(q, 10*time.Millisecond)
		}
		test.Tap(u.play)
		settle(q, 500*time.Millisecond) // warm up
		_, f0 := u.Chart.LastFrame()
		r0 := u.Chart.refreshCount()
		s0, _ := u.Snapshot()
		start := time.Now()
		for time.Since(start) < 2*time.Second {
			settle(q, 16*time.Millisecond)
			u.Window.Canvas().Capture() // paint, as a real driver does each frame
		}
		_, f1 := u.Chart.LastFrame()
		r1 := u.Chart.refreshCount()
		s1, _ := u.Snapshot()
		el := time.Since(start).Seconds()
		pressed := time.Now()
		u.TypedKey(fyne.KeySpace)
		for s, _ := u.Snapshot(); s.Playing && time.Since(pressed) < 10*time.Second; s, _ = u.Snapshot() {
			settle(q, time.Millisecond)
		}
		b.ReportMetric(float64(r1-r0)/el, "chart-refreshes/s")
		b.ReportMetric(float64(f1-f0)/el, "chart-frames-drawn/s")
		b.ReportMetric(float64(s1.T-s0.T)/el, "steps/s")
		b.ReportMetric(float64(time.Since(pressed).Microseconds())/1000, "pause-ms")
		u.close()
		a.Quit()
	}
}

// BenchmarkTargetingAt100k plays targeting-showdown (six arms) at 100,000
// agents to the end with everything the app keeps for its views on: the
// shown arm's impression log, every step's opinions (History) and the
// population and target views following a person. It reports steps/s,
// the live heap at the end and how long the UI goroutine spent applying
// snapshots per step.
// Run: CGO_ENABLED=0 go test -tags ci -run '^$' -bench TargetingAt100k -benchtime 1x ./ui/
func BenchmarkTargetingAt100k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		a := test.NewApp()
		q := newQueue()
		cfg, err := scenarios.Builtin("targeting-showdown")
		if err != nil {
			b.Fatal(err)
		}
		cfg.Population.Size = 100_000
		if !play.LogsImpressions(cfg, cfg.Population.Size) {
			b.Fatalf("budget %d × %d steps is not logged", cfg.Campaign.Budget, cfg.Steps)
		}
		u := New(a, cfg, Options{Do: q.do, StepDelay: -1, Workers: 2, NoPrefs: true})
		u.Window.Resize(fyne.NewSize(1280, 800))
		deadline := time.Now().Add(3 * time.Minute)
		for _, ok := u.Snapshot(); !ok && time.Now().Before(deadline); _, ok = u.Snapshot() {
			settle(q, 10*time.Millisecond)
		}
		u.SelectAgent(7)
		test.Tap(u.play)
		start := time.Now()
		var busy time.Duration
		for s, _ := u.Snapshot(); !s.Done && time.Now().Before(deadline); s, _ = u.Snapshot() {
			t0 := time.Now()
			q.drain()
			busy += time.Since(t0)
			u.Window.Canvas().Capture()
			time.Sleep(5 * time.Millisecond)
		}
		el := time.Since(start).Seconds()
		s, _ := u.Snapshot()
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(s.T)/el, "steps/s")
		b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MB")
		b.ReportMetric(float64(len(s.Log)), "logged-impressions")
		b.ReportMetric(float64(busy.Milliseconds())/float64(max(1, s.T)), "ui-ms/step")
		u.close()
		a.Quit()
	}
}
