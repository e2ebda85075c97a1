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

// `count` rounds of Alternating judged with looks 6..last (suspects to
// `suspect`).
SuiteAnalysis JudgeAlternating(std::size_t count, const AnalysisConfig& config, std::size_t last,
                               double size = 0.025, std::size_t suspect = 0) {
  Rounds rounds;
  for (std::size_t r = 0; r < count; ++r) rounds.Add(Alternating(r, size));
  return AnalyzeSequential(rounds.base, rounds.cand, config, SequentialDesign{6, last, suspect});
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

// Suspects: +10% and -4% in turn (each x 1 + 0.0002 r, so no two tie): every
// rise outranks every fall, half the rounds lie beyond +2% (never
// "unchanged"), and the estimate, the middle of the Walsh averages, sits
// near (log 1.10 + log 0.96) / 2, beyond the tolerance (never futile).
double Lopsided(std::size_t round) {
  return (round % 2 == 0 ? 1.10 : 0.96) * (1 + 0.0002 * static_cast<double>(round));
}

SuiteAnalysis JudgeLopsided(std::size_t count, const SequentialDesign& design) {
  Rounds rounds;
  for (std::size_t r = 0; r < count; ++r) rounds.Add(Lopsided(r));
  return AnalyzeSequential(rounds.base, rounds.cand, Config(0.02), design);
}

TEST(AnalyzeSequentialTest, ASuspectGoesOnPastTheLastLookUntilItsRegressionIsShown) {
  // References (tests/reference/suspect_rounds.py, the exact null
  // distribution of the signed-rank statistic counted in Python integers, no ties, no round set
  // aside as a burst: |d| is 0.04-0.10 throughout): at round 30 the estimate is +3.1% [+2.9%,
  // +3.2%] and the smallest exact p so far 0.0138 (round 29), short of For(6, 60)'s nominal 0.0066;
  // the smallest before round 37 is round 35's, W- = 153, 2 x 120,640,797 / 2^35 = 0.00702; round
  // 37's W- = 171 gives 2 x 386,069,408 / 2^37 = 0.00562, below the nominal level: decided there
  // (estimate +3.1%, its interval's lower end +3.0%, clear of the margin).
  constexpr int kRound = 37;
  constexpr double kAt = 772138816.0 / 137438953472.0;
  constexpr double kBefore = 241281594.0 / 34359738368.0;
  const SuiteAnalysis suite = JudgeLopsided(60, SequentialDesign{6, 30, 60});
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.status, VerdictStatus::kRegression);
  EXPECT_EQ(b.look_round, kRound);
  EXPECT_TRUE(b.decided_early);
  EXPECT_FALSE(b.open);
  EXPECT_TRUE(b.suspect);
  ASSERT_TRUE(b.comparison.has_value());
  EXPECT_EQ(b.comparison->candidate_rounds, static_cast<std::size_t>(kRound));
  EXPECT_DOUBLE_EQ(b.comparison->p_value, RepeatedNormalLooks::For(6, 60).RepeatedP(kAt));
  EXPECT_GT(RepeatedNormalLooks::For(6, 60).RepeatedP(kBefore), 0.05);
  EXPECT_EQ(suite.last_look, 30);
  ASSERT_GE(b.reasons.size(), 2u);
  EXPECT_EQ(b.reasons[b.reasons.size() - 2],
            "a suspect: its estimate beyond the 2.0% tolerance at round 30, the last look, so "
            "looked at to round 60 by the regression test alone");
  EXPECT_EQ(b.reasons.back(), "decided at round " + std::to_string(kRound) +
                                  " of at most 60: the p-value allows for every look; an early "
                                  "stop's estimate leans away from zero");

  // Without suspects, round 30 judges it as it stands: not significant yet.
  const SuiteAnalysis without = JudgeLopsided(60, SequentialDesign{6, 30});
  const BenchmarkAnalysis& at30 = without.benchmarks[0];
  EXPECT_EQ(at30.look_round, 30);
  EXPECT_EQ(at30.status, VerdictStatus::kInconclusive);
  EXPECT_FALSE(at30.open);
  EXPECT_FALSE(at30.suspect);

  // Rounds that end before it is decided leave it open, and say so.
  const SuiteAnalysis ended = JudgeLopsided(kRound - 1, SequentialDesign{6, 30, 60});
  const BenchmarkAnalysis& cut = ended.benchmarks[0];
  EXPECT_EQ(cut.look_round, kRound - 1);
  EXPECT_TRUE(cut.open);
  EXPECT_EQ(cut.status, VerdictStatus::kInconclusive);
  EXPECT_EQ(cut.reasons.back(), "still open after round " + std::to_string(kRound - 1) +
                                    " of at most 60: the rounds ended before a look decided it");
  // Open at round 30 with more rounds to come: the next round measures it.
  const SuiteAnalysis at_last = JudgeLopsided(30, SequentialDesign{6, 30, 60});
  EXPECT_TRUE(at_last.benchmarks[0].open);
  EXPECT_EQ(OpenBenchmarks(at_last), std::vector<std::string>{"BM_A"});
}

