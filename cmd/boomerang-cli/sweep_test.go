package main

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"boomerang/sim"
)

// small keeps built-in scenarios fast in tests.
var small = []string{"--set", "population.size=300", "--steps", "10"}

// run executes the CLI in-process and returns stdout, stderr and the exit
// status.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := execute(append([]string{"boomerang-cli"}, args...), &out, &errb)
	return out.String(), errb.String(), code
}

// mustRun runs the CLI and fails the test unless it exits 0.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := run(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	return out
}

// noClusterEnv clears the variables that would shard a sweep.
func noClusterEnv(t *testing.T) {
	for _, k := range []string{"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_STEP", "JOB_COMPLETION_INDEX", "BOOMERANG_SHARD_COUNT"} {
		t.Setenv(k, "")
	}
}

// listing returns every path under dir, to check that nothing was written.
func listing(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		names = append(names, p)
		return err
	})
	return strings.Join(names, "\n")
}

// Bad input gives one clear line and exit 1 (2 for usage) and writes
// nothing. The messages are compared with testdata/errors.golden; run
// with BOOMERANG_UPDATE_GOLDEN=1 to rewrite it after a deliberate change.
func TestBadInputGolden(t *testing.T) {
	noClusterEnv(t)
	golden, err := filepath.Abs(filepath.Join("testdata", "errors.golden"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	sw := append([]string{"sweep", "opinion-lab", "--reps", "2", "--quiet"}, small...)
	vary := []string{"--vary", "influence.epsilon=0.2,0.4"}
	// Shards to merge: opinion-lab 1/2 and 2/2, broadcast-basics 2/2 and
	// an opinion-lab 2/2 that claims another version.
	mustRun(t, slices.Concat(sw, vary, []string{"--shard", "1/2", "--out", "lab"})...)
	mustRun(t, slices.Concat(sw, vary, []string{"--shard", "2/2", "--out", "lab"})...)
	mustRun(t, slices.Concat([]string{"sweep", "broadcast-basics", "--reps", "2", "--quiet"}, small, vary, []string{"--shard", "2/2", "--out", "bb"})...)
	mustRun(t, slices.Concat(sw, vary, []string{"--shard", "2/2", "--out", "old"})...)
	man := filepath.Join("old", "shard-2-of-2", "manifest.json")
	data, _ := os.ReadFile(man)
	os.WriteFile(man, bytes.Replace(data, []byte(`"version": "`+sim.Version+`"`), []byte(`"version": "0.0.1"`), 1), 0o644)

	cases := [][]string{
		slices.Concat(sw, []string{"--vary", "influence.epsilonn=0.1,0.2", "--out", "x"}),
		slices.Concat(sw, []string{"--vary", "influence.epsilon=", "--out", "x"}),
		slices.Concat(sw, []string{"--vary", "influence.epsilon=0.6:0.2:0.1", "--out", "x"}),
		slices.Concat(sw, []string{"--vary", "influence.epsilon=0.2:0.6:0", "--out", "x"}),
		slices.Concat(sw, []string{"--vary", "influence.model=deffuant:voter", "--out", "x"}),
		slices.Concat(sw, []string{"--vary", "influence.epsilon=0.2,0", "--out", "x"}),
		slices.Concat(sw, vary, []string{"--shard", "4/3", "--out", "x"}),
		slices.Concat(sw, vary, []string{"--shard", "two", "--out", "x"}),
		slices.Concat(sw, vary, []string{"--design", "lhs", "--out", "x"}),
		slices.Concat(sw, vary, []string{"--plot-format", "gif", "--out", "x"}),
		slices.Concat(sw, []string{"--out", "x"}),
		slices.Concat(sw, vary, []string{"--samples", "5", "--out", "x"}),
		slices.Concat(sw, vary, []string{"--frobnicate"}),
		{"merge", "lab/shard-1-of-2", "bb/shard-2-of-2", "--out", "x"},
		{"merge", "lab/shard-1-of-2", "old/shard-2-of-2", "--out", "x"},
		{"merge", "lab/shard-1-of-2", "lab/shard-2-of-2", "lab/shard-2-of-2", "--out", "x"},
		{"merge", "lab/shard-1-of-2", "--out", "x"},
		{"merge", "nowhere", "--out", "x"},
		{"merge", "lab"},
	}
	before := listing(t, ".")
	var got strings.Builder
	for _, args := range cases {
		_, errs, code := run(t, args...)
		errs = strings.ReplaceAll(errs, `(`+sim.Version+` and`, "($VERSION and")
		got.WriteString("$ boomerang-cli " + strings.Join(args, " ") + "\n")
		got.WriteString("exit " + string(rune('0'+code)) + "\n" + errs + "\n")
		if code == 1 && strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: want one line, got %q", args, errs)
		}
		if code != 1 && code != 2 {
			t.Errorf("%v: exit %d, want 1 or 2", args, code)
		}
		if after := listing(t, "."); after != before {
			t.Fatalf("%v wrote files:\n%s", args, after)
		}
	}
	compareGolden(t, golden, got.String())
}

// lineDiff lists the lines that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			b.WriteString("- " + a + "\n+ " + c + "\n")
		}
	}
	return b.String()
}

