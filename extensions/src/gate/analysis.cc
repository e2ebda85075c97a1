#include "gate/analysis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>

#include "gate/budget_check.h"
#include "model/number_format.h"
#include "stats/confidence.h"
#include "benchgate/stats/effect_size.h"
#include "benchgate/stats/mann_whitney.h"
#include "stats/multiple_testing.h"
#include "stats/outliers.h"
#include "benchgate/stats/percentile.h"
#include "stats/slow_outliers.h"
#include "benchgate/stats/summary.h"
#include "gate/clean_side.h"

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

bool Unstable(const BenchmarkAnalysis& benchmark, const AnalysisConfig& config) {
  return benchmark.judged.status == StatStatus::kOk && benchmark.judged.spread > config.max_cv;
}

std::string UnstableReason(const BenchmarkAnalysis& benchmark, const AnalysisConfig& config) {
  const std::size_t slow = benchmark.judged.slow;
  // The noise is not the CV the tables show (that of every sample, as
  // Google Benchmark's _cv): both are named so that the two numbers agree.
  return "unstable: noise " + FormatPercent(benchmark.judged.spread) + " above the " +
         FormatPercent(config.max_cv) + " limit (CV " + FormatPercent(benchmark.judged.cv) +
         (slow == 0 ? std::string()
                    : ", " + std::to_string(slow) + " slow sample" + (slow == 1 ? "" : "s") +
                          " set aside") +
         ")";
}

bool IsTime(const std::string& metric) { return metric == "real_time" || metric == "cpu_time"; }

MannWhitneyResult Test(const std::vector<double>& before, const std::vector<double>& after,
                       const AnalysisConfig& config) {
  return MannWhitneyU(before, after, Alternative::kTwoSided, config.p_method);
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
  c.p_adjusted = c.p_value;
  c.tolerance = tolerance;
  return c;
}

// "+7.9% [+6.1%, +9.8%], p=0.0004 adj 0.003 > tolerance 5.0%": the
// Hodges-Lehmann relative shift with its CI, then the test.
std::string Evidence(const Comparison& c, const char* relation) {
  std::string text;
  if (c.shift_status == StatStatus::kOk) {
    text = FormatChange(c.shift) + " [" + FormatChange(c.shift_lo) + ", " +
           FormatChange(c.shift_hi) + "]";
  } else {
    text = FormatChange(c.change) + " (no interval: " + StatStatusName(c.shift_status) + ")";
  }
  text += ", p=" + FormatPValue(c.p_value) + " adj " + FormatPValue(c.p_adjusted) + " " + relation +
          " tolerance " + FormatPercent(c.tolerance);
  return text;
}

// "set aside: 4 slow samples of 10 (baseline); round 2 (disturbed) and 1
// slow sample of 30 (candidate)": what the decision did not judge.
std::string SetAsideNote(const Comparison& c) {
  const auto side = [](std::size_t count, std::size_t n, const std::vector<std::uint32_t>& rounds,
                       const char* name) -> std::string {
    if (count == 0) return "";
    std::string text;
    for (const std::uint32_t round : rounds) {
      text += (text.empty() ? "round " : ", round ") + std::to_string(round);
    }
    if (!rounds.empty()) text += " (disturbed: slower than its best round) and ";
    return text + std::to_string(count) + " of " + std::to_string(n) + " samples (" + name + ")";
  };
  const std::string before =
      side(c.baseline_set_aside.size(), c.baseline_n, c.baseline_rounds_set_aside, "baseline");
  const std::string after =
      side(c.candidate_set_aside.size(), c.candidate_n, c.candidate_rounds_set_aside, "candidate");
  if (before.empty() && after.empty()) return "";
  return "set aside as interference: " + before + (before.empty() || after.empty() ? "" : "; ") +
         after;
}

// The size half of a verdict: regression when the shift in the worse
// direction is beyond the tolerance and its CI beyond ci_margin x tolerance;
// improvement symmetrically; unchanged otherwise. For a rate (higher is
// better) the worse direction is down.
VerdictStatus SizedVerdict(const Comparison& c, const AnalysisConfig& config) {
  if (c.shift_status != StatStatus::kOk) return VerdictStatus::kUnchanged;
  const bool up_is_worse = !config.higher_is_better;
  const double worse = up_is_worse ? c.shift : -c.shift;
  const double worse_lo = up_is_worse ? c.shift_lo : -c.shift_hi;
  const double worse_hi = up_is_worse ? c.shift_hi : -c.shift_lo;
  const double margin = config.ci_margin * c.tolerance;
  if (worse > c.tolerance && worse_lo > margin) return VerdictStatus::kRegression;
  if (worse < -c.tolerance && worse_hi < -margin) return VerdictStatus::kImprovement;
  return VerdictStatus::kUnchanged;
}

