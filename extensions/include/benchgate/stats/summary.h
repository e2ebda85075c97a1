// Descriptive statistics of one sample: location, spread, percentiles.
#ifndef BENCHGATE_STATS_SUMMARY_H_
#define BENCHGATE_STATS_SUMMARY_H_

#include <cstddef>
#include <vector>

#include "benchgate/sample_view.h"
#include "benchgate/stats/status.h"

namespace benchgate {

// MAD x kMadToSigma estimates the standard deviation of normal data (R's
// mad() default constant).
inline constexpr double kMadToSigma = 1.4826;

struct Summary {
  // kOk: every field is meaningful. All-equal input (two or more values) is
  //   kOk with all_equal set and every spread field 0: the sample is valid,
  //   it just has no spread, and callers that divide by a spread check the flag.
  // kTooFew: a single value: n, min, max, mean, median, q1, q3 and p50..p99
  //   all hold that value; stddev, mad, mad_scaled, cv and iqr are 0;
  //   all_equal is true.
  // kEmpty, kNonFinite (NaN or +-infinity anywhere): every numeric field is 0,
  //   except n, which is still the input size.
  StatStatus status = StatStatus::kEmpty;
  std::size_t n = 0;
  double min = 0, max = 0, mean = 0, median = 0;
  double stddev = 0;      // sample standard deviation (divisor n - 1), two-pass
  double mad = 0;         // raw median absolute deviation from the median
  double mad_scaled = 0;  // kMadToSigma x mad
  double cv = 0;          // stddev / |mean|; 0 when the mean is 0 (undefined there)
  double q1 = 0, q3 = 0, iqr = 0;  // type-7 quartiles and q3 - q1
  double p50 = 0, p90 = 0, p95 = 0, p99 = 0;  // type 7; p50 == median
  bool all_equal = false;  // min == max (set for kOk and kTooFew)
};

Summary Summarize(SampleView values);

// Type-7 percentiles of unsorted values at each probability (in [0, 1],
// clamped), in the order asked; exact, equal to QuantileOfSorted of the
// sorted values. Linear time: std::nth_element on a copy, no full sort.
// Empty when `values` is empty or holds NaN or infinity.
std::vector<double> Percentiles(SampleView values, SampleView probabilities);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_SUMMARY_H_
