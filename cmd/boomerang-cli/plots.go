package main

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"gonum.org/v1/plot"

	"boomerang/batch"
	"boomerang/chart"
	"boomerang/sim"
)

// Chart sizes in pixels at chart.SaveDPI, with fonts scaled for slides.
const (
	plotW, plotH = 1600, 1000
	plotScale    = 1.6
)

// Metrics the trade-off chart puts against each other: what the campaign
// gains (y) and what it uses (x).
const (
	tradeEffect = "conversions_vs_control"
	tradeLedger = "attributes_per_impression"
)

// save writes a chart as name+ext into dir and appends the file name.
func save(p *plot.Plot, dir, name, ext string, names *[]string) error {
	if err := chart.Save(p, filepath.Join(dir, name+ext), plotW, plotH); err != nil {
		return err
	}
	*names = append(*names, name+ext)
	return nil
}

// writeRunPlots draws the charts of a run with replications into dir:
// every headline metric over time per arm (mean with a 95 % band),
// conversions per arm at the end, and the trade-off of effect against
// personal data used. It returns the file names.
func writeRunPlots(dir string, reps []batch.RepResult, ext string) ([]string, error) {
	var results []sim.Result
	for _, r := range reps {
		results = append(results, r.Result)
	}
	opt := chart.Options{Scale: plotScale}
	var names []string
	for _, m := range []string{"shift_vs_control", "mean_opinion", "conversions", "cost_per_conversion", "polarisation", "reach"} {
		p, err := chart.Lines(results, m, opt)
		if err != nil {
			return nil, err
		}
		if err := save(p, dir, m, ext, &names); err != nil {
			return nil, err
		}
	}
	arms, strategies, _, stats := batch.RunSummary(reps)
	conv := sim.MetricIndex("conversions")
	var bars []chart.ArmValue
	for a := range arms {
		st := stats[a][conv]
		bars = append(bars, chart.ArmValue{Arm: arms[a], Strategy: strategies[a], Mean: st.Mean, Lo: st.Lo, Hi: st.Hi})
	}
	p, err := chart.Bars(bars, "conversions", opt)
	if err != nil {
		return nil, err
	}
	if err := save(p, dir, "conversions_per_arm", ext, &names); err != nil {
		return nil, err
	}
	var pts []chart.TradeOffPoint
	for a := range arms {
		pts = append(pts, tradeOffPoint(arms[a], arms[a], strategies[a], stats[a]))
	}
	if p, err = chart.TradeOff(pts, tradeLedger, tradeEffect, opt); err != nil {
		return nil, err
	}
	if err := save(p, dir, "tradeoff", ext, &names); err != nil {
		return nil, err
	}
	return names, nil
}

// tradeOffPoint is an arm's point on the trade-off chart: x the ledger
// metric, y the effect, each a mean over replications with its interval.
// The effect is a difference to control, so its interval is the paired
// one.
func tradeOffPoint(label, arm, strategy string, st []batch.Stat) chart.TradeOffPoint {
	x, y := st[sim.MetricIndex(tradeLedger)], st[sim.MetricIndex(tradeEffect)]
	return chart.TradeOffPoint{Label: label, Arm: arm, Strategy: strategy,
		X: x.Mean, XLo: x.Lo, XHi: x.Hi, Y: y.Mean, YLo: y.Lo, YHi: y.Hi}
}

// sweepMetrics are the metrics drawn over the varied keys: the effects
// when the scenario has a campaign, the state of opinion otherwise.
func sweepMetrics(res *batch.SweepResult) []string {
	if len(res.Arms) > 1 && res.Control >= 0 {
		return []string{"shift_vs_control", "conversions_vs_control", "attributes_per_impression"}
	}
	return []string{"mean_opinion", "sd_opinion", "polarisation"}
}

