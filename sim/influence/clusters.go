package influence

import "slices"

// Cluster counting for the textbook results (tests, check-literature):
// sort the final opinions and cut wherever two consecutive ones are more
// than ClusterGap apart (single linkage on the [−1, 1] scale); a cluster
// holding at least MajorShare of the agents is major.
const (
	ClusterGap = 0.02
	MajorShare = 0.10
)

// Cluster is a group of agents with nearly the same opinion.
type Cluster struct {
	Size   int
	Centre float64
}

// Clusters returns the clusters of x, in opinion order, cutting where two
// consecutive sorted opinions are more than gap apart.
func Clusters(x []float32, gap float64) []Cluster {
	s := slices.Clone(x)
	slices.Sort(s)
	var out []Cluster
	start := 0
	for k := 1; k <= len(s); k++ {
		if k == len(s) || float64(s[k])-float64(s[k-1]) > gap {
			sum := 0.0
			for _, v := range s[start:k] {
				sum += float64(v)
			}
			out = append(out, Cluster{Size: k - start, Centre: sum / float64(k-start)})
			start = k
		}
	}
	return out
}

// MajorClusters returns the clusters (ClusterGap rule) holding at least
// MajorShare of the agents.
func MajorClusters(x []float32) []Cluster {
	var out []Cluster
	for _, c := range Clusters(x, ClusterGap) {
		if float64(c.Size) >= MajorShare*float64(len(x)) {
			out = append(out, c)
		}
	}
	return out
}

// FinalGroups splits the sorted opinions wherever consecutive ones are at
// least eps apart (float32 arithmetic, as in the pairwise models) and
// returns the group sizes in opinion order. Groups that far apart can never
// interact again under Deffuant-type updates, which keep every agent inside
// its group's hull; a group narrower than eps on a complete graph contracts
// to one point. frozen reports whether every group is narrower than eps,
// i.e. whether the final clusters are settled.
func FinalGroups(x []float32, eps float64) (sizes []int, frozen bool) {
	s := slices.Clone(x)
	slices.Sort(s)
	e := float32(eps)
	frozen = true
	start := 0
	for k := 1; k <= len(s); k++ {
		if k == len(s) || s[k]-s[k-1] >= e {
			sizes = append(sizes, k-start)
			if s[k-1]-s[start] >= e {
				frozen = false
			}
			start = k
		}
	}
	return sizes, frozen
}

// EffectiveClusters is the effective number of clusters (Σ s)² / Σ s² of
// Sîrbu et al. (2019): minor clusters count for little.
func EffectiveClusters(sizes []int) float64 {
	var sum, sq float64
	for _, s := range sizes {
		sum += float64(s)
		sq += float64(s) * float64(s)
	}
	return sum * sum / sq
}
