#!/bin/sh
# window-test.sh — the real app in a real (virtual) window, driven with
# real key presses and clicks (xdotool), as a lecturer would:
#
#   1. Ctrl+E → PNG… → type a file name → Enter: the PNG exists and decodes
#   2. Open… → pick a scenario file → Open: the scenario is loaded
#   3. the speed picker, then Space, R and →: the run plays, resets and
#      steps (the picker does not take the keys)
#   4. F5 (each campaign chart a third of the 1920×1080 screen), the story's Next (its question is on screen), the chart
#      picker, then Escape: presentation mode is left and the chosen
#      chart stays; Ctrl+E still opens Export
#
# After each step the process must be alive and its log free of panics.
# Screenshots of every state are kept in out/window-test/ (artefacts).
# The app runs with --trace: it logs what happens ("trace: presentation
# true") and where each text is on screen, so the test waits for states
# instead of sleeping and clicks on texts instead of fixed coordinates.
#
#   scripts/window-test.sh              # (re)builds bin/boomerang first (incremental)
#   OUT=dir TIMEOUT=30 BIN=path/to/boomerang scripts/window-test.sh
#
# Needs: Xvfb, xdotool, imagemagick (scripts/deps.sh installs them).
set -eu
cd "$(dirname "$0")/.."

out=${OUT:-out/window-test}
timeout_s=${TIMEOUT:-30}
for t in Xvfb xdotool import identify; do
	command -v "$t" >/dev/null || {
		echo "window-test: $t is missing (scripts/deps.sh installs it)" >&2
		exit 1
	}
done
bin=${BIN:-bin/boomerang}
# a stale binary would test yesterday's app: rebuild unless BIN names one
[ -n "${BIN:-}" ] || CGO_ENABLED=1 go build -o "$bin" ./cmd/boomerang
rm -rf "$out"
mkdir -p "$out"

