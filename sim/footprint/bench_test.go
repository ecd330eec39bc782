package footprint

import (
	"sync"
	"testing"

	"boomerang/sim/network"
	"boomerang/sim/population"
)

// Benchmarks at one million agents, reported per agent:
//
//	go test -run '^$' -bench . -benchtime 3x ./sim/footprint/

const benchN = 1_000_000

var (
	benchOnce sync.Once
	benchPop  *population.Population
	benchFP   *Footprint
)

func benchWorld(b *testing.B) (*population.Population, *Footprint) {
	b.Helper()
	benchOnce.Do(func() {
		var err error
		benchPop, err = population.Generate(population.Params{Size: benchN, Regions: 12}, 1, 0)
		if err != nil {
			panic(err)
		}
		benchFP, err = Build(DefaultParams(), 0.7, benchPop, nil, 1, 0)
		if err != nil {
			panic(err)
		}
	})
	return benchPop, benchFP
}

// perAgent reports wall time per agent and the CPU seconds per operation
// (all cores together: on a busy machine wall time grows, CPU time much
// less). cpu0 is cpuSeconds() before the loop.
func perAgent(b *testing.B, cpu0 float64) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchN, "ns/agent")
	if c := cpuSeconds(); c > 0 {
		b.ReportMetric((c-cpu0)/float64(b.N), "cpu-s/op")
	}
}

// BenchmarkLikes1M: generating everyone's likes.
func BenchmarkLikes1M(b *testing.B) {
	pop, _ := benchWorld(b)
	c := NewCatalogue(DefaultParams().Pages)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuSeconds()
	var l *Likes
	for b.Loop() {
		l = GenerateLikes(c, pop, 1, 0)
	}
	perAgent(b, cpu0)
	b.ReportMetric(float64(len(l.Pages)*2+len(l.Offsets)*8)/benchN, "B/agent-stored")
}

// BenchmarkTrain1M: SVD of the sample and the cross-validated regressions.
func BenchmarkTrain1M(b *testing.B) {
	pop, f := benchWorld(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for b.Loop() {
		if _, err := Train(f.Params, f.Likes, &f.Visibility, pop, 1, 0); err != nil {
			b.Fatal(err)
		}
	}
	perAgent(b, cpu0)
}

// BenchmarkInfer1M: applying the model to everyone visible.
func BenchmarkInfer1M(b *testing.B) {
	_, f := benchWorld(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for b.Loop() {
		Infer(f.Model, f.Likes, &f.Visibility, 0)
	}
	perAgent(b, cpu0)
}

// BenchmarkEvaluate1M: the accuracy report.
func BenchmarkEvaluate1M(b *testing.B) {
	pop, f := benchWorld(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for b.Loop() {
		Evaluate(pop, f.Likes, &f.Visibility, f.Model, &f.Inferred)
	}
	perAgent(b, cpu0)
}

// BenchmarkBuild1M: everything — likes, visibility, training, inference
// and the accuracy report — as the engine calls it.
func BenchmarkBuild1M(b *testing.B) {
	pop, _ := benchWorld(b)
	g := &network.Graph{N: benchN, Complete: true}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for b.Loop() {
		if _, err := Build(DefaultParams(), 0.7, pop, g, 1, 0); err != nil {
			b.Fatal(err)
		}
	}
	perAgent(b, cpu0)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e9, "s/op")
}

// BenchmarkSee1M: drawing who the operator sees (consent, quiz, friends
// harvested over a random network of mean degree 16).
func BenchmarkSee1M(b *testing.B) {
	pop, _ := benchWorld(b)
	g, err := network.Build(network.Params{Kind: network.KindRandom, Degree: 16}, benchN, network.Attributes{}, 1, 0)
	if err != nil {
		b.Fatal(err)
	}
	p := DefaultParams()
	p.HarvestFriends = true
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for b.Loop() {
		See(pop, g, 0.7, p, 1)
	}
	perAgent(b, cpu0)
}
