#!/usr/bin/env bash
# What the speed probe (docs/user-guide.md, "The machine's speed between two
# runs") does when the whole machine is slower for one of two runs: one
# bundled binary run quietly as the baseline, then again while HOGS busy
# loops share the CPUs for the whole run, with the probe and without it
# (--benchgate_speed_probe=false: the judgment before the probe), then
# quietly once more (the control). The code is the same in every run:
# every regression is a false alarm. Prints each run's exit code, the gate
# line and the machine's change the probe saw.
#
#   bench/machine_slowdown.sh [BUILD_DIR=build] [BINARY=benchgate_stats_bench] [HOGS=1]
#
# Budgets and tolerance from thresholds/<suite>.json as in the main job.
# Nothing else may run on the machine meanwhile.
set -euo pipefail
build=${1:-build}
binary=${2:-benchgate_stats_bench}
hogs=${3:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$build/bin/$binary"
[[ -x $bin ]] || { echo "machine_slowdown: $bin: no such binary (build first)" >&2; exit 2; }
[[ $hogs =~ ^[0-9]+$ && $hogs -ge 1 ]] || { echo "machine_slowdown: HOGS must be a number >= 1, got '$hogs'" >&2; exit 2; }
suite=${binary#benchgate_}
suite=${suite%_bench}
flags=(--benchmark_min_time=0.05)
[[ -f $root/thresholds/$suite.json ]] && flags+=("--benchgate_thresholds=$root/thresholds/$suite.json")
out="$build/machine-slowdown"
rm -rf "$out"
mkdir -p "$out"

pids=()
stop_hogs() { for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done; pids=(); }
trap stop_hogs EXIT
start_hogs() { for ((i = 0; i < hogs; i++)); do (while :; do :; done) & pids+=($!); done; }

# run NAME [flags...]: one gated run against the quiet baseline.
run() {
  local name=$1
  shift
  local code=0 start
  start=$(date +%s)
  "$bin" "${flags[@]}" "--benchgate_out=$out/$name.json" "$@" > "$out/$name.log" 2>&1 || code=$?
  echo "$name: exit $code in $(( $(date +%s) - start )) s"
  grep -E "^benchgate: gate|warning: the machine ran" "$out/$name.log" | sed 's/^/    /' || true
  /usr/bin/python3 -c 'import json, sys
g = json.load(open(sys.argv[1]))["benchgate"]["gate"]
m = g.get("machine")
print("    machine: %s; regressions %d, inconclusive %d" % ("%+.1f%%" % (100 * m["change"]) if m else "no probe", g["regressions"], g["inconclusive"]))' "$out/$name.json"
}

run baseline
start_hogs
run slow-probe --benchgate_baseline="$out/baseline.json"
run slow-no-probe --benchgate_baseline="$out/baseline.json" --benchgate_speed_probe=false
stop_hogs
run quiet-probe --benchgate_baseline="$out/baseline.json"
echo "machine_slowdown: logs and files in $out"
