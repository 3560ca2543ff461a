#!/usr/bin/env bash
# Preview speed (issue 17): `starling render --benchmark` of the flagship against a baseline
# commit, both sides run one after the other, alternately, on the same machine under xvfb (Mesa
# llvmpipe when there is no GPU): prints every run of both sides, the best and the median of
# each, the ratio of the bests, and the load before and after.
#
# Usage (from anywhere):
#   benchmarks/render-vs-baseline.sh             # 3 runs per side, 120 frames each
#   benchmarks/render-vs-baseline.sh 5 240       # 5 runs per side, 240 frames each
# Environment:
#   BASELINE       commit to compare with (default cde2c0e)
#   BASELINE_DIR   an existing, built checkout of it to reuse (default: a git worktree made
#                  under $TMPDIR, built, and removed at exit)
#   SKIP_BUILD     1: reuse both sides' built cli jars
#   SIZE           picture size (default 1280x720)
#   CAMERA         camera preset on both sides (default south-bank)
#
# Each side plans its own tree's shows/chongqing/show.json once, untimed (the show format moved on
# since the baseline; the flagship is the same show), then renders that plan over its own tree's
# shows/chongqing/site.json with the same camera and size. The figure is the "drawn" frames per
# second the benchmark prints (each frame drawn and glFinish-ed, read-back timed apart). Not
# part of the test run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
frames="${2:-120}"
baseline="${BASELINE:-cde2c0e}"
size="${SIZE:-1280x720}"
camera="${CAMERA:-south-bank}"
if [[ "$runs" == -h || "$runs" == --help ]]; then
  sed -n '2,22p' "${BASH_SOURCE[0]}"
  exit 0
fi
command -v xvfb-run >/dev/null || {
  echo "needs xvfb-run: apt-get install -y xvfb xauth libgl1-mesa-dri libglx-mesa0 fontconfig" >&2
  exit 2
}
source "$root/benchmarks/baseline-side.sh"
baseline_init render
build "$base_dir"
build "$root"

echo "planning both flagships (untimed) ..." >&2
"$base_dir/starling" plan "$base_dir/shows/chongqing/show.json" --out "$work/plan-base" -q >/dev/null
"$root/starling" plan "$root/shows/chongqing/show.json" --out "$work/plan-cur" -q --no-cache >/dev/null

# bench SIDE_DIR PLAN_DIR: prints the drawn fps
bench() {
  xvfb-run -a "$1/starling" render "$2/plan.json" --benchmark --size "$size" --camera "$camera" \
    --site "$1/shows/chongqing/site.json" --frames "$frames" >"$work/log" 2>&1 || { cat "$work/log" >&2; return 1; }
  grep -q llvmpipe "$work/log" || echo "note: not llvmpipe: $(grep renderer: "$work/log")" >&2
  sed -n 's/^frames per second: \([0-9.]*\) drawn.*/\1/p' "$work/log"
}

stats() { # prints best (highest) and median of the numbers on stdin
  sort -rn | awk '{a[NR] = $1} END {m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "best %.1f fps, median %.1f fps", a[1], m}'
}

machine_lines
echo "workload: render --benchmark --size $size --camera $camera --frames $frames, flagship plan of each side"
echo "load before: $(uptime)"
: >"$work/base.txt"
: >"$work/cur.txt"
for ((i = 1; i <= runs; i++)); do
  b=$(bench "$base_dir" "$work/plan-base")
  c=$(bench "$root" "$work/plan-cur")
  echo "run $i: baseline $b fps   current $c fps"
  echo "$b" >>"$work/base.txt"
  echo "$c" >>"$work/cur.txt"
done
echo "renderer: $(sed -n 's/^renderer: *//p' "$work/log")"
echo "load after:  $(uptime)"
echo "baseline ($baseline): $(stats <"$work/base.txt")"
echo "current:            $(stats <"$work/cur.txt")"
awk -v b="$(sort -rn "$work/base.txt" | head -1)" -v c="$(sort -rn "$work/cur.txt" | head -1)" \
  'BEGIN {printf "ratio current/baseline fps (best): %.2f\n", c / b}'
