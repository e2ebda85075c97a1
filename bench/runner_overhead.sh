#!/usr/bin/env bash
# The runner's own cost: the same 1,000 trivial benchmarks, run by Google
# Benchmark's benchmark_main (JSON to a file) and by benchgate::main (enriched
# JSON), alternately in one session so both see the same machine state.
# Prints the wall time of each and their ratio; target: benchgate <= 1.05x.
#
# usage: bench/runner_overhead.sh BUILD_DIR [ROUNDS]
set -euo pipefail
build=${1:?usage: $0 BUILD_DIR [ROUNDS]}
rounds=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(--benchmark_min_time=0.001 --benchmark_repetitions=10 --benchmark_format=json)

now_ns() { date +%s%N; }
gbench_total=0
benchgate_total=0
for ((round = 1; round <= rounds; round++)); do
  start=$(now_ns)
  "$build/bin/runner_overhead_gbench" "${flags[@]}" --benchmark_out="$work/gbench.json" \
    --benchmark_out_format=json > /dev/null
  middle=$(now_ns)
  "$build/bin/runner_overhead_benchgate" "${flags[@]}" --benchgate_out="$work/benchgate.json" > /dev/null
  end=$(now_ns)
  gbench_total=$((gbench_total + middle - start))
  benchgate_total=$((benchgate_total + end - middle))
  awk -v r="$round" -v g=$((middle - start)) -v b=$((end - middle)) \
    'BEGIN { printf "round %d: benchmark_main %.3f s, benchgate::main %.3f s\n", r, g / 1e9, b / 1e9 }' 
done
awk -v g="$gbench_total" -v b="$benchgate_total" 'BEGIN {
  printf "total: benchmark_main %.3f s, benchgate::main %.3f s, ratio %.3f (target <= 1.05)\n",
         g / 1e9, b / 1e9, b / g }' 
