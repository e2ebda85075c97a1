// A benchmark binary for the end-to-end tests of benchgate-ab, built as
// ab_fixture_base (linked with benchmark::benchmark_main, unchanged) and
// ab_fixture_cand (linked with benchgate::main, AB_SLOWDOWN=1.3), so the
// tests also show that benchgate-ab takes any Google Benchmark binary; and
// as adopted_fixture_cand (benchgate::main, AB_SLOWDOWN=1.3, nothing else),
// the gated run whose console README.md shows (run_gated_console_test).
//
// Both benchmarks report a manual time per iteration (100 us, x AB_SLOWDOWN
// for BM_Slowed) with a small deterministic jitter (0..0.6%), after really
// spinning a tenth of it: every process reports the same samples whatever
// the load of the test machine, so the verdicts are testable.
//
// The candidate (AB_ENRICHED) also records what only benchgate's enriched
// JSON carries: a latency histogram of BM_Slowed (Sampled) and, through
// benchgate::memory, one allocation per iteration of BM_Steady. With
// AB_CODE_BUDGET it declares in code that BM_Steady allocates nothing.
#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>

#ifdef AB_ENRICHED
#include <benchgate/benchgate.h>
#endif

#ifndef AB_SLOWDOWN
#define AB_SLOWDOWN 1.0
#endif

namespace {

void SpinFor(std::chrono::nanoseconds duration) {
  const auto deadline = std::chrono::steady_clock::now() + duration;
  while (std::chrono::steady_clock::now() < deadline) {
  }
}

void Iteration(benchmark::State& state, double seconds, int& call) {
  SpinFor(std::chrono::microseconds(10));
  state.SetIterationTime(seconds * (1.0 + 0.001 * (call++ % 7)));
}

void BM_Slowed(benchmark::State& state) {
  static int call = 0;
#ifdef AB_ENRICHED
  for (auto _ : benchgate::Sampled(state)) Iteration(state, 100e-6 * AB_SLOWDOWN, call);
#else
  for (auto _ : state) Iteration(state, 100e-6 * AB_SLOWDOWN, call);
#endif
}
BENCHMARK(BM_Slowed)->UseManualTime()->Iterations(20);

void BM_Steady(benchmark::State& state) {
  static int call = 0;
  for (auto _ : state) {
#ifdef AB_ENRICHED
    auto allocated = std::make_unique<int>(call);
    benchmark::DoNotOptimize(allocated.get());
#endif
    Iteration(state, 100e-6, call);
  }
}
BENCHMARK(BM_Steady)->UseManualTime()->Iterations(20);
#ifdef AB_CODE_BUDGET
BENCHGATE_BUDGET("BM_Steady.*").AllocsPerIter(0);
#endif

}  // namespace
