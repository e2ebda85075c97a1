// End-to-end tests of --benchgate_measure=instructions: the fixture binary
// (tests/e2e/count_fixture_bench.cc) counted under Valgrind as a user runs
// it, then benchgate-diff and benchgate-ab on what it wrote. They skip,
// saying so, where Valgrind is not installed; CI installs it. Never built
// under sanitizers (Valgrind cannot run those builds).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/outcome.h"
#include "support/read_file.h"
#include "support/run_binary.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using benchgate::test::Outcome;
using benchgate::test::ReadFile;
using nlohmann::json;

bool ValgrindInstalled() { return std::system("valgrind --version > /dev/null 2>&1") == 0; }

class InstructionsE2ETest : public benchgate::test::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    if (!ValgrindInstalled())
      GTEST_SKIP() << "valgrind is not installed (apt-get install valgrind)";
  }

  // `env`: "NAME=value ..." for the shell; `binary` the fixture by default.
  Outcome Run(const std::string& binary, const std::string& args, const std::string& env = "") {
    return benchgate::test::RunInDir(dir_, env, "'" + binary + "' " + args);
  }
  Outcome Count(const std::string& args, const std::string& env = "") {
    return Run(COUNT_FIXTURE_BIN, "--benchgate_measure=instructions " + args, env);
  }
  json Read(const std::string& file) { return json::parse(ReadFile(dir_ / file)); }
};

json Result(const json& file, const std::string& name) {
  for (const json& result : file["benchgate"]["results"]) {
    if (result["name"] == name) return result;
  }
  return json();
}

// One line, naming what failed, exit 2: the contract for bad input.
void ExpectOneLineError(const Outcome& run, const std::string& words) {
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find(words), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << run.err;
}

// The same, where the whole line is known.
void ExpectExactError(const Outcome& run, const std::string& line) {
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_EQ(run.err, line + "\n");
}

const char* const kCounted[] = {"BM_Work/2000",    "BM_Work/20000",   "Table/Sum",  "BM_Fill<int>",
                                "BM_Fill<double>", "BM_SampledChain", "BM_Allocate"};

TEST_F(InstructionsE2ETest, EveryKindOfBenchmarkCountsTheSameInTwoRuns) {
  const std::string all =
      "'--benchmark_filter=^(BM_Work|Table|BM_Fill|BM_Sampled|BM_Allocate|"
      "BM_Threads)' ";
  const Outcome first = Count(all + "--benchgate_out=one.json");
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  const Outcome second = Count(all + "--benchgate_out=two.json");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const json one = Read("one.json"), two = Read("two.json");
  EXPECT_EQ(one["benchgate"]["measure"], "instructions");
  EXPECT_GT(one["benchgate"]["counting"]["harness_floor"].get<double>(), 0);
  EXPECT_EQ(one["benchgate"]["counting"]["harness_floor"],
            two["benchgate"]["counting"]["harness_floor"]);
  for (const char* name : kCounted) {
    const json a = Result(one, name)["instructions"], b = Result(two, name)["instructions"];
    ASSERT_TRUE(a.is_object()) << name;
    EXPECT_TRUE(a["deterministic"].get<bool>()) << name << " " << a.dump();
    EXPECT_GT(a["per_iteration"].get<double>(), 0) << name;
    // The same count in two runs, to the instruction.
    EXPECT_EQ(a["per_iteration"], b["per_iteration"]) << name;
    EXPECT_EQ(a["counts"], b["counts"]) << name;
  }
  // Valgrind runs threads one at a time: not attributed, said why.
  const json threads = Result(one, "BM_Threads/threads:2")["instructions"];
  EXPECT_NE(threads["not_counted"].get<std::string>().find("threads"), std::string::npos);
  // The console names the measure and the floor.
  EXPECT_NE(second.out.find("Instructions per iteration, counted under valgrind-"),
            std::string::npos)
      << second.out;
  // BM_Work/20000 does 10x BM_Work/2000's work: the body, floor taken off.
  const double small = Result(one, "BM_Work/2000")["instructions"]["per_iteration"];
  const double large = Result(one, "BM_Work/20000")["instructions"]["per_iteration"];
  EXPECT_NEAR(large / small, 10.0, 0.05);
  // A benchmark counts the same alone as in the suite (each in processes of
  // its own: what ran before it never shapes its heap), and its Google
  // Benchmark rows reach --benchmark_out with the others'.
  const Outcome alone = Count(
      "'--benchmark_filter=^(BM_Allocate|BM_Fill<double>)$' "
      "--benchgate_out=alone.json --benchmark_out=alone.gbench.json");
  ASSERT_EQ(alone.exit_code, 0) << alone.err;
  for (const char* name : {"BM_Allocate", "BM_Fill<double>"}) {
    EXPECT_EQ(Result(Read("alone.json"), name)["instructions"]["counts"],
              Result(one, name)["instructions"]["counts"])
        << name;
  }
  std::vector<std::string> run_names;
  const json rows = Read("alone.gbench.json");
  for (const json& row : rows["benchmarks"]) {
    if (run_names.empty() || run_names.back() != row["run_name"])
      run_names.push_back(row["run_name"]);
  }
  EXPECT_EQ(run_names, (std::vector<std::string>{"BM_Fill<double>", "BM_Allocate"}));
}

