#include "gate/match_by_name.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gate/analysis.h"
#include "gate/budget_check.h"
#include "gate/machine_speed.h"
#include "gate/reasons.h"
#include "gate/verdict_rules.h"
#include "stats/multiple_testing.h"

namespace benchgate {
namespace {

// The verdict of a benchmark that only the baseline has.
BenchmarkAnalysis RemovedFromBaseline(const SampleSet& gone) {
  BenchmarkAnalysis b;
  b.samples.name = gone.name;
  b.samples.time_unit = gone.time_unit;
  b.status = VerdictStatus::kRemoved;
  b.reasons.push_back(BaselineOnlyReason());
  return b;
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
  static constexpr Undecided kOrder[] = {
      Undecided::kUnstable,         Undecided::kStraddles,  Undecided::kTooFew,
      Undecided::kBudgetUncertain,  Undecided::kNoBaseline, Undecided::kOptimisedAway,
      Undecided::kNondeterministic, Undecided::kNotCounted, Undecided::kMachineSpeed};
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

// The end of every analysis, from the multiple-testing control on. `judged`
// indexes the benchmarks whose comparison is filled (the family); `budgets`
// holds each candidate benchmark's resolved budget, in suite order (the
// removed ones, after them, have none).
void JudgeSuite(SuiteAnalysis& suite, const std::vector<std::size_t>& judged,
                const std::vector<ResolvedBudget>& budgets, const AnalysisConfig& config) {
  // Benjamini-Hochberg (or Holm) over every benchmark with a test: a
  // 500-benchmark suite at alpha 0.05 would otherwise raise ~25 false alarms.
  std::vector<double> p_values;
  std::size_t discounted = 0;  // verdicts a change of the machine's speed could have made
  for (const std::size_t i : judged) p_values.push_back(suite.benchmarks[i].comparison->p_value);
  const std::vector<double> adjusted =
      (config.holm ? HolmAdjust(p_values) : BenjaminiHochbergAdjust(p_values)).adjusted;
  for (std::size_t k = 0; k < judged.size(); ++k) {
    BenchmarkAnalysis& b = suite.benchmarks[judged[k]];
    b.comparison->p_adjusted = adjusted[k];
    JudgeComparison(b, config);
    if (config.machine && DiscountMachineChange(b, *config.machine, config)) ++discounted;
  }
  suite.machine = config.machine;
  if (discounted > 0) suite.warnings.push_back(MachineChangeWarning(*config.machine, discounted));
  std::size_t other_measure = 0;
  for (std::size_t i = 0; i < budgets.size(); ++i) {
    BenchmarkAnalysis& b = suite.benchmarks[i];
    // Nothing measured, or measured but not judgeable (the reason is the
    // benchmark's own): a budget has nothing to say.
    if (b.samples.errored || b.samples.real_time_ns.empty() ||
        b.undecided == Undecided::kOptimisedAway || b.undecided == Undecided::kNondeterministic ||
        b.undecided == Undecided::kNotCounted) {
      continue;
    }
    if (!budgets[i].limits.empty()) {
      const std::size_t other =
          ApplyBudget(b, budgets[i], config.measure, config.ci_level, suite.warnings);
      other_measure += other;
      if (other < budgets[i].limits.size()) ++suite.budgets_checked;
    }
  }
  // A timing run leaves instruction limits alone silently (that is the
  // usual CI: both measures, one set of budgets); an instructions run says
  // once that the time limits it matched were not judged.
  if (config.measure == Measure::kInstructions && other_measure > 0) {
    suite.warnings.push_back(std::to_string(other_measure) +
                             " budget limit(s) on time, memory or counters not judged: an "
                             "instructions run judges instructions limits only");
  }
  TallySuite(suite, config);
}

}  // namespace

void TallySuite(SuiteAnalysis& suite, const AnalysisConfig& config) {
  suite.regressions = suite.improvements = suite.unchanged = suite.inconclusive = 0;
  suite.budget_exceeded = suite.added = suite.removed = suite.errored = suite.skipped = 0;
  suite.passed = 0;
  for (const BenchmarkAnalysis& b : suite.benchmarks) Count(suite, b.status);
  CountUndecided(suite, config);
  suite.gate_failed =
      suite.regressions > 0 || suite.budget_exceeded > 0 || suite.too_many_undecided;
}

SuiteAnalysis MatchByName(const RunData& candidate, const RunData* baseline,
                          const AnalysisConfig& config, const MatchStrategy& strategy) {
  SuiteAnalysis suite;
  suite.has_baseline = baseline != nullptr;
  std::map<std::string, const SampleSet*> baseline_by_name;
  if (baseline != nullptr) {
    for (const SampleSet& set : baseline->benchmarks) baseline_by_name.emplace(set.name, &set);
  }
  std::vector<std::size_t> judged;  // indices with a p-value in the family
  std::vector<ResolvedBudget> budgets;
  budgets.reserve(candidate.benchmarks.size());
  for (const SampleSet& set : candidate.benchmarks) {
    BenchmarkAnalysis b = AnalyzeMeasurement(set, config);
    const ResolvedBudget& budget = budgets.emplace_back(ResolveBudget(set.name, config.budgets));
    b.budget_origins = budget.matched;
    if (Unstable(b, config)) {
      suite.warnings.push_back(set.name + ": " + UnstableReason(b.judged, config.max_cv));
    }
    if (baseline != nullptr && !set.errored && b.undecided != Undecided::kOptimisedAway) {
      b.reasons.clear();
      const auto it = baseline_by_name.find(set.name);
      if (it == baseline_by_name.end()) {
        b.status = VerdictStatus::kAdded;
        b.reasons.push_back(NotInBaselineReason());
        // A baseline benchmark that was counted or not (instructions) goes on
        // to the comparison, which says why it cannot be judged.
      } else if (it->second->errored ||
                 (MetricValues(*it->second, config.metric).empty() && !it->second->instructions)) {
        MarkUndecided(b, Undecided::kNoBaseline, false, NoBaselineSamplesReason());
      } else if (strategy.compare(b, *it->second, budget)) {
        judged.push_back(suite.benchmarks.size());
      }
    }
    // Present in the candidate, even errored there: not "removed".
    baseline_by_name.erase(set.name);
    if (baseline == nullptr && b.status == VerdictStatus::kPass && strategy.alone) {
      strategy.alone(b, budget);
    }
    suite.benchmarks.push_back(std::move(b));
  }
  if (baseline != nullptr) {
    for (const SampleSet& gone : baseline->benchmarks) {
      if (baseline_by_name.count(gone.name) == 0) continue;
      suite.benchmarks.push_back(RemovedFromBaseline(gone));
    }
  }
  JudgeSuite(suite, judged, budgets, config);
  return suite;
}

}  // namespace benchgate
