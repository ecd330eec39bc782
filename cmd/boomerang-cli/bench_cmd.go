package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newBenchCmd prints performance figures for this machine (issue 11;
// placeholder until it lands).
func newBenchCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "bench",
		Short:  "Performance figures for this machine (not yet available)",
		Hidden: true,
		RunE: func(*cobra.Command, []string) error {
			return errors.New("bench is not available yet")
		},
	}
}
