package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs the built binary and returns stdout, stderr and the exit code.
func cli(t *testing.T, bin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func buildCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "boomerang-cli")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func TestCLIAsANewcomer(t *testing.T) {
	bin := buildCLI(t)
	dir := t.TempDir()

	out, _, code := cli(t, bin, "--help")
	if code != 0 || !strings.Contains(out, "run") || !strings.Contains(out, "list") {
		t.Fatalf("--help: code %d\n%s", code, out)
	}
	out, _, code = cli(t, bin, "list")
	if code != 0 || !strings.Contains(out, "broadcast-basics") || !strings.Contains(out, "opinion-lab") {
		t.Fatalf("list: code %d\n%s", code, out)
	}

	// show → validate round trip
	shown, _, code := cli(t, bin, "show", "broadcast-basics")
	if code != 0 {
		t.Fatalf("show: %d", code)
	}
	file := filepath.Join(dir, "mine.toml")
	os.WriteFile(file, []byte(shown), 0o644)
	if out, errs, code := cli(t, bin, "validate", file); code != 0 || !strings.Contains(out, "ok") {
		t.Fatalf("validate of show output: %d %s %s", code, out, errs)
	}

	type bad struct {
		args []string
		code int
		want string
	}
	broken := filepath.Join(dir, "broken.toml")
	os.WriteFile(broken, []byte("[population]\nsize = 100\n[network]\ndegree = 200\n"), 0o644)
	for _, b := range []bad{
		{[]string{"run", "--frobnicate"}, 2, "unknown flag: --frobnicate"},
		{[]string{"show"}, 2, "expects one scenario name or file"},
		{[]string{"validate", broken}, 1, broken + ":4: network.degree = 200: must be above 0 and below population.size (100)"},
		{[]string{"run", "opinion-lab", "--set", "population.sizee=5", "--out", filepath.Join(dir, "x")}, 1, `--set unknown key "population.sizee"`},
		{[]string{"run", "opinion-lab", "--set", "influence.epsilon=0", "--out", filepath.Join(dir, "x")}, 1, "influence.epsilon = 0: must be above 0"},
		{[]string{"run", "opinion-lab", "--set", "influence.model=magic", "--out", filepath.Join(dir, "x")}, 1, `influence.model = "magic": unknown (allowed:`},
		{[]string{"run", "opinion-lab", "--agents", "-5", "--out", filepath.Join(dir, "x")}, 1, "population.size = -5: must be between 1 and 2000000"},
		{[]string{"run", "nope"}, 1, `no built-in scenario "nope"`},
		// Conflicting inputs are refused, naming both, even when one is invalid.
		{[]string{"run", "broadcast-basics", "--agents", "1000", "--set", "population.size=-1", "--out", filepath.Join(dir, "x")}, 1,
			"--agents 1000 and --set population.size=-1 both set population.size: give it once"},
		{[]string{"run", "opinion-lab", "--seed", "3", "--set", "seed=4", "--out", filepath.Join(dir, "x")}, 1, "--seed 3 and --set seed=4 both set seed"},
		{[]string{"run", "opinion-lab", "--set", "steps=3", "--set", "steps=4", "--out", filepath.Join(dir, "x")}, 1, "--set steps=3 and --set steps=4 both set steps"},
		{[]string{"sweep", "opinion-lab", "--vary", "steps=1,2", "--steps", "3", "--out", filepath.Join(dir, "x")}, 1, "--steps 3 and --vary steps both set steps"},
		{[]string{"sweep", "opinion-lab", "--vary", "influence.mu=0.1,0.2", "--set", "influence.mu=0.3", "--out", filepath.Join(dir, "x")}, 1, "--set influence.mu=0.3 and --vary influence.mu both set influence.mu"},
	} {
		_, errs, code := cli(t, bin, b.args...)
		if code != b.code || !strings.Contains(errs, b.want) {
			t.Errorf("%v: exit %d (want %d), stderr %q (want %q)", b.args, code, b.code, errs, b.want)
		}
		if lines := strings.Count(strings.TrimSpace(errs), "\n"); code == 1 && lines > 0 {
			t.Errorf("%v: error is %d lines, want one: %q", b.args, lines+1, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x")); !os.IsNotExist(err) {
		t.Fatal("a failed run left an output directory")
	}

	// a real run writes the contract files
	outDir := filepath.Join(dir, "res")
	out, errs, code := cli(t, bin, "run", "broadcast-basics", "--agents", "2000", "--steps", "5", "--reps", "2",
		"--out", outDir, "--agents-out", "--quiet", "--set", "opinion.initial=uniform")
	if code != 0 {
		t.Fatalf("run: %d %s", code, errs)
	}
	if errs != "" {
		t.Errorf("--quiet printed %q", errs)
	}
	if !strings.Contains(out, "broadcast") || !strings.Contains(out, "shift_vs_control") {
		t.Errorf("run summary:\n%s", out)
	}
	for _, f := range []string{"steps.csv", "summary.csv", "manifest.json", "agents.csv"} {
		if _, err := os.Stat(filepath.Join(outDir, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	man, _ := os.ReadFile(filepath.Join(outDir, "manifest.json"))
	for _, want := range []string{`"rep_seeds"`, `"resolved_toml"`, `"command_line"`, `initial = 'uniform'`} {
		if !bytes.Contains(man, []byte(want)) {
			t.Errorf("manifest lacks %s", want)
		}
	}
}
