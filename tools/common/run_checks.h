// What only the runs can tell about the shared options, checked alike by
// benchgate-diff (on the files it read) and benchgate-ab (on its rounds).
#ifndef BENCHGATE_TOOLS_COMMON_RUN_CHECKS_H_
#define BENCHGATE_TOOLS_COMMON_RUN_CHECKS_H_

#include <string>
#include <vector>

#include "benchgate/budget_rule.h"
#include "judging_options.h"
#include "model/sample_set.h"

namespace benchgate::tool {

// Throws benchgate::Error at --metric unless `metric` is real_time, cpu_time
// or a counter of at least one benchmark of `runs` (either side's).
void CheckMetricInRuns(const std::string& metric, const std::vector<const RunData*>& runs);

// Throws benchgate::Error for the first threshold-file rule of `budgets`
// whose pattern matches no benchmark of `candidate` (CheckPatternsMatch).
void CheckBudgetsMatchRuns(const std::vector<BudgetRule>& budgets,
                           const std::vector<const RunData*>& candidate);

// Throws benchgate::Error naming the first of `runs` (`labels`: their files
// or binaries, in the same order) whose measure differs from the first
// one's: runs of different measures are never compared.
void CheckSameMeasure(const std::vector<const RunData*>& runs,
                      const std::vector<std::string>& labels);

// What instructions runs change in the shared options: the metric is
// instructions per iteration (--metric must be left at its default or say
// "instructions"), the tolerance 0.5% unless --tolerance says otherwise.
// Throws benchgate::Error at --metric for another metric.
void UseMeasure(Measure measure, JudgingOptions& options);

// The runs of `side`, as the checks take them.
std::vector<const RunData*> EachRun(const std::vector<RunData>& side);

}  // namespace benchgate::tool

#endif  // BENCHGATE_TOOLS_COMMON_RUN_CHECKS_H_
