// Compiled as C++17 (tests/CMakeLists.txt): budget.h is a public header that
// users include in their benchmark files.
#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "benchgate/budget.h"
#include "benchgate/error.h"
#include "gate/budget_registry.h"
#include "gate/name_pattern.h"
#include "support/budget_rules.h"
#include "support/error_message.h"

// At global scope, exactly like DESIGN.md's example.
constexpr int kLookupLine = __LINE__ + 1;
BENCHGATE_BUDGET("BM_Lookup/.*").P99(std::chrono::microseconds(10)).MaxRegression(0.05);

namespace benchgate {
namespace {

using test::LimitOf;
using test::Rule;

// Inside a named and an anonymous namespace, chained over several lines.
constexpr int kParseLine = __LINE__ + 1;
BENCHGATE_BUDGET("BM_Parse")
    .Median(std::chrono::nanoseconds(250))
    .Mean(std::chrono::duration<double, std::milli>(2.5))
    .P50(std::chrono::nanoseconds(1))
    .P90(std::chrono::nanoseconds(2))
    .P95(std::chrono::nanoseconds(3))
    .Max(std::chrono::seconds(1))
    .Cv(0.03)
    .LatencyP99(std::chrono::microseconds(4))
    .LatencyP999(std::chrono::milliseconds(2))
    .AllocsPerIter(0)
    .BytesPerIter(1024)
    .Instructions(52000)
    .CounterMin("items_per_second", 1e6)
    .CounterMax("items_per_second", 5e6)
    .P99(std::chrono::microseconds(7))
    .P99(std::chrono::microseconds(8));  // set twice: the last value counts

// Two on one line need distinct variable names (__COUNTER__, not __LINE__).
// clang-format off
constexpr int kPairLine = __LINE__ + 1;
BENCHGATE_BUDGET("BM_A").Mean(std::chrono::nanoseconds(1)); BENCHGATE_BUDGET("BM_B").Cv(0.1);
// clang-format on

const std::string kThisFile = __FILE__;

std::vector<BudgetRule> BudgetsOfThisFile() {
  std::vector<BudgetRule> out;
  for (const BudgetRule& rule : CodeBudgets()) {
    if (rule.origin_file == kThisFile) out.push_back(rule);
  }
  return out;
}

TEST(BudgetMacroTest, RegistersEveryBudgetWithItsOriginInLineOrder) {
  const auto rules = BudgetsOfThisFile();
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[0].pattern, "BM_Lookup/.*");
  EXPECT_EQ(rules[0].origin, kThisFile + ":" + std::to_string(kLookupLine));
  EXPECT_EQ(rules[0].origin_place, std::to_string(kLookupLine));
  EXPECT_EQ(rules[0].source_rank, kRankCode);
  EXPECT_EQ(rules[1].pattern, "BM_Parse");
  EXPECT_EQ(rules[1].origin, kThisFile + ":" + std::to_string(kParseLine));
  EXPECT_EQ(rules[2].pattern, "BM_A");
  EXPECT_EQ(rules[3].pattern, "BM_B");
  EXPECT_EQ(rules[2].origin, kThisFile + ":" + std::to_string(kPairLine));
  EXPECT_EQ(rules[3].origin, kThisFile + ":" + std::to_string(kPairLine));
}

// Hand conversions: 10 us = 1e4 ns, 2.5 ms = 2.5e6 ns, 1 s = 1e9 ns.
TEST(BudgetMacroTest, BuilderStoresLimitsInNanosecondsAndFractions) {
  const auto rules = BudgetsOfThisFile();
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(LimitOf(rules[0], "p99"), 1e4);
  ASSERT_TRUE(rules[0].max_regression.has_value());
  EXPECT_EQ(*rules[0].max_regression, 0.05);

  const BudgetRule& parse = rules[1];
  EXPECT_EQ(parse.limits.size(), 15u);  // p99 once although set twice
  EXPECT_EQ(LimitOf(parse, "median"), 250.0);
  EXPECT_EQ(LimitOf(parse, "mean"), 2.5e6);
  EXPECT_EQ(LimitOf(parse, "p50"), 1.0);
  EXPECT_EQ(LimitOf(parse, "p90"), 2.0);
  EXPECT_EQ(LimitOf(parse, "p95"), 3.0);
  EXPECT_EQ(LimitOf(parse, "p99"), 8e3);
  EXPECT_EQ(LimitOf(parse, "max"), 1e9);
  EXPECT_EQ(LimitOf(parse, "cv"), 0.03);
  EXPECT_EQ(LimitOf(parse, "latency_p99"), 4e3);
  EXPECT_EQ(LimitOf(parse, "latency_p999"), 2e6);
  EXPECT_EQ(LimitOf(parse, "allocs_per_iter"), 0.0);
  EXPECT_EQ(LimitOf(parse, "bytes_per_iter"), 1024.0);
  EXPECT_EQ(LimitOf(parse, "instructions"), 52000.0);
  EXPECT_EQ(LimitOf(parse, "counter:items_per_second", /*is_minimum=*/true), 1e6);
  EXPECT_EQ(LimitOf(parse, "counter:items_per_second", /*is_minimum=*/false), 5e6);
  EXPECT_FALSE(parse.max_regression.has_value());
}

std::string ErrorOf(const BudgetRule& rule) {
  return test::ErrorMessageOf([&] { ValidateBudgetRule(rule); });
}

TEST(BudgetValidationTest, AcceptsAValidRule) {
  EXPECT_EQ(ErrorOf(Rule("BM_.*", {{"p99", 1, false}}, kRankCode, "x.cc:1")), "no error");
  EXPECT_EQ(ErrorOf(Rule("BM_X", {{"counter:delta", -5, true}}, kRankCode, "x.cc:1")), "no error");
  EXPECT_EQ(ErrorOf(Rule("BM_X", {}, kRankCode, "x.cc:1", 0.0)), "no error");
}

TEST(BudgetValidationTest, NamesTheOriginAndWhatWasExpected) {
  EXPECT_EQ(ErrorOf(Rule("BM_(", {{"p99", 1, false}}, kRankCode, "bench/x.cc:42")),
            "bench/x.cc:42: expected a valid regular expression (RE2), got \"BM_(\": "
            "unbalanced parentheses ( )");
  EXPECT_EQ(ErrorOf(Rule("BM_X", {{"p99", -1, false}}, kRankCode, "bench/x.cc:7")),
            "bench/x.cc:7: expected a finite, non-negative limit for p99, got -1");
  EXPECT_EQ(ErrorOf(Rule("BM_X", {{"p98", 1, false}}, kRankCode, "x.cc:3")),
            "x.cc:3: expected a budget statistic (median, mean, p50, p90, p95, p99, max, cv, "
            "latency_p99, latency_p999, allocs_per_iter, bytes_per_iter or counter:<name>), got "
            "\"p98\"");
  EXPECT_EQ(ErrorOf(Rule("BM_X", {{"counter:", 1, false}}, kRankCode, "x.cc:3")),
            "x.cc:3: expected a budget statistic (median, mean, p50, p90, p95, p99, max, cv, "
            "latency_p99, latency_p999, allocs_per_iter, bytes_per_iter or counter:<name>), got "
            "\"counter:\"");
  EXPECT_EQ(ErrorOf(Rule("BM_X", {{"median", 1, true}}, kRankCode, "x.cc:3")),
            "x.cc:3: expected a minimum only for counters, got one for median");
  EXPECT_EQ(ErrorOf(Rule("BM_X", {}, kRankCode, "x.cc:9", -0.5)),
            "x.cc:9: expected a finite, non-negative max_regression, got -0.5");
  EXPECT_EQ(ErrorOf(Rule("BM_X", {}, kRankCode, "x.cc:9")),
            "x.cc:9: expected at least one limit in the budget for \"BM_X\"");
}

TEST(BudgetValidationTest, PatternProblemsInPlainWords) {
  EXPECT_EQ(NamePatternProblem("BM_.*"), std::nullopt);
  EXPECT_EQ(NamePatternProblem(""), "an empty pattern");
  EXPECT_EQ(NamePatternProblem("BM_("), "unbalanced parentheses ( )");
  EXPECT_EQ(NamePatternProblem("BM_[a"), "unbalanced brackets [ ]");
  // RE2 syntax: a '{' that starts no valid repeat is a literal.
  EXPECT_EQ(NamePatternProblem("BM_a{2"), std::nullopt);
  EXPECT_EQ(NamePatternProblem("BM_\\"), "a trailing backslash");
  EXPECT_EQ(NamePatternProblem("BM_\\q"), "an invalid escape");
  EXPECT_EQ(NamePatternProblem("BM_[z-a]"), "an invalid character range");
  EXPECT_EQ(NamePatternProblem("*BM"), "a repeat (*, +, ?, {n}) with nothing to repeat");
  EXPECT_EQ(NamePatternProblem("BM_a{1001}"), "an invalid repeat count in { }");
  EXPECT_EQ(NamePatternProblem("BM_(?=x)"),
            "an invalid group or lookaround (RE2 has no lookarounds)");
}

}  // namespace
}  // namespace benchgate
