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

// SummaryHeader is the header of summary.csv: one row per arm and metric,
// over replications, at the final step.
var summaryHeader = "arm,metric,mean,sd,ci_low,ci_high,n,diff_vs_control,diff_ci_low,diff_ci_high\n"

// WriteSummary writes summary.csv from all replications: for each arm and
// metric at the final step, the mean over replications with a 95 % t
// confidence interval, and the paired difference to the control arm
// (twins share a world, so arm − control is computed within each
// replication before averaging). Cells that are undefined stay empty.
func WriteSummary(w io.Writer, reps []RepResult) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(summaryHeader)
	if len(reps) == 0 {
		return bw.Flush()
	}
	arms := reps[0].Result.Arms
	control := -1
	for i, a := range arms {
		if a.Strategy == "none" {
			control = i
			break
		}
	}
	for ai, arm := range arms {
		for _, c := range sim.MetricColumns() {
			var vals, diffs []float64
			for _, rep := range reps {
				s := rep.Result.Arms[ai].Series
				v := c.Value(&s[len(s)-1])
				if !math.IsNaN(v) {
					vals = append(vals, v)
				}
				if control >= 0 {
					cs := rep.Result.Arms[control].Series
					if d := v - c.Value(&cs[len(cs)-1]); !math.IsNaN(d) {
						diffs = append(diffs, d)
					}
				}
			}
			mean, sd, lo, hi := meanCI(vals)
			dmean, _, dlo, dhi := meanCI(diffs)
			row := []string{csvField(arm.Name), c.Name, formatFloat(mean), formatFloat(sd),
				formatFloat(lo), formatFloat(hi), strconv.Itoa(len(vals)),
				formatFloat(dmean), formatFloat(dlo), formatFloat(dhi)}
			for i, f := range row {
				if i > 0 {
					bw.WriteByte(',')
				}
				bw.WriteString(f)
			}
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
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
