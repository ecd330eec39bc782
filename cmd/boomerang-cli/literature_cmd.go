package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"boomerang/batch/literature"
)

// literatureFlags are the options of check-literature.
type literatureFlags struct {
	quick   bool
	out     string
	workers int
	json    bool
	seed    uint64
	only    []string
}

// newCheckLiteratureCmd reproduces the published results the model is
// calibrated to (issue 10; shared LITERATURE.md; docs/VALIDATION.md).
func newCheckLiteratureCmd() *cobra.Command {
	var f literatureFlags
	cmd := &cobra.Command{
		Use:   "check-literature",
		Short: "Reproduce the published results (calibration and hold-out targets); exit 1 if any misses its band",
		Long: `check-literature reproduces published results and prints, in two tables
(calibration targets, which the defaults were set from, and hold-out
targets, checked and never tuned), for each target the source, the
published value, our value with a 95 % confidence interval over
replications, the acceptance band and pass/fail:

  - the textbook results of the opinion-dynamics models (Deffuant clusters
    and consensus, Hegselmann-Krause threshold, DeGroot limit,
    Friedkin-Johnsen fixed point, voter exit probability, algorithmic bias);
  - trait inference from likes (Kosinski et al. 2013, Youyou et al. 2015);
  - message-personality congruence (Matz et al. 2017, Table 1);
  - political persuasion (Coppock et al. 2020, Kalla & Broockman 2018,
    Tappin et al. 2023, also on several attributes vs the best one);
  - the response: the frequency curve (Johnson, Lewis & Reiley) and
    opinion moving behaviour;
  - targeting: Farahat & Bailey 2012 (causal and naive lifts), Goldfarb &
    Tucker 2011, Johnson, Shriver & Du 2020.

--quick runs smaller versions (a minute or two on 2 cores); the full run
takes several minutes. Results depend only on --seed and --quick,
never on --workers.

Exit status: 0 when every check passes, 1 when any fails (the failing
checks are named on stderr), 2 usage.`,
		Example: `  boomerang-cli check-literature --quick
  boomerang-cli check-literature --out validation/
  boomerang-cli check-literature --only deffuant,voter --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runCheckLiterature(cmd, f) },
	}
	fl := cmd.Flags()
	fl.BoolVar(&f.quick, "quick", false, "run the smaller versions (CI)")
	fl.StringVar(&f.out, "out", "", "also write literature.csv, literature.md and literature.json into this directory")
	fl.IntVar(&f.workers, "workers", 0, "checks run at once (default: GOMAXPROCS); never changes the results")
	fl.BoolVar(&f.json, "json", false, "print the report as JSON on stdout instead of the table")
	fl.Uint64Var(&f.seed, "seed", 1, "base seed: replication r of a check uses seed + r")
	fl.StringSliceVar(&f.only, "only", nil, "run only these checks (comma-separated): "+strings.Join(literature.GroupNames(), ", "))
	cmd.RegisterFlagCompletionFunc("only", cobra.FixedCompletions(literature.GroupNames(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runCheckLiterature(cmd *cobra.Command, f literatureFlags) error {
	if f.seed == 0 {
		return usageError{errors.New("--seed 0: must be at least 1")}
	}
	for _, g := range f.only {
		if !contains(literature.GroupNames(), g) {
			return usageError{fmt.Errorf("--only %q: unknown check (allowed: %s)", g, strings.Join(literature.GroupNames(), ", "))}
		}
	}
	ctx, cancel := signalContext(cmd)
	defer cancel()
	quiet := isQuiet(cmd)
	stderr := cmd.ErrOrStderr()
	rep, err := literature.Run(ctx, literature.Options{Quick: f.quick, Seed: f.seed, Workers: f.workers, Only: f.only},
		func(group string, done, total int) {
			if !quiet {
				fmt.Fprintf(stderr, "check-literature: %s done (%d/%d)\n", group, done, total)
			}
		})
	if err != nil {
		if ctx.Err() != nil {
			return errInterrupted
		}
		return err
	}
	if f.out != "" {
		args := append([]string{filepath.Base(argv(cmd)[0])}, argv(cmd)[1:]...)
		if err := writeLiterature(f.out, rep, commandLine(args)); err != nil {
			return err
		}
	}
	w := cmd.OutOrStdout()
	if f.json {
		err = printJSON(w, rep)
	} else {
		err = literature.WriteTable(w, rep)
	}
	if err != nil {
		return err
	}
	if failed := rep.Failed(); len(failed) > 0 {
		return fmt.Errorf("%d of %d checks failed: %s", len(failed), len(rep.Rows), strings.Join(failed, ", "))
	}
	return nil
}

// writeLiterature writes literature.csv, literature.md and literature.json
// into dir, each whole or not at all (temp file + rename).
func writeLiterature(dir string, rep *literature.Report, command string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"literature.csv", func(w io.Writer) error { return literature.WriteCSV(w, rep) }},
		{"literature.md", func(w io.Writer) error { return literature.WriteMarkdown(w, rep, command) }},
		{"literature.json", func(w io.Writer) error { return printJSON(w, rep) }},
	}
	for _, file := range files {
		var buf bytes.Buffer
		if err := file.write(&buf); err != nil {
			return fmt.Errorf("%s: %w", file.name, err)
		}
		if err := writeAtomic(filepath.Join(dir, file.name), buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// writeAtomic writes data to path through a temporary file and a rename.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
