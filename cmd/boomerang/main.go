// Command boomerang is the Boomerang desktop app: it opens the scenario
// and seed used last (at first the built-in default), ready to play.
//
//	boomerang           # the app
//	boomerang --smoke   # start, play a few steps, print "smoke: ok", quit
//
// Environment: BOOMERANG_METRIC=conversions is --metric (the chart to open
// on), BOOMERANG_SMOKE=1 is --smoke, BOOMERANG_SMOKE_TIMEOUT=90s is
// --smoke-timeout, BOOMERANG_TAB=population is --tab, BOOMERANG_SCENARIO=NAME
// is --scenario, BOOMERANG_LANG=nl is --lang, BOOMERANG_PRESENT=1 is
// --present, BOOMERANG_TRACE=1 is --trace, BOOMERANG_AUTOPLAY=1 presses
// Play once the first chart is drawn, FYNE_SCALE scales the whole UI.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2/app"

	"boomerang/scenarios"
	"boomerang/sim"
	"boomerang/ui"
	"boomerang/ui/play"
)

func main() {
	smoke := flag.Bool("smoke", os.Getenv("BOOMERANG_SMOKE") == "1",
		"check that the app starts, draws and plays, print \"smoke: ok\" and quit (exit 1 on failure)")
	autoplay := flag.Bool("autoplay", os.Getenv("BOOMERANG_AUTOPLAY") == "1",
		"press Play as soon as the first chart is drawn")
	metric := flag.String("metric", os.Getenv("BOOMERANG_METRIC"),
		"the ledger chart to open on: "+metricNames())
	smokeTimeout := flag.Duration("smoke-timeout", envDuration("BOOMERANG_SMOKE_TIMEOUT", 60*time.Second),
		"how long the smoke test may take before it fails")
	scenario := flag.String("scenario", os.Getenv("BOOMERANG_SCENARIO"), "built-in scenario to open on (default: the one used last)")
	tab := flag.String("tab", os.Getenv("BOOMERANG_TAB"),
		"view to open on: campaign, population, target, likeme, tradeoff, learn or settings")
	language := flag.String("lang", os.Getenv("BOOMERANG_LANG"), "language: en or nl (default: the one chosen last, else the system's)")
	present := flag.Bool("present", os.Getenv("BOOMERANG_PRESENT") == "1", "open in presentation mode (full screen, large; F5 leaves it)")
	agent := flag.Int("agent", -1, "open the target view on this person (0 … population size − 1)")
	trace := flag.Bool("trace", os.Getenv("BOOMERANG_TRACE") == "1",
		"print a line per event and the screen's texts with their positions (for scripts/window-test.sh)")
	reps := flag.Int("replications", play.DefaultReplications, fmt.Sprintf("replications side by side, 1 … %d (more than 1 draws 95 %% bands)", play.MaxReplications))
	flag.Parse()
	if *language != "" && *language != "en" && *language != "nl" {
		fmt.Fprintf(os.Stderr, "boomerang: unknown language %q (choose en or nl)\n", *language)
		os.Exit(2)
	}
	if *reps < 1 || *reps > play.MaxReplications {
		fmt.Fprintf(os.Stderr, "boomerang: --replications %d: choose 1 … %d\n", *reps, play.MaxReplications)
		os.Exit(2)
	}

	if *metric != "" && !validMetric(*metric) {
		fmt.Fprintf(os.Stderr, "boomerang: unknown chart %q (choose from %s)\n", *metric, metricNames())
		os.Exit(2)
	}

	if err := ui.LoadTranslations(); err != nil {
		fmt.Fprintln(os.Stderr, "boomerang: translations:", err)
	}
	a := app.NewWithID("org.boomerang.app")
	a.SetIcon(ui.Icon())
	if *language == "" && !*smoke {
		*language = a.Preferences().String(ui.PrefLanguage)
	}
	if *language != "" {
		if err := ui.SetLanguage(*language); err != nil {
			fmt.Fprintln(os.Stderr, "boomerang: language:", err)
		}
	}
	// The smoke test always opens on the default scenario; otherwise the
	// app reopens the last scenario and seed.
	var (
		cfg  sim.Config
		name = scenarios.DefaultName
		err  error
	)
	switch {
	case *smoke:
		cfg, err = scenarios.Default()
	case *scenario != "":
		name = *scenario
		cfg, err = scenarios.Builtin(name)
	default:
		cfg, name, err = ui.StartConfig(a.Preferences())
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "boomerang: scenario %q: %v\n", name, err)
		os.Exit(1)
	}
	var traceTo io.Writer
	if *trace {
		traceTo = os.Stdout
	}
	u := ui.New(a, cfg, ui.Options{Smoke: *smoke, SmokeTimeout: *smokeTimeout, Autoplay: *autoplay,
		Metric: *metric, Scenario: name, NoPrefs: *smoke, Tab: *tab,
		Present: *present, Agent: *agent, Replications: *reps, Trace: traceTo})
	if size, ok := ui.RememberedSize(a.Preferences()); ok && !*smoke {
		u.Window.Resize(size)
	}
	if err := u.ShowAndRun(); err != nil {
		os.Exit(1) // the smoke test has reported the failure on stderr
	}
}

// envDuration reads a duration such as "90s" from the environment.
func envDuration(name string, def time.Duration) time.Duration {
	if v := os.Getenv(name); v != "" {
		if d, err := time.ParseDuration(v); err == nil {
			return d
		}
		fmt.Fprintf(os.Stderr, "boomerang: %s=%q is not a duration (e.g. 90s); using %v\n", name, v, def)
	}
	return def
}

// metricNames lists the charts --metric accepts.
func metricNames() string {
	var names []string
	for _, m := range ui.Metrics {
		names = append(names, m.Name)
	}
	return strings.Join(names, ", ")
}

func validMetric(name string) bool {
	for _, m := range ui.Metrics {
		if m.Name == name {
			return true
		}
	}
	return false
}
