package network

import (
	"fmt"
	"slices"
)

// Validate checks the CSR invariants: N+1 non-decreasing offsets from 0 to
// len(Adj), neighbour ids in [0, N), lists strictly ascending (so no
// duplicates), no self-loops, and every tie present in both directions.
// A complete graph must have no arrays. It returns the first violation.
func (g *Graph) Validate() error {
	if g.N < 0 {
		return fmt.Errorf("network: N = %d", g.N)
	}
	if g.Complete {
		if g.Offsets != nil || g.Adj != nil {
			return fmt.Errorf("network: complete graph with materialised arrays")
		}
		return nil
	}
	if len(g.Offsets) != g.N+1 {
		return fmt.Errorf("network: %d offsets for %d agents, want %d", len(g.Offsets), g.N, g.N+1)
	}
	if g.Offsets[0] != 0 || g.Offsets[g.N] != int64(len(g.Adj)) {
		return fmt.Errorf("network: offsets run from %d to %d, want 0 to %d", g.Offsets[0], g.Offsets[g.N], len(g.Adj))
	}
	for i := 0; i < g.N; i++ {
		if g.Offsets[i+1] < g.Offsets[i] {
			return fmt.Errorf("network: offsets decrease at agent %d", i)
		}
		l := g.Neighbours(i)
		for k, j := range l {
			switch {
			case j < 0 || int(j) >= g.N:
				return fmt.Errorf("network: agent %d has neighbour %d outside [0, %d)", i, j, g.N)
			case int(j) == i:
				return fmt.Errorf("network: agent %d is its own neighbour", i)
			case k > 0 && l[k-1] >= j:
				return fmt.Errorf("network: neighbours of agent %d not strictly ascending (%d then %d)", i, l[k-1], j)
			}
		}
	}
	for i := 0; i < g.N; i++ {
		for _, j := range g.Neighbours(i) {
			if _, ok := slices.BinarySearch(g.Neighbours(int(j)), int32(i)); !ok {
				return fmt.Errorf("network: tie %d→%d has no reverse %d→%d", i, j, j, i)
			}
		}
	}
	return nil
}