TEST(AnalyzeSequentialTest, ASuspectBackWithinTheToleranceIsNotCalledUnchanged) {
  // The lopsided rounds to round 30 (a suspect), then +3% and -10% in turn
  // (x 1 + 0.0002 r). At round 60 (tests/reference/suspect_rounds.py: SciPy's
  // wilcoxon, the Hodges-Lehmann estimate, its normal-approximation interval): +0.05% [-2.75%,
  // +2.94%], p = 0.56; no prefix's p below 0.0138, short of the nominal
  // 0.0066. Within the tolerance, not significant: the fixed rules say
  // "unchanged", but only the interval could show that, and it reaches
  // beyond the tolerance: undecided.
  Rounds rounds;
  for (std::size_t r = 0; r < 60; ++r) {
    rounds.Add(r < 30 ? Lopsided(r) : (r % 2 == 0 ? 1.03 : 0.90) * (1 + 0.0002 * r));
  }
  const SuiteAnalysis suite =
      AnalyzeSequential(rounds.base, rounds.cand, Config(0.02), SequentialDesign{6, 30, 60});
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.look_round, 60);
  EXPECT_TRUE(b.suspect);
  EXPECT_FALSE(b.open);
  EXPECT_FALSE(b.decided_early);
  EXPECT_EQ(b.status, VerdictStatus::kInconclusive);
  EXPECT_EQ(b.undecided, Undecided::kStraddles);
  EXPECT_FALSE(b.more_helps);
  ASSERT_TRUE(b.comparison.has_value());
  EXPECT_NEAR(b.comparison->shift, 0.0005, 0.002);
  EXPECT_GT(b.comparison->shift_hi, 0.02);
  EXPECT_EQ(b.reasons.back(),
            "undecided at round 60, its last: its estimate came back within the 2.0% tolerance, "
            "but its interval still reaches beyond it");
}

TEST(AnalyzeSequentialTest, ABenchmarkWithinTheToleranceAtTheLastLookIsNoSuspect) {
  // The alternating +-2.5% rounds: +0.3% at round 30, within the tolerance:
  // judged there as without suspects, whatever rounds follow.
  const SuiteAnalysis suite = JudgeAlternating(60, Config(0.02), 30, 0.025, 60);
  const BenchmarkAnalysis& b = suite.benchmarks[0];
  EXPECT_EQ(b.look_round, 30);
  EXPECT_FALSE(b.open);
  EXPECT_FALSE(b.decided_early);
  EXPECT_EQ(b.status, VerdictStatus::kUnchanged);
  EXPECT_FALSE(b.suspect);
  ASSERT_TRUE(b.comparison.has_value());
  EXPECT_EQ(b.comparison->candidate_rounds, 30u);
  EXPECT_TRUE(OpenBenchmarks(suite).empty());
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
