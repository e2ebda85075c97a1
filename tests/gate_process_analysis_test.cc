// AnalyzeProcesses: one log ratio of process centres per round, the
// signed-rank test and the Hodges-Lehmann size on them, then the suite's
// verdict rules. Samples are made so every process centre is known by hand:
// each process reports c x {0.99, 1, 1.01, 1.02, 0.98}, whose fastest
// repetition is 0.98 c (so a ratio of centres is the ratio of the c) and in
// which nothing is a slow outlier.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "gate/analysis.h"
#include "gate/more_rounds.h"
#include "gate/process_analysis.h"
#include "gate/process_pairing.h"
#include "benchgate/stats/mann_whitney.h"
#include "stats/signed_rank.h"
#include "support/sample_sets.h"

namespace benchgate {
namespace {

using test::SampleSetOf;

std::vector<double> Process(double centre) {
  return {centre * 0.99, centre, centre * 1.01, centre * 1.02, centre * 0.98};
}

// One process's repetitions, 1000 iterations each.
SampleSet Set(const std::string& name, std::vector<double> values) {
  SampleSet set = SampleSetOf(name, std::move(values));
  set.iterations.assign(set.real_time_ns.size(), 1000);
  return set;
}

// Round r of a side: each benchmark at centre centres[name][r].
struct Side {
  std::vector<RunData> rounds;
  void Add(std::size_t round, SampleSet set) {
    if (rounds.size() <= round) rounds.resize(round + 1);
    rounds[round].benchmarks.push_back(std::move(set));
  }
};

// A process-to-process factor of up to +-20% shared by both sides of a
// round (buffer placement, the machine's state): the paired design cancels it.
double ProcessFactor(std::size_t round) {
  return 1 + 0.2 * std::sin(1.3 * static_cast<double>(round));
}

const BenchmarkAnalysis* Find(const SuiteAnalysis& suite, const std::string& name) {
  for (const BenchmarkAnalysis& b : suite.benchmarks) {
    if (b.samples.name == name) return &b;
  }
  return nullptr;
}

TEST(AnalyzeProcessesTest, TenPercentSlowerUnderLargeProcessShiftsIsARegression) {
  Side base, cand;
  std::vector<double> expected_d;
  for (std::size_t r = 0; r < 10; ++r) {
    const double b = 1000 * ProcessFactor(r);
    // A per-round jitter of the ratio, all distinct: 1.10 x (1 + 0.004 (r - 4.5)).
    const double ratio = 1.10 * (1 + 0.004 * (static_cast<double>(r) - 4.5));
    base.Add(r, Set("BM_A", Process(b)));
    cand.Add(r, Set("BM_A", Process(b * ratio)));
    expected_d.push_back(std::log(ratio));
  }
  const SuiteAnalysis suite = AnalyzeProcesses(base.rounds, cand.rounds, AnalysisConfig{});
  const BenchmarkAnalysis* a = Find(suite, "BM_A");
  ASSERT_NE(a, nullptr);
  ASSERT_TRUE(a->comparison.has_value());
  const Comparison& c = *a->comparison;
  EXPECT_EQ(a->status, VerdictStatus::kRegression) << a->reasons.front();
  EXPECT_TRUE(suite.gate_failed);
  EXPECT_EQ(c.p_method, "signed-rank-exact");
  // Hand: all ten d_r positive and distinct: exact two-sided p = 2 / 2^10.
  EXPECT_DOUBLE_EQ(c.p_value, 2.0 / 1024);
  // The size: the Hodges-Lehmann estimate of the d_r; they are symmetric
  // about log 1.10 (up to the log's curvature), so the shift is about 10%.
  const OneSampleShift hl = HodgesLehmannOneSample(expected_d);
  EXPECT_NEAR(c.shift, std::expm1(hl.estimate), 1e-12);
  EXPECT_NEAR(c.shift_lo, std::expm1(hl.lower), 1e-12);
  EXPECT_NEAR(c.shift_hi, std::expm1(hl.upper), 1e-12);
  EXPECT_NEAR(c.shift, 0.10, 0.001);
  EXPECT_EQ(c.baseline_n, 50u);
  EXPECT_EQ(c.candidate_rounds, 10u);
  EXPECT_TRUE(c.baseline_set_aside.empty());
  // The pooled test of benchgate-diff is kept beside it (SciPy's mannwhitneyu).
  std::vector<double> before, after;
  for (std::size_t r = 0; r < 10; ++r) {
    for (const double v : base.rounds[r].benchmarks[0].real_time_ns) before.push_back(v);
    for (const double v : cand.rounds[r].benchmarks[0].real_time_ns) after.push_back(v);
  }
  EXPECT_DOUBLE_EQ(c.p_value_all, MannWhitneyU(before, after).p_value);
  EXPECT_EQ(c.p_method_all, "exact");  // 50 vs 50, no ties
}

TEST(AnalyzeProcessesTest, ProcessShiftsAloneAreUnchanged) {
  Side base, cand;
  for (std::size_t r = 0; r < 10; ++r) {
    base.Add(r, Set("BM_A", Process(1000 * ProcessFactor(r))));
    // Each candidate process lands +-15% from its baseline, alternating.
    cand.Add(r, Set("BM_A", Process(1000 * ProcessFactor(r + 3))));
  }
  const SuiteAnalysis suite = AnalyzeProcesses(base.rounds, cand.rounds, AnalysisConfig{});
  const BenchmarkAnalysis* a = Find(suite, "BM_A");
  ASSERT_NE(a, nullptr);
  EXPECT_NE(a->status, VerdictStatus::kRegression);
  EXPECT_NE(a->status, VerdictStatus::kImprovement);
  EXPECT_FALSE(suite.gate_failed);
}

TEST(AnalyzeProcessesTest, FewerThanSixRoundsIsInconclusiveOutsideTheFamily) {
  // 5 rounds of a doubling: the Tukey interval of 5 values reaches 93.75%
  // at best (1 - 2/32), short of 95%, so the size cannot be bounded.
  Side base, cand;
  for (std::size_t r = 0; r < 5; ++r) {
    base.Add(r, Set("BM_A", Process(1000)));
    cand.Add(r, Set("BM_A", Process(2000)));
  }
  const SuiteAnalysis suite = AnalyzeProcesses(base.rounds, cand.rounds, AnalysisConfig{});
  const BenchmarkAnalysis* a = Find(suite, "BM_A");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->status, VerdictStatus::kInconclusive);
  EXPECT_EQ(a->undecided, Undecided::kTooFew);
  ASSERT_EQ(a->reasons.size(), 1u);
  EXPECT_EQ(a->reasons[0], "too few rounds: 5 with both sides measured; need 6");
  EXPECT_TRUE(a->more_helps);  // each extra round measures both sides
  EXPECT_FALSE(suite.gate_failed);
  EXPECT_EQ(suite.inconclusive, 1u);
  // A sixth round: judged (hand: six equal positive d_r, tie-corrected
  // normal approximation, p = 0.0143 < 0.05).
  base.Add(5, Set("BM_A", Process(1000)));
  cand.Add(5, Set("BM_A", Process(2000)));
  const SuiteAnalysis six = AnalyzeProcesses(base.rounds, cand.rounds, AnalysisConfig{});
  EXPECT_EQ(Find(six, "BM_A")->status, VerdictStatus::kRegression);
  EXPECT_FALSE(Find(six, "BM_A")->more_helps);
}

TEST(ExactNameFilterTest, EscapesEveryMetacharacter) {
  EXPECT_EQ(ExactNameFilter({"BM_A/8", "BM_B<int>/threads:2"}), "^(BM_A/8|BM_B<int>/threads:2)$");
  EXPECT_EQ(ExactNameFilter({"a.b*c+d?e(f)[g]{h}|i^j$k\\l"}),
            "^(a\\.b\\*c\\+d\\?e\\(f\\)\\[g\\]\\{h\\}\\|i\\^j\\$k\\\\l)$");
}

TEST(AnalyzeProcessesTest, RoundsMissingOnASideAreNotPaired) {
  Side base, cand;
  for (std::size_t r = 0; r < 6; ++r) {
    base.Add(r, Set(r == 2 ? "BM_Other" : "BM_A", Process(1000)));
    cand.Add(r, Set("BM_A", Process(1000 * (1 + 0.001 * static_cast<double>(r)))));
  }
  const AnalysisConfig config;
  std::vector<const SampleSet*> before(6, nullptr), after(6, nullptr);
  for (std::size_t r = 0; r < 6; ++r) {
    if (r != 2) before[r] = &base.rounds[r].benchmarks[0];
    after[r] = &cand.rounds[r].benchmarks[0];
  }
  const std::vector<double> d = PairRounds(before, after, config).log_ratios;
  ASSERT_EQ(d.size(), 5u);
  EXPECT_NEAR(d[2], std::log(1.003), 1e-12);  // round 3 (index 3) comes after the gap
  const SuiteAnalysis suite = AnalyzeProcesses(base.rounds, cand.rounds, config);
  const BenchmarkAnalysis* a = Find(suite, "BM_A");
  ASSERT_NE(a, nullptr);
  ASSERT_TRUE(a->comparison.has_value());
  EXPECT_EQ(a->comparison->candidate_rounds, 5u);
  EXPECT_EQ(a->comparison->baseline_n, 25u);
  EXPECT_EQ(a->comparison->candidate_n, 30u);
  // BM_Other ran in one baseline process only: removed.
  const BenchmarkAnalysis* other = Find(suite, "BM_Other");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->status, VerdictStatus::kRemoved);
}

