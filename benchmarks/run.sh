#!/usr/bin/env bash
# Assignment benchmarks: builds the JMH jar, runs Starling's exact assignment against OR-tools
# LinearSumAssignment (and JGraphT Kuhn-Munkres at n <= 1000) on the same instances in the same
# JMH run per size, and prints a markdown table of medians with the machine it ran on.
#
# Usage (from anywhere):
#   benchmarks/run.sh                      # n = 1000 5000 10000 20000, all workloads
#   benchmarks/run.sh 1000 5000            # chosen sizes
#   WORKLOADS=GRID_TO_PLANE benchmarks/run.sh 5000
#   BUILD_DIR=target-bench WI=1 I=3 benchmarks/run.sh
# Environment:
#   BUILD_DIR    Maven build folder name (default target); results go to benchmarks/$BUILD_DIR/jmh-assignment
#   WORKLOADS    space-separated subset of GRID_TO_PLANE BOX_TO_BOX FORMATION_TO_FORMATION
#   WI, I        warmup and measured iterations, one solve each (default: the benchmark's own,
#                Starling 5 + 5, OR-tools 1 + 3)
#   ORTOOLS_MAX  largest n for OR-tools (default 10000: n^2 arcs need ~16 bytes each of native memory)
#   KM_MAX       largest n for JGraphT Kuhn-Munkres (default 1000; one solve per workload, it needs
#                tens of seconds to minutes there)
#   SKIP_BUILD   set to 1 to reuse the built jar
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build_dir="${BUILD_DIR:-target}"
sizes=("$@")
if (( ${#sizes[@]} == 0 )); then
  sizes=(1000 5000 10000 20000)
fi
workloads="${WORKLOADS:-GRID_TO_PLANE BOX_TO_BOX FORMATION_TO_FORMATION}"
iterations=()
[[ -n "${WI:-}" ]] && iterations+=(-wi "$WI")
[[ -n "${I:-}" ]] && iterations+=(-i "$I")
ortools_max="${ORTOOLS_MAX:-10000}"
km_max="${KM_MAX:-1000}"
jar="benchmarks/$build_dir/benchmarks.jar"
out="benchmarks/$build_dir/jmh-assignment"

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$jar" ]]; then
  echo "building $jar ..." >&2
  ./mvnw -q -B -DbuildDirName="$build_dir" -pl benchmarks -am package -Dmaven.test.skip=true >&2
fi
mkdir -p "$out"
rm -f "$out"/n*.json "$out"/km*.json
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

wl_list="$(echo "$workloads" | tr ' ' ',')"
for n in "${sizes[@]}"; do
  methods="starling"
  if (( n <= ortools_max )); then
    methods="starling|ortools|ortoolsAddArcsOnly"
  fi
  echo "n = $n: $methods" >&2
  java -jar "$jar" "AssignmentBenchmark\\.($methods)\$" -p "n=$n" -p "workload=$wl_list" -f 1 "${iterations[@]}" \
    -rf json -rff "$out/n$n.json" >&2
  if (( n <= km_max )); then
    # one solve per workload: Kuhn-Munkres needs tens of seconds to minutes at n = 1000
    echo "n = $n: JGraphT Kuhn-Munkres" >&2
    java -jar "$jar" "AssignmentKuhnMunkresBenchmark\\.jgrapht\$" -p "n=$n" -p "workload=$wl_list" -f 1 -wi 0 -i 1 \
      -rf json -rff "$out/km$n.json" >&2
  fi
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

export LOAD_BEFORE="$load_before" LOAD_AFTER="$load_after" OUT_DIR="$out"
export CPU_MODEL="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
export CORES="$(nproc)"
export RAM="$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
export OS_NAME="$( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null || uname -s), kernel $(uname -r)"
export JDK="$(java -version 2>&1 | head -2 | tr '\n' ' ' | sed 's/ *$//')"
export COMMIT="$(git rev-parse --short HEAD)$(git diff --quiet -- core/src/main/java/dev/starling/assign benchmarks || echo ' (assign/benchmarks with local changes)')"
python3 - <<'PY'
import glob, json, os, statistics

rows = {}
jmh = "?"
for f in sorted(glob.glob(os.path.join(os.environ["OUT_DIR"], "*.json"))):
    for r in json.load(open(f)):
        jmh = r.get("jmhVersion", jmh)
        method = r["benchmark"].rsplit(".", 1)[1]
        p = r["params"]
        raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
        rows.setdefault((p["workload"], int(p["n"])), {})[method] = statistics.median(raw) / 1000.0

def s(v):
    return "—" if v is None else (f"{v:.3f} s" if v < 10 else f"{v:.1f} s")

def ratio(peer, ours):
    return "—" if peer is None or not ours else f"{peer / ours:.1f}×"

print(f"Machine: {os.environ['CPU_MODEL']}, {os.environ['CORES']} cores, {os.environ['RAM']} RAM; {os.environ['OS_NAME']}")
print(f"JDK: {os.environ['JDK']}; JMH {jmh}; commit {os.environ['COMMIT']}")
print(f"Load average (1/5/15 min) before: {os.environ['LOAD_BEFORE']}, after: {os.environ['LOAD_AFTER']} "
      "(the machine is shared: compare ratios from the same run)")
print("Median of single-shot solves (JMH SingleShotTime, -f 1, -Xmx2g); OR-tools = arcs + solve, same JMH run as "
      "Starling; JGraphT: one solve, in the JMH run right after; ratio = peer time / Starling time.")
print()
print("| workload | n | Starling | OR-tools (arcs + solve) | OR-tools arcs only | ratio OR-tools | JGraphT KM | ratio KM |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
order = {"GRID_TO_PLANE": 0, "BOX_TO_BOX": 1, "FORMATION_TO_FORMATION": 2}
for (w, n) in sorted(rows, key=lambda k: (order.get(k[0], 9), k[1])):
    m = rows[(w, n)]
    ours = m.get("starling")
    print(f"| {w} | {n} | {s(ours)} | {s(m.get('ortools'))} | {s(m.get('ortoolsAddArcsOnly'))} | "
          f"{ratio(m.get('ortools'), ours)} | {s(m.get('jgrapht'))} | {ratio(m.get('jgrapht'), ours)} |")
PY
