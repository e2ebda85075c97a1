// Speed of the tests and effect sizes. Issue targets on this 2-core VM:
// exact Mann-Whitney at 50 vs 50 and asymptotic at 10,000 vs 10,000, each
// under 1 ms. Data is generated once per benchmark, outside the timed loop,
// from fixed seeds.
#include <benchgate/stats/effect_size.h>
#include <benchgate/stats/mann_whitney.h>
#include "stats/multiple_testing.h"
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

namespace {

std::vector<double> Normal(std::size_t n, double mean, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> distribution(mean, 5.0);
  std::vector<double> values(n);
  for (double& v : values) v = distribution(rng);
  return values;
}

void BM_MannWhitneyExact50x50(benchmark::State& state) {
  const auto x = Normal(50, 100, 1), y = Normal(50, 102, 2);
  for (auto _ : state) {
    benchmark::DoNotOptimize(benchgate::MannWhitneyU(x, y, benchgate::Alternative::kTwoSided,
                                                     benchgate::MannWhitneyMethod::kExact));
  }
}
BENCHMARK(BM_MannWhitneyExact50x50)->Unit(benchmark::kMicrosecond);

// The worst case of the exact method: equal samples put U in the middle,
// so the tail summed runs to m n / 2.
void BM_MannWhitneyExact50x50NoEffect(benchmark::State& state) {
  const auto x = Normal(50, 100, 11), y = Normal(50, 100, 12);
  for (auto _ : state) {
    benchmark::DoNotOptimize(benchgate::MannWhitneyU(x, y, benchgate::Alternative::kTwoSided,
                                                     benchgate::MannWhitneyMethod::kExact));
  }
}
BENCHMARK(BM_MannWhitneyExact50x50NoEffect)->Unit(benchmark::kMicrosecond);

void BM_MannWhitneyAsymptotic10kx10k(benchmark::State& state) {
  const auto x = Normal(10'000, 100, 3), y = Normal(10'000, 100.2, 4);
  for (auto _ : state) {
    benchmark::DoNotOptimize(benchgate::MannWhitneyU(x, y, benchgate::Alternative::kTwoSided,
                                                     benchgate::MannWhitneyMethod::kAsymptotic));
  }
}
BENCHMARK(BM_MannWhitneyAsymptotic10kx10k)->Unit(benchmark::kMicrosecond);

// Hodges-Lehmann estimate with its Moses interval (exact critical value).
void BM_HodgesLehmann50x50(benchmark::State& state) {
  const auto x = Normal(50, 100, 5), y = Normal(50, 102, 6);
  for (auto _ : state) benchmark::DoNotOptimize(benchgate::HodgesLehmannShift(x, y));
}
BENCHMARK(BM_HodgesLehmann50x50)->Unit(benchmark::kMicrosecond);

// 1e8 pairwise differences, selected without materialising them.
void BM_HodgesLehmann10kx10k(benchmark::State& state) {
  const auto x = Normal(10'000, 100, 7), y = Normal(10'000, 100.2, 8);
  for (auto _ : state) benchmark::DoNotOptimize(benchgate::HodgesLehmannShift(x, y));
}
BENCHMARK(BM_HodgesLehmann10kx10k)->Unit(benchmark::kMillisecond);

void BM_BenjaminiHochberg500(benchmark::State& state) {
  std::mt19937_64 rng(9);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  std::vector<double> p(500);
  for (double& v : p) v = uniform(rng);
  for (auto _ : state) benchmark::DoNotOptimize(benchgate::BenjaminiHochbergAdjust(p));
}
BENCHMARK(BM_BenjaminiHochberg500)->Unit(benchmark::kMicrosecond);

}  // namespace
