#include "gate/diff_summary.h"

#include <cmath>

namespace benchgate {
namespace {

void Count(DiffSummary& summary, VerdictStatus status) {
  switch (status) {
    case VerdictStatus::kUnchanged:
      ++summary.unchanged;
      break;
    case VerdictStatus::kImprovement:
      ++summary.improvements;
      break;
    case VerdictStatus::kRegression:
      ++summary.regressions;
      break;
    case VerdictStatus::kInconclusive:
      ++summary.inconclusive;
      break;
    case VerdictStatus::kBudgetExceeded:
      ++summary.budget_exceeded;
      break;
    case VerdictStatus::kAdded:
      ++summary.added;
      break;
    case VerdictStatus::kRemoved:
      ++summary.removed;
      break;
    case VerdictStatus::kError:
      ++summary.errored;
      break;
    case VerdictStatus::kSkipped:
      ++summary.skipped;
      break;
    case VerdictStatus::kPass:
      break;  // no baseline: nothing a diff counts
  }
}

bool Loggable(double value) { return std::isfinite(value) && value > 0; }

}  // namespace

DiffSummary SummarizeDiff(const SuiteAnalysis& suite) {
  DiffSummary summary;
  // Summing logs, not multiplying ratios: 500 ratios of 1.5 overflow nothing.
  double log_sum = 0;
  for (const BenchmarkAnalysis& b : suite.benchmarks) {
    Count(summary, b.status);
    if (!b.comparison) continue;
    const Comparison& c = *b.comparison;
    const double change = DecidedChange(c).value;
    if (b.status == VerdictStatus::kImprovement &&
        std::abs(change) > std::abs(summary.best_improvement)) {
      summary.best_improvement = change;
      summary.best_improvement_name = b.samples.name;
    }
    if (b.status == VerdictStatus::kRegression &&
        std::abs(change) > std::abs(summary.worst_regression)) {
      summary.worst_regression = change;
      summary.worst_regression_name = b.samples.name;
    }
    if (!Loggable(c.baseline_median) || !Loggable(c.candidate_median)) continue;
    log_sum += std::log(c.candidate_median) - std::log(c.baseline_median);
    ++summary.geomean_count;
  }
  if (summary.geomean_count > 0) {
    summary.geomean_change = std::expm1(log_sum / static_cast<double>(summary.geomean_count));
    summary.geomean_status = StatStatus::kOk;
  }
  return summary;
}

TrendMark Trend(const BenchmarkAnalysis& benchmark) {
  const double change = benchmark.comparison ? DecidedChange(*benchmark.comparison).value : 0.0;
  switch (benchmark.status) {
    case VerdictStatus::kRegression:
      return std::abs(change) > kStrongChange ? TrendMark::kStrongRegression
                                              : TrendMark::kRegression;
    case VerdictStatus::kImprovement:
      return std::abs(change) > kStrongChange ? TrendMark::kStrongImprovement
                                              : TrendMark::kImprovement;
    case VerdictStatus::kUnchanged:
      return TrendMark::kUnchanged;
    default:
      return TrendMark::kNotJudged;
  }
}

const char* TrendMarkName(TrendMark mark) noexcept {
  switch (mark) {
    case TrendMark::kStrongImprovement:
      return "strong_improvement";
    case TrendMark::kImprovement:
      return "improvement";
    case TrendMark::kUnchanged:
      return "unchanged";
    case TrendMark::kRegression:
      return "regression";
    case TrendMark::kStrongRegression:
      return "strong_regression";
    case TrendMark::kNotJudged:
      return "not_judged";
  }
  return "unknown";
}

}  // namespace benchgate
