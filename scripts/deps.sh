#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and test Boomerang:
# the C headers Fyne's OpenGL/GLFW backend compiles against, Xvfb to run the
# app without a screen, xdotool to press its keys and click it
# (scripts/window-test.sh), Chromium to run the browser build headless
# (scripts/web-test.sh), and the Go modules. Safe to run again: it installs
# only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(gcc libc6-dev pkg-config make
      libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev
      libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev
      xvfb xauth imagemagick xdotool locales
      python3-networkx # a real reader for run --graph's GraphML/GEXF (cmd/boomerang-cli/graph_test.go)
      chromium)        # the browser build's real-browser test (scripts/web-test.sh)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export PATH="$PATH:/usr/local/go/bin:$HOME/go/bin"
if ! command -v go >/dev/null; then
  echo "deps: Go 1.26 or newer is needed (expected at /usr/local/go); see https://go.dev/doc/install" >&2
  exit 1
fi
go mod download
