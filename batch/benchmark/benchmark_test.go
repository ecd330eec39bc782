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
			if k.CPURatio != 0 && k.CPURatio != k.CPUNs/k.CCPUNs {
				t.Errorf("CPU-time ratio: %+v", k)
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

// The C kernel's report line gives the wall and the CPU figure; an older
// line without the CPU figure still gives the wall one.
func TestParseC(t *testing.T) {
	line := []byte("C graph=random variant=degroot N=100000 avgdeg=16.00 E(dir)=1600000 threads=1 steps=5 build=0.222s median=0.0654s min=0.0581s max=0.0680s ns/edge=8.172 ns/agent-step=130.76 agent-steps/s=7.648e+06 checksum=150.8289 cpu_util_min=0.19 cpu_ns/agent-step=27.02\n")
	wall, cpu, err := parseC("degroot", line)
	if err != nil || wall != 130.76 || cpu != 27.02 {
		t.Fatalf("got %v, %v, %v; want 130.76, 27.02", wall, cpu, err)
	}
	old := bytes.Replace(line, []byte(" cpu_ns/agent-step=27.02"), nil, 1)
	if wall, cpu, err = parseC("degroot", old); err != nil || wall != 130.76 || cpu != 0 {
		t.Fatalf("without the CPU figure: got %v, %v, %v", wall, cpu, err)
	}
	if _, _, err = parseC("degroot", []byte("nothing")); err == nil {
		t.Fatal("a line without figures parsed")
	}
}
