package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestBenchJSON(t *testing.T) {
	var out, errb bytes.Buffer
	code := execute([]string{"boomerang-cli", "bench", "--agents", "20000", "--steps", "3", "--json", "--quiet"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if errb.Len() != 0 {
		t.Errorf("--quiet printed on stderr: %q", errb.String())
	}
	var r struct {
		Agents int `json:"agents"`
		Budget int `json:"budget"`
		Setup  []struct {
			Name    string  `json:"name"`
			Seconds float64 `json:"seconds"`
		} `json:"setup"`
		StepPhases []struct {
			Arm       string  `json:"arm"`
			Influence float64 `json:"influence_ns"`
		} `json:"step_phases"`
		Throughput []struct {
			Workers        int     `json:"workers"`
			NsPerAgentStep float64 `json:"ns_per_agent_step"`
		} `json:"throughput"`
		Kernels []struct {
			Model string  `json:"model"`
			Ratio float64 `json:"ratio_to_c"`
		} `json:"kernels"`
		Memory struct {
			PeakHeap float64 `json:"peak_heap_bytes_per_agent"`
		} `json:"memory"`
		Figures []struct{ Name string } `json:"figures"`
		Targets []struct {
			Name  string
			Value float64
		} `json:"targets"`
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if r.Agents != 20000 || r.Budget != 4000 {
		t.Errorf("agents = %d, budget = %d; want 20000 and 4000 (targeting-showdown's 10,000 at 50,000, scaled)", r.Agents, r.Budget)
	}
	phases := map[string]bool{}
	for _, p := range r.Setup {
		phases[p.Name] = true
	}
	for _, want := range []string{"population", "network", "likes", "training", "inference", "total"} {
		if !phases[want] {
			t.Errorf("setup phase %q missing: %+v", want, r.Setup)
		}
	}
	if len(r.StepPhases) != 6 || r.StepPhases[0].Arm != "control" || !(r.StepPhases[0].Influence > 0) {
		t.Errorf("step phases: %+v", r.StepPhases)
	}
	if len(r.Throughput) == 0 || r.Throughput[0].Workers != 1 || !(r.Throughput[0].NsPerAgentStep > 0) {
		t.Errorf("throughput: %+v", r.Throughput)
	}
	if len(r.Kernels) < 2 || !(r.Kernels[0].Ratio > 0) {
		t.Errorf("kernels: %+v", r.Kernels)
	}
	if !(r.Memory.PeakHeap > 0) {
		t.Errorf("memory: %+v", r.Memory)
	}
	if len(r.Figures) == 0 || !strings.Contains(r.Figures[0].Name, "chart") {
		t.Errorf("figures: %+v", r.Figures)
	}
	if len(r.Targets) < 5 {
		t.Errorf("targets: %+v", r.Targets)
	}
}

func TestBenchTable(t *testing.T) {
	var out, errb bytes.Buffer
	code := execute([]string{"boomerang-cli", "bench", "--agents", "5000", "--steps", "2", "--kernels=false", "--charts=false", "--scenario", "broadcast-basics"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"Setup", "Step by phase", "Throughput", "Memory", "Targets", "broadcast-basics", "load average"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
	if !strings.Contains(errb.String(), "bench: building") {
		t.Errorf("no progress on stderr: %q", errb.String())
	}
}

func TestBenchUsage(t *testing.T) {
	for _, args := range [][]string{{"--steps", "1"}, {"--agents", "1"}, {"extra"}} {
		var out, errb bytes.Buffer
		if code := execute(append([]string{"boomerang-cli", "bench"}, args...), &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errb.String())
		}
	}
}
