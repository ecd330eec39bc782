package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"boomerang/chart"
	"boomerang/scenarios"
)

// ExportWidth and ExportHeight are the pixel size of an exported chart
// (16:10, sharp on a projector and in a paper).
const (
	ExportWidth  = 1600
	ExportHeight = 1000
)

// baseName is the stem of default export file names: scenario, seed and
// step, e.g. "broadcast-basics-seed1-step60".
func (u *App) baseName() string {
	name := u.cfg.Name
	if name == "" {
		name = "scenario"
	}
	return fmt.Sprintf("%s-seed%d-step%d", name, u.cfg.Seed, u.last.T)
}

// ExportChart writes the chart of metric for the run so far to path, as
// PNG, SVG or PDF by its extension, with title and axes in the current
// language (a Dutch class gets Dutch figures); the file name stays
// English, like the CSV and TOML files, because scripts read them.
func (u *App) ExportChart(metric, path string) error {
	p, err := u.exportPlot(metric)
	if err != nil {
		return err
	}
	return chart.Save(p, path, ExportWidth, ExportHeight)
}

// ExportScenario writes the loaded scenario to path as TOML; boomerang-cli
// run on it reproduces the run (same seed).
func (u *App) ExportScenario(path string) error {
	data, err := scenarios.Marshal(u.cfg)
	if err != nil {
		return err
	}
	return writeFile(path, data)
}

// ExportData writes the run so far into dir as the CLI writes a run of
// one replication: steps.csv, summary.csv and scenario.toml. It returns
// the files written.
func (u *App) ExportData(dir string) ([]string, error) {
	steps, summary, err := u.runCSV()
	if err != nil {
		return nil, err
	}
	files := []string{filepath.Join(dir, "steps.csv"), filepath.Join(dir, "summary.csv"), filepath.Join(dir, "scenario.toml")}
	if err := writeFile(files[0], steps); err != nil {
		return nil, err
	}
	if err := writeFile(files[1], summary); err != nil {
		return nil, err
	}
	if err := u.ExportScenario(files[2]); err != nil {
		return nil, err
	}
	return files, nil
}

// writeFile writes data to path whole or not at all.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".boomerang-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// chartChoices are the charts the export dialog offers: the campaign
// view's four, by title in the current language.
func (u *App) chartChoices() (labels, metrics []string) {
	for _, c := range u.Charts {
		m := c.Metric()
		title, _ := chartText(m)
		labels = append(labels, title)
		metrics = append(metrics, m)
	}
	return labels, metrics
}

// showExport is the Export dialog (toolbar button, Ctrl+E): a chart as
// PNG, SVG or PDF, the run data as CSV, the scenario as TOML.
func (u *App) showExport() {
	if u.browserExport() {
		return // downloads instead of files (web_js.go)
	}
	labels, metrics := u.chartChoices()
	which := widget.NewSelect(labels, nil)
	which.SetSelected(labels[0])
	var dlg dialog.Dialog
	chartAs := func(ext string) func() {
		return func() {
			metric := metrics[0]
			for i, l := range labels {
				if l == which.Selected {
					metric = metrics[i]
				}
			}
			dlg.Hide()
			u.saveDialog(u.baseName()+"-"+metric+ext, ext, func(path string) error { return u.ExportChart(metric, path) })
		}
	}
	data := widget.NewButton(lang.L("Run data (CSV) into a folder…"), func() {
		dlg.Hide()
		u.folderDialog()
	})
	toml := widget.NewButton(lang.L("Scenario (TOML)…"), func() {
		dlg.Hide()
		u.saveDialog(u.baseName()+".toml", ".toml", u.ExportScenario)
	})
	content := container.NewVBox(
		widget.NewLabel(lang.L("Chart:")), which, formatButtons("…", chartAs),
		widget.NewSeparator(),
		data, toml,
		u.graphExportRow(func() { dlg.Hide() }), // export_graph.go
	)
	// The format buttons name file types, which read the same in every
	// language, so they are not translated.
	dlg = dialog.NewCustom(lang.L("Export"), lang.L("Close"), content, u.Window)
	dlg.SetOnClosed(u.refocus)
	dlg.Show()
	u.tracef("dialog export")
}

// folderDialog asks for a folder and writes the run data into it.
func (u *App) folderDialog() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		defer u.refocus()
		if err != nil {
			u.reportExport("", err)
			return
		}
		if dir == nil {
			return // cancelled
		}
		u.rememberFolder(dir)
		files, err := u.ExportData(dir.Path())
		u.reportExport(fmt.Sprintf(lang.L("%s in %s"), strings.Join(baseNames(files), ", "), dir.Path()), err)
	}, u.Window)
	if loc := u.exportFolder(); loc != nil {
		d.SetLocation(loc)
	}
	showFileDialog(d, u.dialogSize())
	u.tracef("dialog folder")
}

// saveDialog asks for a file name (default name) and calls write with the
// chosen path.
func (u *App) saveDialog(name, ext string, write func(path string) error) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		defer u.refocus()
		if err != nil {
			u.reportExport("", err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		if !strings.EqualFold(filepath.Ext(path), ext) {
			os.Remove(path) // the empty file the dialog created
			path += ext
		}
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(path))); err == nil {
			u.rememberFolder(dir)
		}
		u.reportExport(filepath.Base(path), write(path))
	}, u.Window)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	if loc := u.exportFolder(); loc != nil {
		d.SetLocation(loc)
	}
	showFileDialog(d, u.dialogSize())
	u.tracef("dialog save %s", name)
}

// showFileDialog shows a file or folder dialog, then sizes it. The order
// matters: Fyne 2.8's FileDialog.Resize asks the dialog's window for its
// minimum size, and that window exists only once Show has built it, so
// Resize before Show dereferences nil and takes the app down (issue 15).
func showFileDialog(d *dialog.FileDialog, size fyne.Size) {
	d.Show()
	d.Resize(size)
}

// PrefExportFolder remembers the folder of the last export.
const PrefExportFolder = "export.folder"

// exportFolder is where the export dialogs open: the folder of the last
// export if it still exists, else the user's Pictures or Documents
// folder, else nil (Fyne then opens the home folder).
func (u *App) exportFolder() fyne.ListableURI {
	var dirs []string
	if !u.opt.NoPrefs {
		if d := u.fyneApp.Preferences().String(PrefExportFolder); d != "" {
			dirs = append(dirs, d)
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, "Pictures"), filepath.Join(home, "Documents"))
	}
	for _, d := range dirs {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			if l, err := storage.ListerForURI(storage.NewFileURI(d)); err == nil {
				return l
			}
		}
	}
	return nil
}

// rememberFolder keeps dir as the next export's folder.
func (u *App) rememberFolder(dir fyne.ListableURI) {
	if !u.opt.NoPrefs && dir != nil && dir.Scheme() == "file" {
		u.fyneApp.Preferences().SetString(PrefExportFolder, dir.Path())
	}
}

// reportExport says in the status line what was exported, or shows err
// in a dialog: a failed export (a folder one cannot write to, a full
// disk) is reported, never fatal, and the run goes on.
func (u *App) reportExport(what string, err error) {
	if err != nil {
		d := dialog.NewError(fmt.Errorf(lang.L("Could not export: %v"), err), u.Window)
		d.SetOnClosed(u.refocus)
		d.Show()
		return
	}
	u.setStatus(fmt.Sprintf(lang.L("Exported %s."), what), false)
}

func (u *App) dialogSize() fyne.Size {
	s := u.Window.Canvas().Size()
	return fyne.NewSize(s.Width*0.9, s.Height*0.9)
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}
