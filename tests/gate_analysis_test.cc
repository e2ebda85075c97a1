// The verdict engine on hand-made runs whose verdicts are known.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gate/analysis.h"
#include "support/sample_sets.h"

namespace benchgate {
namespace {

using test::MakeRun;
using test::SampleSetOf;

// Ten samples: centre, centre + step, ..., centre + 9 step.
SampleSet Set(const std::string& name, double centre, double step) {
  std::vector<double> values;
  for (int i = 0; i < 10; ++i) values.push_back(centre + step * i);
  return SampleSetOf(name, std::move(values));
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

// Errored (SkipWithError) and skipped (SkipWithMessage, Google Benchmark
// 1.8+) benchmarks are reported and never judged: neither fails the gate,
// with or without a baseline, nor joins the multiple-testing family (BM_Slow's
// adjusted p stays its raw p, the family being BM_Slow alone).
TEST(AnalysisTest, ErroredAndSkippedAreReportedNotJudged) {
  SampleSet broken;
  broken.name = "BM_Broken";
  broken.errored = true;
  broken.error_message = "checksum mismatch";
  SampleSet skipped = broken;
  skipped.name = "BM_NoGpu";
  skipped.skipped = true;
  skipped.error_message = "no GPU on this machine";
  const RunData baseline =
      MakeRun({Set("BM_Slow", 1000, 1), Set("BM_Broken", 10, 1), Set("BM_NoGpu", 10, 1)});
  const RunData candidate = MakeRun({Set("BM_Slow", 1000, 1), broken, skipped});
  for (const RunData* base : {&baseline, static_cast<const RunData*>(nullptr)}) {
    const SuiteAnalysis suite = AnalyzeSuite(candidate, base, AnalysisConfig{});
    ASSERT_EQ(suite.benchmarks.size(), 3u);
    EXPECT_EQ(suite.benchmarks[1].status, VerdictStatus::kError);
    EXPECT_EQ(suite.benchmarks[1].reasons, (std::vector<std::string>{"errored: checksum mismatch"}));
    EXPECT_EQ(suite.benchmarks[2].status, VerdictStatus::kSkipped);
    EXPECT_STREQ(VerdictStatusName(suite.benchmarks[2].status), "skipped");
    EXPECT_EQ(suite.benchmarks[2].reasons, (std::vector<std::string>{"no GPU on this machine"}));
    EXPECT_FALSE(suite.benchmarks[2].comparison.has_value());
    EXPECT_EQ(suite.errored, 1u);
    EXPECT_EQ(suite.skipped, 1u);
    EXPECT_FALSE(suite.gate_failed);
    if (base != nullptr) {
      EXPECT_EQ(suite.benchmarks[0].comparison->p_adjusted,
                suite.benchmarks[0].comparison->p_value);
    }
  }
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
  // Its clean side: median 1450, distances 450 350 250 150 50, scale
  // sqrt(412500 / 5) = 287.2, 19.8% of 1450; the noise spread is the smaller
  // of the two, 19.8%. Nothing is beyond the slow fence (1450 + 4.5 x 287.2).
  SampleSet noisy = Set("BM_Noisy", 1000, 100);
  const RunData baseline = MakeRun({Set("BM_Few", 1000, 1), Set("BM_Noisy", 1000, 1)});
  const SuiteAnalysis suite = AnalyzeSuite(MakeRun({few, noisy}), &baseline, AnalysisConfig{});
  EXPECT_EQ(suite.benchmarks[0].status, VerdictStatus::kInconclusive);
  EXPECT_EQ(suite.benchmarks[0].reasons[0],
            "too few samples (10 baseline, 3 candidate; need 5 each)");
  EXPECT_EQ(suite.benchmarks[1].status, VerdictStatus::kInconclusive);
  EXPECT_EQ(suite.benchmarks[1].reasons[0],
            "unstable: noise of the candidate 19.8% above the 5.0% limit");
  EXPECT_EQ(suite.benchmarks[1].undecided, Undecided::kUnstable);
  EXPECT_TRUE(suite.benchmarks[1].more_helps);
  EXPECT_FALSE(suite.gate_failed);
  ASSERT_EQ(suite.undecided.size(), 2u);
  EXPECT_EQ(suite.undecided[0], (std::pair<std::string, std::size_t>{"unstable", 1}));
  EXPECT_EQ(suite.undecided[1], (std::pair<std::string, std::size_t>{"too few samples", 1}));
}

// Issue 11's first case: the baseline had four repetitions inside a burst,
// the candidate is a clean +28%. Judged on every sample the U test gives
// p = 0.1431 (SciPy 1.10.1: mannwhitneyu(baseline, candidate,
// method="exact"), U = 30) and the regression passed. With the four slow
// ones set aside (fence 299.0: median 280.5 + 5 x 1.4826 x 2.5, see
// stats_slow_outliers_test.cc) it is 6 vs 10 completely separated: exact
// p = 2 / C(16, 6) = 2.4975e-4 (SciPy: method="exact").
TEST(AnalysisTest, BurstInTheBaselineCannotHideARegression) {
  const RunData baseline =
      MakeRun({SampleSetOf("BM_Spin", {278, 276, 279, 396, 542, 545, 309, 277, 280, 281})});
  std::vector<double> clean;
  for (int i = 0; i < 10; ++i) clean.push_back(360 + 0.5 * i);
  const RunData candidate = MakeRun({SampleSetOf("BM_Spin", clean)});
  const SuiteAnalysis suite = AnalyzeSuite(candidate, &baseline, AnalysisConfig{});
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.status, VerdictStatus::kRegression);
  ASSERT_TRUE(b.comparison);
  EXPECT_EQ(b.comparison->p_method, "trimmed-exact");
  EXPECT_NEAR(b.comparison->p_value, 2.0 / 8008, 1e-15);
  EXPECT_EQ(b.comparison->p_method_all, "exact");
  EXPECT_NEAR(b.comparison->p_value_all, 0.143140141592154, 1e-12);
  EXPECT_EQ(b.comparison->baseline_set_aside, (std::vector<std::size_t>{3, 4, 5, 6}));
  EXPECT_TRUE(b.comparison->candidate_set_aside.empty());
  EXPECT_EQ(b.reasons.back(), "set aside as interference: 4 of 10 samples (baseline)");
}

// A loop the compiler removed runs in a fraction of a cycle: nothing was
// measured, so nothing is judged, and the gate cannot fail on it.
TEST(AnalysisTest, OptimisedAwayIsNeverJudged) {
  const RunData baseline = MakeRun({SampleSetOf("BM_Empty", std::vector<double>(10, 3.4e-7))});
  const RunData candidate = MakeRun({SampleSetOf("BM_Empty", std::vector<double>(10, 5.6e-7))});
  const SuiteAnalysis suite = AnalyzeSuite(candidate, &baseline, AnalysisConfig{});
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.status, VerdictStatus::kInconclusive);
  EXPECT_EQ(b.undecided, Undecided::kOptimisedAway);
  EXPECT_FALSE(b.more_helps);
  EXPECT_EQ(b.reasons.at(0),
            "nothing measured: 5.6e-07 ns per iteration is less than one CPU cycle; the loop body "
            "was probably optimised away (benchmark::DoNotOptimize keeps it)");
  EXPECT_FALSE(suite.gate_failed);
  // Without a baseline too.
  const SuiteAnalysis alone = AnalyzeSuite(candidate, nullptr, AnalysisConfig{});
  EXPECT_EQ(alone.benchmarks[0].status, VerdictStatus::kInconclusive);
  EXPECT_EQ(alone.benchmarks[0].undecided, Undecided::kOptimisedAway);
}

// An estimate beyond the tolerance whose interval reaches back inside it is
// undecided, not "unchanged": more samples can tell.
TEST(AnalysisTest, IntervalStraddlingTheToleranceIsUndecided) {
  const std::vector<double> base = {960, 970, 980, 990, 1000, 1000, 1010, 1020, 1030, 1040};
  std::vector<double> slower;
  for (const double v : base) slower.push_back(v * 1.06);
  const RunData baseline = MakeRun({SampleSetOf("BM_X", base)});
  const SuiteAnalysis suite =
      AnalyzeSuite(MakeRun({SampleSetOf("BM_X", slower)}), &baseline, AnalysisConfig{});
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.status, VerdictStatus::kInconclusive);
  EXPECT_EQ(b.undecided, Undecided::kStraddles);
  EXPECT_TRUE(b.more_helps);
  EXPECT_NEAR(b.comparison->shift, 0.06, 1e-12);
  EXPECT_LT(b.comparison->shift_lo, 0.6 * 0.05);
}

