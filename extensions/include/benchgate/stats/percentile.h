// Percentiles, Hyndman-Fan type 7 (linear interpolation between order
// statistics): the default of R's quantile() and NumPy's percentile().
#ifndef BENCHGATE_STATS_PERCENTILE_H_
#define BENCHGATE_STATS_PERCENTILE_H_

#include "benchgate/sample_view.h"

namespace benchgate {

// q in [0, 1] (clamped); `sorted` must be sorted ascending and non-empty.
// Returns 0 for an empty view.
double QuantileOfSorted(SampleView sorted, double q) noexcept;

// Median of unsorted values (copies them); 0 for an empty view.
double Median(SampleView values);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_PERCENTILE_H_
