#include "run/speed_probe.h"

#include <cstdint>
#include <utility>

namespace benchgate {
namespace {

// The probe's work: a chain of dependent integer operations (xorshift and a
// multiply), so that its time is the core's speed alone: no memory, no
// branch to mispredict, no instruction the compiler can drop or run in
// parallel. kSpeedProbeKind names it: change that when changing this.
__attribute__((noinline)) std::uint64_t ProbeLoop(std::uint64_t n, std::uint64_t seed) {
  std::uint64_t x = seed | 1;
  for (std::uint64_t i = 0; i < n; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    x *= 0x9E3779B97F4A7C15ULL;
  }
  return x;
}

constexpr std::uint64_t kLoopIterations = 500000;
constexpr std::uint64_t kLoopsPerPoint = 15;
// A point costs ~20 ms: every 2 s is 1% of the run.
constexpr auto kSpacing = std::chrono::seconds(2);

// Keeps the loop's result observable, so the loop is never removed.
volatile std::uint64_t probe_sink = 0;

}  // namespace

void SpeedProbeClock::Measure() {
  if (!on_) return;
  // One window of ~20 ms, its mean per loop: long against a scheduler's
  // time slice, so a machine shared with other work (or a VM whose host
  // steals time) shows as much in the point as in the benchmarks' own
  // repetitions. A burst on a few points is the median's to ignore.
  const auto start = std::chrono::steady_clock::now();
  for (std::uint64_t k = 0; k < kLoopsPerPoint; ++k) {
    probe_sink = probe_sink + ProbeLoop(kLoopIterations, k);
  }
  const auto stop = std::chrono::steady_clock::now();
  probe_.points_ns.push_back(std::chrono::duration<double, std::nano>(stop - start).count() /
                             static_cast<double>(kLoopsPerPoint));
  last_ = std::chrono::steady_clock::now();
}

void SpeedProbeClock::MeasureIfDue() {
  if (on_ && std::chrono::steady_clock::now() - last_ >= kSpacing) Measure();
}

std::optional<SpeedProbe> SpeedProbeClock::Take() {
  if (!on_ || probe_.points_ns.empty()) return std::nullopt;
  return std::exchange(probe_, SpeedProbe{});
}

}  // namespace benchgate
