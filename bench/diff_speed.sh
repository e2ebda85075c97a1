#!/usr/bin/env bash
# benchgate-diff against Google Benchmark's compare.py (Debian's
# libbenchmark-tools, run with /usr/bin/python3 and python3-scipy) on the
# same generated files, alternately in one run, then the p-values checked
# against SciPy, then the 50,000-benchmark memory check.
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

bg_total=0; cp_total=0
for ((r = 1; r <= rounds; ++r)); do
  t0=$(now)
  "$diff_bin" --p-method asymptotic --format json -o "$work/2000/benchgate.json" "$work/2000/base.json" "$work/2000/cand.json" || [[ $? == 1 ]]
  t1=$(now)
  /usr/bin/python3 "$compare" --no-color -d "$work/2000/compare.json" benchmarks \
    "$work/2000/base.json" "$work/2000/cand.json" > /dev/null
  t2=$(now)
  bg=$(echo "$t1 - $t0" | bc -l); cp=$(echo "$t2 - $t1" | bc -l)
  printf 'round %d: benchgate-diff %.3f s, compare.py %.3f s\n' "$r" "$bg" "$cp"
  bg_total=$(echo "$bg_total + $bg" | bc -l); cp_total=$(echo "$cp_total + $cp" | bc -l)
done
printf '2000 x 20: benchgate-diff %.3f s, compare.py %.3f s per run: %.1fx faster\n' \
  "$(echo "$bg_total / $rounds" | bc -l)" "$(echo "$cp_total / $rounds" | bc -l)" \
  "$(echo "$cp_total / $bg_total" | bc -l)"

/usr/bin/python3 "$here/diff_speed_check.py" "$work/2000/base.json" "$work/2000/cand.json" \
  "$work/2000/benchgate.json" "$work/2000/compare.json"

/usr/bin/python3 "$here/diff_speed_inputs.py" 50000 20 "$work/50000"
/usr/bin/time -f '50000 x 20: %e s, max RSS %M KiB' \
  "$diff_bin" --format json -o "$work/50000/benchgate.json" "$work/50000/base.json" \
  "$work/50000/cand.json" || [[ $? == 1 ]]
