#!/usr/bin/env bash
# Runs every bundled benchmark binary (BUILD_DIR/bin/benchgate_*_bench)
# through benchgate with the gate on, twice:
#   - timed: budgets from thresholds/<name>.json (benchgate_suite_bench ->
#     suite.json), the enriched JSON in BUILD_DIR/bench-results/<binary>.json;
#   - counted (--benchgate_measure=instructions, under Valgrind): the
#     instruction budgets of the same file, and the previous run's counts
#     (BUILD_DIR/bench-results/<binary>.instructions.json) as the baseline,
#     so that a second run judges every benchmark against the first: exact
#     counts, unchanged when the code is; skipped, saying so, without valgrind;
# and exits non-zero when any gate fails (1) or any input is bad (2).
# Extra flags go to every binary (e.g. --benchmark_filter=...).
#
# usage: tools/run-bench.sh BUILD_DIR [extra benchmark flags...]
set -euo pipefail
build=${1:?usage: tools/run-bench.sh BUILD_DIR [flags...]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
results="$build/bench-results"
mkdir -p "$results"

status=0
found=0
for binary in "$build"/bin/benchgate_*_bench; do
  [ -x "$binary" ] || continue
  found=1
  name=$(basename "$binary")
  suite=${name#benchgate_}
  suite=${suite%_bench}
  flags=(--benchmark_min_time=0.05 "--benchgate_out=$results/$name.json.new")
  [ -f "$root/thresholds/$suite.json" ] && flags+=("--benchgate_thresholds=$root/thresholds/$suite.json")
  echo "== $name ${flags[*]} $*"
  code=0
  "$binary" "${flags[@]}" "$@" || code=$?
  if [ -f "$results/$name.json.new" ]; then mv "$results/$name.json.new" "$results/$name.json"; fi
  if [ "$code" -ne 0 ]; then
    echo "== $name: exit $code" >&2
    [ "$status" -eq 0 ] && status=$code
  fi

  counts="$results/$name.instructions.json"
  if ! command -v valgrind > /dev/null; then
    echo "== $name: instructions not counted: valgrind is not installed (apt-get install valgrind)"
    continue
  fi
  flags=(--benchgate_measure=instructions "--benchgate_out=$counts.new")
  [ -f "$root/thresholds/$suite.json" ] && flags+=("--benchgate_thresholds=$root/thresholds/$suite.json")
  [ -f "$counts" ] && flags+=("--benchgate_baseline=$counts")
  echo "== $name ${flags[*]} $*"
  code=0
  "$binary" "${flags[@]}" "$@" || code=$?
  # The next run compares with this one, as the timed results are replaced.
  if [ -f "$counts.new" ]; then mv "$counts.new" "$counts"; fi
  if [ "$code" -ne 0 ]; then
    echo "== $name (instructions): exit $code" >&2
    [ "$status" -eq 0 ] && status=$code
  fi
done
if [ "$found" -eq 0 ]; then
  echo "run-bench: no benchgate_*_bench binaries in $build/bin (build first)" >&2
  exit 2
fi
exit "$status"
