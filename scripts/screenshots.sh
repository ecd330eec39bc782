#!/bin/sh
# screenshots.sh — screenshots of the real app under Xvfb, kept as
# artefacts (not golden files): look at them. Each shot starts the app on
# a view, lets it play, captures the screen and checks the picture is not
# blank (at least 64 colours).
#
#   scripts/screenshots.sh            # every view in English and Dutch at
#                                     # 1280×800, FYNE_SCALE=1.5, and
#                                     # presentation mode at 1920×1080,
#                                     # 1280×800 with FYNE_SCALE=1.5 and
#                                     # 1024×768
#   scripts/screenshots.sh --quick    # five shots (what CI takes)
#   OUT=dir WAIT=15 scripts/screenshots.sh
#
# Builds bin/boomerang (incremental); needs xvfb, imagemagick.
set -eu
cd "$(dirname "$0")/.."
out=${OUT:-out/screenshots}
wait_s=${WAIT:-12}
mkdir -p "$out"
CGO_ENABLED=1 go build -o bin/boomerang ./cmd/boomerang # incremental; never a stale binary

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 700 "$tmp"

# shot NAME GEOMETRY SCALE ARGS...: one screenshot into $out/NAME.png.
shot() {
	name=$1 geom=$2 scale=$3
	shift 3
	home="$tmp/home-$name" # fresh preferences: no remembered window size
	mkdir -p "$home"
	HOME=$home LANG=C.UTF-8 XDG_RUNTIME_DIR=$tmp FYNE_SCALE=$scale \
		xvfb-run -a -f "$tmp/Xauthority-$name" -s "-screen 0 ${geom}x24" \
		sh -c "./bin/boomerang --autoplay $* >/dev/null 2>&1 & sleep $wait_s; import -window root '$out/$name.png'; kill \$!" ||
		true
	colours=$(identify -format '%k' "$out/$name.png" 2>/dev/null || echo 0)
	if [ "$colours" -lt 64 ]; then
		echo "screenshots: $name.png is blank ($colours colours)" >&2
		exit 1
	fi
	echo "screenshots: $out/$name.png ($geom, FYNE_SCALE=$scale, $colours colours)"
}

if [ "${1:-}" = "--quick" ]; then
	shot campaign-en-1280x800 1280x800 1 --tab campaign
	shot campaign-en-scale1.5 1280x800 1.5 --tab campaign
	shot present-nl-1920x1080 1920x1080 1 --present --lang nl --scenario cambridge-analytica-2016
	shot present-en-scale1.5 1280x800 1.5 --present --lang en --scenario cambridge-analytica-2016
	shot present-en-1024x768 1024x768 1 --present --lang en --scenario cambridge-analytica-2016
	exit 0
fi
for lang in en nl; do
	for tab in campaign population target likeme tradeoff learn settings; do
		shot "$tab-$lang-1280x800" 1280x800 1 --tab "$tab" --lang "$lang" --agent 7 --scenario targeting-showdown
	done
	shot "campaign-$lang-scale1.5" 1280x800 1.5 --lang "$lang"
	shot "target-$lang-scale1.5" 1280x800 1.5 --lang "$lang" --tab target --agent 7
	shot "present-$lang-1920x1080" 1920x1080 1 --present --lang "$lang" --scenario cambridge-analytica-2016
	shot "present-$lang-scale1.5" 1280x800 1.5 --present --lang "$lang" --scenario cambridge-analytica-2016
	shot "present-$lang-1024x768" 1024x768 1 --present --lang "$lang" --scenario cambridge-analytica-2016
done
