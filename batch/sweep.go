package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"boomerang/scenarios"
	"boomerang/sim"
)

// SweepOptions configure a parameter sweep.
type SweepOptions struct {
	// Base is the resolved scenario (with --set applied) every point
	// starts from.
	Base sim.Config
	// Factors are the varied keys (--vary), in the order given.
	Factors []Factor
	// Design is DesignGrid (default) or DesignLHS with Samples points.
	Design  string
	Samples int
	// Reps is the number of replications per point (≥ 1).
	Reps int
	// Workers is the number of goroutines; ≤ 0 means GOMAXPROCS. Results
	// never depend on it.
	Workers int
	// Shard selects the runs of one cluster task; the zero value is the
	// whole sweep.
	Shard Shard
	// Resume finishes an interrupted sweep from its parts directory.
	Resume bool
	// OnRun, if set, is called after each finished run with the runs done
	// (including those carried over by Resume) and the shard's total.
	OnRun func(done, total int)
}

// Plan is everything that decides what a sweep writes: two sweeps with the
// same Plan (and shard) write byte-identical steps.csv, points.csv,
// runs.csv and summary.csv. It is stored in manifest.json and in the
// parts directory, and Merge and Resume refuse to mix different plans.
type Plan struct {
	Version  string     `json:"version"`
	Name     string     `json:"scenario_name"`
	Resolved string     `json:"resolved_toml"`
	Design   string     `json:"design"`
	Samples  int        `json:"samples,omitempty"`
	Vary     []Factor   `json:"vary"`
	Reps     int        `json:"reps"`
	Points   [][]string `json:"points"`
}

// Sweep is a validated sweep: its points, their scenarios and the list of
// runs. A run (job) is one replication of one point; run j is replication
// j mod Reps of point j / Reps.
type Sweep struct {
	Plan    Plan
	Factors []Factor
	Points  []Point
	// Arms and Strategies are the arms of every point, in scenario order;
	// Control is the index of the control arm (strategy none), or −1.
	Arms       []string
	Strategies []string
	Control    int

	configs []sim.Config
	prefix  []string // "point,<values>," per point, CSV-quoted
}

// NewSweep builds and checks a sweep: the design's points, and every
// point's scenario validated, so that a bad value is reported before
// anything runs or is written. version is written to the plan.
func NewSweep(opt SweepOptions, version string) (*Sweep, error) {
	if len(opt.Factors) == 0 {
		return nil, errors.New("sweep: give at least one --vary key=values")
	}
	seen := map[string]bool{}
	for _, f := range opt.Factors {
		if seen[f.Key] {
			return nil, fmt.Errorf("--vary %s given twice: list all its values in one --vary", f.Key)
		}
		seen[f.Key] = true
	}
	if opt.Reps < 1 {
		return nil, fmt.Errorf("--reps %d: must be 1 or more", opt.Reps)
	}
	var points []Point
	var err error
	switch opt.Design {
	case "", DesignGrid:
		opt.Design = DesignGrid
		if opt.Samples != 0 {
			return nil, errors.New("--samples goes with --design lhs; a grid runs every combination")
		}
		points, err = GridPoints(opt.Factors)
	case DesignLHS:
		if opt.Samples < 1 {
			return nil, fmt.Errorf("--design lhs needs --samples K (1 or more), got %d", opt.Samples)
		}
		points, err = LHSPoints(opt.Factors, opt.Samples, opt.Base.Seed)
	default:
		return nil, fmt.Errorf("--design %q: unknown (allowed: %s, %s)", opt.Design, DesignGrid, DesignLHS)
	}
	if err != nil {
		return nil, err
	}
	if int64(len(points))*int64(opt.Reps) > maxPoints*10 {
		return nil, fmt.Errorf("sweep: %d points x %d reps is more than %d runs", len(points), opt.Reps, maxPoints*10)
	}
	resolved, err := scenarios.Marshal(opt.Base)
	if err != nil {
		return nil, err
	}
	plan := Plan{Version: version, Name: opt.Base.Name, Resolved: string(resolved), Design: opt.Design,
		Samples: opt.Samples, Vary: opt.Factors, Reps: opt.Reps}
	for _, p := range points {
		plan.Points = append(plan.Points, p.Values)
	}
	return newSweep(plan, opt.Base)
}

