package footprint

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// forChunks calls f(lo, hi) for consecutive chunks [lo, hi) of [0, n),
// chunk items each, on up to workers goroutines (≤ 0: GOMAXPROCS). Every
// chunk is processed by exactly one goroutine, which may keep per-worker
// scratch space: newWorker is called once per goroutine and its result is
// passed to f. Results must not depend on which goroutine runs a chunk.
func forChunks[W any](n, chunk, workers int, newWorker func() W, f func(w W, lo, hi int)) {
	if n <= 0 {
		return
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	chunks := (n + chunk - 1) / chunk
	workers = min(workers, chunks)
	if workers == 1 {
		w := newWorker()
		for lo := 0; lo < n; lo += chunk {
			f(w, lo, min(lo+chunk, n))
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newWorker()
			for {
				c := int(next.Add(1) - 1)
				if c >= chunks {
					return
				}
				f(w, c*chunk, min((c+1)*chunk, n))
			}
		}()
	}
	wg.Wait()
}
