// Robust summaries of a series of run medians, for thresholds learned from
// history: an exponentially weighted median (recent runs count more) and a
// robust relative spread.
#ifndef BENCHGATE_STATS_WEIGHTED_H_
#define BENCHGATE_STATS_WEIGHTED_H_

#include "benchgate/sample_view.h"
#include "benchgate/stats/status.h"

namespace benchgate {

struct SeriesCentre {
  StatStatus status = StatStatus::kEmpty;  // kNonFinite, kInvalidArgument (weights)
  double value = 0;
};

// The weighted median: the smallest value whose cumulative weight reaches
// half the total (the lower weighted median; with equal weights and an even
// count, the lower of the two middle values). Weights must be >= 0 with a
// positive sum.
SeriesCentre WeightedMedian(SampleView values, SampleView weights);

// Weighted median of a series given oldest first, the newest with weight 1
// and each older one `decay` times the next (0 < decay <= 1).
SeriesCentre ExponentiallyWeightedMedian(SampleView series, double decay);

struct SeriesSpread {
  // kTooFew below 3 values; kInvalidArgument for values <= 0.
  StatStatus status = StatStatus::kEmpty;
  double relative = 0;  // 1.4826 x MAD of log(values): a robust relative sigma
};

SeriesSpread RelativeSpread(SampleView series);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_WEIGHTED_H_
