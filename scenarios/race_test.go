//go:build race

package scenarios

// raceEnabled is true under the race detector, which slows the code ~10×:
// the size tests then stop at 2,000 people.
const raceEnabled = true