// sweepFromPlan rebuilds a sweep from a stored plan (merge).
func sweepFromPlan(plan Plan) (*Sweep, error) {
	base, err := scenarios.Parse("resolved_toml", []byte(plan.Resolved))
	if err != nil {
		return nil, err
	}
	return newSweep(plan, base)
}

func newSweep(plan Plan, base sim.Config) (*Sweep, error) {
	s := &Sweep{Plan: plan, Factors: plan.Vary, Control: -1}
	for i, ac := range base.Arms {
		if strings.ContainsAny(ac.Name, "\n\r") {
			return nil, fmt.Errorf("arms[%d].name = %q: a sweep needs arm names without line breaks", i, ac.Name)
		}
		s.Arms = append(s.Arms, ac.Name)
		s.Strategies = append(s.Strategies, ac.Strategy)
		if sim.IsControl(ac.Strategy) && s.Control < 0 {
			s.Control = i
		}
	}
	for id, vals := range plan.Points {
		if len(vals) != len(plan.Vary) {
			return nil, fmt.Errorf("sweep plan: point %d has %d values for %d keys", id, len(vals), len(plan.Vary))
		}
		p := Point{ID: id, Values: vals}
		cfg, err := pointConfig(base, plan.Vary, p)
		if err != nil {
			return nil, err
		}
		s.Points = append(s.Points, p)
		s.configs = append(s.configs, cfg)
		var b strings.Builder
		b.WriteString(strconv.Itoa(id))
		for _, v := range vals {
			b.WriteByte(',')
			b.WriteString(csvField(v))
		}
		b.WriteByte(',')
		s.prefix = append(s.prefix, b.String())
	}
	return s, nil
}

// Runs is the number of runs of the whole sweep: points × reps.
func (s *Sweep) Runs() int { return len(s.Points) * s.Plan.Reps }

// Job returns the point and replication of run j.
func (s *Sweep) Job(j int) (point, rep int) { return j / s.Plan.Reps, j % s.Plan.Reps }

// Config returns the scenario of a point.
func (s *Sweep) Config(point int) sim.Config { return s.configs[point] }

// Seed is the seed of replication rep of a point: RepSeed of the point's
// base seed. Unless seed itself is varied, every point uses the same seeds
// for the same replication (common random numbers), so differences between
// points are paired like the differences between arms.
func (s *Sweep) Seed(point, rep int) uint64 { return RepSeed(s.configs[point].Seed, rep) }

// RunsOf lists the runs of a shard in order.
func (s *Sweep) RunsOf(sh Shard) []int {
	var out []int
	for j := 0; j < s.Runs(); j++ {
		if sh.Owns(j) {
			out = append(out, j)
		}
	}
	return out
}

// keyColumns are the varied keys, as steps.csv column names.
func (s *Sweep) keyColumns() []string {
	var out []string
	for _, f := range s.Factors {
		out = append(out, csvField(f.Key))
	}
	return out
}

// StepsHeader is the header of a sweep's steps.csv: point, the varied
// keys, then the columns of a run's steps.csv (arm, rep, seed, step,
// metrics).
func (s *Sweep) StepsHeader() string {
	h := append([]string{"point"}, s.keyColumns()...)
	return strings.Join(append(h, StepsHeader()...), ",") + "\n"
}

// rowsOf is the number of steps.csv rows of one run of a point.
func (s *Sweep) rowsOf(point int) int { return len(s.Arms) * (s.configs[point].Steps + 1) }

// runJob runs job j and renders its steps.csv rows.
func (s *Sweep) runJob(ctx context.Context, j, workers int) ([]byte, error) {
	p, rep := s.Job(j)
	seed := s.Seed(p, rep)
	run, err := sim.NewRun(s.configs[p], seed, workers)
	if err != nil {
		return nil, fmt.Errorf("point %d (%s), rep %d: %w", p, describePoint(s.Factors, s.Points[p]), rep, err)
	}
	for !run.Done() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		run.Step()
	}
	var b bytes.Buffer
	writeRows(&b, s.prefix[p], RepResult{Rep: rep, Seed: seed, Result: run.Result()})
	return b.Bytes(), nil
}
