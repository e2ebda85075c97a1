// The BENCHGATE_BUDGET registry of this process (budget.h registers into
// it) and the check of a rule built in code.
#ifndef BENCHGATE_GATE_BUDGET_REGISTRY_H_
#define BENCHGATE_GATE_BUDGET_REGISTRY_H_

#include <vector>

#include "benchgate/budget_rule.h"

namespace benchgate {

// Snapshot of the BENCHGATE_BUDGET registrations of this process, sorted by
// file and line, each checked with ValidateBudgetRule (throws benchgate::Error).
std::vector<BudgetRule> CodeBudgets();

// Throws benchgate::Error(origin_file, origin_place, "expected ...") when the
// pattern is invalid, a statistic unknown, a value negative or not finite, or
// the rule sets no limit at all. The threshold reader checks its own input
// with exact positions; this is for rules built in code.
void ValidateBudgetRule(const BudgetRule& rule);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_BUDGET_REGISTRY_H_
