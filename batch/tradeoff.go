package batch

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"boomerang/sim"
)

// This file computes the app's trade-off grid: every targeting strategy
// under a few regulation presets, each cell a small batch of replications,
// summarised as effectiveness against privacy intrusion. It writes no
// files: the app shows the result and forgets it.
//
// Why the grid is run one regulation at a time with all strategies as arms
// of one run: regulation is a setting of the whole run and never reads the
// arm (docs/MODEL.md §3.7), and arms are twins of one world, so the
// strategies' numbers are the same as in separate runs while the world
// (population, network, footprint) is built once per replication instead
// of once per strategy, and the control arm is shared.

// DefaultTradeoffReps is the number of replications per cell.
const DefaultTradeoffReps = 3

// DefaultTradeoffPopulation is the population of the grid's runs: small
// enough that the 16 cells × 3 replications take seconds on two cores.
const DefaultTradeoffPopulation = 5000

// TradeoffStrategies are the strategies of the grid, from the least to the
// most data-hungry.
func TradeoffStrategies() []string {
	return []string{"broadcast", "demographic", "psychographic", "lookalike"}
}

// RegulationPreset is one column of the grid: a set of regulation levers
// switched on together. Levers a preset does not name (consent rate and
// design, minors ban, audience floor, frequency cap) stay as the base
// scenario has them, so the grid answers "what do these rules change in
// this scenario".
type RegulationPreset struct {
	Key   string // identifier: none, no-sensitive, consent, dsa-ttpa
	Name  string // English name for lists and tables
	Short string // a word or two, for point labels
	// The levers (docs/MODEL.md §3.7); false switches the lever off even
	// if the base scenario had it on.
	SpecialCategoriesBan bool // DSA Art. 26(3)
	PoliticalConsent     bool // EU 2024/900 Arts. 18–19
	TransparencyLabel    bool // DSA Art. 26(1)
}

// Apply sets the preset's levers in r.
func (p RegulationPreset) Apply(r *sim.RegulationParams) {
	r.SpecialCategoriesBan = p.SpecialCategoriesBan
	r.PoliticalConsent = p.PoliticalConsent
	r.TransparencyLabel = p.TransparencyLabel
}

// RegulationPresets are the grid's columns. They separate the two ways the
// EU law restricts targeting — what data may be used (the special-category
// ban) and whom a campaign may target with data (separate consent) — and
// then combine them as the eu-election-2025 scenario does. (Tracking
// consent itself is not a preset: it is the base scenario's consent_rate,
// the same in every column.)
func RegulationPresets() []RegulationPreset {
	return []RegulationPreset{
		{Key: "none", Name: "No targeting rules", Short: "no rules"},
		{Key: "no-sensitive", Name: "No sensitive data (DSA Art. 26(3))", Short: "no sensitive",
			SpecialCategoriesBan: true},
		{Key: "consent", Name: "Separate consent only (EU 2024/900)", Short: "consent",
			PoliticalConsent: true},
		{Key: "dsa-ttpa", Name: "DSA + EU 2024/900: ban, consent, label", Short: "DSA+TTPA",
			SpecialCategoriesBan: true, PoliticalConsent: true, TransparencyLabel: true},
	}
}

// Measure is an effectiveness or intrusion measure of the grid: a metric
// column at the final step, possibly rescaled.
type Measure struct {
	Name  string // sim.MetricColumns name
	Label string // English axis label: the column's chart title (sim.Column)
	// PerThousand rescales a count to "per 1,000 people", so that the
	// reduced grid's numbers do not depend on its population size.
	PerThousand bool
}

// measure is the Measure of metric name, labelled by its declaration.
func measure(name string, perThousand bool) Measure {
	c, _ := sim.MetricColumn(name)
	label := c.ChartTitle()
	if perThousand {
		label += " per 1,000 people"
	}
	return Measure{Name: name, Label: label, PerThousand: perThousand}
}

// EffectivenessMeasures are what a campaign wants more of.
func EffectivenessMeasures() []Measure {
	return []Measure{measure("conversions_vs_control", true), measure("shift_vs_control", false)}
}

// IntrusionMeasures are what the population pays in privacy (the ledger).
func IntrusionMeasures() []Measure {
	return []Measure{measure("attributes_per_impression", false), measure("sensitive_share", false), measure("vulnerable_share", false)}
}