// A sweep from the command line: tidy files, JSON summary, charts;
// sharded runs merged equal the unsharded one; --help has examples;
// --version names the commit; completion works.
func TestSweepCommandLine(t *testing.T) {
	noClusterEnv(t)
	dir := t.TempDir()
	t.Chdir(dir)
	args := slices.Concat([]string{"sweep", "broadcast-basics", "--reps", "3", "--vary", "campaign.budget=200,400,800"}, small)
	out := mustRun(t, slices.Concat(args, []string{"--out", "whole", "--json", "--plots", "--workers", "2"})...)
	var js sweepJSON
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatalf("--json: %v\n%s", err, out)
	}
	if js.Command != "sweep" || js.Points != 3 || js.Reps != 3 || js.Runs != 9 || js.Out != "whole" || !slices.Contains(js.Files, "steps.csv") || js.Seconds <= 0 {
		t.Errorf("--json = %+v", js)
	}
	for _, f := range []string{"tradeoff.png", "sweep_shift_vs_control.png", "sweep_conversions_vs_control.png"} {
		if !slices.Contains(js.Files, f) {
			t.Errorf("--plots: no %s in %v", f, js.Files)
			continue
		}
		fh, err := os.Open(filepath.Join("whole", f))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := png.Decode(fh); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		fh.Close()
	}

	// Shards from SLURM array variables (--array=1-3), then merged.
	for i := 1; i <= 3; i++ {
		t.Setenv("SLURM_ARRAY_TASK_ID", string(rune('0'+i)))
		t.Setenv("SLURM_ARRAY_TASK_COUNT", "3")
		t.Setenv("SLURM_ARRAY_TASK_MIN", "1")
		mustRun(t, slices.Concat(args, []string{"--out", "sharded", "--quiet", "--workers", "1"})...)
	}
	noClusterEnv(t)
	table := mustRun(t, "merge", "sharded", "--out", "merged", "--quiet")
	if !strings.Contains(table, "shift_vs_control") || !strings.Contains(table, "broadcast") {
		t.Errorf("merge table:\n%s", table)
	}
	for _, f := range []string{"steps.csv", "points.csv", "runs.csv", "summary.csv"} {
		a, _ := os.ReadFile(filepath.Join("whole", f))
		b, _ := os.ReadFile(filepath.Join("merged", f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: merged SLURM shards differ from the unsharded sweep", f)
		}
	}

	// Charts of a run, in SVG.
	out = mustRun(t, slices.Concat([]string{"run", "broadcast-basics", "--reps", "3", "--out", "r", "--plots", "--plot-format", "svg", "--json"}, small)...)
	var rj runJSON
	if err := json.Unmarshal([]byte(out), &rj); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"shift_vs_control.svg", "conversions.svg", "conversions_per_arm.svg", "tradeoff.svg"} {
		if !slices.Contains(rj.Files, f) {
			t.Errorf("run --plots --plot-format svg: no %s in %v", f, rj.Files)
		}
	}
	if len(rj.Seeds) != 3 || rj.Seeds[0] != 20261129 {
		t.Errorf("run --json seeds = %v", rj.Seeds)
	}

	for _, sub := range []string{"list", "show", "validate", "run", "sweep", "merge", "completion"} {
		out := mustRun(t, sub, "--help")
		if !strings.Contains(out, "Examples:") || !strings.Contains(out, "boomerang-cli "+sub) {
			t.Errorf("%s --help lacks examples:\n%s", sub, out)
		}
	}
	if out := mustRun(t, "--version"); !strings.Contains(out, sim.Version) || !strings.Contains(out, "commit ") {
		t.Errorf("--version = %q", out)
	}
	if out := mustRun(t, "completion", "bash"); !strings.Contains(out, "boomerang-cli") {
		t.Errorf("completion bash printed %d bytes", len(out))
	}
	if out := mustRun(t, "__complete", "sweep", "opinion-lab", "--vary", "influence.eps"); !strings.Contains(out, "influence.epsilon=") {
		t.Errorf("--vary completion:\n%s", out)
	}
}

