package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"boomerang/scenarios"
	"boomerang/sim"
)

// sweepFiles are the data files a sweep writes; merge and resume must
// reproduce them byte for byte.
var sweepFiles = []string{"steps.csv", "points.csv", "runs.csv", "summary.csv"}

// labConfig is opinion-lab made small: 300 agents, 15 steps.
func labConfig(t testing.TB) sim.Config {
	t.Helper()
	cfg, err := scenarios.Builtin("opinion-lab")
	if err != nil {
		t.Fatal(err)
	}
	if err := scenarios.ApplySets(&cfg, []string{"population.size=300", "steps=15"}); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// labSweep is the acceptance sweep: 3 points × 5 reps of opinion-lab.
func labSweep(t testing.TB, workers int, sh Shard) (*Sweep, SweepOptions) {
	t.Helper()
	f, err := ParseVary("influence.epsilon=0.2:0.6:0.2")
	if err != nil {
		t.Fatal(err)
	}
	opt := SweepOptions{Base: labConfig(t), Factors: []Factor{f}, Reps: 5, Workers: workers, Shard: sh}
	s, err := NewSweep(opt, sim.Version)
	if err != nil {
		t.Fatal(err)
	}
	return s, opt
}

// runSweep runs a sweep into dir and returns its data files.
func runSweep(t *testing.T, s *Sweep, opt SweepOptions, dir string) map[string][]byte {
	t.Helper()
	if _, _, err := s.RunToDir(context.Background(), dir, opt, Meta{Scenario: "opinion-lab"}); err != nil {
		t.Fatal(err)
	}
	return readFiles(t, dir)
}

func readFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, n := range sweepFiles {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		out[n] = b
	}
	return out
}

func sameFiles(t *testing.T, what string, a, b map[string][]byte) {
	t.Helper()
	for _, n := range sweepFiles {
		if !bytes.Equal(a[n], b[n]) {
			t.Errorf("%s: %s differs (%d vs %d bytes)", what, n, len(a[n]), len(b[n]))
		}
	}
}

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// Acceptance: a 3-point × 5-rep sweep of a built-in scenario writes tidy
// files with the contract's columns, recorded seeds and common random
// numbers across points.
func TestSweepThreePointsFiveReps(t *testing.T) {
	s, opt := labSweep(t, 2, Shard{})
	dir := filepath.Join(t.TempDir(), "out")
	files := runSweep(t, s, opt, dir)
	cfg := labConfig(t)
	arms := len(cfg.Arms)

	steps := readCSV(t, files["steps.csv"])
	if want := 1 + 3*5*arms*(cfg.Steps+1); len(steps) != want {
		t.Fatalf("steps.csv has %d rows, want %d", len(steps), want)
	}
	head := strings.Join(steps[0], ",")
	if !strings.HasPrefix(head, "point,influence.epsilon,arm,rep,seed,step,mean_opinion,sd_opinion,shift_vs_control,") {
		t.Errorf("steps.csv header = %s", head)
	}
	for _, col := range StepsHeader() {
		if !strings.Contains(","+head+",", ","+col+",") {
			t.Errorf("steps.csv lacks column %s", col)
		}
	}
	if r := steps[1]; r[0] != "0" || r[1] != "0.2" || r[2] != "control" || r[3] != "0" || r[4] != strconv.FormatUint(cfg.Seed, 10) || r[5] != "0" {
		t.Errorf("first row = %v, want point 0, epsilon 0.2, control, rep 0, base seed, step 0", r[:6])
	}
	if last := steps[len(steps)-1]; last[0] != "2" || last[1] != "0.6" || last[3] != "4" || last[5] != strconv.Itoa(cfg.Steps) {
		t.Errorf("last row = %v", last[:6])
	}

	points := readCSV(t, files["points.csv"])
	if len(points) != 4 || strings.Join(points[0], ",") != "point,influence.epsilon" || points[3][1] != "0.6" {
		t.Errorf("points.csv = %v", points)
	}

	// runs.csv: one row per point × rep; the same seed for the same rep at
	// every point (common random numbers), rep 0 the base seed.
	runs := readCSV(t, files["runs.csv"])
	if len(runs) != 1+15 {
		t.Fatalf("runs.csv has %d rows", len(runs))
	}
	seedOf := map[string]string{}
	for _, r := range runs[1:] {
		rep, seed := r[2], r[3]
		if prev, ok := seedOf[rep]; ok && prev != seed {
			t.Errorf("rep %s has seeds %s and %s at different points", rep, prev, seed)
		}
		seedOf[rep] = seed
	}
	if seedOf["0"] != strconv.FormatUint(cfg.Seed, 10) || seedOf["1"] == seedOf["0"] || len(seedOf) != 5 {
		t.Errorf("rep seeds = %v", seedOf)
	}

	sum := readCSV(t, files["summary.csv"])
	if want := 1 + 3*arms*len(sim.MetricColumns()); len(sum) != want {
		t.Fatalf("summary.csv has %d rows, want %d", len(sum), want)
	}
	if h := strings.Join(sum[0], ","); h != "point,influence.epsilon,arm,metric,mean,sd,ci_low,ci_high,n,diff_vs_control,diff_ci_low,diff_ci_high" {
		t.Errorf("summary.csv header = %s", h)
	}
	for _, r := range sum[1:] {
		if r[3] == "sd_opinion" && (r[8] != "5" || r[6] == "" || r[7] == "") {
			t.Errorf("summary row %v: want n=5 and an interval", r)
		}
	}
	// Deffuant dynamics: a wider confidence bound ends with less spread.
	sd := map[string]float64{}
	for _, r := range sum[1:] {
		if r[3] == "sd_opinion" {
			sd[r[1]], _ = strconv.ParseFloat(r[4], 64)
		}
	}
	if !(sd["0.2"] > sd["0.6"]) {
		t.Errorf("sd_opinion by epsilon = %v: want less spread at 0.6", sd)
	}

	var man SweepManifest
	data, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err := json.Unmarshal(data, &man); err != nil {
		t.Fatal(err)
	}
	if man.Kind != "sweep" || man.Points != 3 || man.Runs != 15 || len(man.RepSeeds) != 5 || man.Plan.Resolved == "" || man.Shard != nil {
		t.Errorf("manifest = %+v", man)
	}
	if _, err := os.Stat(PartsDir(dir)); !os.IsNotExist(err) {
		t.Errorf("parts directory left behind after a finished sweep")
	}
}

