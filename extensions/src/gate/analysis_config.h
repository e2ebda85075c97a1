// What an analysis is asked: the compared metric, the test's level and
// method, the tolerance, the noise limit, budgets and history.
#ifndef BENCHGATE_GATE_ANALYSIS_CONFIG_H_
#define BENCHGATE_GATE_ANALYSIS_CONFIG_H_

#include <cstddef>
#include <string>
#include <vector>

#include "benchgate/budget_rule.h"
#include "benchgate/stats/mann_whitney.h"
#include "gate/adaptive.h"
#include "gate/history.h"
#include "model/sample_set.h"

namespace benchgate {

struct AnalysisConfig {
  double alpha = 0.05;      // suite-wide, after multiple-testing control
  bool holm = false;        // Holm (family-wise) instead of Benjamini-Hochberg (FDR)
  double tolerance = 0.05;  // static tolerance until history-based ones exist
  // What is compared: "real_time", "cpu_time" or a user counter's name, and
  // which way is worse. Times and bytes: higher is worse; rates
  // (items_per_second, ...): lower is worse (HigherIsBetter() infers it).
  // History and budgets stay on real time.
  std::string metric = "real_time";
  bool higher_is_better = false;
  // What the runs measured: budgets judge only the limits of this measure.
  Measure measure = Measure::kTime;
  // The U test's p-value: exact up to kExactMaxSize per side without ties
  // (kAuto), or one method always, e.g. kAsymptotic to reproduce compare.py.
  MannWhitneyMethod p_method = MannWhitneyMethod::kAuto;
  // Above this CV of the kept samples (slow outliers set aside) on either
  // side: unstable, judged inconclusive.
  double max_cv = 0.05;
  // Slow outliers (interference only adds time) are set aside on both
  // sides before the decision; false judges every sample.
  bool set_aside_slow = true;
  // Fail the gate when more than this share of the judged benchmarks stay
  // inconclusive; 1 (the default) never fails for that.
  double max_undecided = 1.0;
  // A verdict needs the shift's CI beyond this share of the tolerance (and
  // its estimate beyond the tolerance): confident the change is practically
  // large, not merely different from zero. 0 gives the bare "CI clear of zero".
  double ci_margin = 0.6;
  std::size_t min_samples = 5;  // per side, for a verdict
  double ci_level = 0.95;
  // Budgets from code (BENCHGATE_BUDGET) and threshold files, resolved per
  // benchmark; a matching max_regression replaces `tolerance`.
  std::vector<BudgetRule> budgets;
  // Earlier runs on this environment (may be null): each benchmark's
  // tolerance is learned from them, and without a baseline the candidate is
  // judged against their centre.
  const BenchmarkHistory* history = nullptr;
  AdaptiveConfig adaptive;
};

inline AnalysisConfig AnalysisConfigFrom(double alpha) {
  AnalysisConfig config;
  config.alpha = alpha;
  return config;
}

}  // namespace benchgate

#endif  // BENCHGATE_GATE_ANALYSIS_CONFIG_H_
