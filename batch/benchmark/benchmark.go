// Package benchmark measures the engine on the current machine: setup time
// by phase, ns per agent-step by phase of the step, peak memory, throughput
// with one and all workers, and the bare influence kernels next to the
// plain-C reference figures of issue 11 (boomerang-cli bench; see
// docs/PERFORMANCE.md).
package benchmark

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"boomerang/sim"
	"boomerang/sim/influence"
	"boomerang/sim/network"
	"boomerang/sim/rng"
)

// Reference figures of a plain C loop on this machine class (issue 11):
// 1M agents × 16 neighbours, CSR, float32, one core, ns per agent-step.
// When gcc is present, bench builds and times the C kernel itself
// (bench/opinion.c) in the same run and compares against that (issue 19:
// the machine's speed varies by up to 2× between runs); these constants
// are the fallback without gcc.
const (
	CDeGrootLow, CDeGrootHigh   = 20.0, 23.0
	CBoundedLow, CBoundedHigh   = 58.0, 74.0
	CDeGrootMid                 = (CDeGrootLow + CDeGrootHigh) / 2
	CBoundedMid                 = (CBoundedLow + CBoundedHigh) / 2
	kernelDegree                = 16
	targetKernelRatio           = 1.2
	targetParallelSpeedup       = 1.7
	targetCampaignRatio         = 3.0
	targetSetupSeconds          = 15.0
	targetRunOverKernel         = 1.3 // issue 19: whole run per agent-step ≤ 1.3× the bare kernel
	targetOrganicNs             = 3.0 // issue 19: a control arm's organic conversions ≤ 3 ns/agent-step
	cKernelReps                 = 3
	targetBytesPerAgent         = 1024.0
	targetAgents                = 1_000_000
	memorySampleEvery           = 2 * time.Millisecond
	heapMetric, totalMetric     = "/memory/classes/heap/objects:bytes", "/memory/classes/total:bytes"
	defaultKernelSteps          = 10
	kernelEpsilon, kernelMu     = 0.4, 0.3
	phaseTotal, phaseRunStarted = "total", "run start"
)

// Options say what to measure.
type Options struct {
	// Config is the scenario, with population size and steps already set.
	Config sim.Config
	// Workers is "all workers" (≤ 0: GOMAXPROCS).
	Workers int
	// Kernels also times the DeGroot and Deffuant kernels on a random
	// graph of mean degree 16 with Config.Population.Size agents.
	Kernels bool
	// KernelSteps is the number of timed kernel steps (≤ 0: 10).
	KernelSteps int
	// Progress, when not nil, is told what is being measured.
	Progress func(msg string)
}

// Machine describes where and under what load the figures were taken.
type Machine struct {
	GOOS       string     `json:"goos"`
	GOARCH     string     `json:"goarch"`
	GoVersion  string     `json:"go_version"`
	NumCPU     int        `json:"num_cpu"`
	GOMAXPROCS int        `json:"gomaxprocs"`
	LoadBefore [3]float64 `json:"load_before"` // 1, 5, 15 min load average (Linux; zero elsewhere)
	LoadAfter  [3]float64 `json:"load_after"`
	Time       string     `json:"time"`
}

// Phase is the wall time of one phase of the setup.
type Phase struct {
	Name       string  `json:"name"`
	Seconds    float64 `json:"seconds"`
	NsPerAgent float64 `json:"ns_per_agent"`
}

// ArmStep is one arm's step split into phases, ns per agent-step, with
// one worker (the sum of the phases is the arm's step without metrics).
type ArmStep struct {
	Arm       string  `json:"arm"`
	Strategy  string  `json:"strategy"`
	Plan      float64 `json:"plan_ns"`
	Response  float64 `json:"response_ns"`
	Influence float64 `json:"influence_ns"`
	Total     float64 `json:"total_ns"`
}

