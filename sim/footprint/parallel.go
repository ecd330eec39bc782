package footprint

import "boomerang/sim/par"

// forChunks calls f(lo, hi) for consecutive chunks [lo, hi) of [0, n),
// chunk items each, on up to workers goroutines (≤ 0: GOMAXPROCS; see
// par.Each). Every chunk is processed by exactly one goroutine, which may
// keep per-worker scratch space: newWorker is called once per goroutine
// and its result is passed to f. Results must not depend on which
// goroutine runs a chunk.
func forChunks[W any](n, chunk, workers int, newWorker func() W, f func(w W, lo, hi int)) {
	if n <= 0 {
		return
	}
	chunks := (n + chunk - 1) / chunk
	scratch := make([]W, par.Workers(chunks, workers))
	for k := range scratch {
		scratch[k] = newWorker()
	}
	par.Each(chunks, workers, func(k, c int) {
		f(scratch[k], c*chunk, min((c+1)*chunk, n))
	})
}
