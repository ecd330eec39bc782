//go:build js && wasm

package main

import (
	"fmt"
	"image"
	"io"
	"strings"
	"time"

	"boomerang/chart"
	"boomerang/scenarios"
	"boomerang/sim"
)

// bench times, in this browser tab and without the UI, what playing the
// built-in scenario name (or the default, if name is "") costs: building
// its world, its steps, drawing one live chart (500 × 240 pixels, the
// campaign view's size at 1280 × 800) and exporting it as a 1600 × 1000
// PNG. It prints its lines on the console (index.html?bench=1, or
// index.html?bench=1&scenario=NAME; docs/PERFORMANCE.md).
func bench(name string) error {
	cfg, err := scenarios.Default()
	if name != "" {
		cfg, err = scenarios.Builtin(name)
	}
	if err != nil {
		return err
	}
	t0 := time.Now()
	run, err := sim.NewRun(cfg, cfg.Seed, 1)
	if err != nil {
		return err
	}
	build := time.Since(t0)
	t0 = time.Now()
	for !run.Done() {
		run.Step()
	}
	steps := time.Since(t0)
	res := run.Result()
	img := image.NewRGBA(image.Rect(0, 0, 500, 240))
	const draws = 10
	t0 = time.Now()
	for range draws {
		p, err := chart.Lines([]sim.Result{res}, "conversions", chart.Options{XMax: float64(cfg.Steps)})
		if err != nil {
			return err
		}
		chart.Render(p, img, 96)
	}
	draw := time.Since(t0) / draws
	p, err := chart.Lines([]sim.Result{res}, "conversions", chart.Options{XMax: float64(cfg.Steps)})
	if err != nil {
		return err
	}
	t0 = time.Now()
	if err := chart.Encode(io.Discard, p, ".png", 1600, 1000); err != nil {
		return err
	}
	export := time.Since(t0)
	// The world's phases, built once more.
	var phases []string
	_, err = sim.BuildWorldTimed(cfg, cfg.Seed, 1, func(name string, d time.Duration) {
		phases = append(phases, fmt.Sprintf("%s %.2f s", name, d.Seconds()))
	})
	if err != nil {
		return err
	}
	fmt.Printf("bench: world phases: %s\n", strings.Join(phases, ", "))
	fmt.Printf("bench: %s, %d people: world built in %.2f s; %d steps in %.2f s (%.1f steps/s); one chart drawn in %.0f ms; a 1600×1000 PNG export in %.2f s\n",
		cfg.Name, cfg.Population.Size, build.Seconds(), cfg.Steps, steps.Seconds(),
		float64(cfg.Steps)/steps.Seconds(), float64(draw.Microseconds())/1000, export.Seconds())
	return nil
}
