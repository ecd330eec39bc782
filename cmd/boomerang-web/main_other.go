//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main says where this program runs: in a browser (main_js.go).
func main() {
	fmt.Fprintln(os.Stderr, "boomerang-web runs in a web browser: build it with scripts/web-build.sh (make web) and serve it with boomerang-cli serve-web")
	os.Exit(2)
}
