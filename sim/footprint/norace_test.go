//go:build !race

package footprint

// raceEnabled is true under the race detector.
const raceEnabled = false
