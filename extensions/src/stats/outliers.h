// Outliers by two classic rules, so a report can say why a sample is noisy.
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

// Iglewicz and Hoaglin's modified z-score, M_i = 0.6745 (x_i - median) / MAD,
// an outlier when |M_i| > threshold (3.5 recommended). When MAD is 0 (more
// than half the values equal), the mean absolute deviation stands in:
// M_i = (x_i - median) / (1.253314 MeanAD), as IBM SPSS does; when that is 0
// too, every value equals the median: status kAllEqual, no outliers (median
// is still filled then). One value: kTooFew. kEmpty, kNonFinite,
// kInvalidArgument (threshold not a positive finite number): all fields 0.
struct ZScoreOutliers {
  StatStatus status = StatStatus::kEmpty;
  double median = 0;
  double scale = 0;  // MAD / 0.6745, or 1.253314 MeanAD in the fallback
  bool mean_ad_fallback = false;
  double low_fence = 0, high_fence = 0;  // median -+ threshold x scale
  std::size_t low = 0, high = 0;         // outliers below / above the fences
  std::vector<std::size_t> indices;      // positions in the input, ascending
};

inline constexpr double kModifiedZThreshold = 3.5;

ZScoreOutliers FindModifiedZScoreOutliers(SampleView values,
                                          double threshold = kModifiedZThreshold);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_OUTLIERS_H_
