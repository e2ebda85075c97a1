// Descriptive statistics of one sample: location, spread, percentiles.
#ifndef BENCHGATE_STATS_SUMMARY_H_
#define BENCHGATE_STATS_SUMMARY_H_

#include <cstddef>
#include <vector>

#include "benchgate/sample_view.h"
#include "benchgate/stats/status.h"

namespace benchgate {

// MAD x kMadToSigma estimates the standard deviation of normal data.
inline constexpr double kMadToSigma = 1.4826;

struct Summary {
  // kOk: every field is meaningful (all-equal input is kOk with zero spread).
  // kTooFew: a single value: location fields hold it, spread fields are 0.
  // kEmpty, kNonFinite: every numeric field is 0 (n is still the input size).
  StatStatus status = StatStatus::kEmpty;
  std::size_t n = 0;
  double min = 0, max = 0, mean = 0, median = 0;
  double stddev = 0;      // sample standard deviation (divisor n - 1)
  double mad = 0;         // raw median absolute deviation from the median
  double mad_scaled = 0;  // kMadToSigma x mad
  double cv = 0;          // stddev / |mean|; 0 when the mean is 0
  double q1 = 0, q3 = 0, iqr = 0;  // type 7 quartiles and q3 - q1
  double p50 = 0, p90 = 0, p95 = 0, p99 = 0;
};

Summary Summarize(SampleView values);

// Type-7 percentiles of unsorted values at each probability (in [0, 1],
// clamped), in the order asked. Linear time (selection, no full sort).
// Empty when `values` is empty or holds NaN or infinity.
std::vector<double> Percentiles(SampleView values, SampleView probabilities);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_SUMMARY_H_
