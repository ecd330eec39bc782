package influence

import (
	"fmt"
	"sync"
	"testing"

	"boomerang/sim/network"
)

// Benchmarks: one Step of each model on a random graph with mean degree 16
// (test-local G(n, m) generator, agents in random order), reported as
// ns/agent-step. Synchronous models also at workers = 2.
//
//	go test -run '^$' -bench . -benchtime 10x ./sim/influence/

var (
	benchGraphsMu sync.Mutex
	benchGraphs   = map[int]*network.Graph{}
)

// benchGraph builds (once per size) a random graph with mean degree 16.
func benchGraph(n int) *network.Graph {
	benchGraphsMu.Lock()
	defer benchGraphsMu.Unlock()
	if g, ok := benchGraphs[n]; ok {
		return g
	}
	g := randomGraph(n, 16, 1)
	benchGraphs[n] = g
	return g
}

func BenchmarkStep(b *testing.B) {
	models := []struct {
		p           Params
		synchronous bool
	}{
		{Params{Model: "degroot"}, true},
		{Params{Model: "friedkin-johnsen", Stubbornness: 0.2}, true},
		{Params{Model: "hegselmann-krause", Epsilon: 0.4}, true},
		{Params{Model: "deffuant", Epsilon: 0.4, Mu: 0.3}, false},
		{Params{Model: "voter"}, false},
		{Params{Model: "algorithmic-bias", Epsilon: 0.4, Mu: 0.3, Gamma: 1.5}, false},
	}
	for _, n := range []int{100_000, 1_000_000} {
		for _, c := range models {
			ws := []int{1}
			if c.synchronous {
				ws = []int{1, 2}
			}
			for _, w := range ws {
				b.Run(fmt.Sprintf("%s/n=%d/workers=%d", c.p.Model, n, w), func(b *testing.B) {
					benchStep(b, c.p, benchGraph(n), w)
				})
			}
		}
		// HK on an implicit complete graph: the sorted O(N) path.
		for _, w := range []int{1, 2} {
			b.Run(fmt.Sprintf("hegselmann-krause-complete/n=%d/workers=%d", n, w), func(b *testing.B) {
				benchStep(b, Params{Model: "hegselmann-krause", Epsilon: 0.1}, completeGraph(n), w)
			})
		}
	}
}

func benchStep(b *testing.B, p Params, g *network.Graph, workers int) {
	x := uniformOpinions(g.N, 1)
	m := mustNew(b, p, Setup{Graph: g, Initial: x, Seed: 1, Workers: workers})
	t := 0
	b.ReportAllocs()
	for b.Loop() {
		t++
		m.Step(t, x)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*g.N), "ns/agent-step")
}
