package footprint

import (
	"math"
	"math/rand/v2"
	"testing"
)

// textbookAlias is Vose's (1991) construction as the likes built it before
// issue 19 (stacks in memory, scaled values updated in place): the
// reference groupAlias must reproduce bit for bit, since the likes'
// random stream reads its tables.
func textbookAlias(weight []float64) (prob []uint32, alias []uint16) {
	G := len(weight)
	total := 0.0
	for _, v := range weight {
		total += v
	}
	scale := float64(G) / total
	scaled := make([]float64, G)
	prob, alias = make([]uint32, G), make([]uint16, G)
	var small, large []uint16
	for g, v := range weight {
		scaled[g] = v * scale
		if scaled[g] < 1 {
			small = append(small, uint16(g))
		} else {
			large = append(large, uint16(g))
		}
	}
	for len(small) > 0 && len(large) > 0 {
		sm, lg := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		prob[sm] = uint32(scaled[sm] * (1 << 32))
		alias[sm] = lg
		scaled[lg] -= 1 - scaled[sm]
		if scaled[lg] < 1 {
			large = large[:len(large)-1]
			small = append(small, lg)
		}
	}
	for _, g := range append(small, large...) {
		prob[g], alias[g] = math.MaxUint32, g
	}
	return prob, alias
}

// TestGroupAliasMatchesTextbook: the register-carried construction gives
// the textbook tables exactly, for the catalogue's group count and for
// small, lopsided and uniform weight vectors.
func TestGroupAliasMatchesTextbook(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 400 {
		G := 1 + r.IntN(200)
		if trial%4 == 0 {
			G = len(NewCatalogue(1000).groups)
		}
		w := newLiker(&Catalogue{groups: make([]group, G)}, genPop(t, 1, 1))
		for g := range w.weight {
			switch trial % 3 {
			case 0:
				w.weight[g] = math.Exp(2 * r.NormFloat64()) // lopsided
			case 1:
				w.weight[g] = 1 // all equal: nothing is small
			default:
				w.weight[g] = r.Float64()
			}
		}
		w.groupAlias()
		prob, alias := textbookAlias(w.weight)
		for g := range G {
			if w.gprob[g] != prob[g] || w.galias[g] != alias[g] {
				t.Fatalf("trial %d, %d groups: group %d has (%d, %d), textbook (%d, %d)",
					trial, G, g, w.gprob[g], w.galias[g], prob[g], alias[g])
			}
		}
	}
}
