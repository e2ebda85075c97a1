#include "run_checks.h"

#include "benchgate/error.h"
#include "gate/budget_resolve.h"

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

}  // namespace benchgate::tool
