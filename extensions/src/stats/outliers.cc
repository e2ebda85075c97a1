#include "stats/outliers.h"

#include <algorithm>
#include <cmath>

#include "benchgate/stats/percentile.h"
#include "benchgate/stats/summary.h"
#include "stats/checks.h"

namespace benchgate {

TukeyOutliers FindTukeyOutliers(SampleView values) {
  TukeyOutliers t;
  if (values.empty()) return t;
  if (!AllFinite(values)) {
    t.status = StatStatus::kNonFinite;
    return t;
  }
  if (values.size() < 4) {
    t.status = StatStatus::kTooFew;
    return t;
  }
  static constexpr double kQuartiles[] = {0.25, 0.75};
  const std::vector<double> q = Percentiles(values, kQuartiles);
  t.q1 = q[0];
  t.q3 = q[1];
  t.iqr = t.q3 - t.q1;
  t.mild_low_fence = t.q1 - 1.5 * t.iqr;
  t.mild_high_fence = t.q3 + 1.5 * t.iqr;
  t.severe_low_fence = t.q1 - 3.0 * t.iqr;
  t.severe_high_fence = t.q3 + 3.0 * t.iqr;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double v = values[i];
    if (v < t.severe_low_fence) {
      ++t.severe_low;
    } else if (v < t.mild_low_fence) {
      ++t.mild_low;
    } else if (v > t.severe_high_fence) {
      ++t.severe_high;
    } else if (v > t.mild_high_fence) {
      ++t.mild_high;
    } else {
      continue;
    }
    t.indices.push_back(i);
  }
  t.status = StatStatus::kOk;
  return t;
}

ZScoreOutliers FindModifiedZScoreOutliers(SampleView values, double threshold) {
  ZScoreOutliers z;
  if (values.empty()) return z;
  if (!AllFinite(values)) {
    z.status = StatStatus::kNonFinite;
    return z;
  }
  if (!(threshold > 0) || !std::isfinite(threshold)) {
    z.status = StatStatus::kInvalidArgument;
    return z;
  }
  if (values.size() < 2) {
    z.status = StatStatus::kTooFew;
    return z;
  }
  z.median = Median(values);
  std::vector<double> deviations;
  deviations.reserve(values.size());
  double sum = 0;
  for (const double v : values) {
    deviations.push_back(std::fabs(v - z.median));
    sum += deviations.back();
  }
  const double mad = Median(deviations);
  // 0.6745 = Phi^-1(0.75): MAD / 0.6745 estimates sigma for normal data.
  if (mad > 0) {
    z.scale = mad / 0.6745;
  } else {
    z.mean_ad_fallback = true;
    z.scale = 1.253314 * sum / static_cast<double>(values.size());
  }
  if (z.scale == 0) {
    z.status = StatStatus::kAllEqual;
    return z;
  }
  z.low_fence = z.median - threshold * z.scale;
  z.high_fence = z.median + threshold * z.scale;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double score = (values[i] - z.median) / z.scale;
    if (std::fabs(score) <= threshold) continue;
    ++(score < 0 ? z.low : z.high);
    z.indices.push_back(i);
  }
  z.status = StatStatus::kOk;
  return z;
}

}  // namespace benchgate
