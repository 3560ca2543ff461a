# Sourced by the *-vs-baseline.sh scripts (needs $root and $baseline set): the baseline side and
# the lines every such script prints first.
#
# baseline_init NAME   sets $work (a temporary folder named after NAME) and $base_dir
#                      (BASELINE_DIR, or a git worktree of $baseline made under $work); both are
#                      removed at exit (baseline_cleanup)
# build DIR            builds DIR's cli unless SKIP_BUILD=1 finds it built, then lets its launcher
#                      do its one-time start-up work (class-data archive), untimed
# machine_lines        the machine, the baseline and the current commit

baseline_cleanup() {
  if [[ -n "${made_worktree:-}" ]]; then
    git -C "$root" worktree remove --force "$made_worktree" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}

baseline_init() {
  work="$(mktemp -d "${TMPDIR:-/tmp}/starling-$1.XXXXXX")"
  made_worktree=""
  trap baseline_cleanup EXIT
  base_dir="${BASELINE_DIR:-}"
  if [[ -z "$base_dir" ]]; then
    base_dir="$work/baseline"
    git -C "$root" worktree add --detach "$base_dir" "$baseline" >/dev/null 2>&1
    made_worktree="$base_dir"
  fi
}

build() {
  if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$1/cli/target/starling-cli.jar" ]]; then
    echo "building $1 ..." >&2
    (cd "$1" && ./mvnw -B -q -pl cli -am package -DskipTests >&2)
  fi
  touch "$1/cli/target/.starling-build-stamp" # the launcher then starts without a rebuild check's build
  "$1/starling" --version >/dev/null          # and does its one-time start-up work now, untimed
}

machine_lines() {
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
  # the baseline's launcher runs the java on the PATH; this tree's runs $JAVA_HOME's when set
  echo "java (baseline): $(java -version 2>&1 | head -1)"
  echo "java (current):  $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"
  echo "baseline: $(git -C "$base_dir" log --oneline -1)"
  echo "current:  $(git -C "$root" log --oneline -1)$(git -C "$root" diff --quiet HEAD || echo ' (+ uncommitted changes)')"
}
