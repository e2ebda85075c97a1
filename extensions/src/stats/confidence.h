// Confidence intervals: distribution-free intervals for the median and any
// quantile from order statistics, and seeded bootstrap intervals (percentile
// and BCa) for any statistic.
#ifndef BENCHGATE_STATS_CONFIDENCE_H_
#define BENCHGATE_STATS_CONFIDENCE_H_

#include <cstddef>
#include <cstdint>
#include <functional>

#include "benchgate/sample_view.h"
#include "benchgate/stats/status.h"

namespace benchgate {

struct ConfidenceInterval {
  // kOk: lower/upper are meaningful. kTooFew: the sample cannot reach the
  // level asked (e.g. fewer than 6 values for a 95% median interval).
  // kAllEqual: a bootstrap distribution with no spread. kNonFinite: NaN or
  // infinity in the input (or returned by a bootstrap statistic).
  // kInvalidArgument: a level or probability outside (0, 1). lower, upper
  // and coverage are 0 unless kOk; level always echoes the level asked for.
  StatStatus status = StatStatus::kEmpty;
  double lower = 0;
  double upper = 0;
  double level = 0;     // the level asked for
  double coverage = 0;  // order statistics: exact coverage achieved, >= level;
                        // bootstrap: the nominal level (no exact coverage exists)
};

// The interval [x_(k), x_(n-k+1)] with the largest k whose coverage under
// Binomial(n, 1/2) is at least `level` (Hollander, Wolfe & Chicken,
// "Nonparametric Statistical Methods", 3rd ed., section 3.6).
ConfidenceInterval MedianConfidenceInterval(SampleView values, double level = 0.95);

// The same idea for the q-quantile: [x_(l), x_(u)] with
// P(l <= B < u) >= level for B ~ Binomial(n, q), the shortest such pair
// (ties broken towards the lower order statistics). kTooFew when no pair
// of observed order statistics reaches the level (e.g. p99 of 10 values).
ConfidenceInterval QuantileConfidenceInterval(SampleView values, double q, double level = 0.95);

enum class BootstrapMethod { kPercentile, kBca };

struct BootstrapOptions {
  std::size_t resamples = 10000;
  double level = 0.95;
  std::uint64_t seed = 0x6265'6e63'6867'6174ULL;  // "benchgat"
  BootstrapMethod method = BootstrapMethod::kBca;
};

using Statistic = std::function<double(SampleView)>;

// Bootstrap confidence interval of statistic(values). The same seed gives
// the same interval on every machine. BCa follows Efron (1987), "Better
// bootstrap confidence intervals", JASA 82: bias correction z0 from the share
// of resampled statistics below the estimate (ties with it counting half, as
// SciPy does), acceleration from the jackknife; endpoints are type-7
// percentiles of the resampled statistics (as SciPy's np.percentile).
// kTooFew below 2 values; kAllEqual when every resampled statistic is the
// same or (BCa) all lie on one side of the estimate.
ConfidenceInterval BootstrapConfidenceInterval(SampleView values, const Statistic& statistic,
                                               const BootstrapOptions& options = {});

// Ready statistics for the bootstrap.
double MeanOf(SampleView values);
double MedianOf(SampleView values);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_CONFIDENCE_H_