// The files are byte-identical for any number of workers and GOMAXPROCS.
func TestSweepByteIdenticalAcrossWorkers(t *testing.T) {
	base := t.TempDir()
	prev := runtime.GOMAXPROCS(1)
	s, opt := labSweep(t, 1, Shard{})
	one := runSweep(t, s, opt, filepath.Join(base, "w1"))
	runtime.GOMAXPROCS(prev)
	s, opt = labSweep(t, 4, Shard{})
	four := runSweep(t, s, opt, filepath.Join(base, "w4"))
	sameFiles(t, "1 vs 4 workers", one, four)
}

// Acceptance: shards 1/3, 2/3 and 3/3 merged equal the unsharded sweep
// byte for byte.
func TestShardsMergeToUnsharded(t *testing.T) {
	base := t.TempDir()
	s, opt := labSweep(t, 2, Shard{})
	whole := runSweep(t, s, opt, filepath.Join(base, "whole"))

	out := filepath.Join(base, "sharded")
	seen := map[int]bool{}
	var dirs []string
	for i := 1; i <= 3; i++ {
		sh := Shard{I: i, N: 3}
		s, opt := labSweep(t, 2, sh)
		dir := SweepDir(out, sh)
		runSweep(t, s, opt, dir)
		for _, j := range s.RunsOf(sh) {
			if seen[j] {
				t.Fatalf("run %d in two shards", j)
			}
			seen[j] = true
		}
		dirs = append(dirs, dir)
	}
	if len(seen) != 15 {
		t.Fatalf("shards cover %d of 15 runs", len(seen))
	}
	expanded, err := ExpandShardDirs([]string{out})
	if err != nil || len(expanded) != 3 || expanded[0] != dirs[0] {
		t.Fatalf("ExpandShardDirs = %v, %v", expanded, err)
	}
	merged := filepath.Join(base, "merged")
	if _, _, err := Merge(context.Background(), []string{dirs[2], dirs[0], dirs[1]}, merged, Meta{}); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "merge of 3 shards vs unsharded", whole, readFiles(t, merged))
}

