// Hash map lookups with per-iteration latency: Sampled() records every
// lookup's time, so the tail (p99, p999) shows next to the mean.
#include <benchgate/sampled.h>
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

void BM_HashLookup(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  std::unordered_map<std::uint64_t, std::uint64_t> map;
  std::mt19937_64 rng(7);
  std::vector<std::uint64_t> keys(size);
  for (auto& key : keys) {
    key = rng();
    map.emplace(key, key ^ 0x9e3779b97f4a7c15ULL);
  }
  std::size_t next = 0;
  for (auto _ : benchgate::Sampled(state)) {
    auto it = map.find(keys[next]);
    benchmark::DoNotOptimize(it);
    next = next + 1 == size ? 0 : next + 1;
  }
}
BENCHMARK(BM_HashLookup)->Arg(1 << 10)->Arg(1 << 20);

void BM_StringKeyLookup(benchmark::State& state) {
  std::unordered_map<std::string, int> map;
  std::vector<std::string> keys;
  for (int i = 0; i < 4096; ++i) {
    keys.push_back("user:" + std::to_string(i * 7919));
    map.emplace(keys.back(), i);
  }
  std::size_t next = 0;
  for (auto _ : benchgate::Sampled(state)) {
    benchmark::DoNotOptimize(map.find(keys[next]));
    next = (next + 1) % keys.size();
  }
}
BENCHMARK(BM_StringKeyLookup);

}  // namespace
