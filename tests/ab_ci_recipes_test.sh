#!/usr/bin/env bash
# The README's "gate a pull request" recipes (tools/recipes/*.yml) work as
# pasted: each is in the README verbatim, and its benchgate-ab command, run
# exactly as written (the same flags, the same paths relative to the job's
# directory), accepts its flags, writes the report the recipe publishes and
# fails with exit 1 on a slowed candidate, as the job must.
#
#   ab_ci_recipes_test.sh SOURCE_DIR BIN_DIR   (BIN_DIR: benchgate-ab, ab_fixture_base/cand)
set -euo pipefail
src=$(cd "$1" && pwd)
bin=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "ab_ci_recipes_test: $*" >&2; exit 1; }

# The job's directory: base and head builds, benchgate-ab where each recipe
# builds it, the fixture as the benchmark (head's is 1.3x slower in BM_Slowed).
mkdir -p "$work/base/build" "$work/head/build/bin" "$work/build/bin"
ln -s "$bin/ab_fixture_base" "$work/base/build/my_bench"
ln -s "$bin/ab_fixture_cand" "$work/head/build/my_bench"
ln -s "$bin/ab_fixture_cand" "$work/build/my_bench"
ln -s "$bin/benchgate-ab" "$work/head/build/bin/benchgate-ab"
ln -s "$bin/benchgate-ab" "$work/build/bin/benchgate-ab"

readme=$(cat "$src/README.md")
check() {  # recipe report-file what-the-report-holds
  local recipe=$src/tools/recipes/$1 report=$2 expected=$3
  [[ $readme == *"$(cat "$recipe")"* ]] || fail "$1 is not in README.md verbatim"
  # The command: from the line that runs benchgate-ab to the one passing the
  # flags after --, list markers and line continuations removed.
  local command
  command=$(awk '/bin\/benchgate-ab /{on=1} on{print} on && / -- /{exit}' "$recipe" |
    sed -e 's/^ *- //' -e 's/\\$//' | tr '\n' ' ')
  [[ $command == *benchgate-ab* && $command == *" -- "* ]] || fail "$1: no benchgate-ab command found"
  local bench_path
  bench_path=$(sed -n 's/^ *BENCH_PATH: *//p' "$recipe")
  [[ $bench_path == build/my_bench ]] || fail "$1: BENCH_PATH is '$bench_path'"
  local code=0
  (cd "$work" && rm -rf ab-runs "$report" && BENCH_PATH=$bench_path eval "$command") \
    > "$work/out.txt" 2> "$work/err.txt" || code=$?
  [[ $code -eq 1 ]] || fail "$1: exit $code, expected 1 (the slowed candidate): $(cat "$work/err.txt")"
  [[ -s $work/$report ]] || fail "$1: no $report written"
  grep -q "$expected" "$work/$report" || fail "$1: $report lacks '$expected'"
  grep -q "BM_Slowed" "$work/$report" || fail "$1: $report does not name BM_Slowed"
  [[ -f $work/ab-runs/r01-base.json ]] || fail "$1: --keep ab-runs kept no process files"
  echo "$1: ok ($command)"
}
check github-actions.yml ab.md "regression"
check gitlab-ci.yml benchgate-ab.xml "<failure"
