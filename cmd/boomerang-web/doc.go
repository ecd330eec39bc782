// Command boomerang-web is the Boomerang app for a web browser: the same
// ui package as the desktop app, compiled to WebAssembly
// (GOOS=js GOARCH=wasm) and loaded by web/index.html. scripts/web-build.sh
// builds the static folder; boomerang-cli serve-web serves it.
//
// The page's address carries what the desktop app takes as flags, e.g.
// index.html?lang=nl&tab=campaign&scenario=cambridge-analytica-2016:
// lang (en, nl), tab, scenario, metric, present=1, autoplay=1 (press
// Play once the first chart is drawn), runs=N (replications side by side;
// 3 by default, as on the desktop), fast=1 (play as fast as the model
// runs), bench=1 (no UI: time the default scenario's world, steps and
// one chart on the console) and trace=1 (the real-window trace,
// ui/trace.go, on the browser's console; scripts/web-test.sh reads it).
// The console always gets a few "boot:" lines: when each part of the
// start-up was done, in milliseconds since the page began to load
// (ui.BootMark; docs/PERFORMANCE.md). Preferences (the last scenario, seed and language) live in the
// browser's local storage.
//
// Built for another system it only says so (main_other.go): main_js.go
// needs syscall/js.
package main
