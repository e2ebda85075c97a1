// The verdict engine on hand-made runs whose verdicts are known.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "benchgate/gate/analysis.h"

namespace benchgate {
namespace {

SampleSet Set(const std::string& name, double centre, double step) {
  SampleSet set;
  set.name = name;
  for (int i = 0; i < 10; ++i) set.real_time_ns.push_back(centre + step * i);
  set.cpu_time_ns = set.real_time_ns;
  return set;
}

RunData MakeRun(std::vector<SampleSet> sets) {
  RunData run;
  run.benchmarks = std::move(sets);
  return run;
}

// BM_Slow: every candidate value above every baseline value, +30%;
// BM_Same: identical samples; BM_New: only in the candidate; BM_Gone: only
// in the baseline. Hand-derived verdicts.
TEST(AnalysisTest, VerdictsOfAKnownSuite) {
  const RunData baseline =
      MakeRun({Set("BM_Slow", 1000, 1), Set("BM_Same", 500, 1), Set("BM_Gone", 1, 0.1)});
  const RunData candidate =
      MakeRun({Set("BM_Slow", 1300, 1), Set("BM_Same", 500, 1), Set("BM_New", 7, 0.1)});
  const SuiteAnalysis suite = AnalyzeSuite(candidate, &baseline, AnalysisConfig{});
  ASSERT_EQ(suite.benchmarks.size(), 4u);
  EXPECT_EQ(suite.benchmarks[0].status, VerdictStatus::kRegression);
  EXPECT_EQ(suite.benchmarks[1].status, VerdictStatus::kUnchanged);
  EXPECT_EQ(suite.benchmarks[2].status, VerdictStatus::kAdded);
  EXPECT_EQ(suite.benchmarks[3].status, VerdictStatus::kRemoved);
  EXPECT_EQ(suite.benchmarks[3].samples.name, "BM_Gone");
  EXPECT_TRUE(suite.gate_failed);
  EXPECT_EQ(suite.regressions, 1u);
  // Complete separation of 10 vs 10: exact two-sided p = 2 / C(20, 10) = 1.0825e-5.
  EXPECT_NEAR(suite.benchmarks[0].comparison->p_value, 2.0 / 184756, 1e-15);
  EXPECT_EQ(suite.benchmarks[0].comparison->p_method, "exact");
  // BH over the two judged benchmarks: the smallest p is doubled (m / rank = 2).
  EXPECT_NEAR(suite.benchmarks[0].comparison->p_adjusted, 2 * 2.0 / 184756, 1e-15);
}

// Holm on request: with three judged p-values the middle one is multiplied
// by 2 (m - rank + 1) instead of BH's 3/2.
TEST(AnalysisTest, HolmOnRequest) {
  const RunData baseline = MakeRun({Set("A", 1000, 1), Set("B", 1000, 1), Set("C", 1000, 1)});
  const RunData candidate = MakeRun({Set("A", 1300, 1), Set("B", 1004, 1), Set("C", 1000, 1)});
  AnalysisConfig config;
  const SuiteAnalysis bh = AnalyzeSuite(candidate, &baseline, config);
  config.holm = true;
  const SuiteAnalysis holm = AnalyzeSuite(candidate, &baseline, config);
  const double p_b = bh.benchmarks[1].comparison->p_value;
  ASSERT_LT(p_b, bh.benchmarks[2].comparison->p_value);
  EXPECT_GT(p_b, bh.benchmarks[0].comparison->p_value);
  EXPECT_NEAR(bh.benchmarks[1].comparison->p_adjusted, 1.5 * p_b, 1e-12);
  EXPECT_NEAR(holm.benchmarks[1].comparison->p_adjusted, 2 * p_b, 1e-12);
}

// Too few samples or an unstable benchmark is inconclusive, with the reason.
TEST(AnalysisTest, InconclusiveWithReasons) {
  SampleSet few = Set("BM_Few", 1000, 1);
  few.real_time_ns.resize(3);
  // 1000, 1100, ..., 1900: mean 1450, sd (n-1) 100 x sd(0..9) = 302.77,
  // CV 302.77 / 1450 = 20.9% (hand calculation; R: sd(x) / mean(x)).
  SampleSet noisy = Set("BM_Noisy", 1000, 100);
  const RunData baseline = MakeRun({Set("BM_Few", 1000, 1), Set("BM_Noisy", 1000, 1)});
  const SuiteAnalysis suite = AnalyzeSuite(MakeRun({few, noisy}), &baseline, AnalysisConfig{});
  EXPECT_EQ(suite.benchmarks[0].status, VerdictStatus::kInconclusive);
  EXPECT_EQ(suite.benchmarks[0].reasons[0],
            "too few samples (10 baseline, 3 candidate; need 5 each)");
  EXPECT_EQ(suite.benchmarks[1].status, VerdictStatus::kInconclusive);
  EXPECT_EQ(suite.benchmarks[1].reasons[0], "unstable: CV 20.9% above the 5.0% limit");
  EXPECT_FALSE(suite.gate_failed);
}

}  // namespace
}  // namespace benchgate
