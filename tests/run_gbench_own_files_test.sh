#!/usr/bin/env bash
# A Google Benchmark release's own BENCHMARK_MAIN() files (its test/*.cc),
# unedited, built alone and through benchgate_adopt_main(): the adopted
# binary lists exactly what Google Benchmark alone lists, with the same exit
# code, with and without a filter, and a run of it writes enriched JSON.
#
# usage: run_gbench_own_files_test.sh WORK_DIR ALONE ADOPTED [ALONE ADOPTED ...]
set -euo pipefail
work=${1:?usage: run_gbench_own_files_test.sh WORK_DIR ALONE ADOPTED ...}
shift
[ $# -ge 2 ] && [ $(($# % 2)) -eq 0 ] || { echo "expected pairs of binaries" >&2; exit 2; }
mkdir -p "$work"
failed=0
pairs=0
while [ $# -gt 0 ]; do
  alone=$1 adopted=$2
  shift 2
  pairs=$((pairs + 1))
  first=""
  for filter in "" "--benchmark_filter=-.*/[0-9]+$" "--benchmark_filter=no_such_benchmark"; do
    a=0 b=0
    "$alone" --benchmark_list_tests $filter > "$work/alone.txt" 2> /dev/null || a=$?
    "$adopted" --benchmark_list_tests $filter > "$work/adopted.txt" 2> /dev/null || b=$?
    if [ "$a" -ne "$b" ] || ! cmp -s "$work/alone.txt" "$work/adopted.txt"; then
      echo "FAIL $(basename "$adopted") --benchmark_list_tests $filter: exit $b (alone $a)"
      diff "$work/alone.txt" "$work/adopted.txt" | head -10
      failed=$((failed + 1))
    else
      echo "ok   $(basename "$adopted") --benchmark_list_tests $filter: $(wc -l < "$work/alone.txt") names, exit $a"
    fi
    [ -n "$first" ] || first=$(head -1 "$work/alone.txt")
  done
  # One quick run: the first benchmark it lists, enriched JSON written.
  out="$work/$(basename "$adopted").json"
  rm -f "$out"
  code=0
  pattern=$(printf '%s' "$first" | sed 's/[][\.*^$+?(){}|]/\\&/g')
  "$adopted" "--benchmark_filter=^${pattern}\$" --benchmark_min_time=0.001s \
    --benchmark_repetitions=3 "--benchgate_out=$out" > "$work/run.txt" 2>&1 || code=$?
  if [ "$code" -ne 0 ] || ! grep -q '"schema_version": 1' "$out" 2> /dev/null; then
    echo "FAIL $(basename "$adopted") run of $first: exit $code, enriched JSON missing"
    tail -5 "$work/run.txt"
    failed=$((failed + 1))
  else
    echo "ok   $(basename "$adopted") run of $first: exit 0, enriched JSON"
  fi
done
echo "$((pairs * 4 - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
