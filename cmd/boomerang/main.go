// Command boomerang is the Boomerang desktop app: it opens the built-in
// default scenario, ready to play.
//
//	boomerang           # the app
//	boomerang --smoke   # start, play a few steps, print "smoke: ok", quit
//
// Environment: BOOMERANG_SMOKE=1 is --smoke, BOOMERANG_AUTOPLAY=1 presses
// Play once the first chart is drawn, FYNE_SCALE scales the whole UI.
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"boomerang/scenarios"
	"boomerang/ui"
)

func main() {
	smoke := flag.Bool("smoke", os.Getenv("BOOMERANG_SMOKE") == "1",
		"check that the app starts, draws and plays, print \"smoke: ok\" and quit (exit 1 on failure)")
	autoplay := flag.Bool("autoplay", os.Getenv("BOOMERANG_AUTOPLAY") == "1",
		"press Play as soon as the first chart is drawn")
	flag.Parse()

	cfg, err := scenarios.Default()
	if err != nil {
		fmt.Fprintf(os.Stderr, "boomerang: default scenario %q: %v\n", scenarios.DefaultName, err)
		os.Exit(1)
	}

	a := app.NewWithID("org.boomerang.app")
	a.SetIcon(ui.Icon())
	u := ui.New(a, cfg, ui.Options{Smoke: *smoke, Autoplay: *autoplay})
	if err := u.ShowAndRun(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
