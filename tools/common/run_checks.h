// What only the runs can tell about the shared options, checked alike by
// benchgate-diff (on the files it read) and benchgate-ab (on its rounds).
#ifndef BENCHGATE_TOOLS_COMMON_RUN_CHECKS_H_
#define BENCHGATE_TOOLS_COMMON_RUN_CHECKS_H_

#include <string>
#include <vector>

#include "benchgate/budget_rule.h"
#include "model/sample_set.h"

namespace benchgate::tool {

// Throws benchgate::Error at --metric unless `metric` is real_time, cpu_time
// or a counter of at least one benchmark of `runs` (either side's).
void CheckMetricInRuns(const std::string& metric, const std::vector<const RunData*>& runs);

// Throws benchgate::Error for the first threshold-file rule of `budgets`
// whose pattern matches no benchmark of `candidate` (CheckPatternsMatch).
void CheckBudgetsMatchRuns(const std::vector<BudgetRule>& budgets,
                           const std::vector<const RunData*>& candidate);

// The runs of `side`, as the checks take them.
std::vector<const RunData*> EachRun(const std::vector<RunData>& side);

}  // namespace benchgate::tool

#endif  // BENCHGATE_TOOLS_COMMON_RUN_CHECKS_H_
