package benchmark

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"boomerang/sim"
)

// Measuring changes nothing: the measured run's result is the plain run's.
func TestMeasureSameResultAsRun(t *testing.T) {
	c := sim.DefaultConfig()
	c.Population.Size = 4000
	c.Data.QuizShare = 0
	c.Steps = 4
	c.Arms = []sim.ArmConfig{{Name: "control", Strategy: "none"}, {Name: "broadcast", Strategy: "broadcast"}}
	r, err := Measure(Options{Config: c, Workers: 2, Kernels: true, KernelSteps: 2})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := sim.NewRun(c, c.Seed, 1)
	if err != nil {
		t.Fatal(err)
	}
	plain.RunToEnd()
	want := plain.Result()
	for i, a := range want.Arms {
		got := r.Result.Arms[i]
		if len(got.Series) != len(a.Series) {
			t.Fatalf("%s: %d rows, want %d", a.Name, len(got.Series), len(a.Series))
		}
		for k := range a.Series {
			if got.Series[k].MeanOpinion != a.Series[k].MeanOpinion || got.Series[k].Impressions != a.Series[k].Impressions {
				t.Fatalf("%s step %d differs", a.Name, k)
			}
		}
	}
	if len(r.Throughput) != 2 || r.Throughput[1].Workers != 2 || len(r.StepPhases) != 2 || len(r.Kernels) != 3 {
		t.Fatalf("report: %+v", r)
	}
	var buf bytes.Buffer
	if err := WriteTable(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "Targets (issues 11 and 19)") {
		t.Error(buf.String())
	}
	// The C reference: run when gcc is present, and the report says which.
	if _, err := exec.LookPath("gcc"); err == nil {
		for _, k := range r.Kernels {
			if !k.CMeasured || !(k.CMid > 0) {
				t.Errorf("gcc present but the C kernel was not measured: %+v (%s)", k, r.CKernel)
			}
		}
	} else if !strings.Contains(r.CKernel, "NOT run") {
		t.Errorf("no gcc, and the report does not say so: %q", r.CKernel)
	}
}

func TestMeasureNeedsTwoSteps(t *testing.T) {
	c := sim.DefaultConfig()
	c.Steps = 1
	if _, err := Measure(Options{Config: c}); err == nil {
		t.Fatal("no error for 1 step")
	}
}
