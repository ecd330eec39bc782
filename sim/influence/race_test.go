//go:build race

package influence

// raceEnabled is true under the race detector, which slows the textbook
// ensembles ~10×; they shrink then (see heavy).
const raceEnabled = true
