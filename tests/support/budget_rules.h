// Budget rules written out by hand, and reading back one limit of a rule,
// for the tests of BENCHGATE_BUDGET, of the threshold files and of which
// rule wins. C++17: gate_budget_test compiles the public headers as users do.
#ifndef BENCHGATE_TESTS_SUPPORT_BUDGET_RULES_H_
#define BENCHGATE_TESTS_SUPPORT_BUDGET_RULES_H_

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "benchgate/budget_rule.h"

namespace benchgate::test {

// A rule as a source of rank `rank` declares it at `origin` ("file:place",
// or a file alone, whose place is then "").
inline BudgetRule Rule(std::string pattern, std::vector<Limit> limits, int rank, std::string origin,
                       std::optional<double> max_regression = std::nullopt) {
  BudgetRule rule;
  rule.pattern = std::move(pattern);
  rule.limits = std::move(limits);
  rule.source_rank = rank;
  rule.origin = origin;
  const auto colon = origin.find(':');
  rule.origin_file = origin.substr(0, colon);
  rule.origin_place = colon == std::string::npos ? "" : origin.substr(colon + 1);
  rule.max_regression = max_regression;
  return rule;
}

// The value of the rule's limit on `statistic` (a maximum, or with
// is_minimum a minimum); a test failure and -1 when it has none.
inline double LimitOf(const BudgetRule& rule, const std::string& statistic,
                      bool is_minimum = false) {
  for (const Limit& limit : rule.limits) {
    if (limit.statistic == statistic && limit.is_minimum == is_minimum) return limit.value;
  }
  ADD_FAILURE() << "no limit " << statistic;
  return -1;
}

}  // namespace benchgate::test

#endif  // BENCHGATE_TESTS_SUPPORT_BUDGET_RULES_H_
