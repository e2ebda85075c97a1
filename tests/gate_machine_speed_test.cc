// A change of the machine's speed between two runs (gate/machine_speed.h):
// hand-made runs and probes whose verdicts follow from the rules by hand.
#include "gate/machine_speed.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "gate/analysis.h"
#include "support/sample_sets.h"

namespace benchgate {
namespace {

using test::MakeRun;
using test::SampleSetOf;

// Ten samples: centre, centre + 1, ..., centre + 9.
SampleSet Set(const std::string& name, double centre) {
  std::vector<double> values;
  for (int i = 0; i < 10; ++i) values.push_back(centre + i);
  return SampleSetOf(name, std::move(values));
}

SpeedProbe Probe(std::vector<double> points, std::string kind = kSpeedProbeKind) {
  SpeedProbe probe;
  probe.kind = std::move(kind);
  probe.points_ns = std::move(points);
  return probe;
}

// The baseline: four benchmarks at 1000 ns; the candidate unchanged, +30%,
// +100% (every sample twice the baseline's) and -30%. Without probes the
// verdicts are unchanged, regression, regression, improvement (complete
// separation of 10 against 10, well beyond the 5% tolerance).
struct Suite {
  RunData baseline =
      MakeRun({Set("BM_Same", 1000), Set("BM_Up30", 1000), Set("BM_Up100", 1000),
               Set("BM_Down30", 1000)});
  RunData candidate = MakeRun({Set("BM_Same", 1000), Set("BM_Up30", 1300), Set("BM_Up100", 2000),
                               Set("BM_Down30", 700)});
};

std::vector<VerdictStatus> Statuses(const SuiteAnalysis& suite) {
  std::vector<VerdictStatus> out;
  for (const BenchmarkAnalysis& b : suite.benchmarks) out.push_back(b.status);
  return out;
}

// The means (hand: (1.0 + 1.4 + 1.0) / 3 = 1.1333e6 ms and 1.36e6): the
// one slow point counts, as the time it took counts in a benchmark's
// repetitions; the median (1.0e6) would not see it.
TEST(MachineSpeedTest, ChangeIsTheRatioOfTheProbesMeans) {
  RunData baseline, candidate;
  EXPECT_FALSE(MachineChangeBetween(baseline, candidate));  // neither has a probe
  baseline.speed_probe = Probe({1.0e6, 1.4e6, 1.0e6});
  EXPECT_FALSE(MachineChangeBetween(baseline, candidate));  // the candidate has none
  candidate.speed_probe = Probe({1.36e6});
  const auto machine = MachineChangeBetween(baseline, candidate);
  ASSERT_TRUE(machine);
  EXPECT_DOUBLE_EQ(machine->baseline_ns, 3.4e6 / 3);
  EXPECT_DOUBLE_EQ(machine->candidate_ns, 1.36e6);
  EXPECT_NEAR(machine->change, 0.2, 1e-12);  // 1.36 / 1.1333 - 1
  // Another loop's times say nothing about this one's.
  candidate.speed_probe = Probe({1.32e6}, "another-loop/1");
  EXPECT_FALSE(MachineChangeBetween(baseline, candidate));
}

TEST(MachineSpeedTest, LimitIsHalfTheToleranceAndNeverWithinTheProbesNoise) {
  EXPECT_DOUBLE_EQ(MachineChangeLimit(0.20), 0.10);
  EXPECT_DOUBLE_EQ(MachineChangeLimit(0.05), kProbeNoise);
  EXPECT_DOUBLE_EQ(MachineChangeLimit(0.01), kProbeNoise);
}

TEST(MachineSpeedTest, WithoutProbesNothingChanges) {
  Suite s;
  s.baseline.speed_probe = Probe({1.0e6});  // only one side probed
  const SuiteAnalysis suite = AnalyzeSuite(s.candidate, &s.baseline, AnalysisConfig{});
  EXPECT_EQ(Statuses(suite),
            (std::vector<VerdictStatus>{VerdictStatus::kUnchanged, VerdictStatus::kRegression,
                                        VerdictStatus::kRegression, VerdictStatus::kImprovement}));
  EXPECT_FALSE(suite.machine);
  EXPECT_TRUE(suite.gate_failed);
}

// The machine 20% slower for the candidate, the tolerance 5% (limit 5%):
// a regression stands beyond 2 ln 1.2 + ln 1.05 = 0.4134 in log units, a
// shift of exp(0.4134) - 1 = +51.2%. +30% does not (inconclusive, and the
// gate passes); +100% does, with the words; the improvement stands (the
// machine hid part of it); unchanged is inconclusive.
TEST(MachineSpeedTest, SlowerMachineKeepsOnlyWhatItCannotHaveMade) {
  Suite s;
  s.baseline.speed_probe = Probe({1.0e6, 1.0e6});
  s.candidate.speed_probe = Probe({1.2e6, 1.2e6, 1.2e6});
  const SuiteAnalysis suite = AnalyzeSuite(s.candidate, &s.baseline, AnalysisConfig{});
  EXPECT_EQ(Statuses(suite), (std::vector<VerdictStatus>{
                                 VerdictStatus::kInconclusive, VerdictStatus::kInconclusive,
                                 VerdictStatus::kRegression, VerdictStatus::kImprovement}));
  for (int i : {0, 1}) {
    EXPECT_EQ(suite.benchmarks[i].undecided, Undecided::kMachineSpeed);
    EXPECT_FALSE(suite.benchmarks[i].more_helps);  // more rounds of the same run do not help
    EXPECT_EQ(suite.benchmarks[i].reasons.front(),
              "machine 20.0% slower than for the baseline (speed probe): a change this size cannot "
              "be told from the code's");
  }
  EXPECT_EQ(suite.benchmarks[2].reasons.back(),
            "stands although the machine ran 20.0% slower: beyond twice that and the tolerance");
  EXPECT_TRUE(suite.gate_failed);  // BM_Up100
  EXPECT_EQ(suite.regressions, 1u);
  ASSERT_TRUE(suite.machine);
  EXPECT_NEAR(suite.machine->change, 0.2, 1e-12);
  ASSERT_EQ(suite.warnings.size(), 1u);
  EXPECT_EQ(suite.warnings[0],
            "the machine ran 20.0% slower than when the baseline was measured (speed probe: 1.20 "
            "ms against 1.00 ms): 2 time verdict(s) that a shift this size could produce are "
            "inconclusive; compare the two builds on one machine (benchgate-ab) or run again");
  ASSERT_EQ(suite.undecided.size(), 1u);
  EXPECT_EQ(suite.undecided[0].first, "machine speed differs");
  EXPECT_EQ(suite.undecided[0].second, 2u);
}

// Faster for the candidate (1.2 -> 1.0 ms, -16.7%): the regression stands
// (the machine hid part of it); the improvement needs its interval beyond
// exp(-(2 ln 1.2 + ln 1.05)) - 1 = -33.9%, and -30% is not.
TEST(MachineSpeedTest, FasterMachineKeepsRegressions) {
  Suite s;
  s.baseline.speed_probe = Probe({1.2e6});
  s.candidate.speed_probe = Probe({1.0e6});
  const SuiteAnalysis suite = AnalyzeSuite(s.candidate, &s.baseline, AnalysisConfig{});
  EXPECT_EQ(Statuses(suite), (std::vector<VerdictStatus>{
                                 VerdictStatus::kInconclusive, VerdictStatus::kRegression,
                                 VerdictStatus::kRegression, VerdictStatus::kInconclusive}));
  EXPECT_EQ(suite.benchmarks[3].reasons.front(),
            "machine 16.7% faster than for the baseline (speed probe): a change this size cannot "
            "be told from the code's");
  EXPECT_EQ(suite.regressions, 2u);
}

// Within the limit (+4% against max(5% / 2, 5%)): the verdicts stand, no
// warning; the change is still reported.
TEST(MachineSpeedTest, ChangeWithinTheLimitLeavesVerdicts) {
  Suite s;
  s.baseline.speed_probe = Probe({1.0e6});
  s.candidate.speed_probe = Probe({1.04e6});
  const SuiteAnalysis suite = AnalyzeSuite(s.candidate, &s.baseline, AnalysisConfig{});
  EXPECT_EQ(Statuses(suite),
            (std::vector<VerdictStatus>{VerdictStatus::kUnchanged, VerdictStatus::kRegression,
                                        VerdictStatus::kRegression, VerdictStatus::kImprovement}));
  EXPECT_TRUE(suite.warnings.empty());
  ASSERT_TRUE(suite.machine);
  EXPECT_NEAR(suite.machine->change, 0.04, 1e-12);
  // A wide tolerance widens the limit: 20% -> 10%, so 8% leaves it too.
  s.candidate.speed_probe = Probe({1.08e6});
  AnalysisConfig wide;
  wide.tolerance = 0.20;
  const SuiteAnalysis wider = AnalyzeSuite(s.candidate, &s.baseline, wide);
  EXPECT_EQ(wider.benchmarks[0].status, VerdictStatus::kUnchanged);
  EXPECT_TRUE(wider.warnings.empty());
}

// One comparison by hand: a rate (higher is better) falls on a slower
// machine, so a 30% drop is one the machine could make; a count (bytes)
// does not scale with speed and is left alone.
TEST(MachineSpeedTest, RatesScaleWithTheMachineCountsDoNot) {
  BenchmarkAnalysis b;
  b.status = VerdictStatus::kRegression;
  Comparison c;
  c.shift_status = StatStatus::kOk;
  c.shift = -0.30;
  c.shift_lo = -0.32;
  c.shift_hi = -0.28;
  c.tolerance = 0.05;
  b.comparison = c;
  MachineChange slower;
  slower.change = 0.2;
  AnalysisConfig rate;
  rate.metric = "items_per_second";
  rate.higher_is_better = true;
  BenchmarkAnalysis judged = b;
  EXPECT_TRUE(DiscountMachineChange(judged, slower, rate));
  EXPECT_EQ(judged.status, VerdictStatus::kInconclusive);
  AnalysisConfig count;
  count.metric = "bytes";
  judged = b;
  EXPECT_FALSE(DiscountMachineChange(judged, slower, count));
  EXPECT_EQ(judged.status, VerdictStatus::kRegression);
  // A rate that rose (an improvement) on a slower machine stands.
  judged = b;
  judged.status = VerdictStatus::kImprovement;
  judged.comparison->shift = 0.30;
  judged.comparison->shift_lo = 0.28;
  judged.comparison->shift_hi = 0.32;
  EXPECT_FALSE(DiscountMachineChange(judged, slower, rate));
  EXPECT_EQ(judged.status, VerdictStatus::kImprovement);
}

}  // namespace
}  // namespace benchgate
