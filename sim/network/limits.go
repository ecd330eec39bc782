package network

// DegreeFits reports whether the mean degree d is allowed for a network
// of the given kind over n agents: above 0 and below n. A complete graph,
// a network read from a file and a single agent have no degree to set.
// (network.rewire and network.homophily declare their limits in their
// struct tags, read by package sim/limits.)
func DegreeFits(kind string, d float64, n int) bool {
	if kind == KindComplete || kind == KindFile || n <= 1 {
		return true
	}
	return d > 0 && d < float64(n)
}
