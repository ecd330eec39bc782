//go:build js && wasm

package main

import (
	"fmt"
	"image"
	"time"

	"boomerang/chart"
	"boomerang/scenarios"
	"boomerang/sim"
)

// bench times, in this browser tab and without the UI, what playing the
// default scenario costs: building its world, its steps, and drawing one
// live chart (500 × 240 pixels, the campaign view's size at 1280 × 800).
// It prints one line per measure on the console (index.html?bench=1;
// docs/PERFORMANCE.md).
func bench() error {
	cfg, err := scenarios.Default()
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
	fmt.Printf("bench: %s, %d people: world built in %.2f s; %d steps in %.2f s (%.1f steps/s); one chart drawn in %.0f ms\n",
		cfg.Name, cfg.Population.Size, build.Seconds(), cfg.Steps, steps.Seconds(),
		float64(cfg.Steps)/steps.Seconds(), float64(draw.Microseconds())/1000)
	return nil
}
