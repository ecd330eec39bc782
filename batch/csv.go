package batch

import (
	"math"
	"strconv"
)

// formatFloat writes numbers the way pandas and R read them back exactly:
// integers without a decimal point, others in the shortest form that
// round-trips, NaN and infinities as an empty cell (missing).
func formatFloat(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return ""
	case v == math.Trunc(v) && math.Abs(v) < 1e15:
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
