package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
)

// scenarioDir is the folder of an opened scenario file, where the data
// files it names are looked up; "" (the working directory) when the file
// is not on the local disk.
func scenarioDir(u fyne.URI) string {
	if u == nil || u.Scheme() != "file" {
		return ""
	}
	return filepath.Dir(u.Path())
}
