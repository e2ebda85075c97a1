#include "benchgate/stats/percentile.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "benchgate/stats/status.h"

namespace benchgate {

const char* StatStatusName(StatStatus status) noexcept {
  switch (status) {
    case StatStatus::kOk: return "ok";
    case StatStatus::kEmpty: return "empty";
    case StatStatus::kTooFew: return "too_few";
    case StatStatus::kAllEqual: return "all_equal";
    case StatStatus::kNonFinite: return "non_finite";
    case StatStatus::kInvalidArgument: return "invalid_argument";
  }
  return "unknown";
}

double QuantileOfSorted(SampleView sorted, double q) noexcept {
  if (sorted.empty()) return 0.0;
  q = std::clamp(q, 0.0, 1.0);
  // Type 7: h = (n - 1) q, interpolate between x[floor h] and x[floor h + 1].
  const double h = static_cast<double>(sorted.size() - 1) * q;
  const double lo_index = std::floor(h);
  const auto lo = static_cast<std::size_t>(lo_index);
  if (lo + 1 >= sorted.size()) return sorted[sorted.size() - 1];
  const double fraction = h - lo_index;
  return sorted[lo] + fraction * (sorted[lo + 1] - sorted[lo]);
}

double Median(SampleView values) {
  if (values.empty()) return 0.0;
  std::vector<double> copy(values.begin(), values.end());
  const std::size_t mid = copy.size() / 2;
  std::nth_element(copy.begin(), copy.begin() + static_cast<std::ptrdiff_t>(mid), copy.end());
  const double upper = copy[mid];
  if (copy.size() % 2 == 1) return upper;
  const double lower = *std::max_element(copy.begin(), copy.begin() + static_cast<std::ptrdiff_t>(mid));
  return lower + 0.5 * (upper - lower);
}

}  // namespace benchgate