// A whole round slower than the benchmark's best round was disturbed: set
// aside as a block, so a burst over a confirmation round cannot undo (or
// fake) a finding. Round 0: the baseline's values; round 1: all +40%.
TEST(AnalysisTest, DisturbedRoundIsSetAsideWhole) {
  const std::vector<double> base = {1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009};
  SampleSet cand = SampleSetOf("BM_X", base);
  for (const double v : base) cand.real_time_ns.push_back(v * 1.4);
  cand.cpu_time_ns = cand.real_time_ns;
  cand.rounds.assign(10, 0);
  cand.rounds.resize(20, 1);
  const RunData baseline = MakeRun({SampleSetOf("BM_X", base)});
  const SuiteAnalysis suite = AnalyzeSuite(MakeRun({cand}), &baseline, AnalysisConfig{});
  const Comparison& c = *suite.benchmarks[0].comparison;
  EXPECT_EQ(suite.benchmarks[0].status, VerdictStatus::kUnchanged);
  EXPECT_EQ(c.candidate_rounds, 2u);
  EXPECT_EQ(c.candidate_rounds_set_aside, (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(c.candidate_set_aside.size(), 10u);
  EXPECT_EQ(suite.benchmarks[0].reasons.back(),
            "set aside as interference: round 1 (disturbed: slower than its best round) and 10 of "
            "20 samples (candidate)");
}

// A team may refuse a pass that judged little: more than max_undecided of
// the judged benchmarks inconclusive fails the gate.
TEST(AnalysisTest, TooManyUndecidedFailsTheGateOnRequest) {
  SampleSet few = Set("BM_Few", 1000, 1);
  few.real_time_ns.resize(3);
  const RunData baseline = MakeRun({Set("BM_Few", 1000, 1), Set("BM_Ok", 1000, 1)});
  const RunData candidate = MakeRun({few, Set("BM_Ok", 1000, 1)});
  AnalysisConfig config;
  EXPECT_FALSE(AnalyzeSuite(candidate, &baseline, config).gate_failed);
  config.max_undecided = 0.5;  // 1 of 2 is not more than half
  EXPECT_FALSE(AnalyzeSuite(candidate, &baseline, config).gate_failed);
  config.max_undecided = 0.4;
  const SuiteAnalysis suite = AnalyzeSuite(candidate, &baseline, config);
  EXPECT_TRUE(suite.gate_failed);
  EXPECT_TRUE(suite.too_many_undecided);
}

}  // namespace
}  // namespace benchgate