void MarkUndecided(BenchmarkAnalysis& b, Undecided why, bool more_helps, std::string reason) {
  b.status = VerdictStatus::kInconclusive;
  b.undecided = why;
  b.more_helps = more_helps;
  b.reasons.push_back(std::move(reason));
}

std::string OptimisedAwayReason(double ns) {
  return "nothing measured: " + FormatDuration(ns) +
         " per iteration is less than one CPU cycle; the loop body was probably optimised away "
         "(benchmark::DoNotOptimize keeps it)";
}

// Inconclusive for a reason that no size or test can overrule; false when
// the benchmark can be judged.
bool JudgeUndecidable(BenchmarkAnalysis& b, const AnalysisConfig& config) {
  const Comparison& c = *b.comparison;
  const std::size_t kept_before = c.baseline_n - c.baseline_set_aside.size();
  const std::size_t kept_after = c.candidate_n - c.candidate_set_aside.size();
  const double fastest = std::min(c.baseline_median, c.candidate_median);
  if (IsTime(config.metric) && fastest < kOptimisedAwayNs) {
    MarkUndecided(b, Undecided::kOptimisedAway, false, OptimisedAwayReason(fastest));
  } else if (kept_before < config.min_samples || kept_after < config.min_samples) {
    MarkUndecided(b, Undecided::kTooFew, kept_after < config.min_samples,
                  "too few samples (" + std::to_string(kept_before) + " baseline, " +
                      std::to_string(kept_after) + " candidate; need " +
                      std::to_string(config.min_samples) + " each)");
  } else if (c.baseline_majority || c.candidate_majority) {
    MarkUndecided(b, Undecided::kUnstable, !c.baseline_majority,
                  std::string("unstable: most samples of the ") +
                      (c.baseline_majority ? "baseline" : "candidate") +
                      " are slow (interference over most of the run)");
  } else if (c.baseline_spread > config.max_cv || c.candidate_spread > config.max_cv) {
    // The baseline first: when it is unstable, more candidate rounds cannot help.
    const bool after = c.baseline_spread <= config.max_cv;
    MarkUndecided(b, Undecided::kUnstable, after,
                  std::string("unstable: noise of the ") + (after ? "candidate " : "baseline ") +
                      FormatPercent(after ? c.candidate_spread : c.baseline_spread) +
                      " above the " + FormatPercent(config.max_cv) + " limit");
  } else {
    return false;
  }
  return true;
}

void Judge(BenchmarkAnalysis& b, const AnalysisConfig& config) {
  const Comparison& c = *b.comparison;
  const std::string set_aside = SetAsideNote(c);
  if (!JudgeUndecidable(b, config)) {
    const bool significant = c.p_adjusted < config.alpha;
    b.status = significant ? SizedVerdict(c, config) : VerdictStatus::kUnchanged;
    const bool sized = b.status != VerdictStatus::kUnchanged;
    const std::string evidence =
        Evidence(c, sized ? ">" : (significant ? "<=" : "not significant;"));
    if (!sized && c.shift_status == StatStatus::kOk && std::abs(c.shift) > c.tolerance) {
      // Beyond the tolerance, but the interval reaches back inside it: more
      // samples can tell; calling it "unchanged" would vouch for nothing.
      MarkUndecided(b, Undecided::kStraddles, true,
                    evidence +
                        "; undecided: the estimate is beyond the tolerance and its "
                        "interval straddles it");
    } else {
      b.reasons.push_back(evidence);
    }
  }
  if (!set_aside.empty()) b.reasons.push_back(set_aside);
}

Observation WithCi(double estimate, const ConfidenceInterval& ci) {
  Observation seen{estimate, std::nullopt, std::nullopt};
  if (ci.status == StatStatus::kOk) {
    seen.lo = ci.lower;
    seen.hi = ci.upper;
  }
  return seen;
}

