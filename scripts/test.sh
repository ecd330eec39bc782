#!/usr/bin/env bash
# Installs what is missing and runs every test: vet, the engine under the
# race detector, the UI with Fyne's headless test driver, a short fuzz of
# every parser, a CGO_ENABLED=0 build of the CLI, the story claims
# (check-stories --quick), a smoke test that
# starts the real app under Xvfb and waits for its first frame, a test
# that drives the real window with keys and clicks (export, open, pickers,
# presentation mode; scripts/window-test.sh), the browser build in
# headless Chromium (scripts/web-test.sh), and five
# screenshots of it (1280×800, FYNE_SCALE=1.5, presentation at 1920×1080,
# at 1280×800 with FYNE_SCALE=1.5 and at 1024×768).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
export PATH="$PATH:/usr/local/go/bin"

step() { printf '\n== %s\n' "$*"; }

step "gofmt"
bad=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$bad" ]; then echo "gofmt needed: $bad"; exit 1; fi

step "go vet"
CGO_ENABLED=0 go vet ./sim/... ./scenarios/... ./batch/... ./chart/... ./assets/... ./internal/... ./cmd/boomerang-cli/...
go vet -tags ci ./ui/... ./cmd/boomerang/...

step "engine side builds without cgo and without Fyne"
CGO_ENABLED=0 go build -o bin/boomerang-cli ./cmd/boomerang-cli
if CGO_ENABLED=0 go list -deps ./sim/... ./scenarios/... ./batch/... ./chart/... ./cmd/boomerang-cli/ | grep -q '^fyne.io/'; then
  echo "the engine side imports Fyne"; exit 1
fi

step "engine tests (race detector)"
go test -race -count=1 -timeout=30m ./sim/... ./scenarios/... ./batch/... ./chart/... ./assets/... ./internal/... ./cmd/boomerang-cli/...

step "engine tests too slow for the race detector"
go test -count=1 -run '^TestVulnerableShareOfBroadcastIsOne$' ./batch/

step "UI tests (Fyne test driver, no display)"
CGO_ENABLED=0 go test -tags ci -count=1 ./ui/...

step "fuzz parsers (short)"
go test -run='^$' -fuzz='^FuzzParse$' -fuzztime=15s -fuzzminimizetime=2s ./scenarios/
go test -run='^$' -fuzz='^FuzzSet$' -fuzztime=10s -fuzzminimizetime=2s ./scenarios/
go test -run='^$' -fuzz='^FuzzImportEdgeList$' -fuzztime=10s -fuzzminimizetime=2s ./sim/network/
go test -run='^$' -fuzz='^FuzzImportGraphML$' -fuzztime=10s -fuzzminimizetime=2s ./sim/network/
go test -run='^$' -fuzz='^FuzzReadGiven$' -fuzztime=10s -fuzzminimizetime=2s ./sim/population/
go test -run='^$' -fuzz='^FuzzClaims$' -fuzztime=10s -fuzzminimizetime=2s ./scenarios/

step "story claims, quick (3 replications, side of the mean; full run: make stories)"
bin/boomerang-cli check-stories --quick

step "app smoke test under Xvfb"
./scripts/smoke-app.sh

step "real-window test: keys, clicks, file dialogs (artefacts in out/window-test)"
./scripts/window-test.sh

step "screenshots of the real app (artefacts in out/screenshots, not golden)"
./scripts/screenshots.sh --quick

step "browser build in headless Chromium (artefacts in out/web-test and out/screenshots/web-*)"
CGO_ENABLED=0 go vet ./web/...
CGO_ENABLED=0 GOOS=js GOARCH=wasm go vet ./cmd/boomerang-web/
./scripts/web-test.sh

echo
echo "all tests passed"
