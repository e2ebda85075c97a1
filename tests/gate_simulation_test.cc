// Seeded simulations of the verdict engine: does the gate keep its promise
// on data whose truth is known? Suites of 200 benchmarks, 10 samples per
// side, log-normal noise (CV ~3%) and run-to-run drift (a per-benchmark,
// per-run factor with sd 0.5%), as measured on shared CI machines.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "gate/analysis.h"
#include "support/sample_sets.h"
#include "support/simulation.h"

namespace benchgate {
namespace {

using test::CountStatus;
using test::Draws;
using test::SampleSetOf;

constexpr int kBenchmarks = 200;
constexpr int kSamples = 10;

class Simulator {
 public:
  explicit Simulator(std::uint64_t seed) : draws_(seed) {}

  std::vector<double> Samples(double centre, double cv) {
    return draws_.RunSamples(centre, cv, kSamples);
  }

  // shift[i]: the true relative change of benchmark i in the candidate.
  void Suite(const std::vector<double>& shift, double cv, RunData& baseline, RunData& candidate) {
    baseline.benchmarks.clear();
    candidate.benchmarks.clear();
    for (std::size_t i = 0; i < shift.size(); ++i) {
      const double centre = 1000.0 * (1 + static_cast<double>(i % 17));
      SampleSet base = SampleSetOf("BM_" + std::to_string(i), Samples(centre, cv));
      SampleSet cand = base;
      cand.real_time_ns = Samples(centre * (1.0 + shift[i]), cv);
      cand.cpu_time_ns = cand.real_time_ns;
      baseline.benchmarks.push_back(std::move(base));
      candidate.benchmarks.push_back(std::move(cand));
    }
  }

 private:
  Draws draws_;
};

// 1,000 A/A suites: the share with any false regression must stay at most
// alpha (0.05). An uncorrected U test would flag ~10 per suite.
TEST(GateSimulationTest, AaSuitesRarelyRaiseAnyFalseAlarm) {
  Simulator simulator(20261122);
  const std::vector<double> no_shift(kBenchmarks, 0.0);
  const AnalysisConfig config;
  RunData baseline, candidate;
  int suites_with_false_alarm = 0;
  constexpr int kSuites = 1000;
  for (int s = 0; s < kSuites; ++s) {
    simulator.Suite(no_shift, 0.03, baseline, candidate);
    const SuiteAnalysis suite = AnalyzeSuite(candidate, &baseline, config);
    suites_with_false_alarm += suite.regressions > 0 ? 1 : 0;
  }
  RecordProperty("suites_with_false_alarm", suites_with_false_alarm);
  EXPECT_LE(suites_with_false_alarm, kSuites * config.alpha);
}

// A 10% slowdown at n = 10 per side and CV 3% is caught at least 95% of the
// time, with a quarter of every suite slowed down.
TEST(GateSimulationTest, TenPercentShiftIsCaught) {
  Simulator simulator(7);
  std::vector<double> shift(kBenchmarks, 0.0);
  for (int i = 0; i < kBenchmarks / 4; ++i) shift[static_cast<std::size_t>(i)] = 0.10;
  const AnalysisConfig config;
  RunData baseline, candidate;
  std::size_t caught = 0, total = 0, false_alarms = 0;
  for (int s = 0; s < 100; ++s) {
    simulator.Suite(shift, 0.03, baseline, candidate);
    const SuiteAnalysis suite = AnalyzeSuite(candidate, &baseline, config);
    caught += CountStatus(suite, VerdictStatus::kRegression, 0, kBenchmarks / 4);
    total += kBenchmarks / 4;
    false_alarms += CountStatus(suite, VerdictStatus::kRegression, kBenchmarks / 4, kBenchmarks);
  }
  RecordProperty("caught", static_cast<int>(caught));
  EXPECT_GE(static_cast<double>(caught), 0.95 * static_cast<double>(total));
  EXPECT_LE(static_cast<double>(false_alarms), 0.05 * static_cast<double>(caught));  // FDR
}

// A 2% slowdown at CV 3% is below the default tolerance (5%): at most 1% of
// such benchmarks may be called a regression (the estimate must exceed 5% and
// its CI 2.5%, which noise alone rarely achieves).
TEST(GateSimulationTest, TwoPercentShiftIsNotCalledARegression) {
  Simulator simulator(11);
  const std::vector<double> shift(kBenchmarks, 0.02);
  const AnalysisConfig config;
  RunData baseline, candidate;
  std::size_t regressions = 0;
  constexpr int kSuites = 50;
  for (int s = 0; s < kSuites; ++s) {
    simulator.Suite(shift, 0.03, baseline, candidate);
    regressions += AnalyzeSuite(candidate, &baseline, config).regressions;
  }
  RecordProperty("regressions", static_cast<int>(regressions));
  EXPECT_LE(regressions, kSuites * kBenchmarks / 100);
}

}  // namespace
}  // namespace benchgate
