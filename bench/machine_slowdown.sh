#!/usr/bin/env bash
# What the speed probe (docs/user-guide.md, "The machine's speed between two
# runs") does when the whole machine is slower for one of two runs: one
# bundled binary run quietly as the baseline, then again on a slowed
# machine for the whole run, with the probe and without it
# (--benchgate_speed_probe=false: the judgment before the probe), then
# quietly once more (the control). The code is the same in every run:
# every regression is a false alarm. Prints each run's exit code, the gate
# line and the machine's change the probe saw. SLOWDOWN is
#   quota:F  the run confined to F of one CPU in 10 ms periods (a cgroup v1
#            cpu controller at /sys/fs/cgroup/cpu, as root): time taken
#            away in fine slices, as a VM's host steals it;
#   hogs:N   N busy loops beside the run (coarse time sharing, which makes
#            the benchmarks noisy rather than slower).
#
#   bench/machine_slowdown.sh [BUILD_DIR=build] [BINARY=benchgate_stats_bench] [SLOWDOWN=quota:0.75]
#
# Budgets and tolerance from thresholds/<suite>.json as in the main job.
# Nothing else may run on the machine meanwhile.
set -euo pipefail
build=${1:-build}
binary=${2:-benchgate_stats_bench}
slowdown=${3:-quota:0.75}
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$build/bin/$binary"
[[ -x $bin ]] || { echo "machine_slowdown: $bin: no such binary (build first)" >&2; exit 2; }
case $slowdown in
  hogs:[1-9]*) ;;
  quota:0.[0-9]*) ;;
  *) echo "machine_slowdown: SLOWDOWN must be quota:F (0 < F < 1) or hogs:N, got '$slowdown'" >&2; exit 2 ;;
esac
suite=${binary#benchgate_}
suite=${suite%_bench}
flags=(--benchmark_min_time=0.05)
[[ -f $root/thresholds/$suite.json ]] && flags+=("--benchgate_thresholds=$root/thresholds/$suite.json")
out="$build/machine-slowdown"
rm -rf "$out"
mkdir -p "$out"

pids=()
group=/sys/fs/cgroup/cpu/benchgate-machine-slowdown
slowed=()  # the command prefix of a slowed run
stop_slowdown() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  pids=()
  slowed=()
  [[ -d $group ]] && rmdir "$group" 2> /dev/null || true
}
trap stop_slowdown EXIT
start_slowdown() {
  case $slowdown in
    hogs:*) for ((i = 0; i < ${slowdown#hogs:}; i++)); do (while :; do :; done) & pids+=($!); done ;;
    quota:*)
      mkdir -p "$group"
      echo 10000 > "$group/cpu.cfs_period_us"
      quota=$(awk -v f="${slowdown#quota:}" 'BEGIN { printf "%d", f * 10000 }')
      echo "$quota" > "$group/cpu.cfs_quota_us"
      # The run's shell joins the group, then becomes the binary.
      slowed=(sh -c 'echo $$ > "$0/tasks" && exec "$@"' "$group") ;;
  esac
}

# run NAME [flags...]: one gated run against the quiet baseline.
run() {
  local name=$1
  shift
  local code=0 start
  start=$(date +%s)
  "${slowed[@]}" "$bin" "${flags[@]}" "--benchgate_out=$out/$name.json" "$@" > "$out/$name.log" 2>&1 || code=$?
  echo "$name: exit $code in $(( $(date +%s) - start )) s"
  grep -E "^benchgate: gate|warning: the machine ran" "$out/$name.log" | sed 's/^/    /' || true
  /usr/bin/python3 -c 'import json, sys
g = json.load(open(sys.argv[1]))["benchgate"]["gate"]
m = g.get("machine")
print("    machine: %s; regressions %d, inconclusive %d" % ("%+.1f%%" % (100 * m["change"]) if m else "no probe", g["regressions"], g["inconclusive"]))' "$out/$name.json"
}

run baseline
start_slowdown
run slow-probe --benchgate_baseline="$out/baseline.json"
run slow-no-probe --benchgate_baseline="$out/baseline.json" --benchgate_speed_probe=false
stop_slowdown
run quiet-probe --benchgate_baseline="$out/baseline.json"
echo "machine_slowdown: logs and files in $out"
