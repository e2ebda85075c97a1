// AnalyzeSequential's stopping rules on rounds whose log ratios are known by
// hand: each process reports c x {0.99, 1, 1.01, 1.02, 0.98} (fastest
// repetition 0.98 c, no slow outlier), so a round's log ratio is
// log(candidate c / baseline c).
//
// The design's numbers used below, for looks 6..30 at alpha 0.05:
// - the signed-rank test of n rounds all on one side has the exact
//   two-sided p-value 2 / 2^n (SciPy: wilcoxon([1..n]).pvalue); the repeated
//   p-value is RepeatedNormalLooks::For(6, 30).RepeatedP of it, whose
//   nominal level for 5% is 0.0096 (stats_repeated_normal_looks_test; a
//   Brownian-motion simulation in Python gives 0.0096 too): 2/128 = 0.0156
//   at round 7 is above it, 2/256 = 0.0078 at round 8 below;
// - "unchanged" (one-sided sign test, kFalseQuiet = 20%): one-sided nominal
//   23/256 = 0.0898 from stats_repeated_sign_test_test's exact computation,
//   so round 6 needs 6 of 6 rounds short of the tolerance (1/64 <= 0.0898 <
//   P(Bin(6, 1/2) <= 1) = 7/64).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "gate/sequential_analysis.h"
#include "stats/repeated_normal_looks.h"
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

// +-size in turn (a little apart so no two rounds tie): at size 2.5%, half
// the rounds beyond +2%, half short of +1.2% and half short of -1.2%.
double Alternating(std::size_t round, double size) {
  const double jitter = 1 + 0.0002 * static_cast<double>(round);
  return round % 2 == 0 ? (1 + size) * jitter : (1 - size) * jitter;
}

// `count` rounds of Alternating judged with looks 6..last.
SuiteAnalysis JudgeAlternating(std::size_t count, const AnalysisConfig& config, std::size_t last,
                               double size = 0.025) {
  Rounds rounds;
  for (std::size_t r = 0; r < count; ++r) rounds.Add(Alternating(r, size));
  return AnalyzeSequential(rounds.base, rounds.cand, config, SequentialDesign{6, last});
}

TEST(AnalyzeSequentialTest, ARegressionStopsAtTheFirstLookWhosePValueAllowsForTheLooks) {
  Rounds rounds;
  for (std::size_t r = 0; r < 30; ++r) rounds.Add(1.10 * (1 + 0.001 * static_cast<double>(r)));
  const SuiteAnalysis suite =
      AnalyzeSequential(rounds.base, rounds.cand, Config(0.02), SequentialDesign{6, 30});
  ASSERT_EQ(suite.benchmarks.size(), 1u);
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.status, VerdictStatus::kRegression);
  EXPECT_EQ(b.look_round, 8);
  EXPECT_TRUE(b.decided_early);
  EXPECT_FALSE(b.open);
  ASSERT_TRUE(b.comparison.has_value());
  EXPECT_EQ(b.comparison->candidate_rounds, 8u);  // the rounds after it are ignored
  EXPECT_EQ(b.comparison->p_method, "signed-rank-sequential");
  EXPECT_DOUBLE_EQ(b.comparison->p_value, RepeatedNormalLooks::For(6, 30).RepeatedP(2.0 / 256));
  EXPECT_GT(RepeatedNormalLooks::For(6, 30).RepeatedP(2.0 / 128), 0.05);  // not at round 7
  EXPECT_EQ(b.reasons.back(),
            "decided at round 8 of at most 30: the p-value allows for every look; an early "
            "stop's estimate leans away from zero");
  EXPECT_EQ(suite.last_look, 30);
}