TEST(AnalyzeProcessesTest, AddedAndRemoved) {
  Side base, cand;
  for (std::size_t r = 0; r < 5; ++r) {
    base.Add(r, Set("BM_Old", Process(1000)));
    cand.Add(r, Set("BM_New", Process(1000)));
  }
  const SuiteAnalysis suite = AnalyzeProcesses(base.rounds, cand.rounds, AnalysisConfig{});
  ASSERT_EQ(suite.benchmarks.size(), 2u);
  EXPECT_EQ(suite.benchmarks[0].samples.name, "BM_New");
  EXPECT_EQ(suite.benchmarks[0].status, VerdictStatus::kAdded);
  EXPECT_EQ(suite.benchmarks[1].samples.name, "BM_Old");
  EXPECT_EQ(suite.benchmarks[1].status, VerdictStatus::kRemoved);
  EXPECT_EQ(suite.added, 1u);
  EXPECT_EQ(suite.removed, 1u);
  EXPECT_FALSE(suite.gate_failed);
}

TEST(AnalyzeProcessesTest, ASlowOutlierIsSetAsideInItsProcess) {
  Side base, cand;
  for (std::size_t r = 0; r < 6; ++r) {
    std::vector<double> values = Process(1000);
    if (r == 3) values[4] = 1800;  // interference in one repetition of round 4
    base.Add(r, Set("BM_A", values));
    cand.Add(r, Set("BM_A", Process(1000)));
  }
  const SuiteAnalysis suite = AnalyzeProcesses(base.rounds, cand.rounds, AnalysisConfig{});
  const Comparison& c = *Find(suite, "BM_A")->comparison;
  // Position in the baseline's samples of all rounds: 3 rounds x 5 + 4.
  EXPECT_EQ(c.baseline_set_aside, std::vector<std::size_t>{19});
  // The centre is the fastest repetition, 990 against the candidate's 980.
  AnalysisConfig config;
  std::vector<const SampleSet*> before, after;
  for (std::size_t r = 0; r < 6; ++r) {
    before.push_back(&base.rounds[r].benchmarks[0]);
    after.push_back(&cand.rounds[r].benchmarks[0]);
  }
  EXPECT_NEAR(PairRounds(before, after, config).log_ratios[3], std::log(980 / 990.0), 1e-12);
  config.set_aside_slow = false;  // --keep-slow: the median of the five, 1010 against 1000
  EXPECT_NEAR(PairRounds(before, after, config).log_ratios[3], std::log(1000 / 1010.0), 1e-12);
}

