package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"boomerang/batch"
	"boomerang/scenarios"
)

// storiesFlags are the options of check-stories.
type storiesFlags struct {
	reps    int
	quick   bool
	only    []string
	workers int
	write   string
	md      bool
}

// quickStoryReps is the replications per step of --quick: enough for a
// mean, too few for most intervals, so --quick judges the mean's side.
const quickStoryReps = 3

// newCheckStoriesCmd checks every claim of every built-in story (issue 17).
func newCheckStoriesCmd() *cobra.Command {
	var f storiesFlags
	cmd := &cobra.Command{
		Use:   "check-stories",
		Short: "Check every claim of every built-in story over replications; exit 1 if any fails",
		Long: `check-stories runs every step of every built-in story (step k with the
settings of steps 1 to k, as the app plays it) with --reps replications
from the scenario's seed, and checks each claim of the step's expect list
on the paired differences between arms of the same replication: a claim
"a > b" holds when the 95 % confidence interval of a − b lies above zero.
It prints one row per claim with both sides' means and the interval.

--quick uses 3 replications and judges only the side of the mean (for
CI); the full run (default 10 replications) is the one docs/SCENARIOS.md
quotes. --write DIR stores the measured values of the texts' {…}
placeholders, one JSON per scenario, for the app and 'show --story'
(the repository keeps them in scenarios/builtin/measured); --markdown
prints the table docs/SCENARIOS.md quotes.

Exit status: 0 when every claim holds, 1 when any fails, 2 usage.`,
		Example: `  boomerang-cli check-stories --quick
  boomerang-cli check-stories --only weekend-event --reps 20
  boomerang-cli check-stories --write scenarios/builtin/measured`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runCheckStories(cmd, f) },
	}
	fl := cmd.Flags()
	fl.IntVar(&f.reps, "reps", 10, "replications per story step")
	fl.BoolVar(&f.quick, "quick", false, "3 replications, judge the mean's side only (CI)")
	fl.StringSliceVar(&f.only, "only", nil, "check only these built-ins (comma-separated)")
	fl.IntVar(&f.workers, "workers", 0, "parallel workers (default: GOMAXPROCS); never changes the results")
	fl.StringVar(&f.write, "write", "", "store the measured placeholder values in this directory (one NAME.json per scenario)")
	fl.BoolVar(&f.md, "markdown", false, "print the table as Markdown (docs/SCENARIOS.md's generated section)")
	return cmd
}

func runCheckStories(cmd *cobra.Command, f storiesFlags) error {
	var names []string
	for _, i := range scenarios.List() {
		names = append(names, i.Name)
	}
	for _, n := range f.only {
		if !contains(names, n) {
			return usageError{fmt.Errorf("--only %q: no such built-in (built-in: %s)", n, strings.Join(names, ", "))}
		}
	}
	if len(f.only) > 0 {
		names = f.only
	}
	if f.reps < 2 && !f.quick {
		return usageError{errors.New("--reps: at least 2 replications are needed for an interval")}
	}
	reps := f.reps
	if f.quick {
		reps = quickStoryReps
	}
	ctx, cancel := signalContext(cmd)
	defer cancel()
	quiet := isQuiet(cmd)
	stderr := cmd.ErrOrStderr()
	w := tabwriter.NewWriter(cmd.OutOrStdout(), 2, 0, 2, ' ', 0)
	row := "%s\t%d\t%s\t%s\t%s\t%s (%s to %s)\t%s\n"
	if f.md {
		w = tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 0, ' ', 0) // Markdown: no padding
		fmt.Fprintln(w, "| scenario | step | claim | left | right | diff (95 % CI) | result |\n|---|---|---|---|---|---|---|")
		row = "| %s | %d | `%s` | %s | %s | %s (%s to %s) | %s |\n"
	} else {
		fmt.Fprintln(w, "scenario\tstep\tclaim\tleft\tright\tdiff (95 % CI)\tresult")
	}
	var failed []string
	total := 0
	var measures []scenarios.StoryMeasure
	for _, name := range names {
		cfg, err := scenarios.Builtin(name)
		if err != nil {
			return err
		}
		if len(cfg.Story.Steps) == 0 {
			continue
		}
		m, err := batch.MeasureStory(ctx, name, cfg, batch.StoryOptions{Reps: reps, Workers: f.workers, Quick: f.quick,
			OnStep: func(k, n int) {
				if !quiet {
					fmt.Fprintf(stderr, "check-stories: %s step %d/%d done\n", name, k, n)
				}
			}})
		if err != nil {
			if ctx.Err() != nil {
				return errInterrupted
			}
			return err
		}
		measures = append(measures, m)
		for _, s := range m.Steps {
			for _, c := range s.Claims {
				total++
				verdict := "pass"
				if !c.Pass {
					verdict = "FAIL"
					failed = append(failed, fmt.Sprintf("%s step %d: %s", name, s.Step, c.Claim))
				}
				fmt.Fprintf(w, row, name, s.Step, c.Claim,
					num(c.Left), num(c.Right), num(c.Diff), num(c.Lo), num(c.Hi), verdict)
			}
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if f.write != "" {
		if err := writeMeasures(f.write, measures); err != nil {
			return err
		}
	}
	mode := fmt.Sprintf("%d replications per step, 95 %% paired intervals", reps)
	if f.quick {
		mode = fmt.Sprintf("--quick: %d replications per step, side of the mean only", reps)
	}
	fmt.Fprintf(cmd.OutOrStdout(), "\n%d of %d claims hold (%s)\n", total-len(failed), total, mode)
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d story claims failed:\n  %s", len(failed), total, strings.Join(failed, "\n  "))
	}
	return nil
}

// num prints a measured number to three significant digits.
func num(v float64) string { return strconv.FormatFloat(v, 'g', 3, 64) }

// writeMeasures writes one NAME.json per measured story into dir, each
// whole or not at all.
func writeMeasures(dir string, ms []scenarios.StoryMeasure) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, m := range ms {
		data, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			return fmt.Errorf("%s: %w", m.Scenario, err)
		}
		if err := writeAtomic(filepath.Join(dir, m.Scenario+".json"), append(data, '\n')); err != nil {
			return err
		}
	}
	return nil
}

// printStory writes a scenario's story as text, its placeholders filled
// from the stored measurement (show --story).
func printStory(w io.Writer, st scenarios.StoryMeasure, ok bool, dutch bool, title string, steps []storyText) {
	fmt.Fprintf(w, "%s\n\n", title)
	if !ok {
		fmt.Fprintln(w, "(no measured numbers stored for this scenario: placeholders show as …)")
	}
	for k, s := range steps {
		var vals map[string]float64
		for _, sm := range st.Steps {
			if sm.Step == k+1 {
				vals = sm.Values
			}
		}
		label := "Step"
		if dutch {
			label = "Stap"
		}
		fmt.Fprintf(w, "%s %d. %s\n", label, k+1, scenarios.Fill(s.text, vals, dutch))
		if s.question != "" {
			fmt.Fprintf(w, "  ? %s\n", scenarios.Fill(s.question, vals, dutch))
		}
		fmt.Fprintln(w)
	}
	if ok {
		fmt.Fprintf(w, "(numbers: means of %d replications from seed %d, boomerang-cli check-stories)\n", st.Reps, st.Seed)
	}
}

// storyText is one step's text and question in one language.
type storyText struct{ text, question string }
