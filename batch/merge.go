package batch

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// shardOutput is one shard's output directory, read for Merge.
type shardOutput struct {
	dir   string
	man   SweepManifest
	shard Shard
	sizes map[int]int64 // run → bytes in steps.csv, from runs.csv
}

// ExpandShardDirs turns merge arguments into shard output directories:
// a directory with a manifest.json is one; a directory without one
// stands for its shard-*-of-* subdirectories (the --out of a sharded
// sweep).
func ExpandShardDirs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if _, err := os.Stat(filepath.Join(a, "manifest.json")); err == nil {
			out = append(out, a)
			continue
		}
		fi, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("merge: %s: %w", a, errors.Unwrap(err))
		}
		if !fi.IsDir() {
			return nil, fmt.Errorf("merge: %s: not a directory", a)
		}
		subs, _ := filepath.Glob(filepath.Join(a, "shard-*-of-*", "manifest.json"))
		if len(subs) == 0 {
			return nil, fmt.Errorf("merge: %s: not a sweep output (no manifest.json and no shard-*-of-* directories with one)", a)
		}
		sort.Strings(subs)
		for _, s := range subs {
			out = append(out, filepath.Dir(s))
		}
	}
	return out, nil
}

// readShard loads and checks the manifest and runs.csv of one output.
func readShard(dir string) (*shardOutput, error) {
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil, fmt.Errorf("merge: %s: not a sweep output (%v)", dir, errors.Unwrap(err))
	}
	so := &shardOutput{dir: dir}
	if err := json.Unmarshal(data, &so.man); err != nil {
		return nil, fmt.Errorf("merge: %s: manifest.json: %v", filepath.Join(dir, "manifest.json"), err)
	}
	if so.man.Kind != "sweep" {
		return nil, fmt.Errorf("merge: %s: not the output of a sweep (manifest.json has no \"kind\": \"sweep\"; run outputs cannot be merged)", dir)
	}
	so.shard = Shard{I: 1, N: 1}
	if so.man.Shard != nil {
		so.shard = *so.man.Shard
	}
	f, err := os.Open(filepath.Join(dir, "runs.csv"))
	if err != nil {
		return nil, fmt.Errorf("merge: %s: %v", dir, err)
	}
	defer f.Close()
	so.sizes = map[int]int64{}
	sc := bufio.NewScanner(f)
	for n := 0; sc.Scan(); n++ {
		if n == 0 {
			continue
		}
		c := strings.Split(sc.Text(), ",")
		var j int
		var size int64
		var err1, err2 error
		if len(c) == 6 {
			j, err1 = strconv.Atoi(c[0])
			size, err2 = strconv.ParseInt(c[5], 10, 64)
		}
		if len(c) != 6 || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("merge: %s:%d: not a runs.csv row", filepath.Join(dir, "runs.csv"), n+1)
		}
		so.sizes[j] = size
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("merge: %s: %v", filepath.Join(dir, "runs.csv"), err)
	}
	return so, nil
}

