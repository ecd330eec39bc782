package batch

import (
	"bytes"
	"context"
	"runtime"
	"sync"

	"boomerang/sim"
	"boomerang/sim/rng"
)

// Options configure a batch of replications.
type Options struct {
	Config  sim.Config
	Reps    int                     // replications, ≥ 1
	Workers int                     // goroutines; ≤ 0 means GOMAXPROCS
	Agents  bool                    // keep final per-agent states for agents.csv
	OnRep   func(done, total int)   // called after each replication (progress), may be nil
	OnStep  func(rep int, t int)    // called after each step of each rep, may be nil
	Sink    func(r RepResult) error // receives replications in order; nil keeps them in Output
	Graph   string                  // "graphml", "gexf" or "edgelist": export the first replication's network (graph.go)

	// graphOut, set by RunToDir, streams the export into its staged file;
	// nil keeps it in RepResult.Graph.
	graphOut func(run *sim.Run) error
}

// RepResult is one finished replication.
type RepResult struct {
	Rep    int
	Seed   uint64
	Result sim.Result
	Agents []byte // agents.csv rows (no header) when Options.Agents
	Graph  []byte // the network export of replication 0 when Options.Graph is set
	// Imports says what the world read from files (network.path,
	// population.file).
	Imports sim.Imports
}

// Output is what Run returns when no Sink is given.
type Output struct {
	Seeds []uint64
	Reps  []RepResult
}

// RepSeed is the seed of replication rep: the base seed itself for rep 0,
// so that `run --seed S` reproduces rep 0 of any batch with base seed S,
// and a derived stream for the others. The seeds are written to every row
// of steps.csv and to the manifest.
func RepSeed(base uint64, rep int) uint64 {
	if rep == 0 {
		return base
	}
	return rng.Derive(base, rng.Replication, uint64(rep))
}

// Run executes opt.Reps replications of opt.Config. Replications run in
// parallel on opt.Workers goroutines; results are delivered in replication
// order, and are identical for any number of workers. When ctx is cancelled,
// Run stops starting new replications and returns ctx.Err().
func Run(ctx context.Context, opt Options) (*Output, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	reps := max(opt.Reps, 1)
	// Split the workers between concurrent replications and the work inside
	// each one (arms, influence chunks).
	concurrent := min(workers, reps)
	inner := max(workers/concurrent, 1)

	out := &Output{}
	for r := 0; r < reps; r++ {
		out.Seeds = append(out.Seeds, RepSeed(opt.Config.Seed, r))
	}

	type done struct {
		res RepResult
		err error
	}
	jobs := make(chan int)
	results := make(chan done, concurrent)
	var wg sync.WaitGroup
	for w := 0; w < concurrent; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rep := range jobs {
				res, err := runRep(ctx, opt, rep, out.Seeds[rep], inner)
				results <- done{res, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for r := 0; r < reps; r++ {
			select {
			case jobs <- r:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	// Reorder: deliver replication r only after 0 … r−1.
	pending := map[int]RepResult{}
	next, finished := 0, 0
	var firstErr error
	for d := range results {
		if d.err != nil {
			if firstErr == nil {
				firstErr = d.err
			}
			continue
		}
		finished++
		if opt.OnRep != nil {
			opt.OnRep(finished, reps)
		}
		pending[d.res.Rep] = d.res
		for {
			res, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if firstErr != nil {
				continue
			}
			if opt.Sink != nil {
				if err := opt.Sink(res); err != nil {
					firstErr = err
				}
			} else {
				out.Reps = append(out.Reps, res)
			}
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func runRep(ctx context.Context, opt Options, rep int, seed uint64, workers int) (RepResult, error) {
	run, err := sim.NewRun(opt.Config, seed, workers)
	if err != nil {
		return RepResult{}, err
	}
	for !run.Done() {
		if err := ctx.Err(); err != nil {
			return RepResult{}, err
		}
		run.Step()
		if opt.OnStep != nil {
			opt.OnStep(rep, run.T)
		}
	}
	res := RepResult{Rep: rep, Seed: seed, Result: run.Result(), Imports: run.World.Imports}
	if opt.Agents {
		res.Agents = agentRows(rep, run)
	}
	if opt.Graph != "" && rep == 0 && opt.graphOut != nil {
		if err := opt.graphOut(run); err != nil {
			return RepResult{}, err
		}
	} else if opt.Graph != "" && rep == 0 {
		var b bytes.Buffer
		if err := WriteGraph(&b, opt.Graph, run); err != nil {
			return RepResult{}, err
		}
		res.Graph = b.Bytes()
	}
	return res, nil
}
