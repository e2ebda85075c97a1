// Two registrations that make one name: ->Threads(2) and ->ThreadRange(1, 2)
// both produce ".../threads:2" (issue 13: merged without a word before).
#include <benchmark/benchmark.h>

static void BM_Twice(benchmark::State& state) {
  for (auto _ : state) state.SetIterationTime(1e-6);
}
BENCHMARK(BM_Twice)->Threads(2)->UseManualTime()->Iterations(10);
BENCHMARK(BM_Twice)->ThreadRange(1, 2)->UseManualTime()->Iterations(10);
