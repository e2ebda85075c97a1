// Outliers by Tukey's fences, so a report can say why a sample is noisy.
#ifndef BENCHGATE_STATS_OUTLIERS_H_
#define BENCHGATE_STATS_OUTLIERS_H_

#include <cstddef>
#include <vector>

#include "benchgate/sample_view.h"
#include "benchgate/stats/status.h"

namespace benchgate {

// Tukey's fences on type-7 quartiles: mild beyond 1.5 IQR (but within
// 3 IQR), severe beyond 3 IQR; low and high counted apart, the four counts
// disjoint. Status kTooFew below 4 values (quartiles of fewer are not
// informative), kEmpty / kNonFinite as usual; counts are 0 then.
struct TukeyOutliers {
  StatStatus status = StatStatus::kEmpty;
  double q1 = 0, q3 = 0, iqr = 0;
  double mild_low_fence = 0, mild_high_fence = 0;      // q1 - 1.5 IQR, q3 + 1.5 IQR
  double severe_low_fence = 0, severe_high_fence = 0;  // q1 - 3 IQR, q3 + 3 IQR
  std::size_t mild_low = 0, mild_high = 0, severe_low = 0, severe_high = 0;
  std::vector<std::size_t> indices;  // positions in the input of every outlier, ascending
};

TukeyOutliers FindTukeyOutliers(SampleView values);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_OUTLIERS_H_
