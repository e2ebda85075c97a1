#!/usr/bin/env bash
# benchgate-diff against Google Benchmark's compare.py (Debian's
# libbenchmark-tools, run with /usr/bin/python3 and python3-scipy) on the
# same generated files, alternately in one run (JSON reports and text tables),
# then the p-values checked against SciPy, then the 50,000-benchmark memory
# check.
#
#   bench/diff_speed.sh [BUILD_DIR=build] [ROUNDS=3]
#
# Needs a Release build of benchgate-diff (the README's main command makes one).
set -euo pipefail
build=${1:-build}
rounds=${2:-3}
diff_bin="$build/bin/benchgate-diff"
compare=/usr/share/benchmark/compare.py
here=$(cd "$(dirname "$0")" && pwd)
work="$build/diff-speed"
mkdir -p "$work/2000" "$work/50000"
[[ -x $diff_bin ]] || { echo "diff_speed: $diff_bin not built" >&2; exit 2; }
[[ -f $compare ]] || { echo "diff_speed: $compare missing (apt-get install libbenchmark-tools)" >&2; exit 2; }

now() { date +%s.%N; }
/usr/bin/python3 "$here/diff_speed_inputs.py" 2000 20 "$work/2000"

# Two pairings, alternately in every round: the JSON reports (benchgate-diff
# --format json against compare.py -d, whose dump the p-value check reads)
# and each tool's default text table (compare.py without -d).
declare -A total=([bg_json]=0 [cp_json]=0 [bg_text]=0 [cp_text]=0)
timed() {  # timed KEY COMMAND...: adds the command's wall time to total[KEY]
  local key=$1 t0 t1 code=0
  shift
  t0=$(now)
  "$@" > /dev/null || code=$?
  t1=$(now)
  [[ $code -le 1 ]] || { echo "diff_speed: '$*' failed ($code)" >&2; exit "$code"; }
  last=$(echo "$t1 - $t0" | bc -l)
  total[$key]=$(echo "${total[$key]} + $last" | bc -l)
}
in=("$work/2000/base.json" "$work/2000/cand.json")
for ((r = 1; r <= rounds; ++r)); do
  timed bg_json "$diff_bin" --p-method asymptotic --format json -o "$work/2000/benchgate.json" "${in[@]}"
  bg=$last
  timed cp_json /usr/bin/python3 "$compare" --no-color -d "$work/2000/compare.json" benchmarks "${in[@]}"
  printf 'round %d: JSON: benchgate-diff %.3f s, compare.py -d %.3f s' "$r" "$bg" "$last"
  timed bg_text "$diff_bin" --p-method asymptotic "${in[@]}"
  bg=$last
  timed cp_text /usr/bin/python3 "$compare" --no-color benchmarks "${in[@]}"
  printf '; text: benchgate-diff %.3f s, compare.py %.3f s\n' "$bg" "$last"
done
for kind in json text; do
  printf '2000 x 20, %s: benchgate-diff %.3f s, compare.py %.3f s per run: %.1fx faster\n' "$kind" \
    "$(echo "${total[bg_$kind]} / $rounds" | bc -l)" "$(echo "${total[cp_$kind]} / $rounds" | bc -l)" \
    "$(echo "${total[cp_$kind]} / ${total[bg_$kind]}" | bc -l)"
done

/usr/bin/python3 "$here/diff_speed_check.py" "$work/2000/base.json" "$work/2000/cand.json" \
  "$work/2000/benchgate.json" "$work/2000/compare.json"

/usr/bin/python3 "$here/diff_speed_inputs.py" 50000 20 "$work/50000"
/usr/bin/time -f '50000 x 20: %e s, max RSS %M KiB' \
  "$diff_bin" --format json -o "$work/50000/benchgate.json" "$work/50000/base.json" \
  "$work/50000/cand.json" || [[ $? == 1 ]]
