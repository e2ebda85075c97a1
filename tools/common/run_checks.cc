#include "run_checks.h"

#include "benchgate/error.h"
#include "gate/budget_resolve.h"
#include "gate/count_analysis.h"

namespace benchgate::tool {

void CheckMetricInRuns(const std::string& metric, const std::vector<const RunData*>& runs) {
  if (IsTimeMetric(metric)) return;
  for (const RunData* run : runs) {
    for (const SampleSet& set : run->benchmarks) {
      if (!MetricValues(set, metric).empty()) return;
    }
  }
  throw Error("--metric", "",
              "expected real_time, cpu_time or a counter of the runs, got '" + metric + "'");
}

void CheckBudgetsMatchRuns(const std::vector<BudgetRule>& budgets,
                           const std::vector<const RunData*>& candidate) {
  if (budgets.empty()) return;
  std::vector<std::string> names;
  for (const RunData* run : candidate) {
    for (const SampleSet& set : run->benchmarks) names.push_back(set.name);
  }
  CheckPatternsMatch(budgets, names);
}

std::vector<const RunData*> EachRun(const std::vector<RunData>& side) {
  std::vector<const RunData*> runs;
  runs.reserve(side.size());
  for (const RunData& run : side) runs.push_back(&run);
  return runs;
}

void CheckSameMeasure(const std::vector<const RunData*>& runs,
                      const std::vector<std::string>& labels) {
  if (runs.empty()) return;
  const Measure first = runs.front()->measure;
  for (std::size_t i = 1; i < runs.size(); ++i) {
    if (runs[i]->measure == first) continue;
    const std::string label = i < labels.size() ? labels[i] : runs[i]->source;
    const std::string first_label = labels.empty() ? runs.front()->source : labels.front();
    throw Error(label, "", DifferentMeasures(first, "like " + first_label, runs[i]->measure));
  }
}

void UseMeasure(Measure measure, JudgingOptions& options) {
  if (measure != Measure::kInstructions) return;
  if (options.metric != "real_time" && options.metric != kInstructionsMetric) {
    throw Error("--metric", "",
                "expected instructions (the runs counted instructions per iteration), got '" +
                    options.metric + "'");
  }
  options.metric = kInstructionsMetric;
  options.direction = "lower";
  if (!options.tolerance_given) options.tolerance = kInstructionsTolerance;
}

}  // namespace benchgate::tool
