package ui

import (
	"bytes"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"gonum.org/v1/plot"

	"boomerang/batch"
	"boomerang/chart"
	"boomerang/sim"
)

// This file holds what the exports make, as bytes, for the desktop's
// files (export.go) and the browser's downloads (web_js.go) alike; the
// browser's own hooks are in web_js.go, and web_other.go has their
// desktop versions, which do nothing.

// exportPlot is the chart of metric for the run so far, titled and
// labelled in the current language.
func (u *App) exportPlot(metric string) (*plot.Plot, error) {
	var res []sim.Result
	if len(u.last.Result.Arms) > 0 {
		res = []sim.Result{displayResult(u.last.Result)}
	}
	p, err := chart.Lines(res, metric, chart.Options{XMax: float64(u.cfg.Steps), DecimalComma: decimalComma()})
	if err != nil {
		return nil, err
	}
	localise(p, metric)
	return p, nil
}

// runCSV is the run so far as the CLI writes a run of one replication:
// steps.csv and summary.csv.
func (u *App) runCSV() (steps, summary []byte, err error) {
	rep := batch.RepResult{Rep: 0, Seed: u.last.Result.Seed, Result: u.last.Result}
	var s, m bytes.Buffer
	if err := batch.WriteStepsHeader(&s); err != nil {
		return nil, nil, err
	}
	if err := batch.WriteSteps(&s, rep); err != nil {
		return nil, nil, err
	}
	if err := batch.WriteSummary(&m, []batch.RepResult{rep}); err != nil {
		return nil, nil, err
	}
	return s.Bytes(), m.Bytes(), nil
}

// formatButtons are the Export dialog's PNG, SVG and PDF buttons, each
// label followed by suffix ("…" where a file dialog follows); chartAs
// gives each button's action by extension.
func formatButtons(suffix string, chartAs func(ext string) func()) fyne.CanvasObject {
	return container.NewGridWithColumns(3,
		widget.NewButton("PNG"+suffix, chartAs(".png")),
		widget.NewButton("SVG"+suffix, chartAs(".svg")),
		widget.NewButton("PDF"+suffix, chartAs(".pdf")))
}
