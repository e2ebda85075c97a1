#!/usr/bin/env bash
# benchgate-ab's calibration experiment on this machine: calibration_bench as
# the base binary and as candidates (unchanged; 5% and 10% slowdowns of a
# quarter, through a wrapper script that sets BENCHGATE_CALIBRATION_SLOWDOWN:
# benchgate-ab takes any executable that behaves like a benchmark binary), in
# ROUNDS rounds, each candidate judged four ways in the same time window:
#   ab        benchgate-ab --fixed-rounds, AB_ROUNDS interleaved rounds of
#             both binaries and extra rounds for the undecided, --tolerance 0.02;
#   seq       benchgate-ab's default sequential rounds (6 to 30), --tolerance 0.02;
#   separate  one runner run of each binary, judged by benchgate-diff at the
#             same tolerance (what a team does without benchgate-ab);
#   compare   compare.py's U test on the same two separate files (p < 0.05).
# ab_calibration_score.py prints false alarms and detections of each.
#
#   bench/ab_calibration.sh [BUILD_DIR=build] [ROUNDS=5] [AB_ROUNDS=10]
#   NOISE_SEED=S bench/ab_calibration.sh ...   the same beside noise_injector.py
#   SEQ_OPTIONS="--max-rounds 60" AB_OPTIONS="" bench/ab_calibration.sh ...
#       other designs in the two slots (AB_OPTIONS replaces "--fixed-rounds
#       --rounds AB_ROUNDS", SEQ_OPTIONS adds to the defaults); WORK_NAME
#       names the directory under BUILD_DIR (default ab-calibration)
#
# Needs BUILD_DIR/bin/{calibration_bench,benchgate-ab,benchgate-diff},
# libbenchmark-tools and python3-scipy. About 13 minutes a round at AB_ROUNDS=10.
set -euo pipefail
build=${1:-build}
rounds=${2:-5}
ab_rounds=${3:-10}
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$build/bin" && pwd)
compare=/usr/share/benchmark/compare.py
work="$build/${WORK_NAME:-ab-calibration}"
[[ -n ${NOISE_SEED:-} ]] && work="$work-noise"
for tool in calibration_bench benchgate-ab benchgate-diff; do
  [[ -x $bin/$tool ]] || { echo "ab_calibration: $bin/$tool not built" >&2; exit 2; }
done
[[ -f $compare ]] || { echo "ab_calibration: $compare missing (apt-get install libbenchmark-tools)" >&2; exit 2; }
rm -rf "$work"
mkdir -p "$work"
flags=(--benchmark_min_time=0.02)

# The candidates: calibration_bench with the slowdown set, as wrapper scripts.
# Every value has four characters ("0.00" for none): an environment of
# another size moves the initial stack and with it the timing of whole
# processes (Mytkowicz et al., ASPLOS 2009), a difference the slowdown runs
# would otherwise carry and the A/A runs not.
declare -A slowdown=([aa]=0.00 [5]=0.05 [10]=0.10)
for kind in aa 5 10; do
  printf '#!/bin/sh\nBENCHGATE_CALIBRATION_SLOWDOWN=%s exec "%s" "$@"\n' "${slowdown[$kind]}" \
    "$bin/calibration_bench" > "$work/cand-$kind.sh"
  chmod +x "$work/cand-$kind.sh"
done
printf '#!/bin/sh\nBENCHGATE_CALIBRATION_SLOWDOWN=0.00 exec "%s" "$@"\n' "$bin/calibration_bench" \
  > "$work/base.sh"
chmod +x "$work/base.sh"

# Beside the noise injector when NOISE_SEED is set (seeded per run).
noisy() {
  noise=()
  [[ -n ${NOISE_SEED:-} ]] && noise=(/usr/bin/python3 "$here/noise_injector.py" --seed "$((NOISE_SEED * 1000 + $1))" --)
  return 0
}

orders=("aa 5 10" "5 10 aa" "10 aa 5")
declare -A seconds
for ((r = 1; r <= rounds; ++r)); do
  dir="$work/round-$r"
  mkdir -p "$dir"
  k=0
  for kind in ${orders[$(((r - 1) % 3))]}; do
    k=$((k + 1))
    seed=$((r * 10 + k))
    # Both designs of benchgate-ab on the same candidate, in alternating
    # order from round to round so neither always runs first.
    designs=(fixed sequential)
    ((r % 2 == 0)) && designs=(sequential fixed)
    for design in "${designs[@]}"; do
      noisy "$seed"
      if [[ $design == fixed ]]; then
        out=ab
        read -r -a options <<< "${AB_OPTIONS---fixed-rounds --rounds $ab_rounds}"
      else
        out=seq
        read -r -a options <<< "${SEQ_OPTIONS:-}"
      fi
      start=$(date +%s.%N)
      code=0
      "${noise[@]}" "$bin/benchgate-ab" "${options[@]}" --seed "$seed" --tolerance 0.02 \
        --format json --output "$dir/$out-$kind.json" --keep "$dir/$out-$kind" \
        "$work/base.sh" "$work/cand-$kind.sh" -- "${flags[@]}" 2> "$dir/$out-$kind.log" || code=$?
      [[ $code -le 1 ]] || { cat "$dir/$out-$kind.log" >&2; exit "$code"; }
      seconds[$design]=$(echo "$(date +%s.%N) - $start" | bc)
    done

    start=$(date +%s.%N)
    "${noise[@]}" "$work/base.sh" "${flags[@]}" --benchmark_format=json \
      --benchmark_out="$dir/sep-base-$kind.json" > /dev/null 2>&1
    "${noise[@]}" "$work/cand-$kind.sh" "${flags[@]}" --benchmark_format=json \
      --benchmark_out="$dir/sep-cand-$kind.json" > /dev/null 2>&1
    separate_seconds=$(echo "$(date +%s.%N) - $start" | bc)
    code=0
    "$bin/benchgate-diff" --tolerance 0.02 --format json --output "$dir/sep-$kind.json" \
      "$dir/sep-base-$kind.json" "$dir/sep-cand-$kind.json" 2> /dev/null || code=$?
    [[ $code -le 1 ]] || { echo "ab_calibration: benchgate-diff failed ($code)" >&2; exit "$code"; }
    /usr/bin/python3 "$compare" --no-color -d "$dir/compare-$kind.json" benchmarks \
      "$dir/sep-base-$kind.json" "$dir/sep-cand-$kind.json" > /dev/null
    echo "round $r: $kind done (benchgate-ab fixed ${seconds[fixed]} s, sequential ${seconds[sequential]} s, two separate runs $separate_seconds s)" |
      tee -a "$work/times.txt"
  done
done
/usr/bin/python3 "$here/ab_calibration_score.py" "$work"
