package batch

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"boomerang/sim"
)

// SweepManifest is manifest.json of a sweep, a shard of one, or a merge.
type SweepManifest struct {
	Tool        string   `json:"tool"`
	Kind        string   `json:"kind"` // "sweep"
	Version     string   `json:"version"`
	Commit      string   `json:"commit,omitempty"`
	GoVersion   string   `json:"go_version"`
	CommandLine []string `json:"command_line"`
	Scenario    string   `json:"scenario"` // name or file given
	Plan        Plan     `json:"plan"`     // resolved scenario, --vary, design, reps, points
	BaseSeed    uint64   `json:"base_seed"`
	// RepSeeds are the seeds of replications 0 … reps−1, the same at every
	// point unless seed is varied (then runs.csv has each run's seed).
	RepSeeds []uint64 `json:"rep_seeds"`
	// SeedVaried is true when seed is one of the varied keys.
	SeedVaried bool `json:"seed_varied,omitempty"`
	Points     int  `json:"points"`
	Runs       int  `json:"runs"`       // runs in this directory
	TotalRuns  int  `json:"total_runs"` // runs of the whole sweep
	// Shard is set for the output of one shard (not for a whole sweep or a
	// merge); Merge uses it.
	Shard      *Shard   `json:"shard,omitempty"`
	MergedFrom []string `json:"merged_from,omitempty"`
	// ResumedRuns counts runs carried over from an interrupted attempt.
	ResumedRuns int       `json:"resumed_runs,omitempty"`
	Arms        []string  `json:"arms"`
	Workers     int       `json:"workers"`
	GOMAXPROCS  int       `json:"gomaxprocs"`
	Files       []string  `json:"files"`
	Started     time.Time `json:"started"`
	Finished    time.Time `json:"finished"`
	Seconds     float64   `json:"elapsed_seconds"`
	Host        string    `json:"host,omitempty"`
}

// SweepResult is what a finished sweep (or merge) hands to plotting: the
// sweep and Stats[point][arm][metric] at the final step over replications
// (nil for a point without runs in this directory).
type SweepResult struct {
	*Sweep
	Stats [][][]Stat
}

// InterruptedError is returned when the context is cancelled during a
// sweep: the finished runs are kept in Parts for --resume.
type InterruptedError struct {
	Done, Total int
	Parts       string
	Err         error
}

// Error says how many runs were kept and where.
func (e *InterruptedError) Error() string {
	return fmt.Sprintf("interrupted: %d of %d runs saved in %s", e.Done, e.Total, e.Parts)
}

// Unwrap returns the context's error.
func (e *InterruptedError) Unwrap() error { return e.Err }

// SweepDir is where a sweep with output directory out writes: out itself,
// or out/shard-I-of-N for a shard, so that every task of a cluster array
// can be given the same --out.
func SweepDir(out string, sh Shard) string {
	if sh.Whole() {
		return out
	}
	return filepath.Join(out, sh.DirName())
}

// RunToDir runs the sweep's runs of opt.Shard on a worker pool and writes
// steps.csv, points.csv, runs.csv, summary.csv, manifest.json (and the
// files meta.SweepExtra adds) into dir. Each finished run is kept in the
// parts directory (PartsDir) at once, so memory stays bounded and a
// cancelled or crashed sweep can be finished with opt.Resume; the final
// files are assembled in run order, whatever the number of workers or
// interruptions, and appear in dir only when complete.
func (s *Sweep) RunToDir(ctx context.Context, dir string, opt SweepOptions, meta Meta) (*SweepManifest, *SweepResult, error) {
	started := time.Now().UTC()
	owned := s.RunsOf(opt.Shard)
	if opt.Shard.Whole() {
		opt.Shard = Shard{}
	}
	pp := partsPlan{Plan: s.Plan, Shard: opt.Shard}
	pt, done, err := openParts(dir, pp, owned, opt.Resume)
	if err != nil {
		return nil, nil, err
	}
	defer pt.close()
	resumed := len(done)
	var pending []int
	for _, j := range owned {
		if !done[j] {
			pending = append(pending, j)
		}
	}
	if opt.OnRun != nil {
		opt.OnRun(resumed, len(owned))
	}
	if err := s.runPending(ctx, pt, pending, resumed, len(owned), opt); err != nil {
		return nil, nil, err
	}

	var res *SweepResult
	var man SweepManifest
	err = WriteDir(dir, func(out *OutDir) error {
		var err error
		res, err = s.assemble(ctx, out, owned, func(j int) (io.ReadCloser, int64, error) {
			f, err := pt.open(j)
			return f, -1, err
		})
		if err != nil {
			if ctx.Err() != nil {
				return &InterruptedError{Done: len(owned), Total: len(owned), Parts: pt.dir, Err: ctx.Err()}
			}
			return err
		}
		man = s.newManifest(meta, started)
		man.Runs, man.ResumedRuns = len(owned), resumed
		man.Workers = opt.Workers
		if !opt.Shard.Whole() {
			sh := opt.Shard
			man.Shard = &sh
		}
		var extra func(string, *SweepResult) ([]string, error)
		if opt.Shard.Whole() { // a shard's plots would show part of the sweep
			extra = meta.SweepExtra
		}
		return s.finish(out, &man, extra, res)
	})
	if err != nil {
		return nil, nil, err
	}
	pt.close()
	pt.remove()
	return &man, res, nil
}

