// A file without main(), as those linked with benchmark::benchmark_main are.
#include <benchmark/benchmark.h>

static void BM_NoMain(benchmark::State& state) {
  for (auto _ : state) state.SetIterationTime(100e-6);
}
BENCHMARK(BM_NoMain)->UseManualTime()->Iterations(20);
