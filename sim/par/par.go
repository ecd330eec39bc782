// Package par is the engine's one parallel loop: the population, network,
// footprint and layout builders hand it indexes (agents, chunks) to share
// out over goroutines. Results must not depend on which goroutine takes
// an index, so that a build is the same for any number of workers.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers is how many goroutines Each uses for n indexes when asked for
// workers: GOMAXPROCS for workers ≤ 0, never more than n, at least 1.
func Workers(n, workers int) int {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return max(1, min(workers, n))
}

// Each calls f(worker, i) once for every i in [0, n), on Workers(n,
// workers) goroutines that take the next index as they finish one (so an
// uneven workload still spreads). worker, in [0, Workers(n, workers)),
// names the goroutine, so f may keep per-goroutine scratch. With one
// worker the loop runs in order on the calling goroutine. Each returns
// when every call has.
func Each(n, workers int, f func(worker, i int)) {
	if n <= 0 {
		return
	}
	workers = Workers(n, workers)
	if workers == 1 {
		for i := range n {
			f(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(w, i)
			}
		}()
	}
	wg.Wait()
}
