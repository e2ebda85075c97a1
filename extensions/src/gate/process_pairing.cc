#include "gate/process_pairing.h"

#include <algorithm>
#include <cmath>

#include "benchgate/stats/percentile.h"
#include "stats/slow_outliers.h"

namespace benchgate {
namespace {

// One process's centre: its fastest repetition (the highest rate).
// Interference only ever adds time (Chen & Revels 2016, who judge by the
// minimum for this reason), and on a shared machine a burst can cover most of
// one process's repetitions of a benchmark: no fence around the median
// survives three of five repetitions 10% slower or more, which 3% of the
// processes met in the calibration under bursts (1 in 12,000 quiet). On the
// calibration's kept A/A processes (40 benchmarks, 5 runs of 10-20 rounds,
// quiet and under bursts; memcpy left out) the fastest repetition halves the
// round-to-round spread of d_r against the median after slow outliers:
// median |d_r| 0.0012 against 0.0023 quiet, 0.0011 against 0.0024 under
// bursts, 90th percentile 0.0036 against 0.0200 under bursts. For memcpy,
// whose repetitions draw one of two buffer placements ~9% apart, it is no
// better (the spread is the placement's either way). With
// AnalysisConfig::set_aside_slow false (--keep-slow): the median of all.
struct ProcessCentre {
  double value = 0;
  std::vector<std::size_t> set_aside;  // reported, and the spread is of the rest
  double spread = 0;
  bool majority = false;
};

ProcessCentre CentreOf(const std::vector<double>& values, const AnalysisConfig& config) {
  ProcessCentre centre;
  SlowOutlierRule rule;
  rule.slow_is_high = !config.higher_is_better;
  if (!config.set_aside_slow) {
    centre.value = Median(values);
    centre.spread = NoiseSpread(values, rule.slow_is_high);
    return centre;
  }
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  centre.value = rule.slow_is_high ? *low : *high;
  const SlowOutliers slow = FindSlowOutliers(values, rule);
  centre.set_aside = slow.indices;
  centre.spread = slow.kept_spread;
  centre.majority = slow.majority;
  return centre;
}

const std::vector<double>& ValuesOf(const SampleSet* set, const std::string& metric) {
  static const std::vector<double> kNone;
  if (set == nullptr || set->errored) return kNone;
  return MetricValues(*set, metric);
}

void Append(std::vector<std::size_t>& into, const std::vector<std::size_t>& positions,
            std::size_t offset) {
  for (const std::size_t position : positions) into.push_back(offset + position);
}

}  // namespace

Pairing PairRounds(const std::vector<const SampleSet*>& baseline,
                   const std::vector<const SampleSet*>& candidate, const AnalysisConfig& config) {
  Pairing p;
  const std::size_t rounds = std::min(baseline.size(), candidate.size());
  for (std::size_t r = 0; r < rounds; ++r) {
    const std::vector<double>& before = ValuesOf(baseline[r], config.metric);
    const std::vector<double>& after = ValuesOf(candidate[r], config.metric);
    const std::size_t before_offset = p.before.size(), after_offset = p.after.size();
    p.before.insert(p.before.end(), before.begin(), before.end());
    p.after.insert(p.after.end(), after.begin(), after.end());
    if (before.empty() || after.empty()) continue;
    const ProcessCentre b = CentreOf(before, config);
    const ProcessCentre a = CentreOf(after, config);
    const double ratio = a.value / b.value;
    if (!(b.value > 0) || !(a.value > 0) || !std::isfinite(ratio)) continue;
    p.log_ratios.push_back(std::log(ratio));
    p.before_centres.push_back(b.value);
    p.after_centres.push_back(a.value);
    p.before_spreads.push_back(b.spread);
    p.after_spreads.push_back(a.spread);
    Append(p.before_set_aside, b.set_aside, before_offset);
    Append(p.after_set_aside, a.set_aside, after_offset);
    p.before_majority += b.majority ? 1 : 0;
    p.after_majority += a.majority ? 1 : 0;
  }
  return p;
}

PerRound IndexRounds(const std::vector<RunData>& rounds, std::size_t count) {
  PerRound index;
  for (std::size_t r = 0; r < count; ++r) {
    for (const SampleSet& set : rounds[r].benchmarks) {
      auto& slots = index[set.name];
      slots.resize(count, nullptr);
      if (slots[r] == nullptr) slots[r] = &set;
    }
  }
  return index;
}

}  // namespace benchgate
