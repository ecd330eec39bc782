//go:build !race

package influence

// raceEnabled is true under the race detector.
const raceEnabled = false
