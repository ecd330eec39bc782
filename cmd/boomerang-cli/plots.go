package main

import (
	"path/filepath"

	"boomerang/batch"
	"boomerang/chart"
	"boomerang/sim"
)

// writePlots draws one PNG per headline metric (mean over replications with
// a 95 % band) into dir and returns the file names.
func writePlots(dir string, reps []batch.RepResult) ([]string, error) {
	var results []sim.Result
	for _, r := range reps {
		results = append(results, r.Result)
	}
	var names []string
	for _, m := range []string{"shift_vs_control", "mean_opinion", "conversions", "cost_per_conversion", "polarisation", "reach"} {
		p, err := chart.Lines(results, m, chart.Options{Scale: 1.6}) // readable on a slide
		if err != nil {
			return nil, err
		}
		name := m + ".png"
		if err := chart.Save(p, filepath.Join(dir, name), 1600, 1000); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, nil
}