// TradeoffOptions configure Tradeoff.
type TradeoffOptions struct {
	// Base is the full-size scenario the grid derives from.
	Base sim.Config
	// Reps is the number of replications per cell; 0 means
	// DefaultTradeoffReps.
	Reps int
	// Population is the agents of the grid's runs; 0 means
	// DefaultTradeoffPopulation. It never exceeds the base's size.
	Population int
	// Steps, if > 0 and below the base's, shortens the runs.
	Steps int
	// Workers bounds the goroutines; ≤ 0 means GOMAXPROCS. The result
	// never depends on it.
	Workers int
	// Strategies and Regulations are the rows and columns; nil means
	// TradeoffStrategies and RegulationPresets.
	Strategies  []string
	Regulations []RegulationPreset
	// OnProgress, if set, is called after every step of every
	// replication, from worker goroutines (never concurrently: calls are
	// serialised), with the progress so far.
	OnProgress func(TradeoffProgress)
}

// TradeoffProgress is how far Tradeoff is.
type TradeoffProgress struct {
	CellsDone, Cells int // cells with every replication finished
	StepsDone, Steps int // steps run over all replications (for a smooth bar)
}

// Fraction is the share of the work done, 0 … 1.
func (p TradeoffProgress) Fraction() float64 {
	if p.Steps == 0 {
		return 0
	}
	return float64(p.StepsDone) / float64(p.Steps)
}

// TradeoffCell is one strategy under one regulation preset.
type TradeoffCell struct {
	Strategy   string
	Arm        sim.ArmConfig // the strategy's arm (from the base if it has one)
	Regulation RegulationPreset
	// Stats are the final-step statistics over replications of every
	// sim.MetricColumns metric (Stats[m] for column m), as in summary.csv.
	Stats []Stat
	// Population is the size of the runs behind Stats.
	Population int
	// Notes are what the regulation changed for this arm in replication 0
	// (e.g. a fallback to broadcast), from sim.Result.Notes.
	Notes []string
}

// Label is "strategy · preset", for tables.
func (c TradeoffCell) Label() string { return c.Strategy + " · " + c.Regulation.Name }

// ShortLabel is a compact "strategy/preset" label for chart points.
func (c TradeoffCell) ShortLabel() string {
	return ShortStrategy(c.Strategy) + " · " + c.Regulation.Short
}

// ShortStrategy abbreviates a strategy name for chart labels.
func ShortStrategy(s string) string {
	switch s {
	case "broadcast":
		return "bcast"
	case "demographic":
		return "demo"
	case "psychographic":
		return "psych"
	case "lookalike":
		return "lookal"
	}
	return s
}

// Value returns the cell's statistic for measure m (mean and 95 %
// interval; SD and interval NaN with one replication), rescaled per 1,000
// people where the measure asks for it. An unknown measure gives NaN.
func (c TradeoffCell) Value(m Measure) Stat {
	nan := math.NaN()
	i := sim.MetricIndex(m.Name)
	if i < 0 || i >= len(c.Stats) {
		return Stat{Mean: nan, SD: nan, Lo: nan, Hi: nan, Diff: nan, DiffLo: nan, DiffHi: nan}
	}
	st := c.Stats[i]
	if m.PerThousand && c.Population > 0 {
		f := 1000 / float64(c.Population)
		st.Mean, st.SD, st.Lo, st.Hi = st.Mean*f, st.SD*f, st.Lo*f, st.Hi*f
		st.Diff, st.DiffLo, st.DiffHi = st.Diff*f, st.DiffLo*f, st.DiffHi*f
	}
	return st
}

// TradeoffResult is a computed grid.
type TradeoffResult struct {
	Base       sim.Config // the full-size scenario it derives from
	Reps       int
	Population int
	Steps      int
	// Cells in regulation-major order: all strategies under the first
	// preset, then under the second, …
	Cells []TradeoffCell
}

// Frontier marks the cells on the Pareto frontier of eff (maximised)
// against intr (minimised), by their means (see Pareto).
func (r *TradeoffResult) Frontier(eff, intr Measure) []bool {
	e := make([]float64, len(r.Cells))
	x := make([]float64, len(r.Cells))
	for i, c := range r.Cells {
		e[i], x[i] = c.Value(eff).Mean, c.Value(intr).Mean
	}
	return Pareto(e, x)
}

// Config is cell i's full-size scenario: the base with its control arm and
// the cell's strategy arm only, and the cell's regulation. It is what the
// app loads when a cell is chosen.
func (r *TradeoffResult) Config(i int) sim.Config {
	c := r.Cells[i]
	return TradeoffConfig(r.Base, c.Arm, c.Regulation)
}

