#!/usr/bin/env bash
# The gate's calibration experiment on this machine: calibration_bench's 48
# benchmarks, in ROUNDS rounds of
#   a baseline run, then (in a rotating order) an A/A run, a run with a 5%
#   slowdown of a quarter of them and one with a 10% slowdown,
# each candidate judged by the runner itself against the round's baseline
# (--benchgate_baseline, default ci settings: 10 repetitions, BH at alpha
# 0.05, tolerance 5%, one confirmation round), and by Google Benchmark's
# compare.py on the same two files. calibration_score.py then prints false
# alarms and detections of both.
#
#   bench/calibration.sh [BUILD_DIR=build] [ROUNDS=5] [HISTORY_RUNS=0]
#   NOISE_SEED=S bench/calibration.sh ...     the same under bursts of load
#
# With NOISE_SEED set, every run of the benchmark binary runs beside
# bench/noise_injector.py (bursts of load on every core, about a second on
# and two off, a schedule seeded by S, the round and the run), and results
# go to BUILD_DIR/calibration-noise.
#
# With HISTORY_RUNS > 0, that many unchanged runs are first recorded into a
# history (--benchgate_record), and every candidate is then judged with it
# (--benchgate_history): each benchmark's tolerance is learnt from its
# run-to-run spread instead of the static 5%. Results go to
# BUILD_DIR/calibration-history instead of BUILD_DIR/calibration.
#
# Needs BUILD_DIR/bin/calibration_bench (BENCHGATE_BUILD_BENCH=ON, the
# default), libbenchmark-tools and python3-scipy. About 70 s a round.
set -euo pipefail
build=${1:-build}
rounds=${2:-5}
history_runs=${3:-0}
here=$(cd "$(dirname "$0")" && pwd)
bench="$build/bin/calibration_bench"
compare=/usr/share/benchmark/compare.py
work="$build/calibration"
if ((history_runs > 0)); then work="$build/calibration-history"; fi
noise=()
if [[ -n ${NOISE_SEED:-} ]]; then work="$work-noise"; fi
# The noise injector's arguments for the run numbered $1 (empty when quiet).
noisy() {
  noise=()
  [[ -n ${NOISE_SEED:-} ]] && noise=(/usr/bin/python3 "$here/noise_injector.py" --seed "$((NOISE_SEED * 1000 + $1))" --)
  return 0
}
[[ -x $bench ]] || { echo "calibration: $bench not built" >&2; exit 2; }
[[ -f $compare ]] || { echo "calibration: $compare missing (apt-get install libbenchmark-tools)" >&2; exit 2; }
rm -rf "$work"
flags=(--benchmark_min_time=0.02 --benchmark_format=json)

judge=()
if ((history_runs > 0)); then
  mkdir -p "$work"
  for ((h = 1; h <= history_runs; ++h)); do
    # Judged against the history so far, a run may fail the gate (1): it is
    # recorded all the same.
    code=0
    BENCHGATE_CALIBRATION_SLOWDOWN=0 "$bench" "${flags[@]}" --benchgate_history="$work/history.json" \
      --benchgate_record > /dev/null 2> "$work/history-$h.log" || code=$?
    [[ $code -le 1 ]] || { cat "$work/history-$h.log" >&2; exit "$code"; }
    echo "history: run $h of $history_runs recorded (runner exit $code)"
  done
  judge=(--benchgate_history="$work/history.json")
fi

declare -A slowdown=([aa]=0 [5]=0.05 [10]=0.10)
orders=("aa 5 10" "5 10 aa" "10 aa 5")
for ((r = 1; r <= rounds; ++r)); do
  dir="$work/round-$r"
  mkdir -p "$dir"
  noisy $((r * 10))
  BENCHGATE_CALIBRATION_SLOWDOWN=0 "${noise[@]}" "$bench" "${flags[@]}" --benchgate_out="$dir/base.json" > /dev/null
  k=0
  for kind in ${orders[$(((r - 1) % 3))]}; do
    code=0
    noisy $((r * 10 + (k += 1)))
    BENCHGATE_CALIBRATION_SLOWDOWN=${slowdown[$kind]} "${noise[@]}" "$bench" "${flags[@]}" \
      --benchgate_baseline="$dir/base.json" --benchgate_out="$dir/cand-$kind.json" "${judge[@]}" \
      > /dev/null 2> "$dir/cand-$kind.log" || code=$?
    # 1 is the gate failing, which is what a slowdown should do.
    [[ $code -le 1 ]] || { cat "$dir/cand-$kind.log" >&2; exit "$code"; }
    /usr/bin/python3 "$compare" --no-color -d "$dir/compare-$kind.json" benchmarks \
      "$dir/base.json" "$dir/cand-$kind.json" > /dev/null
    echo "round $r: $kind done (runner exit $code)"
  done
done
/usr/bin/python3 "$here/calibration_score.py" "$work"
