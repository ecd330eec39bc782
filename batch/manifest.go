package batch

import (
	"boomerang/sim"
	"boomerang/sim/footprint"
	"encoding/json"
	"os"
	"runtime"
	"time"
)

// Manifest is manifest.json: everything needed to reproduce and cite a
// result set.
type Manifest struct {
	Tool        string   `json:"tool"`
	Version     string   `json:"version"`
	Commit      string   `json:"commit,omitempty"`
	GoVersion   string   `json:"go_version"`
	CommandLine []string `json:"command_line"`
	Scenario    string   `json:"scenario"`      // name or file given
	Resolved    string   `json:"resolved_toml"` // the complete scenario, as `show` prints it
	BaseSeed    uint64   `json:"base_seed"`
	Reps        int      `json:"reps"`
	RepSeeds    []uint64 `json:"rep_seeds"`
	Steps       int      `json:"steps"`
	Agents      int      `json:"agents"`
	Arms        []string `json:"arms"`
	Workers     int      `json:"workers"`
	GOMAXPROCS  int      `json:"gomaxprocs"`
	Files       []string `json:"files"`
	// Inference is the trait-inference accuracy report of every
	// replication, in replication order (docs/MODEL.md).
	Inference []footprint.Accuracy `json:"inference"`
	// Notes are what the engine had to adapt, e.g. a strategy that a
	// regulation left without data and that fell back to broadcast; one
	// list per replication, in replication order.
	Notes [][]string `json:"notes"`
	// Imports is what the world read from files: network.path's report
	// (people, ties, what was dropped) and which attributes
	// population.file gave and which were drawn; absent when nothing was
	// imported.
	Imports  *sim.Imports `json:"imports,omitempty"`
	Started  time.Time    `json:"started"`
	Finished time.Time    `json:"finished"`
	Seconds  float64      `json:"elapsed_seconds"`
	Host     string       `json:"host,omitempty"`
}

func newManifest() Manifest {
	host, _ := os.Hostname()
	return Manifest{
		Tool:       "boomerang-cli",
		GoVersion:  runtime.Version(),
		GOMAXPROCS: runtime.GOMAXPROCS(0),
		Host:       host,
	}
}

// bytes renders the manifest as indented JSON.
func (m *Manifest) bytes() ([]byte, error) {
	data, err := json.MarshalIndent(m, "", "  ")
	return append(data, '\n'), err
}
