package batch

import (
	"bufio"
	"io"
	"math"
	"strconv"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"boomerang/sim"
)

// summaryHeader is the header of summary.csv: one row per arm and metric,
// over replications, at the final step. A sweep's summary.csv puts point
// and the varied keys in front.
const summaryHeader = "arm,metric,mean,sd,ci_low,ci_high,n,diff_vs_control,diff_ci_low,diff_ci_high"

// Stat summarises one metric of one arm at the final step over
// replications. Undefined values are NaN.
type Stat struct {
	Mean, SD, Lo, Hi float64 // mean, sample sd, 95 % Student-t interval of the mean
	N                int     // replications with a defined value
	// Diff is the paired difference to the control arm (arm − control
	// within each replication, then averaged) with its 95 % interval.
	Diff, DiffLo, DiffHi float64
}

// Finals are the values of every metric of every arm at the final step of
// one replication: Finals[arm][metric], metrics in sim.MetricColumns order.
type Finals [][]float64

// finalsOf extracts the final-step values of a replication.
func finalsOf(res sim.Result) Finals {
	cols := sim.MetricColumns()
	out := make(Finals, len(res.Arms))
	for a, arm := range res.Arms {
		out[a] = make([]float64, len(cols))
		last := &arm.Series[len(arm.Series)-1]
		for m, c := range cols {
			out[a][m] = c.Value(last)
		}
	}
	return out
}

// Summarise computes Stats[arm][metric] from the finals of each
// replication; control is the control arm's index or −1 (no differences).
func Summarise(reps []Finals, arms, control int) [][]Stat {
	metrics := len(sim.MetricColumns())
	out := make([][]Stat, arms)
	vals := make([]float64, 0, len(reps))
	diffs := make([]float64, 0, len(reps))
	for a := range out {
		out[a] = make([]Stat, metrics)
		for m := range metrics {
			vals, diffs = vals[:0], diffs[:0]
			for _, f := range reps {
				v := f[a][m]
				if !math.IsNaN(v) {
					vals = append(vals, v)
				}
				if control >= 0 {
					if d := v - f[control][m]; !math.IsNaN(d) {
						diffs = append(diffs, d)
					}
				}
			}
			st := &out[a][m]
			st.Mean, st.SD, st.Lo, st.Hi = meanCI(vals)
			st.N = len(vals)
			st.Diff, _, st.DiffLo, st.DiffHi = meanCI(diffs)
		}
	}
	return out
}

// RunSummary returns the arms, their strategies, the control arm's index
// and Stats[arm][metric] of a batch of replications (as in summary.csv).
func RunSummary(reps []RepResult) (arms, strategies []string, control int, stats [][]Stat) {
	control = -1
	if len(reps) == 0 {
		return nil, nil, control, nil
	}
	for i, a := range reps[0].Result.Arms {
		arms = append(arms, a.Name)
		strategies = append(strategies, a.Strategy)
		if sim.IsControl(a.Strategy) && control < 0 {
			control = i
		}
	}
	finals := make([]Finals, len(reps))
	for i, r := range reps {
		finals[i] = finalsOf(r.Result)
	}
	return arms, strategies, control, Summarise(finals, len(arms), control)
}

// WriteSummary writes summary.csv from all replications: for each arm and
// metric at the final step, the mean over replications with a 95 % t
// confidence interval, and the paired difference to the control arm
// (twins share a world, so arm − control is computed within each
// replication before averaging). Cells that are undefined stay empty.
func WriteSummary(w io.Writer, reps []RepResult) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(summaryHeader + "\n")
	arms, _, _, stats := RunSummary(reps)
	writeSummaryRows(bw, "", arms, stats)
	return bw.Flush()
}

// writeSummaryRows writes one summary.csv row per arm and metric, each
// starting with prefix.
func writeSummaryRows(bw *bufio.Writer, prefix string, arms []string, stats [][]Stat) {
	cols := sim.MetricColumns()
	for a, arm := range arms {
		for m, c := range cols {
			st := stats[a][m]
			row := []string{csvField(arm), c.Name, formatFloat(st.Mean), formatFloat(st.SD),
				formatFloat(st.Lo), formatFloat(st.Hi), strconv.Itoa(st.N),
				formatFloat(st.Diff), formatFloat(st.DiffLo), formatFloat(st.DiffHi)}
			bw.WriteString(prefix)
			for i, f := range row {
				if i > 0 {
					bw.WriteByte(',')
				}
				bw.WriteString(f)
			}
			bw.WriteByte('\n')
		}
	}
}

// meanCI returns the mean, the sample sd and the 95 % Student-t confidence
// interval of the mean; sd and the interval are NaN with fewer than two
// values, everything is NaN with none.
func meanCI(x []float64) (mean, sd, lo, hi float64) {
	nan := math.NaN()
	switch len(x) {
	case 0:
		return nan, nan, nan, nan
	case 1:
		return x[0], nan, nan, nan
	}
	mean, sd = stat.MeanStdDev(x, nil)
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(len(x) - 1)}.Quantile(0.975)
	half := t * sd / math.Sqrt(float64(len(x)))
	return mean, sd, mean - half, mean + half
}
