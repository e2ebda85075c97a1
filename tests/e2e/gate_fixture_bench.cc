// A benchmark binary for the end-to-end tests of the runner: ordinary
// BENCHMARK registrations linked with benchgate::main and benchgate::memory.
//
// BM_Spin busy-waits a fixed wall-clock time per iteration, so its time is
// nearly deterministic even on a noisy machine; BENCHGATE_FIXTURE_SLOWDOWN
// (e.g. 1.3) stretches it, which is how the tests make a real regression.
#include <benchgate/sampled.h>
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

double Slowdown() {
  const char* value = std::getenv("BENCHGATE_FIXTURE_SLOWDOWN");
  return value == nullptr ? 1.0 : std::atof(value);
}

void SpinFor(std::chrono::nanoseconds duration) {
  const auto deadline = std::chrono::steady_clock::now() + duration;
  while (std::chrono::steady_clock::now() < deadline) {
  }
}

void BM_Spin(benchmark::State& state) {
  const auto duration =
      std::chrono::nanoseconds(static_cast<long long>(200'000 * Slowdown()));
  for (auto _ : state) SpinFor(duration);
}
BENCHMARK(BM_Spin)->UseRealTime()->Iterations(20);

void BM_SpinSampled(benchmark::State& state) {
  for (auto _ : benchgate::Sampled(state)) SpinFor(std::chrono::microseconds(50));
}
BENCHMARK(BM_SpinSampled)->UseRealTime()->Iterations(40);

// Exactly one allocation of 40 bytes per iteration.
void BM_Allocate(benchmark::State& state) {
  for (auto _ : state) {
    int* values = new int[10];
    benchmark::DoNotOptimize(values);
    delete[] values;
  }
}
BENCHMARK(BM_Allocate)->Iterations(1000);

void BM_Fails(benchmark::State& state) {
  for (auto _ : state) {
    state.SkipWithError("fixture error");
    break;
  }
}
BENCHMARK(BM_Fails);

}  // namespace
