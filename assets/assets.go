// Package assets holds the app's images, embedded in the binary: the icon
// (icon.png, 512×512, drawn by gen_icon.go). It imports nothing from the
// rest of the module, nor Fyne.
package assets

import _ "embed"

//go:generate go run gen_icon.go

// Icon is the app icon as PNG bytes (512×512): a boomerang on its way back.
//
//go:embed icon.png
var Icon []byte

// IconName is the file name of Icon, for resources that need one.
const IconName = "icon.png"