// Acceptance: a sweep killed by Ctrl-C (SIGINT to a real process) exits
// 130, says how to resume, and --resume finishes it byte-identical to an
// uninterrupted sweep.
func TestCtrlCThenResume(t *testing.T) {
	noClusterEnv(t)
	bin := buildCLI(t)
	dir := t.TempDir()
	args := []string{"sweep", "opinion-lab", "--set", "population.size=1000", "--steps", "150",
		"--vary", "influence.epsilon=0.2:0.6:0.1", "--reps", "12", "--workers", "2", "--quiet"}
	if _, errs, code := cli(t, bin, slices.Concat(args, []string{"--out", filepath.Join(dir, "whole")})...); code != 0 {
		t.Fatalf("uninterrupted sweep: %d %s", code, errs)
	}

	out := filepath.Join(dir, "out")
	cmd := exec.Command(bin, slices.Concat(args, []string{"--out", out})...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	journal := filepath.Join(dir, ".out.parts", "journal")
	deadline := time.Now().Add(30 * time.Second)
	for {
		data, _ := os.ReadFile(journal)
		if strings.Count(string(data), "\nrun ") >= 3 || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 130 {
		t.Fatalf("after Ctrl-C: %v, stderr %q (the sweep may have finished first)", err, errb.String())
	}
	msg := errb.String()
	if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "interrupted: ") || !strings.Contains(msg, "finish with: ") || !strings.HasSuffix(msg, " --resume\n") {
		t.Errorf("Ctrl-C message: %q", msg)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("an interrupted sweep created its output directory")
	}
	if _, errs, code := cli(t, bin, slices.Concat(args, []string{"--out", out, "--resume"})...); code != 0 {
		t.Fatalf("--resume: %d %s", code, errs)
	}
	for _, f := range []string{"steps.csv", "points.csv", "runs.csv", "summary.csv"} {
		a, _ := os.ReadFile(filepath.Join(dir, "whole", f))
		b, _ := os.ReadFile(filepath.Join(out, f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: resumed sweep differs from the uninterrupted one", f)
		}
	}
}

// compareGolden compares got with the golden file, or rewrites the file
// when BOOMERANG_UPDATE_GOLDEN is set (after a deliberate change).
func compareGolden(t *testing.T, golden, got string) {
	t.Helper()
	if os.Getenv("BOOMERANG_UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (create it with BOOMERANG_UPDATE_GOLDEN=1)", err)
	}
	if got != string(want) {
		t.Errorf("messages differ from %s:\n%s", golden, lineDiff(string(want), got))
	}
}
