package assets

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	toml "github.com/pelletier/go-toml/v2"

	"boomerang/sim"
)

// TestFyneAppTomlCopiesAgree: `fyne package` reads FyneApp.toml from the
// -src directory, so cmd/boomerang has a copy of the root file; the two
// must say the same (name, id, version, build), the icon path aside,
// which each gives relative to itself and must point at this icon, and
// the version must be sim.Version.
func TestFyneAppTomlCopiesAgree(t *testing.T) {
	read := func(path string) map[string]any {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := toml.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return m
	}
	root, cmd := read("../FyneApp.toml"), read("../cmd/boomerang/FyneApp.toml")
	for name, m := range map[string]map[string]any{"../": root, "../cmd/boomerang/": cmd} {
		d, _ := m["Details"].(map[string]any)
		icon, _ := d["Icon"].(string)
		if p := filepath.Join(name, icon); p != "../assets/icon.png" {
			t.Errorf("%sFyneApp.toml: Icon %q resolves to %s, not assets/icon.png", name, icon, p)
		}
		delete(d, "Icon")
	}
	// The package's version is the one the app shows (About) and the
	// CLI writes to every manifest.
	if v := root["Details"].(map[string]any)["Version"]; v != sim.Version {
		t.Errorf("FyneApp.toml Version %v, sim.Version %s", v, sim.Version)
	}
	if !reflect.DeepEqual(root, cmd) {
		t.Errorf("FyneApp.toml and cmd/boomerang/FyneApp.toml differ:\n%v\n%v", root, cmd)
	}
}
