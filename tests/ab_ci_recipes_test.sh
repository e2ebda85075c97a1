#!/usr/bin/env bash
# The "gate a pull request" recipes (tools/recipes/*.yml) work as pasted:
# docs/tools.md links each, and its benchgate-ab command, run
# exactly as written (the same flags, the same paths relative to the job's
# directory), accepts its flags, writes the report the recipe publishes and
# fails with exit 1 on a slowed candidate, as the job must.
#
#   ab_ci_recipes_test.sh SOURCE_DIR BIN_DIR
#
# BIN_DIR holds benchgate-ab and the fixtures: ab_fixture_base/cand for the
# time recipes, count_fixture_bench/more (1% more work in BM_Work) for the
# instructions recipe, which is checked where Valgrind and those fixtures
# exist (not in sanitizer builds).
set -euo pipefail
src=$(cd "$1" && pwd)
bin=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "ab_ci_recipes_test: $*" >&2; exit 1; }

# The job's directory: base and head builds, benchgate-ab where each recipe
# builds it, a base and a candidate fixture as the benchmark.
mkdir -p "$work/base/build" "$work/head/build/bin" "$work/build/bin"
for tool in benchgate-ab benchgate-diff; do
  ln -s "$bin/$tool" "$work/head/build/bin/$tool"
  ln -s "$bin/$tool" "$work/build/bin/$tool"
done
fixtures() {  # fixtures BASE CANDIDATE: what the recipes' BENCH_PATH points at
  ln -sfn "$bin/$1" "$work/base/build/my_bench"
  ln -sfn "$bin/$2" "$work/head/build/my_bench"
  ln -sfn "$bin/$2" "$work/build/my_bench"
}

guide=$(cat "$src/docs/tools.md")
check() {  # recipe report-file what-the-report-holds slowed-benchmark kept-file
  local recipe=$src/tools/recipes/$1 report=$2 expected=$3 slowed=$4 kept=$5
  [[ $guide == *"](../tools/recipes/$1)"* ]] || fail "$1 is not linked from docs/tools.md"
  # The command: from the line that runs benchgate-ab to the one passing the
  # flags after -- (GitLab's folded lines) or the first line that does not
  # continue with a backslash (a shell block), list markers and line
  # continuations removed.
  local command
  command=$(awk '/bin\/benchgate-ab /{on=1} on{print} on && (/ -- / || (bs && !/\\$/)){exit}
                 on && /\\$/{bs=1}' "$recipe" |
    sed -e 's/^ *- //' -e 's/\\$//' | tr '\n' ' ')
  [[ $command == *benchgate-ab*my_bench* || $command == *benchgate-ab*BENCH_PATH* ]] ||
    fail "$1: no benchgate-ab command found"
  local bench_path
  bench_path=$(sed -n 's/^ *BENCH_PATH: *//p' "$recipe")
  [[ $bench_path == build/my_bench ]] || fail "$1: BENCH_PATH is '$bench_path'"
  local code=0
  (cd "$work" && rm -rf "${kept%%/*}" "$report" && BENCH_PATH=$bench_path eval "$command") \
    > "$work/out.txt" 2> "$work/err.txt" || code=$?
  [[ $code -eq 1 ]] || fail "$1: exit $code, expected 1 (the slowed candidate): $(cat "$work/err.txt")"
  [[ -s $work/$report ]] || fail "$1: no $report written"
  grep -q "$expected" "$work/$report" || fail "$1: $report lacks '$expected'"
  grep -q "$slowed" "$work/$report" || fail "$1: $report does not name $slowed"
  [[ -f $work/$kept ]] || fail "$1: --keep kept no $kept"
  echo "$1: ok ($command)"
}
# The shard recipes: every job of the matrix runs its benchgate-ab command
# as written (the matrix's variables set as the CI sets them), then the
# verdict job's benchgate-diff command combines the kept directories and
# must exit 1 for the slowed candidate. gate_fixture_bench's benchmarks fall
# in all three shards; BENCHGATE_FIXTURE_SLOWDOWN slows BM_Spin.
check_shards() {  # recipe report what-the-report-holds slowed-benchmark
  local recipe=$src/tools/recipes/$1 report=$2 expected=$3 slowed=$4
  [[ $guide == *"](../tools/recipes/$1)"* ]] || fail "$1 is not linked from docs/tools.md"
  local ab diff bench_path
  ab=$(awk '/bin\/benchgate-ab /{on=1} on{print} on && / -- /{exit}' "$recipe" |
    sed -e 's/^ *- //' -e 's/\\$//' | tr '\n' ' ')
  diff=$(awk '/bin\/benchgate-diff --paired/{on=1} on{print} on && /ab-shard-/{exit}' "$recipe" |
    sed -e 's/^ *- //' -e 's/\\$//' | tr '\n' ' ')
  [[ $ab == *--shard* && $diff == *--paired* ]] || fail "$1: no shard or verdict command found"
  bench_path=$(sed -n 's/^ *BENCH_PATH: *//p' "$recipe" | head -1)
  (cd "$work" && rm -rf ab-shard-* "$report")
  for k in 1 2 3; do
    local command=${ab//'${{ matrix.shard }}'/$k}
    command=${command//'${{ github.run_id }}'/4242}
    (cd "$work" && BENCH_PATH=$bench_path CI_NODE_INDEX=$k CI_NODE_TOTAL=3 CI_PIPELINE_ID=4242 \
      eval "$command") > "$work/out.txt" 2> "$work/err.txt" ||
      fail "$1: shard $k failed: $(cat "$work/err.txt")"
    [[ -f $work/ab-shard-$k/benchgate-ab.json ]] || fail "$1: shard $k kept no manifest"
  done
  local code=0
  (cd "$work" && eval "$diff") > "$work/out.txt" 2> "$work/err.txt" || code=$?
  [[ $code -eq 1 ]] || fail "$1: verdict exit $code, expected 1: $(cat "$work/err.txt")"
  grep -q "$expected" "$work/$report" || fail "$1: $report lacks '$expected'"
  grep -q "$slowed" "$work/$report" || fail "$1: $report does not name $slowed"
  echo "$1: ok ($ab; $diff)"
}
printf '#!/bin/sh\nBENCHGATE_FIXTURE_SLOWDOWN=1.3 exec "%s" "$@"\n' "$bin/gate_fixture_bench" \
  > "$work/slowed_fixture.sh"
chmod +x "$work/slowed_fixture.sh"
ln -sfn "$bin/gate_fixture_bench" "$work/base/build/my_bench"
ln -sfn "$work/slowed_fixture.sh" "$work/head/build/my_bench"
ln -sfn "$work/slowed_fixture.sh" "$work/build/my_bench"
check_shards github-actions-shards.yml ab.md "regression" BM_Spin
check_shards gitlab-ci-shards.yml benchgate-ab.xml "<failure" BM_Spin

fixtures ab_fixture_base ab_fixture_cand
check github-actions.yml ab.md "regression" BM_Slowed ab-runs/r01-base.json
check gitlab-ci.yml benchgate-ab.xml "<failure" BM_Slowed ab-runs/r01-base.json
if ! command -v valgrind > /dev/null; then
  echo "github-actions-instructions.yml: skipped (valgrind is not installed: apt-get install valgrind)"
elif [[ ! -x $bin/count_fixture_bench ]]; then
  echo "github-actions-instructions.yml: skipped (no count fixtures: a sanitizer build)"
else
  fixtures count_fixture_bench count_fixture_more
  check github-actions-instructions.yml instructions.md "regression" BM_Work \
    instructions-runs/cand.json
fi