// What the calibration met under bursts: in 3 of 10 rounds the baseline
// process had 3 of its 5 repetitions at twice the time. Medians would make
// those rounds' d about log(1.05 / 2): the three largest |d| and all
// negative, so W+ = 1 + ... + 7 = 28 of 55, and the exact two-sided p is 1
// (hand calculation: W+ is symmetric about 27.5, so P(W+ >= 28) = 1/2): a 5%
// slowdown would go unnoticed. The fastest repetition is untouched by them:
// every d_r is positive, W+ = 55, p = 2 / 2^10 (the exact minimum), and the
// Hodges-Lehmann size is 1.05 x (1 + 0.0045) - 1 (the median of the Walsh
// averages of 0.001 r, r = 0..9, is 0.0045), a regression.
TEST(AnalyzeProcessesTest, ABurstOverMostOfAProcessDoesNotMoveItsCentre) {
  Side base, cand;
  for (std::size_t r = 0; r < 10; ++r) {
    std::vector<double> values = Process(1000);
    if (r == 2 || r == 5 || r == 8) {
      for (const std::size_t i : {0, 2, 3}) values[i] *= 2;
    }
    base.Add(r, Set("BM_A", values));
    // 5% slower, and a touch more each round so that no two d_r tie.
    cand.Add(r, Set("BM_A", Process(1050 * (1 + 0.001 * static_cast<double>(r)))));
  }
  AnalysisConfig config;
  config.tolerance = 0.02;
  const SuiteAnalysis suite = AnalyzeProcesses(base.rounds, cand.rounds, config);
  const BenchmarkAnalysis* a = Find(suite, "BM_A");
  ASSERT_NE(a, nullptr);
  ASSERT_TRUE(a->comparison.has_value());
  EXPECT_NEAR(a->comparison->p_value, 2.0 / 1024, 1e-12);
  EXPECT_NEAR(a->comparison->shift, 1.05 * 1.0045 - 1, 1e-4);
  EXPECT_EQ(a->status, VerdictStatus::kRegression);
  config.set_aside_slow = false;  // medians: the three disturbed rounds hide it
  const SuiteAnalysis medians = AnalyzeProcesses(base.rounds, cand.rounds, config);
  EXPECT_NEAR(Find(medians, "BM_A")->comparison->p_value, 1.0, 1e-12);
  EXPECT_NE(Find(medians, "BM_A")->status, VerdictStatus::kRegression);
}

