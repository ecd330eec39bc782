// Package literature reproduces the published results the Boomerang model
// is calibrated to (shared LITERATURE.md; docs/VALIDATION.md) and checks our
// numbers against bands around them. It is what `boomerang-cli
// check-literature` runs.
//
// Every check is a function of Options returning one or more Rows: the
// target, its source, the published value, our value (with a 95 %
// confidence interval over replications where the check is stochastic),
// the band it must fall in and whether it does. The opinion-dynamics checks
// build their models through Options.NewModel, so tests can inject a
// broken mechanism (a Deffuant with the update sign flipped, a
// Hegselmann–Krause that ignores ε) and see the corresponding check fail.
//
// Results depend only on the seed and on Quick, never on the number of
// workers: each replication's seed is Seed + replication index, and every
// random draw of the model comes from streams keyed on that seed.
package literature
