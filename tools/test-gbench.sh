#!/usr/bin/env bash
# Builds benchgate against a Google Benchmark release built from its source
# archive and runs the tests there (CI's version stages; see the README's
# "Google Benchmark versions"):
#
#   tools/test-gbench.sh ARCHIVE [shared|static]
#   e.g. tools/test-gbench.sh ../shared/deps/google-benchmark-1.9.5.tar.gz static
#
# The release goes to build-gbench-<version>/gbench (tools/gbench-build.sh),
# benchgate's Debug build with warnings as errors to build-gbench-<version>,
# which also builds the release's own BENCHMARK_MAIN() files alone and
# adopted, and adds a consumer project that fetches the archive itself.
# Extra arguments after the linkage go to ctest (e.g. -R).
set -euo pipefail
archive=${1:?usage: tools/test-gbench.sh ARCHIVE [shared|static] [ctest args...]}
linkage=${2:-shared}
shift $(( $# >= 2 ? 2 : 1 ))
[ -f "$archive" ] || { echo "test-gbench: $archive: no such file" >&2; exit 2; }
archive=$(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")
cd "$(dirname "$0")/.."
name=$(basename "$archive" .tar.gz)
version=${name##*-}
build="build-gbench-$version"
tools/gbench-build.sh "$archive" "$build/gbench" "$linkage"
# BENCHGATE_TESTS_GBENCH_ONLY: the stats/, model/ and gate/ unit tests (no
# Google Benchmark header, fixed data) ran in the 1.7.1 stage; they are the
# same on every version and are not built again here.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DBENCHGATE_WERROR=ON -DBENCHGATE_TESTS_GBENCH_ONLY=ON \
  "-DCMAKE_PREFIX_PATH=$PWD/$build/gbench/prefix" "-DBENCHGATE_GBENCH_SOURCE_DIR=$PWD/$build/gbench/src" \
  "-DBENCHGATE_GBENCH_ARCHIVE=$archive"
cmake --build "$build" -j2
# The consumers that build benchgate's own CMake as a subproject
# (add_subdirectory, FetchContent of benchgate alone) test benchgate's build,
# the same on every version, at two minutes each: they run in the 1.7.1
# stage. Installed (find_package, the exact version) and fetched together
# with the release (fetchcontent_gbench) run here.
ctest --test-dir "$build" --output-on-failure -j2 \
  -E '^consumer_(add_subdirectory|fetchcontent)$' "$@"
