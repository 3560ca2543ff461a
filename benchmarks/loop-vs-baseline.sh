#!/usr/bin/env bash
# The designer's loop (issue 17) against a baseline commit, both built from source here and run
# one after the other, alternately, on the same machine: prints every run of both sides, the
# best and the median of each, the ratio of the bests, and the load before and after.
#
# Usage (from anywhere):
#   benchmarks/loop-vs-baseline.sh              # cold flagship plan, 3 runs per side
#   benchmarks/loop-vs-baseline.sh cold 5       # 5 runs per side
#   benchmarks/loop-vs-baseline.sh edit 3       # one-scene edit (count of AI+车) re-planned with
#                                               # the cache, against a cold plan of the edited
#                                               # show on both sides; checks plan.json bytes
#   benchmarks/loop-vs-baseline.sh watch 3      # the designer's loop as a designer runs it: one
#                                               # `plan --watch` of a copy of the flagship, one
#                                               # untimed edit (+20) to warm it; then each
#                                               # run edits AI+车's count (-20, -40, ...: a new
#                                               # one-scene edit every time) and times from the
#                                               # saved file to the re-plan's end (poll and
#                                               # settle included), against a cold plan of the
#                                               # same edit on the baseline; then checks every
#                                               # re-plan's plan.json against a cold plan
#   benchmarks/loop-vs-baseline.sh fleet 2      # the 20,000-drone fleet (benchmarks/shows/
#                                               # fleet-20000.json, GeneratedShows.parametric's
#                                               # show) planned, verified and exported to .skyc
#                                               # (four Skybrush parts); this tree under -Xmx2g,
#                                               # the baseline under its launcher's -Xmx4g;
#                                               # prints each side's peak resident memory
# Environment:
#   BASELINE       commit to compare with (default cde2c0e)
#   BASELINE_DIR   an existing checkout of it to reuse (default: a git worktree made under
#                  $TMPDIR and removed at exit)
#   SKIP_BUILD     1: reuse both sides' built cli jars
#   JAVA_OPTS      if set, STARLING_JAVA_OPTS for both sides (default: each launcher's own, -Xmx4g)
#   JAVA_HOME      the JDK this tree's launcher runs (the baseline's runs the java on the PATH): to
#                  compare both on another JDK, set both, e.g.
#                  J=/usr/lib/jvm/temurin-25-jdk-amd64; JAVA_HOME=$J PATH=$J/bin:$PATH benchmarks/...
#
# Each side runs through its own ./starling launcher (so each gets the JVM options and start-up
# work its launcher does: this tree's class-data archive is trained once, untimed, before the
# first timed run) and plans its own tree's shows/chongqing/show.json (the show format moved on
# since the baseline; the flagship is the same show). Wall time is the whole run, JVM start-up
# included, measured with date +%s%N; user+sys CPU comes from /usr/bin/time when present. Not
# part of the test run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-cold}"
runs="${2:-3}"
baseline="${BASELINE:-cde2c0e}"
if [[ -n "${JAVA_OPTS:-}" ]]; then
  export STARLING_JAVA_OPTS="$JAVA_OPTS"
fi
case "$mode" in
  cold|edit|watch|fleet) ;;
  *) echo "usage: $0 [cold|edit|watch|fleet] [RUNS]" >&2; exit 2 ;;
esac

source "$root/benchmarks/baseline-side.sh"
baseline_init loop
build "$base_dir"
build "$root"

