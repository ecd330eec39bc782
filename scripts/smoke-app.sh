#!/bin/sh
# smoke-app.sh — build the desktop app with cgo and check, on a virtual X
# display, that it starts, draws its first chart, plays a few steps and
# quits cleanly ("smoke: ok", exit 0). Exit status is the app's (124 on
# timeout). Needs: gcc, the GL/X11 (and Wayland) headers, xvfb, xauth.
#
#   scripts/smoke-app.sh            # build bin/boomerang, run the check
#   SMOKE_TIMEOUT=120 BUILD_TAGS=x11 scripts/smoke-app.sh
set -eu
cd "$(dirname "$0")/.."

timeout_s=${SMOKE_TIMEOUT:-120}
tags=${BUILD_TAGS:-}

# Fyne wants a UTF-8 locale; en_US.UTF-8 is often not generated.
if locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$'; then
	lang=en_US.UTF-8
else
	lang=C.UTF-8
fi

start=$(date +%s)
echo "smoke-app: building bin/boomerang (cgo${tags:+, tags $tags})"
mkdir -p bin
CGO_ENABLED=1 go build ${tags:+-tags "$tags"} -o bin/boomerang ./cmd/boomerang
built=$(date +%s)
echo "smoke-app: built in $((built - start))s; running under Xvfb (timeout ${timeout_s}s, LANG=$lang)"

# Our own auth file and runtime dir: xvfb-run then has no temporary
# directory of its own to clean up (its cleanup can fail and mask the
# app's exit status with 5), and Fyne finds a valid XDG_RUNTIME_DIR.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 700 "$tmp"

status=0
LANG=$lang LC_ALL=$lang XDG_RUNTIME_DIR=$tmp BOOMERANG_SMOKE=1 \
	timeout "$timeout_s" xvfb-run -a -f "$tmp/Xauthority" -s "-screen 0 1280x800x24" \
	./bin/boomerang || status=$?
end=$(date +%s)
echo "smoke-app: ran in $((end - built))s, exit status $status"
exit "$status"
