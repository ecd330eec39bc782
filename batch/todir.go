package batch

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"time"

	"boomerang/sim"
)

// Meta describes the invocation for the manifest.
type Meta struct {
	Version     string
	Commit      string // VCS revision of the build, if known
	CommandLine []string
	Scenario    string // as given: built-in name or file path
	Resolved    []byte // the resolved scenario TOML
	// Extra, if set, writes more files (charts) into the staging directory
	// once all replications are done and returns their names.
	Extra func(dir string, reps []RepResult) ([]string, error)
	// SweepExtra is Extra for a whole sweep or a merge (not for a shard).
	SweepExtra func(dir string, res *SweepResult) ([]string, error)
}

// RunToDir runs the batch and writes steps.csv, summary.csv,
// manifest.json and, with opt.Agents, agents.csv into dir. Files appear only
// when everything succeeded; on error or cancellation dir is untouched.
// It returns the manifest and the replications (without agent rows).
func RunToDir(ctx context.Context, dir string, opt Options, meta Meta) (*Manifest, []RepResult, error) {
	var man *Manifest
	var kept []RepResult
	err := WriteDir(dir, func(out *OutDir) (err error) {
		man, kept, err = runStaged(ctx, out, opt, meta)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return man, kept, nil
}

// runStaged is RunToDir's work: it runs the batch and writes every file
// into out, which WriteDir commits.
func runStaged(ctx context.Context, out *OutDir, opt Options, meta Meta) (*Manifest, []RepResult, error) {
	man := newManifest()
	man.Version, man.Commit, man.CommandLine, man.Scenario = meta.Version, meta.Commit, meta.CommandLine, meta.Scenario
	man.Resolved = string(meta.Resolved)
	man.BaseSeed, man.Reps, man.Steps = opt.Config.Seed, max(opt.Reps, 1), opt.Config.Steps
	man.Agents, man.Workers = opt.Config.Population.Size, opt.Workers
	for _, a := range opt.Config.Arms {
		man.Arms = append(man.Arms, a.Name)
	}
	man.Started = time.Now().UTC()

	steps, err := newStagedCSV(out, "steps.csv")
	if err != nil {
		return nil, nil, err
	}
	defer steps.f.Close()
	if err := WriteStepsHeader(steps.w); err != nil {
		return nil, nil, err
	}
	var agents *stagedCSV
	if opt.Agents {
		if agents, err = newStagedCSV(out, "agents.csv"); err != nil {
			return nil, nil, err
		}
		defer agents.f.Close()
		agents.w.WriteString(AgentsHeader())
	}
	if opt.Graph != "" {
		// Streamed by replication 0's goroutine straight into the staged
		// file: a million-person GraphML never sits in memory.
		g, err := newStagedCSV(out, GraphFile(opt.Graph))
		if err != nil {
			return nil, nil, err
		}
		defer g.f.Close()
		opt.graphOut = func(run *sim.Run) error {
			if err := WriteGraph(g.w, opt.Graph, run); err != nil {
				return err
			}
			return g.close()
		}
	}
	var kept []RepResult
	opt.Sink = func(r RepResult) error {
		if err := WriteSteps(steps.w, r); err != nil {
			return err
		}
		if agents != nil {
			if _, err := agents.w.Write(r.Agents); err != nil {
				return err
			}
			r.Agents = nil
		}
		if r.Rep == 0 && (r.Imports.Network != nil || r.Imports.Population != nil) {
			man.Imports = &r.Imports
		}
		kept = append(kept, r)
		return nil
	}
	res, err := Run(ctx, opt)
	if err != nil {
		return nil, nil, err
	}
	man.RepSeeds = res.Seeds
	for _, r := range kept {
		man.Inference = append(man.Inference, r.Result.Inference)
		man.Notes = append(man.Notes, append([]string{}, r.Result.Notes...))
	}
	for _, s := range []*stagedCSV{steps, agents} {
		if s != nil {
			if err := s.close(); err != nil {
				return nil, nil, err
			}
		}
	}
	sum, err := newStagedCSV(out, "summary.csv")
	if err != nil {
		return nil, nil, err
	}
	if err := WriteSummary(sum.w, kept); err != nil {
		return nil, nil, err
	}
	if err := sum.close(); err != nil {
		return nil, nil, err
	}
	if meta.Extra != nil {
		names, err := meta.Extra(out.staging, kept)
		if err != nil {
			return nil, nil, err
		}
		out.files = append(out.files, names...)
	}
	man.Files = append([]string(nil), out.files...)
	man.Files = append(man.Files, "manifest.json")
	man.Finished = time.Now().UTC()
	man.Seconds = man.Finished.Sub(man.Started).Seconds()
	data, err := man.bytes()
	if err != nil {
		return nil, nil, err
	}
	if err := out.WriteFile("manifest.json", data); err != nil {
		return nil, nil, err
	}
	return &man, kept, nil
}

type stagedCSV struct {
	f *os.File
	w *bufio.Writer
}

func newStagedCSV(o *OutDir, name string) (*stagedCSV, error) {
	f, err := o.Create(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &stagedCSV{f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

func (s *stagedCSV) close() error {
	if err := s.w.Flush(); err != nil {
		return err
	}
	if err := s.f.Sync(); err != nil {
		return err
	}
	return s.f.Close()
}
