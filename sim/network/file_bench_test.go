package network

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"boomerang/sim/datafile"
)

// peakHeap runs f and returns the peak growth of heap memory in use
// (live and not yet collected objects) over the heap before it, sampled
// every millisecond from runtime/metrics (which does not stop the world).
func peakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak atomic.Uint64
	peak.Store(base)
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if v := read(); v > peak.Load() {
					peak.Store(v)
				}
			}
		}
	}()
	f()
	close(done)
	if v := read(); v > peak.Load() {
		peak.Store(v)
	}
	return peak.Load() - base
}

// writeEdgeList writes g as an edge list (every id on its own line, then
// one "i j" line per tie), as run --graph edgelist does.
func writeEdgeList(t testing.TB, g *Graph, path string) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	var buf []byte
	for i := 0; i < g.N; i++ {
		buf = strconv.AppendInt(buf[:0], int64(i), 10)
		w.Write(append(buf, '\n'))
	}
	for i := 0; i < g.N; i++ {
		for _, j := range g.Neighbours(i) {
			if int(j) > i {
				buf = strconv.AppendInt(buf[:0], int64(i), 10)
				buf = append(buf, ' ')
				buf = strconv.AppendInt(buf, int64(j), 10)
				w.Write(append(buf, '\n'))
			}
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// BenchmarkImportMillion (issue 22's acceptance): a random network of
// 1,000,000 people and about 8,000,000 ties is built in process, written
// as an edge list and imported again. It reports the import's seconds,
// the peak heap growth of the build and of the import and their ratio
// (must be ≤ 1.5), and checks that the imported graph is the built one.
// The machine is shared: it prints the load average with the numbers.
//
//	go test ./sim/network -run '^$' -bench ImportMillion -benchtime 1x
func BenchmarkImportMillion(b *testing.B) {
	const n = 1_000_000
	var g *Graph
	buildStart, buildCPU := time.Now(), cpuSeconds()
	buildPeak := peakHeap(func() {
		var err error
		g, err = Build(Params{Kind: KindRandom, Degree: 16}, n, Attributes{}, 1, 0)
		if err != nil {
			b.Fatal(err)
		}
	})
	buildSecs, buildCPUSecs := time.Since(buildStart).Seconds(), cpuSeconds()-buildCPU
	path := filepath.Join(b.TempDir(), "million.edges")
	writeEdgeList(b, g, path)
	st, _ := os.Stat(path)
	var imp *Imported
	b.ResetTimer()
	var importPeak uint64
	var secs, cpu float64
	for range b.N {
		imp = nil
		start, cpu0 := time.Now(), cpuSeconds()
		importPeak = peakHeap(func() {
			src, err := datafile.Open("", path)
			if err != nil {
				b.Fatal(err)
			}
			if imp, err = Import(src, false, 0); err != nil {
				b.Fatal(err)
			}
		})
		secs, cpu = time.Since(start).Seconds(), cpuSeconds()-cpu0
	}
	b.StopTimer()
	if imp.Graph.N != g.N || imp.Graph.Edges() != g.Edges() {
		b.Fatalf("imported %d people, %d ties; built %d, %d", imp.Graph.N, imp.Graph.Edges(), g.N, g.Edges())
	}
	for i := 0; i < n; i += 9973 {
		a, c := g.Neighbours(i), imp.Graph.Neighbours(i)
		if len(a) != len(c) || (len(a) > 0 && a[len(a)-1] != c[len(c)-1]) {
			b.Fatalf("agent %d: neighbours differ", i)
		}
	}
	load, _ := os.ReadFile("/proc/loadavg")
	ratio := float64(importPeak) / float64(buildPeak)
	b.ReportMetric(secs, "import-s")
	b.ReportMetric(cpu, "import-cpu-s")
	b.ReportMetric(float64(buildPeak)/(1<<20), "build-peak-MiB")
	b.ReportMetric(float64(importPeak)/(1<<20), "import-peak-MiB")
	b.ReportMetric(ratio, "mem-ratio")
	b.Logf("%d people, %d ties, file %d MB; build %.2f s wall, %.2f s CPU; import %.2f s wall, %.2f s CPU; peak heap growth: build %.0f MiB, import %.0f MiB (%.2f×); GOMAXPROCS %d; load average %s",
		g.N, g.Edges(), st.Size()>>20, buildSecs, buildCPUSecs, secs, cpu, float64(buildPeak)/(1<<20), float64(importPeak)/(1<<20), ratio, runtime.GOMAXPROCS(0), strings.TrimSpace(string(load)))
	// The limit is on CPU seconds: on the shared machine the wall time
	// depends on everyone else's load (both are reported).
	if cpu > 10 || ratio > 1.5 {
		b.Errorf("import %.2f s CPU (limit 10), memory %.2f× the build (limit 1.5)", cpu, ratio)
	}
}

// cpuSeconds is the user and system CPU time of this process so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}
