#!/usr/bin/env bash
# Installs what benchgate needs from Debian's packages, only when something
# is missing (a second run does nothing). Run as root.
#   build:  cmake g++ make pkg-config + Google Benchmark, GoogleTest, nlohmann_json, Boost.Math,
#           CLI11, RE2 (benchmark-name patterns)
#   tests:  libbenchmark-tools + python3-scipy, for the test that feeds benchgate's
#           enriched JSON to Google Benchmark's own compare.py
#   measure: valgrind, for --benchgate_measure=instructions (callgrind counts the
#           instructions) and its tests
set -euo pipefail

packages=(cmake g++ make pkg-config libbenchmark-dev libgtest-dev nlohmann-json3-dev
          libboost-math-dev libcli11-dev libre2-dev libbenchmark-tools python3-scipy valgrind)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}; run as root (or install them with apt-get)" >&2
  exit 2
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
