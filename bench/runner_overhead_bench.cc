// 1,000 trivial registered benchmarks: built twice, once with Google
// Benchmark's benchmark_main and once with benchgate::main, so that
// runner_overhead.sh can time the two binaries on the same work.
#include <benchmark/benchmark.h>

#include <string>

namespace {

void BM_Trivial(benchmark::State& state) {
  int value = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(value += 1);
}

// Registered at start-up like BENCHMARK(), with 1,000 distinct names.
const bool kRegistered = [] {
  for (int i = 0; i < 1000; ++i) {
    benchmark::RegisterBenchmark(("BM_Trivial_" + std::to_string(i)).c_str(), BM_Trivial)->Arg(i);
  }
  return true;
}();

}  // namespace
