#include "gate/process_analysis.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "gate/budget_model.h"
#include "benchgate/stats/effect_size.h"
#include "benchgate/stats/mann_whitney.h"
#include "benchgate/stats/percentile.h"
#include "stats/signed_rank.h"
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

// Both sides of one benchmark, round by round.
struct Pairing {
  std::vector<double> before, after;  // every sample, rounds in order
  std::vector<double> log_ratios;     // one per paired round
  std::vector<double> before_centres, after_centres;
  std::vector<double> before_spreads, after_spreads;
  std::vector<std::size_t> before_set_aside, after_set_aside;
  std::size_t before_majority = 0, after_majority = 0;
};

void Append(std::vector<std::size_t>& into, const std::vector<std::size_t>& positions,
            std::size_t offset) {
  for (const std::size_t position : positions) into.push_back(offset + position);
}

Pairing Pair(const std::vector<const SampleSet*>& baseline,
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

Comparison Compare(const Pairing& p, const AnalysisConfig& config, double tolerance) {
  Comparison c;
  c.baseline_n = p.before.size();
  c.candidate_n = p.after.size();
  c.baseline_median = Median(p.before_centres);
  c.candidate_median = Median(p.after_centres);
  c.change = c.baseline_median > 0 ? c.candidate_median / c.baseline_median - 1 : 0;
  const RelativeChange change =
      RelativeChangeOfMedians(p.before_centres, p.after_centres, config.ci_level);
  c.change_status = change.status;
  c.change_lo = change.lower;
  c.change_hi = change.upper;

  const OneSampleShift shift = HodgesLehmannOneSample(p.log_ratios, config.ci_level);
  c.shift_status = shift.status;
  if (shift.status == StatStatus::kOk) {
    c.shift = std::expm1(shift.estimate);
    c.shift_lo = std::expm1(shift.lower);
    c.shift_hi = std::expm1(shift.upper);
  }
  const SignedRankResult test = SignedRankTest(p.log_ratios);
  c.p_value = test.p_value;
  c.p_method = std::string("signed-rank-") + SignedRankMethodName(test.method);
  c.p_adjusted = c.p_value;
  const MannWhitneyResult all =
      MannWhitneyU(p.before, p.after, Alternative::kTwoSided, config.p_method);
  c.p_value_all = all.p_value;
  c.p_method_all = MannWhitneyMethodName(all.method);
  c.tolerance = tolerance;
  c.baseline_set_aside = p.before_set_aside;
  c.candidate_set_aside = p.after_set_aside;
  c.candidate_rounds = p.log_ratios.size();
  c.baseline_spread = Median(p.before_spreads);
  c.candidate_spread = Median(p.after_spreads);
  c.baseline_majority = 2 * p.before_majority > p.log_ratios.size();
  c.candidate_majority = 2 * p.after_majority > p.log_ratios.size();
  return c;
}

// Each benchmark's set in each round (null where that process lacks it).
using PerRound = std::map<std::string, std::vector<const SampleSet*>>;

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

void MarkTooFewRounds(BenchmarkAnalysis& b, std::size_t paired) {
  b.status = VerdictStatus::kInconclusive;
  b.undecided = Undecided::kTooFew;
  b.more_helps = true;
  b.reasons.push_back("too few rounds: " + std::to_string(paired) +
                      " with both sides measured; need " + std::to_string(kMinPairedRounds));
}

// Every round measures both sides again: more rounds can settle any
// benchmark whose samples are the problem, whichever side is noisy.
bool MoreRoundsHelp(const BenchmarkAnalysis& b) {
  if (b.status != VerdictStatus::kInconclusive) return false;
  switch (b.undecided) {
    case Undecided::kTooFew:
    case Undecided::kUnstable:
    case Undecided::kStraddles:
    case Undecided::kBudgetUncertain:
      return true;
    case Undecided::kNone:
    case Undecided::kOptimisedAway:
    case Undecided::kNoBaseline:
      return false;
  }
  return false;
}

}  // namespace

std::vector<double> RoundLogRatios(const std::vector<const SampleSet*>& baseline,
                                   const std::vector<const SampleSet*>& candidate,
                                   const AnalysisConfig& config) {
  return Pair(baseline, candidate, config).log_ratios;
}

SuiteAnalysis AnalyzeProcesses(const std::vector<RunData>& baseline_rounds,
                               const std::vector<RunData>& candidate_rounds,
                               const AnalysisConfig& config) {
  const std::size_t rounds = std::min(baseline_rounds.size(), candidate_rounds.size());
  const std::vector<RunData> before_runs(
      baseline_rounds.begin(), baseline_rounds.begin() + static_cast<std::ptrdiff_t>(rounds));
  const std::vector<RunData> after_runs(
      candidate_rounds.begin(), candidate_rounds.begin() + static_cast<std::ptrdiff_t>(rounds));
  const RunData before = MergeRuns(before_runs);
  const RunData after = MergeRuns(after_runs);
  const PerRound before_index = IndexRounds(before_runs, rounds);
  const PerRound after_index = IndexRounds(after_runs, rounds);
  std::map<std::string, const SampleSet*> before_by_name;
  for (const SampleSet& set : before.benchmarks) before_by_name.emplace(set.name, &set);

  SuiteAnalysis suite;
  suite.has_baseline = true;
  std::vector<std::size_t> judged;
  for (const SampleSet& set : after.benchmarks) {
    BenchmarkAnalysis b = AnalyzeMeasurement(set, config);
    const ResolvedBudget budget = ResolveBudget(set.name, config.budgets);
    b.budget_origins = budget.matched;
    const auto found = before_by_name.find(set.name);
    if (!set.errored && b.undecided != Undecided::kOptimisedAway) {
      b.reasons.clear();
      if (found == before_by_name.end()) {
        b.status = VerdictStatus::kAdded;
        b.reasons.push_back("not in the baseline");
      } else if (found->second->errored || MetricValues(*found->second, config.metric).empty()) {
        b.status = VerdictStatus::kInconclusive;
        b.undecided = Undecided::kNoBaseline;
        b.reasons.push_back("the baseline has no samples for it");
      } else {
        const Pairing pairing = Pair(before_index.at(set.name), after_index.at(set.name), config);
        const double tolerance =
            budget.max_regression ? budget.max_regression->value : config.tolerance;
        b.comparison = Compare(pairing, config, tolerance);
        if (pairing.log_ratios.size() < kMinPairedRounds ||
            b.comparison->shift_status != StatStatus::kOk) {
          b.comparison->p_adjusted = 1;
          MarkTooFewRounds(b, pairing.log_ratios.size());
        } else {
          judged.push_back(suite.benchmarks.size());
        }
      }
    }
    // Present in the candidate, even errored there: not "removed".
    if (found != before_by_name.end()) before_by_name.erase(found);
    suite.benchmarks.push_back(std::move(b));
  }
  for (const SampleSet& gone : before.benchmarks) {
    if (before_by_name.count(gone.name) == 0) continue;
    suite.benchmarks.push_back(RemovedFromBaseline(gone));
  }
  JudgeComparisons(suite, judged, config);
  for (BenchmarkAnalysis& b : suite.benchmarks) b.more_helps = MoreRoundsHelp(b);
  return suite;
}

}  // namespace benchgate
