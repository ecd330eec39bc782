#!/usr/bin/env bash
# Installs what is missing, builds the desktop app and opens it on the
# default scenario. The first build compiles GLFW/OpenGL with cgo and takes
# a few minutes; later builds take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
export PATH="$PATH:/usr/local/go/bin"
go build -o bin/boomerang ./cmd/boomerang
exec ./bin/boomerang "$@"
