// The calibration suite of bench/calibration.sh: 48 benchmarks whose work is
// linear in a size, so that a slowdown of s is made by doing (1 + s) times
// the work. Six kinds of work (a dependent multiply chain, a memory sum, a
// strided walk, a string hash, unpredictable branches, memcpy) at eight sizes
// give the spread of time scales and noise a real suite has.
//
// The knob, read once at start-up:
//   BENCHGATE_CALIBRATION_SLOWDOWN=0.05   slow the chosen benchmarks by 5%
// The chosen ones are those whose kind and size indices sum to a multiple of
// 4: two sizes of every kind, a quarter of the suite. Their names never
// change, so a run with the knob set compares name for name with one without;
// their label is "slowed" in every run, for the scoring script.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace {

double Slowdown() {
  static const double slowdown = [] {
    const char* text = std::getenv("BENCHGATE_CALIBRATION_SLOWDOWN");
    return text == nullptr ? 0.0 : std::strtod(text, nullptr);
  }();
  return slowdown;
}

// The work each kind does per iteration for `n` units.
using Work = void (*)(std::size_t n, const std::vector<std::uint8_t>& data);

void MultiplyChain(std::size_t n, const std::vector<std::uint8_t>& /*data*/) {
  std::uint64_t x = 88172645463325252ull;
  for (std::size_t i = 0; i < n; ++i) x = x * 6364136223846793005ull + 1442695040888963407ull;
  benchmark::DoNotOptimize(x);
}

void MemorySum(std::size_t n, const std::vector<std::uint8_t>& data) {
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += data[i % data.size()];
  benchmark::DoNotOptimize(sum);
}

void StridedWalk(std::size_t n, const std::vector<std::uint8_t>& data) {
  std::uint64_t sum = 0;
  std::size_t at = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sum += data[at];
    at = (at + 4099) % data.size();  // a prime stride: a new cache line each step
  }
  benchmark::DoNotOptimize(sum);
}

void StringHash(std::size_t n, const std::vector<std::uint8_t>& data) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a
  for (std::size_t i = 0; i < n; ++i) {
    hash ^= data[i % data.size()];
    hash *= 1099511628211ull;
  }
  benchmark::DoNotOptimize(hash);
}

void Branches(std::size_t n, const std::vector<std::uint8_t>& data) {
  std::uint64_t taken = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (data[i % data.size()] & 1u) {
      taken += 3;
    } else {
      taken ^= i;
    }
    benchmark::ClobberMemory();  // keeps the branch a branch
  }
  benchmark::DoNotOptimize(taken);
}

void Copy(std::size_t n, const std::vector<std::uint8_t>& data) {
  static std::vector<std::uint8_t> target(1u << 20);
  std::size_t left = n * 16;
  while (left > 0) {
    const std::size_t chunk = std::min({left, data.size(), target.size()});
    std::memcpy(target.data(), data.data(), chunk);
    benchmark::ClobberMemory();
    left -= chunk;
  }
}

void Register(const char* kind, Work work, std::size_t n, bool slowed) {
  const std::string name = std::string("BM_Calibration_") + kind + "/" + std::to_string(n);
  benchmark::RegisterBenchmark(name.c_str(), [work, n, slowed](benchmark::State& state) {
    std::vector<std::uint8_t> data(1u << 20);
    std::uint64_t x = 12345;
    for (auto& byte : data) {
      x = x * 6364136223846793005ull + 1442695040888963407ull;
      byte = static_cast<std::uint8_t>(x >> 56);
    }
    const auto units = static_cast<std::size_t>(
        std::llround(static_cast<double>(n) * (1.0 + (slowed ? Slowdown() : 0.0))));
    for (auto _ : state) work(units, data);
    state.SetLabel(slowed ? "slowed" : "");
  });
}

const bool registered = [] {
  const std::pair<const char*, Work> kinds[] = {
      {"MultiplyChain", MultiplyChain}, {"MemorySum", MemorySum}, {"StridedWalk", StridedWalk},
      {"StringHash", StringHash},       {"Branches", Branches},   {"Copy", Copy}};
  std::size_t size_index = 0;
  for (std::size_t n = 1000; n <= 128000; n *= 2, ++size_index) {
    for (std::size_t kind_index = 0; kind_index < std::size(kinds); ++kind_index) {
      const auto& [kind, work] = kinds[kind_index];
      Register(kind, work, n, (kind_index + size_index) % 4 == 0);
    }
  }
  return true;
}();

}  // namespace
