// Package batch runs many replications of a scenario on a worker pool and
// writes the results as tidy CSV files plus a JSON manifest, each file
// written whole or not at all.
package batch