TEST(AnalyzeProcessesTest, RatesAreJudgedTheOtherWayRound) {
  Side base, cand;
  for (std::size_t r = 0; r < 10; ++r) {
    const double ratio = 0.8 * (1 + 0.003 * static_cast<double>(r));
    SampleSet b = Set("BM_A", Process(1000));
    SampleSet a = Set("BM_A", Process(1000));
    b.counters["items_per_second"] = Process(1e6);
    a.counters["items_per_second"] = Process(1e6 * ratio);
    base.Add(r, b);
    cand.Add(r, a);
  }
  AnalysisConfig config;
  config.metric = "items_per_second";
  config.higher_is_better = true;
  const SuiteAnalysis suite = AnalyzeProcesses(base.rounds, cand.rounds, config);
  const BenchmarkAnalysis* a = Find(suite, "BM_A");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->status, VerdictStatus::kRegression);  // fewer items per second
  EXPECT_LT(a->comparison->shift, -0.15);
}

// The suite's warnings come from the skeleton AnalyzeSuite shares
// (MatchByName): a candidate whose repetitions scatter by +-20% is named
// unstable, as the runner and benchgate-diff name it on the same samples.
TEST(AnalyzeProcessesTest, AnUnstableCandidateIsASuiteWarning) {
  Side base, cand;
  for (std::size_t r = 0; r < 8; ++r) {
    base.Add(r, Set("BM_Quiet", Process(1000)));
    base.Add(r, Set("BM_Noisy", Process(1000)));
    cand.Add(r, Set("BM_Quiet", Process(1000)));
    cand.Add(r, Set("BM_Noisy", {800, 1000, 1200, 900, 1100}));
  }
  const AnalysisConfig config;
  const SuiteAnalysis suite = AnalyzeProcesses(base.rounds, cand.rounds, config);
  ASSERT_EQ(suite.warnings.size(), 1u);
  EXPECT_EQ(suite.warnings[0].rfind("BM_Noisy: unstable: noise ", 0), 0u) << suite.warnings[0];
  const RunData before = MergeRuns(base.rounds);
  EXPECT_EQ(suite.warnings, AnalyzeSuite(MergeRuns(cand.rounds), &before, config).warnings);
}

}  // namespace
}  // namespace benchgate