// runPending runs the pending jobs on the worker pool, storing each in
// the parts directory as it finishes.
func (s *Sweep) runPending(ctx context.Context, pt *parts, pending []int, done, total int, opt SweepOptions) error {
	if len(pending) == 0 {
		return nil
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	concurrent := min(workers, len(pending))
	inner := max(workers/concurrent, 1)

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	type finished struct {
		j   int
		e   partEntry
		err error
	}
	jobs := make(chan int)
	results := make(chan finished, concurrent)
	var wg sync.WaitGroup
	for range concurrent {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				rows, err := s.runJob(runCtx, j, inner)
				var e partEntry
				if err == nil {
					e, err = pt.write(j, rows)
				}
				results <- finished{j, e, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, j := range pending {
			select {
			case jobs <- j:
			case <-runCtx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	var firstErr error
	for r := range results {
		if r.err != nil {
			if firstErr == nil && runCtx.Err() == nil {
				firstErr = r.err
				cancel()
			}
			continue
		}
		if err := pt.record(r.j, r.e); err != nil && firstErr == nil {
			firstErr = fmt.Errorf("%s: %w", pt.dir, err)
			cancel()
		}
		done++
		if opt.OnRun != nil {
			opt.OnRun(done, total)
		}
	}
	if firstErr != nil {
		return firstErr
	}
	if err := ctx.Err(); err != nil {
		return &InterruptedError{Done: done, Total: total, Parts: pt.dir, Err: err}
	}
	return nil
}

// blockSource opens the steps.csv rows of run j; size is their length in
// bytes, or −1 to read to the end.
type blockSource func(j int) (r io.ReadCloser, size int64, err error)

// assemble writes steps.csv, runs.csv, points.csv and summary.csv of the
// given runs (in order) into out, reading each run's rows from src. The
// rows are checked (count, point, completeness) as they are copied, and
// the final-step values are taken from them, so that a sweep and a merge
// of its shards compute the summary from the same bytes.
func (s *Sweep) assemble(ctx context.Context, out *OutDir, runs []int, src blockSource) (*SweepResult, error) {
	var files []*stagedCSV
	defer func() {
		for _, f := range files {
			f.f.Close()
		}
	}()
	create := func(name, header string) (*stagedCSV, error) {
		c, err := newStagedCSV(out, name)
		if err != nil {
			return nil, err
		}
		files = append(files, c)
		c.w.WriteString(header)
		return c, nil
	}
	keys := strings.Join(append([]string{"point"}, s.keyColumns()...), ",")
	steps, err := create("steps.csv", s.StepsHeader())
	if err != nil {
		return nil, err
	}
	runsCSV, err := create("runs.csv", "run,point,rep,seed,rows,bytes\n")
	if err != nil {
		return nil, err
	}
	points, err := create("points.csv", keys+"\n")
	if err != nil {
		return nil, err
	}
	sum, err := create("summary.csv", keys+","+summaryHeader+"\n")
	if err != nil {
		return nil, err
	}
	for p := range s.Points {
		points.w.WriteString(strings.TrimSuffix(s.prefix[p], ",") + "\n")
	}

	// Runs come point by point (run j belongs to point j / reps), so a
	// point is summarised, and its final values dropped, as soon as the
	// next point starts: memory does not grow with the number of runs.
	res := &SweepResult{Sweep: s, Stats: make([][][]Stat, len(s.Points))}
	cur := -1
	var finals []Finals
	flush := func() {
		if cur >= 0 && len(finals) > 0 {
			res.Stats[cur] = Summarise(finals, len(s.Arms), s.Control)
			writeSummaryRows(sum.w, s.prefix[cur], s.Arms, res.Stats[cur])
		}
		finals = finals[:0]
	}
	line := make([]byte, 0, 1024)
	for _, j := range runs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, rep := s.Job(j)
		if p != cur {
			flush()
			cur = p
		}
		r, size, err := src(j)
		if err != nil {
			return nil, fmt.Errorf("run %d: %w", j, err)
		}
		var in io.Reader = r
		if size >= 0 {
			in = io.LimitReader(r, size)
		}
		f, n, err := s.copyRun(steps.w, bufio.NewReaderSize(in, 1<<16), p, &line)
		r.Close()
		if err == nil && size >= 0 && n != size {
			err = fmt.Errorf("%d bytes, want %d", n, size)
		}
		if err != nil {
			return nil, fmt.Errorf("run %d (point %d, rep %d): rows are damaged: %w", j, p, rep, err)
		}
		finals = append(finals, f)
		fmt.Fprintf(runsCSV.w, "%d,%d,%d,%d,%d,%d\n", j, p, rep, s.Seed(p, rep), s.rowsOf(p), n)
	}
	flush()
	for _, c := range files {
		if err := c.close(); err != nil {
			return nil, err
		}
	}
	files = nil
	return res, nil
}

// copyRun copies one run's rows from r to w, checks them and returns the
// final-step values of every arm and the number of bytes copied.
func (s *Sweep) copyRun(w *bufio.Writer, r *bufio.Reader, p int, buf *[]byte) (Finals, int64, error) {
	per := s.configs[p].Steps + 1
	want := s.rowsOf(p)
	metrics := len(sim.MetricColumns())
	prefix := s.prefix[p]
	finals := make(Finals, len(s.Arms))
	var n int64
	for k := 0; ; k++ {
		line, err := readLine(r, buf)
		if err == io.EOF && len(line) == 0 {
			if k != want {
				return nil, n, fmt.Errorf("%d rows, want %d", k, want)
			}
			return finals, n, nil
		}
		if err != nil && err != io.EOF {
			return nil, n, err
		}
		if err == io.EOF {
			return nil, n, errors.New("last row is cut short")
		}
		if k >= want {
			return nil, n, fmt.Errorf("more than %d rows", want)
		}
		if len(line) < len(prefix) || string(line[:len(prefix)]) != prefix {
			return nil, n, fmt.Errorf("row %d is not from point %d", k+1, p)
		}
		if k%per == per-1 {
			v, err := lastFields(line[:len(line)-1], metrics)
			if err != nil {
				return nil, n, fmt.Errorf("row %d: %w", k+1, err)
			}
			finals[k/per] = v
		}
		w.Write(line)
		n += int64(len(line))
	}
}

// readLine reads one line including its '\n' (or what is left at EOF).
func readLine(r *bufio.Reader, buf *[]byte) ([]byte, error) {
	line, err := r.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return line, err
	}
	b := append((*buf)[:0], line...)
	for err == bufio.ErrBufferFull {
		line, err = r.ReadSlice('\n')
		b = append(b, line...)
	}
	*buf = b
	return b, err
}

// lastFields parses the last m comma-separated numbers of a row (metric
// values never contain commas or quotes); an empty cell is NaN.
func lastFields(row []byte, m int) ([]float64, error) {
	out := make([]float64, m)
	end := len(row)
	for i := m - 1; i >= 0; i-- {
		start := end - 1
		for start >= 0 && row[start] != ',' {
			start--
		}
		if start < 0 {
			return nil, fmt.Errorf("fewer than %d values", m)
		}
		cell := string(row[start+1 : end])
		if cell == "" {
			out[i] = math.NaN()
		} else {
			v, err := strconv.ParseFloat(cell, 64)
			if err != nil {
				return nil, fmt.Errorf("value %q is not a number", cell)
			}
			out[i] = v
		}
		end = start
	}
	return out, nil
}

// newManifest fills the fields every sweep manifest shares.
func (s *Sweep) newManifest(meta Meta, started time.Time) SweepManifest {
	host, _ := os.Hostname()
	m := SweepManifest{
		Tool: "boomerang-cli", Kind: "sweep", Version: s.Plan.Version, Commit: meta.Commit,
		GoVersion: runtime.Version(), CommandLine: meta.CommandLine, Scenario: meta.Scenario,
		Plan: s.Plan, Points: len(s.Points), TotalRuns: s.Runs(), Arms: s.Arms,
		GOMAXPROCS: runtime.GOMAXPROCS(0), Started: started, Host: host,
	}
	if len(s.configs) > 0 {
		m.BaseSeed = s.configs[0].Seed
	}
	for _, f := range s.Factors {
		if f.Key == "seed" {
			m.SeedVaried = true
		}
	}
	if !m.SeedVaried && len(s.Points) > 0 {
		for r := 0; r < s.Plan.Reps; r++ {
			m.RepSeeds = append(m.RepSeeds, s.Seed(0, r))
		}
	}
	return m
}

// finish writes the extra files (Meta.SweepExtra, e.g. plots; nil for
// none) and manifest.json into out (WriteDir commits it).
func (s *Sweep) finish(out *OutDir, man *SweepManifest, extra func(string, *SweepResult) ([]string, error), res *SweepResult) error {
	if extra != nil {
		names, err := extra(out.staging, res)
		if err != nil {
			return err
		}
		out.files = append(out.files, names...)
	}
	man.Files = append(append([]string(nil), out.files...), "manifest.json")
	man.Finished = time.Now().UTC()
	man.Seconds = man.Finished.Sub(man.Started).Seconds()
	data, err := json.MarshalIndent(man, "", "  ")
	if err != nil {
		return err
	}
	return out.WriteFile("manifest.json", append(data, '\n'))
}
