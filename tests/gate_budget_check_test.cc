#include "gate/budget_check.h"

#include <gtest/gtest.h>

#include <map>

namespace benchgate {
namespace {

ResolvedLimit MaxLimit(const std::string& statistic, double value) {
  return ResolvedLimit{Limit{statistic, value, false}, "BM_.*", "thresholds/t.json:3:18"};
}

ResolvedBudget BudgetOf(std::vector<ResolvedLimit> limits) {
  ResolvedBudget budget;
  budget.limits = std::move(limits);
  return budget;
}

ObserveFn From(std::map<std::string, Observation> seen) {
  return [seen](const std::string& statistic) -> std::optional<Observation> {
    const auto it = seen.find(statistic);
    if (it == seen.end()) return std::nullopt;
    return it->second;
  };
}

// Hand-made intervals around a 10 us limit: entirely above, straddling, below.
TEST(BudgetCheckTest, ExceededOnlyWhenTheWholeIntervalIsAbove) {
  const ResolvedBudget budget = BudgetOf({MaxLimit("p99", 10'000)});
  const auto above = CheckBudget(budget, From({{"p99", {12'100, 11'800, 12'500}}}));
  ASSERT_EQ(above.size(), 1u);
  EXPECT_EQ(above[0].outcome, BudgetOutcome::kExceeded);
  EXPECT_EQ(above[0].reason,
            "p99 12.1 us [11.8 us, 12.5 us] > budget 10.0 us (thresholds/t.json:3:18)");

  const auto inside = CheckBudget(budget, From({{"p99", {10'100, 9'500, 10'900}}}));
  EXPECT_EQ(inside[0].outcome, BudgetOutcome::kUncertain);
  EXPECT_EQ(inside[0].reason,
            "p99 10.1 us [9.50 us, 10.9 us]: budget 10.0 us (thresholds/t.json:3:18) lies inside "
            "the interval");

  const auto below = CheckBudget(budget, From({{"p99", {8'000, 7'900, 8'200}}}));
  EXPECT_EQ(below[0].outcome, BudgetOutcome::kWithin);
}

TEST(BudgetCheckTest, ExactQuantitiesCompareTheEstimate) {
  const ResolvedBudget budget = BudgetOf({MaxLimit("allocs_per_iter", 0)});
  EXPECT_EQ(CheckBudget(budget, From({{"allocs_per_iter", {1, {}, {}}}}))[0].outcome,
            BudgetOutcome::kExceeded);
  EXPECT_EQ(CheckBudget(budget, From({{"allocs_per_iter", {0, {}, {}}}}))[0].outcome,
            BudgetOutcome::kWithin);  // equal to the limit is within
}

TEST(BudgetCheckTest, MinimumLimitsForRates) {
  ResolvedLimit rate{Limit{"counter:items_per_second", 1e6, true}, "BM_Parse", "code.cc:7"};
  const ResolvedBudget budget = BudgetOf({rate});
  const auto slow = CheckBudget(budget, From({{"counter:items_per_second", {5e5, 4.8e5, 5.2e5}}}));
  EXPECT_EQ(slow[0].outcome, BudgetOutcome::kExceeded);
  EXPECT_EQ(slow[0].reason,
            "counter:items_per_second 5e+05 [4.8e+05, 5.2e+05] < budget min 1e+06 (code.cc:7)");
  const auto fast = CheckBudget(budget, From({{"counter:items_per_second", {2e6, 1.9e6, 2.1e6}}}));
  EXPECT_EQ(fast[0].outcome, BudgetOutcome::kWithin);
}

TEST(BudgetCheckTest, UnmeasuredStatisticIsSaidPlainly) {
  const auto findings = CheckBudget(BudgetOf({MaxLimit("latency_p99", 1000)}), From({}));
  EXPECT_EQ(findings[0].outcome, BudgetOutcome::kNotMeasured);
  EXPECT_EQ(findings[0].reason, "latency_p99 not measured (budget thresholds/t.json:3:18)");
}

TEST(BudgetCheckTest, CvReadsAsPercent) {
  const auto findings =
      CheckBudget(BudgetOf({MaxLimit("cv", 0.05)}), From({{"cv", {0.08, 0.06, 0.11}}}));
  EXPECT_EQ(findings[0].reason, "cv 8.0% [6.0%, 11.0%] > budget 5.0% (thresholds/t.json:3:18)");
}

}  // namespace
}  // namespace benchgate
