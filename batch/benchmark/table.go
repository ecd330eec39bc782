package benchmark

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteTable prints the report as aligned tables.
func WriteTable(w io.Writer, r *Report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	m := r.Machine
	fmt.Fprintf(w, "boomerang bench: %s, %d agents, %d steps, %d impressions per step, arms %v, influence %s\n", r.Scenario, r.Agents, r.Steps, r.Budget, r.Arms, r.Influence)
	fmt.Fprintf(w, "machine: %s/%s %s, %d CPUs, GOMAXPROCS %d; load average %.2f %.2f %.2f before, %.2f %.2f %.2f after\n\n",
		m.GOOS, m.GOARCH, m.GoVersion, m.NumCPU, m.GOMAXPROCS,
		m.LoadBefore[0], m.LoadBefore[1], m.LoadBefore[2], m.LoadAfter[0], m.LoadAfter[1], m.LoadAfter[2])

	fmt.Fprintln(w, "Setup (all workers)")
	fmt.Fprintln(tw, "phase\tseconds\tns/agent\tshare\t")
	for _, p := range r.Setup {
		share := ""
		if r.SetupSeconds > 0 && p.Name != phaseRunStarted {
			share = fmt.Sprintf("%.0f %%", 100*p.Seconds/r.SetupSeconds)
		}
		fmt.Fprintf(tw, "%s\t%.3f\t%.0f\t%s\t\n", p.Name, p.Seconds, p.NsPerAgent, share)
	}
	tw.Flush()

	fmt.Fprintf(w, "\nStep by phase, 1 worker, ns per agent-step (first step, with one-off set-up: %.3f s)\n", r.FirstStepSeconds)
	fmt.Fprintln(tw, "arm\tstrategy\tplan\tresponse\tinfluence\ttotal\t")
	for _, a := range r.StepPhases {
		fmt.Fprintf(tw, "%s\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t\n", a.Arm, a.Strategy, a.Plan, a.Response, a.Influence, a.Total)
	}
	fmt.Fprintf(tw, "metrics\t(per arm)\t\t\t\t%.1f\t\n", r.MetricsNs)
	tw.Flush()

	fmt.Fprintln(w, "\nThroughput (whole run, every arm; median of the timed steps)")
	fmt.Fprintln(tw, "workers\tstep ms (median)\tstep ms (min)\tns/agent-step/arm\tagent-steps/s\ts per arm per 100 steps\tcores used\t")
	for _, t := range r.Throughput {
		fmt.Fprintf(tw, "%d\t%.1f\t%.1f\t%.1f\t%.3g\t%.2f\t%.2f\t\n", t.Workers, t.MedianStepMs, t.MinStepMs, t.NsPerAgentStep, t.AgentStepsPerSec, t.SecondsPerArm100, t.CoresUsed)
	}
	tw.Flush()
	fmt.Fprintf(w, "speed-up, all workers over one: %.2f× (cores used: CPU time / wall time; near 1 with all workers = other load took the other cores)\n", r.Speedup)

	if len(r.Kernels) > 0 {
		fmt.Fprintf(w, "\nInfluence kernels (random graph, %d agents, mean degree %d; median of the timed steps)\n", r.Agents, kernelDegree)
		fmt.Fprintln(tw, "model\tworkers\tns/agent-step\tmin\tC\tC kernel\tratio\tcores used\tCPU ns\tC CPU ns\tCPU ratio\t")
		for _, k := range r.Kernels {
			fmt.Fprintf(tw, "%s\t%d\t%.1f\t%.1f\t%.1f\t%s\t%.2f×\t%.2f\t%.1f\t%.1f\t%.2f×\t\n", k.Model, k.Workers, k.NsPerAgentStep, k.MinNs, k.CMid, k.CVariant, k.Ratio, k.CoresUsed, k.CPUNs, k.CCPUNs, k.CPURatio)
		}
		tw.Flush()
		fmt.Fprintln(w, r.CKernel)
		fmt.Fprintln(w, "CPU ns: CPU time per agent-step (all workers), which does not count time other processes held the core: the steadier ratio on a loaded machine.")
		fmt.Fprintln(w, "Deffuant, voter and algorithmic bias are sequential by definition (one encounter after another) and run on one worker; their replications and arms fill the cores.")
	}

	mm := r.Memory
	fmt.Fprintln(w, "\nMemory (runtime/metrics, sampled every 2 ms)")
	fmt.Fprintln(tw, "what\tMiB\tbytes/agent\t")
	fmt.Fprintf(tw, "peak heap objects\t%.1f\t%.0f\t\n", float64(mm.PeakHeapBytes)/(1<<20), mm.PeakHeapPerAgent)
	fmt.Fprintf(tw, "peak runtime total (≈ Sys)\t%.1f\t%.0f\t\n", float64(mm.PeakTotalBytes)/(1<<20), mm.PeakTotalPerAgent)
	fmt.Fprintf(tw, "retained heap, world + 1 run\t%.1f\t%.0f\t\n", float64(mm.RetainedBytes)/(1<<20), mm.RetainedPerAgent)
	tw.Flush()

	if len(r.Figures) > 0 {
		fmt.Fprintln(w, "\nOther figures")
		fmt.Fprintln(tw, "what\tvalue\tunit\tnote\t")
		for _, f := range r.Figures {
			fmt.Fprintf(tw, "%s\t%.3g\t%s\t%s\t\n", f.Name, f.Value, f.Unit, f.Note)
		}
		tw.Flush()
	}

	fmt.Fprintln(w, "\nTargets (issues 11 and 19)")
	fmt.Fprintln(tw, "target\tmeasured\tlimit\t\tnote\t")
	for _, t := range r.Targets {
		ok := "MISS"
		if t.Pass {
			ok = "ok"
		}
		op := "≥"
		if t.Less {
			op = "≤"
		}
		fmt.Fprintf(tw, "%s\t%.3g %s\t%s %.3g\t%s\t%s\t\n", t.Name, t.Value, t.Unit, op, t.Limit, ok, t.Note)
	}
	return tw.Flush()
}
