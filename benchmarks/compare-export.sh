#!/usr/bin/env bash
# The .skyc export of the flagship, this tree against a baseline commit, run alternately on the
# same machine: builds the baseline in a temporary git worktree (with this tree's
# FlagshipExportBenchmark copied in, so both sides run the same workload), then runs
# FlagshipExportBenchmark (flagship with its effects, and without them) on each side ROUNDS times,
# printing each run's scores, sizes and the load. Compare best-of figures.
#
# Usage (from anywhere):   benchmarks/compare-export.sh [BASELINE_COMMIT]   (default 304f88e)
# Environment: ROUNDS (default 2), WI / I (JMH warmup / measured iterations, default 3 / 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base_rev="${1:-304f88e}"
rounds="${ROUNDS:-2}"
wi="${WI:-3}"
it="${I:-5}"
base_dir="$(mktemp -d /tmp/starling-baseline-XXXXXX)"
cleanup() { git -C "$root" worktree remove --force "$base_dir" >/dev/null 2>&1 || rm -rf "$base_dir"; }
trap cleanup EXIT
git -C "$root" worktree add -q --detach "$base_dir" "$base_rev"
bench=benchmarks/src/main/java/dev/starling/bench/FlagshipExportBenchmark.java
show_targets="dev.starling.formation.ShowTargets"
[[ -f "$base_dir/core/src/main/java/dev/starling/formation/ShowTargets.java" ]] || show_targets="dev.starling.show.ShowTargets"
sed "s/import dev.starling.formation.ShowTargets;/import $show_targets;/" "$root/$bench" > "$base_dir/$bench"
echo "building baseline $base_rev and this tree ..." >&2
(cd "$base_dir" && ./mvnw -B -q -pl benchmarks -am package -DskipTests)
(cd "$root" && ./mvnw -B -q -pl benchmarks -am package -DskipTests)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
for r in $(seq 1 "$rounds"); do
  for side in baseline this; do
    dir="$root"; [[ $side == baseline ]] && dir="$base_dir"
    echo "== $side ($( [[ $side == baseline ]] && echo "$base_rev" || git -C "$root" rev-parse --short HEAD)) round $r, $(uptime | sed 's/.*load/load/')"
    (cd "$dir" && java -jar benchmarks/target/benchmarks.jar FlagshipExportBenchmark -f 1 -wi "$wi" -i "$it" 2>&1 \
      | grep -E '^\[skyc size\]|^\[light keyframes\]|^FlagshipExportBenchmark')
  done
done