// Throughput is the whole run's speed with a number of workers: every
// arm steps, then metrics are recorded. Per-step figures are the median
// and minimum over the timed steps (the first step, with the strategies'
// one-off set-up, is left out and reported in Report.FirstStepSeconds).
type Throughput struct {
	Workers          int     `json:"workers"`
	Steps            int     `json:"steps"`
	MedianStepMs     float64 `json:"median_step_ms"`
	MinStepMs        float64 `json:"min_step_ms"`
	NsPerAgentStep   float64 `json:"ns_per_agent_step"` // median step / (agents × arms)
	AgentStepsPerSec float64 `json:"agent_steps_per_sec"`
	SecondsPerArm100 float64 `json:"seconds_per_arm_100_steps"`
	// CoresUsed is CPU time over wall time during this run's steps (0 if
	// unknown): near 1 with all workers means the machine did not give
	// the process a second core (other load), so no speed-up was possible.
	CoresUsed float64 `json:"cores_used"`
}

// Kernel is one influence model's bare Step on the kernel graph.
type Kernel struct {
	Model          string  `json:"model"`
	Workers        int     `json:"workers"`
	NsPerAgentStep float64 `json:"ns_per_agent_step"` // median over steps
	MinNs          float64 `json:"min_ns_per_agent_step"`
	CoresUsed      float64 `json:"cores_used"`          // CPU time over wall time (0 if unknown)
	CMid           float64 `json:"c_ns_per_agent_step"` // the C reference: measured in this run (CMeasured) or the middle of its range
	CMeasured      bool    `json:"c_measured"`
	CVariant       string  `json:"c_variant"` // the C kernel compared with: degroot or bc (bounded confidence)
	Ratio          float64 `json:"ratio_to_c"`
	// CPUNs and CCPUNs are CPU time per agent-step (Go: the process over
	// the timed steps; C: its median repetition, mean of the two runs), and
	// CPURatio their ratio: unlike wall time, CPU time does not count the
	// time another process held the core, so on a loaded machine it is the
	// steadier comparison (0 when unknown).
	CPUNs    float64 `json:"cpu_ns_per_agent_step,omitempty"`
	CCPUNs   float64 `json:"c_cpu_ns_per_agent_step,omitempty"`
	CPURatio float64 `json:"cpu_ratio_to_c,omitempty"`
}

// Memory is the process's memory, sampled every 2 ms through
// runtime/metrics during setup and runs. PeakHeap is the largest live-or-
// not-yet-swept heap (/memory/classes/heap/objects:bytes, ≈ HeapAlloc);
// PeakTotal the most memory the Go runtime had mapped
// (/memory/classes/total:bytes, ≈ MemStats.Sys, an upper bound of RSS);
// Retained the heap after a GC holding the world and one run. Sampled
// through the setup and the one-worker run.
type Memory struct {
	PeakHeapBytes     uint64  `json:"peak_heap_bytes"`
	PeakTotalBytes    uint64  `json:"peak_total_bytes"`
	RetainedBytes     uint64  `json:"retained_heap_bytes"`
	PeakHeapPerAgent  float64 `json:"peak_heap_bytes_per_agent"`
	PeakTotalPerAgent float64 `json:"peak_total_bytes_per_agent"`
	RetainedPerAgent  float64 `json:"retained_heap_bytes_per_agent"`
}

// Figure is a free-form measurement (e.g. chart render time, added by the
// CLI, which may import chart).
type Figure struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Note  string  `json:"note,omitempty"`
}

// Target is one of issue 11's targets with the measured value.
type Target struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Limit float64 `json:"limit"`
	Unit  string  `json:"unit"`
	Less  bool    `json:"less_is_better"`
	Pass  bool    `json:"pass"`
	Note  string  `json:"note,omitempty"`
}

// Report is everything Measure found.
type Report struct {
	Machine          Machine      `json:"machine"`
	Scenario         string       `json:"scenario"`
	Agents           int          `json:"agents"`
	Steps            int          `json:"steps"`
	Budget           int          `json:"budget"` // impressions per step
	Arms             []string     `json:"arms"`
	Influence        string       `json:"influence_model"`
	Setup            []Phase      `json:"setup"`
	SetupSeconds     float64      `json:"setup_seconds"` // the world, inference included (without "run start")
	FirstStepSeconds float64      `json:"first_step_seconds"`
	StepPhases       []ArmStep    `json:"step_phases"`
	MetricsNs        float64      `json:"metrics_ns_per_agent_step"` // recording, per agent-step per arm
	Throughput       []Throughput `json:"throughput"`
	Speedup          float64      `json:"speedup"` // all workers over one
	Kernels          []Kernel     `json:"kernels,omitempty"`
	CKernel          string       `json:"c_kernel,omitempty"` // how the C reference was obtained (built and run, or why not)
	Memory           Memory       `json:"memory"`
	Figures          []Figure     `json:"figures,omitempty"`
	Targets          []Target     `json:"targets"`
	// Result is the last measured run's result (for charts); not in JSON.
	Result sim.Result `json:"-"`
}