// Pareto marks the points on the Pareto frontier when eff is maximised and
// intr minimised: point i is on it unless another point is at least as
// effective and at most as intrusive, and strictly better in one of the
// two. Points with a NaN coordinate are never on it and dominate nothing.
// Equal points are all on it (none is strictly better). O(n²): the grid is
// small.
func Pareto(eff, intr []float64) []bool {
	n := min(len(eff), len(intr))
	on := make([]bool, n)
	bad := func(i int) bool { return math.IsNaN(eff[i]) || math.IsNaN(intr[i]) }
	for i := range n {
		if bad(i) {
			continue
		}
		on[i] = true
		for j := range n {
			if j == i || bad(j) {
				continue
			}
			if eff[j] >= eff[i] && intr[j] <= intr[i] && (eff[j] > eff[i] || intr[j] < intr[i]) {
				on[i] = false
				break
			}
		}
	}
	return on
}

// controlArm is the base's first control arm, or a fresh one.
func controlArm(base sim.Config) sim.ArmConfig {
	for _, a := range base.Arms {
		if sim.IsControl(a.Strategy) {
			return a
		}
	}
	return sim.ArmConfig{Name: "control", Strategy: "none"}
}

// strategyArm is the base's first arm with strategy s (keeping its message
// and attributes, e.g. a psychographic arm that may use ideology), or a
// fresh arm named after the strategy.
func strategyArm(base sim.Config, s string) sim.ArmConfig {
	for _, a := range base.Arms {
		if a.Strategy == s {
			a.Attributes = slices.Clone(a.Attributes)
			return a
		}
	}
	return sim.ArmConfig{Name: s, Strategy: s}
}

// uniqueArms renames arms whose name is taken by an earlier one.
func uniqueArms(arms []sim.ArmConfig) []sim.ArmConfig {
	seen := map[string]bool{}
	for i := range arms {
		name := arms[i].Name
		for k := 2; seen[name]; k++ {
			name = fmt.Sprintf("%s-%d", arms[i].Strategy, k)
		}
		arms[i].Name = name
		seen[name] = true
	}
	return arms
}

// TradeoffConfig is the full-size scenario of one cell: base with its
// control arm and arm, regulation preset reg, and no story (the base's
// story talks about its own arms and its steps would change the levers).
func TradeoffConfig(base sim.Config, arm sim.ArmConfig, reg RegulationPreset) sim.Config {
	c := base
	c.Arms = uniqueArms([]sim.ArmConfig{controlArm(base), arm})
	c.Messages = slices.Clone(base.Messages)
	reg.Apply(&c.Regulation)
	c.Story = sim.Story{}
	if c.Title != "" {
		c.Title = fmt.Sprintf("%s — %s, %s", base.Title, arm.Strategy, reg.Name)
	}
	return c
}

// reduce shrinks cfg to n agents for the grid, keeping what makes runs
// comparable with the full-size scenario: the budget and the audience floor
// shrink with the population (the same impressions per person). The data
// settings stay: the inference model is trained on the platform's users
// (data.platform_users), not on the simulated people, so it is the same
// model at any size. The lookalike seed (at least 100
// converters, as on Meta) cannot shrink, so on a small population the
// lookalike audience starts later.
func reduce(cfg sim.Config, n, steps int) sim.Config {
	full := cfg.Population.Size
	if steps > 0 && steps < cfg.Steps {
		cfg.Steps = steps
	}
	if n <= 0 || n >= full {
		return cfg
	}
	f := float64(n) / float64(full)
	cfg.Population.Size = n
	if cfg.Campaign.Budget > 0 {
		cfg.Campaign.Budget = max(1, int(math.Round(float64(cfg.Campaign.Budget)*f)))
	}
	if cfg.Regulation.MinAudience > 0 {
		cfg.Regulation.MinAudience = max(1, int(math.Round(float64(cfg.Regulation.MinAudience)*f)))
	}
	// The network's mean degree must stay below the population.
	if cfg.Network.Kind != "complete" && cfg.Network.Degree >= float64(n) {
		cfg.Network.Degree = float64(n - 1)
	}
	return cfg
}

