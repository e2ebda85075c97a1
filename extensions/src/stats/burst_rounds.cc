#include "stats/burst_rounds.h"

#include <algorithm>
#include <cmath>

#include "stats/confidence.h"

namespace benchgate {

std::vector<double> WithoutBursts(SampleView log_ratios, double factor) {
  std::vector<double> kept(log_ratios.begin(), log_ratios.end());
  if (factor <= 0 || kept.empty()) return kept;
  std::vector<double> sizes(kept.size());
  std::transform(kept.begin(), kept.end(), sizes.begin(), [](double d) { return std::fabs(d); });
  const double median = MedianOf(sizes);
  if (!(median > 0)) return kept;
  const double limit = factor * median;
  kept.erase(
      std::remove_if(kept.begin(), kept.end(), [&](double d) { return !(std::fabs(d) <= limit); }),
      kept.end());
  return kept;
}

}  // namespace benchgate
