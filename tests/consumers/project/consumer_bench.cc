// A user's benchmark file: unchanged Google Benchmark code plus, where
// wanted, benchgate's Sampled() loop and a budget. Compiled as C++17.
#include <benchgate/benchgate.h>
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <vector>

static void BM_Consumer(benchmark::State& state) {
  std::vector<double> values = {3.0, 1.0, 2.0};
  for (auto _ : benchgate::Sampled(state)) {
    benchmark::DoNotOptimize(benchgate::Median(values));
  }
}
BENCHMARK(BM_Consumer);

BENCHGATE_BUDGET("BM_Consumer").Median(std::chrono::seconds(1));

// A fixed time per iteration (manual time, with a small deterministic
// jitter), so the gate's verdict does not depend on the machine's noise;
// CONSUMER_SLOWDOWN=1.3 makes it 30% slower, as a code change would.
static void BM_ConsumerStep(benchmark::State& state) {
  const char* slowdown = std::getenv("CONSUMER_SLOWDOWN");
  const double seconds = 100e-6 * (slowdown != nullptr ? std::atof(slowdown) : 1.0);
  static int call = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < std::chrono::microseconds(10)) {
    }
    state.SetIterationTime(seconds * (1.0 + 0.001 * (call++ % 7)));
  }
}
BENCHMARK(BM_ConsumerStep)->UseManualTime()->Iterations(20);
