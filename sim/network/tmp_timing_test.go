package network

import (
	"runtime"
	"syscall"
	"testing"
	"time"
)

func cpu() time.Duration {
	var r syscall.Rusage
	syscall.Getrusage(0, &r)
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}
func TestTmpTiming(t *testing.T) {
	for _, n := range []int{1_000_000, 2_000_000} {
		a := attrs(t, n)
		for _, p := range []Params{{Kind: "random", Degree: 16}, {Kind: "small-world", Degree: 16, Rewire: .1}, DefaultParams()} {
			for _, w := range []int{1, 2} {
				runtime.GC()
				t0 := time.Now()
				c0 := cpu()
				Build(p, n, a, 1, w)
				t.Logf("n=%d %s w=%d wall %v cpu %v", n, p.Kind, w, time.Since(t0), cpu()-c0)
			}
		}
	}
}
