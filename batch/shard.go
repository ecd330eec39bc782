package batch

import (
	"fmt"
	"strconv"
	"strings"
)

// Shard is the i-th of n disjoint slices of a sweep's runs (1-based I).
// The zero value and 1/1 mean the whole sweep.
type Shard struct {
	I int `json:"index"`
	N int `json:"count"`
}

// Whole reports whether s is the whole sweep (no sharding).
func (s Shard) Whole() bool { return s.N <= 1 }

// String writes the shard as i/n.
func (s Shard) String() string {
	if s.N == 0 {
		return "1/1"
	}
	return fmt.Sprintf("%d/%d", s.I, s.N)
}

// Owns reports whether run (job) number j belongs to the shard. Runs are
// dealt round-robin (run j goes to shard j mod n + 1), so expensive points
// are spread over all shards rather than landing in one.
func (s Shard) Owns(j int) bool { return s.Whole() || j%s.N == s.I-1 }

// DirName is the name of the shard's output directory under --out:
// shard-I-of-N, I zero-padded to the width of N so the names sort.
func (s Shard) DirName() string {
	w := len(strconv.Itoa(s.N))
	return fmt.Sprintf("shard-%0*d-of-%d", w, s.I, s.N)
}

// ParseShard parses --shard i/n (1 ≤ i ≤ n).
func ParseShard(v string) (Shard, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(v), "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("--shard %q: expected i/n, e.g. 2/3 for the second of three shards", v)
	}
	if n < 1 {
		return Shard{}, fmt.Errorf("--shard %s: n must be 1 or more", v)
	}
	if i < 1 || i > n {
		return Shard{}, fmt.Errorf("--shard %s: i must be between 1 and %d (shards are numbered from 1)", v, n)
	}
	return Shard{I: i, N: n}, nil
}

// ShardCountEnv names the environment variable that gives the number of
// shards of a Kubernetes indexed Job (set it to the Job's completions).
const ShardCountEnv = "BOOMERANG_SHARD_COUNT"

// ShardFromEnv finds the shard of a cluster array task from the
// environment (getenv is os.Getenv, or a map in tests):
//
//   - SLURM job arrays: SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT,
//     SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_STEP; shard i is
//     (ID − MIN) / STEP + 1, so --array=0-9, 1-10 and 0-18:2 all work;
//   - Kubernetes indexed Jobs: JOB_COMPLETION_INDEX (0-based) and the
//     count in BOOMERANG_SHARD_COUNT.
//
// ok is false when neither is set. where names the variables used.
func ShardFromEnv(getenv func(string) string) (s Shard, where string, ok bool, err error) {
	num := func(name string) (int, bool, error) {
		v := strings.TrimSpace(getenv(name))
		if v == "" {
			return 0, false, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return 0, true, fmt.Errorf("%s=%q: not a whole number", name, v)
		}
		return n, true, nil
	}
	if id, set, err := num("SLURM_ARRAY_TASK_ID"); err != nil {
		return Shard{}, "", false, err
	} else if set {
		where = "SLURM_ARRAY_TASK_ID"
		count, cset, err := num("SLURM_ARRAY_TASK_COUNT")
		if err != nil {
			return Shard{}, where, false, err
		}
		if !cset {
			return Shard{}, where, false, fmt.Errorf("SLURM_ARRAY_TASK_ID=%d is set but SLURM_ARRAY_TASK_COUNT is not: pass --shard i/n", id)
		}
		lo, _, err := num("SLURM_ARRAY_TASK_MIN")
		if err != nil {
			return Shard{}, where, false, err
		}
		step, sset, err := num("SLURM_ARRAY_TASK_STEP")
		if err != nil {
			return Shard{}, where, false, err
		}
		if !sset || step < 1 {
			step = 1
		}
		if (id-lo)%step != 0 {
			return Shard{}, where, false, fmt.Errorf("SLURM_ARRAY_TASK_ID=%d is not on the array's grid (min %d, step %d): pass --shard i/n", id, lo, step)
		}
		s, err := ParseShard(fmt.Sprintf("%d/%d", (id-lo)/step+1, count))
		if err != nil {
			return Shard{}, where, false, fmt.Errorf("from SLURM_ARRAY_TASK_ID=%d (min %d, step %d), SLURM_ARRAY_TASK_COUNT=%d: %w", id, lo, step, count, err)
		}
		return s, where, true, nil
	}
	if idx, set, err := num("JOB_COMPLETION_INDEX"); err != nil {
		return Shard{}, "", false, err
	} else if set {
		where = "JOB_COMPLETION_INDEX"
		count, cset, err := num(ShardCountEnv)
		if err != nil {
			return Shard{}, where, false, err
		}
		if !cset {
			return Shard{}, where, false, fmt.Errorf("JOB_COMPLETION_INDEX=%d is set but %s is not: set it to the Job's completions, or pass --shard i/n", idx, ShardCountEnv)
		}
		s, err := ParseShard(fmt.Sprintf("%d/%d", idx+1, count))
		if err != nil {
			return Shard{}, where, false, fmt.Errorf("from JOB_COMPLETION_INDEX=%d, %s=%d: %w", idx, ShardCountEnv, count, err)
		}
		return s, where, true, nil
	}
	return Shard{}, "", false, nil
}
