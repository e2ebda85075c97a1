#include "stats/slow_outliers.h"

#include <algorithm>
#include <cmath>

#include "benchgate/stats/mann_whitney.h"
#include "benchgate/stats/percentile.h"
#include "benchgate/stats/summary.h"
#include "stats/checks.h"

namespace benchgate {

namespace {

struct Fence {
  double centre = 0, scale = 0, at = 0, reach = 0;
};

// The fence of `values`: centre the median; scale the root mean square of
// the distances on the clean side of it (a semi-deviation, sigma for normal
// data; steadier than their median at five distances); the fence k scales
// (at least floor x |centre|) beyond the centre on the slow side.
Fence FenceOf(SampleView values, const SlowOutlierRule& rule, double sign) {
  Fence fence;
  fence.centre = Median(values);
  double squares = 0;
  std::size_t count = 0;
  for (const double v : values) {
    const double distance = sign * (fence.centre - v);
    if (distance < 0) continue;
    squares += distance * distance;
    ++count;
  }
  fence.scale = count == 0 ? 0 : std::sqrt(squares / static_cast<double>(count));
  fence.reach = std::max(rule.k * fence.scale, rule.floor * std::fabs(fence.centre));
  fence.at = fence.centre + sign * fence.reach;
  return fence;
}

std::vector<std::size_t> Beyond(SampleView values, const Fence& fence, double sign) {
  std::vector<std::size_t> indices;
  if (fence.reach <= 0) return indices;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (sign * (values[i] - fence.at) > 0) indices.push_back(i);
  }
  return indices;
}

}  // namespace

double KeptCv(SampleView values) {
  if (values.size() < 2 || !AllFinite(values)) return 0;
  const Summary summary = Summarize(values);
  return summary.status == StatStatus::kOk ? std::fabs(summary.cv) : 0;
}

double CleanSideSpread(SampleView values, bool slow_is_high) {
  if (values.size() < 2 || !AllFinite(values)) return 0;
  SlowOutlierRule rule;
  rule.slow_is_high = slow_is_high;
  const Fence fence = FenceOf(values, rule, slow_is_high ? 1.0 : -1.0);
  return fence.centre == 0 ? 0 : fence.scale / std::fabs(fence.centre);
}

double NoiseSpread(SampleView values, bool slow_is_high) {
  return std::min(KeptCv(values), CleanSideSpread(values, slow_is_high));
}

SlowOutliers FindSlowOutliers(SampleView values, const SlowOutlierRule& rule) {
  SlowOutliers out;
  if (values.empty()) return out;
  if (!AllFinite(values)) {
    out.status = StatStatus::kNonFinite;
    return out;
  }
  const double sign = rule.slow_is_high ? 1.0 : -1.0;
  const Fence fence = FenceOf(values, rule, sign);
  out.centre = fence.centre;
  out.clean_scale = fence.scale;
  out.fence = fence.at;
  if (values.size() < rule.min_values) {
    out.status = StatStatus::kTooFew;
    out.kept_spread = NoiseSpread(values, rule.slow_is_high);
    return out;
  }
  out.status = StatStatus::kOk;
  out.indices = Beyond(values, fence, sign);
  if (static_cast<double>(out.indices.size()) >
      rule.max_share * static_cast<double>(values.size())) {
    out.majority = true;
    out.indices.clear();
  }
  out.kept_spread = NoiseSpread(KeptValues(values, out), rule.slow_is_high);
  return out;
}

std::vector<double> KeptValues(SampleView values, const SlowOutliers& outliers) {
  std::vector<double> kept;
  kept.reserve(values.size() - std::min(values.size(), outliers.indices.size()));
  std::size_t next = 0;  // into the ascending indices
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (next < outliers.indices.size() && outliers.indices[next] == i) {
      ++next;
      continue;
    }
    kept.push_back(values[i]);
  }
  return kept;
}

RoundCheck FindDisturbedRounds(SampleView values, const std::vector<std::uint32_t>& rounds,
                               double min_excess, double alpha, const SlowOutlierRule& rule) {
  RoundCheck check;
  if (rounds.size() != values.size() || values.empty()) return check;
  check.rounds = rounds;
  std::sort(check.rounds.begin(), check.rounds.end());
  check.rounds.erase(std::unique(check.rounds.begin(), check.rounds.end()), check.rounds.end());
  if (check.rounds.size() < 2) return check;

  std::vector<std::vector<double>> kept(check.rounds.size());
  check.centres.assign(check.rounds.size(), 0);
  const double sign = rule.slow_is_high ? 1.0 : -1.0;
  std::size_t best = check.rounds.size();  // none yet
  for (std::size_t r = 0; r < check.rounds.size(); ++r) {
    std::vector<double> of_round;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (rounds[i] == check.rounds[r]) of_round.push_back(values[i]);
    }
    if (of_round.size() < rule.min_values) continue;
    const SlowOutliers outliers = FindSlowOutliers(of_round, rule);
    if (outliers.status != StatStatus::kOk) continue;
    kept[r] = KeptValues(of_round, outliers);
    check.centres[r] = Median(kept[r]);
    if (best == check.rounds.size() || sign * (check.centres[r] - check.centres[best]) < 0) {
      best = r;
    }
  }
  if (best == check.rounds.size() || check.centres[best] == 0) return check;
  check.best = check.rounds[best];
  for (std::size_t r = 0; r < check.rounds.size(); ++r) {
    if (r == best || kept[r].empty()) continue;
    const double excess = sign * (check.centres[r] / check.centres[best] - 1);
    if (!(excess > min_excess)) continue;
    const MannWhitneyResult test = MannWhitneyU(
        kept[r], kept[best], rule.slow_is_high ? Alternative::kGreater : Alternative::kLess);
    if (test.status == StatStatus::kOk && test.p_value < alpha) {
      check.disturbed.push_back(check.rounds[r]);
    }
  }
  return check;
}

}  // namespace benchgate
