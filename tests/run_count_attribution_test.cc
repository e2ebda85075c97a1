// Which dump belongs to which benchmark (run/count_attribution.h) and the
// verdicts of exact counts (gate/count_analysis.h), on fixed data. The dump
// sequences are the shape callgrind writes for a counting process (checked
// end to end under Valgrind by run_instructions_e2e_test): one dump per
// repetition, then a client-request dump naming the benchmark.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "gate/analysis.h"
#include "gate/count_analysis.h"
#include "run/count_attribution.h"

namespace benchgate {
namespace {

CallgrindDump Repetition(std::uint64_t instructions) {
  return {0, "--dump-before=benchmark::State::FinishKeepRunning()", instructions};
}
CallgrindDump Boundary(const std::string& name) {
  return {0, std::string(kClientRequestTrigger) + kBoundaryPrefix + name, 99};
}
SampleSet Rows(const std::string& name, std::vector<double> iterations, std::int64_t threads = 1) {
  SampleSet set;
  set.name = name;
  set.iterations = std::move(iterations);
  set.real_time_ns.assign(set.iterations.size(), 1.0);
  set.cpu_time_ns = set.real_time_ns;
  set.threads = threads;
  return set;
}

TEST(CountAttributionTest, GroupsRepetitionsByTheBoundaryAfterThem) {
  const DumpGroups groups =
      GroupDumps({Repetition(7000), Repetition(5266), Repetition(5266), Boundary("BM_A"),
                  Boundary("BM_A"),  // its aggregates: no repetition before
                  Repetition(400), Boundary("BM_B\x01"), Repetition(1)});
  EXPECT_EQ(groups.order, (std::vector<std::string>{"BM_A", "BM_B\x01"}));
  EXPECT_EQ(groups.counts.at("BM_A"), (std::vector<std::uint64_t>{7000, 5266, 5266}));
  EXPECT_EQ(groups.counts.at("BM_B\x01"), (std::vector<std::uint64_t>{400}));
  EXPECT_EQ(groups.unattributed, 1u);  // a process that died inside a benchmark
  EXPECT_EQ(BoundaryLabel("BM_B\n"), "BM_B?");
}

TEST(CountAttributionTest, DropsTheWarmUpTakesTheFloorOffAndDividesByIterations) {
  RunData rows;
  rows.benchmarks = {Rows("BM_A", {1, 1, 1}), Rows("BM_Many", {10, 10, 10}), Rows("BM_Once", {1}),
                     Rows("BM_T/threads:2", {1, 1, 1}, 2), Rows("BM_Short", {1, 1, 1})};
  const DumpGroups groups = GroupDumps({Repetition(7000),
                                        Repetition(5266),
                                        Repetition(5270),
                                        Boundary("BM_A"),
                                        Repetition(9000),
                                        Repetition(2266),
                                        Repetition(2266),
                                        Boundary("BM_Many"),
                                        Repetition(500),
                                        Boundary("BM_Once"),
                                        Repetition(1),
                                        Repetition(2),
                                        Repetition(3),
                                        Repetition(4),
                                        Repetition(5),
                                        Repetition(6),
                                        Boundary("BM_T/threads:2"),
                                        Repetition(300),
                                        Repetition(300),
                                        Boundary("BM_Short")});
  const ProcessCounts counts = AttributeCounts(groups, rows, 266);
  // (5266 - 266) / 1 and (5270 - 266) / 1: the first repetition left out.
  EXPECT_EQ(counts.per_iteration.at("BM_A"), (std::vector<double>{5000, 5004}));
  EXPECT_EQ(counts.per_iteration.at("BM_Many"), (std::vector<double>{200, 200}));
  EXPECT_EQ(counts.iterations.at("BM_Many"), 10);
  EXPECT_EQ(counts.per_iteration.at("BM_Once"), (std::vector<double>{234}));  // no warm-up
  EXPECT_NE(counts.not_counted.at("BM_T/threads:2").find("2 threads"), std::string::npos);
  EXPECT_EQ(counts.not_counted.at("BM_Short"),
            "expected 3 counted loops (one per repetition), got 2; its instructions are not "
            "judged");
}

ProcessCounts Counted(const std::string& name, std::vector<double> values) {
  ProcessCounts counts;
  counts.per_iteration[name] = std::move(values);
  counts.iterations[name] = 1;
  return counts;
}

TEST(CountAttributionTest, DeterministicMeansTheSecondProcessRepeatsTheFirst) {
  SampleSet same = Rows("BM_A", {1, 1, 1});
  // Repetitions may differ within a process (allocator state) yet repeat.
  CombineCounts(same, Counted("BM_A", {99159, 94576}), Counted("BM_A", {99159, 94576}));
  ASSERT_TRUE(same.instructions);
  EXPECT_TRUE(same.instructions->deterministic);
  EXPECT_EQ(same.instructions->first_process, 2u);
  EXPECT_EQ(same.instructions->per_iteration.size(), 4u);

  SampleSet differs = Rows("BM_A", {1, 1, 1});
  CombineCounts(differs, Counted("BM_A", {5000, 5000}), Counted("BM_A", {5000, 5001}));
  EXPECT_FALSE(differs.instructions->deterministic);
  EXPECT_EQ(UncountableReason(differs),
            "nondeterministic: its instructions per iteration differ between counts (process 1: "
            "5000.0, 5000.0; process 2: 5000.0, 5001.0); not judged on instructions");

  SampleSet once = Rows("BM_A", {1, 1, 1});
  CombineCounts(once, Counted("BM_A", {5000}), ProcessCounts{});
  EXPECT_EQ(once.instructions->not_counted,
            "counted in one process only; its instructions are not judged");
}

SampleSet CountedSet(const std::string& name, double value, bool deterministic = true) {
  SampleSet set = Rows(name, {1, 1, 1});
  InstructionCount count;
  count.per_iteration = {value, value, value, deterministic ? value : value + 1};
  count.first_process = 2;
  count.iterations = 1;
  count.deterministic = deterministic;
  set.instructions = count;
  return set;
}

TEST(CountAnalysisTest, AChangeIsItsRelativeSizeAgainstTheTolerance) {
  RunData before, after;
  before.measure = after.measure = Measure::kInstructions;
  before.benchmarks = {CountedSet("up", 10000), CountedSet("small", 10000),
                       CountedSet("down", 10000), CountedSet("noisy", 10000),
                       CountedSet("gone", 5)};
  after.benchmarks = {CountedSet("up", 10060), CountedSet("small", 10040), CountedSet("down", 9900),
                      CountedSet("noisy", 20000, false), CountedSet("new", 7)};
  AnalysisConfig config;
  config.tolerance = kInstructionsTolerance;  // 0.5%
  const SuiteAnalysis suite = AnalyzeCounts(after, &before, config);
  ASSERT_EQ(suite.benchmarks.size(), 6u);
  const auto& up = suite.benchmarks[0];
  EXPECT_EQ(up.status, VerdictStatus::kRegression);  // +0.6% > 0.5%
  EXPECT_NEAR(up.comparison->change, 0.006, 1e-12);
  EXPECT_TRUE(std::isnan(up.comparison->p_value));  // no test was made
  EXPECT_EQ(up.comparison->p_method, kCountsMethod);
  EXPECT_EQ(up.reasons.front(),
            "instructions per iteration 10000 -> 10060 (+0.6%, tolerance 0.5%)");
  EXPECT_EQ(suite.benchmarks[1].status, VerdictStatus::kUnchanged);    // +0.4%
  EXPECT_EQ(suite.benchmarks[2].status, VerdictStatus::kImprovement);  // -1%
  EXPECT_EQ(suite.benchmarks[3].status, VerdictStatus::kInconclusive);
  EXPECT_EQ(suite.benchmarks[3].undecided, Undecided::kNondeterministic);
  EXPECT_EQ(suite.benchmarks[4].status, VerdictStatus::kAdded);
  EXPECT_EQ(suite.benchmarks[5].status, VerdictStatus::kRemoved);
  EXPECT_TRUE(suite.gate_failed);
  EXPECT_EQ(suite.regressions, 1u);
  EXPECT_EQ(suite.improvements, 1u);
}

// max_regression is a tolerance on time: the rule file that allows a noisy
// machine's 10% does not let a count grow by 3% unseen.
TEST(CountAnalysisTest, ABudgetsMaxRegressionDoesNotLoosenTheCounts) {
  RunData before, after;
  before.benchmarks = {CountedSet("BM_Lookup", 1000)};
  after.benchmarks = {CountedSet("BM_Lookup", 1030)};
  AnalysisConfig config;
  config.tolerance = kInstructionsTolerance;
  BudgetRule rule;
  rule.pattern = "BM_Lookup";
  rule.max_regression = 0.05;
  rule.origin = "test";
  config.budgets = {rule};
  const SuiteAnalysis suite = AnalyzeCounts(after, &before, config);
  EXPECT_EQ(suite.benchmarks[0].status, VerdictStatus::kRegression);  // +3% > 0.5%
  ASSERT_TRUE(suite.benchmarks[0].comparison.has_value());
  EXPECT_DOUBLE_EQ(suite.benchmarks[0].comparison->tolerance, kInstructionsTolerance);
  // The instructions tolerance itself (--tolerance of the tools) still applies.
  config.tolerance = 0.05;
  EXPECT_EQ(AnalyzeCounts(after, &before, config).benchmarks[0].status, VerdictStatus::kUnchanged);
}

// An instruction budget is judged on the exact count, with or without a
// baseline; time limits in the same rule are left to timing runs, said once.
TEST(CountAnalysisTest, AnInstructionBudgetIsJudgedOnTheCountAndTimeLimitsAreLeftAlone) {
  RunData run;
  run.measure = Measure::kInstructions;
  run.benchmarks = {CountedSet("BM_Parse/1", 5200), CountedSet("BM_Parse/2", 4800),
                    CountedSet("BM_Parse/3", 9000, false)};
  BudgetRule rule;
  rule.pattern = "BM_Parse/.*";
  rule.limits = {Limit{"instructions", 5000, false}, Limit{"p99", 1, false}};
  rule.origin = "thresholds/a.json:3:18";
  AnalysisConfig config;
  config.budgets = {rule};
  const SuiteAnalysis suite = AnalyzeCounts(run, nullptr, config);
  ASSERT_EQ(suite.benchmarks.size(), 3u);
  EXPECT_EQ(suite.benchmarks[0].status, VerdictStatus::kBudgetExceeded);
  EXPECT_EQ(suite.benchmarks[0].reasons.back(),
            "instructions 5200 > budget 5000 (thresholds/a.json:3:18)");
  EXPECT_EQ(suite.benchmarks[1].status, VerdictStatus::kPass);  // 4800, and p99 not judged
  // Nondeterministic: not judged on instructions, budgets included.
  EXPECT_EQ(suite.benchmarks[2].status, VerdictStatus::kInconclusive);
  EXPECT_EQ(suite.benchmarks[2].undecided, Undecided::kNondeterministic);
  EXPECT_TRUE(suite.gate_failed);
  // The two deterministic ones had an instruction limit judged.
  EXPECT_EQ(suite.budgets_checked, 2u);
  ASSERT_EQ(suite.warnings.size(), 1u);
  EXPECT_EQ(suite.warnings[0],
            "2 budget limit(s) on time, memory or counters not judged: an instructions run "
            "judges instructions limits only");
}

TEST(CountAnalysisTest, ATimingRunLeavesInstructionLimitsAloneWithoutAWord) {
  RunData run;
  run.benchmarks = {Rows("BM_Parse", {100, 101, 102, 100, 101})};
  BudgetRule rule;
  rule.pattern = "BM_Parse";
  rule.limits = {Limit{"instructions", 1, false}};
  rule.origin = "test";
  AnalysisConfig config;
  config.budgets = {rule};
  const SuiteAnalysis suite = AnalyzeSuite(run, nullptr, config);
  EXPECT_EQ(suite.benchmarks[0].status, VerdictStatus::kPass);
  EXPECT_TRUE(suite.warnings.empty());
  EXPECT_FALSE(suite.gate_failed);
  EXPECT_EQ(suite.budgets_checked, 0u);  // no limit of this run's measure
}

// Not counted on either side (threads): the candidate's reason, not "no
// baseline samples".
TEST(CountAnalysisTest, ABenchmarkNotCountedSaysWhyAgainstABaseline) {
  SampleSet threads = Rows("BM_T/threads:2", {1, 1, 1}, 2);
  threads.instructions = InstructionCount{};
  threads.instructions->not_counted = "threads: Valgrind runs them one at a time";
  RunData before, after;
  before.benchmarks = after.benchmarks = {threads};
  const SuiteAnalysis suite = AnalyzeCounts(after, &before, AnalysisConfig());
  EXPECT_EQ(suite.benchmarks[0].status, VerdictStatus::kInconclusive);
  EXPECT_EQ(suite.benchmarks[0].undecided, Undecided::kNotCounted);
  EXPECT_EQ(suite.benchmarks[0].reasons.back(),
            "not counted: threads: Valgrind runs them one at a time");
  EXPECT_FALSE(suite.benchmarks[0].comparison.has_value());
  // Counted now, not in the baseline: the baseline's reason.
  after.benchmarks = {CountedSet("BM_T/threads:2", 100)};
  EXPECT_EQ(AnalyzeCounts(after, &before, AnalysisConfig()).benchmarks[0].reasons.back(),
            "baseline not counted: threads: Valgrind runs them one at a time");
}

CountingSetup CountedWith(const std::string& valgrind, double floor) {
  CountingSetup setup;
  setup.valgrind_version = valgrind;
  setup.options = {"--tool=callgrind", "--instr-atstart=no"};
  setup.harness_floor = floor;
  return setup;
}

// What differs between the two countings is said, once each, and the
// comparison still stands; a count the harness dominates is named.
TEST(CountAnalysisTest, ItSaysWhereTheTwoSidesWereCountedDifferently) {
  RunData before, after;
  before.measure = after.measure = Measure::kInstructions;
  before.benchmarks = {CountedSet("BM_Big", 10000), CountedSet("BM_Tiny", 2000)};
  after.benchmarks = {CountedSet("BM_Big", 10000), CountedSet("BM_Tiny", 2000)};
  before.counting = CountedWith("valgrind-3.18.1", 242);
  after.counting = CountedWith("valgrind-3.19.0", 274);
  after.counting->options.push_back("--dump-line=no");
  SuiteAnalysis suite = AnalyzeCounts(after, &before, AnalysisConfig());
  EXPECT_EQ(suite.benchmarks[0].status, VerdictStatus::kUnchanged);
  ASSERT_EQ(suite.warnings.size(), 5u);
  EXPECT_EQ(suite.warnings.front(), kCountsJudgedExactly);
  suite.warnings.erase(suite.warnings.begin());
  EXPECT_EQ(suite.warnings[0],
            "the baseline was counted by valgrind-3.18.1 and the candidate by valgrind-3.19.0: a "
            "change may be the counting's, not the code's");
  EXPECT_EQ(suite.warnings[1],
            "the baseline and the candidate were counted with different Valgrind options: a "
            "change may be the counting's, not the code's");
  EXPECT_EQ(suite.warnings[2],
            "the harness floor differs (baseline 242, candidate 274 instructions): Google "
            "Benchmark, the compiler or its flags differ between the builds, and every count "
            "can move with them");
  // 2000 + 274 < 10 x 274 = 2740: within 10x; 10000 is not.
  EXPECT_EQ(suite.warnings[3].rfind("BM_Tiny: 2000 instructions per iteration, within 10x of "
                                    "the harness floor (274,",
                                    0),
            0u)
      << suite.warnings[3];
  // The same setup on both sides: nothing to say about it.
  before.counting = after.counting;
  EXPECT_EQ(AnalyzeCounts(after, &before, AnalysisConfig()).warnings.size(), 2u);
}

}  // namespace
}  // namespace benchgate