// Measure builds the world of o.Config once, timing each phase, then runs
// the scenario with one worker (phases timed) and with all workers, and
// optionally times the bare kernels. Results never depend on timing.
func Measure(o Options) (*Report, error) {
	cfg := o.Config
	n := cfg.Population.Size
	all := o.Workers
	if all <= 0 {
		all = runtime.GOMAXPROCS(0)
	}
	if cfg.Steps < 2 {
		return nil, fmt.Errorf("benchmark: need at least 2 steps (got %d)", cfg.Steps)
	}
	progress := func(format string, a ...any) {
		if o.Progress != nil {
			o.Progress(fmt.Sprintf(format, a...))
		}
	}
	rep := &Report{
		Machine:   machine(),
		Scenario:  cfg.Name,
		Agents:    n,
		Steps:     cfg.Steps,
		Budget:    cfg.Campaign.Budget,
		Influence: cfg.Influence.Model,
	}
	for _, a := range cfg.Arms {
		rep.Arms = append(rep.Arms, a.Name)
	}
	mem := startSampler()

	// Setup, phase by phase.
	progress("building the world of %d agents", n)
	world, err := sim.BuildWorldTimed(cfg, cfg.Seed, all, func(name string, d time.Duration) {
		rep.Setup = append(rep.Setup, phase(name, d, n))
		rep.SetupSeconds += d.Seconds()
	})
	if err != nil {
		mem.stop()
		return nil, err
	}
	rep.Setup = append(rep.Setup, phase(phaseTotal, time.Duration(rep.SetupSeconds*1e9), n))

	// One worker, phases timed; memory is sampled through the setup and
	// this run.
	progress("running %d steps with 1 worker, timing the phases", cfg.Steps)
	_, run1, start, err := timeRun(world, 1, true)
	if err != nil {
		mem.stop()
		return nil, err
	}
	rep.Setup = append(rep.Setup, phase(phaseRunStarted, start, n))
	var phases, first, total time.Duration
	for i, a := range run1.Arms {
		st := a.Times
		per := float64(n) * float64(st.Steps)
		as := ArmStep{Arm: a.Name, Strategy: cfg.Arms[i].Strategy,
			Plan:      float64(st.Plan.Nanoseconds()) / per,
			Response:  float64(st.Response.Nanoseconds()) / per,
			Influence: float64(st.Influence.Nanoseconds()) / per,
		}
		as.Total = as.Plan + as.Response + as.Influence
		rep.StepPhases = append(rep.StepPhases, as)
		phases += st.Plan + st.Response + st.Influence
	}
	first, total = run1.first, run1.total
	rep.FirstStepSeconds = first.Seconds()
	// The timed steps without the arms' phases are the metrics.
	arms := len(run1.Arms)
	rep.MetricsNs = max(0, float64((total-first-phases).Nanoseconds())) / float64(n*arms*(cfg.Steps-1))
	runtime.GC()
	rep.Memory.RetainedBytes = readHeap()
	runtime.KeepAlive(run1)
	run1 = nil
	rep.Memory.PeakHeapBytes, rep.Memory.PeakTotalBytes = mem.stop()
	rep.Memory.PeakHeapPerAgent = float64(rep.Memory.PeakHeapBytes) / float64(n)
	rep.Memory.PeakTotalPerAgent = float64(rep.Memory.PeakTotalBytes) / float64(n)
	rep.Memory.RetainedPerAgent = float64(rep.Memory.RetainedBytes) / float64(n)

	// Throughput: a run with one worker and one with all, stepped in
	// turn so that both see the same load from other processes.
	ws := []int{1}
	if all > 1 {
		ws = append(ws, all)
	}
	progress("running %d steps with %v workers, interleaved", cfg.Steps, ws)
	tps, last, err := timeRuns(world, ws)
	if err != nil {
		return nil, err
	}
	for i, w := range ws {
		rep.Throughput = append(rep.Throughput, tps[i].throughput(w, n, arms))
	}
	rep.Speedup = 1
	if len(ws) > 1 {
		rep.Speedup = rep.Throughput[0].NsPerAgentStep / rep.Throughput[1].NsPerAgentStep
	}
	rep.Result = last.Result()
	runtime.KeepAlive(world)
	world = nil

	if o.Kernels && n >= 2*kernelDegree {
		steps := o.KernelSteps
		if steps <= 0 {
			steps = defaultKernelSteps
		}
		progress("timing the DeGroot and Deffuant kernels (%d agents, degree %d)", n, kernelDegree)
		ks, note, err := kernels(n, steps, all, progress)
		if err != nil {
			return nil, err
		}
		rep.Kernels, rep.CKernel = ks, note
	}
	rep.Machine.LoadAfter = loadAverage()
	rep.Targets = targets(rep)
	return rep, nil
}

