// BENCHGATE_BUDGET's builder and the process-wide registry it fills during
// static initialization, and the checks of rules built in code.
#include "gate/budget_registry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "benchgate/budget.h"
#include "benchgate/error.h"
#include "gate/name_pattern.h"

namespace benchgate {
namespace {

struct Registry {
  std::mutex mutex;
  // A deque: push_back never moves existing elements, so the references
  // handed to BENCHGATE_BUDGET's static variables stay valid.
  std::deque<BudgetBuilder> budgets;
};

Registry& GlobalRegistry() {
  static auto* registry = new Registry();  // never destroyed: used by static initializers
  return *registry;
}

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

bool IsKnownStatistic(const std::string& statistic) {
  for (const char* known : kBudgetStatistics) {
    if (statistic == known) return true;
  }
  const std::string prefix = kCounterStatisticPrefix;
  return statistic.size() > prefix.size() && statistic.compare(0, prefix.size(), prefix) == 0;
}

void CheckLimit(const BudgetRule& rule, const Limit& limit) {
  const auto fail = [&](const std::string& expected) {
    throw Error(rule.origin_file, rule.origin_place, expected);
  };
  if (!IsKnownStatistic(limit.statistic)) {
    fail(
        "expected a budget statistic (median, mean, p50, p90, p95, p99, max, cv, latency_p99, "
        "latency_p999, allocs_per_iter, bytes_per_iter or counter:<name>), got \"" +
        limit.statistic + "\"");
  }
  const bool counter = limit.statistic.rfind(kCounterStatisticPrefix, 0) == 0;
  if (limit.is_minimum && !counter) {
    fail("expected a minimum only for counters, got one for " + limit.statistic);
  }
  if (!std::isfinite(limit.value) || (!counter && limit.value < 0)) {
    fail("expected a finite" + std::string(counter ? "" : ", non-negative") + " limit for " +
         limit.statistic + ", got " + Number(limit.value));
  }
}

}  // namespace

BudgetBuilder::BudgetBuilder(std::string pattern, std::string file, int line) {
  rule_.pattern = std::move(pattern);
  rule_.origin_file = std::move(file);
  rule_.origin_place = std::to_string(line);
  rule_.origin = rule_.origin_file + ":" + rule_.origin_place;
  rule_.source_rank = kRankCode;
}

BudgetBuilder& BudgetBuilder::MaxRegression(double fraction) {
  rule_.max_regression = fraction;
  return *this;
}

BudgetBuilder& BudgetBuilder::Set(const std::string& statistic, double value, bool is_minimum) {
  for (Limit& limit : rule_.limits) {
    if (limit.statistic == statistic && limit.is_minimum == is_minimum) {
      limit.value = value;
      return *this;
    }
  }
  rule_.limits.push_back(Limit{statistic, value, is_minimum});
  return *this;
}

namespace internal {

BudgetBuilder& RegisterBudget(const char* pattern, const char* file, int line) {
  Registry& registry = GlobalRegistry();
  const std::lock_guard<std::mutex> lock(registry.mutex);
  return registry.budgets.emplace_back(pattern, file, line);
}

}  // namespace internal

std::vector<BudgetRule> CodeBudgets() {
  std::vector<BudgetRule> rules;
  {
    Registry& registry = GlobalRegistry();
    const std::lock_guard<std::mutex> lock(registry.mutex);
    for (const BudgetBuilder& budget : registry.budgets) rules.push_back(budget.rule());
  }
  // Static initialization order across files is unspecified; file and line
  // give a reproducible order for the "later rule wins" tie-break.
  std::stable_sort(rules.begin(), rules.end(), [](const BudgetRule& a, const BudgetRule& b) {
    if (a.origin_file != b.origin_file) return a.origin_file < b.origin_file;
    return std::stoi(a.origin_place) < std::stoi(b.origin_place);
  });
  for (const BudgetRule& rule : rules) ValidateBudgetRule(rule);
  return rules;
}

void ValidateBudgetRule(const BudgetRule& rule) {
  if (const auto problem = NamePatternProblem(rule.pattern)) {
    throw Error(rule.origin_file, rule.origin_place,
                "expected a valid regular expression (RE2), got " + ShownPattern(rule.pattern) +
                    ": " + *problem);
  }
  for (const Limit& limit : rule.limits) CheckLimit(rule, limit);
  if (rule.max_regression && (!std::isfinite(*rule.max_regression) || *rule.max_regression < 0)) {
    throw Error(
        rule.origin_file, rule.origin_place,
        "expected a finite, non-negative max_regression, got " + Number(*rule.max_regression));
  }
  if (rule.limits.empty() && !rule.max_regression) {
    throw Error(rule.origin_file, rule.origin_place,
                "expected at least one limit in the budget for \"" + rule.pattern + "\"");
  }
}

}  // namespace benchgate
