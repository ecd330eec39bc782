package scenarios_test

import (
	"fmt"

	"boomerang/scenarios"
)

// Parse reads a scenario file: every key not in the file keeps its
// default (boomerang-cli show prints them all), the control arm is added
// when the file has none, and the result is validated.
func ExampleParse() {
	cfg, err := scenarios.Parse("mini.toml", []byte(`
name = "mini"
steps = 20

[population]
size = 1000

[[arms]]
name = "broadcast"
strategy = "broadcast"
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cfg.Name, cfg.Steps, cfg.Population.Size, cfg.Network.Kind)
	for _, a := range cfg.Arms {
		fmt.Println(a.Name, a.Strategy)
	}
	// Output:
	// mini 20 1000 homophilous
	// control none
	// broadcast broadcast
}

// A bad value is one line naming the file, the line and the key, and
// saying what is allowed.
func ExampleParse_error() {
	_, err := scenarios.Parse("bad.toml", []byte("name = \"bad\"\n\n[network]\nrewire = 2\n"))
	fmt.Println(err)
	// Output:
	// bad.toml:4: network.rewire = 2: must be between 0 and 1
}
