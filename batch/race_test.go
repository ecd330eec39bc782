//go:build race

package batch

// raceEnabled is true under the race detector, which slows the engine
// ~10×: the calibration tests shrink then and skip their ratio checks.
const raceEnabled = true
