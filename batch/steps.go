package batch

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"boomerang/sim"
)

// StepsHeader returns the header of steps.csv: arm, rep, seed, step, then
// the metric columns of sim.MetricColumns.
func StepsHeader() []string {
	h := []string{"arm", "rep", "seed", "step"}
	for _, c := range sim.MetricColumns() {
		h = append(h, c.Name)
	}
	return h
}

// WriteStepsHeader writes the header line of steps.csv.
func WriteStepsHeader(w io.Writer) error {
	_, err := io.WriteString(w, strings.Join(StepsHeader(), ",")+"\n")
	return err
}

// WriteSteps writes one row per arm × step of a replication (arms in
// scenario order, steps ascending).
func WriteSteps(w io.Writer, rep RepResult) error {
	bw := bufio.NewWriter(w)
	writeRows(bw, "", rep)
	return bw.Flush()
}

// rowWriter is what writeRows writes to (*bufio.Writer, *bytes.Buffer).
type rowWriter interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
}

// writeRows writes the rows of WriteSteps, each starting with prefix (a
// sweep's "point,<values>," or nothing).
func writeRows(bw rowWriter, prefix string, rep RepResult) {
	cols := sim.MetricColumns()
	seed := strconv.FormatUint(rep.Seed, 10)
	r := strconv.Itoa(rep.Rep)
	for _, arm := range rep.Result.Arms {
		name := csvField(arm.Name)
		for i := range arm.Series {
			m := &arm.Series[i]
			bw.WriteString(prefix)
			bw.WriteString(name)
			bw.WriteByte(',')
			bw.WriteString(r)
			bw.WriteByte(',')
			bw.WriteString(seed)
			bw.WriteByte(',')
			bw.WriteString(strconv.Itoa(m.Step))
			for _, c := range cols {
				bw.WriteByte(',')
				bw.WriteString(formatFloat(c.Value(m)))
			}
			bw.WriteByte('\n')
		}
	}
}

// csvField quotes s if it contains a comma, quote or newline (RFC 4180).
func csvField(s string) string {
	if !strings.ContainsAny(s, ",\"\n\r") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
