// Extra rounds (gate/more_rounds.h) on hand-made verdicts and samples: who
// needs another round, how the rounds' samples are merged, and what the
// rounds did to each verdict (confirmed, cleared, still undecided, decided).
#include <gtest/gtest.h>

#include <cstdint>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "gate/analysis.h"
#include "gate/more_rounds.h"
#include "stats/repeated_normal_looks.h"
#include "support/sample_sets.h"

namespace benchgate {
namespace {

using test::MakeRun;

// A benchmark with `status`, one sample per entry of `rounds` (its round).
BenchmarkAnalysis Verdict(const std::string& name, VerdictStatus status,
                          std::vector<std::uint32_t> rounds = {}) {
  BenchmarkAnalysis b;
  b.samples.name = name;
  b.samples.real_time_ns.assign(rounds.empty() ? 5 : rounds.size(), 1000);
  b.samples.rounds = std::move(rounds);
  b.status = status;
  return b;
}

SuiteAnalysis Suite(std::vector<BenchmarkAnalysis> benchmarks) {
  SuiteAnalysis suite;
  suite.benchmarks = std::move(benchmarks);
  return suite;
}

SampleSet Set(const std::string& name, double first, double step) {
  SampleSet set;
  set.name = name;
  for (int i = 0; i < 10; ++i) set.real_time_ns.push_back(first + step * i);
  set.cpu_time_ns = set.real_time_ns;
  set.iterations.assign(set.real_time_ns.size(), 1000);
  return set;
}

TEST(MoreRoundsTest, SuspectsAreTheVerdictsThatFailTheGate) {
  const SuiteAnalysis suite = Suite({Verdict("BM_Reg", VerdictStatus::kRegression),
                                     Verdict("BM_Same", VerdictStatus::kUnchanged),
                                     Verdict("BM_Budget", VerdictStatus::kBudgetExceeded),
                                     Verdict("BM_Open", VerdictStatus::kInconclusive),
                                     Verdict("BM_Fast", VerdictStatus::kImprovement)});
  EXPECT_EQ(Suspects(suite), (std::vector<std::string>{"BM_Reg", "BM_Budget"}));
}

// A suspect needs 1 + confirm undisturbed rounds of the candidate.
TEST(MoreRoundsTest, ASuspectNeedsMoreRoundsUntilConfirmOfThemAreUndisturbed) {
  BenchmarkAnalysis one = Verdict("BM_One", VerdictStatus::kRegression, {0, 0, 0});
  BenchmarkAnalysis two = Verdict("BM_Two", VerdictStatus::kRegression, {0, 0, 1, 1});
  BenchmarkAnalysis disturbed =
      Verdict("BM_Disturbed", VerdictStatus::kBudgetExceeded, {0, 0, 1, 1});
  disturbed.comparison = Comparison{};
  disturbed.comparison->candidate_rounds_set_aside = {0};  // only round 1 counts
  const SuiteAnalysis suite = Suite({one, two, disturbed});
  EXPECT_EQ(NeedMoreRounds(suite, 1, false), (std::vector<std::string>{"BM_One", "BM_Disturbed"}));
  EXPECT_EQ(NeedMoreRounds(suite, 2, false),
            (std::vector<std::string>{"BM_One", "BM_Two", "BM_Disturbed"}));
  EXPECT_TRUE(NeedMoreRounds(suite, 0, false).empty());  // the first round is enough
}

// Undecided ones only while rounds for them are left, and only when their
// own samples are the problem (more_helps).
TEST(MoreRoundsTest, AnUndecidedBenchmarkNeedsMoreRoundsOnlyWhenMoreHelps) {
  BenchmarkAnalysis noisy = Verdict("BM_Noisy", VerdictStatus::kInconclusive);
  noisy.undecided = Undecided::kUnstable;
  noisy.more_helps = true;
  BenchmarkAnalysis no_baseline = Verdict("BM_NoBaseline", VerdictStatus::kInconclusive);
  no_baseline.undecided = Undecided::kNoBaseline;
  BenchmarkAnalysis same = Verdict("BM_Same", VerdictStatus::kUnchanged);
  same.more_helps = true;  // decided: more_helps does not count
  const SuiteAnalysis suite = Suite({noisy, no_baseline, same});
  EXPECT_EQ(NeedMoreRounds(suite, 1, true), std::vector<std::string>{"BM_Noisy"});
  EXPECT_TRUE(NeedMoreRounds(suite, 1, false).empty());
}

TEST(MoreRoundsTest, MarkingSaysWhatTheRoundsDidToEachVerdict) {
  SuiteAnalysis suite = Suite({
      Verdict("BM_Confirmed", VerdictStatus::kRegression, {0, 0, 1, 1}),
      Verdict("BM_Cleared", VerdictStatus::kUnchanged, {0, 1, 2}),
      Verdict("BM_StillOpen", VerdictStatus::kInconclusive, {0, 1}),
      Verdict("BM_Decided", VerdictStatus::kImprovement, {0, 1}),
      Verdict("BM_NotAgain", VerdictStatus::kUnchanged, {0, 0}),
  });
  MarkExtraRounds(suite, {"BM_Confirmed", "BM_Cleared"}, 2);
  EXPECT_EQ(suite.extra_rounds, 2);
  const auto& b = suite.benchmarks;
  EXPECT_EQ(b[0].extra_rounds, 1);
  EXPECT_EQ(b[0].confirmation, "confirmed");
  EXPECT_EQ(b[0].reasons, std::vector<std::string>{"confirmed after 1 extra round"});
  EXPECT_EQ(b[1].extra_rounds, 2);
  EXPECT_EQ(b[1].confirmation, "cleared");
  EXPECT_EQ(b[1].reasons, std::vector<std::string>{
                              "cleared after 2 extra rounds: the first verdict did not hold"});
  EXPECT_EQ(b[2].confirmation, "");
  EXPECT_EQ(b[2].reasons, std::vector<std::string>{"still undecided after 1 extra round"});
  EXPECT_EQ(b[3].confirmation, "");
  EXPECT_EQ(b[3].reasons, std::vector<std::string>{"decided after 1 extra round"});
  EXPECT_EQ(b[4].extra_rounds, 0);  // never measured again: nothing said
  EXPECT_TRUE(b[4].reasons.empty());
}

// benchgate-ab's first pass is --rounds processes: only rounds beyond them are extra.
TEST(MoreRoundsTest, ExtraRoundsCountFromTheFirstPassRounds) {
  SuiteAnalysis suite = Suite({Verdict("BM_A", VerdictStatus::kUnchanged, {0, 1, 2, 3}),
                               Verdict("BM_B", VerdictStatus::kUnchanged, {0, 1, 2})});
  MarkExtraRounds(suite, {}, 1, 3);
  EXPECT_EQ(suite.benchmarks[0].extra_rounds, 1);
  EXPECT_EQ(suite.benchmarks[1].extra_rounds, 0);
  EXPECT_TRUE(suite.benchmarks[1].reasons.empty());
}

TEST(MoreRoundsTest, MergingAppendsToTheNamesakeAndSkipsErrored) {
  RunData run = MakeRun({Set("BM_A", 100, 1), Set("BM_B", 200, 1)});
  SampleSet broken = Set("BM_B", 900, 1);
  broken.errored = true;
  MergeSamples(run, MakeRun({Set("BM_A", 110, 1), broken, Set("BM_New", 1, 1)}));
  ASSERT_EQ(run.benchmarks.size(), 2u);  // no benchmark is added
  EXPECT_EQ(run.benchmarks[0].real_time_ns.size(), 20u);
  EXPECT_EQ(run.benchmarks[0].real_time_ns[10], 110);
  EXPECT_EQ(run.benchmarks[1].real_time_ns.size(), 10u);
}

// A +30% regression measured again the same: confirmed after one extra
// round, and only the suspect is measured again.
TEST(MoreRoundsTest, ARegressionThatHoldsIsConfirmed) {
  const RunData baseline = MakeRun({Set("BM_Slow", 1000, 1), Set("BM_Same", 500, 1)});
  RunData run = MakeRun({Set("BM_Slow", 1300, 1), Set("BM_Same", 500, 1)});
  const AnalysisConfig config;
  std::vector<std::vector<std::string>> asked;
  std::ostringstream log;
  const SuiteAnalysis suite = MeasureUntilSettled(
      run, &baseline, config, AnalyzeSuite(run, &baseline, config), ExtraRoundLimits{1, 3, 0},
      [&](const std::vector<std::string>& names, int round) {
        asked.push_back(names);
        EXPECT_EQ(round, 1);
        return MakeRun({Set("BM_Slow", 1300, 1)});
      },
      log);
  EXPECT_EQ(asked, std::vector<std::vector<std::string>>{{"BM_Slow"}});
  EXPECT_EQ(log.str(), "benchgate: extra round 1 of at most 3: measuring 1 benchmark again\n");
  EXPECT_EQ(run.benchmarks[0].real_time_ns.size(), 20u);
  EXPECT_EQ(run.benchmarks[0].rounds.back(), 1u);  // labelled with its round
  EXPECT_EQ(suite.extra_rounds, 1);
  EXPECT_EQ(suite.benchmarks[0].status, VerdictStatus::kRegression);
  EXPECT_EQ(suite.benchmarks[0].confirmation, "confirmed");
  EXPECT_EQ(suite.benchmarks[0].extra_rounds, 1);
  EXPECT_EQ(suite.benchmarks[1].extra_rounds, 0);
  EXPECT_TRUE(suite.gate_failed);
}

// The runner's looks share alpha (AnalysisConfig::looks): the first look
// tests at kFirstLookShare (0.65) of the level, later ones share the rest;
// each look's p-value is the repeated one, the smallest so far.
TEST(MoreRoundsTest, LooksShareAlphaThroughRepeatedPValues) {
  const RunData baseline = MakeRun({Set("BM_Slow", 1000, 1)});
  RunData run = MakeRun({Set("BM_Slow", 1300, 1)});
  AnalysisConfig config;
  const SuiteAnalysis plain = AnalyzeSuite(run, &baseline, config);
  config.looks.count = 4;
  const SuiteAnalysis first = AnalyzeSuite(run, &baseline, config);
  const Comparison& once = *plain.benchmarks[0].comparison;
  const Comparison& looked = *first.benchmarks[0].comparison;
  // Every candidate sample above every baseline one: the exact U test's
  // 2 / C(20, 10) = 1.0825e-05 (scipy.stats.mannwhitneyu(range(1000, 1010),
  // range(1300, 1310)).pvalue).
  EXPECT_EQ(once.p_method, "exact");
  EXPECT_NEAR(once.p_value, 2.0 / 184756, 1e-15);
  EXPECT_EQ(looked.p_method, "repeated-exact");
  EXPECT_DOUBLE_EQ(looked.p_value, 2.0 / 184756 / 0.65);
  EXPECT_EQ(looked.shift_lo, once.shift_lo);  // the interval stays at 95%
  EXPECT_EQ(looked.shift_hi, once.shift_hi);
  EXPECT_EQ(first.benchmarks[0].status, VerdictStatus::kRegression);
  // An earlier look's smaller p-value stands.
  AnalysisConfig later = config;
  later.looks.earlier_p["BM_Slow"] = 1e-9;
  EXPECT_EQ(AnalyzeSuite(run, &baseline, later).benchmarks[0].comparison->p_value, 1e-9);
  // MeasureUntilSettled carries them from look to look. A suspect's later
  // looks confirm it, at the first look's level: the confirmation round,
  // 1310..1319, puts 20 candidate samples above 10 (2 / C(30, 10)), and the
  // largest of its looks' p-values stands.
  std::ostringstream log;
  const SuiteAnalysis suite = MeasureUntilSettled(
      run, &baseline, config, first, ExtraRoundLimits{1, 3, 0},
      [&](const std::vector<std::string>&, int) { return MakeRun({Set("BM_Slow", 1310, 1)}); },
      log);
  EXPECT_EQ(suite.benchmarks[0].comparison->p_method, "repeated-exact");
  EXPECT_DOUBLE_EQ(suite.benchmarks[0].comparison->p_value, 2.0 / 184756 / 0.65);
  EXPECT_EQ(suite.benchmarks[0].confirmation, "confirmed");
}

// An undecided benchmark's later looks share what the first look left
// (0.35 of alpha) at Pocock's level over looks 2..4.
TEST(MoreRoundsTest, AnUndecidedBenchmarksLaterLooksShareTheRest) {
  const RunData baseline = MakeRun({Set("BM_Few", 1000, 1)});
  SampleSet few = Set("BM_Few", 1300, 1);
  few.real_time_ns.resize(3);  // too few samples: more would help
  few.cpu_time_ns.resize(3);
  few.iterations.resize(3);
  RunData run = MakeRun({few});
  AnalysisConfig config;
  config.looks.count = 4;
  const SuiteAnalysis first = AnalyzeSuite(run, &baseline, config);
  ASSERT_EQ(first.benchmarks[0].undecided, Undecided::kTooFew);
  std::ostringstream log;
  const SuiteAnalysis suite = MeasureUntilSettled(
      run, &baseline, config, first, ExtraRoundLimits{1, 3, 0},
      [&](const std::vector<std::string>&, int) { return MakeRun({Set("BM_Few", 1310, 1)}); }, log);
  // Look 2: 13 candidate samples above 10, the exact U test's 2 / C(23, 10).
  const Comparison& c = *suite.benchmarks[0].comparison;
  EXPECT_EQ(c.p_method, "repeated-exact");
  EXPECT_DOUBLE_EQ(c.p_value, RepeatedNormalLooks::For(2, 4).RepeatedP(2.0 / 1144066) / 0.35);
  EXPECT_EQ(suite.benchmarks[0].status, VerdictStatus::kRegression);
  EXPECT_EQ(suite.extra_rounds, 1);
}

// The first round was a burst: measured again at the baseline's speed, the
// slow round is set aside as disturbed and the regression is cleared.
TEST(MoreRoundsTest, ARegressionThatDoesNotHoldIsCleared) {
  const RunData baseline = MakeRun({Set("BM_Slow", 1000, 1)});
  RunData run = MakeRun({Set("BM_Slow", 1300, 1)});
  const AnalysisConfig config;
  std::ostringstream log;
  const SuiteAnalysis suite = MeasureUntilSettled(
      run, &baseline, config, AnalyzeSuite(run, &baseline, config), ExtraRoundLimits{1, 3, 0},
      [&](const std::vector<std::string>&, int) { return MakeRun({Set("BM_Slow", 1000, 1)}); },
      log);
  ASSERT_TRUE(suite.benchmarks[0].comparison.has_value());
  EXPECT_EQ(suite.benchmarks[0].comparison->candidate_rounds_set_aside,
            std::vector<std::uint32_t>{0});
  EXPECT_EQ(suite.benchmarks[0].status, VerdictStatus::kUnchanged);
  EXPECT_EQ(suite.benchmarks[0].confirmation, "cleared");
  EXPECT_FALSE(suite.gate_failed);
}

// An undecided benchmark that no round settles: measured again up to
// max_rounds, then left inconclusive.
TEST(MoreRoundsTest, NoMoreThanMaxRoundsForTheUndecided) {
  SampleSet few = Set("BM_Few", 1000, 1);
  few.real_time_ns.resize(3);  // too few samples: more would help
  few.cpu_time_ns.resize(3);
  few.iterations.resize(3);
  const RunData baseline = MakeRun({Set("BM_Few", 1000, 1)});
  RunData run = MakeRun({few});
  const AnalysisConfig config;
  const SuiteAnalysis first = AnalyzeSuite(run, &baseline, config);
  ASSERT_EQ(first.benchmarks[0].undecided, Undecided::kTooFew);
  ASSERT_TRUE(first.benchmarks[0].more_helps);
  int measured = 0;
  std::ostringstream log;
  SampleSet broken;
  broken.name = "BM_Few";
  broken.errored = true;  // each round fails: nothing is added
  const SuiteAnalysis suite = MeasureUntilSettled(
      run, &baseline, config, first, ExtraRoundLimits{1, 2, 0},
      [&](const std::vector<std::string>&, int) {
        ++measured;
        return MakeRun({broken});
      },
      log);
  EXPECT_EQ(measured, 2);
  EXPECT_EQ(suite.extra_rounds, 2);
  EXPECT_EQ(suite.benchmarks[0].status, VerdictStatus::kInconclusive);
}

}  // namespace
}  // namespace benchgate