// What the run measured for a budget's statistic. Where an interval exists
// (order statistics for median and quantiles, a seeded bootstrap for the
// mean) the budget is judged on it; where the sample is too small for one,
// or the quantity is exact (allocations) or has no interval (max, CV,
// histogram percentiles), on the estimate.
std::optional<Observation> Observe(const BenchmarkAnalysis& b, const std::string& statistic,
                                   const AnalysisConfig& config) {
  const SampleSet& s = b.samples;
  const MetricStats& real = b.real_time;
  if (s.real_time_ns.empty()) return std::nullopt;
  const auto quantile = [&](double q, double estimate) {
    return WithCi(estimate, QuantileConfidenceInterval(s.real_time_ns, q, config.ci_level));
  };
  if (statistic == "median" || statistic == "p50") {
    return WithCi(real.median, MedianConfidenceInterval(s.real_time_ns, config.ci_level));
  }
  if (statistic == "mean") {
    BootstrapOptions options;
    options.resamples = 2000;
    options.level = config.ci_level;
    return WithCi(real.mean, BootstrapConfidenceInterval(s.real_time_ns, MeanOf, options));
  }
  if (statistic == "p90") return quantile(0.90, real.p90);
  if (statistic == "p95") return quantile(0.95, real.p95);
  if (statistic == "p99") return quantile(0.99, real.p99);
  if (statistic == "max") return Observation{real.max, std::nullopt, std::nullopt};
  if (statistic == "cv") return Observation{real.cv, std::nullopt, std::nullopt};
  if (statistic == "latency_p99" && s.latency) return Observation{s.latency->p99, {}, {}};
  if (statistic == "latency_p999" && s.latency) return Observation{s.latency->p999, {}, {}};
  if (statistic == "allocs_per_iter" && s.memory)
    return Observation{s.memory->allocs_per_iter, {}, {}};
  if (statistic == "bytes_per_iter" && s.memory)
    return Observation{s.memory->bytes_per_iter, {}, {}};
  const std::string prefix = kCounterStatisticPrefix;
  if (statistic.rfind(prefix, 0) == 0) {
    const auto it = s.counters.find(statistic.substr(prefix.size()));
    if (it == s.counters.end()) return std::nullopt;
    return WithCi(Median(it->second), MedianConfidenceInterval(it->second, config.ci_level));
  }
  return std::nullopt;
}

// Applies the benchmark's budget limits: exceeded -> budget_exceeded (a
// regression stays a regression, with the budget among its reasons);
// uncertain -> inconclusive unless something stronger was already found.
void ApplyBudget(BenchmarkAnalysis& b, const ResolvedBudget& budget, const AnalysisConfig& config,
                 SuiteAnalysis& suite) {
  const auto findings = CheckBudget(
      budget, [&](const std::string& statistic) { return Observe(b, statistic, config); });
  for (const BudgetFinding& finding : findings) {
    switch (finding.outcome) {
      case BudgetOutcome::kExceeded:
        if (b.status != VerdictStatus::kRegression) b.status = VerdictStatus::kBudgetExceeded;
        b.reasons.push_back(finding.reason);
        break;
      case BudgetOutcome::kUncertain:
        if (b.status == VerdictStatus::kPass || b.status == VerdictStatus::kUnchanged ||
            b.status == VerdictStatus::kImprovement) {
          b.status = VerdictStatus::kInconclusive;
          b.undecided = Undecided::kBudgetUncertain;
          b.more_helps = true;  // more samples narrow the interval
        }
        b.reasons.push_back(finding.reason);
        break;
      case BudgetOutcome::kNotMeasured:
        suite.warnings.push_back(b.samples.name + ": " + finding.reason);
        break;
      case BudgetOutcome::kWithin:
        break;
    }
  }
}

// The tolerance of one benchmark: its budget's max_regression, else learned
// from history, else the static default.
Tolerance ToleranceOf(const std::string& name, const ResolvedBudget& budget,
                      const AnalysisConfig& config) {
  AdaptiveConfig adaptive = config.adaptive;
  adaptive.static_tolerance = config.tolerance;
  Tolerance tolerance;
  tolerance.value = config.tolerance;
  if (config.history != nullptr) {
    const auto it = config.history->find(name);
    tolerance = ToleranceFor(it == config.history->end() ? std::vector<HistoryEntry>{} : it->second,
                             adaptive);
  }
  if (budget.max_regression) {
    tolerance.value = budget.max_regression->value;
    tolerance.from_history = false;
    tolerance.explanation = "max_regression " + FormatPercent(tolerance.value) + " (" +
                            budget.max_regression->origin + ")";
  }
  return tolerance;
}

