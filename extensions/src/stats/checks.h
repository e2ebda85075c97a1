// Input checks shared by the statistics: one definition of "usable input".
#ifndef BENCHGATE_STATS_CHECKS_H_
#define BENCHGATE_STATS_CHECKS_H_

#include <algorithm>
#include <cmath>

#include "benchgate/sample_view.h"

namespace benchgate {

inline bool AllFinite(SampleView values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

// A confidence level strictly between 0 and 1.
inline bool ValidLevel(double level) { return level > 0.0 && level < 1.0; }

}  // namespace benchgate

#endif  // BENCHGATE_STATS_CHECKS_H_
