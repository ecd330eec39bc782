package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The parts directory holds an unfinished sweep: next to the output
// directory DIR, it is called .DIR.parts and contains
//
//	plan.json         the sweep's Plan and shard; --resume refuses another plan
//	journal           one line per finished run: "run J BYTES CRC32", appended
//	                  after the run's part file is complete
//	NNNNNNNNN.csv     the steps.csv rows of run J, renamed into place whole
//
// A run counts as done when its journal line is complete and its part
// file has that size and checksum; anything else is run again. Ctrl-C, a
// crash or a cluster time limit therefore loses at most the runs in
// flight. When every run is done the final files are assembled in run
// order, moved into DIR, and the parts directory is removed.

// journalHeader is the first line of a journal.
const journalHeader = "# boomerang-cli sweep journal v1: run <number> <bytes> <crc32>\n"

// PartsDir is the parts directory of output directory dir.
func PartsDir(dir string) string {
	dir = filepath.Clean(dir)
	return filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".parts")
}

// partsPlan is plan.json in the parts directory.
type partsPlan struct {
	Plan  Plan  `json:"plan"`
	Shard Shard `json:"shard"`
}

// partEntry is a finished run in the journal.
type partEntry struct {
	size int64
	crc  uint32
}

// parts is an open parts directory.
type parts struct {
	dir     string
	journal *os.File
}

func partName(j int) string { return fmt.Sprintf("%09d.csv", j) }

// UnfinishedError reports a parts directory left by an interrupted sweep
// when --resume was not given.
type UnfinishedError struct {
	Dir, Parts  string
	Done, Total int
}

// Error says where the unfinished sweep is and how to go on.
func (e *UnfinishedError) Error() string {
	return fmt.Sprintf("%s: an unfinished sweep is waiting in %s (%d of %d runs done): add --resume to finish it, or delete %s to start over",
		e.Dir, e.Parts, e.Done, e.Total, e.Parts)
}

