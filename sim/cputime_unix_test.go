//go:build unix

package sim

import "syscall"

// cpuNanos is the process's user + system CPU time in ns (0 if unknown):
// benchmarks report it beside the wall time, which on a shared machine
// counts other processes' time slices.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
