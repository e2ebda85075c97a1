// Multiple-testing control across a suite: with 500 benchmarks tested at
// 0.05 each, about 25 would be flagged by chance alone.
#ifndef BENCHGATE_STATS_MULTIPLE_TESTING_H_
#define BENCHGATE_STATS_MULTIPLE_TESTING_H_

#include <vector>

#include "benchgate/sample_view.h"
#include "benchgate/stats/status.h"

namespace benchgate {

struct AdjustedPValues {
  // kOk (also for empty input: nothing to adjust), kNonFinite (NaN or
  // infinity; R's p.adjust would drop NA instead) or kInvalidArgument (a
  // p-value outside [0, 1]): then `adjusted` is empty.
  StatStatus status = StatStatus::kOk;
  // Same order as the input; monotone in the input p-values (a smaller p
  // never gets a larger adjusted p); equal p-values get equal adjusted
  // values; capped at 1.
  std::vector<double> adjusted;
};

// Holm (1979) step-down: controls the family-wise error rate.
// Equals R's p.adjust(p, "holm").
AdjustedPValues HolmAdjust(SampleView p_values);

// Benjamini & Hochberg (1995) step-up: controls the false discovery rate.
// Equals R's p.adjust(p, "BH").
AdjustedPValues BenjaminiHochbergAdjust(SampleView p_values);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_MULTIPLE_TESTING_H_
