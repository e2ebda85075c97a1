// String building that allocates: linked with benchgate::memory, the
// enriched JSON reports allocations and bytes per iteration exactly.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

void BM_StringConcat(benchmark::State& state) {
  const auto parts = static_cast<int>(state.range(0));
  for (auto _ : state) {
    std::string text;
    for (int i = 0; i < parts; ++i) text += "segment-" + std::to_string(i) + ";";
    benchmark::DoNotOptimize(text.data());
  }
}
BENCHMARK(BM_StringConcat)->Arg(16)->Arg(256);

void BM_StringReserved(benchmark::State& state) {
  const auto parts = static_cast<int>(state.range(0));
  for (auto _ : state) {
    std::string text;
    text.reserve(static_cast<std::size_t>(parts) * 16);
    for (int i = 0; i < parts; ++i) {
      text.append("segment-").append(std::to_string(i)).push_back(';');
    }
    benchmark::DoNotOptimize(text.data());
  }
}
BENCHMARK(BM_StringReserved)->Arg(16)->Arg(256);

void BM_VectorOfStrings(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<std::string> names;
    names.reserve(64);
    for (int i = 0; i < 64; ++i) names.emplace_back(32, static_cast<char>('a' + i % 26));
    benchmark::DoNotOptimize(names.data());
  }
}
BENCHMARK(BM_VectorOfStrings);

}  // namespace
