package scenarios

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"boomerang/sim"
)

//go:embed builtin/*.toml builtin/measured
var builtinFS embed.FS

// DefaultName is the scenario the app opens on and `run` uses by default.
const DefaultName = "broadcast-basics"

// Info is one line of `boomerang-cli list`.
type Info struct {
	Name  string
	Title string
}

// List returns the built-in scenarios, sorted by name.
func List() []Info {
	entries, _ := fs.ReadDir(builtinFS, "builtin")
	var out []Info
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".toml") {
			continue // the measured/ numbers of the stories
		}
		name := strings.TrimSuffix(e.Name(), ".toml")
		cfg, err := Builtin(name)
		title := cfg.Title
		if err != nil {
			title = "(broken: " + err.Error() + ")"
		}
		out = append(out, Info{Name: name, Title: title})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Builtin returns the resolved built-in scenario called name.
func Builtin(name string) (sim.Config, error) {
	data, err := BuiltinSource(name)
	if err != nil {
		return sim.Config{}, err
	}
	return parseIn("builtin:"+name, data, "")
}

// BuiltinSource returns the TOML text of a built-in scenario.
func BuiltinSource(name string) ([]byte, error) {
	data, err := builtinFS.ReadFile(path.Join("builtin", name+".toml"))
	if err != nil {
		var names []string
		for _, i := range List() {
			names = append(names, i.Name)
		}
		return nil, fmt.Errorf("no built-in scenario %q (built-in: %s; or give a .toml file path)", name, strings.Join(names, ", "))
	}
	return data, nil
}

// Default returns the default built-in scenario.
func Default() (sim.Config, error) { return Builtin(DefaultName) }

// Load resolves a scenario argument: a path to a .toml file if it looks
// like one (contains a path separator or ends in .toml), else a built-in name.
func Load(arg string) (sim.Config, error) {
	if strings.HasSuffix(arg, ".toml") || strings.ContainsRune(arg, '/') {
		return ReadFile(arg)
	}
	return Builtin(arg)
}
