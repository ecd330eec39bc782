//go:build race

package footprint

// raceEnabled is true under the race detector, which slows the code ~10×:
// the statistical tests are skipped then and the others shrink.
const raceEnabled = true