// openParts creates or reopens the parts directory of dir for plan and
// returns the runs already done. Without resume an existing parts
// directory is an *UnfinishedError; with resume, a different plan is an
// error and nothing is changed.
func openParts(dir string, pp partsPlan, owned []int, resume bool) (*parts, map[int]bool, error) {
	pd := PartsDir(dir)
	want, err := json.MarshalIndent(pp, "", "  ")
	if err != nil {
		return nil, nil, err
	}
	want = append(want, '\n')
	done := map[int]bool{}
	have, err := os.ReadFile(filepath.Join(pd, "plan.json"))
	switch {
	case err == nil:
		entries := readJournal(pd)
		if !resume {
			return nil, nil, &UnfinishedError{Dir: dir, Parts: pd, Done: len(entries), Total: len(owned)}
		}
		if !bytes.Equal(have, want) {
			var old partsPlan
			json.Unmarshal(have, &old)
			return nil, nil, fmt.Errorf("%s: cannot resume: the unfinished sweep in %s has %s; run the same command as before, or delete %s to start over",
				dir, pd, planDiff(old.Plan, old.Shard, pp.Plan, pp.Shard), pd)
		}
		for _, j := range owned {
			if e, ok := entries[j]; ok && partOK(pd, j, e) {
				done[j] = true
			}
		}
	case errors.Is(err, os.ErrNotExist):
		if _, serr := os.Stat(pd); serr == nil && !resume {
			return nil, nil, &UnfinishedError{Dir: dir, Parts: pd, Total: len(owned)}
		}
		// A parts directory without plan.json died while being created.
		os.RemoveAll(pd)
		if err := os.MkdirAll(filepath.Dir(pd), 0o755); err != nil {
			return nil, nil, fmt.Errorf("output directory %s: %w", dir, err)
		}
		if err := os.Mkdir(pd, 0o755); err != nil {
			return nil, nil, fmt.Errorf("output directory %s: %w", dir, err)
		}
		if err := writeFileAtomic(filepath.Join(pd, "plan.json"), want); err != nil {
			return nil, nil, err
		}
	default:
		return nil, nil, fmt.Errorf("%s: %w", pd, err)
	}
	jf, err := os.OpenFile(filepath.Join(pd, "journal"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", pd, err)
	}
	if fi, err := jf.Stat(); err == nil && fi.Size() == 0 {
		jf.WriteString(journalHeader)
	} else if err == nil {
		// A crash may have cut the last line short: start on a new line.
		jf.WriteString("\n")
	}
	return &parts{dir: pd, journal: jf}, done, nil
}

// readJournal parses the journal; incomplete or unreadable lines are
// ignored (those runs are done again).
func readJournal(pd string) map[int]partEntry {
	out := map[int]partEntry{}
	data, err := os.ReadFile(filepath.Join(pd, "journal"))
	if err != nil {
		return out
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if !strings.HasSuffix(line, "\n") {
			continue // cut short by a crash
		}
		f := strings.Fields(line)
		if len(f) != 4 || f[0] != "run" {
			continue
		}
		j, e1 := strconv.Atoi(f[1])
		size, e2 := strconv.ParseInt(f[2], 10, 64)
		crc, e3 := strconv.ParseUint(f[3], 16, 32)
		if e1 != nil || e2 != nil || e3 != nil {
			continue
		}
		out[j] = partEntry{size: size, crc: uint32(crc)}
	}
	return out
}

// partOK checks a part file against its journal entry.
func partOK(pd string, j int, e partEntry) bool {
	data, err := os.ReadFile(filepath.Join(pd, partName(j)))
	return err == nil && int64(len(data)) == e.size && crc32.ChecksumIEEE(data) == e.crc
}

// write stores run j's rows as a part file, whole (temp file + rename).
// It is safe to call from several goroutines.
func (p *parts) write(j int, data []byte) (partEntry, error) {
	f, err := os.CreateTemp(p.dir, ".tmp-*")
	if err != nil {
		return partEntry{}, err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return partEntry{}, err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return partEntry{}, err
	}
	if err := os.Rename(f.Name(), filepath.Join(p.dir, partName(j))); err != nil {
		os.Remove(f.Name())
		return partEntry{}, err
	}
	return partEntry{size: int64(len(data)), crc: crc32.ChecksumIEEE(data)}, nil
}

// record appends run j to the journal. Only one goroutine calls it.
func (p *parts) record(j int, e partEntry) error {
	_, err := fmt.Fprintf(p.journal, "run %d %d %08x\n", j, e.size, e.crc)
	return err
}

// open returns run j's part file for assembly.
func (p *parts) open(j int) (io.ReadCloser, error) {
	return os.Open(filepath.Join(p.dir, partName(j)))
}

func (p *parts) close() error { return p.journal.Close() }

// remove deletes the parts directory once its result is committed.
func (p *parts) remove() error { return os.RemoveAll(p.dir) }

// planDiff names the first difference between two plans, for messages.
func planDiff(a Plan, ash Shard, b Plan, bsh Shard) string {
	vary := func(p Plan) string {
		var s []string
		for _, f := range p.Vary {
			s = append(s, f.Key+"="+f.Spec)
		}
		return strings.Join(s, " ")
	}
	switch {
	case a.Version != b.Version:
		return fmt.Sprintf("another version (%s, not %s)", a.Version, b.Version)
	case a.Name != b.Name:
		return fmt.Sprintf("another scenario (%s, not %s)", a.Name, b.Name)
	case a.Resolved != b.Resolved:
		return fmt.Sprintf("other settings of scenario %s (resolved TOML differs: --set, --seed, --steps or the file)", a.Name)
	case vary(a) != vary(b):
		return fmt.Sprintf("other --vary values (%s, not %s)", vary(a), vary(b))
	case a.Design != b.Design || a.Samples != b.Samples:
		return fmt.Sprintf("another design (%s %d, not %s %d)", a.Design, a.Samples, b.Design, b.Samples)
	case a.Reps != b.Reps:
		return fmt.Sprintf("another number of reps (%d, not %d)", a.Reps, b.Reps)
	case ash != bsh:
		return fmt.Sprintf("another shard (%s, not %s)", ash, bsh)
	}
	return "other points"
}

// writeFileAtomic writes data to path through a temporary file and a rename.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.Write(data)
	if err := w.Flush(); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}
