package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// addProfileFlag adds the hidden global flag --cpuprofile FILE: the
// command's CPU profile (runtime/pprof) goes to FILE, for `go tool pprof`.
// It is hidden because it is for developers measuring the engine
// (docs/PERFORMANCE.md), not part of the CLI contract.
func addProfileFlag(root *cobra.Command) {
	root.PersistentFlags().String("cpuprofile", "", "write a CPU profile (runtime/pprof) of the command to `FILE`")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	var stop func() error
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		path, _ := cmd.Flags().GetString("cpuprofile")
		if path == "" {
			return nil
		}
		f, err := os.Create(path)
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		stop = func() error {
			pprof.StopCPUProfile()
			return f.Close()
		}
		return nil
	}
	root.PersistentPostRunE = func(*cobra.Command, []string) error {
		if stop == nil {
			return nil
		}
		s := stop
		stop = nil
		return s()
	}
}
