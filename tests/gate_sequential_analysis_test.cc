// AnalyzeSequential's stopping rules on rounds whose log ratios are known by
// hand: each process reports c x {0.99, 1, 1.01, 1.02, 0.98} (fastest
// repetition 0.98 c, no slow outlier), so a round's log ratio is
// log(candidate c / baseline c).
//
// The design's numbers used below, for looks 6..30 at 95% (two-sided) and
// kFalseQuiet = 5% (one-sided), from stats_repeated_sign_test_test's exact
// computation: two-sided nominal level 1/64 = 0.015625, so the interval at
// the last look is [x_(8), x_(23)] (P(Bin(30, 1/2) <= 7) = 0.00261 <=
// 0.0078 < P(<= 8) = 0.00806): a regression at any look leaves at most 7
// rounds short of the margin; one-sided nominal 0.0176, so "unchanged" at
// round 30 allows at most 8 rounds beyond the tolerance (P(<= 8) = 0.00806
// <= 0.0176 < P(<= 9) = 0.0214). Binomial tails: R's pbinom(7, 30, 0.5),
// pbinom(8, 30, 0.5), pbinom(9, 30, 0.5).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "gate/sequential_analysis.h"
#include "support/sample_sets.h"

namespace benchgate {
namespace {

SampleSet Process(const std::string& name, double centre) {
  SampleSet set =
      test::SampleSetOf(name, {centre * 0.99, centre, centre * 1.01, centre * 1.02, centre * 0.98});
  set.iterations.assign(set.real_time_ns.size(), 1000);
  return set;
}

struct Rounds {
  std::vector<RunData> base, cand;
  // One round of BM_A with this candidate/baseline ratio.
  void Add(double ratio) {
    base.emplace_back();
    cand.emplace_back();
    base.back().benchmarks.push_back(Process("BM_A", 1000));
    cand.back().benchmarks.push_back(Process("BM_A", 1000 * ratio));
  }
};

AnalysisConfig Config(double tolerance) {
  AnalysisConfig config;
  config.tolerance = tolerance;  // margin: config.ci_margin (0.6) of it
  return config;
}

// +-10% in turn (a little apart so no two rounds tie): half the rounds
// beyond +2%, half short of +1.2% and half short of -1.2%.
double Alternating(std::size_t round) {
  const double jitter = 1 + 0.001 * static_cast<double>(round);
  return round % 2 == 0 ? 1.10 * jitter : 0.90 * jitter;
}

// `count` rounds of Alternating judged with looks 6..last.
SuiteAnalysis JudgeAlternating(std::size_t count, const AnalysisConfig& config, std::size_t last) {
  Rounds rounds;
  for (std::size_t r = 0; r < count; ++r) rounds.Add(Alternating(r));
  return AnalyzeSequential(rounds.base, rounds.cand, config, SequentialDesign{6, last});
}

TEST(AnalyzeSequentialTest, StopsABenchmarkNoLookCouldDecide) {
  const SuiteAnalysis suite = JudgeAlternating(30, Config(0.02), 30);
  ASSERT_EQ(suite.benchmarks.size(), 1u);
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  // After round 17: 9 rounds at +10% (beyond +2%: more than the 8 the last
  // look allows), 8 at -10% (short of +1.2%: more than 7) and 9 short of
  // -1.2%. At round 16 only 8 were beyond +2%: still open.
  EXPECT_EQ(b.look_round, 17);
  EXPECT_TRUE(b.decided_early);
  EXPECT_FALSE(b.open);
  ASSERT_TRUE(b.comparison.has_value());
  EXPECT_EQ(b.comparison->candidate_rounds, 17u);  // the rounds after it are ignored
  // Judged as it stands: the median round is +10% (the 9th of 17), but
  // the interval spans zero.
  EXPECT_EQ(b.status, VerdictStatus::kInconclusive);
  EXPECT_EQ(b.reasons.back(),
            "stopped at round 17 of at most 30: no later look could decide it, its rounds "
            "scatter more than the tolerance can tell apart (9 of 17 beyond +2.0%, 8 not beyond "
            "+1.2%)");
  EXPECT_EQ(suite.last_look, 30);
}

TEST(AnalyzeSequentialTest, KeepsLookingWhileAnOutcomeIsStillPossible) {
  // The same scatter with a last look at 40: the last look allows more rounds
  // short of the margin and beyond the tolerance, so round 17 stops nothing.
  const SuiteAnalysis suite = JudgeAlternating(17, Config(0.02), 40);
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.look_round, 17);
  EXPECT_FALSE(b.decided_early);
  EXPECT_TRUE(b.open);
  EXPECT_EQ(b.reasons.back(),
            "still open after round 17 of at most 40: the rounds ended before a look decided "
            "it");
}

TEST(AnalyzeSequentialTest, ABudgetLimitKeepsABenchmarkOpen) {
  // More rounds may still break a budget's limit: no curtailment.
  AnalysisConfig config = Config(0.02);
  BudgetRule rule;
  rule.pattern = "BM_A";
  rule.limits.push_back(Limit{"median", 1e9, false});
  rule.origin = "test";
  config.budgets.push_back(rule);
  const SuiteAnalysis suite = JudgeAlternating(20, config, 30);
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.look_round, 20);
  EXPECT_TRUE(b.open);
}

TEST(AnalyzeSequentialTest, AWideToleranceStopsAtTheFirstLookAsUnchanged) {
  // At 20% every round lies short of the tolerance: "unchanged" needs 6 of
  // 6 at round 6 (P(Bin(6, 1/2) = 0) = 1/64 <= 0.0176).
  const SuiteAnalysis suite = JudgeAlternating(30, Config(0.20), 30);
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.status, VerdictStatus::kUnchanged);
  EXPECT_EQ(b.look_round, 6);
  EXPECT_EQ(b.reasons.back(),
            "unchanged at round 6 of at most 30: 6 of 6 rounds below +20.0%, no regression "
            "beyond the tolerance (sign test, at most 5.0% wrong across the looks)");
}

}  // namespace
}  // namespace benchgate