tmp=$(mktemp -d)
chmod 700 "$tmp"
home=$tmp/home
mkdir -p "$home/Pictures"
log=$out/app.log
app="" xvfb="" shots=0 began=$(date +%s)
cleanup() {
	[ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

# shot NAME: a screenshot of the whole screen into $out.
shot() {
	shots=$((shots + 1))
	import -window root "$out/$(printf %02d "$shots")-$1.png" 2>/dev/null || true
}

fail() {
	echo "window-test: FAIL: $*" >&2
	shot failed
	echo "--- last lines of $log (screen dumps left out):" >&2
	grep -v -E '^trace: (at|grid|overlay|plot) ' "$log" | tail -25 >&2
	exit 1
}

# healthy WHAT: the app is still running and has not panicked.
healthy() {
	if grep -Eq '^panic:|SIGSEGV|^fatal error:|^goroutine [0-9]+ \[' "$log"; then
		fail "the app panicked during: $1"
	fi
	kill -0 "$app" 2>/dev/null || fail "the app died during: $1"
}

# mark: later expectations look only at log lines written after it.
mark() { from=$(($(wc -l <"$log") + 1)); }

# expect PATTERN WHAT: wait for a trace event after the mark.
expect() {
	end=$(($(date +%s) + timeout_s))
	until tail -n "+$from" "$log" | grep -Eq "^trace: $1"; do
		kill -0 "$app" 2>/dev/null || fail "the app died waiting for $2"
		[ "$(date +%s)" -lt "$end" ] || fail "no '$1' within ${timeout_s}s: $2"
		sleep 0.1
	done
}

# seen PATTERN SECONDS: whether a trace event after the mark shows up
# within SECONDS (for retries; expect fails instead).
seen() {
	end=$(($(date +%s) + $2))
	until tail -n "+$from" "$log" | grep -Eq "^trace: $1"; do
		[ "$(date +%s)" -lt "$end" ] || return 1
		sleep 0.1
	done
}

# screen: the texts of the latest screen dump.
screen() {
	awk '/^trace: screen /{buf=""} /^trace: (at|grid|overlay|plot) /{buf=buf $0 "\n"} END{printf "%s", buf}' "$log"
}

# where TEXT: "X Y" of the last (topmost) text TEXT on screen, waiting
# for it to appear.
where() {
	end=$(($(date +%s) + timeout_s))
	while :; do
		pos=$(screen | grep -F "trace: at \"$1\" " | tail -1 | awk '{print $(NF-1), $NF}')
		[ -n "$pos" ] && break
		kill -0 "$app" 2>/dev/null || fail "the app died waiting for the text '$1'"
		[ "$(date +%s)" -lt "$end" ] || fail "the text '$1' did not appear within ${timeout_s}s"
		sleep 0.1
	done
	echo "$pos"
}

# click X Y: a left click at window pixel X, Y.
click() { xdotool mousemove --window "$win" "$1" "$2" click 1; }

# click_text TEXT: click on the text, as a person would.
click_text() {
	pos=$(where "$1") || exit 1 # where has said why
	# shellcheck disable=SC2086 # where prints "X Y"
	click $pos
}

# key KEY...: key presses for the window (which gets the keyboard focus
# first: going full screen without a window manager can lose it).
key() {
	xdotool windowfocus "$win" 2>/dev/null || true
	xdotool key --window "$win" "$@"
}

# quiet: wait until the screen has stopped changing for half a second
# (presentation mode rescales itself once it is full screen).
quiet() {
	end=$(($(date +%s) + timeout_s))
	n=$(grep -c '^trace: screen ' "$log" || true)
	while :; do
		sleep 0.5
		m=$(grep -c '^trace: screen ' "$log" || true)
		[ "$m" = "$n" ] && break
		n=$m
		[ "$(date +%s)" -lt "$end" ] || fail "the screen did not settle within ${timeout_s}s"
	done
}

# picker_open: wait until a picker's list is open.
picker_open() {
	end=$(($(date +%s) + timeout_s))
	until screen | grep -q '^trace: overlay \*widget.PopUpMenu'; do
		[ "$(date +%s)" -lt "$end" ] || fail "the picker's list did not open"
		sleep 0.1
	done
}

# --- start: a virtual screen, the app on a small scenario, fresh prefs.
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb=$!
end=$(($(date +%s) + 10))
until [ -s "$tmp/display" ]; do
	[ "$(date +%s)" -lt "$end" ] || { cat "$tmp/xvfb.log" >&2; echo "window-test: Xvfb did not start" >&2; exit 1; }
	sleep 0.1
done
DISPLAY=:$(cat "$tmp/display")
export DISPLAY
if locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$'; then lang=en_US.UTF-8; else lang=C.UTF-8; fi
: >"$log" # exists before the app's shell opens it, so the first expect can read it
HOME=$home LANG=$lang LC_ALL=$lang XDG_RUNTIME_DIR=$tmp FYNE_SCALE=1 \
	"$bin" --trace --lang en --scenario broadcast-basics >"$log" 2>&1 &
app=$!
from=1
expect "ready broadcast-basics" "the first frame"
win=$(timeout "$timeout_s" xdotool search --sync --pid "$app" --name "^Boomerang" | tail -1) || true
[ -n "$win" ] || fail "no window"
xdotool windowfocus "$win"
shot ready
healthy "start-up"

# --- 1. Ctrl+E → PNG… → a file name → Enter.
mark
key ctrl+e
expect "dialog export" "Ctrl+E"
where "PNG…" >/dev/null
shot export-dialog
mark
click_text "PNG…"
expect "dialog save" "PNG…"
where "Save" >/dev/null
shot save-dialog
healthy "opening the save dialog"
# The file name field has the keyboard, holding the default name.
key ctrl+a
xdotool type --window "$win" --delay 15 "window-test.png"
key Return
png=$home/Pictures/window-test.png # the export folder (~/Pictures)
expect "status error=false Exported window-test.png" "the PNG export"
fmt=$(identify -format '%m %wx%h' "$png" 2>/dev/null) || fail "$png does not decode"
[ "$fmt" = "PNG 1600x1000" ] || fail "$png is '$fmt', want 'PNG 1600x1000'"
shot exported
healthy "exporting a PNG"

# --- 2. Open… a scenario file.
cp scenarios/builtin/opinion-lab.toml "$home/Pictures/lecture.toml"
cp scenarios/builtin/opinion-lab.toml "$home/lecture.toml"
mark
click_text "Open…"
expect "dialog open" "Open…"
grid=$(where "Open" >/dev/null && screen | grep '^trace: grid ' | tail -1)
[ -n "$grid" ] || fail "no file list in the open dialog"
set -- $grid
# The folder holds (Parent), lecture.toml and perhaps folders after it:
# lecture.toml is the second item. Fyne 2.8 lays file items 80 units
# wide, 4 apart, from the list's left edge (FYNE_SCALE=1 here).
# The folder is listed in the background: if the first click finds no
# item yet, Open stays disabled, and the test tries again.
gx=$(($3 + 124)) gy=$(($4 + 40))
for try in 1 2 3; do
	click "$gx" "$gy"
	[ "$try" = 1 ] && shot open-dialog
	click_text "Open"
	seen "opened lecture.toml" 5 && break
done
expect "opened lecture.toml as opinion-lab" "opening lecture.toml"
expect "ready opinion-lab" "the opened scenario's first frame"
shot opened
healthy "opening a scenario file"

# --- 3. A picker, then Space: the keyboard is the window's again.
click_text "Normal"
picker_open
shot speed-picker
key Down Down Down Return # the list starts before Slow: Slow, Normal, Fast
where "Fast" >/dev/null
mark
key space
expect "playing true" "Space after the speed picker"
shot playing
mark
key space
expect "playing false" "Space again"
key r # reset: the counter goes back to step 0
where "Step 0 / 200" >/dev/null
key Right # one step
where "Step 1 / 200" >/dev/null
healthy "Space, R and → after a picker"

# --- 4. F5, the chart picker in presentation mode, Escape, Ctrl+E.
mark
key F5
expect "presentation true" "F5"
quiet
shot presentation
# Full screen on a 1920×1080 projector: each campaign chart a third of it.
screen | awk '/^trace: plot /{n++; if ($7 < 1080/3) {print "chart " $3 " is " $7 " px high"; bad=1}}
	END{if (n != 4) {print n " campaign charts on screen"; bad=1}; exit bad}' >"$tmp/charts" ||
	fail "presentation mode at 1920×1080: $(cat "$tmp/charts")"
# The story's Next, then its question: in view without scrolling.
mark
click_text "Next"
expect "playing true" "Next (a story step plays)"
key space
expect "playing false" "Space to pause the story step"
quiet
set -- $(where "Ask the class:")
[ "$2" -lt "$(xdotool getdisplaygeometry | cut -d' ' -f2)" ] || fail "the story's question is below the screen (y=$2)"
shot presentation-question
mark
click_text "Personal data used"
picker_open
key Down Down Return # Personal data used, Sensitive targeting
expect "chart sensitive_share" "picking a chart"
mark
key Escape
expect "presentation false" "Escape after the chart picker"
quiet
where "Sensitive targeting" >/dev/null # the chosen chart stays
shot left-presentation
mark
key ctrl+e
expect "dialog export" "Ctrl+E after presentation mode"
shot export-again
click_text "Close"
healthy "presentation mode and pickers"

echo "window-test: ok in $(($(date +%s) - began))s; screenshots in $out"
