#include "gate/analysis.h"

#include <algorithm>
#include <string>
#include <vector>

#include "benchgate/stats/effect_size.h"
#include "benchgate/stats/mann_whitney.h"
#include "benchgate/stats/percentile.h"
#include "benchgate/stats/summary.h"
#include "gate/adaptive.h"
#include "gate/clean_side.h"
#include "gate/machine_speed.h"
#include "gate/match_by_name.h"
#include "gate/reasons.h"
#include "gate/verdict_rules.h"
#include "stats/confidence.h"
#include "stats/outliers.h"
#include "stats/repeated_normal_looks.h"
#include "stats/slow_outliers.h"

namespace benchgate {
namespace {

MetricStats StatsOf(SampleView values, double ci_level) {
  MetricStats out;
  const Summary summary = Summarize(values);
  out.status = summary.status;
  out.n = summary.n;
  out.min = summary.min;
  out.max = summary.max;
  out.mean = summary.mean;
  out.median = summary.median;
  out.stddev = summary.stddev;
  out.mad = summary.mad;
  out.mad_scaled = summary.mad_scaled;
  out.cv = summary.cv;
  out.iqr = summary.iqr;
  out.p50 = summary.p50;
  out.p90 = summary.p90;
  out.p95 = summary.p95;
  out.p99 = summary.p99;
  const auto ci = MedianConfidenceInterval(values, ci_level);
  out.median_ci_status = ci.status;
  out.median_ci_lo = ci.lower;
  out.median_ci_hi = ci.upper;
  out.median_ci_coverage = ci.coverage;
  const TukeyOutliers outliers = FindTukeyOutliers(values);
  out.outliers_low = outliers.mild_low + outliers.severe_low;
  out.outliers_high = outliers.mild_high + outliers.severe_high;
  const SlowOutliers slow = FindSlowOutliers(values);
  out.spread = slow.kept_spread;
  out.slow = slow.indices.size();
  return out;
}

MannWhitneyResult Test(const std::vector<double>& before, const std::vector<double>& after,
                       const AnalysisConfig& config) {
  return MannWhitneyU(before, after, Alternative::kTwoSided, config.p_method);
}

// Looks 2..count, which share what the first look leaves.
const RepeatedNormalLooks& LaterLooks(const RepeatedLooks& looks) {
  return RepeatedNormalLooks::For(2, std::max(looks.count, 2));
}

// The decision's p-value at look `look` (the rounds the candidate's samples
// come from): the test's with one look, else the repeated p-value
// (RepeatedLooks): p / kFirstLookShare at the first look and at a suspect's
// later looks, which confirm it (the largest so far), else the crossing
// chance over looks 2..count / (1 - kFirstLookShare), the smallest so far.
void SetLookP(Comparison& c, const std::string& name, std::size_t look,
              const AnalysisConfig& config) {
  const RepeatedLooks& looks = config.looks;
  if (looks.count <= 1) return;
  const bool confirming = look > 1 && looks.confirming.count(name) > 0;
  double p = look <= 1 || confirming
                 ? c.p_value / kFirstLookShare
                 : LaterLooks(looks).RepeatedP(c.p_value) / (1 - kFirstLookShare);
  const auto earlier = looks.earlier_p.find(name);
  if (earlier != looks.earlier_p.end()) {
    p = confirming ? std::max(p, earlier->second) : std::min(p, earlier->second);
  }
  c.p_value = std::min(p, 1.0);
  c.p_method = "repeated-" + c.p_method;
}

Comparison Compare(const SampleSet& baseline, const SampleSet& candidate,
                   const AnalysisConfig& config, double tolerance) {
  const std::vector<double>& before = MetricValues(baseline, config.metric);
  const std::vector<double>& after = MetricValues(candidate, config.metric);
  Comparison c;
  c.baseline_n = before.size();
  c.candidate_n = after.size();
  c.baseline_median = Median(before);
  c.candidate_median = Median(after);
  const auto change = RelativeChangeOfMedians(before, after, config.ci_level);
  c.change_status = change.status;
  c.change = c.baseline_median > 0 ? c.candidate_median / c.baseline_median - 1 : 0;
  c.change_lo = change.lower;
  c.change_hi = change.upper;

  // Interference only ever adds time (lowers a rate): set it aside on both
  // sides, whole disturbed rounds and then slow outliers, before deciding.
  CleanRule rule;
  rule.slow_is_high = !config.higher_is_better;
  rule.set_aside_slow = config.set_aside_slow;
  rule.round_excess = tolerance / 2;
  const CleanSide clean_before = CleanSideOf(before, RoundsOf(baseline), rule);
  const CleanSide clean_after = CleanSideOf(after, RoundsOf(candidate), rule);
  c.baseline_set_aside = clean_before.set_aside;
  c.candidate_set_aside = clean_after.set_aside;
  c.baseline_rounds_set_aside = clean_before.disturbed_rounds;
  c.candidate_rounds_set_aside = clean_after.disturbed_rounds;
  c.candidate_rounds = clean_after.rounds;
  c.baseline_spread = clean_before.spread;
  c.candidate_spread = clean_after.spread;
  c.baseline_majority = clean_before.majority;
  c.candidate_majority = clean_after.majority;

  const ShiftEstimate shift = RelativeShift(clean_before.kept, clean_after.kept, config.ci_level);
  c.shift_status = shift.status;
  c.shift = shift.estimate;
  c.shift_lo = shift.lower;
  c.shift_hi = shift.upper;
  const MannWhitneyResult all = Test(before, after, config);
  c.p_value_all = all.p_value;
  c.p_method_all = MannWhitneyMethodName(all.method);
  const bool trimmed = !c.baseline_set_aside.empty() || !c.candidate_set_aside.empty();
  const MannWhitneyResult test = trimmed ? Test(clean_before.kept, clean_after.kept, config) : all;
  c.p_value = test.p_value;
  c.p_method = std::string(trimmed ? "trimmed-" : "") + MannWhitneyMethodName(test.method);
  SetLookP(c, candidate.name, DistinctRounds(candidate), config);
  c.p_adjusted = c.p_value;
  c.tolerance = tolerance;
  return c;
}

// No baseline run, but history: the candidate's median against the history's
// exponentially weighted centre (CompareWithHistory), by the same rules as
// against a baseline, less the test.
void JudgeAgainstHistory(BenchmarkAnalysis& b, const ResolvedBudget& budget,
                         const AnalysisConfig& config) {
  if (config.history == nullptr || config.metric != "real_time") return;
  if (config.history->find(b.samples.name) == config.history->end()) return;
  const Tolerance tolerance =
      ToleranceOf(b.samples.name, budget, config.history, config.adaptive, config.tolerance);
  if (tolerance.runs < config.adaptive.min_runs || tolerance.centre_ns <= 0) {
    b.reasons.push_back(NotJudgedAgainstHistoryReason(tolerance.explanation));
    return;
  }
  b.comparison = CompareWithHistory(b.real_time, b.samples.real_time_ns.size(), tolerance);
  const std::string evidence = HistoryEvidence(*b.comparison, tolerance.explanation);
  if (b.samples.real_time_ns.size() < config.min_samples) {
    MarkUndecided(b, Undecided::kTooFew, true, evidence);
  } else if (Unstable(b, config)) {
    MarkUndecided(b, Undecided::kUnstable, true, evidence);
  } else {
    b.status = SizedVerdict(*b.comparison, config);
    b.reasons.push_back(evidence);
  }
}

}  // namespace

BenchmarkAnalysis AnalyzeMeasurement(const SampleSet& samples, const AnalysisConfig& config) {
  BenchmarkAnalysis b;
  b.samples = samples;
  if (samples.errored) {
    b.status = samples.skipped ? VerdictStatus::kSkipped : VerdictStatus::kError;
    b.reasons.push_back(ErroredReason(samples));
    return b;
  }
  b.real_time = StatsOf(samples.real_time_ns, config.ci_level);
  b.cpu_time = StatsOf(samples.cpu_time_ns, config.ci_level);
  if (config.metric == "real_time") {
    b.judged = b.real_time;
  } else if (config.metric == "cpu_time") {
    b.judged = b.cpu_time;
  } else {
    b.judged = StatsOf(MetricValues(samples, config.metric), config.ci_level);
  }
  b.iterations = Median(samples.iterations);
  for (const auto& [name, values] : samples.counters) {
    if (!values.empty()) b.counter_medians.emplace_back(name, Median(values));
  }
  if (IsTimeMetric(config.metric) && b.judged.status == StatStatus::kOk &&
      b.judged.median < kOptimisedAwayNs) {
    // Never judged, so never failing a gate: there is nothing to judge.
    MarkUndecided(b, Undecided::kOptimisedAway, false, OptimisedAwayReason(b.judged.median));
  } else if (Unstable(b, config)) {
    b.reasons.push_back(UnstableReason(b.judged, config.max_cv));
  }
  return b;
}

SuiteAnalysis AnalyzeSuite(const RunData& candidate, const RunData* baseline,
                           const AnalysisConfig& given) {
  // Two separate runs: the machine's speed may differ between them.
  AnalysisConfig config = given;
  if (baseline != nullptr) config.machine = MachineChangeBetween(*baseline, candidate);
  MatchStrategy two_samples;
  two_samples.compare = [&](BenchmarkAnalysis& b, const SampleSet& before,
                            const ResolvedBudget& budget) {
    const Tolerance tolerance =
        ToleranceOf(b.samples.name, budget, config.history, config.adaptive, config.tolerance);
    b.comparison = Compare(before, b.samples, config, tolerance.value);
    if (tolerance.from_history) b.reasons.push_back(tolerance.explanation);
    return true;
  };
  two_samples.alone = [&](BenchmarkAnalysis& b, const ResolvedBudget& budget) {
    JudgeAgainstHistory(b, budget, config);
  };
  return MatchByName(candidate, baseline, config, two_samples);
}

}  // namespace benchgate
