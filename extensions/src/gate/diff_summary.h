// What benchgate-diff's reports say about a comparison as a whole (counts per
// verdict and the geometric-mean change) and the five-level trend mark of one
// benchmark. Both are derived here, in gate/, so every renderer shows the
// same numbers and the same classification: report/ only formats them.
#ifndef BENCHGATE_GATE_DIFF_SUMMARY_H_
#define BENCHGATE_GATE_DIFF_SUMMARY_H_

#include <cstddef>

#include "benchgate/stats/status.h"
#include "gate/verdict.h"

namespace benchgate {

struct DiffSummary {
  std::size_t regressions = 0, improvements = 0, unchanged = 0, inconclusive = 0;
  std::size_t added = 0, removed = 0, budget_exceeded = 0, errored = 0, skipped = 0;
  // Geometric mean of candidate median / baseline median over every
  // benchmark with a comparison (whatever its verdict), minus 1: the
  // suite-wide change, like compare.py's OVERALL_GEOMEAN. Medians that are not
  // positive and finite cannot enter a log and are left out; geomean_count
  // says how many ratios went in. 0 with kEmpty when none did.
  double geomean_change = 0;
  StatStatus geomean_status = StatStatus::kEmpty;
  std::size_t geomean_count = 0;
  // The largest judged changes: the improvement and the regression with the
  // largest |change| as the tables show it (DecidedChange); empty names when
  // there is none.
  std::string best_improvement_name, worst_regression_name;
  double best_improvement = 0, worst_regression = 0;
};

DiffSummary SummarizeDiff(const SuiteAnalysis& suite);

// A judged change in five levels; kNotJudged for every verdict that is not a
// comparison outcome (inconclusive, added, removed, errored, over budget,
// pass). The verdict decides the direction, the displayed change
// (DecidedChange) decides the strength, so the mark never contradicts the
// verdict column.
enum class TrendMark {
  kStrongImprovement,  // improvement, change below -kStrongChange
  kImprovement,
  kUnchanged,
  kRegression,
  kStrongRegression,  // regression, change above +kStrongChange
  kNotJudged,
};

// "Strong" means more than 10% in either direction (change = candidate /
// baseline - 1, so -0.10 is 10% less time).
inline constexpr double kStrongChange = 0.10;

TrendMark Trend(const BenchmarkAnalysis& benchmark);

// Stable lowercase name used in JSON: "strong_improvement", ..., "not_judged".
const char* TrendMarkName(TrendMark mark) noexcept;

}  // namespace benchgate

#endif  // BENCHGATE_GATE_DIFF_SUMMARY_H_
