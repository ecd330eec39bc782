//go:build !unix

package sim

// cpuNanos is 0 where the process's CPU time is not known.
func cpuNanos() int64 { return 0 }