TEST_F(InstructionsE2ETest, OnePercentMoreWorkIsARegressionAndTheSameWorkNever) {
  const std::string only = "--benchmark_filter=^BM_Work ";
  ASSERT_EQ(Count(only + "--benchgate_out=base.json").exit_code, 0);
  const Outcome same = Count(only + "--benchgate_baseline=base.json --benchgate_out=same.json");
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  const Outcome more = Count(only + "--benchgate_baseline=base.json --benchgate_out=more.json",
                             "COUNT_FIXTURE_EXTRA=0.01");
  EXPECT_EQ(more.exit_code, 1) << more.out << more.err;
  for (const char* name : {"BM_Work/2000", "BM_Work/20000"}) {
    EXPECT_EQ(Result(Read("same.json"), name)["verdict"]["status"], "unchanged") << name;
    const json verdict = Result(Read("more.json"), name)["verdict"];
    EXPECT_EQ(verdict["status"], "regression") << name;
    EXPECT_NEAR(verdict["change"].get<double>(), 0.01, 0.001) << name;
    EXPECT_EQ(verdict["p_method"], "exact-count") << name;
  }
  // A baseline from another toolchain is compared, and said to be one.
  json clang = Read("base.json");
  clang["benchgate"]["environment"]["compiler"] = "other-cc";
  clang["benchgate"]["environment"]["key"] = "0123456789abcdef";
  std::ofstream(dir_ / "clang.json") << clang.dump();
  const Outcome other = Count(only + "--benchgate_baseline=clang.json");
  EXPECT_EQ(other.exit_code, 0) << other.out << other.err;
  EXPECT_NE(other.out.find("warning: the baseline and the candidate were measured in different "
                           "environments (compiler other-cc vs "),
            std::string::npos)
      << other.out;
  // benchgate-diff judges the two files alike, naming the measure.
  const Outcome diff = Run(BENCHGATE_DIFF_BIN, "base.json more.json");
  EXPECT_EQ(diff.exit_code, 1) << diff.out << diff.err;
  EXPECT_NE(diff.out.find("instructions"), std::string::npos) << diff.out;
  EXPECT_EQ(Run(BENCHGATE_DIFF_BIN, "base.json same.json").exit_code, 0);
}

// An instruction budget in a threshold file: judged on the count, exact;
// the same file's time limit is left to timing runs (said once), and a
// timing run leaves the instruction limit alone.
TEST_F(InstructionsE2ETest, AnInstructionBudgetHoldsOrBreaksOnTheCount) {
  const std::string only = "--benchmark_filter=^BM_Work/2000$ ";
  ASSERT_EQ(Count(only + "--benchgate_out=base.json").exit_code, 0);
  const double count =
      Result(Read("base.json"), "BM_Work/2000")["instructions"]["per_iteration"].get<double>();
  // Half a percent of headroom: 1% more work breaks it.
  std::ofstream(dir_ / "budget.json") << R"({"schema": "benchgate.thresholds/1", "budgets": [)"
                                      << R"({"pattern": "BM_Work/2000", "instructions": )"
                                      << count * 1.005 << R"(, "p99": "1ns"}]})";
  const Outcome held = Count(only + "--benchgate_thresholds=budget.json");
  EXPECT_EQ(held.exit_code, 0) << held.out << held.err;
  EXPECT_NE(held.out.find("1 budget limit(s) on time, memory or counters not judged"),
            std::string::npos)
      << held.out << held.err;
  const Outcome broken =
      Count(only + "--benchgate_thresholds=budget.json --benchgate_out=more.json",
            "COUNT_FIXTURE_EXTRA=0.01");
  EXPECT_EQ(broken.exit_code, 1) << broken.out << broken.err;
  const json verdict = Result(Read("more.json"), "BM_Work/2000")["verdict"];
  EXPECT_EQ(verdict["status"], "budget_exceeded");
  EXPECT_NE(verdict["reasons"].dump().find("instructions"), std::string::npos) << verdict;
  // A timing run leaves the instruction limit alone (1 would break anything).
  std::ofstream(dir_ / "count_only.json") << R"({"schema": "benchgate.thresholds/1", "budgets": [)"
                                          << R"({"pattern": "BM_Work/2000", "instructions": 1}]})";
  const Outcome timed = Run(COUNT_FIXTURE_BIN, only +
                                                   "--benchmark_min_time=0.001 "
                                                   "--benchgate_thresholds=count_only.json");
  EXPECT_EQ(timed.exit_code, 0) << timed.out << timed.err;
}

