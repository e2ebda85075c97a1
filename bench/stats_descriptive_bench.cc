// Speed of the descriptive statistics (issue targets, on the 2-core CI VM):
// BCa bootstrap of 10,000 resamples of 100 values under 20 ms; percentiles
// of 1,000,000 values under 1 ms. Data is generated once, outside the timed
// loops, from fixed seeds.
#include <benchgate/stats/confidence.h>
#include <benchgate/stats/percentile.h>
#include <benchgate/stats/summary.h>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "stats/bracket_pass.h"

namespace {

std::vector<double> LogNormal(std::size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> distribution(3.0, 0.3);
  std::vector<double> values(n);
  for (double& v : values) v = distribution(rng);
  return values;
}

void BM_BootstrapBcaMedian(benchmark::State& state) {
  const std::vector<double> values = LogNormal(100, 1);
  benchgate::BootstrapOptions options;
  options.resamples = 10000;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        benchgate::BootstrapConfidenceInterval(values, benchgate::MedianOf, options));
  }
}
BENCHMARK(BM_BootstrapBcaMedian)->Unit(benchmark::kMillisecond);

void BM_BootstrapPercentileMedian(benchmark::State& state) {
  const std::vector<double> values = LogNormal(100, 1);
  benchgate::BootstrapOptions options;
  options.resamples = 10000;
  options.method = benchgate::BootstrapMethod::kPercentile;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        benchgate::BootstrapConfidenceInterval(values, benchgate::MedianOf, options));
  }
}
BENCHMARK(BM_BootstrapPercentileMedian)->Unit(benchmark::kMillisecond);

void BM_BootstrapBcaMean(benchmark::State& state) {
  const std::vector<double> values = LogNormal(100, 1);
  benchgate::BootstrapOptions options;
  options.resamples = 10000;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        benchgate::BootstrapConfidenceInterval(values, benchgate::MeanOf, options));
  }
}
BENCHMARK(BM_BootstrapBcaMean)->Unit(benchmark::kMillisecond);

// Four percentiles of 1,000,000 unsorted values: the real case (sampled
// brackets, one counting and one collecting pass, selection inside).
void BM_Percentiles1M(benchmark::State& state) {
  const std::vector<double> values = LogNormal(1'000'000, 2);
  const std::vector<double> probabilities = {0.5, 0.9, 0.95, 0.99};
  for (auto _ : state) benchmark::DoNotOptimize(benchgate::Percentiles(values, probabilities));
}
BENCHMARK(BM_Percentiles1M)->Unit(benchmark::kMillisecond);

// The floor for any exact method: one read of the same million values,
// summed into four independent accumulators (no dependency chain), so
// BM_Percentiles1M can be read as a number of passes over the data.
void BM_OneReadOf1M(benchmark::State& state) {
  const std::vector<double> values = LogNormal(1'000'000, 2);
  for (auto _ : state) {
    double sums[4] = {0, 0, 0, 0};
    for (std::size_t i = 0; i + 3 < values.size(); i += 4) {
      for (std::size_t j = 0; j < 4; ++j) sums[j] += values[i + j];
    }
    benchmark::DoNotOptimize(sums);
  }
}
BENCHMARK(BM_OneReadOf1M)->Unit(benchmark::kMillisecond);

// Heavy ties (about 40 distinct values): whole brackets on one value.
void BM_Percentiles1MTied(benchmark::State& state) {
  std::vector<double> values = LogNormal(1'000'000, 2);
  for (double& v : values) v = std::round(v);
  const std::vector<double> probabilities = {0.5, 0.9, 0.95, 0.99};
  for (auto _ : state) benchmark::DoNotOptimize(benchgate::Percentiles(values, probabilities));
}
BENCHMARK(BM_Percentiles1MTied)->Unit(benchmark::kMillisecond);

// A large common offset (times in ns since an epoch): the sample's partial
// sort must work below the shared leading bits (it once did not: 29 ms).
void BM_Percentiles1MOffset(benchmark::State& state) {
  std::vector<double> values = LogNormal(1'000'000, 2);
  for (double& v : values) v += 1e9;
  const std::vector<double> probabilities = {0.5, 0.9, 0.95, 0.99};
  for (auto _ : state) benchmark::DoNotOptimize(benchgate::Percentiles(values, probabilities));
}
BENCHMARK(BM_Percentiles1MOffset)->Unit(benchmark::kMillisecond);

// The selection's pass alone (stats/bracket_pass.h), per kernel, with the
// two brackets BM_Percentiles1M's first level uses (a median bracket and one
// from p88 to p99.5): the portable loop is what a CPU without AVX2 runs.
// Registered only for the kernels this CPU has, so the suite never skips.
void BM_BracketPass1M(benchmark::State& state, benchgate::PassKernel kernel) {
  const std::vector<double> values = LogNormal(1'000'000, 2);
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  benchgate::PassBrackets brackets;
  brackets.count = 2;
  brackets.low = {sorted[470'000], sorted[880'000]};
  brackets.high = {sorted[530'000], sorted[995'000]};
  std::vector<double> buffer;
  for (auto _ : state) {
    benchmark::DoNotOptimize(benchgate::RunBracketPass(values, brackets, 300'000, buffer, kernel));
  }
}

const bool kPassBenchmarksRegistered = [] {
  const std::pair<const char*, benchgate::PassKernel> kernels[] = {
      {"BM_BracketPass1M/portable", benchgate::PassKernel::kPortable},
      {"BM_BracketPass1M/avx2", benchgate::PassKernel::kAvx2},
      {"BM_BracketPass1M/avx512", benchgate::PassKernel::kAvx512}};
  for (const auto& [name, kernel] : kernels) {
    if (!benchgate::PassKernelAvailable(kernel)) continue;
    benchmark::RegisterBenchmark(name, BM_BracketPass1M, kernel)->Unit(benchmark::kMicrosecond);
  }
  return true;
}();

// The same four percentiles when the values are already sorted (a
// histogram or a sorted sample): type-7 interpolation only.
void BM_Percentiles1MPresorted(benchmark::State& state) {
  std::vector<double> values = LogNormal(1'000'000, 2);
  std::sort(values.begin(), values.end());
  for (auto _ : state) {
    for (const double q : {0.5, 0.9, 0.95, 0.99}) {
      benchmark::DoNotOptimize(benchgate::QuantileOfSorted(values, q));
    }
  }
}
BENCHMARK(BM_Percentiles1MPresorted);

void BM_Summarize1M(benchmark::State& state) {
  const std::vector<double> values = LogNormal(1'000'000, 3);
  for (auto _ : state) benchmark::DoNotOptimize(benchgate::Summarize(values));
}
BENCHMARK(BM_Summarize1M)->Unit(benchmark::kMillisecond);

void BM_MedianCi1000(benchmark::State& state) {
  const std::vector<double> values = LogNormal(1000, 4);
  for (auto _ : state) benchmark::DoNotOptimize(benchgate::MedianConfidenceInterval(values));
}
BENCHMARK(BM_MedianCi1000);

}  // namespace