// Acceptance: an interrupted sweep, resumed, equals an uninterrupted one;
// a damaged part and a torn journal line only cost their runs.
func TestInterruptedSweepResumes(t *testing.T) {
	base := t.TempDir()
	s, opt := labSweep(t, 2, Shard{})
	whole := runSweep(t, s, opt, filepath.Join(base, "whole"))

	dir := filepath.Join(base, "out")
	ctx, cancel := context.WithCancel(context.Background())
	opt.OnRun = func(done, _ int) {
		if done >= 6 {
			cancel()
		}
	}
	_, _, err := s.RunToDir(ctx, dir, opt, Meta{})
	var ie *InterruptedError
	if !errors.As(err, &ie) || !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled sweep returned %v, want *InterruptedError", err)
	}
	if ie.Done < 6 || ie.Done >= 15 {
		t.Fatalf("interrupted after %d runs", ie.Done)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatal("an interrupted sweep created its output directory")
	}
	pd := PartsDir(dir)
	// Without --resume the unfinished sweep is not silently overwritten.
	opt.OnRun = nil
	if _, _, err := s.RunToDir(context.Background(), dir, opt, Meta{}); !errors.As(err, new(*UnfinishedError)) {
		t.Fatalf("second start without resume: %v", err)
	}
	// Another plan cannot resume it.
	other, oopt := labSweep(t, 2, Shard{I: 1, N: 2})
	oopt.Resume = true
	if _, _, err := other.RunToDir(context.Background(), dir, oopt, Meta{}); err == nil || !strings.Contains(err.Error(), "cannot resume") {
		t.Fatalf("resume with another shard: %v", err)
	}
	// Damage: one part cut short, one journal line torn by a crash.
	entries := readJournal(pd)
	var first int = -1
	for j := range entries {
		if first < 0 || j < first {
			first = j
		}
	}
	part := filepath.Join(pd, partName(first))
	data, _ := os.ReadFile(part)
	os.WriteFile(part, data[:len(data)/2], 0o644)
	jf, _ := os.OpenFile(filepath.Join(pd, "journal"), os.O_APPEND|os.O_WRONLY, 0)
	jf.WriteString("run 14 99")
	jf.Close()

	opt.Resume = true
	var resumedAt int
	opt.OnRun = func(done, _ int) {
		if resumedAt == 0 {
			resumedAt = done
		}
	}
	man, _, err := s.RunToDir(context.Background(), dir, opt, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if man.ResumedRuns != ie.Done-1 || resumedAt != ie.Done-1 {
		t.Errorf("resumed %d runs (progress started at %d), want %d (one part damaged)", man.ResumedRuns, resumedAt, ie.Done-1)
	}
	sameFiles(t, "resumed vs uninterrupted", whole, readFiles(t, dir))
	if _, err := os.Stat(pd); !os.IsNotExist(err) {
		t.Error("parts directory left behind after resume")
	}
}

