// An ordinary Google Benchmark file, as most end: BENCHMARK_MAIN(). Nothing
// of benchgate in it; benchgate_adopt_main() in the build brings it in.
// Manual time, as BM_ConsumerStep: the gate's verdict does not depend on
// the machine's noise; ADOPTED_SLOWDOWN=1.3 makes it 30% slower.
#include <benchmark/benchmark.h>

#include <cstdlib>

static void BM_Adopted(benchmark::State& state) {
  const char* slowdown = std::getenv("ADOPTED_SLOWDOWN");
  const double seconds = 100e-6 * (slowdown != nullptr ? std::atof(slowdown) : 1.0);
  static int call = 0;
  for (auto _ : state) state.SetIterationTime(seconds * (1.0 + 0.001 * (call++ % 7)));
}
BENCHMARK(BM_Adopted)->UseManualTime()->Iterations(20);

BENCHMARK_MAIN();
