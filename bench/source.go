// Package bench holds the plain-C reference kernel of the performance
// targets (opinion.c, a copy of the project's shared reference; its
// header gives the build line) so that `boomerang-cli bench --kernels`
// can build and time it next to the Go kernels in the same run, and the
// committed Go benchmark baseline (baseline.txt).
package bench

import _ "embed"

// OpinionC is the source of the C reference kernel: DeGroot (degroot,
// degroot4) and synchronous bounded confidence (bc) on a random CSR graph,
// OpenMP, printing ns/agent-step.
//
//go:embed opinion.c
var OpinionC []byte
