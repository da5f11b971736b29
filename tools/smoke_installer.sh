#!/usr/bin/env bash
# Build the one-folder app with PyInstaller and smoke-test it from outside the source tree:
# --version, a headless transcription of a speech fixture with the network off, and the window opening
# offscreen. Prints the bundle's size and start-up time. Run from the repository with its .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

.venv/bin/pyinstaller --noconfirm --log-level ERROR build_installer.spec
app="$repo/dist/minutes/minutes"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp tests/data/en_librispeech_1995-1837-0001.wav "$work/talk.wav"
cd "$work"
export MINUTES_DATA_DIR="$work/data"   # a fresh user: the bundled model is assembled from the bundle itself

version=$("$app" --version)
[[ "$version" == Minutes\ * ]] || { echo "smoke: --version printed '$version'"; exit 1; }

TIMEFORMAT=%R
startup=$( { time "$app" --version >/dev/null; } 2>&1 )

# No network at all: a private network namespace with nothing in it.
unshare --net "$app" transcribe talk.wav > transcript.txt
grep -qi "first great sorrow" transcript.txt || { echo "smoke: unexpected transcript:"; cat transcript.txt; exit 1; }

# The window must open and keep running (timeout's 124 means it was still up when stopped).
set +e
QT_QPA_PLATFORM=offscreen timeout 15 "$app" > window.log 2>&1
status=$?
set -e
if [ "$status" -ne 124 ] || grep -q Traceback window.log; then
    echo "smoke: the window did not stay open (status $status):"; cat window.log; exit 1
fi

echo "smoke test passed: $version; bundle $(du -sh "$repo/dist/minutes" | cut -f1); --version in ${startup} s"