func phase(name string, d time.Duration, n int) Phase {
	return Phase{Name: name, Seconds: d.Seconds(), NsPerAgent: float64(d.Nanoseconds()) / float64(n)}
}

// runTimes are the wall times of one run's steps.
type runTimes struct {
	first time.Duration   // step 1
	steps []time.Duration // steps 2 …
	total time.Duration   // all steps
	cpu   float64         // CPU seconds of steps 2 …
}

func (rt runTimes) throughput(workers, n, arms int) Throughput {
	med, lo := median(rt.steps), slices.Min(rt.steps)
	per := float64(n * arms)
	ns := float64(med.Nanoseconds()) / per
	return Throughput{
		Workers:          workers,
		Steps:            len(rt.steps),
		MedianStepMs:     float64(med.Nanoseconds()) / 1e6,
		MinStepMs:        float64(lo.Nanoseconds()) / 1e6,
		NsPerAgentStep:   ns,
		AgentStepsPerSec: 1e9 / ns,
		SecondsPerArm100: ns * float64(n) * 100 / 1e9,
		CoresUsed:        rt.cpu / (rt.total - rt.first).Seconds(),
	}
}

// timedRun is a run with the wall times of its steps.
type timedRun struct {
	*sim.Run
	runTimes
}

// timeRun starts a run on w with workers and times each of its steps;
// with phases, each arm also times its phases from step 2 on.
func timeRun(w *sim.World, workers int, phases bool) (runTimes, *timedRun, time.Duration, error) {
	t0 := time.Now()
	r, err := sim.NewRunOn(w, workers)
	if err != nil {
		return runTimes{}, nil, 0, err
	}
	start := time.Since(t0)
	tr := &timedRun{Run: r}
	for i := 0; !r.Done(); i++ {
		if i == 1 && phases {
			for _, a := range r.Arms {
				a.Times = &sim.StepTimes{}
			}
		}
		tr.step(i)
	}
	return tr.runTimes, tr, start, nil
}

// step runs and times step i+1.
func (tr *timedRun) step(i int) {
	c := cpuSeconds()
	t := time.Now()
	tr.Step()
	d := time.Since(t)
	if i == 0 {
		tr.first = d
	} else {
		tr.steps = append(tr.steps, d)
		tr.cpu += cpuSeconds() - c
	}
	tr.total += d
}

// timeRuns starts one run on w per worker count and steps them in turn.
// It returns their times and the last run.
func timeRuns(w *sim.World, workers []int) ([]runTimes, *sim.Run, error) {
	var trs []*timedRun
	for _, k := range workers {
		r, err := sim.NewRunOn(w, k)
		if err != nil {
			return nil, nil, err
		}
		trs = append(trs, &timedRun{Run: r})
	}
	for i := 0; !trs[0].Done(); i++ {
		for _, tr := range trs {
			tr.step(i)
		}
	}
	out := make([]runTimes, len(trs))
	for i, tr := range trs {
		out[i] = tr.runTimes
	}
	return out, trs[len(trs)-1].Run, nil
}

