// Speed of the descriptive statistics (issue targets, on the 2-core CI VM):
// BCa bootstrap of 10,000 resamples of 100 values under 20 ms; percentiles
// of the largest samples a user path holds (10,000 values). Data is
// generated once, outside the timed loops, from fixed seeds.
#include "stats/confidence.h"
#include <benchgate/stats/percentile.h>
#include <benchgate/stats/summary.h>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

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

// Four percentiles and a summary of 10,000 unsorted values: the most a
// user path holds (samples are one per repetition; Sampled() percentiles
// come from histograms), selected with std::nth_element on a copy.
void BM_Percentiles10K(benchmark::State& state) {
  const std::vector<double> values = LogNormal(10'000, 2);
  const std::vector<double> probabilities = {0.5, 0.9, 0.95, 0.99};
  for (auto _ : state) benchmark::DoNotOptimize(benchgate::Percentiles(values, probabilities));
}
BENCHMARK(BM_Percentiles10K)->Unit(benchmark::kMicrosecond);

void BM_Summarize10K(benchmark::State& state) {
  const std::vector<double> values = LogNormal(10'000, 3);
  for (auto _ : state) benchmark::DoNotOptimize(benchgate::Summarize(values));
}
BENCHMARK(BM_Summarize10K)->Unit(benchmark::kMicrosecond);

void BM_MedianCi1000(benchmark::State& state) {
  const std::vector<double> values = LogNormal(1000, 4);
  for (auto _ : state) benchmark::DoNotOptimize(benchgate::MedianConfidenceInterval(values));
}
BENCHMARK(BM_MedianCi1000);

}  // namespace
