// Command boomerang-cli runs Boomerang scenarios headless: single runs with
// replications, parameter sweeps, cluster shards and their merge, CSV and
// JSON output and charts, for scripts and clusters. It builds with
// CGO_ENABLED=0 and never needs a display.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"boomerang/sim"
)

// usageError marks a mistake in how the command was called (exit 2), as
// opposed to bad input such as a broken scenario (exit 1).
type usageError struct{ error }

// interruptedError is Ctrl-C (or SIGTERM): exit 130.
type interruptedError string

// Error returns the message.
func (e interruptedError) Error() string { return string(e) }

func main() {
	os.Exit(execute(os.Args, os.Stdout, os.Stderr))
}

// argvKey is the context key of the full command line (for manifests
// and the --resume hint).
type argvKey struct{}

// execute runs the command line argv (program name first) and returns
// the exit status: 0 success, 1 bad input, 2 usage, 130 interrupted.
func execute(argv []string, stdout, stderr io.Writer) int {
	root := newRoot()
	root.SetArgs(argv[1:])
	root.SetOut(stdout)
	root.SetErr(stderr)
	initCompletion(root)
	err := root.ExecuteContext(context.WithValue(context.Background(), argvKey{}, argv))
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "boomerang-cli: "+err.Error())
	var ue usageError
	var ie interruptedError
	switch {
	case errors.As(err, &ue), isCobraUsage(err):
		fmt.Fprintln(stderr, "Run 'boomerang-cli --help' for usage.")
		return 2
	case errors.As(err, &ie):
		return 130
	}
	return 1
}

// argv returns the command line the command was started with.
func argv(cmd *cobra.Command) []string {
	if a, ok := cmd.Context().Value(argvKey{}).([]string); ok {
		return a
	}
	return os.Args
}

// isCobraUsage recognises the usage errors cobra makes itself (unknown
// command, missing required flag).
func isCobraUsage(err error) bool {
	m := err.Error()
	return strings.HasPrefix(m, "unknown command") || strings.HasPrefix(m, "required flag")
}

// errInterrupted is the message of an interrupted run (which keeps nothing).
const errInterrupted interruptedError = "interrupted: no output written"

// buildInfo returns the VCS revision of this binary ("" if unknown) and
// whether the working tree had local changes.
func buildInfo() (commit string, modified bool) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "", false
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	return commit, modified
}

// commitString is the commit as written to manifests: the revision, with
// "+modified" for a build from a changed working tree.
func commitString() string {
	c, mod := buildInfo()
	if c != "" && mod {
		c += "+modified"
	}
	return c
}

// versionString is what --version prints.
func versionString() string {
	c := commitString()
	if c == "" {
		c = "unknown (build in a git checkout with -buildvcs=true to record it)"
	}
	return fmt.Sprintf("boomerang-cli %s\ncommit %s\n%s %s/%s\n", sim.Version, c, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "boomerang-cli",
		Short: "Simulate what micro-targeting does to a population, next to a broadcast campaign",
		Long: `boomerang-cli runs Boomerang scenarios without a display.

A scenario is a built-in name (see 'boomerang-cli list') or a TOML file
(start from 'boomerang-cli show NAME > my.toml'). Every run builds one
synthetic population and runs each arm (control, broadcast, ...) on an
identical copy, so every difference between arms is caused by the strategy.
Same scenario and seed give byte-identical output on any machine and any
number of workers.

Exit status: 0 success, 1 bad input (scenario, key, value, shard, merge),
2 usage (unknown flag, wrong arguments), 130 interrupted.`,
		Example: `  boomerang-cli list
  boomerang-cli run broadcast-basics --reps 10 --out results/ --plots
  boomerang-cli run opinion-lab --set influence.model=hegselmann-krause --set influence.epsilon=0.2
  boomerang-cli sweep opinion-lab --vary influence.epsilon=0.1:0.5:0.1 --reps 10 --out eps/
  boomerang-cli show broadcast-basics > my.toml && boomerang-cli validate my.toml`,
		Version:       sim.Version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate(versionString())
	root.PersistentFlags().Bool("quiet", false, "no progress output on stderr")
	addProfileFlag(root)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		if !c.HasParent() {
			return usageError{err}
		}
		return usageError{fmt.Errorf("%s: %w", strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" "), err)}
	})
	root.AddCommand(newListCmd(), newShowCmd(), newValidateCmd(), newRunCmd(), newSweepCmd(), newMergeCmd(), newCheckLiteratureCmd(), newCheckStoriesCmd(), newBenchCmd(), newServeWebCmd())
	return root
}

// initCompletion adds cobra's completion command now (not at Execute) to
// give it examples. It must come after SetOut: the command keeps the
// writer it finds.
func initCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Example = `  source <(boomerang-cli completion bash)
  boomerang-cli completion bash > /etc/bash_completion.d/boomerang-cli
  boomerang-cli completion zsh > "${fpath[1]}/_boomerang-cli"
  boomerang-cli completion fish > ~/.config/fish/completions/boomerang-cli.fish`
		}
	}
}

// exactArgs is cobra.ExactArgs with a usage error and a friendlier message.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError{fmt.Errorf("%s: expects %s, got %d argument(s)", cmd.CommandPath(), what, len(args))}
		}
		return nil
	}
}
