#!/usr/bin/env bash
# Do instruction counts carry from one build to another? calibration_bench
# (48 benchmarks) is built from this source into two fresh Release build
# directories (the same compiler and flags, different paths), and once more
# with clang++ as the contrast; each build's suite is counted under Valgrind
# (--benchgate_measure=instructions), and benchgate-diff judges the second
# build and the clang build against the first at the default 0.5%.
# Prints, per pair: benchmarks with identical counts, the largest relative
# difference, the verdicts, and the harness floors.
#
#   bench/instructions_portability.sh [WORK_DIR=build-portability]
#
# Needs cmake, g++, clang++ (optional: skipped without it), valgrind and the
# dev packages of tools/install-deps.sh. Builds take a few minutes each.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-build-portability}
mkdir -p "$work"
work=$(cd "$work" && pwd)

build() {  # build DIR COMPILER: calibration_bench and benchgate-diff, Release
  cmake -S "$here" -B "$1" -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_COMPILER=$2" \
    -DBENCHGATE_BUILD_TESTS=OFF -DBENCHGATE_INSTALL=OFF > "$1.configure.log"
  cmake --build "$1" -j2 --target calibration_bench benchgate-diff > "$1.build.log"
}

count() {  # count DIR: the suite's counts into DIR/counts.json
  "$1/bin/calibration_bench" --benchgate_measure=instructions "--benchgate_out=$1/counts.json" \
    > "$1/counts.log" 2>&1
}

compare() {  # compare LABEL BASE CANDIDATE
  local diff="$work/first/bin/benchgate-diff"
  "$diff" --format=json "--output=$work/$1.diff.json" "$2/counts.json" "$3/counts.json" \
    > /dev/null 2>&1 || true
  /usr/bin/python3 - "$1" "$2/counts.json" "$3/counts.json" "$work/$1.diff.json" <<'EOF'
import json, sys
label, base, cand, verdicts = sys.argv[1:]
def counts(path):
    data = json.load(open(path))["benchgate"]
    return ({r["name"]: r["instructions"].get("per_iteration") for r in data["results"]},
            data["counting"]["harness_floor"])
a, floor_a = counts(base)
b, floor_b = counts(cand)
names = [n for n in a if n in b and a[n] is not None and b[n] is not None]
same = sum(1 for n in names if a[n] == b[n])
worst = max((abs(b[n] / a[n] - 1) for n in names if a[n] > 0), default=0.0)
statuses = {}
diff = json.load(open(verdicts))
for r in diff.get("comparisons", []):
    statuses[r["verdict"]] = statuses.get(r["verdict"], 0) + 1
print(f"{label}: {same}/{len(names)} identical counts, largest difference {worst:.2%}, "
      f"harness floor {floor_a:g} vs {floor_b:g}, verdicts {statuses}")
for warning in diff.get("warnings", []):
    print(f"  warning: {warning}")
EOF
}

build "$work/first" g++
build "$work/second" g++
count "$work/first"
count "$work/second"
compare "two-gcc-builds" "$work/first" "$work/second"
if command -v clang++ > /dev/null; then
  build "$work/clang" clang++
  count "$work/clang"
  compare "gcc-vs-clang" "$work/first" "$work/clang"
else
  echo "gcc-vs-clang: skipped (clang++ is not installed)"
fi
