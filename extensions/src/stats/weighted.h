// Robust summaries of a series of run medians, for tolerances learned from
// history: a weighted median, an exponentially weighted median (recent runs
// count more) and a robust relative run-to-run spread. Pure numerics: every
// result carries a StatStatus and its numbers are 0, never NaN, unless kOk.
#ifndef BENCHGATE_STATS_WEIGHTED_H_
#define BENCHGATE_STATS_WEIGHTED_H_

#include <cstddef>

#include "benchgate/sample_view.h"
#include "benchgate/stats/status.h"

namespace benchgate {

struct SeriesCentre {
  // kEmpty, kNonFinite (a value or weight), kInvalidArgument (sizes differ, a
  // negative weight, weights summing to 0, decay outside (0, 1]).
  StatStatus status = StatStatus::kEmpty;
  double value = 0;
};

// The weighted median. Rule: sort the values; walk up accumulating weights;
// the first value whose cumulative weight reaches half the total W is the
// median, except when the cumulative weight there equals W/2 (within
// 1e-12 x W, so that sums of decayed weights still count as equal): then the
// median is the midpoint of that value and the next value of positive
// weight. With equal weights this is exactly the ordinary median (R's
// median(): the mean of the two middle values for an even count), and with
// whole-number weights it is the ordinary median of each value repeated
// weight times (R: median(rep(x, w))). Equal values need no tie rule: they
// are the same number. Values of zero weight never decide the median.
SeriesCentre WeightedMedian(SampleView values, SampleView weights);

// Weighted median of a series given oldest first: the newest value has
// weight 1, each older one `decay` times the next newer (weight decay^age),
// 0 < decay <= 1. decay = 1 is the plain median.
SeriesCentre ExponentiallyWeightedMedian(SampleView series, double decay);

struct SeriesSpread {
  // kEmpty, kTooFew (fewer than kMinSpreadValues), kNonFinite,
  // kInvalidArgument (a value <= 0: the spread is relative, on the log scale).
  StatStatus status = StatStatus::kEmpty;
  double relative = 0;     // robust relative sigma of one run's median
  std::size_t ratios = 0;  // successive ratios it was computed from (n - 1)
};

inline constexpr std::size_t kMinSpreadValues = 3;

// Robust relative run-to-run spread of a series of medians, oldest first:
//   relative = 1.4826 x median(|d_i|) / sqrt(2),  d_i = log(x_i / x_{i-1}),
// R: mad(diff(log(x)), center = 0) / sqrt(2). It estimates sigma of log(x)
// for a single run, which for small spreads is the relative sigma (CV) of a
// run's median.
// Why successive ratios rather than MAD(log x) around the series' centre: a
// history often contains a step (an accepted regression or improvement).
// Around a common centre a step counts as noise: 15 runs at 100 and 15 at
// 110 give 1.4826 x MAD(log x) = 7%, and a gate with k = 3 would go blind to
// anything under 21%. Successive ratios see a step as one outlying ratio,
// which the median ignores. For independent runs with relative sigma s, d_i
// is centred on 0 with sigma s x sqrt(2): hence the division, and the
// centre 0 rather than median(d): with a handful of runs median(d) wanders
// (an alternating series has most ratios of one sign) and centring on it
// collapses the estimate. A steady drift is thereby counted as noise, which
// errs on the quiet side. The price of differencing is efficiency (n - 1
// correlated ratios instead of n levels); the tolerance's floor covers an
// underestimate from a short history.
SeriesSpread RelativeSpread(SampleView series);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_WEIGHTED_H_