TEST(AnalyzeSequentialTest, RoundsTheToleranceCannotTellApartRunToTheLastLook) {
  // Half the rounds at +2.5%, half at -2.5%: never significant, never short
  // of the tolerance often enough to stop as "unchanged", never too wide to
  // decide (round 10's interval is about +-2.5% wide, x sqrt(10 / 30) well
  // within 1.5 x 2%); judged at round 30 as the fixed design judges (the
  // estimate within the tolerance, not significant: unchanged, with no
  // early-stop reason).
  const SuiteAnalysis suite = JudgeAlternating(30, Config(0.02), 30);
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.look_round, 30);
  EXPECT_FALSE(b.decided_early);
  EXPECT_FALSE(b.open);
  EXPECT_EQ(b.status, VerdictStatus::kUnchanged);
  EXPECT_EQ(b.reasons,
            std::vector<std::string>{"+0.3% [+0.1%, +0.4%], p=0.08 adj 0.08 not significant; "
                                     "tolerance 2.0%"});
  ASSERT_TRUE(b.comparison.has_value());
  EXPECT_EQ(b.comparison->candidate_rounds, 30u);
}

TEST(AnalyzeSequentialTest, KeepsLookingWhileAnOutcomeIsStillPossible) {
  // The rounds end at 17 with a last look at 40: open, and said so.
  const SuiteAnalysis suite = JudgeAlternating(17, Config(0.02), 40);
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.look_round, 17);
  EXPECT_FALSE(b.decided_early);
  EXPECT_TRUE(b.open);
  EXPECT_EQ(b.reasons.back(),
            "still open after round 17 of at most 40: the rounds ended before a look decided "
            "it");
}

TEST(AnalyzeSequentialTest, AWideToleranceStopsAtTheFirstLookAsUnchanged) {
  // At 20% every round lies short of the tolerance: "unchanged" needs 6 of
  // 6 at round 6 (P(Bin(6, 1/2) = 0) = 1/64 <= 0.0898).
  const SuiteAnalysis suite = JudgeAlternating(30, Config(0.20), 30);
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.status, VerdictStatus::kUnchanged);
  EXPECT_EQ(b.look_round, 6);
  EXPECT_EQ(b.reasons.back(),
            "unchanged at round 6 of at most 30: 6 of 6 rounds below +20.0%, no regression "
            "beyond the tolerance (sign test, at most 20.0% wrong across the looks)");
}

TEST(AnalyzeSequentialTest, ABenchmarkTooNoisyForTheToleranceStopsAtTheFirstFutilityLook) {
  // +-10% in turn: at round 10 the Tukey interval (the 9th and 47th of the
  // 55 Walsh averages, P(T+ <= 8) = 25/1024 <= 0.025 for n = 10) is
  // [-9.9%, +10.1%], in log units a half-width of 0.1002 (NumPy on the ten
  // log ratios); narrowed to round 30 by sqrt(10 / 30): 0.0579, +-6.0%,
  // beyond 1.5 x log 1.02 = 0.0297 with the estimate short of the margin:
  // no round left could decide it. Its estimate is within the tolerance,
  // but "unchanged" needs the sign test's proof, which 5 of 10 rounds
  // beyond +2% deny: inconclusive, not unchanged. The rounds that would
  // narrow it to 0.0297: 10 x (0.1002 / 0.0297)^2 = 113.9, beyond the 100
  // a run may take, so the reason points to the instructions measure.
  const SuiteAnalysis suite = JudgeAlternating(30, Config(0.02), 30, 0.10);
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.look_round, 10);
  EXPECT_TRUE(b.decided_early);
  EXPECT_FALSE(b.open);
  EXPECT_EQ(b.status, VerdictStatus::kInconclusive);
  EXPECT_EQ(b.undecided, Undecided::kUnstable);
  EXPECT_EQ(suite.inconclusive, 1u);
  EXPECT_EQ(suite.unchanged, 0u);
  EXPECT_EQ(b.reasons.back(),
            "stopped at round 10 of at most 30: too noisy to decide at the 2.0% tolerance; its "
            "interval, narrowed to round 30's width, would still reach +-6.0%: more than the "
            "100 rounds a run may take (count instructions: benchgate-ab --measure "
            "instructions)");
  // Without the stop it runs to the last look.
  Rounds rounds;
  for (std::size_t r = 0; r < 30; ++r) rounds.Add(Alternating(r, 0.10));
  SequentialDesign design{6, 30};
  design.stop_futile = false;
  EXPECT_EQ(
      AnalyzeSequential(rounds.base, rounds.cand, Config(0.02), design).benchmarks[0].look_round,
      30);
}

