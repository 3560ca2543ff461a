#!/usr/bin/env bash
# Rebuilds the flagship soundtrack: synthesises it (Soundtrack.java, JDK only), writes the
# Audacity label file of its sections, and encodes the MP3 with ffmpeg (libmp3lame).
#   bash shows/chongqing/assets/soundtrack/make.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
assets="$(dirname "$here")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
java "$here/Soundtrack.java" "$tmp/soundtrack.wav" "$assets/soundtrack.txt"
ffmpeg -hide_banner -loglevel error -y -i "$tmp/soundtrack.wav" -ac 1 -ar 22050 -codec:a libmp3lame -b:a 20k \
  -map_metadata -1 -fflags +bitexact -metadata title="Two Rivers, One Clock" -metadata artist="Starling" \
  -metadata copyright="CC0-1.0" "$tmp/soundtrack.mp3"
mv "$tmp/soundtrack.mp3" "$assets/soundtrack.mp3"
ls -l "$assets/soundtrack.mp3" "$assets/soundtrack.txt"
