#!/usr/bin/env bash
# The instructions measure's calibration on this machine: calibration_bench's
# 48 benchmarks counted under Valgrind (--benchgate_measure=instructions), a
# baseline once, then candidates judged against it at the default tolerance
# (0.5%): an A/A run and runs with 1%, 2% and 5% more work in a quarter of
# the benchmarks (BENCHGATE_CALIBRATION_SLOWDOWN, label "slowed"), each
# quiet and beside bench/noise_injector.py (bursts of load on every core).
# Prints, per judgment, false regressions among the unchanged benchmarks,
# detections among the slowed ones, and the wall time of each run; then the
# same suite's timing-mode wall time (its default: 10 repetitions) beside it.
#
#   bench/instructions_calibration.sh [BUILD_DIR=build] [NOISE_SEED=7] [TIMING=yes]
#
# TIMING=no leaves out the timing-mode run (about seven minutes here).
#
# Needs BUILD_DIR/bin/calibration_bench (a Release build) and valgrind.
set -euo pipefail
build=${1:-build}
seed=${2:-7}
timing=${3:-yes}
here=$(cd "$(dirname "$0")" && pwd)
bench="$build/bin/calibration_bench"
work="$build/instructions-calibration"
mkdir -p "$work"

run() {  # run NAME SLOWDOWN NOISY ARGS...: one counted run, its wall time in NAME.seconds
  local name=$1 slowdown=$2 noisy=$3
  shift 3
  local start end
  start=$(date +%s.%N)
  local command=(env "BENCHGATE_CALIBRATION_SLOWDOWN=$slowdown" "$bench"
                 --benchgate_measure=instructions "--benchgate_out=$work/$name.json" "$@")
  if [[ $noisy == yes ]]; then
    /usr/bin/python3 "$here/noise_injector.py" --seed "$seed" -- "${command[@]}" > "$work/$name.log" 2>&1 || true
  else
    "${command[@]}" > "$work/$name.log" 2>&1 || true
  fi
  end=$(date +%s.%N)
  echo "$start $end" > "$work/$name.seconds"
}

run baseline 0 no
for noisy in no yes; do
  for slowdown in 0 0.01 0.02 0.05; do
    run "cand-$slowdown-noise-$noisy" "$slowdown" "$noisy" "--benchgate_baseline=$work/baseline.json"
  done
done
rm -f "$work/timing.seconds"
if [[ $timing == yes ]]; then
  start=$(date +%s.%N)
  "$bench" --benchgate_out="$work/timing.json" > "$work/timing.log" 2>&1 || true
  end=$(date +%s.%N)
  echo "$start $end" > "$work/timing.seconds"
fi

/usr/bin/python3 - "$work" <<'PY'
import json, sys, pathlib
work = pathlib.Path(sys.argv[1])
def took(name):
    start, end = (float(x) for x in (work / f"{name}.seconds").read_text().split())
    return end - start
def labels(doc):
    return {row["run_name"]: row.get("label", "") for row in doc["benchmarks"]}
base = json.loads((work / "baseline.json").read_text())
floor = base["benchgate"]["counting"]["harness_floor"]
deterministic = sum(1 for r in base["benchgate"]["results"]
                    if r.get("instructions", {}).get("deterministic"))
print(f"baseline: {deterministic}/{len(base['benchgate']['results'])} deterministic, "
      f"harness floor {floor:.0f}, {took('baseline'):.1f} s")
print(f"{'judgment':28} {'false regr.':>12} {'caught':>10} {'seconds':>8}")
for noisy in ("no", "yes"):
    for slowdown in ("0", "0.01", "0.02", "0.05"):
        name = f"cand-{slowdown}-noise-{noisy}"
        doc = json.loads((work / f"{name}.json").read_text())
        label = labels(doc)
        false = caught = slowed = plain = 0
        for r in doc["benchgate"]["results"]:
            status = r["verdict"]["status"]
            if label.get(r["name"]) == "slowed" and slowdown != "0":
                slowed += 1
                caught += status == "regression"
            else:
                plain += 1
                false += status == "regression"
        seconds = took(name)
        what = "A/A" if slowdown == "0" else f"+{float(slowdown):.0%} work"
        print(f"{what + (' under bursts' if noisy == 'yes' else ' quiet'):28} "
              f"{false:>6}/{plain:<5} {caught:>4}/{slowed:<5} {seconds:>8.1f}")
if (work / "timing.seconds").exists():
    print(f"timing mode, same suite (10 repetitions): {took('timing'):.1f} s")
PY
