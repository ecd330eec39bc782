package scenarios

import (
	"fmt"

	"boomerang/sim"
	"boomerang/sim/network"
)

// sizeUnset marks population.size as not written in the scenario, so that
// a network file can set it.
const sizeUnset = -1

// resolveFiles reads the scenario's data files, so that a bad file is
// reported when the scenario is read (one line naming the file and line):
// with network.kind = file, population.size follows network.path when
// sizeGiven is false and must agree with it otherwise; population.file
// is read and checked against the people. sizeKey names where the size
// came from in a conflict ("population.size" or "--agents").
func resolveFiles(cfg *sim.Config, sizeGiven bool) error {
	if cfg.Network.Kind == network.KindFile && cfg.Network.Path != "" {
		n, err := sim.FileNodes(*cfg)
		if err != nil {
			return err
		}
		if !sizeGiven || cfg.Population.Size == sizeUnset {
			cfg.Population.Size = n
		} else if cfg.Population.Size != n {
			return &sim.FieldError{Key: "population.size", Value: cfg.Population.Size,
				Msg: fmt.Sprintf("conflicts with network.path %q, which has %d people: population.size follows the file (leave it out or give %d; --agents cannot change it)", cfg.Network.Path, n, n)}
		}
	}
	if cfg.Population.Size == sizeUnset {
		cfg.Population.Size = sim.DefaultConfig().Population.Size
	}
	if cfg.Population.File != "" && cfg.Population.Size >= 1 {
		return sim.CheckPopulationFile(*cfg)
	}
	return nil
}
