//go:build linux

package influence

import (
	"runtime"
	"syscall"
	"testing"
	"time"

	"boomerang/sim/network"
	"boomerang/sim/rng"
)

// BenchmarkPairwiseLocality measures what neighbour locality is worth
// (issue 19, item 3): a small-world graph (ring lattice of degree 16, 10 %
// rewired; network.Build) in its own ring order, where most partners sit
// within a few ids of the initiator, against the same graph with its ids
// randomly permuted (seed 1) — the order a renumbering (BFS/RCM) would
// have to undo — at 1M agents. Each iteration steps both copies in turn,
// one worker, and reports the thread's CPU time per agent-step of each
// (CPU time: on the shared machine wall time mostly measures other
// processes), so the ratio permuted ÷ ring order is what locality gains.
//
//	go test -run '^$' -bench PairwiseLocality -benchtime 5x ./sim/influence/
func BenchmarkPairwiseLocality(b *testing.B) {
	const n = 1_000_000
	ring, err := network.Build(network.Params{Kind: network.KindSmallWorld, Degree: 16, Rewire: 0.1}, n, network.Attributes{}, 1, 0)
	if err != nil {
		b.Fatal(err)
	}
	shuffled := relabel(ring, rng.New(1, rng.Network, 0, 0).Perm(n))
	for _, p := range []Params{{Model: "deffuant", Epsilon: 0.4, Mu: 0.3}, {Model: "algorithmic-bias", Epsilon: 0.4, Mu: 0.3, Gamma: 1.5}, {Model: "degroot"}} {
		b.Run(p.Model, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			gs := []*network.Graph{ring, shuffled}
			xs := [][]float32{uniformOpinions(n, 1), uniformOpinions(n, 1)}
			ms := []Model{mustNew(b, p, Setup{Graph: ring, Initial: xs[0], Seed: 1}), mustNew(b, p, Setup{Graph: shuffled, Initial: xs[1], Seed: 1})}
			var cpu [2]time.Duration
			t := 0
			for b.Loop() {
				t++
				for k := range gs {
					c0 := threadCPU()
					ms[k].Step(t, xs[k])
					cpu[k] += threadCPU() - c0
				}
			}
			ring, perm := float64(cpu[0])/float64(b.N*n), float64(cpu[1])/float64(b.N*n)
			b.ReportMetric(ring, "ring-cpu-ns/agent-step")
			b.ReportMetric(perm, "permuted-cpu-ns/agent-step")
			b.ReportMetric(perm/ring, "permuted/ring")
		})
	}
}

// threadCPU is the calling thread's CPU time (user + system).
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1, &ru); err != nil { // RUSAGE_THREAD
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// relabel returns g with agent i renamed perm[i] (lists sorted).
func relabel(g *network.Graph, perm []int) *network.Graph {
	var edges [][2]int32
	for i := range g.N {
		for _, j := range g.Neighbours(i) {
			if int(j) > i {
				edges = append(edges, [2]int32{int32(perm[i]), int32(perm[j])})
			}
		}
	}
	return fromEdges(g.N, edges)
}
