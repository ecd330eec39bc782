package benchmark

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"boomerang/bench"
)

// cKernel is the C reference kernel (bench/opinion.c), built with gcc into
// a temporary directory.
type cKernel struct {
	dir, bin string
}

// buildC builds bench/opinion.c with the build line of its header. It
// fails (and bench says so) when gcc is not on the PATH.
func buildC() (*cKernel, error) {
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		return nil, errors.New("gcc not found: the C reference kernel was not built; ratios use the reference constants")
	}
	dir, err := os.MkdirTemp("", "boomerang-bench-c")
	if err != nil {
		return nil, err
	}
	src, bin := filepath.Join(dir, "opinion.c"), filepath.Join(dir, "opinion_c")
	if err := os.WriteFile(src, bench.OpinionC, 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	out, err := exec.Command(gcc, "-O3", "-march=native", "-fopenmp", src, "-o", bin, "-lm").CombinedOutput()
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("gcc failed on bench/opinion.c: %v: %s", err, strings.TrimSpace(string(out)))
	}
	return &cKernel{dir: dir, bin: bin}, nil
}

// close removes the build directory.
func (c *cKernel) close() { os.RemoveAll(c.dir) }

// cNsRe and cCPURe read the kernel's figures from its one-line report.
var (
	cNsRe  = regexp.MustCompile(` ns/agent-step=([0-9.]+)`)
	cCPURe = regexp.MustCompile(`cpu_ns/agent-step=([0-9.]+)`)
)

// run times variant on a random graph of n agents and mean degree deg
// with one thread: the median over reps repetitions of steps steps, in
// wall ns per agent-step, and the median repetition's CPU ns per
// agent-step (0 if the report has none).
func (c *cKernel) run(n, deg, steps, reps int, variant string) (wall, cpu float64, err error) {
	cmd := exec.Command(c.bin, strconv.Itoa(n), strconv.Itoa(deg), strconv.Itoa(steps), strconv.Itoa(reps), variant)
	cmd.Env = append(os.Environ(), "OMP_NUM_THREADS=1", "GRAPH=random")
	out, err := cmd.Output()
	if err != nil {
		return 0, 0, fmt.Errorf("C kernel %s: %v", variant, err)
	}
	return parseC(variant, out)
}

// parseC reads the wall and CPU ns per agent-step from the C kernel's
// report line (CPU 0 when the line has none).
func parseC(variant string, out []byte) (wall, cpu float64, err error) {
	m := cNsRe.FindSubmatch(out)
	if m == nil {
		return 0, 0, fmt.Errorf("C kernel %s: no ns/agent-step in %q", variant, out)
	}
	if wall, err = strconv.ParseFloat(string(m[1]), 64); err != nil {
		return 0, 0, err
	}
	if m := cCPURe.FindSubmatch(out); m != nil {
		cpu, _ = strconv.ParseFloat(string(m[1]), 64)
	}
	return wall, cpu, nil
}
