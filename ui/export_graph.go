package ui

import (
	"bytes"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"boomerang/batch"
	"boomerang/sim"
)

// ExportGraph writes the network of the run so far to path in format
// (batch.GraphFormats: graphml for networkx and igraph, gexf for Gephi)
// with every person's attributes, inferred traits and, per arm,
// impressions, opinion and conversion at the current step, as
// `boomerang-cli run --graph` does for a finished run. The snapshots keep
// one arm's state only, so it replays the run to the current step: same
// scenario, same seed, so the same result (a test checks it against the
// CLI's file).
func (u *App) ExportGraph(format, path string) error {
	run, err := sim.NewRun(u.cfg, u.last.Result.Seed, 0)
	if err != nil {
		return err
	}
	for run.T < u.last.T && !run.Done() {
		run.Step()
	}
	var b bytes.Buffer
	if err := batch.WriteGraph(&b, format, run); err != nil {
		return err
	}
	return writeFile(path, b.Bytes())
}

// graphExportRow is the Export dialog's row for the network: GraphML and
// GEXF buttons; hide closes the dialog before the file dialog opens.
func (u *App) graphExportRow(hide func()) fyne.CanvasObject {
	button := func(label, format string) *widget.Button {
		return widget.NewButton(label, func() {
			hide()
			ext := "." + format
			u.saveDialog(graphFileName(u.baseName(), format), ext, func(path string) error { return u.ExportGraph(format, path) })
		})
	}
	// File types read the same in every language: only the label is translated.
	return container.NewBorder(nil, nil, widget.NewLabel(lang.L("Network with results:")), nil,
		container.NewGridWithColumns(2, button("GraphML…", "graphml"), button("GEXF (Gephi)…", "gexf")))
}

// graphFileName is the default name of a network export.
func graphFileName(base, format string) string { return fmt.Sprintf("%s-network.%s", base, format) }