// writeSweepPlots draws the charts of a sweep into dir: the trade-off of
// effect against personal data (one point per arm and sweep point) and,
// per headline metric, a line over the varied key (one key), a heat map
// per arm (two keys on a grid) or dots over each key (otherwise).
func writeSweepPlots(dir string, res *batch.SweepResult, ext string) ([]string, error) {
	opt := chart.Options{Scale: plotScale}
	var names []string
	if len(res.Arms) > 1 {
		// One point per arm and sweep point, labelled with the point's
		// number (points.csv); the control arm is the origin, drawn once.
		var pts []chart.TradeOffPoint
		control := false
		for p := range res.Points {
			if res.Stats[p] == nil {
				continue
			}
			for a := range res.Arms {
				label := "p" + strconv.Itoa(p)
				if a == res.Control {
					if control {
						continue
					}
					control, label = true, res.Arms[a]
				}
				pts = append(pts, tradeOffPoint(label, res.Arms[a], res.Strategies[a], res.Stats[p][a]))
			}
		}
		p, err := chart.TradeOff(pts, tradeLedger, tradeEffect, opt)
		if err != nil {
			return nil, err
		}
		if err := save(p, dir, "tradeoff", ext, &names); err != nil {
			return nil, err
		}
	}
	grid := res.Plan.Design == batch.DesignGrid
	for _, metric := range sweepMetrics(res) {
		m := sim.MetricIndex(metric)
		if constant(res, m) {
			continue // e.g. no personal data used anywhere: nothing to draw
		}
		switch {
		case len(res.Factors) == 2 && grid:
			if err := sweepHeatMaps(dir, res, metric, m, ext, opt, &names); err != nil {
				return nil, err
			}
		default:
			lines := len(res.Factors) == 1
			for k, f := range res.Factors {
				x, ticks := positions(res, k)
				var series []chart.SweepSeries
				for a := range res.Arms {
					if a == res.Control && !lines && len(res.Arms) > 1 {
						continue // dots of control would only repeat the reference
					}
					s := chart.SweepSeries{Arm: res.Arms[a], Strategy: res.Strategies[a]}
					for p := range res.Points {
						if res.Stats[p] == nil {
							continue
						}
						st := res.Stats[p][a][m]
						s.X = append(s.X, x[p])
						s.Mean, s.Lo, s.Hi = append(s.Mean, st.Mean), append(s.Lo, st.Lo), append(s.Hi, st.Hi)
					}
					series = append(series, s)
				}
				p, err := chart.SweepLine(series, keyLabel(f.Key), ticks, metric, lines, opt)
				if err != nil {
					return nil, err
				}
				name := "sweep_" + metric
				if !lines {
					name += "_by_" + fileSafe(f.Key)
				}
				if err := save(p, dir, name, ext, &names); err != nil {
					return nil, err
				}
			}
		}
	}
	return names, nil
}

// sweepHeatMaps draws one heat map of a metric per arm over a two-key
// grid (the control arm is left out of differences to itself).
func sweepHeatMaps(dir string, res *batch.SweepResult, metric string, m int, ext string, opt chart.Options, names *[]string) error {
	fx, fy := res.Factors[1], res.Factors[0] // the second key varies fastest: columns
	for a, arm := range res.Arms {
		if a == res.Control && len(res.Arms) > 1 {
			continue // no campaign: nothing to map
		}
		z := make([][]float64, len(fy.Values))
		for r := range z {
			z[r] = make([]float64, len(fx.Values))
			for c := range z[r] {
				z[r][c] = math.NaN()
				if st := res.Stats[r*len(fx.Values)+c]; st != nil {
					z[r][c] = st[a][m].Mean
				}
			}
		}
		label, _ := chart.MetricLabel(metric)
		o := opt
		o.Title = label.Title + ": " + arm
		p, err := chart.HeatMap(z, keyLabel(fx.Key), fx.Values, keyLabel(fy.Key), fy.Values, metric, o)
		if err != nil {
			return err
		}
		if err := save(p, dir, "sweep_"+metric+"_"+fileSafe(arm), ext, names); err != nil {
			return err
		}
	}
	return nil
}

// positions maps each point to an x position for key k: its value when
// every value is a number, else the index of its level (with tick labels).
func positions(res *batch.SweepResult, k int) (x []float64, ticks []string) {
	numeric := true
	for _, p := range res.Points {
		if _, err := strconv.ParseFloat(p.Values[k], 64); err != nil {
			numeric = false
		}
	}
	x = make([]float64, len(res.Points))
	if numeric {
		for i, p := range res.Points {
			x[i], _ = strconv.ParseFloat(p.Values[k], 64)
		}
		return x, nil
	}
	level := map[string]int{}
	for _, p := range res.Points {
		if _, ok := level[p.Values[k]]; !ok {
			level[p.Values[k]] = len(ticks)
			ticks = append(ticks, p.Values[k])
		}
	}
	for i, p := range res.Points {
		x[i] = float64(level[p.Values[k]])
	}
	return x, ticks
}

// constant reports whether metric m has one value (or none) at every
// point and arm with a campaign.
func constant(res *batch.SweepResult, m int) bool {
	first, seen := 0.0, false
	for p := range res.Points {
		for a := range res.Arms {
			if res.Stats[p] == nil || (a == res.Control && len(res.Arms) > 1) {
				continue
			}
			v := res.Stats[p][a][m].Mean
			if math.IsNaN(v) {
				continue
			}
			if seen && v != first {
				return false
			}
			first, seen = v, true
		}
	}
	return true
}

// fileSafe turns a key or arm name into a file name part.
func fileSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, s)
}
