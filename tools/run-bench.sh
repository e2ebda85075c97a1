#!/usr/bin/env bash
# Runs every bundled benchmark binary (BUILD_DIR/bin/benchgate_*_bench)
# through benchgate with the gate on, twice:
#   - timed: budgets and tolerance from thresholds/<name>.json
#     (benchgate_suite_bench -> suite.json), the enriched JSON in
#     BUILD_DIR/bench-results/<binary>.json, the run recorded in
#     BUILD_DIR/bench-results/history.json; when an earlier run left its
#     results there, they are this run's baseline (kept as
#     <binary>.previous.json): a second run judges every benchmark against
#     the first, prints the verdict table, and benchgate-diff writes the same
#     comparison as HTML (<binary>.html);
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
wrote=0  # whether the last gate() wrote its results
# gate BINARY OUT FLAGS...: one gated run writing OUT (through OUT.new, so
# an interrupted run leaves the previous results: the next run's baseline);
# the first failing exit code becomes the script's.
gate() {
  local binary=$1 out=$2
  shift 2
  echo "== $(basename "$binary") $*"
  local code=0
  wrote=0
  "$binary" "--benchgate_out=$out.new" "$@" || code=$?
  if [ -f "$out.new" ]; then mv "$out.new" "$out" && wrote=1; fi
  if [ "$code" -ne 0 ]; then
    echo "== $(basename "$binary"): exit $code" >&2
    [ "$status" -eq 0 ] && status=$code
  fi
  return 0
}

# report NAME COMPARED [THRESHOLDS_FILE]: after a timed run that wrote its
# results, the HTML report of the comparison (benchgate-diff on the same two
# files, the same budgets), or on a first run what was recorded and how to
# compare. A run that wrote nothing (bad input) has nothing to report.
report() {
  local name=$1 compared=$2 thresholds=()
  [ $# -ge 3 ] && thresholds=(--thresholds "$3")
  [ "$wrote" -eq 1 ] || return 0
  if [ "$compared" -eq 0 ]; then
    echo "== $name: recorded $results/$name.json and $results/history.json;" \
      "run tools/run-bench.sh $build again to judge the next run against this one"
    return 0
  fi
  if [ ! -x "$build/bin/benchgate-diff" ]; then
    echo "== $name: judged against the previous run (no HTML report: $build/bin/benchgate-diff is not built)"
    return 0
  fi
  local code=0
  "$build/bin/benchgate-diff" "$results/$name.previous.json" "$results/$name.json" "${thresholds[@]}" \
    --format html --output "$results/$name.html" > /dev/null || code=$?
  if [ "$code" -eq 2 ]; then
    echo "== $name: no HTML report: benchgate-diff could not read the two runs (exit 2)" >&2
    [ "$status" -eq 0 ] && status=2
  else
    echo "== $name: judged against the previous run; HTML report: $results/$name.html"
  fi
}

for binary in "$build"/bin/benchgate_*_bench; do
  [ -x "$binary" ] || continue
  found=1
  name=$(basename "$binary")
  suite=${name#benchgate_}
  suite=${suite%_bench}
  file="$root/thresholds/$suite.json"
  thresholds=()
  [ -f "$file" ] && thresholds=("--benchgate_thresholds=$file")
  # The previous run, copied aside (atomically) before this one replaces it.
  previous=()
  if [ -f "$results/$name.json" ]; then
    cp "$results/$name.json" "$results/$name.previous.json.new"
    mv "$results/$name.previous.json.new" "$results/$name.previous.json"
    previous=("--benchgate_baseline=$results/$name.previous.json")
  fi
  gate "$binary" "$results/$name.json" --benchmark_min_time=0.05 "${thresholds[@]}" "${previous[@]}" \
    "--benchgate_history=$results/history.json" --benchgate_record "$@"
  if [ -f "$file" ]; then report "$name" "${#previous[@]}" "$file"; else report "$name" "${#previous[@]}"; fi

  counts="$results/$name.instructions.json"
  if ! command -v valgrind > /dev/null; then
    echo "== $name: instructions not counted: valgrind is not installed (apt-get install valgrind)"
    continue
  fi
  baseline=()
  [ -f "$counts" ] && baseline=("--benchgate_baseline=$counts")
  gate "$binary" "$counts" --benchgate_measure=instructions "${thresholds[@]}" "${baseline[@]}" "$@"
done
if [ "$found" -eq 0 ]; then
  echo "run-bench: no benchgate_*_bench binaries in $build/bin (build first)" >&2
  exit 2
fi
exit "$status"
