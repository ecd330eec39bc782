#!/bin/sh
# web-build.sh — Boomerang for a web browser: a self-contained static
# folder (not committed) that any web server can serve, or
# `boomerang-cli serve-web DIR` on a lecturer's laptop.
#
#   scripts/web-build.sh             # into out/web
#   scripts/web-build.sh DIR         # into DIR
#
# The folder holds index.html (web/index.html: a progress line while the
# module downloads), boomerang.wasm (cmd/boomerang-web: the ui package
# compiled with GOOS=js GOARCH=wasm), Go's wasm_exec.js, the icon, and a
# gzip copy of each text and wasm file (FILE.gz) that serve-web sends to
# browsers that accept gzip. The build is what the fyne tool's
# `fyne package -os web --release` (fyne.io/tools v1.7.4) runs: a release
# build with -ldflags="-s -w" -trimpath -tags release (and no_emoji),
# without its page (ours has the progress line) and without the tool
# itself to install.
set -eu
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
out=${1:-out/web}
mkdir -p "$out"
rm -f "$out"/*.gz

# no_emoji leaves out Fyne's colour emoji font (4.2 MB; the app's texts
# use none: ui/glyph_test.go).
CGO_ENABLED=0 GOOS=js GOARCH=wasm go build -trimpath -tags release,no_emoji -ldflags="-s -w" \
	-o "$out/boomerang.wasm" ./cmd/boomerang-web
cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$out/"
cp assets/icon.png "$out/icon.png"
bytes=$(wc -c <"$out/boomerang.wasm" | tr -d ' ')
sed -e "s/@WASM@/boomerang.wasm/" -e "s/@WASM_BYTES@/$bytes/" web/index.html >"$out/index.html"

# Precompressed copies; -n leaves the name and time out, so the same
# build gives the same bytes.
for f in boomerang.wasm wasm_exec.js index.html; do
	gzip -9 -n -c "$out/$f" >"$out/$f.gz"
done
gz=$(wc -c <"$out/boomerang.wasm.gz" | tr -d ' ')
echo "web-build: $out (boomerang.wasm $((bytes / 1000)) kB, $((gz / 1000)) kB gzipped)"
