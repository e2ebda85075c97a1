#!/usr/bin/env bash
# The README's main job judged against itself on an unchanged machine
# (issue 24's figure: the bundled suite's tolerance and budgets must let it
# pass): RUNS runs of tools/run-bench.sh in a row on one build, the first
# recording, every later one judging every bundled benchmark against the run
# before it. Prints each run's exit code, wall time, gate lines and the
# speed probe's change per binary, then how many of the RUNS-1 comparisons
# passed; exit 1 when any failed. Each run's enriched JSON is kept in
# LOGDIR/run-K/ (bench/speed_probe_check.py LOGDIR reads them).
#
#   bench/main_job_pairs.sh [BUILD_DIR=build] [RUNS=11]
#   NOISE_SEED=S bench/main_job_pairs.sh ...   each run beside noise_injector.py
#
# It starts from empty results (BUILD_DIR/bench-results is moved aside to
# bench-results.before-pairs), so the first run records. Nothing else may run
# on the machine meanwhile: that is what is measured.
set -euo pipefail
build=${1:-build}
runs=${2:-11}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
[[ -d $build/bin ]] || { echo "main_job_pairs: $build/bin: no such directory (build first)" >&2; exit 2; }
[[ $runs =~ ^[0-9]+$ && $runs -ge 2 ]] || { echo "main_job_pairs: RUNS must be a number >= 2, got '$runs'" >&2; exit 2; }
log="$build/main-job-pairs${NOISE_SEED:+-noise}"
rm -rf "$log" "$build/bench-results.before-pairs"
mkdir -p "$log"
[[ -d $build/bench-results ]] && mv "$build/bench-results" "$build/bench-results.before-pairs"

failed=0
for ((run = 1; run <= runs; run++)); do
  noise=()
  [[ -n ${NOISE_SEED:-} ]] && noise=(/usr/bin/python3 "$here/noise_injector.py" --seed "$((NOISE_SEED * 1000 + run))" --)
  start=$(date +%s)
  code=0
  "${noise[@]}" "$root/tools/run-bench.sh" "$build" > "$log/run-$run.log" 2>&1 || code=$?
  seconds=$(( $(date +%s) - start ))
  # Each run's enriched JSON, kept for bench/speed_probe_check.py.
  mkdir -p "$log/run-$run"
  cp "$build"/bench-results/benchgate_*_bench.json "$log/run-$run/" 2> /dev/null || true
  echo "run $run: exit $code in ${seconds} s"
  grep -E "^benchgate: gate|^== .*: exit| regression$|warning: the machine ran" "$log/run-$run.log" | sed 's/^/    /' || true
  # The speed probe's change against the run before, per binary (timed half).
  for json in "$build"/bench-results/benchgate_*_bench.json; do
    /usr/bin/python3 -c 'import json, sys
m = json.load(open(sys.argv[1]))["benchgate"]["gate"].get("machine")
if m: print("    machine %+.1f%%: %s" % (100 * m["change"], sys.argv[1].rsplit("/", 1)[1]))' "$json" || true
  done
  if (( run > 1 && code != 0 )); then failed=$((failed + 1)); fi
  if (( run == 1 && code != 0 )); then echo "main_job_pairs: the first run failed: see $log/run-1.log" >&2; exit 1; fi
done
echo "main_job_pairs: $((runs - 1 - failed)) of $((runs - 1)) comparisons passed${NOISE_SEED:+ (beside noise_injector.py, seed $NOISE_SEED)}; logs in $log"
(( failed == 0 ))
