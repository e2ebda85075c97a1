// Sorting: the benchmark every team has. Plain Google Benchmark code; benchgate
// adds percentiles, CIs and the gate without a change here.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace {

std::vector<std::uint32_t> RandomKeys(std::size_t n) {
  std::mt19937 rng(42);
  std::vector<std::uint32_t> keys(n);
  for (auto& key : keys) key = static_cast<std::uint32_t>(rng());
  return keys;
}

void BM_Sort(benchmark::State& state) {
  const auto input = RandomKeys(static_cast<std::size_t>(state.range(0)));
  std::vector<std::uint32_t> keys;
  for (auto _ : state) {
    state.PauseTiming();
    keys = input;
    state.ResumeTiming();
    std::sort(keys.begin(), keys.end());
    benchmark::DoNotOptimize(keys.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Sort)->Arg(1 << 10)->Arg(1 << 16);

void BM_StableSort(benchmark::State& state) {
  const auto input = RandomKeys(static_cast<std::size_t>(state.range(0)));
  std::vector<std::uint32_t> keys;
  for (auto _ : state) {
    keys = input;  // the copy is part of the measured work, as in real code
    std::stable_sort(keys.begin(), keys.end());
    benchmark::DoNotOptimize(keys.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_StableSort)->Arg(1 << 12);

}  // namespace