TEST(AnalyzeSequentialTest, AFutilityStopSaysHowManyRoundsCouldDecideIt) {
  // +-6% in turn: at round 10 the Tukey interval is [-5.9%, +6.1%], in log
  // units a half-width of 0.05997 (NumPy on the ten log ratios, as above);
  // narrowed to round 30: 0.0346, beyond 0.0297. The rounds whose interval
  // would be 0.0297 wide on each side: 10 x (0.05997 / 0.02970)^2 = 40.8,
  // so 41, within what a run may take.
  const SuiteAnalysis suite = JudgeAlternating(30, Config(0.02), 30, 0.06);
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.look_round, 10);
  EXPECT_EQ(b.undecided, Undecided::kUnstable);
  EXPECT_EQ(b.reasons.back(),
            "stopped at round 10 of at most 30: too noisy to decide at the 2.0% tolerance; its "
            "interval, narrowed to round 30's width, would still reach +-3.5%: about 41 rounds "
            "could decide it (benchgate-ab --max-rounds 41)");
}

TEST(AnalyzeSequentialTest, ANoisyBaselineStopsOnceItsNoiseIsShownAboveTheLimit) {
  // Every baseline process spreads its repetitions over 1.00..1.24 c (noise
  // far above the 5% limit, no slow outlier); the candidate's are quiet.
  // Unstable at every look; 6 of 6 noisy rounds reject "the median round
  // is within the limit" (1/64 <= 0.0898, as the unchanged stop).
  Rounds rounds;
  for (std::size_t r = 0; r < 30; ++r) {
    rounds.Add(1.0);
    SampleSet noisy = test::SampleSetOf("BM_A", {1000, 1060, 1120, 1180, 1240});
    noisy.iterations.assign(noisy.real_time_ns.size(), 1000);
    rounds.base.back().benchmarks[0] = noisy;
  }
  const SuiteAnalysis suite =
      AnalyzeSequential(rounds.base, rounds.cand, Config(0.02), SequentialDesign{6, 30});
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.status, VerdictStatus::kInconclusive);
  EXPECT_EQ(b.undecided, Undecided::kUnstable);
  EXPECT_EQ(b.look_round, 6);
  EXPECT_FALSE(b.open);
  EXPECT_EQ(b.reasons.back(),
            "stopped at round 6 of at most 30: the baseline's noise above the 5.0% limit in 6 of "
            "6 rounds, more rounds would not settle it (sign test, at most 20.0% wrong across "
            "the looks)");
}

TEST(AnalyzeSequentialTest, ABurstRoundIsSetAsideFromTheTestAndTheInterval) {
  // +10% every round but the third, where a burst slowed the baseline
  // process by 2.5x (d = log(1.1 / 2.5) = -0.82, beyond 5 x the median
  // |d| of 0.095). Kept, it would hold the top rank against the slowdown;
  // set aside, round 9 has 8 rounds all up: 2 / 256, as the clean
  // regression's round 8.
  Rounds rounds;
  for (std::size_t r = 0; r < 30; ++r) {
    rounds.Add(r == 2 ? 1.1 / 2.5 : 1.10 * (1 + 0.001 * static_cast<double>(r)));
  }
  const SuiteAnalysis suite =
      AnalyzeSequential(rounds.base, rounds.cand, Config(0.02), SequentialDesign{6, 30});
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.status, VerdictStatus::kRegression);
  EXPECT_EQ(b.look_round, 9);
  ASSERT_TRUE(b.comparison.has_value());
  EXPECT_DOUBLE_EQ(b.comparison->p_value, RepeatedNormalLooks::For(6, 30).RepeatedP(2.0 / 256));
  EXPECT_GT(b.comparison->shift_lo, 0.09);  // the burst is out of the interval too
  EXPECT_EQ(b.reasons[b.reasons.size() - 2],
            "1 of 9 rounds set aside as bursts over a whole process (|d| above 5x their "
            "median): the test and the interval use the other 8");
}

}  // namespace
}  // namespace benchgate