// No baseline run, but history: the candidate's median against the history's
// exponentially weighted centre. The candidate's median CI gives the size's
// interval; there is no rank test (the history keeps medians, not samples),
// so p_method is "history" and the suite's FDR family does not include it.
void JudgeAgainstHistory(BenchmarkAnalysis& b, const ResolvedBudget& budget,
                         const AnalysisConfig& config) {
  if (config.history == nullptr || config.metric != "real_time") return;
  const auto it = config.history->find(b.samples.name);
  if (it == config.history->end()) return;
  const Tolerance tolerance = ToleranceOf(b.samples.name, budget, config);
  if (tolerance.runs < config.adaptive.min_runs || tolerance.centre_ns <= 0) {
    b.reasons.push_back("not judged against history: " + tolerance.explanation);
    return;
  }
  Comparison c;
  c.baseline_n = tolerance.runs;
  c.candidate_n = b.samples.real_time_ns.size();
  c.baseline_median = tolerance.centre_ns;
  c.candidate_median = b.real_time.median;
  c.change = c.candidate_median / c.baseline_median - 1;
  c.change_status = b.real_time.median_ci_status;
  c.change_lo = b.real_time.median_ci_lo / c.baseline_median - 1;
  c.change_hi = b.real_time.median_ci_hi / c.baseline_median - 1;
  c.shift = c.change;
  c.shift_status = c.change_status;
  c.shift_lo = c.change_lo;
  c.shift_hi = c.change_hi;
  c.p_method = "history";
  c.tolerance = tolerance.value;
  b.comparison = c;
  const std::string evidence = FormatChange(c.shift) + " [" + FormatChange(c.shift_lo) + ", " +
                               FormatChange(c.shift_hi) + "] against the history's centre; " +
                               tolerance.explanation;
  if (b.samples.real_time_ns.size() < config.min_samples) {
    MarkUndecided(b, Undecided::kTooFew, true, evidence);
  } else if (Unstable(b, config)) {
    MarkUndecided(b, Undecided::kUnstable, true, evidence);
  } else {
    b.status = SizedVerdict(c, config);
    b.reasons.push_back(evidence);
  }
}

void Count(SuiteAnalysis& suite, VerdictStatus status) {
  switch (status) {
    case VerdictStatus::kPass:
      ++suite.passed;
      break;
    case VerdictStatus::kUnchanged:
      ++suite.unchanged;
      break;
    case VerdictStatus::kImprovement:
      ++suite.improvements;
      break;
    case VerdictStatus::kRegression:
      ++suite.regressions;
      break;
    case VerdictStatus::kInconclusive:
      ++suite.inconclusive;
      break;
    case VerdictStatus::kBudgetExceeded:
      ++suite.budget_exceeded;
      break;
    case VerdictStatus::kAdded:
      ++suite.added;
      break;
    case VerdictStatus::kRemoved:
      ++suite.removed;
      break;
    case VerdictStatus::kError:
      ++suite.errored;
      break;
    case VerdictStatus::kSkipped:
      ++suite.skipped;
      break;
  }
}

// The inconclusive ones by reason, and whether they are too many for the
// team's --max-undecided: a gate that judged little must not say "pass" as
// if it had judged everything.
void CountUndecided(SuiteAnalysis& suite, const AnalysisConfig& config) {
  static constexpr Undecided kOrder[] = {Undecided::kUnstable,   Undecided::kStraddles,
                                         Undecided::kTooFew,     Undecided::kBudgetUncertain,
                                         Undecided::kNoBaseline, Undecided::kOptimisedAway};
  suite.undecided.clear();
  for (const Undecided reason : kOrder) {
    const auto count = static_cast<std::size_t>(std::count_if(
        suite.benchmarks.begin(), suite.benchmarks.end(), [&](const BenchmarkAnalysis& b) {
          return b.status == VerdictStatus::kInconclusive && b.undecided == reason;
        }));
    if (count > 0) suite.undecided.emplace_back(UndecidedName(reason), count);
  }
  const std::size_t judged = suite.regressions + suite.improvements + suite.unchanged +
                             suite.inconclusive + suite.budget_exceeded + suite.passed;
  suite.max_undecided = config.max_undecided;
  suite.too_many_undecided = judged > 0 && static_cast<double>(suite.inconclusive) >
                                               config.max_undecided * static_cast<double>(judged);
}

}  // namespace

AnalysisConfig AnalysisConfigFrom(double alpha) {
  AnalysisConfig config;
  config.alpha = alpha;
  return config;
}

