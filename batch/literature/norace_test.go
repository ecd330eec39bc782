//go:build !race

package literature

const raceEnabled = false
