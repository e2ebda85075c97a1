#!/usr/bin/env bash
# Builds a Google Benchmark release from its source archive into a prefix of
# its own, for testing benchgate against versions other than the system's:
#
#   tools/gbench-build.sh ARCHIVE WORK_DIR [shared|static]
#   cmake -S . -B build-1.9.5 -DCMAKE_PREFIX_PATH=WORK_DIR/prefix
#
# ARCHIVE is a release source .tar.gz (shared/deps/ holds 1.8.3 and 1.9.5);
# a SHA256SUMS file beside it, when present, must list it with the same sum.
# WORK_DIR/src gets the sources (benchgate's tests adopt the release's own
# BENCHMARK_MAIN() files from there), WORK_DIR/prefix the installed library.
# A second call with the same archive reuses what it built.
set -euo pipefail
archive=${1:?usage: tools/gbench-build.sh ARCHIVE WORK_DIR [shared|static]}
work=${2:?usage: tools/gbench-build.sh ARCHIVE WORK_DIR [shared|static]}
linkage=${3:-shared}
case "$linkage" in
  shared) shared=ON ;;
  static) shared=OFF ;;
  *) echo "gbench-build: expected shared or static, got '$linkage'" >&2; exit 2 ;;
esac
[ -f "$archive" ] || { echo "gbench-build: $archive: no such file" >&2; exit 2; }

sums="$(dirname "$archive")/SHA256SUMS"
if [ -f "$sums" ]; then
  name=$(basename "$archive")
  expected=$(awk -v n="$name" '$2 == n || $2 == "*" n {print $1}' "$sums")
  actual=$(sha256sum "$archive" | cut -d' ' -f1)
  if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
    echo "gbench-build: $archive: checksum ${actual} is not the one in $sums" >&2
    exit 2
  fi
fi

mkdir -p "$work"
work=$(cd "$work" && pwd)
stamp="$work/prefix/.built-from"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(sha256sum "$archive" | cut -d' ' -f1) $linkage" ]; then
  echo "gbench-build: $work/prefix is already built from $(basename "$archive") ($linkage)"
  exit 0
fi
rm -rf "$work/src" "$work/build" "$work/prefix"
mkdir -p "$work/src"
tar -xzf "$archive" -C "$work/src" --strip-components=1
cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=$shared \
  -DBENCHMARK_ENABLE_TESTING=OFF -DBENCHMARK_ENABLE_GTEST_TESTS=OFF \
  -DBENCHMARK_ENABLE_WERROR=OFF -DBENCHMARK_INSTALL_DOCS=OFF \
  -DCMAKE_INSTALL_PREFIX="$work/prefix" > "$work/build.log" 2>&1 ||
  { tail -20 "$work/build.log" >&2; exit 1; }
cmake --build "$work/build" -j2 >> "$work/build.log" 2>&1 || { tail -20 "$work/build.log" >&2; exit 1; }
cmake --install "$work/build" >> "$work/build.log" 2>&1 || { tail -20 "$work/build.log" >&2; exit 1; }
echo "$(sha256sum "$archive" | cut -d' ' -f1) $linkage" > "$stamp"
echo "gbench-build: $(basename "$archive") ($linkage) in $work/prefix"
