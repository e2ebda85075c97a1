#include "stats/outliers.h"

#include <vector>

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

}  // namespace benchgate
