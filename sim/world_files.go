package sim

import (
	"fmt"
	"strconv"

	"boomerang/sim/datafile"
	"boomerang/sim/network"
	"boomerang/sim/population"
)

// Imports says what a world read from files (network.path,
// population.file) instead of generating; zero for a generated world.
type Imports struct {
	// Network is the import report of network.path (nil: generated).
	Network *network.Report `json:"network,omitempty"`
	// IDs are the people's ids in network.path, agent i's at i (nil:
	// generated; agent i's id is then i).
	IDs *network.IDs `json:"-"`
	// Population lists the attributes population.file gave and those
	// drawn (nil: no file).
	Population *population.Sources `json:"population,omitempty"`

	given *population.Given
}

// ID returns agent i's id: as in the network file, or i.
func (im *Imports) ID(i int) string {
	if im.IDs != nil {
		return im.IDs.ID(i)
	}
	return strconv.Itoa(i)
}

// FileNodes reads network.path (cfg.DataDir) and returns how many people it
// names, checking the whole file; scenarios use it to set
// population.size from the file.
func FileNodes(cfg Config) (int, error) {
	src, err := datafile.Open(cfg.DataDir, cfg.Network.Path)
	if err != nil {
		return 0, err
	}
	ids, err := network.Scan(src, cfg.Network.Directed)
	if err != nil {
		return 0, err
	}
	return ids.Len(), nil
}

// CheckPopulationFile reads population.file for cfg's people (reading
// network.path for their ids when the network is a file), so that a bad
// file is reported when the scenario is validated.
func CheckPopulationFile(cfg Config) error {
	var ids *network.IDs
	if cfg.Network.Kind == network.KindFile {
		src, err := datafile.Open(cfg.DataDir, cfg.Network.Path)
		if err != nil {
			return err
		}
		if ids, err = network.Scan(src, cfg.Network.Directed); err != nil {
			return err
		}
	}
	_, err := readGiven(cfg, ids, cfg.Population.Size)
	return err
}

// people builds the population and the network, generated or read from
// the scenario's files; phase reports "population" and "network" as
// BuildWorldTimed's.
func people(cfg Config, seed uint64, workers int, lap func(string)) (*population.Population, *network.Graph, Imports, error) {
	var im Imports
	var imp *network.Imported
	n := cfg.Population.Size
	if cfg.Network.Kind == network.KindFile {
		src, err := datafile.Open(cfg.DataDir, cfg.Network.Path)
		if err != nil {
			return nil, nil, im, err
		}
		if imp, err = network.Import(src, cfg.Network.Directed, workers); err != nil {
			return nil, nil, im, err
		}
		if imp.Graph.N != n {
			return nil, nil, im, &FieldError{Key: "population.size", Value: n,
				Msg: fmt.Sprintf("conflicts with network.path %s, which has %d people (population.size follows the file: leave it out, or give %d; --agents cannot change it)", src.Name, imp.Graph.N, imp.Graph.N)}
		}
		im.Network, im.IDs = &imp.Report, imp.IDs
		lap("network")
	}
	var ids *network.IDs
	if imp != nil {
		ids = imp.IDs
	}
	given, err := readGiven(cfg, ids, n)
	if err != nil {
		return nil, nil, im, err
	}
	if given != nil {
		s := given.Sources()
		im.Population, im.given = &s, given
	}
	pop, err := population.GenerateGiven(cfg.Population, given, seed, workers)
	if err != nil {
		return nil, nil, im, err
	}
	lap("population")
	if imp != nil {
		return pop, imp.Graph, im, nil
	}
	g, err := network.Build(cfg.Network, pop.N, network.Attributes{
		Ideology: pop.Ideology, Age: pop.Age, Region: pop.Region,
	}, seed, workers)
	if err != nil {
		return nil, nil, im, err
	}
	lap("network")
	return pop, g, im, nil
}

// readGiven reads population.file, if any, joining rows by the network
// file's ids or, when ids is nil, by agent number.
func readGiven(cfg Config, ids *network.IDs, n int) (*population.Given, error) {
	if cfg.Population.File == "" {
		return nil, nil
	}
	src, err := datafile.Open(cfg.DataDir, cfg.Population.File)
	if err != nil {
		return nil, err
	}
	index := func(id string) (int, bool) {
		i, err := strconv.Atoi(id)
		return i, err == nil && i >= 0 && i < n && strconv.Itoa(i) == id
	}
	if ids != nil {
		m := ids.Index()
		index = func(id string) (int, bool) { i, ok := m[id]; return int(i), ok }
	}
	return population.ReadGiven(src, n, cfg.Population.Regions, index)
}
