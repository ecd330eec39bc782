// Package scenarios reads and writes scenario files (TOML), validates them
// with messages that name the file, line and key, applies --set overrides
// by dotted key, and holds the built-in scenario library embedded in the
// binary.
package scenarios