# run SIDE_DIR OUT SHOW [extra args]: prints "wall_s cpu_s" (and the peak resident MB in
# $work/rss)
run() {
  local dir="$1" out="$2" show="$3"
  shift 3
  local t0 t1 cpu=""
  t0=$(date +%s%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "%U %S %M" -o "$work/cpu" "$dir/starling" \
      plan "$show" --out "$out" -q "$@" >"$work/log" 2>&1 || { cat "$work/log" >&2; return 1; }
    cpu=$(awk '{printf "%.2f", $1 + $2}' "$work/cpu")
    awk '{printf "%.0f", $3 / 1024}' "$work/cpu" >"$work/rss"
  else
    "$dir/starling" plan "$show" --out "$out" -q "$@" >"$work/log" 2>&1 || { cat "$work/log" >&2; return 1; }
  fi
  t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" -v c="$cpu" 'BEGIN {printf "%.2f %s\n", (b - a) / 1e9, c}'
}

# edit SHOW OUT [K]: the show with the count of AI+车 lowered by 20 x K (default 1), written
# beside the original so its assets resolve
edit_show() {
  python3 - "$1" "$2" "${3:-1}" <<'EOF'
import json, sys
src, dst, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
show = json.load(open(src, encoding="utf-8"))
for s in show["scenes"]:
    if s["name"] == "AI+车":
        s["formation"]["count"] -= 20 * k
json.dump(show, open(dst, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
EOF
}

stats() { # prints best and median of the numbers on stdin
  sort -n | awk '{a[NR] = $1} END {m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "best %.2f s, median %.2f s", a[1], m}'
}

machine_lines
echo "load before: $(uptime)"
: >"$work/base.txt"
: >"$work/cur.txt"
base_show="$base_dir/shows/chongqing/show.json"
cur_show="$root/shows/chongqing/show.json"
if [[ "$mode" == edit ]]; then
  edit_show "$base_show" "$base_dir/shows/chongqing/.loop-edited.json"
  edit_show "$cur_show" "$root/shows/chongqing/.loop-edited.json"
  trap 'rm -f "$base_dir/shows/chongqing/.loop-edited.json" "$root/shows/chongqing/.loop-edited.json"; baseline_cleanup' EXIT
fi
if [[ "$mode" == watch ]]; then
  # this tree's show copied, so that editing it in place leaves the tree alone
  cp -r "$root/shows/chongqing" "$work/wshow"
  "$root/starling" plan "$work/wshow/show.json" --out "$work/w/out" --watch >"$work/wlog" 2>&1 &
  watcher=$!
  trap 'kill $watcher 2>/dev/null; rm -f "$base_dir/shows/chongqing/.loop-edited.json"; baseline_cleanup' EXIT
  # wait_plans N: until the watcher has finished N plans (each ends with its "watching" line),
  # looking every 10 ms (the figure's resolution); its log and exit 1 if it died
  wait_plans() {
    until [[ "$(grep -c '^watching ' "$work/wlog" || true)" -ge "$1" ]]; do
      kill -0 $watcher 2>/dev/null || { cat "$work/wlog" >&2; exit 1; }
      sleep 0.01
    done
  }
  wait_plans 1
  # one untimed edit first (count +20), as a designer's session has had a few: the JIT has then
  # seen a re-plan, not only the cold plan
  edit_show "$root/shows/chongqing/show.json" "$work/wshow/.next.json" -1
  mv "$work/wshow/.next.json" "$work/wshow/show.json"
  wait_plans 2
fi
for ((i = 1; i <= runs; i++)); do
  if [[ "$mode" == watch ]]; then
    edit_show "$base_show" "$base_dir/shows/chongqing/.loop-edited.json" "$i"
    b=$(run "$base_dir" "$work/b$i" "$base_dir/shows/chongqing/.loop-edited.json")
    edit_show "$root/shows/chongqing/show.json" "$work/wshow/.edit$i.json" "$i"
    cp "$work/wshow/.edit$i.json" "$work/wshow/.next.json"
    t0=$(date +%s%N)
    mv "$work/wshow/.next.json" "$work/wshow/show.json" # saved at once, as editors do
    wait_plans $((i + 2))
    t1=$(date +%s%N)
    cp "$work/w/out/plan.json" "$work/watch$i.json"
    c=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f -", (b - a) / 1e9}')
    echo "run $i: baseline cold ${b% *} s wall (cpu ${b#* } s)   current --watch re-plan ${c% *} s from save to done; $(grep '^time:' "$work/wlog" | tail -1)"
  elif [[ "$mode" == cold ]]; then
    b=$(run "$base_dir" "$work/b$i" "$base_show")
    c=$(run "$root" "$work/c$i" "$cur_show" --no-cache)
    echo "run $i: baseline ${b% *} s wall (cpu ${b#* } s)   current ${c% *} s wall (cpu ${c#* } s)"
  elif [[ "$mode" == fleet ]]; then
    fleet="$root/benchmarks/shows/fleet-20000.json"
    b=$(run "$base_dir" "$work/b$i" "$fleet" --export skyc)
    brss=$(cat "$work/rss" 2>/dev/null || echo "?")
    c=$(STARLING_JAVA_OPTS="${JAVA_OPTS:--Xmx2g}" run "$root" "$work/c$i" "$fleet" --no-cache --export skyc)
    crss=$(cat "$work/rss" 2>/dev/null || echo "?")
    parts=$(ls "$work/c$i"/*.skyc 2>/dev/null | wc -l)
    echo "run $i: baseline ${b% *} s wall (cpu ${b#* } s, peak RSS ${brss} MB)   current ${c% *} s wall (cpu ${c#* } s, peak RSS ${crss} MB, ${JAVA_OPTS:--Xmx2g}, $parts .skyc parts)"
    rm -rf "$work/b$i" "$work/c$i"
  else
    # baseline: no cache, a cold plan of the edited show; current: plan the original with the
    # cache, then re-plan the edited show in the same folder (timed), then compare with a cold
    # plan of the edited show
    # (each run in its own folder: the cache sits beside the output, in $work/run$i/.starling-cache)
    b=$(run "$base_dir" "$work/b$i" "$base_dir/shows/chongqing/.loop-edited.json")
    run "$root" "$work/run$i/c" "$cur_show" >/dev/null
    c=$(run "$root" "$work/run$i/c" "$root/shows/chongqing/.loop-edited.json")
    run "$root" "$work/cold$i" "$root/shows/chongqing/.loop-edited.json" --no-cache >/dev/null
    same=$(cmp -s "$work/run$i/c/plan.json" "$work/cold$i/plan.json" && echo "plan.json identical to a cold plan" || echo "PLAN.JSON DIFFERS from a cold plan")
    echo "run $i: baseline cold ${b% *} s wall (cpu ${b#* } s)   current re-plan ${c% *} s wall (cpu ${c#* } s), $same"
  fi
  echo "${b% *}" >>"$work/base.txt"
  echo "${c% *}" >>"$work/cur.txt"
done
echo "load after:  $(uptime)"
if [[ "$mode" == watch ]]; then
  kill $watcher 2>/dev/null || true
  grep -E '^  cache:' "$work/wlog" | tail -2
  for ((i = 1; i <= runs; i++)); do # each re-plan against a cold plan of its edit, untimed
    run "$root" "$work/cold$i" "$work/wshow/.edit$i.json" --no-cache >/dev/null
    cmp -s "$work/watch$i.json" "$work/cold$i/plan.json" && echo "edit $i: plan.json identical to a cold plan" \
      || echo "edit $i: PLAN.JSON DIFFERS from a cold plan"
    rm -rf "$work/cold$i"
  done
fi
bb=$(stats <"$work/base.txt")
cb=$(stats <"$work/cur.txt")
echo "baseline ($baseline): $bb"
echo "current:            $cb"
awk -v b="$(sort -n "$work/base.txt" | head -1)" -v c="$(sort -n "$work/cur.txt" | head -1)" \
  'BEGIN {printf "ratio current/baseline (best): %.2f\n", c / b}'