// kernels times DeGroot (1 and all workers) and Deffuant (serial by
// construction) on a random graph of mean degree 16, and the C reference
// (bench/opinion.c, one thread, DeGroot and bounded confidence on its own
// random graph of the same size and degree) once before and once after
// them when gcc is present; the ratios use the mean of the two C runs.
func kernels(n, steps, all int, progress func(string, ...any)) ([]Kernel, string, error) {
	g, err := network.Build(network.Params{Kind: network.KindRandom, Degree: kernelDegree}, n, network.Attributes{}, 1, all)
	if err != nil {
		return nil, "", err
	}
	x0 := make([]float32, n)
	for i := range x0 {
		x0[i] = float32(2*rng.Float64(1, rng.Opinion, uint64(i), 0, 0) - 1)
	}
	type kc struct {
		p       influence.Params
		workers int
		c       float64
		variant string
	}
	cases := []kc{
		{influence.Params{Model: "degroot"}, 1, CDeGrootMid, "degroot"},
		{influence.Params{Model: "deffuant", Epsilon: kernelEpsilon, Mu: kernelMu}, 1, CBoundedMid, "bc"},
	}
	if all > 1 {
		cases = slices.Insert(cases, 1, kc{influence.Params{Model: "degroot"}, all, CDeGrootMid, "degroot"})
	}
	ck, cerr := buildC()
	note := ""
	cRuns := map[string][]float64{}
	cCPU := map[string][]float64{}
	timeC := func(when string) {
		if ck == nil {
			return
		}
		for _, v := range []string{"degroot", "bc"} {
			progress("C reference kernel %s, %s the Go kernels", v, when)
			ns, cpuNs, err := ck.run(n, kernelDegree, steps, cKernelReps, v)
			if err != nil {
				cerr = err
				return
			}
			cRuns[v] = append(cRuns[v], ns)
			cCPU[v] = append(cCPU[v], cpuNs)
		}
	}
	if ck != nil {
		defer ck.close()
	}
	timeC("before")
	// Every model runs its warm-up step, then the models take turns step
	// by step, so that they see the same load from other processes.
	ms := make([]influence.Model, len(cases))
	xs := make([][]float32, len(cases))
	ds := make([][]time.Duration, len(cases))
	cpu := make([]float64, len(cases))
	for k, c := range cases {
		m, err := influence.New(c.p, influence.Setup{Graph: g, Initial: x0, Seed: 1, Workers: c.workers})
		if err != nil {
			return nil, "", err
		}
		ms[k], xs[k] = m, slices.Clone(x0)
		m.Step(1, xs[k])
	}
	for t := 2; t < 2+steps; t++ {
		for k, m := range ms {
			c0, t0 := cpuSeconds(), time.Now()
			m.Step(t, xs[k])
			ds[k] = append(ds[k], time.Since(t0))
			cpu[k] += cpuSeconds() - c0
		}
	}
	timeC("after")
	measured := cerr == nil && len(cRuns["degroot"]) == 2 && len(cRuns["bc"]) == 2
	if measured {
		note = fmt.Sprintf("C reference built with gcc and run in this bench, 1 thread, median of %d × %d steps, before and after the Go kernels: degroot %.1f and %.1f ns, bc %.1f and %.1f ns",
			cKernelReps, steps, cRuns["degroot"][0], cRuns["degroot"][1], cRuns["bc"][0], cRuns["bc"][1])
	} else {
		note = fmt.Sprintf("C reference NOT run (%v): ratios use the constants C DeGroot %g–%g, bounded confidence %g–%g ns", cerr, CDeGrootLow, CDeGrootHigh, CBoundedLow, CBoundedHigh)
	}
	var out []Kernel
	for k, c := range cases {
		ns := float64(median(ds[k]).Nanoseconds()) / float64(n)
		var wall time.Duration
		for _, d := range ds[k] {
			wall += d
		}
		ref := c.c
		if measured {
			ref = (cRuns[c.variant][0] + cRuns[c.variant][1]) / 2
		}
		kn := Kernel{Model: c.p.Model, Workers: c.workers, NsPerAgentStep: ns,
			MinNs: float64(slices.Min(ds[k]).Nanoseconds()) / float64(n), CMid: ref, CMeasured: measured, CVariant: c.variant,
			Ratio: ns / ref, CoresUsed: cpu[k] / wall.Seconds()}
		if cc := cCPU[c.variant]; measured && cpu[k] > 0 && cc[0] > 0 && cc[1] > 0 {
			kn.CPUNs = cpu[k] * 1e9 / float64(len(ds[k])*n)
			kn.CCPUNs = (cc[0] + cc[1]) / 2
			kn.CPURatio = kn.CPUNs / kn.CCPUNs
		}
		out = append(out, kn)
	}
	return out, note, nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// targets checks issue 11's targets against the report.
func targets(r *Report) []Target {
	var ts []Target
	at := func(want int) string {
		if r.Agents != want {
			return fmt.Sprintf("measured at %d agents; the target is for %d", r.Agents, want)
		}
		return ""
	}
	add := func(t Target) {
		if t.Less {
			t.Pass = t.Value <= t.Limit
		} else {
			t.Pass = t.Value >= t.Limit
		}
		ts = append(ts, t)
	}
	var dg1, dgAll, df1 *Kernel
	for i := range r.Kernels {
		k := &r.Kernels[i]
		switch {
		case k.Model == "degroot" && k.Workers == 1:
			dg1 = k
		case k.Model == "degroot":
			dgAll = k
		case k.Model == "deffuant":
			df1 = k
		}
	}
	cNote := func(k *Kernel) string {
		if k.CMeasured {
			s := fmt.Sprintf("%.1f ns/agent-step; C %s %.1f, measured in this run", k.NsPerAgentStep, k.CVariant, k.CMid)
			if k.CPURatio > 0 {
				s += fmt.Sprintf("; CPU time %.2f×C (%.1f vs %.1f ns)", k.CPURatio, k.CPUNs, k.CCPUNs)
			}
			return s
		}
		return fmt.Sprintf("%.1f ns/agent-step; C %s %.1f (constant: C not run)", k.NsPerAgentStep, k.CVariant, k.CMid)
	}
	if dg1 != nil {
		add(Target{Name: "DeGroot step, 1 worker, vs C", Value: dg1.Ratio, Limit: targetKernelRatio, Unit: "×C", Less: true,
			Note: join(cNote(dg1), at(targetAgents))})
	}
	if df1 != nil {
		add(Target{Name: "Deffuant step, 1 worker, vs C bounded confidence", Value: df1.Ratio, Limit: targetKernelRatio, Unit: "×C", Less: true,
			Note: join(cNote(df1), at(targetAgents))})
	}
	// Issue 19: the whole run against the bare kernel of the same model
	// (meaningful when the scenario runs that model on a random graph of
	// degree 16, like the kernels).
	for _, k := range []*Kernel{dg1, df1} {
		if k != nil && k.Model == r.Influence && len(r.Throughput) > 0 {
			tp := r.Throughput[0]
			add(Target{Name: fmt.Sprintf("whole run per arm, 1 worker, vs bare %s kernel", k.Model), Value: tp.NsPerAgentStep / k.NsPerAgentStep,
				Limit: targetRunOverKernel, Unit: "×", Less: true,
				Note: join(fmt.Sprintf("%.1f vs %.1f ns/agent-step; set-up excluded; the kernel's graph is random, degree %d", tp.NsPerAgentStep, k.NsPerAgentStep, kernelDegree), at(targetAgents))})
		}
	}
	for _, a := range r.StepPhases {
		if sim.IsControl(a.Strategy) {
			add(Target{Name: "control arm response (organic conversions)", Value: a.Response, Limit: targetOrganicNs, Unit: "ns", Less: true,
				Note: join(fmt.Sprintf("arm %s, 1 worker, ns/agent-step", a.Arm), at(targetAgents))})
			break
		}
	}
	if dg1 != nil && dgAll != nil {
		add(Target{Name: fmt.Sprintf("DeGroot step, %d workers vs 1", dgAll.Workers), Value: dg1.NsPerAgentStep / dgAll.NsPerAgentStep,
			Limit: targetParallelSpeedup, Unit: "×", Note: join(fmt.Sprintf("cores used %.2f", dgAll.CoresUsed), at(targetAgents))})
	}
	if len(r.Throughput) > 1 {
		how := fmt.Sprintf("%d arms in parallel", len(r.Arms))
		if len(r.Arms) < r.Throughput[1].Workers {
			how = fmt.Sprintf("%d arm(s), the spare workers inside each arm (influence, metrics)", len(r.Arms))
		}
		add(Target{Name: fmt.Sprintf("whole run, %d workers vs 1", r.Throughput[1].Workers), Value: r.Speedup,
			Limit: targetParallelSpeedup, Unit: "×", Note: fmt.Sprintf("%s; cores used %.2f; set-up excluded", how, r.Throughput[1].CoresUsed)})
	}
	last := r.Throughput[len(r.Throughput)-1]
	cDeGroot := CDeGrootMid
	if dg1 != nil {
		cDeGroot = dg1.CMid // measured in this run when gcc was there
	}
	add(Target{Name: fmt.Sprintf("campaign step per arm, %d worker(s), vs C DeGroot", last.Workers), Value: last.NsPerAgentStep / cDeGroot,
		Limit: targetCampaignRatio, Unit: "×C", Less: true,
		Note: join(fmt.Sprintf("%.1f ns/agent-step, %.1f s per arm per 100 steps", last.NsPerAgentStep, last.SecondsPerArm100), at(targetAgents))})
	add(Target{Name: "setup incl. trained inference", Value: r.SetupSeconds, Limit: targetSetupSeconds, Unit: "s", Less: true, Note: at(targetAgents)})
	add(Target{Name: "peak memory per agent (runtime total)", Value: r.Memory.PeakTotalPerAgent, Limit: targetBytesPerAgent, Unit: "B", Less: true,
		Note: fmt.Sprintf("peak heap %.0f B, retained %.0f B", r.Memory.PeakHeapPerAgent, r.Memory.RetainedPerAgent)})
	return ts
}

func join(a, b string) string {
	if b == "" {
		return a
	}
	return a + "; " + b
}

// sampler keeps the peak of two runtime/metrics values.
type sampler struct {
	done      chan struct{}
	wg        sync.WaitGroup
	heap, tot atomic.Uint64
	stopOnce  sync.Once
}

func startSampler() *sampler {
	s := &sampler{done: make(chan struct{})}
	s.sample()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		tk := time.NewTicker(memorySampleEvery)
		defer tk.Stop()
		for {
			select {
			case <-s.done:
				return
			case <-tk.C:
				s.sample()
			}
		}
	}()
	return s
}