// Merge refuses outputs that do not belong together and writes nothing.
func TestMergeRefuses(t *testing.T) {
	base := t.TempDir()
	shard := func(name string, cfg sim.Config, i, n int) string {
		f, _ := ParseVary("influence.epsilon=0.2,0.4")
		sh := Shard{I: i, N: n}
		opt := SweepOptions{Base: cfg, Factors: []Factor{f}, Reps: 2, Workers: 2, Shard: sh}
		s, err := NewSweep(opt, sim.Version)
		if err != nil {
			t.Fatal(err)
		}
		dir := SweepDir(filepath.Join(base, name), sh)
		if _, _, err := s.RunToDir(context.Background(), dir, opt, Meta{}); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	lab := labConfig(t)
	a1, a2 := shard("a", lab, 1, 2), shard("a", lab, 2, 2)
	bb, _ := scenarios.Builtin("broadcast-basics")
	scenarios.ApplySets(&bb, []string{"population.size=300", "steps=3"})
	other := shard("b", bb, 2, 2)
	seeded := lab
	seeded.Seed = 99
	reseeded := shard("c", seeded, 2, 2)
	three := shard("d", lab, 3, 3)
	oldVersion := shard("e", lab, 2, 2)
	mpath := filepath.Join(oldVersion, "manifest.json")
	data, _ := os.ReadFile(mpath)
	os.WriteFile(mpath, bytes.Replace(data, []byte(`"version": "`+sim.Version+`"`), []byte(`"version": "0.0.1"`), 1), 0o644)

	for _, c := range []struct {
		dirs []string
		want string
	}{
		{[]string{a1, other}, "different scenarios (opinion-lab and broadcast-basics)"},
		{[]string{a1, oldVersion}, "different versions (" + sim.Version + " and 0.0.1)"},
		{[]string{a1, reseeded}, "are different sweeps"},
		{[]string{a1, a2, a2}, "shard 2/2 given twice"},
		{[]string{a1}, "shard 2/2 missing"},
		{[]string{a1, three}, "different splits"},
	} {
		dest := filepath.Join(base, "merged")
		_, _, err := Merge(context.Background(), c.dirs, dest, Meta{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("merge %v: %v, want %q", c.dirs, err, c.want)
		}
		if _, err := os.Stat(dest); !os.IsNotExist(err) {
			t.Errorf("merge %v wrote %s", c.dirs, dest)
		}
	}
	if _, _, err := Merge(context.Background(), []string{a2, a1}, filepath.Join(base, "ok"), Meta{}); err != nil {
		t.Errorf("merge of a complete set: %v", err)
	}
}

func TestParseVary(t *testing.T) {
	for _, c := range []struct {
		arg, values, err string
	}{
		{arg: "influence.epsilon=0.1:0.3:0.1", values: "0.1 0.2 0.3"},
		{arg: "influence.epsilon=0.05:0.2:0.05", values: "0.05 0.1 0.15 0.2"},
		{arg: "influence.epsilon=0.5:0.5:0.1", values: "0.5"},
		{arg: "population.size=100:400:150", values: "100 250 400"},
		{arg: "network.kind=random, small-world", values: "random small-world"},
		{arg: " influence.mu = 0.1,0.2", values: "0.1 0.2"},
		{arg: "influence.epsilonn=1", err: `--vary unknown key "influence.epsilonn" (did you mean influence.epsilon?`},
		{arg: "zzz=1", err: `--vary unknown key "zzz" (allowed: `},
		{arg: "influence.epsilon=", err: "empty range"},
		{arg: "influence.epsilon=0.1::0.1", err: "empty range"},
		{arg: "influence.epsilon=0.5:0.1:0.1", err: "lo 0.5 > hi 0.1"},
		{arg: "influence.epsilon=0.1:0.5:0", err: "step 0 must be above 0"},
		{arg: "influence.epsilon=0.1:0.5:-0.1", err: "step -0.1 must be above 0"},
		{arg: "influence.epsilon=0.1,,0.2", err: "empty value"},
		{arg: "influence.epsilon=0.1,0.1", err: "listed twice"},
		{arg: "influence.model=a:b:c", err: "needs a number key"},
		{arg: "population.size=1:10:0.5", err: "not a whole number"},
		{arg: "influence.epsilon=0:1e9:1e-9", err: "more than"},
		{arg: "influence.epsilon", err: "expected key=v1,v2"},
	} {
		f, err := ParseVary(c.arg)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("ParseVary(%q) error = %v, want %q", c.arg, err, c.err)
		case c.err == "" && err != nil:
			t.Errorf("ParseVary(%q): %v", c.arg, err)
		case c.err == "" && strings.Join(f.Values, " ") != c.values:
			t.Errorf("ParseVary(%q) values = %v, want %s", c.arg, f.Values, c.values)
		}
	}
}

func TestGridOrderFirstKeySlowest(t *testing.T) {
	a, _ := ParseVary("influence.epsilon=0.1,0.2")
	b, _ := ParseVary("network.kind=random,small-world,complete")
	pts, err := GridPoints([]Factor{a, b})
	if err != nil || len(pts) != 6 {
		t.Fatalf("%d points, %v", len(pts), err)
	}
	if got := strings.Join(pts[1].Values, " "); got != "0.1 small-world" {
		t.Errorf("point 1 = %s", got)
	}
	if got := strings.Join(pts[3].Values, " "); got != "0.2 random" {
		t.Errorf("point 3 = %s", got)
	}
}

// A Latin hypercube uses every stratum of every range once, is
// reproducible from the seed, and spreads list levels evenly.
func TestLatinHypercube(t *testing.T) {
	eps, _ := ParseVary("influence.epsilon=0:1")
	size, _ := ParseVary("population.size=100:1000:1")
	kind, _ := ParseVary("network.kind=random,small-world")
	fs := []Factor{eps, size, kind}
	const k = 10
	pts, err := LHSPoints(fs, k, 42)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := LHSPoints(fs, k, 42)
	other, _ := LHSPoints(fs, k, 43)
	var sameAsOther = true
	strata := map[int]bool{}
	levels := map[string]int{}
	for i, p := range pts {
		if strings.Join(p.Values, ",") != strings.Join(again[i].Values, ",") {
			t.Fatal("same seed, different sample")
		}
		if strings.Join(p.Values, ",") != strings.Join(other[i].Values, ",") {
			sameAsOther = false
		}
		v, _ := strconv.ParseFloat(p.Values[0], 64)
		strata[int(v*k)] = true
		if n, err := strconv.Atoi(p.Values[1]); err != nil || n < 100 || n > 1000 {
			t.Errorf("population.size %q", p.Values[1])
		}
		levels[p.Values[2]]++
	}
	if sameAsOther {
		t.Error("different seeds gave the same sample")
	}
	if len(strata) != k {
		t.Errorf("epsilon covers %d of %d strata", len(strata), k)
	}
	if levels["random"] != 5 || levels["small-world"] != 5 {
		t.Errorf("levels = %v, want 5 each", levels)
	}
}

func TestShardParsingAndEnv(t *testing.T) {
	for _, c := range []struct {
		v, want, err string
	}{
		{v: "1/3", want: "1/3"}, {v: "3/3", want: "3/3"}, {v: " 2 / 5 ", want: "2/5"},
		{v: "4/3", err: "--shard 4/3: i must be between 1 and 3"},
		{v: "0/3", err: "i must be between 1 and 3"},
		{v: "1/0", err: "n must be 1 or more"},
		{v: "2", err: "expected i/n"},
	} {
		s, err := ParseShard(c.v)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ParseShard(%q) = %v, want error %q", c.v, err, c.err)
			}
		} else if err != nil || s.String() != c.want {
			t.Errorf("ParseShard(%q) = %v, %v", c.v, s, err)
		}
	}
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	for _, c := range []struct {
		name string
		env  func(string) string
		want string // "" = not sharded
		err  string
	}{
		{"none", env(), "", ""},
		{"slurm 0-based", env("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_COUNT", "3", "SLURM_ARRAY_TASK_MIN", "0"), "1/3", ""},
		{"slurm 1-based", env("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "3", "SLURM_ARRAY_TASK_MIN", "1"), "3/3", ""},
		{"slurm step", env("SLURM_ARRAY_TASK_ID", "14", "SLURM_ARRAY_TASK_COUNT", "4", "SLURM_ARRAY_TASK_MIN", "10", "SLURM_ARRAY_TASK_STEP", "2"), "3/4", ""},
		{"slurm no count", env("SLURM_ARRAY_TASK_ID", "1"), "", "SLURM_ARRAY_TASK_COUNT is not"},
		{"slurm out of range", env("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_COUNT", "3", "SLURM_ARRAY_TASK_MIN", "1"), "", "i must be between 1 and 3"},
		{"k8s", env("JOB_COMPLETION_INDEX", "2", ShardCountEnv, "3"), "3/3", ""},
		{"k8s no count", env("JOB_COMPLETION_INDEX", "0"), "", ShardCountEnv},
		{"k8s bad", env("JOB_COMPLETION_INDEX", "x", ShardCountEnv, "3"), "", "not a whole number"},
	} {
		s, _, ok, err := ShardFromEnv(c.env)
		switch {
		case c.err != "":
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: err = %v, want %q", c.name, err, c.err)
			}
		case err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want == "" && ok:
			t.Errorf("%s: sharded %v", c.name, s)
		case c.want != "" && (!ok || s.String() != c.want):
			t.Errorf("%s: %v (ok %v), want %s", c.name, s, ok, c.want)
		}
	}
	if d := (Shard{I: 2, N: 12}).DirName(); d != "shard-02-of-12" {
		t.Errorf("DirName = %s", d)
	}
}

