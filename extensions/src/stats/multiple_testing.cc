#include "stats/multiple_testing.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace benchgate {
namespace {

bool Valid(SampleView p_values, AdjustedPValues& result) {
  for (const double p : p_values) {
    if (!std::isfinite(p)) {
      result.status = StatStatus::kNonFinite;
      return false;
    }
    if (p < 0 || p > 1) {
      result.status = StatStatus::kInvalidArgument;
      return false;
    }
  }
  return true;
}

// Indices of p_values by increasing p; equal p-values keep input order
// (stable), which does not change the result since equal p get equal
// adjusted values.
std::vector<std::size_t> Ascending(SampleView p_values) {
  std::vector<std::size_t> order(p_values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });
  return order;
}

}  // namespace

AdjustedPValues HolmAdjust(SampleView p_values) {
  AdjustedPValues result;
  if (!Valid(p_values, result)) return result;
  const std::size_t m = p_values.size();
  const std::vector<std::size_t> order = Ascending(p_values);
  result.adjusted.resize(m);
  // adj_(i) = max_{j <= i} min(1, (m - j + 1) p_(j)), i from smallest p.
  double running = 0;
  for (std::size_t rank = 0; rank < m; ++rank) {
    const std::size_t i = order[rank];
    running = std::max(running, std::min(1.0, static_cast<double>(m - rank) * p_values[i]));
    result.adjusted[i] = running;
  }
  return result;
}

AdjustedPValues BenjaminiHochbergAdjust(SampleView p_values) {
  AdjustedPValues result;
  if (!Valid(p_values, result)) return result;
  const std::size_t m = p_values.size();
  const std::vector<std::size_t> order = Ascending(p_values);
  result.adjusted.resize(m);
  // adj_(i) = min_{j >= i} min(1, m / j p_(j)), from the largest p down.
  double running = 1.0;
  for (std::size_t rank = m; rank-- > 0;) {
    const std::size_t i = order[rank];
    running = std::min(running, static_cast<double>(m) / static_cast<double>(rank + 1) * p_values[i]);
    result.adjusted[i] = running;
  }
  return result;
}

}  // namespace benchgate
