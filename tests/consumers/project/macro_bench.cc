// The one-word change: BENCHGATE_MAIN() where BENCHMARK_MAIN() was.
#include <benchgate/runner.h>
#include <benchmark/benchmark.h>

static void BM_Macro(benchmark::State& state) {
  for (auto _ : state) state.SetIterationTime(100e-6);
}
BENCHMARK(BM_Macro)->UseManualTime()->Iterations(20);

BENCHGATE_MAIN();
