#!/usr/bin/env bash
# Runs every libFuzzer harness of tests/fuzz/ for SECONDS each, seeded from
# tests/data/, one after the other (2 cores: one fuzzer at a time, no
# timing of anything else meanwhile). Build the harnesses first:
#
#   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
#         -DBENCHGATE_FUZZ=ON -DBENCHGATE_BUILD_TESTS=OFF -DBENCHGATE_BUILD_BENCH=OFF
#   cmake --build build-fuzz -j2 --target benchgate_fuzzers
#   tools/fuzz.sh build-fuzz 15       # CI: 15 s each
#   tools/fuzz.sh build-fuzz 514      # an hour in all (7 x 514 s)
#
# New inputs go to BUILD_DIR/fuzz-corpus/<harness>/ (kept between runs, so
# a later run starts where this one stopped); a crash, a sanitizer report,
# an exception other than benchgate::Error, a timeout (5 s per input) or
# more than 2 GiB of memory stops the harness, leaves the input in
# BUILD_DIR/fuzz-findings/ and makes this script exit 1.
set -euo pipefail
build=${1:?usage: tools/fuzz.sh BUILD_DIR SECONDS}
seconds=${2:?usage: tools/fuzz.sh BUILD_DIR SECONDS}
data=$(cd "$(dirname "$0")/../tests/data" && pwd)
bin=$(cd "$build/bin" && pwd)
findings="$build/fuzz-findings"
mkdir -p "$findings"

declare -A seeds=(
  [fuzz_run_reader]="$data/io $data/diff $data/approved/diff_command"
  [fuzz_thresholds_reader]="$data/thresholds $data/thresholds/dir"
  [fuzz_history_reader]="$data/history"
  [fuzz_units]="$data/fuzz/units"
  [fuzz_callgrind_dump]="$data/callgrind"
  [fuzz_runner_args]="$data/fuzz/runner_args"
  [fuzz_diff_args]="$data/fuzz/diff_args"
  [fuzz_ab_args]="$data/fuzz/ab_args"
)
status=0
for harness in fuzz_run_reader fuzz_thresholds_reader fuzz_history_reader fuzz_units fuzz_callgrind_dump \
               fuzz_runner_args fuzz_diff_args fuzz_ab_args; do
  [[ -x $bin/$harness ]] || { echo "fuzz.sh: $bin/$harness not built" >&2; exit 2; }
  corpus="$build/fuzz-corpus/$harness"
  mkdir -p "$corpus"
  # shellcheck disable=SC2086  # the seed folders are a list
  if "$bin/$harness" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$findings/$harness-" "$corpus" ${seeds[$harness]} \
      > "$build/fuzz-$harness.log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz-$harness.log")
    echo "fuzz.sh: $harness: ${runs:-?} inputs in $seconds s, no finding"
  else
    echo "fuzz.sh: $harness: FINDING (log: $build/fuzz-$harness.log)" >&2
    tail -n 30 "$build/fuzz-$harness.log" >&2
    status=1
  fi
done
exit $status
