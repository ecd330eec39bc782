package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newCheckLiteratureCmd reproduces the published results the model is
// calibrated to (issue 10; placeholder until it lands).
func newCheckLiteratureCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "check-literature",
		Short:  "Reproduce the published results the model is calibrated to (not yet available)",
		Hidden: true,
		RunE: func(*cobra.Command, []string) error {
			return errors.New("check-literature is not available yet")
		},
	}
}
