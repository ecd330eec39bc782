package par

import (
	"sync/atomic"
	"testing"
)

// Every index is visited exactly once, by a worker in range, whatever the
// number of workers asked for.
func TestEachVisitsEveryIndexOnce(t *testing.T) {
	for _, workers := range []int{-1, 0, 1, 2, 7, 100} {
		const n = 1000
		var seen [n]atomic.Int32
		var badWorker atomic.Bool
		nw := Workers(n, workers)
		Each(n, workers, func(w, i int) {
			if w < 0 || w >= nw {
				badWorker.Store(true)
			}
			seen[i].Add(1)
		})
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Fatalf("workers=%d: index %d visited %d times", workers, i, c)
			}
		}
		if badWorker.Load() {
			t.Errorf("workers=%d: a worker index outside [0, %d)", workers, nw)
		}
	}
	Each(0, 4, func(int, int) { t.Error("called for n = 0") })
}

func TestWorkers(t *testing.T) {
	if Workers(3, 8) != 3 || Workers(100, 2) != 2 || Workers(0, 4) != 1 || Workers(10, 0) < 1 {
		t.Errorf("Workers: %d %d %d %d", Workers(3, 8), Workers(100, 2), Workers(0, 4), Workers(10, 0))
	}
}
