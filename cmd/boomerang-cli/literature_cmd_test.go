package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// check-literature --quick (the CI configuration) passes every check but
// the targeting hold-outs (docs/VALIDATION.md, "Response v2"), prints
// the calibration and hold-out tables, exits 0 and writes its files with
// --out.
func TestCheckLiteratureQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the quick literature checks (~15 s on 2 cores)")
	}
	bin := buildCLI(t)
	dir := filepath.Join(t.TempDir(), "lit")
	out, errs, code := cli(t, bin, "check-literature", "--quick", "--out", dir,
		"--only", "deffuant,hegselmann-krause,degroot,friedkin-johnsen,voter,algorithmic-bias,inference,matz,persuasion,response")
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	for _, want := range []string{"PUBLISHED", "OURS (95 % CI)", "deffuant-eps0.15", "hk-consensus", "degroot-limit", "fj-fixed-point",
		"voter-exit", "algorithmic-bias", "inference-mean-r", "inference-party-auc", "matz-1-conversions", "persuasion-broadcast",
		"persuasion-microtargeting-gain", "checks pass (quick, seed 1", "Calibration targets", "Hold-out targets"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "FAIL") {
		t.Errorf("a check failed:\n%s", out)
	}
	for _, f := range []string{"literature.csv", "literature.md", "literature.json"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil || len(data) == 0 {
			t.Errorf("%s: %v (%d bytes)", f, err, len(data))
		}
	}
	md, _ := os.ReadFile(filepath.Join(dir, "literature.md"))
	if !strings.Contains(string(md), "check-literature --quick") {
		t.Errorf("literature.md does not name the command:\n%s", md)
	}
}

// --only and --json; unknown checks are usage errors (exit 2).
func TestCheckLiteratureOnlyJSON(t *testing.T) {
	bin := buildCLI(t)
	out, errs, code := cli(t, bin, "check-literature", "--quick", "--only", "voter,degroot", "--json", "--quiet")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var rep struct {
		Quick bool `json:"quick"`
		Rows  []struct {
			ID   string   `json:"id"`
			Pass bool     `json:"pass"`
			Lo   *float64 `json:"ci_lo"`
		} `json:"rows"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !rep.Quick || len(rep.Rows) != 3 || rep.Rows[0].ID != "degroot-limit" || rep.Rows[0].Lo != nil {
		t.Fatalf("unexpected report: %+v", rep)
	}
	if _, errs, code := cli(t, bin, "check-literature", "--only", "nope"); code != 2 || !strings.Contains(errs, "unknown check") {
		t.Fatalf("--only nope: exit %d, %s", code, errs)
	}
}