TEST_F(InstructionsE2ETest, RunsOfDifferentMeasuresAreNeverCompared) {
  const std::string only = "--benchmark_filter=^BM_Work/2000$ ";
  ASSERT_EQ(Count(only + "--benchgate_out=counted.json").exit_code, 0);
  ASSERT_EQ(Run(COUNT_FIXTURE_BIN, only + "--benchmark_min_time=0.001 --benchmark_repetitions=5 "
                                          "--benchgate_out=timed.json")
                .exit_code,
            0);
  ExpectExactError(Count(only + "--benchgate_baseline=timed.json"),
                   "benchgate: error: timed.json: expected a run measured in instructions "
                   "(--benchgate_measure=instructions), got one measured in time; runs of "
                   "different measures are never compared");
  ExpectExactError(Run(COUNT_FIXTURE_BIN, only + "--benchmark_min_time=0.001 "
                                                 "--benchgate_baseline=counted.json"),
                   "benchgate: error: counted.json: expected a run measured in time "
                   "(--benchgate_measure=time), got one measured in instructions; runs of "
                   "different measures are never compared");
  ExpectExactError(Run(BENCHGATE_DIFF_BIN, "timed.json counted.json"),
                   "benchgate-diff: error: counted.json: expected a run measured in time (like "
                   "timed.json), got one measured in instructions; runs of different measures "
                   "are never compared");
}

TEST_F(InstructionsE2ETest, ACrashOrAHangUnderValgrindIsNamed) {
  ExpectOneLineError(Count("--benchmark_filter=^BM_Crash$", "COUNT_FIXTURE_CRASH=1"),
                     "benchmark BM_Crash:");
  ExpectOneLineError(
      Count("--benchmark_filter=^BM_Hang$ --benchgate_timeout=5", "COUNT_FIXTURE_HANG=1"),
      "benchmark BM_Hang: ");
  EXPECT_TRUE(fs::is_empty(dir_) || !fs::exists(dir_ / "out.json"));
}

TEST_F(InstructionsE2ETest, WithoutValgrindOnPathItSaysWhatToInstall) {
  ExpectExactError(
      Count("--benchmark_filter=^BM_Work/2000$ --benchgate_out=out.json", "PATH=/nonexistent"),
      "benchgate: error: --benchgate_measure=instructions: expected Valgrind to count "
      "instructions: 'valgrind' is not on PATH (Debian: apt-get install valgrind)");
  EXPECT_FALSE(fs::exists(dir_ / "out.json"));
}

TEST_F(InstructionsE2ETest, HistoryIsRefusedForExactCounts) {
  ExpectExactError(Count("--benchgate_history=history.json --benchmark_filter=^BM_Work/2000$"),
                   "benchgate: error: --benchgate_history: expected no history with "
                   "--benchgate_measure=instructions: exact counts have no noise to learn from; "
                   "compare with --benchgate_baseline");
}

TEST_F(InstructionsE2ETest, AbCountsTwoBuildsOnceEach) {
  const std::string args = "--measure instructions --format json --keep kept '" +
                           std::string(COUNT_FIXTURE_BIN) + "' '" + COUNT_FIXTURE_MORE_BIN +
                           "' -- --benchmark_filter=^BM_Work";
  const Outcome ab = Run(BENCHGATE_AB_BIN, args);
  EXPECT_EQ(ab.exit_code, 1) << ab.out << ab.err;
  const json report = json::parse(ab.out);
  EXPECT_EQ(report["metric"], "instructions");
  for (const json& c : report["comparisons"]) {
    EXPECT_EQ(c["verdict"], "regression") << c.dump();
  }
  EXPECT_TRUE(fs::exists(dir_ / "kept" / "base.json"));
  // A binary without benchgate cannot count its loops: said in one line.
  const Outcome plain =
      Run(BENCHGATE_AB_BIN, "--measure instructions '" + std::string(PLAIN_GBENCH_BIN) + "' '" +
                                COUNT_FIXTURE_BIN + "'");
  ExpectExactError(plain, "benchgate-ab: error: baseline binary " + std::string(PLAIN_GBENCH_BIN) +
                              ": cannot count instructions: it is not linked with benchgate (it "
                              "wrote no instructions run); link benchgate::main, or "
                              "benchgate::benchgate with benchgate::Initialize in its own main");
}

}  // namespace
