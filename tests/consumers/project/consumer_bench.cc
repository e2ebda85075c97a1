// A user's benchmark file: unchanged Google Benchmark code plus, where
// wanted, benchgate's Sampled() loop and a budget. Compiled as C++17.
#include <benchgate/benchgate.h>
#include <benchmark/benchmark.h>

#include <vector>

static void BM_Consumer(benchmark::State& state) {
  std::vector<double> values = {3.0, 1.0, 2.0};
  for (auto _ : benchgate::Sampled(state)) {
    benchmark::DoNotOptimize(benchgate::Median(values));
  }
}
BENCHMARK(BM_Consumer);

BENCHGATE_BUDGET("BM_Consumer").Median(std::chrono::seconds(1));
