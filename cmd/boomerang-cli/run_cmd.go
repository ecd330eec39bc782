package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"boomerang/batch"
	"boomerang/scenarios"
	"boomerang/sim"
)

type runFlags struct {
	scenarioFlags
	plotFlags
	reps      int
	out       string
	workers   int
	agentsOut bool
	json      bool
	graph     string
}

func newRunCmd() *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run [SCENARIO|FILE]",
		Short: "Run a scenario (default: " + scenarios.DefaultName + ") with replications; print a summary, write CSV with --out",
		Long: `Run a scenario: a built-in name or a .toml file (default: ` + scenarios.DefaultName + `).

Without --out, prints the final step of every arm as a table. With --out DIR,
writes DIR/steps.csv (one row per arm x rep x step), DIR/summary.csv (per arm
and metric: mean, 95% CI, n, paired difference to control), DIR/manifest.json
(resolved scenario, seeds, version, commit, command line, timings) and, with
--agents-out, DIR/agents.csv; with --graph graphml|gexf, DIR/graph.graphml or
DIR/graph.gexf (the network of replication 0 with each person's attributes and
results, for Gephi, networkx or igraph). Files appear only when the run
completed.

With network.kind = "file" the network comes from an edge list or GraphML
file (network.path) and population.size follows it; population.file adds
per-person attributes. A one-line report of the import goes to stderr.

Replication 0 uses the base seed, replication r > 0 a seed derived from it;
every row of steps.csv carries its seed, so 'run --seed S' reproduces any
replication on its own.`,
		Example: `  boomerang-cli run
  boomerang-cli run broadcast-basics --reps 20 --workers 2 --out out/
  boomerang-cli run targeting-showdown --reps 10 --out out/ --plots --plot-format svg
  boomerang-cli run opinion-lab --set influence.epsilon=0.5 --set network.kind=small-world --set network.degree=10
  boomerang-cli run karate-club --out out/ --graph gexf
  boomerang-cli run my.toml --agents 100000 --steps 200 --seed 7 --out out/ --agents-out --json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError{fmt.Errorf("run: expects at most one scenario, got %d", len(args))}
			}
			return nil
		},
		ValidArgsFunction: completeScenario,
		RunE: func(cmd *cobra.Command, args []string) error {
			name := scenarios.DefaultName
			if len(args) == 1 {
				name = args[0]
			}
			return runScenario(cmd, name, f)
		},
	}
	f.scenarioFlags.add(cmd)
	f.plotFlags.add(cmd, "opinion shift, conversions and more over time per arm with 95% bands, conversions per arm, the trade-off of effect against personal data used")
	fl := cmd.Flags()
	fl.IntVar(&f.reps, "reps", 1, "replications; rep 0 uses the base seed, the others derived seeds (recorded in steps.csv)")
	fl.StringVar(&f.out, "out", "", "directory for steps.csv, summary.csv, manifest.json")
	fl.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "parallel workers (results do not depend on it)")
	fl.BoolVar(&f.agentsOut, "agents-out", false, "also write agents.csv (one row per agent per arm per rep)")
	fl.StringVar(&f.graph, "graph", "", "also write the network of replication 0 with every person's attributes, inferred traits and, per arm, impressions, final opinion and conversion: graphml (networkx, igraph) or gexf (Gephi), as DIR/graph.graphml or DIR/graph.gexf; edgelist writes the bare network as DIR/graph.edges")
	fl.BoolVar(&f.json, "json", false, "print a machine-readable summary (files, counts, seconds) on stdout instead of the table")
	return cmd
}

// runJSON is what run --json prints.
type runJSON struct {
	Command  string   `json:"command"`
	Scenario string   `json:"scenario"`
	Out      string   `json:"out,omitempty"`
	Files    []string `json:"files"`
	Reps     int      `json:"reps"`
	Seeds    []uint64 `json:"seeds"`
	Arms     []string `json:"arms"`
	Steps    int      `json:"steps"`
	Agents   int      `json:"agents"`
	Seconds  float64  `json:"seconds"`
	Version  string   `json:"version"`
	Commit   string   `json:"commit,omitempty"`
}

func runScenario(cmd *cobra.Command, name string, f runFlags) error {
	if f.reps < 1 {
		return usageError{fmt.Errorf("--reps %d: must be 1 or more", f.reps)}
	}
	if f.workers < 1 {
		return usageError{fmt.Errorf("--workers %d: must be 1 or more", f.workers)}
	}
	if (f.agentsOut || f.plots || f.graph != "") && f.out == "" {
		return usageError{errors.New("--agents-out, --plots and --graph need --out DIR")}
	}
	if f.graph != "" && !slices.Contains(batch.GraphFormats(), f.graph) {
		return usageError{fmt.Errorf("--graph %q: unknown format (allowed: %s)", f.graph, strings.Join(batch.GraphFormats(), ", "))}
	}
	ext, err := f.ext()
	if err != nil {
		return err
	}
	cfg, err := f.load(cmd, name)
	if err != nil {
		return err
	}
	resolved, err := scenarios.Marshal(cfg)
	if err != nil {
		return err
	}
	quiet := isQuiet(cmd)
	ctx, stop := signalContext(cmd)
	defer stop()

	started := time.Now()
	prog := newProgress(cmd.ErrOrStderr(), quiet, int64(f.reps)*int64(cfg.Steps), "steps")
	var steps atomic.Int64
	opt := batch.Options{
		Config:  cfg,
		Reps:    f.reps,
		Workers: f.workers,
		Agents:  f.agentsOut,
		Graph:   f.graph,
		OnStep:  func(int, int) { prog.set(steps.Add(1)) },
	}
	summary := runJSON{Command: "run", Scenario: name, Out: f.out, Files: []string{}, Reps: f.reps,
		Steps: cfg.Steps, Agents: cfg.Population.Size, Version: sim.Version, Commit: commitString()}
	for r := 0; r < f.reps; r++ {
		summary.Seeds = append(summary.Seeds, batch.RepSeed(cfg.Seed, r))
	}
	for _, a := range cfg.Arms {
		summary.Arms = append(summary.Arms, a.Name)
	}
	var reps []batch.RepResult
	if f.out == "" {
		out, err := batch.Run(ctx, opt)
		prog.finish()
		if err != nil {
			return interrupted(ctx, err)
		}
		reps = out.Reps
	} else {
		meta := batch.Meta{Version: sim.Version, Commit: commitString(), CommandLine: argv(cmd), Scenario: name, Resolved: resolved}
		if f.plots {
			meta.Extra = func(dir string, reps []batch.RepResult) ([]string, error) { return writeRunPlots(dir, reps, ext) }
		}
		man, kept, err := batch.RunToDir(ctx, f.out, opt, meta)
		prog.finish()
		if err != nil {
			return interrupted(ctx, err)
		}
		reps = kept
		summary.Files = man.Files
		if !quiet && !f.json {
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %v to %s in %.1f s\n", man.Files, f.out, man.Seconds)
		}
	}
	if !quiet && !f.json && len(reps) > 0 {
		if r := reps[0].Imports.Network; r != nil {
			fmt.Fprintln(cmd.ErrOrStderr(), "network: "+r.String())
		}
		if p := reps[0].Imports.Population; p != nil {
			fmt.Fprintf(cmd.ErrOrStderr(), "population: %s: %d rows; imported %v, partly %v, drawn %v\n", p.File, p.Rows, p.Imported, p.Partly, p.Drawn)
		}
	}
	summary.Seconds = time.Since(started).Seconds()
	if f.json {
		return printJSON(cmd.OutOrStdout(), summary)
	}
	return printFinal(cmd.OutOrStdout(), cfg, reps)
}

func interrupted(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return errInterrupted
	}
	return err
}

// printFinal prints, per arm, the mean over replications of the headline
// metrics at the last step: what the campaign gained, what it used, and
// how well the operator inferred traits.
func printFinal(w io.Writer, cfg sim.Config, reps []batch.RepResult) error {
	if len(reps) == 0 {
		return nil
	}
	fmt.Fprintf(w, "%s: %d agents, %d steps, %d rep(s), seed %d; values at the last step", cfg.Name, cfg.Population.Size, cfg.Steps, len(reps), cfg.Seed)
	if len(reps) > 1 {
		fmt.Fprint(w, ", mean over replications")
	}
	fmt.Fprintln(w)
	if inf := reps[0].Result.Inference; inf.Trained {
		fmt.Fprintf(w, "inference: %d quiz takers; profiled %.0f %% of people; Big Five r %.2f (openness %.2f); party AUC %.2f\n",
			inf.QuizTakers, 100*float64(inf.ProfiledShare), float64(inf.MeanBigFiveR), float64(inf.R.Openness), float64(inf.AUC.Party))
	}
	for _, n := range reps[0].Result.Notes {
		fmt.Fprintln(w, "note: "+n)
	}
	fmt.Fprintln(w)
	var effect []string
	for _, m := range []string{"mean_opinion", "shift_vs_control", "vote_share_vs_control", "clicks", "conversions", "conversions_vs_control", "spend", "cost_per_conversion"} {
		if sim.MetricApplies(m, cfg.Campaign.Aim) { // no vote share for a festival (campaign.aim)
			effect = append(effect, m)
		}
	}
	if err := printTable(w, reps, "effect", effect); err != nil {
		return err
	}
	fmt.Fprintln(w)
	if err := printTable(w, reps, "attribution", []string{"conversions_vs_control", "attributed_conversions", "causal_lift", "naive_lift"}); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return printTable(w, reps, "ledger", []string{"reach", "attributes_per_impression", "sensitive_share", "vulnerable_share", "backfires", "exposure_gini"})
}

// printTable prints one row per arm with the given metrics.
func printTable(w io.Writer, reps []batch.RepResult, title string, metrics []string) error {
	cols := make([]sim.Column, len(metrics))
	for i, h := range metrics {
		cols[i], _ = sim.MetricColumn(h)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t", title)
	for _, h := range metrics {
		fmt.Fprintf(tw, "%s\t", h)
	}
	fmt.Fprintln(tw)
	for ai, arm := range reps[0].Result.Arms {
		fmt.Fprintf(tw, "%s\t", arm.Name)
		for _, col := range cols {
			var sum float64
			n := 0
			for _, r := range reps {
				s := r.Result.Arms[ai].Series
				if v := col.Value(&s[len(s)-1]); !math.IsNaN(v) {
					sum += v
					n++
				}
			}
			if n == 0 {
				fmt.Fprint(tw, "-\t")
				continue
			}
			fmt.Fprintf(tw, "%s\t", humanNumber(sum/float64(n)))
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// humanNumber prints whole numbers in full and others with 4 significant
// digits, for the terminal table (the CSV files keep full precision).
func humanNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e12 {
		return strconv.FormatInt(int64(v), 10)
	}
	if math.Abs(v) >= 1000 {
		return strconv.FormatFloat(v, 'f', 1, 64) // 49960.5, not 4.996e+04
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}
