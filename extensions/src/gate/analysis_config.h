// What an analysis is asked: the compared metric, the test's level and
// method, the tolerance, the noise limit, budgets and history.
#ifndef BENCHGATE_GATE_ANALYSIS_CONFIG_H_
#define BENCHGATE_GATE_ANALYSIS_CONFIG_H_

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "benchgate/budget_rule.h"
#include "benchgate/stats/mann_whitney.h"
#include "gate/adaptive.h"
#include "gate/history.h"
#include "model/sample_set.h"

namespace benchgate {

// How many times the same benchmarks may be judged as rounds are added (the
// runner's first pass and its extra rounds, gate/more_rounds.h). Above 1
// the looks share alpha. A benchmark's look k is the number of rounds its
// candidate samples come from. Look 1 (the first pass, which decides nearly
// everything) tests at kFirstLookShare of the level. A suspect of look 1
// (`confirming`) keeps that level at its later looks, which confirm it:
// its p-value is the largest of its looks', since every one must find it.
// Any other benchmark's looks 2..`count` share the rest of the level at one
// nominal level (Pocock's over those looks: stats/repeated_normal_looks.h).
// The two parts join by Bonferroni's inequality: P(p <= u) <= share u +
// (1 - share) u. p_value is the repeated p-value (p_method "repeated-..."),
// the smallest over the looks so far (the largest for a suspect):
// `earlier_p` holds each benchmark's from the looks before. The shift's
// interval stays at ci_level: a regression needs the repeated p-value
// within alpha anyway, and the interval's margin can only take calls away
// (repeated intervals too cost 3 points of detection in the burst
// simulation and spared no false alarm).
struct RepeatedLooks {
  int count = 1;
  std::map<std::string, double> earlier_p;
  std::set<std::string> confirming;
};

// The share of alpha that the first look spends when later looks may follow.
inline constexpr double kFirstLookShare = 0.65;

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
  // Looks at the same benchmarks as rounds are added (RepeatedLooks).
  RepeatedLooks looks;
  // Two separate runs whose machine's speed differs (AnalyzeSuite sets it
  // from the runs' probes): time verdicts such a shift could produce are
  // not trusted (DiscountMachineChange).
  std::optional<MachineChange> machine;
};

inline AnalysisConfig AnalysisConfigFrom(double alpha) {
  AnalysisConfig config;
  config.alpha = alpha;
  return config;
}

}  // namespace benchgate

#endif  // BENCHGATE_GATE_ANALYSIS_CONFIG_H_