BenchmarkAnalysis AnalyzeMeasurement(const SampleSet& samples, const AnalysisConfig& config) {
  BenchmarkAnalysis b;
  b.samples = samples;
  if (samples.errored) {
    // A skip's message is its reason as it stands: reports print it after
    // the status ("skipped: no GPU on this machine").
    b.status = samples.skipped ? VerdictStatus::kSkipped : VerdictStatus::kError;
    b.reasons.push_back(samples.skipped ? samples.error_message
                                        : "errored: " + samples.error_message);
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
  if (IsTime(config.metric) && b.judged.status == StatStatus::kOk &&
      b.judged.median < kOptimisedAwayNs) {
    // Never judged, so never failing a gate: there is nothing to judge.
    MarkUndecided(b, Undecided::kOptimisedAway, false, OptimisedAwayReason(b.judged.median));
  } else if (Unstable(b, config)) {
    b.reasons.push_back(UnstableReason(b, config));
  }
  return b;
}

SuiteAnalysis AnalyzeSuite(const RunData& candidate, const RunData* baseline,
                           const AnalysisConfig& config) {
  SuiteAnalysis suite;
  suite.has_baseline = baseline != nullptr;
  std::map<std::string, const SampleSet*> baseline_by_name;
  if (baseline != nullptr) {
    for (const SampleSet& set : baseline->benchmarks) baseline_by_name.emplace(set.name, &set);
  }

  std::map<std::string, ResolvedBudget> budgets;
  std::vector<std::size_t> judged;  // indices with a p-value in the family
  for (const SampleSet& set : candidate.benchmarks) {
    BenchmarkAnalysis b = AnalyzeMeasurement(set, config);
    budgets[set.name] = ResolveBudget(set.name, config.budgets);
    b.budget_origins = budgets[set.name].matched;
    if (Unstable(b, config)) suite.warnings.push_back(set.name + ": " + UnstableReason(b, config));
    if (baseline != nullptr && !set.errored && b.undecided != Undecided::kOptimisedAway) {
      b.reasons.clear();
      const auto it = baseline_by_name.find(set.name);
      if (it == baseline_by_name.end()) {
        b.status = VerdictStatus::kAdded;
        b.reasons.push_back("not in the baseline");
      } else if (it->second->errored || MetricValues(*it->second, config.metric).empty()) {
        MarkUndecided(b, Undecided::kNoBaseline, false, "the baseline has no samples for it");
      } else {
        const Tolerance tolerance = ToleranceOf(set.name, budgets[set.name], config);
        b.comparison = Compare(*it->second, set, config, tolerance.value);
        if (tolerance.from_history) b.reasons.push_back(tolerance.explanation);
        judged.push_back(suite.benchmarks.size());
      }
    }
    // Present in the candidate, even errored there: not "removed".
    baseline_by_name.erase(set.name);
    if (baseline == nullptr && b.status == VerdictStatus::kPass)
      JudgeAgainstHistory(b, budgets[set.name], config);
    suite.benchmarks.push_back(std::move(b));
  }

  if (baseline != nullptr) {
    for (const SampleSet& gone : baseline->benchmarks) {
      if (baseline_by_name.count(gone.name) == 0) continue;
      suite.benchmarks.push_back(RemovedFromBaseline(gone));
    }
  }
  JudgeComparisons(suite, judged, config);
  return suite;
}

BenchmarkAnalysis RemovedFromBaseline(const SampleSet& gone) {
  BenchmarkAnalysis b;
  b.samples.name = gone.name;
  b.samples.time_unit = gone.time_unit;
  b.status = VerdictStatus::kRemoved;
  b.reasons.push_back("in the baseline only");
  return b;
}

// The end of every analysis, from the multiple-testing control on: AnalyzeSuite
// ends here, and so does benchgate-ab's, whose comparisons are per process.
void JudgeComparisons(SuiteAnalysis& suite, const std::vector<std::size_t>& judged,
                      const AnalysisConfig& config) {
  // Benjamini-Hochberg (or Holm) over every benchmark with a test: a
  // 500-benchmark suite at alpha 0.05 would otherwise raise ~25 false alarms.
  std::vector<double> p_values;
  for (const std::size_t i : judged) p_values.push_back(suite.benchmarks[i].comparison->p_value);
  const std::vector<double> adjusted =
      (config.holm ? HolmAdjust(p_values) : BenjaminiHochbergAdjust(p_values)).adjusted;
  for (std::size_t k = 0; k < judged.size(); ++k) {
    BenchmarkAnalysis& b = suite.benchmarks[judged[k]];
    b.comparison->p_adjusted = adjusted[k];
    Judge(b, config);
  }
  for (BenchmarkAnalysis& b : suite.benchmarks) {
    if (b.samples.errored || b.samples.real_time_ns.empty() ||
        b.undecided == Undecided::kOptimisedAway) {
      continue;
    }
    const ResolvedBudget budget = ResolveBudget(b.samples.name, config.budgets);
    if (!budget.limits.empty()) ApplyBudget(b, budget, config, suite);
  }
  for (const BenchmarkAnalysis& b : suite.benchmarks) Count(suite, b.status);
  CountUndecided(suite, config);
  suite.gate_failed =
      suite.regressions > 0 || suite.budget_exceeded > 0 || suite.too_many_undecided;
}

}  // namespace benchgate
