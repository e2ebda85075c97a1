#include <algorithm>
#include <cmath>
#include <vector>

#include "stats/confidence.h"
#include "benchgate/stats/percentile.h"
#include "stats/checks.h"
#include "stats/normal.h"
#include "stats/random.h"

namespace benchgate {
namespace {

std::vector<double> Resampled(SampleView values, const Statistic& statistic,
                              const BootstrapOptions& options) {
  Xoshiro256 rng(options.seed);
  std::vector<double> resample(values.size());
  std::vector<double> stats;
  stats.reserve(options.resamples);
  for (std::size_t b = 0; b < options.resamples; ++b) {
    for (double& v : resample) v = values[rng.Below(values.size())];
    stats.push_back(statistic(resample));
  }
  std::sort(stats.begin(), stats.end());
  return stats;
}

// Jackknife acceleration (Efron 1987, eq. 6.6):
// a = sum (mean - t_i)^3 / (6 (sum (mean - t_i)^2)^1.5).
double Acceleration(SampleView values, const Statistic& statistic) {
  const std::size_t n = values.size();
  std::vector<double> leave_one_out(n - 1);
  std::vector<double> jack(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::copy(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(i), leave_one_out.begin());
    std::copy(values.begin() + static_cast<std::ptrdiff_t>(i + 1), values.end(),
              leave_one_out.begin() + static_cast<std::ptrdiff_t>(i));
    jack[i] = statistic(leave_one_out);
  }
  double mean = 0;
  for (const double t : jack) mean += t;
  mean /= static_cast<double>(n);
  double num = 0, den = 0;
  for (const double t : jack) {
    const double d = mean - t;
    num += d * d * d;
    den += d * d;
  }
  if (den == 0) return 0;
  return num / (6.0 * std::pow(den, 1.5));
}

}  // namespace

double MeanOf(SampleView values) {
  if (values.empty()) return 0;
  double sum = 0;
  for (const double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double MedianOf(SampleView values) { return Median(values); }

ConfidenceInterval BootstrapConfidenceInterval(SampleView values, const Statistic& statistic,
                                               const BootstrapOptions& options) {
  ConfidenceInterval ci;
  ci.level = options.level;
  if (!ValidLevel(options.level) || options.resamples < 2) {
    ci.status = StatStatus::kInvalidArgument;
    return ci;
  }
  if (values.empty()) return ci;
  if (!AllFinite(values)) {
    ci.status = StatStatus::kNonFinite;
    return ci;
  }
  if (values.size() < 2) {
    ci.status = StatStatus::kTooFew;
    return ci;
  }
  const std::vector<double> stats = Resampled(values, statistic, options);
  // A statistic may return NaN or infinity (e.g. a user's ratio); sorting
  // NaN is undefined and an infinite endpoint is no answer.
  if (!AllFinite(stats)) {
    ci.status = StatStatus::kNonFinite;
    return ci;
  }
  if (stats.front() == stats.back()) {
    ci.status = StatStatus::kAllEqual;
    return ci;
  }
  const double alpha = (1.0 - options.level) / 2.0;
  double q_lo = alpha;
  double q_hi = 1.0 - alpha;
  if (options.method == BootstrapMethod::kBca) {
    const double estimate = statistic(values);
    if (!std::isfinite(estimate)) {
      ci.status = StatStatus::kNonFinite;
      return ci;
    }
    // Resamples equal to the estimate count half (SciPy's
    // _percentile_of_score): a median of few values ties with the estimate
    // in a large share of resamples, and counting none or all of them would
    // bias z0 by that share.
    const auto below = std::lower_bound(stats.begin(), stats.end(), estimate) - stats.begin();
    const auto not_above = std::upper_bound(stats.begin(), stats.end(), estimate) - stats.begin();
    const double share =
        static_cast<double>(below + not_above) / (2.0 * static_cast<double>(stats.size()));
    if (share <= 0.0 || share >= 1.0) {
      // z0 would be infinite: the estimate lies outside the bootstrap cloud.
      ci.status = StatStatus::kAllEqual;
      return ci;
    }
    const double z0 = NormalQuantile(share);
    const double a = Acceleration(values, statistic);
    if (!std::isfinite(a)) {  // a jackknife value was NaN or infinite
      ci.status = StatStatus::kNonFinite;
      return ci;
    }
    const auto adjusted = [&](double q) {
      const double z = z0 + NormalQuantile(q);
      return NormalCdf(z0 + z / (1.0 - a * z));
    };
    q_lo = adjusted(alpha);
    q_hi = adjusted(1.0 - alpha);
  }
  ci.lower = QuantileOfSorted(stats, q_lo);
  ci.upper = QuantileOfSorted(stats, q_hi);
  ci.coverage = options.level;
  ci.status = StatStatus::kOk;
  return ci;
}

}  // namespace benchgate
