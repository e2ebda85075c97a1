#include <gtest/gtest.h>

#include <string>

#include "gate/diff_summary.h"

namespace benchgate {
namespace {

BenchmarkAnalysis WithMedians(VerdictStatus status, double base, double cand) {
  BenchmarkAnalysis b;
  b.status = status;
  Comparison c;
  c.baseline_median = base;
  c.candidate_median = cand;
  c.change = cand / base - 1;
  b.comparison = c;
  return b;
}

BenchmarkAnalysis Alone(VerdictStatus status) {
  BenchmarkAnalysis b;
  b.status = status;
  return b;
}

BenchmarkAnalysis WithChange(VerdictStatus status, double change) {
  return WithMedians(status, 100, 100 * (1 + change));
}

TEST(DiffSummaryTest, GeometricMeanOfMedianRatios) {
  // Hand calculation: ratios 4, 2 and 1; (4 * 2 * 1)^(1/3) = 2, minus 1 = 1.
  SuiteAnalysis suite;
  suite.benchmarks = {WithMedians(VerdictStatus::kRegression, 10, 40),
                      WithMedians(VerdictStatus::kRegression, 5, 10),
                      WithMedians(VerdictStatus::kUnchanged, 7, 7)};
  const DiffSummary summary = SummarizeDiff(suite);
  EXPECT_EQ(summary.geomean_status, StatStatus::kOk);
  EXPECT_EQ(summary.geomean_count, 3u);
  EXPECT_NEAR(summary.geomean_change, 1.0, 1e-12);
}

TEST(DiffSummaryTest, GeometricMeanIsNotTheArithmeticMean) {
  // Hand calculation: ratios 1.21 and 1; sqrt(1.21) = 1.1, so +10%
  // (the arithmetic mean of the changes would be +10.5%).
  SuiteAnalysis suite;
  suite.benchmarks = {WithMedians(VerdictStatus::kRegression, 100, 121),
                      WithMedians(VerdictStatus::kUnchanged, 3, 3)};
  EXPECT_NEAR(SummarizeDiff(suite).geomean_change, 0.1, 1e-12);
  // Ratios 2 and 0.5 cancel: (2 * 0.5)^(1/2) - 1 = 0.
  suite.benchmarks = {WithMedians(VerdictStatus::kRegression, 1, 2),
                      WithMedians(VerdictStatus::kImprovement, 2, 1)};
  EXPECT_NEAR(SummarizeDiff(suite).geomean_change, 0.0, 1e-12);
}

TEST(DiffSummaryTest, EveryComparisonCountsWhateverItsVerdict) {
  // Inconclusive and over-budget benchmarks still have medians: 1.21 and 1
  // give +10% as above.
  SuiteAnalysis suite;
  suite.benchmarks = {WithMedians(VerdictStatus::kInconclusive, 100, 121),
                      WithMedians(VerdictStatus::kBudgetExceeded, 3, 3),
                      Alone(VerdictStatus::kAdded)};
  const DiffSummary summary = SummarizeDiff(suite);
  EXPECT_EQ(summary.geomean_count, 2u);
  EXPECT_NEAR(summary.geomean_change, 0.1, 1e-12);
}

TEST(DiffSummaryTest, MediansThatCannotBeLoggedAreLeftOut) {
  SuiteAnalysis suite;
  suite.benchmarks = {WithMedians(VerdictStatus::kUnchanged, 0, 5),
                      WithMedians(VerdictStatus::kUnchanged, 5, 0),
                      WithMedians(VerdictStatus::kRegression, 100, 121)};
  const DiffSummary summary = SummarizeDiff(suite);
  EXPECT_EQ(summary.geomean_count, 1u);
  EXPECT_NEAR(summary.geomean_change, 0.21, 1e-12);
}

TEST(DiffSummaryTest, NoComparisonGivesEmptyNotNaN) {
  SuiteAnalysis suite;
  suite.benchmarks = {Alone(VerdictStatus::kAdded), Alone(VerdictStatus::kRemoved)};
  const DiffSummary summary = SummarizeDiff(suite);
  EXPECT_EQ(summary.geomean_status, StatStatus::kEmpty);
  EXPECT_EQ(summary.geomean_change, 0.0);
  EXPECT_EQ(summary.geomean_count, 0u);
  EXPECT_EQ(SummarizeDiff(SuiteAnalysis{}).geomean_status, StatStatus::kEmpty);
}

TEST(DiffSummaryTest, CountsEveryVerdict) {
  using V = VerdictStatus;
  SuiteAnalysis suite;
  for (const V status : {V::kRegression, V::kRegression, V::kImprovement, V::kUnchanged,
                         V::kUnchanged, V::kUnchanged, V::kInconclusive, V::kAdded, V::kRemoved,
                         V::kBudgetExceeded, V::kError, V::kSkipped, V::kSkipped, V::kPass}) {
    suite.benchmarks.push_back(Alone(status));
  }
  const DiffSummary s = SummarizeDiff(suite);
  EXPECT_EQ(s.regressions, 2u);
  EXPECT_EQ(s.improvements, 1u);
  EXPECT_EQ(s.unchanged, 3u);
  EXPECT_EQ(s.inconclusive, 1u);
  EXPECT_EQ(s.added, 1u);
  EXPECT_EQ(s.removed, 1u);
  EXPECT_EQ(s.budget_exceeded, 1u);
  EXPECT_EQ(s.errored, 1u);
  EXPECT_EQ(s.skipped, 2u);
}

TEST(TrendTest, StrongMeansMoreThanTenPercent) {
  using V = VerdictStatus;
  EXPECT_EQ(Trend(WithChange(V::kRegression, 0.30)), TrendMark::kStrongRegression);
  EXPECT_EQ(Trend(WithChange(V::kRegression, 0.1001)), TrendMark::kStrongRegression);
  EXPECT_EQ(Trend(WithChange(V::kRegression, 0.09)), TrendMark::kRegression);
  EXPECT_EQ(Trend(WithChange(V::kImprovement, -0.1001)), TrendMark::kStrongImprovement);
  EXPECT_EQ(Trend(WithChange(V::kImprovement, -0.09)), TrendMark::kImprovement);
  EXPECT_EQ(Trend(WithChange(V::kUnchanged, 0.2)), TrendMark::kUnchanged);
}

TEST(TrendTest, ExactlyTenPercentIsNotStrong) {
  // "above 10%": the boundary itself is the plain level.
  BenchmarkAnalysis b = WithChange(VerdictStatus::kRegression, 0);
  b.comparison->change = kStrongChange;
  EXPECT_EQ(Trend(b), TrendMark::kRegression);
  b.status = VerdictStatus::kImprovement;
  b.comparison->change = -kStrongChange;
  EXPECT_EQ(Trend(b), TrendMark::kImprovement);
}

TEST(TrendTest, VerdictDecidesTheDirection) {
  // A regression verdict (judged on the Hodges-Lehmann shift) whose median
  // change is slightly negative is still a regression, never an improvement.
  EXPECT_EQ(Trend(WithChange(VerdictStatus::kRegression, -0.01)), TrendMark::kRegression);
}

TEST(TrendTest, OtherVerdictsAreNotJudged) {
  using V = VerdictStatus;
  for (const V status :
       {V::kPass, V::kInconclusive, V::kBudgetExceeded, V::kAdded, V::kRemoved, V::kError,
        V::kSkipped}) {
    EXPECT_EQ(Trend(WithChange(status, 0.5)), TrendMark::kNotJudged) << VerdictStatusName(status);
  }
  EXPECT_EQ(Trend(Alone(V::kAdded)), TrendMark::kNotJudged);
}

TEST(TrendTest, Names) {
  EXPECT_STREQ(TrendMarkName(TrendMark::kStrongImprovement), "strong_improvement");
  EXPECT_STREQ(TrendMarkName(TrendMark::kStrongRegression), "strong_regression");
  EXPECT_STREQ(TrendMarkName(TrendMark::kNotJudged), "not_judged");
}

}  // namespace
}  // namespace benchgate
