package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"boomerang/batch"
	"boomerang/sim"
)

type sweepFlags struct {
	scenarioFlags
	plotFlags
	vary    []string
	design  string
	samples int
	reps    int
	shard   string
	out     string
	workers int
	resume  bool
	json    bool
}

func newSweepCmd() *cobra.Command {
	var f sweepFlags
	cmd := &cobra.Command{
		Use:   "sweep SCENARIO|FILE --vary key=v1,v2,... [--vary key=lo:hi:step]...",
		Short: "Run a scenario over a grid or Latin hypercube of settings, with replications, resumable and shardable",
		Long: `Run a scenario at many points of its settings, each with --reps replications.

--vary key=v1,v2,... lists values; --vary key=lo:hi:step gives lo, lo+step,
... up to hi. Keys are the scenario's TOML keys with dots (as for --set;
'boomerang-cli show' lists them). By default every combination is run (full
grid, the first --vary varying slowest); --design lhs --samples K runs a Latin
hypercube sample of K points instead, drawn from the base seed (ranges are
sampled within [lo, hi] and rounded to the step; lo:hi without a step samples
continuously).

Seeds: replication r of every point uses the same seed (rep 0 the base seed,
the others derived from it), so points are compared on common random numbers
and their differences are paired, like the arms' (unless seed is varied).

Writes into --out DIR: steps.csv (one row per point x arm x rep x step:
point, the varied keys, arm, rep, seed, step, metrics), points.csv, runs.csv
(one row per point x rep: seed, rows), summary.csv (per point x arm x metric:
mean, 95% CI, n, paired difference to control), manifest.json, and with
--plots charts. The files are byte-identical for any --workers.

Every finished run is kept in DIR's parts directory (.DIR.parts, next to
DIR): after Ctrl-C, a crash or a cluster time limit, run the same command
with --resume to finish; the result is byte-identical to an uninterrupted
sweep. Ctrl-C exits with status 130.

Clusters: --shard i/n runs the i-th of n disjoint slices of the runs (run j,
counted point-major, goes to shard j mod n + 1) and writes DIR/shard-i-of-n.
Without --shard it is read from SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT
(/ SLURM_ARRAY_TASK_MIN / SLURM_ARRAY_TASK_STEP) or from JOB_COMPLETION_INDEX
and ` + batch.ShardCountEnv + ` (Kubernetes indexed Jobs); --shard 1/1 turns
that off. 'boomerang-cli merge DIR --out FINAL' then writes what one machine
would have written.`,
		Example: `  boomerang-cli sweep opinion-lab --vary influence.epsilon=0.1:0.5:0.1 --reps 10 --out eps/
  boomerang-cli sweep broadcast-basics --vary campaign.budget=500,1000,2000 --vary network.kind=random,small-world --reps 5 --out grid/ --plots
  boomerang-cli sweep my.toml --vary influence.epsilon=0.05:0.6 --vary influence.mu=0.1:0.5 --design lhs --samples 200 --out lhs/
  boomerang-cli sweep opinion-lab --vary influence.epsilon=0.1:0.5:0.1 --reps 10 --out eps/ --resume
  boomerang-cli sweep opinion-lab --vary influence.epsilon=0.1:0.5:0.1 --reps 100 --shard 2/3 --out big/ --quiet --json`,
		Args:              exactArgs(1, "one scenario name or file"),
		ValidArgsFunction: completeScenario,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSweep(cmd, args[0], f)
		},
	}
	f.scenarioFlags.add(cmd)
	f.plotFlags.add(cmd, "trade-off of effect against personal data per arm and point, and headline metrics over the varied keys (line for one key, heat map for two)")
	fl := cmd.Flags()
	fl.StringArrayVar(&f.vary, "vary", nil, "a key and its values: key=v1,v2,... or key=lo:hi:step (repeatable; at least one)")
	fl.StringVar(&f.design, "design", batch.DesignGrid, "grid (every combination) or lhs (Latin hypercube of --samples points)")
	fl.IntVar(&f.samples, "samples", 0, "points of a Latin hypercube (--design lhs)")
	fl.IntVar(&f.reps, "reps", 1, "replications per point")
	fl.StringVar(&f.shard, "shard", "", "run only shard i of n (1-based), e.g. 2/3; default from SLURM or Kubernetes array variables")
	fl.StringVar(&f.out, "out", "", "output directory (default: SCENARIO-sweep); a shard writes OUT/shard-i-of-n")
	fl.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "parallel runs (results do not depend on it)")
	fl.BoolVar(&f.resume, "resume", false, "finish an interrupted sweep with the same settings from its parts directory")
	fl.BoolVar(&f.json, "json", false, "print a machine-readable summary (files, counts, seconds, output directory) on stdout")
	cmd.RegisterFlagCompletionFunc("vary", completeKeys)
	cmd.RegisterFlagCompletionFunc("design", cobra.FixedCompletions([]string{"grid", "lhs"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// sweepJSON is what sweep --json and merge --json print.
type sweepJSON struct {
	Command     string   `json:"command"`
	Scenario    string   `json:"scenario"`
	Out         string   `json:"out"`
	Files       []string `json:"files"`
	Design      string   `json:"design"`
	Keys        []string `json:"keys"`
	Points      int      `json:"points"`
	Reps        int      `json:"reps"`
	Runs        int      `json:"runs"`
	TotalRuns   int      `json:"total_runs"`
	ResumedRuns int      `json:"resumed_runs"`
	Shard       string   `json:"shard,omitempty"`
	Shards      int      `json:"shards,omitempty"`
	Seconds     float64  `json:"seconds"`
	Version     string   `json:"version"`
	Commit      string   `json:"commit,omitempty"`
}

func newSweepJSON(command, out string, man *batch.SweepManifest) sweepJSON {
	j := sweepJSON{Command: command, Scenario: man.Scenario, Out: out, Files: man.Files, Design: man.Plan.Design,
		Points: man.Points, Reps: man.Plan.Reps, Runs: man.Runs, TotalRuns: man.TotalRuns, ResumedRuns: man.ResumedRuns,
		Seconds: man.Seconds, Version: man.Version, Commit: man.Commit, Shards: len(man.MergedFrom)}
	for _, f := range man.Plan.Vary {
		j.Keys = append(j.Keys, f.Key)
	}
	if man.Shard != nil {
		j.Shard = man.Shard.String()
	}
	return j
}

func runSweep(cmd *cobra.Command, name string, f sweepFlags) error {
	fl := cmd.Flags()
	switch {
	case len(f.vary) == 0:
		return usageError{errors.New("sweep: give at least one --vary key=v1,v2,... or --vary key=lo:hi:step")}
	case f.reps < 1:
		return usageError{fmt.Errorf("--reps %d: must be 1 or more", f.reps)}
	case f.workers < 1:
		return usageError{fmt.Errorf("--workers %d: must be 1 or more", f.workers)}
	case fl.Changed("samples") && f.design != batch.DesignLHS:
		return usageError{errors.New("--samples goes with --design lhs (a grid runs every combination)")}
	}
	ext, err := f.ext()
	if err != nil {
		return err
	}
	// Everything is checked before anything is written.
	var factors []batch.Factor
	var varied []string
	for _, v := range f.vary {
		fac, err := batch.ParseVary(v)
		if err != nil {
			return err
		}
		factors = append(factors, fac)
		varied = append(varied, fac.Key)
	}
	if err := f.conflicts(cmd, varied); err != nil {
		return err
	}
	shard := batch.Shard{}
	quiet := isQuiet(cmd)
	if f.shard != "" {
		if shard, err = batch.ParseShard(f.shard); err != nil {
			return err
		}
	} else {
		sh, where, ok, err := batch.ShardFromEnv(os.Getenv)
		if err != nil {
			return err
		}
		if ok {
			shard = sh
			if !quiet {
				fmt.Fprintf(cmd.ErrOrStderr(), "shard %s (from %s)\n", shard, where)
			}
		}
	}
	cfg, err := f.load(cmd, name)
	if err != nil {
		return err
	}
	opt := batch.SweepOptions{Base: cfg, Factors: factors, Design: f.design, Samples: f.samples,
		Reps: f.reps, Workers: f.workers, Shard: shard, Resume: f.resume}
	sw, err := batch.NewSweep(opt, sim.Version)
	if err != nil {
		return err
	}
	out := f.out
	if out == "" {
		out = cfg.Name + "-sweep"
	}
	dir := batch.SweepDir(out, shard)

	ctx, stop := signalContext(cmd)
	defer stop()
	owned := len(sw.RunsOf(shard))
	prog := newProgress(cmd.ErrOrStderr(), quiet, int64(owned), "runs")
	opt.OnRun = func(done, _ int) { prog.set(int64(done)) }
	meta := batch.Meta{Version: sim.Version, Commit: commitString(), CommandLine: argv(cmd), Scenario: name}
	if f.plots {
		meta.SweepExtra = func(d string, res *batch.SweepResult) ([]string, error) { return writeSweepPlots(d, res, ext) }
	}
	man, res, err := sw.RunToDir(ctx, dir, opt, meta)
	prog.finish()
	if err != nil {
		var ie *batch.InterruptedError
		if errors.As(err, &ie) {
			again := argv(cmd)
			if !f.resume {
				again = append(append([]string(nil), again...), "--resume")
			}
			return interruptedError(fmt.Sprintf("%s; finish with: %s", ie.Error(), commandLine(again)))
		}
		return err
	}
	if f.json {
		return printJSON(cmd.OutOrStdout(), newSweepJSON("sweep", dir, man))
	}
	if !quiet {
		what := fmt.Sprintf("%d points x %d reps = %d runs", man.Points, man.Plan.Reps, man.Runs)
		if man.Shard != nil {
			what = fmt.Sprintf("shard %s: %d of %d runs", man.Shard, man.Runs, man.TotalRuns)
		}
		if man.ResumedRuns > 0 {
			what += fmt.Sprintf(" (%d resumed)", man.ResumedRuns)
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s in %.1f s; wrote %s to %s\n", cfg.Name, what, man.Seconds, strings.Join(man.Files, ", "), dir)
	}
	return printSweep(cmd.OutOrStdout(), res)
}

// printSweep prints, per point (and arm with a campaign), the headline
// metrics at the last step as mean ± half the 95 % interval.
func printSweep(w io.Writer, res *batch.SweepResult) error {
	metrics := sweepMetrics(res)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "point\t")
	for _, f := range res.Factors {
		fmt.Fprintf(tw, "%s\t", f.Key)
	}
	fmt.Fprint(tw, "arm\tn\t")
	for _, m := range metrics {
		fmt.Fprintf(tw, "%s\t", m)
	}
	fmt.Fprintln(tw)
	const maxRows = 40
	rows := 0
	for p, pt := range res.Points {
		if res.Stats[p] == nil {
			continue
		}
		for a, arm := range res.Arms {
			if a == res.Control && len(res.Arms) > 1 {
				continue
			}
			rows++
			if rows > maxRows {
				continue
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t", p, strings.Join(pt.Values, "\t"), arm)
			st := res.Stats[p][a]
			fmt.Fprintf(tw, "%d\t", st[sim.MetricIndex(metrics[0])].N)
			for _, m := range metrics {
				s := st[sim.MetricIndex(m)]
				switch {
				case math.IsNaN(s.Mean):
					fmt.Fprint(tw, "-\t")
				case math.IsNaN(s.Hi):
					fmt.Fprintf(tw, "%s\t", humanNumber(s.Mean))
				default:
					fmt.Fprintf(tw, "%s ± %s\t", humanNumber(s.Mean), humanNumber((s.Hi-s.Lo)/2))
				}
			}
			fmt.Fprintln(tw)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if rows > maxRows {
		fmt.Fprintf(w, "... %d more rows in summary.csv\n", rows-maxRows)
	}
	return nil
}

func newMergeCmd() *cobra.Command {
	var (
		out   string
		jsonF bool
		pf    plotFlags
	)
	cmd := &cobra.Command{
		Use:   "merge DIR... --out DIR",
		Short: "Combine the shard outputs of a sweep into the files one machine would have written",
		Long: `Combine the outputs of the shards 1/n ... n/n of one sweep into --out DIR:
steps.csv, points.csv, runs.csv and summary.csv come out byte for byte as an
unsharded sweep writes them (manifest.json records the shards instead of the
command line and times of one run).

Each DIR is a shard's output directory (OUT/shard-i-of-n) or the --out
directory of the sweep, which stands for all its shard-*-of-* directories.
merge refuses, writing nothing, outputs of different scenarios, settings,
versions or builds, shards given twice, and missing shards.`,
		Example: `  boomerang-cli merge big/ --out big-merged/
  boomerang-cli merge big/shard-1-of-3 big/shard-2-of-3 big/shard-3-of-3 --out big-merged/ --plots
  boomerang-cli merge results/ --out final/ --json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("merge: expects one or more shard directories")}
			}
			if out == "" {
				return usageError{errors.New("merge: --out DIR is required")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			ext, err := pf.ext()
			if err != nil {
				return err
			}
			dirs, err := batch.ExpandShardDirs(args)
			if err != nil {
				return err
			}
			ctx, stop := signalContext(cmd)
			defer stop()
			meta := batch.Meta{Version: sim.Version, Commit: commitString(), CommandLine: argv(cmd)}
			if pf.plots {
				meta.SweepExtra = func(d string, res *batch.SweepResult) ([]string, error) { return writeSweepPlots(d, res, ext) }
			}
			started := time.Now()
			man, res, err := batch.Merge(ctx, dirs, out, meta)
			if err != nil {
				if ctx.Err() != nil {
					return errInterrupted
				}
				return err
			}
			if jsonF {
				return printJSON(cmd.OutOrStdout(), newSweepJSON("merge", out, man))
			}
			if !isQuiet(cmd) {
				fmt.Fprintf(cmd.ErrOrStderr(), "merged %d shards (%d runs) in %.1f s; wrote %s to %s\n",
					len(dirs), man.Runs, time.Since(started).Seconds(), strings.Join(man.Files, ", "), out)
			}
			return printSweep(cmd.OutOrStdout(), res)
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "directory for the merged files (required)")
	cmd.Flags().BoolVar(&jsonF, "json", false, "print a machine-readable summary on stdout")
	pf.add(cmd, "as for sweep")
	return cmd
}
