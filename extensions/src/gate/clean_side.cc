#include "gate/clean_side.h"

#include <algorithm>

#include "stats/slow_outliers.h"

namespace benchgate {

CleanSide CleanSideOf(const std::vector<double>& values, const std::vector<std::uint32_t>& rounds,
                      const CleanRule& rule) {
  CleanSide side;
  SlowOutlierRule slow;
  slow.slow_is_high = rule.slow_is_high;

  // Whole rounds first: within a round that a burst covered, nothing looks
  // like an outlier.
  std::vector<std::size_t> positions;  // of the values in surviving rounds
  if (rounds.size() == values.size() && !values.empty()) {
    const RoundCheck check =
        FindDisturbedRounds(values, rounds, rule.round_excess, rule.round_alpha, slow);
    side.rounds = std::max<std::size_t>(check.rounds.size(), 1);
    side.disturbed_rounds = check.disturbed;
    for (std::size_t i = 0; i < values.size(); ++i) {
      const bool disturbed =
          std::binary_search(check.disturbed.begin(), check.disturbed.end(), rounds[i]);
      (disturbed ? side.set_aside : positions).push_back(i);
    }
  } else {
    for (std::size_t i = 0; i < values.size(); ++i) positions.push_back(i);
  }

  std::vector<double> surviving;
  surviving.reserve(positions.size());
  for (const std::size_t i : positions) surviving.push_back(values[i]);
  if (rule.set_aside_slow) {
    const SlowOutliers outliers = FindSlowOutliers(surviving, slow);
    side.majority = outliers.majority;
    for (const std::size_t k : outliers.indices) side.set_aside.push_back(positions[k]);
    std::sort(side.set_aside.begin(), side.set_aside.end());
  }
  for (std::size_t i = 0, next = 0; i < values.size(); ++i) {
    if (next < side.set_aside.size() && side.set_aside[next] == i) {
      ++next;
      continue;
    }
    side.kept.push_back(values[i]);
  }
  side.spread = NoiseSpread(side.kept, rule.slow_is_high);
  return side;
}

}  // namespace benchgate
