#!/usr/bin/env bash
# Starling's exact assignment against scipy.optimize.linear_sum_assignment on the same instance,
# in the same run: prints both times, their ratio, and whether the total squared distances agree
# within Starling's quantisation bound (Certificate.gapBound).
#
# Usage (from anywhere):
#   benchmarks/compare-scipy.sh                             # GRID_TO_PLANE and BOX_TO_BOX at n = 5000
#   benchmarks/compare-scipy.sh BOX_TO_BOX 2000             # one workload (see AssignmentWorkload) and size
#   benchmarks/compare-scipy.sh --files from.csv to.csv     # your own pair of x,y,z point files
# Environment: BUILD_DIR (Maven build folder, default target), SKIP_BUILD=1 (reuse the jar),
#   SEED (instance seed, default 1), REPEATS (Starling solves in one JVM, default 5).
# Needs python3 with scipy (Debian: python3-scipy, installed here when missing and run as root).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build_dir="${BUILD_DIR:-target}"
seed="${SEED:-1}"
repeats="${REPEATS:-5}"
jar="benchmarks/$build_dir/benchmarks.jar"

if ! python3 -c 'import scipy, numpy' 2>/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "installing python3-scipy ..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-scipy >/dev/null
  else
    echo "error: python3 with scipy is required (apt-get install python3-scipy)" >&2
    exit 2
  fi
fi
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$jar" ]]; then
  echo "building $jar ..." >&2
  ./mvnw -q -B -DbuildDirName="$build_dir" -pl benchmarks -am package -Dmaven.test.skip=true >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cases=()
if [[ "${1:-}" == "--files" ]]; then
  [[ $# -eq 3 ]] || { echo "usage: $0 --files FROM.csv TO.csv" >&2; exit 2; }
  cases+=("files|$2|$3")
elif [[ $# -ge 1 ]]; then
  cases+=("$1|${2:-5000}")
else
  cases+=("GRID_TO_PLANE|5000" "BOX_TO_BOX|5000")
fi

for c in "${cases[@]}"; do
  IFS='|' read -r kind a b <<<"$c"
  if [[ "$kind" == files ]]; then
    label="$a -> $b"
    from="$a"
    to="$b"
  else
    label="$kind n=$a seed=$seed"
    dir="$work/$kind-$a"
    java -Djava.awt.headless=true -cp "$jar" dev.starling.bench.AssignmentCompare write "$kind" "$a" "$seed" "$dir"
    from="$dir/from.csv"
    to="$dir/to.csv"
  fi
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "== $label (load average $load)"
  starling="$(java -Xmx2g -cp "$jar" dev.starling.bench.AssignmentCompare solve "$from" "$to" "$repeats")"
  scipy="$(python3 benchmarks/compare_scipy.py "$from" "$to")"
  STARLING="$starling" SCIPY="$scipy" python3 - <<'PY'
import json, os
s = json.loads(os.environ["STARLING"])
p = json.loads(os.environ["SCIPY"])
print(f"  scipy {p['scipy']} linear_sum_assignment: {p['solveSeconds']:.3f} s solve "
      f"(+ {p['buildSeconds']:.3f} s to build the {p['n']}x{p['n']} cost matrix)")
print(f"  Starling Assigner.solve (certificate check included): {s['firstSeconds']:.3f} s first solve in a fresh JVM, "
      f"{s['medianSeconds']:.3f} s median of the next {s['repeats'] - 1}")
print(f"  ratio scipy solve / Starling: {p['solveSeconds'] / s['medianSeconds']:.1f}x "
      f"(against Starling's first solve: {p['solveSeconds'] / s['firstSeconds']:.1f}x)")
diff = s["cost"] - p["cost"]
ok = abs(diff) <= s["gapBound"] and s["valid"]
print(f"  total squared distance: scipy {p['cost']:.6f} m², Starling {s['cost']:.6f} m²; "
      f"difference {diff:+.3g} m² (bound {s['gapBound']:.3g} m², grid {s['step'] * 1e6:.3g} µm): "
      + ("EQUAL within the bound" if ok else "DIFFERENT"))
PY
done
