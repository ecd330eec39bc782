package footprint

import (
	"math"
	"slices"
)

// pearson returns the Pearson correlation of x and y (NaN if either is
// constant or there are fewer than 3 pairs).
func pearson(x, y []float64) float64 {
	n := float64(len(x))
	if len(x) < 3 {
		return math.NaN()
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

// corrAcc accumulates the sums of a Pearson correlation in one pass.
type corrAcc struct{ n, sx, sy, sxx, syy, sxy float64 }

func (c *corrAcc) add(x, y float64) {
	c.n++
	c.sx += x
	c.sy += y
	c.sxx += x * x
	c.syy += y * y
	c.sxy += x * y
}

// r returns the correlation (NaN for fewer than 3 pairs or no variance).
func (c *corrAcc) r() float64 {
	if c.n < 3 {
		return math.NaN()
	}
	vx := c.sxx - c.sx*c.sx/c.n
	vy := c.syy - c.sy*c.sy/c.n
	if vx <= 0 || vy <= 0 {
		return math.NaN()
	}
	return (c.sxy - c.sx*c.sy/c.n) / math.Sqrt(vx*vy)
}

// aucKey packs a score and a label into one integer that sorts by score:
// the float32 score mapped to an order-preserving uint32 in the high half,
// the label in the lowest bit.
func aucKey(score float32, label bool) uint64 {
	b := math.Float32bits(score)
	if b&(1<<31) != 0 {
		b = ^b
	} else {
		b |= 1 << 31
	}
	k := uint64(b) << 32
	if label {
		k |= 1
	}
	return k
}

// aucKeys returns the area under the ROC curve of the packed keys (sorted
// in place): the Mann–Whitney U statistic divided by n₊·n₋, with tied
// scores given their average rank. O(n log n). NaN if a class is empty.
func aucKeys(keys []uint64) float64 {
	slices.Sort(keys)
	n := len(keys)
	var rankSum, pos float64
	for i := 0; i < n; {
		j, p := i, 0.0
		for j < n && keys[j]>>32 == keys[i]>>32 {
			p += float64(keys[j] & 1)
			j++
		}
		rankSum += p * float64(i+j+1) / 2 // ranks i+1 … j, averaged
		pos += p
		i = j
	}
	neg := float64(n) - pos
	if pos == 0 || neg == 0 {
		return math.NaN()
	}
	return (rankSum - pos*(pos+1)/2) / (pos * neg)
}

// auc returns the AUC of score (compared as float32) for label.
func auc(score []float64, label []bool) float64 {
	keys := make([]uint64, len(score))
	for i, s := range score {
		keys[i] = aucKey(float32(s), label[i])
	}
	return aucKeys(keys)
}

// logistic is the standard logistic function.
func logistic(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// fitLink fits P(y = 1) = logistic(a + b·s) by penalised Newton–Raphson
// (penalty 1e−3·b², which keeps b finite when the scores separate the
// classes perfectly) and returns a and b.
func fitLink(s []float64, y []bool) (a, b float64) {
	n, pos := float64(len(s)), 0.0
	for _, v := range y {
		if v {
			pos++
		}
	}
	a = math.Log((pos + 0.5) / (n - pos + 0.5))
	const pen = 1e-3
	for range 100 {
		var g0, g1, h00, h01, h11 float64
		for i, x := range s {
			p := logistic(a + b*x)
			t := 0.0
			if y[i] {
				t = 1
			}
			w := p * (1 - p)
			g0 += t - p
			g1 += (t - p) * x
			h00 += w
			h01 += w * x
			h11 += w * x * x
		}
		g1 -= pen * b
		h11 += pen
		h00 += 1e-9
		det := h00*h11 - h01*h01
		if det <= 0 {
			break
		}
		da := (h11*g0 - h01*g1) / det
		db := (h00*g1 - h01*g0) / det
		a += da
		b += db
		if math.Abs(da)+math.Abs(db) < 1e-10 {
			break
		}
	}
	return a, b
}

// isotonic returns the weighted least-squares non-decreasing fit to v
// (pool-adjacent-violators).
func isotonic(v, w []float64) []float64 {
	type block struct {
		sum, w float64
		n      int
	}
	var bs []block
	for i := range v {
		bs = append(bs, block{v[i] * w[i], w[i], 1})
		for len(bs) > 1 {
			a, b := bs[len(bs)-2], bs[len(bs)-1]
			if a.sum/a.w <= b.sum/b.w {
				break
			}
			bs = bs[:len(bs)-2]
			bs = append(bs, block{a.sum + b.sum, a.w + b.w, a.n + b.n})
		}
	}
	out := make([]float64, 0, len(v))
	for _, b := range bs {
		for range b.n {
			out = append(out, b.sum/b.w)
		}
	}
	return out
}
