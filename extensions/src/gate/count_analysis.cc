#include "gate/count_analysis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "benchgate/stats/percentile.h"
#include "gate/adaptive.h"
#include "gate/match_by_name.h"
#include "gate/verdict_rules.h"
#include "model/number_format.h"

namespace benchgate {
namespace {

// Both processes' counts, for the reason of a nondeterministic benchmark.
std::string ProcessValues(const InstructionCount& count) {
  const auto half = [&](std::size_t from, std::size_t to) {
    std::string text;
    for (std::size_t i = from; i < to; ++i) {
      char value[32];
      std::snprintf(value, sizeof value, "%.1f", count.per_iteration[i]);
      text += (i == from ? "" : ", ") + std::string(value);
    }
    return text;
  };
  return "process 1: " + half(0, count.first_process) +
         "; process 2: " + half(count.first_process, count.per_iteration.size());
}

// The harness dominates a count within 10x of the floor (the values are the
// loop body's, the floor taken off): a change in Google Benchmark's loop
// would show as the benchmark's.
void FloorWarnings(const SuiteAnalysis& suite, double floor, std::vector<std::string>& warnings) {
  if (floor <= 0) return;
  for (const BenchmarkAnalysis& b : suite.benchmarks) {
    const SampleSet& set = b.samples;
    if (!set.instructions || set.instructions->per_iteration.empty()) continue;
    const double count = b.judged.median;
    if (count + floor >= 10 * floor) continue;
    warnings.push_back(set.name + ": " + FormatCount(count) +
                       " instructions per iteration, within 10x of the harness floor (" +
                       FormatCount(floor) +
                       ", an empty loop's count, taken off every count): most of what is counted "
                       "is Google Benchmark's own loop, so a change there would show as this "
                       "benchmark's");
  }
}

// Counts carry between runs only when the same Valgrind counted the same
// way and the builds share their harness (Google Benchmark, compiler,
// flags: the floor moves with them). What differs is said, not refused: a
// team upgrading Valgrind must still be able to compare, knowingly.
void SetupWarnings(const CountingSetup& before, const CountingSetup& after,
                   std::vector<std::string>& warnings) {
  const std::string consequence = ": a change may be the counting's, not the code's";
  if (before.valgrind_version != after.valgrind_version) {
    warnings.push_back("the baseline was counted by " + before.valgrind_version +
                       " and the candidate by " + after.valgrind_version + consequence);
  }
  if (before.options != after.options) {
    warnings.push_back(
        "the baseline and the candidate were counted with different Valgrind options" +
        consequence);
  }
  if (before.harness_floor != after.harness_floor) {
    warnings.push_back("the harness floor differs (baseline " + FormatCount(before.harness_floor) +
                       ", candidate " + FormatCount(after.harness_floor) +
                       " instructions): Google Benchmark, the compiler or its flags differ "
                       "between the builds, and every count can move with them");
  }
}

}  // namespace

std::string UncountableReason(const SampleSet& set) {
  if (!set.instructions) return "not counted";
  const InstructionCount& count = *set.instructions;
  if (!count.not_counted.empty()) return "not counted: " + count.not_counted;
  if (!count.deterministic) {
    return "nondeterministic: its instructions per iteration differ between counts (" +
           ProcessValues(count) + "); not judged on instructions";
  }
  return "";
}

SuiteAnalysis AnalyzeCounts(const RunData& candidate, const RunData* baseline,
                            const AnalysisConfig& config) {
  const auto undecided = [](const SampleSet& set) {
    return set.instructions && set.instructions->not_counted.empty() ? Undecided::kNondeterministic
                                                                     : Undecided::kNotCounted;
  };
  MatchStrategy counts;
  counts.compare = [&](BenchmarkAnalysis& b, const SampleSet& before,
                       const ResolvedBudget& /*budget: time's, see below*/) {
    // A budget's max_regression is a tolerance on time: the same rule file
    // gates both measures in the usual CI, and a time tolerance set for a
    // noisy machine (10-20%) would let exact counts grow by as much unseen.
    // Counts are judged at the instructions tolerance (--tolerance of the
    // tools, 0.5% by default), so no budget enters it.
    const Tolerance tolerance =
        ToleranceOf(b.samples.name, ResolvedBudget{}, nullptr, config.adaptive, config.tolerance);
    // The candidate's own reason first: it is what the pull request shows.
    const std::string after_reason = UncountableReason(b.samples);
    const std::string before_reason = UncountableReason(before);
    const auto undecided_because = [&] {
      if (!after_reason.empty()) {
        MarkUndecided(b, undecided(b.samples), false, after_reason);
      } else {
        MarkUndecided(b, undecided(before), false, "baseline " + before_reason);
      }
    };
    const std::vector<double>& old_values = MetricValues(before, kInstructionsMetric);
    const std::vector<double>& new_values = MetricValues(b.samples, kInstructionsMetric);
    if (old_values.empty() || new_values.empty()) {  // a side not counted: nothing to compare
      undecided_because();
      return false;
    }
    Comparison c;
    c.baseline_n = old_values.size();
    c.candidate_n = new_values.size();
    c.baseline_median = Median(old_values);
    c.candidate_median = Median(new_values);
    c.change = c.baseline_median > 0 ? c.candidate_median / c.baseline_median - 1 : 0;
    // Exact: the change is its own interval; there is no test.
    c.change_status = StatStatus::kEmpty;
    c.shift = c.change_lo = c.change_hi = c.shift_lo = c.shift_hi = c.change;
    c.shift_status = StatStatus::kOk;
    c.p_value = c.p_adjusted = c.p_value_all = std::numeric_limits<double>::quiet_NaN();
    c.p_method = c.p_method_all = kCountsMethod;
    c.tolerance = tolerance.value;
    b.comparison = c;
    if (!after_reason.empty() || !before_reason.empty()) {
      undecided_because();
    } else {
      b.status = c.change > tolerance.value    ? VerdictStatus::kRegression
                 : c.change < -tolerance.value ? VerdictStatus::kImprovement
                                               : VerdictStatus::kUnchanged;
      b.reasons.push_back("instructions per iteration " + FormatCount(c.baseline_median) + " -> " +
                          FormatCount(c.candidate_median) + " (" + FormatChange(c.change) +
                          ", tolerance " + FormatPercent(tolerance.value) + ")");
    }
    return false;  // exact counts join no multiple-testing family
  };
  // Without a baseline only an instruction budget judges a count: where
  // there is one, a count that cannot be judged leaves it undecided.
  counts.alone = [&](BenchmarkAnalysis& b, const ResolvedBudget& budget) {
    const std::string reason = UncountableReason(b.samples);
    if (reason.empty()) return;
    const bool budgeted = std::any_of(
        budget.limits.begin(), budget.limits.end(),
        [](const ResolvedLimit& limit) { return limit.limit.statistic == kInstructionsMetric; });
    if (budgeted) {
      MarkUndecided(b, undecided(b.samples), false, reason);
    } else {
      b.reasons.push_back(reason);
    }
  };
  AnalysisConfig counted = config;
  counted.metric = kInstructionsMetric;
  counted.measure = Measure::kInstructions;
  counted.higher_is_better = false;
  counted.history = nullptr;
  SuiteAnalysis suite = MatchByName(candidate, baseline, counted, counts);
  std::vector<std::string> warnings;
  if (baseline != nullptr) {
    // Every format shows the suite's warnings: where a reader of a timing
    // report expects p-values and a false-discovery rate, it says why none.
    warnings.push_back(kCountsJudgedExactly);
    if (baseline->counting && candidate.counting) {
      SetupWarnings(*baseline->counting, *candidate.counting, warnings);
    }
  }
  if (candidate.counting) FloorWarnings(suite, candidate.counting->harness_floor, warnings);
  suite.warnings.insert(suite.warnings.begin(), warnings.begin(), warnings.end());
  return suite;
}

}  // namespace benchgate
