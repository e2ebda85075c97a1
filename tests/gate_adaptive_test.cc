#include <gtest/gtest.h>

#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "gate/adaptive.h"
#include "gate/history.h"

namespace benchgate {
namespace {

std::vector<HistoryEntry> Runs(const std::vector<double>& medians) {
  std::vector<HistoryEntry> runs;
  for (const double m : medians) runs.push_back(HistoryEntry{m, 0, 10, "t", "c"});
  return runs;
}

TEST(AdaptiveToleranceTest, TooLittleHistoryUsesTheStaticDefaultAndSaysSo) {
  const Tolerance three = ToleranceFor(Runs({100, 101, 99}), AdaptiveConfig{});
  EXPECT_FALSE(three.from_history);
  EXPECT_EQ(three.value, 0.05);
  EXPECT_EQ(three.runs, 3u);
  EXPECT_EQ(three.spread, 0.0);
  EXPECT_EQ(three.centre_ns, 100.0);  // still known: 99, 100, 101 weighted 0.81, 1, 0.9
  EXPECT_EQ(three.explanation, "static 5% (only 3 runs of history, need 5)");
  EXPECT_EQ(ToleranceFor(Runs({100, 101, 99, 100}), AdaptiveConfig{}).explanation,
            "static 5% (only 4 runs of history, need 5)");
  EXPECT_EQ(ToleranceFor(Runs({100}), AdaptiveConfig{}).explanation,
            "static 5% (only 1 run of history, need 5)");
  const Tolerance none = ToleranceFor({}, AdaptiveConfig{});
  EXPECT_EQ(none.explanation, "static 5% (no runs of history, need 5)");
  EXPECT_EQ(none.centre_ns, 0.0);
  EXPECT_TRUE(ToleranceFor(Runs({100, 101, 99, 100, 102}), AdaptiveConfig{}).from_history);
}

TEST(AdaptiveToleranceTest, StaticToleranceAndMinimumRunsAreConfigurable) {
  AdaptiveConfig config;
  config.static_tolerance = 0.08;
  config.min_runs = 2;  // the spread itself needs 3 medians
  const Tolerance t = ToleranceFor(Runs({100, 101}), config);
  EXPECT_EQ(t.value, 0.08);
  EXPECT_EQ(t.explanation, "static 8% (only 2 runs of history, need 3)");
  EXPECT_TRUE(ToleranceFor(Runs({100, 101, 100}), config).from_history);
}

// R 4.2: x <- c(100, 102, 99, 101, 103, 98, 100.5)
//        3 * mad(diff(log(x)), center = 0) / sqrt(2) -> 0.071064285998043347
// 7.1% lies inside [1%, 25%]: no clamping.
TEST(AdaptiveToleranceTest, KTimesTheRobustSpread) {
  const Tolerance t = ToleranceFor(Runs({100, 102, 99, 101, 103, 98, 100.5}), AdaptiveConfig{});
  EXPECT_TRUE(t.from_history);
  EXPECT_EQ(t.runs, 7u);
  EXPECT_NEAR(t.spread, 0.071064285998043347 / 3, 1e-15);
  EXPECT_NEAR(t.value, 0.071064285998043347, 1e-15);
  EXPECT_EQ(t.explanation, "tolerance 7.11% = 3 x spread 2.37% over 7 runs");
  AdaptiveConfig two;
  two.k = 2;
  EXPECT_NEAR(ToleranceFor(Runs({100, 102, 99, 101, 103, 98, 100.5}), two).value,
              0.071064285998043347 * 2 / 3, 1e-15);
}

// A quiet benchmark: 100 / 100.1 alternating, spread
// log(1.001) x 1.4826 / sqrt(2) = 0.105% (R: f <- rep(c(100, 100.1), 4);
// mad(diff(log(f)), center = 0) / sqrt(2) -> 0.001047832684719715);
// 3 x 0.105% = 0.31% is raised to the 1% floor. A wild one (medians 1..16,
// spread 145%, R: mad(diff(log(c(1, 16, 2, 8, 4, 12))), center = 0) /
// sqrt(2) -> 1.4533307235064676) is cut to the 25% ceiling.
TEST(AdaptiveToleranceTest, ClampedToFloorAndCeiling) {
  const Tolerance quiet =
      ToleranceFor(Runs({100, 100.1, 100, 100.1, 100, 100.1, 100, 100.1}), AdaptiveConfig{});
  EXPECT_EQ(quiet.value, 0.01);
  EXPECT_NEAR(quiet.spread, 0.001047832684719715, 1e-15);
  EXPECT_EQ(quiet.explanation, "tolerance 1% (floor; 3 x spread 0.105% over 8 runs)");
  const Tolerance wild = ToleranceFor(Runs({1, 16, 2, 8, 4, 12}), AdaptiveConfig{});
  EXPECT_EQ(wild.value, 0.25);
  EXPECT_NEAR(wild.spread, 1.4533307235064676, 1e-14);
  EXPECT_EQ(wild.explanation, "tolerance 25% (ceiling; 3 x spread 145% over 6 runs)");
  EXPECT_EQ(ToleranceFor(Runs({50, 50, 50, 50, 50, 50}), AdaptiveConfig{}).value, 0.01);
}

// Hand calculation (see stats_weighted_test): with decay 0.9, 20 runs at
// 100 then 6 at 110 move the centre to 110, 5 do not. The step is one
// outlying ratio, so the spread stays 0 and the tolerance at the floor.
TEST(AdaptiveToleranceTest, CentreReactsToARecentStep) {
  std::vector<double> medians(20, 100.0);
  for (int i = 0; i < 5; ++i) medians.push_back(110);
  EXPECT_EQ(ToleranceFor(Runs(medians), AdaptiveConfig{}).centre_ns, 100.0);
  medians.push_back(110);
  const Tolerance t = ToleranceFor(Runs(medians), AdaptiveConfig{});
  EXPECT_EQ(t.centre_ns, 110.0);
  EXPECT_EQ(t.runs, 26u);
  EXPECT_EQ(t.spread, 0.0);
  EXPECT_EQ(t.value, 0.01);
}

// Only the newest max_runs runs count: 500 x 5 then 100 x 4 with decay 1
// (plain median) is 100 over the last 4, 500 over all 9 (max_runs 0).
TEST(AdaptiveToleranceTest, OnlyTheNewestRunsCount) {
  AdaptiveConfig config;
  config.decay = 1;
  config.min_runs = 3;
  config.max_runs = 4;
  const std::vector<HistoryEntry> runs = Runs({500, 500, 500, 500, 500, 100, 100, 100, 100});
  const Tolerance last4 = ToleranceFor(runs, config);
  EXPECT_EQ(last4.runs, 4u);
  EXPECT_EQ(last4.centre_ns, 100.0);
  config.max_runs = 0;
  const Tolerance all = ToleranceFor(runs, config);
  EXPECT_EQ(all.runs, 9u);
  EXPECT_EQ(all.centre_ns, 500.0);
}

TEST(AdaptiveToleranceTest, UnusableHistoryOrConfigFallsBackWithAReason) {
  const Tolerance zero = ToleranceFor(Runs({100, 0, 100, 101, 100, 99}), AdaptiveConfig{});
  EXPECT_FALSE(zero.from_history);
  EXPECT_EQ(zero.explanation, "static 5% (history of 6 runs has a median <= 0)");
  AdaptiveConfig bad_decay;
  bad_decay.decay = 1.5;
  const Tolerance decay = ToleranceFor(Runs({100, 101, 99, 100, 102}), bad_decay);
  EXPECT_FALSE(decay.from_history);
  EXPECT_EQ(decay.centre_ns, 0.0);
  EXPECT_EQ(decay.explanation, "static 5% (decay 1.5 is outside (0, 1])");
  AdaptiveConfig crossed;  // floor above ceiling: the ceiling wins
  crossed.floor = 0.3;
  crossed.ceiling = 0.2;
  EXPECT_EQ(ToleranceFor(Runs({50, 50, 50, 50, 50}), crossed).value, 0.2);
  AdaptiveConfig nan_k;
  nan_k.k = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(ToleranceFor(Runs({50, 50, 50, 50, 50}), nan_k).value, 0.25);
}

// --- AppendRun: the history stays bounded -------------------------------

std::string Time(int second) {
  char text[32];
  std::snprintf(text, sizeof text, "2026-11-22T10:00:%02dZ", second);
  return text;
}

HistoryEntry At(int second, double median = 100) {
  return HistoryEntry{median, 1, 10, Time(second), "abc"};
}

TEST(AppendRunTest, KeepsTheLastMaxRunsPerBenchmark) {
  History history;
  for (int i = 0; i < 12; ++i) AppendRun(history, "env", {{"BM_A", At(i, i)}}, 10);
  const auto& series = history.environments.at("env").at("BM_A");
  ASSERT_EQ(series.size(), 10u);
  EXPECT_EQ(series.front().median_ns, 2.0);
  EXPECT_EQ(series.back().median_ns, 11.0);
}

// max_runs 3: BM_Old was recorded at second 1 only. After the runs at 2
// and 3 it is still among the last 3 runs; after the run at 4 it is not.
TEST(AppendRunTest, DropsBenchmarksAbsentFromTheLastMaxRuns) {
  History history;
  AppendRun(history, "env", {{"BM_Old", At(1)}, {"BM_New", At(1)}}, 3);
  AppendRun(history, "env", {{"BM_New", At(2)}}, 3);
  AppendRun(history, "env", {{"BM_New", At(3)}}, 3);
  EXPECT_EQ(history.environments.at("env").count("BM_Old"), 1u);
  AppendRun(history, "env", {{"BM_New", At(4)}}, 3);
  EXPECT_EQ(history.environments.at("env").count("BM_Old"), 0u);
  EXPECT_EQ(history.environments.at("env").at("BM_New").size(), 3u);
  // A benchmark of the run being recorded stays even if its clock went back.
  AppendRun(history, "env", {{"BM_Back", At(0)}}, 3);
  EXPECT_EQ(history.environments.at("env").count("BM_Back"), 1u);
}

TEST(AppendRunTest, KeepsTheMostRecentEnvironments) {
  History history;
  AppendRun(history, "A", {{"BM", At(1)}}, 30, 2);
  AppendRun(history, "B", {{"BM", At(2)}}, 30, 2);
  AppendRun(history, "C", {{"BM", At(3)}}, 30, 2);
  EXPECT_EQ(history.environments.count("A"), 0u);
  EXPECT_EQ(history.environments.count("B"), 1u);
  // The environment recorded now is kept whatever its clock says; of the
  // others the newest (C) stays.
  AppendRun(history, "A", {{"BM", At(0)}}, 30, 2);
  EXPECT_EQ(history.environments.count("A"), 1u);
  EXPECT_EQ(history.environments.count("B"), 0u);
  EXPECT_EQ(history.environments.count("C"), 1u);
}

TEST(AppendRunTest, SkipsEntriesThatCouldNotBeWrittenOrRead) {
  History history;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  AppendRun(history, "env", {{"BM_NaN", HistoryEntry{nan, 0, 10, Time(1), "abc"}}});
  EXPECT_EQ(history.environments.count("env"), 0u);  // no empty environment either
  AppendRun(history, "env",
            {{"BM_Ok", At(2)}, {"BM_Bad", HistoryEntry{100, -1, 10, Time(2), "abc"}}});
  ASSERT_EQ(history.environments.at("env").size(), 1u);
  EXPECT_EQ(history.environments.at("env").count("BM_Ok"), 1u);
}

}  // namespace
}  // namespace benchgate