func (s *sampler) sample() {
	ms := []metrics.Sample{{Name: heapMetric}, {Name: totalMetric}}
	metrics.Read(ms)
	for i, p := range []*atomic.Uint64{&s.heap, &s.tot} {
		if ms[i].Value.Kind() != metrics.KindUint64 {
			continue
		}
		v := ms[i].Value.Uint64()
		for {
			old := p.Load()
			if v <= old || p.CompareAndSwap(old, v) {
				break
			}
		}
	}
}

// stop ends sampling and returns the peaks.
func (s *sampler) stop() (heap, total uint64) {
	s.stopOnce.Do(func() {
		s.sample()
		close(s.done)
		s.wg.Wait()
	})
	return s.heap.Load(), s.tot.Load()
}

func readHeap() uint64 {
	ms := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(ms)
	if ms[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return ms[0].Value.Uint64()
}

func machine() Machine {
	return Machine{
		GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, GoVersion: runtime.Version(),
		NumCPU: runtime.NumCPU(), GOMAXPROCS: runtime.GOMAXPROCS(0),
		LoadBefore: loadAverage(), Time: time.Now().UTC().Format(time.RFC3339),
	}
}

// loadAverage reads /proc/loadavg (zeros where there is none).
func loadAverage() [3]float64 {
	var l [3]float64
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return l
	}
	fmt.Sscan(strings.TrimSpace(string(b)), &l[0], &l[1], &l[2])
	return l
}
