// Package sim is the Boomerang model: it builds a World (population,
// network, initial opinions) once per seed and runs several Arms on
// identical copies of it — a no-campaign control next to one or more
// campaign strategies — recording the same metrics for each arm at every
// step. Subpackages hold the parts: rng (random streams), population,
// network and influence (opinion dynamics).
//
// The step loop is in run.go; each mechanism (strategy, response, metrics)
// has its own file. Nothing here imports Fyne or needs cgo.
package sim