// Tradeoff computes the grid: for every regulation preset one scenario
// with the control arm and one arm per strategy, reduced to
// opt.Population agents, run opt.Reps times with the batch runner (seeds
// RepSeed of the base seed: the same worlds in every column, so columns
// compare like arms do). Presets run concurrently on a worker pool;
// results are identical for any number of workers. When ctx is cancelled
// it stops within a step of every running replication, waits for its
// goroutines and returns ctx.Err().
func Tradeoff(ctx context.Context, opt TradeoffOptions) (*TradeoffResult, error) {
	strategies := opt.Strategies
	if strategies == nil {
		strategies = TradeoffStrategies()
	}
	regs := opt.Regulations
	if regs == nil {
		regs = RegulationPresets()
	}
	reps := opt.Reps
	if reps <= 0 {
		reps = DefaultTradeoffReps
	}
	pop := opt.Population
	if pop <= 0 {
		pop = DefaultTradeoffPopulation
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if len(strategies) == 0 || len(regs) == 0 {
		return nil, fmt.Errorf("trade-off: no strategies or no regulation presets")
	}

	// One scenario per preset: control, then the strategies in order.
	arms := make([]sim.ArmConfig, len(strategies))
	for i, s := range strategies {
		arms[i] = strategyArm(opt.Base, s)
	}
	cfgs := make([]sim.Config, len(regs))
	for r, reg := range regs {
		c := opt.Base
		c.Arms = uniqueArms(append([]sim.ArmConfig{controlArm(opt.Base)}, slices.Clone(arms)...))
		c.Messages = slices.Clone(opt.Base.Messages)
		c.Story = sim.Story{}
		reg.Apply(&c.Regulation)
		c = reduce(c, pop, opt.Steps)
		if err := c.Validate(); err != nil {
			return nil, fmt.Errorf("trade-off, %s: %w", reg.Name, err)
		}
		cfgs[r] = c
	}
	res := &TradeoffResult{Base: opt.Base, Reps: reps, Population: cfgs[0].Population.Size, Steps: cfgs[0].Steps}

	// Progress: OnStep and OnRep come from several goroutines; the counters
	// are atomic and the callback is serialised.
	cells := len(regs) * len(strategies)
	prog := TradeoffProgress{Cells: cells, Steps: len(regs) * reps * cfgs[0].Steps}
	var steps, cellsDone atomic.Int64
	var progMu sync.Mutex
	report := func() {
		if opt.OnProgress == nil {
			return
		}
		progMu.Lock()
		defer progMu.Unlock()
		p := prog
		p.StepsDone, p.CellsDone = int(steps.Load()), int(cellsDone.Load())
		opt.OnProgress(p)
	}
	report()

	// A pool over presets; each preset's batch.Run gets its share of the
	// workers for its replications and arms.
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pool := min(workers, len(regs))
	inner := max(workers/pool, 1)
	outs := make([]*Output, len(regs))
	errs := make([]error, len(regs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range pool {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range jobs {
				out, err := Run(ctx, Options{
					Config: cfgs[r], Reps: reps, Workers: inner,
					OnStep: func(int, int) { steps.Add(1); report() },
				})
				if err != nil {
					errs[r] = err
					cancel() // one failure stops the rest
					continue
				}
				outs[r] = out
				cellsDone.Add(int64(len(strategies)))
				report()
			}
		}()
	}
	for r := range regs {
		select {
		case jobs <- r:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	// The caller's cancellation wins over the errors it caused in the
	// runs; otherwise the first real failure is the answer.
	if err := parent.Err(); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return nil, err
		}
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}

	for r, reg := range regs {
		if outs[r] == nil || len(outs[r].Reps) == 0 {
			return nil, fmt.Errorf("trade-off, %s: no replications", reg.Name)
		}
		_, _, _, stats := RunSummary(outs[r].Reps)
		notes := outs[r].Reps[0].Result.Notes
		for s, strat := range strategies {
			a := s + 1 // arm 0 is control
			arm := cfgs[r].Arms[a]
			res.Cells = append(res.Cells, TradeoffCell{
				Strategy: strat, Arm: arms[s], Regulation: reg,
				Stats: stats[a], Population: res.Population,
				Notes: armNotes(notes, arm.Name),
			})
		}
	}
	return res, nil
}

// armNotes are the notes about the world's rules and those about arm name.
func armNotes(notes []string, name string) []string {
	var out []string
	for _, n := range notes {
		if !strings.HasPrefix(n, "arm ") || strings.HasPrefix(n, fmt.Sprintf("arm %q", name)) {
			out = append(out, n)
		}
	}
	return out
}