// Merge combines the outputs of the shards 1/n … n/n of one sweep into
// dest: the same steps.csv, points.csv, runs.csv and summary.csv, byte for
// byte, as the unsharded sweep writes (manifest.json differs only in
// provenance: command line, times, merged_from). It refuses, writing
// nothing, outputs of different scenarios, settings, versions or builds,
// and shards that overlap or are missing.
func Merge(ctx context.Context, dirs []string, dest string, meta Meta) (*SweepManifest, *SweepResult, error) {
	started := time.Now().UTC()
	if len(dirs) == 0 {
		return nil, nil, errors.New("merge: no shard directories given")
	}
	var shards []*shardOutput
	for _, d := range dirs {
		so, err := readShard(d)
		if err != nil {
			return nil, nil, err
		}
		if filepath.Clean(d) == filepath.Clean(dest) {
			return nil, nil, fmt.Errorf("merge: --out %s is one of the inputs; choose a new directory", dest)
		}
		shards = append(shards, so)
	}
	first := shards[0]
	byIndex := map[int]*shardOutput{}
	for _, so := range shards {
		a, b := first.man, so.man
		switch {
		case a.Version != b.Version:
			return nil, nil, fmt.Errorf("merge: %s and %s come from different versions (%s and %s)", first.dir, so.dir, a.Version, b.Version)
		case a.Commit != "" && b.Commit != "" && a.Commit != b.Commit:
			return nil, nil, fmt.Errorf("merge: %s and %s come from different builds (commit %s and %s)", first.dir, so.dir, a.Commit, b.Commit)
		case a.Plan.Name != b.Plan.Name:
			return nil, nil, fmt.Errorf("merge: %s and %s are sweeps of different scenarios (%s and %s)", first.dir, so.dir, a.Plan.Name, b.Plan.Name)
		case first.shard.N != so.shard.N:
			return nil, nil, fmt.Errorf("merge: %s and %s are shards of different splits (%s and %s)", first.dir, so.dir, first.shard, so.shard)
		}
		if pa, pb := mustJSON(a.Plan), mustJSON(b.Plan); pa != pb {
			return nil, nil, fmt.Errorf("merge: %s and %s are different sweeps: %s has %s", first.dir, so.dir, so.dir,
				planDiff(b.Plan, Shard{}, a.Plan, Shard{}))
		}
		if prev, dup := byIndex[so.shard.I]; dup {
			return nil, nil, fmt.Errorf("merge: shard %s given twice (%s and %s)", so.shard, prev.dir, so.dir)
		}
		byIndex[so.shard.I] = so
	}
	n := first.shard.N
	var missing []string
	for i := 1; i <= n; i++ {
		if byIndex[i] == nil {
			missing = append(missing, fmt.Sprintf("%d/%d", i, n))
		}
	}
	if len(missing) > 0 {
		return nil, nil, fmt.Errorf("merge: shard %s missing (have %d of %d shards)", strings.Join(missing, ", "), len(shards), n)
	}
	s, err := sweepFromPlan(first.man.Plan)
	if err != nil {
		return nil, nil, fmt.Errorf("merge: %s: manifest.json: %w", first.dir, err)
	}
	// Every shard must hold exactly its runs.
	readers := make([]*bufio.Reader, n)
	for i := 1; i <= n; i++ {
		so := byIndex[i]
		want := s.RunsOf(Shard{I: i, N: n})
		if len(so.sizes) != len(want) {
			return nil, nil, fmt.Errorf("merge: %s: shard %s has %d runs, want %d (incomplete or damaged)", so.dir, so.shard, len(so.sizes), len(want))
		}
		for _, j := range want {
			if _, ok := so.sizes[j]; !ok {
				return nil, nil, fmt.Errorf("merge: %s: shard %s lacks run %d", so.dir, so.shard, j)
			}
		}
		f, err := os.Open(filepath.Join(so.dir, "steps.csv"))
		if err != nil {
			return nil, nil, fmt.Errorf("merge: %s: %v", so.dir, err)
		}
		defer f.Close()
		r := bufio.NewReaderSize(f, 1<<20)
		head, err := r.ReadString('\n')
		if err != nil || head != s.StepsHeader() {
			return nil, nil, fmt.Errorf("merge: %s: steps.csv does not start with the sweep's header", so.dir)
		}
		readers[i-1] = r
	}

	var res *SweepResult
	var man SweepManifest
	err = WriteDir(dest, func(out *OutDir) error {
		all := s.RunsOf(Shard{})
		var err error
		res, err = s.assemble(ctx, out, all, func(j int) (io.ReadCloser, int64, error) {
			i := j % n
			return io.NopCloser(readers[i]), byIndex[i+1].sizes[j], nil
		})
		if err != nil {
			return fmt.Errorf("merge: %w", err)
		}
		for i, r := range readers {
			if _, err := r.ReadByte(); err != io.EOF {
				return fmt.Errorf("merge: %s: steps.csv has rows beyond its runs", byIndex[i+1].dir)
			}
		}
		if meta.Scenario == "" {
			meta.Scenario = first.man.Scenario
		}
		man = s.newManifest(meta, started)
		man.Runs = len(all)
		for i := 1; i <= n; i++ {
			man.MergedFrom = append(man.MergedFrom, byIndex[i].dir)
		}
		return s.finish(out, &man, meta.SweepExtra, res)
	})
	if err != nil {
		return nil, nil, err
	}
	return &man, res, nil
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