// A point whose settings are invalid is reported before anything runs.
func TestSweepValidatesEveryPoint(t *testing.T) {
	f, _ := ParseVary("influence.epsilon=0.2,0,0.4")
	_, err := NewSweep(SweepOptions{Base: labConfig(t), Factors: []Factor{f}, Reps: 1}, sim.Version)
	if err == nil || !strings.Contains(err.Error(), "point 1 (influence.epsilon=0): influence.epsilon = 0") {
		t.Fatalf("err = %v", err)
	}
	g, _ := ParseVary("influence.epsilon=0.2")
	if _, err := NewSweep(SweepOptions{Base: labConfig(t), Factors: []Factor{g, g}, Reps: 1}, sim.Version); err == nil || !strings.Contains(err.Error(), "given twice") {
		t.Fatalf("same key twice: %v", err)
	}
}

func TestLastFields(t *testing.T) {
	v, err := lastFields([]byte(`0,"a,b",control,0,7,3,0.5,,12`), 3)
	if err != nil || v[0] != 0.5 || v[1] == v[1] || v[2] != 12 {
		t.Fatalf("lastFields = %v, %v", v, err)
	}
	if _, err := lastFields([]byte(`1,x`), 3); err == nil {
		t.Fatal("want an error for a short row")
	}
}
