package main

import (
	"fmt"
	"image"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"boomerang/batch/benchmark"
	"boomerang/chart"
	"boomerang/scenarios"
	"boomerang/sim"
)

// benchFlags are bench's options.
type benchFlags struct {
	scenario string
	agents   int
	steps    int
	workers  int
	seed     uint64
	json     bool
	kernels  bool
	charts   bool
	fixed    bool
	sets     []string
}

// Chart render size of the app's live charts (issue 11's app target).
const benchChartW, benchChartH, benchChartRenders = 1280, 800, 5

// newBenchCmd prints performance figures for this machine (issue 11).
func newBenchCmd() *cobra.Command {
	var f benchFlags
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Performance figures for this machine: setup, step phases, memory, throughput, targets",
		Long: `Measure the engine on this machine and print, as a table or --json:
setup time by phase (population, network, likes, visibility, training,
inference, accuracy, opinions), ns per agent-step by phase of the step
(plan, response, influence, metrics) with one worker, throughput with one
and all workers, peak memory per agent, the bare DeGroot and Deffuant
kernels on a random graph of mean degree 16 next to the plain-C reference,
the time to render one 1280x800 chart, and issue 11's targets with the
measured values (docs/PERFORMANCE.md).

The scenario (default targeting-showdown: control and five campaign arms)
is built once, its campaign.budget scaled with --agents (10,000 impressions
per step at its 50,000 agents: 200,000 at 1M) unless --fixed-budget. The
first step (the strategies' one-off set-up) is timed apart and the
per-step figures are medians of the remaining steps. On a busy machine
figures are noisy: the load average and the cores the process got are
printed with them.

With --kernels (default) and gcc on the PATH, the C reference kernel
(bench/opinion.c, embedded) is built and timed in the same run, before and
after the Go kernels, and the ratios are taken against it (wall time, and
CPU time, which does not count the time other processes held the core);
without gcc bench says so and uses the reference constants. The synchronous models
(DeGroot, Friedkin-Johnsen, Hegselmann-Krause) and the metrics use the
workers that the arms leave free, so a one-arm run uses every core;
Deffuant, voter and algorithmic bias are sequential by definition and run
on one worker (their replications and arms fill the cores).`,
		Example: `  boomerang-cli bench
  boomerang-cli bench --agents 1000000 --steps 10
  boomerang-cli bench --agents 20000 --steps 5 --json --quiet
  boomerang-cli bench --scenario opinion-lab --agents 1000000 --set influence.model=degroot --set network.kind=random --set network.degree=16`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runBench(cmd, f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.scenario, "scenario", "targeting-showdown", "scenario to measure (built-in name or .toml file)")
	fl.IntVar(&f.agents, "agents", 100_000, "population size")
	fl.IntVar(&f.steps, "steps", 10, "steps per timed run (at least 2; the first is timed apart)")
	fl.IntVar(&f.workers, "workers", 0, "\"all workers\" (default: GOMAXPROCS)")
	fl.Uint64Var(&f.seed, "seed", 0, "seed (default: the scenario's)")
	fl.BoolVar(&f.json, "json", false, "print the report as JSON on stdout instead of tables")
	fl.BoolVar(&f.kernels, "kernels", true, "also time the bare DeGroot and Deffuant kernels")
	fl.BoolVar(&f.charts, "charts", true, "also time rendering one 1280x800 chart")
	fl.BoolVar(&f.fixed, "fixed-budget", false, "keep the scenario's campaign.budget instead of scaling it with --agents")
	fl.StringArrayVar(&f.sets, "set", nil, "override a scenario key, e.g. --set influence.model=degroot (repeatable)")
	cmd.RegisterFlagCompletionFunc("set", completeKeys)
	return cmd
}

func runBench(cmd *cobra.Command, f benchFlags) error {
	switch {
	case f.agents < 2:
		return usageError{fmt.Errorf("--agents %d: must be at least 2", f.agents)}
	case f.steps < 2:
		return usageError{fmt.Errorf("--steps %d: must be at least 2", f.steps)}
	}
	cfg, err := scenarios.Load(f.scenario)
	if err != nil {
		return err
	}
	if err := scenarios.ApplySets(&cfg, f.sets); err != nil {
		return err
	}
	if !f.fixed && cfg.Population.Size > 0 {
		// The same share of people reached per step as the scenario at its
		// own size, so that plan and response work grows with N.
		cfg.Campaign.Budget = int(int64(cfg.Campaign.Budget) * int64(f.agents) / int64(cfg.Population.Size))
	}
	cfg.Population.Size = f.agents
	cfg.Steps = f.steps
	if cmd.Flags().Changed("seed") {
		cfg.Seed = f.seed
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	quiet := isQuiet(cmd)
	stderr := cmd.ErrOrStderr()
	rep, err := benchmark.Measure(benchmark.Options{
		Config: cfg, Workers: f.workers, Kernels: f.kernels,
		Progress: func(msg string) {
			if !quiet {
				fmt.Fprintln(stderr, "bench: "+msg)
			}
		},
	})
	if err != nil {
		return err
	}
	if f.charts {
		if !quiet {
			fmt.Fprintln(stderr, "bench: rendering charts")
		}
		if err := benchCharts(rep); err != nil {
			return err
		}
	}
	if inf := rep.Result.Inference; inf.Trained {
		// The training pool (issue 18): its time is the setup's
		// "platform pool" phase; its size is bounded by the SVD sample.
		rep.Figures = append(rep.Figures, benchmark.Figure{Name: "training pool", Value: float64(inf.PoolBytes) / (1 << 20), Unit: "MiB",
			Note: fmt.Sprintf("people and likes: %d people drawn of data.platform_users = %d (%d quiz takers)", inf.PoolPeople, inf.PlatformUsers, inf.TrainingQuizTakers)})
	}
	if f.json {
		return printJSON(cmd.OutOrStdout(), rep)
	}
	return benchmark.WriteTable(cmd.OutOrStdout(), rep)
}

// benchCharts times chart.Lines + chart.Render of the run's opinion shift
// at the app's chart size, and adds the live-app estimates.
func benchCharts(rep *benchmark.Report) error {
	img := image.NewRGBA(image.Rect(0, 0, benchChartW, benchChartH))
	var ds []time.Duration
	for range benchChartRenders {
		t0 := time.Now()
		p, err := chart.Lines([]sim.Result{rep.Result}, "shift_vs_control", chart.Options{XMax: float64(rep.Steps)})
		if err != nil {
			return err
		}
		chart.Render(p, img, 96)
		ds = append(ds, time.Since(t0))
	}
	slices.Sort(ds)
	render := float64(ds[len(ds)/2].Nanoseconds()) / 1e6
	last := rep.Throughput[len(rep.Throughput)-1]
	step := last.MedianStepMs
	rep.Figures = append(rep.Figures,
		benchmark.Figure{Name: "chart build + render 1280x800", Value: render, Unit: "ms", Note: fmt.Sprintf("median of %d, one line per arm", benchChartRenders)},
		benchmark.Figure{Name: "engine step (all arms)", Value: step, Unit: "ms", Note: fmt.Sprintf("%d agents, %d workers", rep.Agents, last.Workers)},
		benchmark.Figure{Name: "live updates/s, step then chart", Value: 1000 / (step + render), Unit: "/s", Note: "one goroutine: one step, one chart"},
		benchmark.Figure{Name: "live updates/s, overlapped", Value: 1000 / max(step, render), Unit: "/s", Note: "chart of step t drawn while t+1 runs"},
	)
	return nil
}
