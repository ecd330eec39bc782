// Command boomerang-cli runs Boomerang scenarios headless: single runs with
// replications, CSV and JSON output, for scripts and clusters. It builds
// with CGO_ENABLED=0 and never needs a display.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

// usageError marks a mistake in how the command was called (exit 2), as
// opposed to bad input such as a broken scenario (exit 1).
type usageError struct{ error }

func main() {
	root := newRoot()
	err := root.Execute()
	if err == nil {
		return
	}
	fmt.Fprintln(os.Stderr, "boomerang-cli: "+err.Error())
	var ue usageError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintln(os.Stderr, "Run 'boomerang-cli --help' for usage.")
		os.Exit(2)
	case errors.Is(err, errInterrupted):
		os.Exit(130)
	default:
		os.Exit(1)
	}
}

var errInterrupted = errors.New("interrupted: no output written")

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
number of workers.`,
		Example: `  boomerang-cli list
  boomerang-cli run broadcast-basics --reps 10 --out results/
  boomerang-cli run opinion-lab --set influence.model=hegselmann-krause --set influence.epsilon=0.2
  boomerang-cli show broadcast-basics > my.toml && boomerang-cli validate my.toml`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().Bool("quiet", false, "no progress output on stderr")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%s: %w", c.CommandPath(), err)}
	})
	root.AddCommand(newListCmd(), newShowCmd(), newValidateCmd(), newRunCmd())
	return root
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
