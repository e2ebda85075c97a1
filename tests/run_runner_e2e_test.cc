// End-to-end tests of the runner: the fixture benchmark binary
// (tests/e2e/gate_fixture_bench.cc, linked with benchgate::main and
// benchgate::memory) is run as a user would run it, and its exit code,
// console output and files are checked.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/outcome.h"
#include "support/read_file.h"
#include "support/run_binary.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using benchgate::test::Outcome;
using benchgate::test::ReadFile;
using nlohmann::json;

class RunnerE2ETest : public benchgate::test::TempDirTest {
 protected:
  // env: "NAME=value ..." prefix for the shell; args: flags.
  Outcome Run(const std::string& args, const std::string& env = "") {
    return benchgate::test::RunInDir(
        dir_, env,
        "'" + std::string(BENCHGATE_FIXTURE_BIN) + "' --benchmark_min_time=0.001 " + args);
  }
};

json FindResult(const json& file, const std::string& name) {
  for (const json& result : file["benchgate"]["results"]) {
    if (result["name"] == name) return result;
  }
  return json();
}

TEST_F(RunnerE2ETest, WritesEnrichedJsonWhoseGbenchKeysEqualGoogleBenchmarksOwn) {
  const Outcome run = Run("--benchgate_out=enriched.json --benchmark_out=gbench.json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json enriched = json::parse(ReadFile(dir_ / "enriched.json"));
  const json gbench = json::parse(ReadFile(dir_ / "gbench.json"));
  // The same rows went through Google Benchmark's JSONReporter for both.
  EXPECT_EQ(enriched["context"], gbench["context"]);
  EXPECT_EQ(enriched["benchmarks"], gbench["benchmarks"]);
  EXPECT_EQ(enriched.size(), 3u);  // context, benchmarks, benchgate

  const json& benchgate = enriched["benchgate"];
  EXPECT_EQ(benchgate["schema_version"], 1);
  EXPECT_EQ(benchgate["environment"]["key"].get<std::string>().size(), 16u);
  EXPECT_EQ(benchgate["gate"]["status"], "pass");

  const json spin = FindResult(enriched, "BM_Spin/iterations:20/manual_time");
  ASSERT_FALSE(spin.is_null());
  EXPECT_EQ(spin["time_unit"], "ns");
  EXPECT_EQ(spin["samples"]["real_time"].size(), 10u);  // benchgate's default repetitions
  const double median = spin["stats"]["real_time"]["median"];
  EXPECT_GE(median, 200'000.0);
  EXPECT_LT(median, 300'000.0);
  EXPECT_EQ(spin["stats"]["real_time"]["median_ci"].size(), 2u);
  EXPECT_EQ(spin["verdict"]["status"], "pass");
}

TEST_F(RunnerE2ETest, SampledLatencyAndMemoryReachTheEnrichedJson) {
  const Outcome run = Run("--benchgate_out=enriched.json --benchmark_filter='Sampled|Allocate'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json enriched = json::parse(ReadFile(dir_ / "enriched.json"));

  const json sampled = FindResult(enriched, "BM_SpinSampled/iterations:40/real_time");
  ASSERT_TRUE(sampled.contains("latency")) << sampled.dump();
  EXPECT_EQ(sampled["latency"]["count"], 400);  // 40 iterations x 10 repetitions
  EXPECT_GE(sampled["latency"]["p50"].get<double>(), 50'000.0 * 0.99);
  EXPECT_FALSE(sampled["latency"]["histogram"].empty());
  for (const json& row : enriched["benchmarks"]) {
    EXPECT_FALSE(row.contains("benchgate_latency_id")) << row.dump();
    if (row["run_name"] == "BM_SpinSampled/iterations:40/real_time" &&
        row["run_type"] == "iteration") {
      EXPECT_TRUE(row.contains("p50") && row.contains("p99") && row.contains("max")) << row.dump();
    }
  }

  const json allocate = FindResult(enriched, "BM_Allocate/iterations:1000");
  ASSERT_TRUE(allocate.contains("memory")) << allocate.dump();
  EXPECT_EQ(allocate["memory"]["allocs_per_iter"], 1.0);
  EXPECT_EQ(allocate["memory"]["bytes_per_iter"], 40.0);
}

TEST_F(RunnerE2ETest, ErroredBenchmarkIsReportedWithoutStatistics) {
  const Outcome run = Run("--benchgate_out=enriched.json --benchmark_filter=BM_Fails");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json fails = FindResult(json::parse(ReadFile(dir_ / "enriched.json")), "BM_Fails");
  EXPECT_EQ(fails["error_message"], "fixture error");
  EXPECT_FALSE(fails.contains("stats"));
  EXPECT_EQ(fails["verdict"]["status"], "error");
  EXPECT_NE(run.out.find("ERROR: fixture error"), std::string::npos) << run.out;
}

// The fixture's manual times make these verdicts exact; the speed probe
// (real time of benchgate's loop, which a parallel ctest moves) is kept
// out of them and tested on its own (SpeedProbe...).
TEST_F(RunnerE2ETest, ThirtyPercentSlowerFailsTheGateAndAnUnchangedRerunPasses) {
  const std::string filter = "--benchmark_filter='BM_Spin/' --benchgate_speed_probe=false ";
  ASSERT_EQ(Run(filter + "--benchgate_out=base.json").exit_code, 0);

  const Outcome slower = Run(filter + "--benchgate_baseline=base.json --benchgate_out=slow.json",
                             "BENCHGATE_FIXTURE_SLOWDOWN=1.3");
  EXPECT_EQ(slower.exit_code, 1) << slower.out << slower.err;
  EXPECT_NE(slower.out.find("regression"), std::string::npos) << slower.out;
  const json slow = json::parse(ReadFile(dir_ / "slow.json"));
  EXPECT_EQ(slow["benchgate"]["gate"]["status"], "fail");
  const json spin = FindResult(slow, "BM_Spin/iterations:20/manual_time");
  EXPECT_EQ(spin["verdict"]["status"], "regression");
  EXPECT_NEAR(spin["verdict"]["change"].get<double>(), 0.3, 0.05);
  EXPECT_EQ(spin["verdict"]["confirmation"], "confirmed");  // default: one confirmation round
  EXPECT_EQ(spin["samples"]["real_time"].size(), 20u);      // 10 + 10 from the re-run
  EXPECT_NE(slower.out.find("benchgate: extra round 1 of at most 3: measuring 1 benchmark again"),
            std::string::npos)
      << slower.out;
  EXPECT_EQ(slower.out.find("extra round 2"), std::string::npos) << "confirmed after one round";

  const Outcome same = Run(filter + "--benchgate_baseline=base.json");
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
}

// --benchgate_shard=K/N: each shard runs its part of the selection (the
// fixture's six benchmarks fall 3, 1 and 2 into three shards by FNV-1a of
// their names), says so in its enriched JSON, and benchgate-diff combines
// the shards of a side into one suite, refusing gaps, repeats and mixes.
TEST_F(RunnerE2ETest, ShardsSplitTheSuiteAndBenchgateDiffCombinesThem) {
  const std::string filter = "--benchmark_filter='BM_(Spin|Order|Allocate)' ";
  ASSERT_EQ(Run(filter + "--benchgate_out=all.json").exit_code, 0);
  std::map<std::string, int> shard_of;
  for (int k = 1; k <= 3; ++k) {
    const std::string shard = std::to_string(k) + "/3";
    const Outcome run = Run(filter + "--benchgate_shard=" + shard + " --benchgate_out=s" +
                            std::to_string(k) + ".json");
    ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
    const json file = json::parse(ReadFile(dir_ / ("s" + std::to_string(k) + ".json")));
    EXPECT_EQ(file["benchgate"]["shard"], json({{"index", k}, {"count", 3}}));
    for (const json& result : file["benchgate"]["results"]) {
      EXPECT_TRUE(shard_of.emplace(result["name"].get<std::string>(), k).second)
          << result["name"] << " in two shards";
    }
  }
  // Five of the fixture's benchmarks match the filter: each in exactly one shard.
  EXPECT_EQ(shard_of, (std::map<std::string, int>{{"BM_Spin/iterations:20/manual_time", 1},
                                                  {"BM_Allocate/iterations:1000", 1},
                                                  {"BM_SpinSampled/iterations:40/real_time", 2},
                                                  {"BM_Order/0/iterations:10", 3},
                                                  {"BM_Order/1/iterations:10", 3}}));

  const auto diff = [&](const std::string& args) {
    return benchgate::test::RunInDir(dir_, "", "'" + std::string(BENCHGATE_DIFF_BIN) + "' " + args);
  };
  const Outcome combined =
      diff("--format json --baseline all.json --candidate s1.json s2.json s3.json");
  ASSERT_LE(combined.exit_code, 1) << combined.err;
  const json report = json::parse(combined.out);
  EXPECT_EQ(report["comparisons"].size(), 5u);
  for (const json& c : report["comparisons"]) {
    EXPECT_NE(c["verdict"], "removed") << c.dump();
    EXPECT_NE(c["verdict"], "added") << c.dump();
  }
  const Outcome gap = diff("--baseline all.json --candidate s1.json s3.json");
  EXPECT_EQ(gap.exit_code, 2);
  EXPECT_EQ(gap.err,
            "benchgate-diff: error: s1.json: expected all 3 shards, shard 2/3 is missing\n");
  const Outcome twice = diff("--baseline all.json --candidate s1.json s2.json s2.json s3.json");
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_EQ(twice.err,
            "benchgate-diff: error: s2.json: expected each shard once, shard 2/3 is also "
            "s2.json\n");
  const Outcome mixed = diff("--baseline all.json --candidate all.json s1.json s2.json s3.json");
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_EQ(mixed.err,
            "benchgate-diff: error: all.json: expected a shard (--benchgate_shard) like s1.json, "
            "got a whole run\n");

  // Shard files edited as a broken matrix would make them.
  const auto edited = [&](const std::string& from, const std::string& to, const auto& edit) {
    json file = json::parse(ReadFile(dir_ / from));
    edit(file["benchgate"]);
    std::ofstream(dir_ / to) << file.dump();
  };
  edited("s2.json", "split.json", [](json& b) { b["shard"]["count"] = 4; });
  const Outcome split = diff("--baseline all.json --candidate s1.json split.json s3.json");
  EXPECT_EQ(split.exit_code, 2);
  EXPECT_EQ(split.err,
            "benchgate-diff: error: split.json: expected shard k/3 as s1.json, got 2/4\n");
  edited("s2.json", "machine.json", [](json& b) { b["environment"]["key"] = "another"; });
  const Outcome machine = diff("--baseline all.json --candidate s1.json machine.json s3.json");
  EXPECT_EQ(machine.exit_code, 2);
  EXPECT_EQ(machine.err,
            "benchgate-diff: error: machine.json: expected the shards of one side from one "
            "binary and machine, got another environment than s1.json\n");
  edited("s1.json", "copy.json", [](json& b) { b["shard"]["index"] = 2; });
  const Outcome overlap = diff("--baseline all.json --candidate s1.json copy.json s3.json");
  EXPECT_EQ(overlap.exit_code, 2);
  EXPECT_EQ(overlap.err.rfind("benchgate-diff: error: copy.json: expected shards without a "
                              "benchmark in common, ",
                              0),
            0u)
      << overlap.err;

  // A listing with a shard names what that shard runs, in registration
  // order (a CI matrix job's list; the runs above put BM_Order in shard 3).
  const Outcome listed = Run(filter + "--benchmark_list_tests --benchgate_shard=3/3");
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(listed.out, "BM_Order/0/iterations:10\nBM_Order/1/iterations:10\n");

  // A shard that holds none of the selection is a mistake in the matrix.
  const Outcome empty = Run(filter + "--benchgate_shard=2/4");
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_EQ(empty.err,
            "benchgate: error: --benchgate_shard: expected benchmarks in shard 2/4, got none of "
            "the 5 selected (fewer shards, or a wider --benchmark_filter)\n");
  EXPECT_EQ(empty.out, "");
  const Outcome empty_listing = Run(filter + "--benchmark_list_tests --benchgate_shard=2/4");
  EXPECT_EQ(empty_listing.exit_code, 2);
  EXPECT_EQ(empty_listing.err, empty.err);
  EXPECT_EQ(empty_listing.out, "");
}

// Repetitions are interleaved across benchmarks by default, so that a burst
// of load spreads thin; --benchgate_interleave=false runs them back to back.
// Blocked orders by chance under interleaving: 2 / C(20, 10) = 1.1e-5.
bool Blocked(const json& enriched) {
  std::vector<double> first, second;
  for (const json& row : enriched["benchmarks"]) {
    if (row["run_type"] != "iteration") continue;
    if (row["run_name"] == "BM_Order/0/iterations:10") first.push_back(row["order"]);
    if (row["run_name"] == "BM_Order/1/iterations:10") second.push_back(row["order"]);
  }
  EXPECT_EQ(first.size(), 10u);
  EXPECT_EQ(second.size(), 10u);
  if (first.empty() || second.empty()) return true;
  const auto [lo1, hi1] = std::minmax_element(first.begin(), first.end());
  const auto [lo2, hi2] = std::minmax_element(second.begin(), second.end());
  return *hi1 < *lo2 || *hi2 < *lo1;
}

TEST_F(RunnerE2ETest, RepetitionsAreInterleavedByDefault) {
  ASSERT_EQ(Run("--benchmark_filter=BM_Order --benchgate_out=mixed.json").exit_code, 0);
  EXPECT_FALSE(Blocked(json::parse(ReadFile(dir_ / "mixed.json"))));
  ASSERT_EQ(Run("--benchmark_filter=BM_Order --benchgate_interleave=false "
                "--benchgate_out=blocked.json")
                .exit_code,
            0);
  EXPECT_TRUE(Blocked(json::parse(ReadFile(dir_ / "blocked.json"))));
  // Google Benchmark's own flag, when given, decides.
  ASSERT_EQ(Run("--benchmark_filter=BM_Order --benchmark_enable_random_interleaving=false "
                "--benchgate_out=own.json")
                .exit_code,
            0);
  EXPECT_TRUE(Blocked(json::parse(ReadFile(dir_ / "own.json"))));
}

// The speed probe (model/speed_probe.h) is in every time run's enriched
// JSON. Against a baseline whose probe ran twice as fast (its points halved
// here: the machine twice as slow for the candidate, far beyond the
// probe's own noise), a 30% slowdown is one the machine could have made:
// inconclusive, the gate passes and says why; a 5x slowdown is not; without
// the candidate's probe there is nothing to compare, and it fails.
TEST_F(RunnerE2ETest, SpeedProbeKeepsAMachineSlowdownFromFailingTheGate) {
  const std::string filter = "--benchmark_filter='BM_Spin/' ";
  ASSERT_EQ(Run(filter + "--benchgate_out=base.json").exit_code, 0);
  json base = json::parse(ReadFile(dir_ / "base.json"));
  json& probe = base["benchgate"]["speed_probe"];
  EXPECT_EQ(probe["kind"], "xorshift-multiply-500000/mean-of-15");
  ASSERT_GE(probe["points_ns"].size(), 2u);  // before and after the pass at least
  for (json& point : probe["points_ns"]) point = point.get<double>() / 2;
  std::ofstream(dir_ / "fast.json") << base.dump();

  const Outcome slower = Run(filter + "--benchgate_baseline=fast.json --benchgate_out=c.json",
                             "BENCHGATE_FIXTURE_SLOWDOWN=1.3");
  EXPECT_EQ(slower.exit_code, 0) << slower.out << slower.err;
  EXPECT_NE(slower.out.find("warning: the machine ran "), std::string::npos) << slower.out;
  EXPECT_NE(slower.out.find("1 undecided (1 machine speed differs)"), std::string::npos)
      << slower.out;
  const json c = json::parse(ReadFile(dir_ / "c.json"));
  const json spin = FindResult(c, "BM_Spin/iterations:20/manual_time");
  EXPECT_EQ(spin["verdict"]["status"], "inconclusive") << spin["verdict"].dump();
  EXPECT_EQ(spin["verdict"]["undecided"], "machine speed differs");
  EXPECT_GT(c["benchgate"]["gate"]["machine"]["change"].get<double>(), 0.5);

  const Outcome five = Run(filter + "--benchgate_baseline=fast.json --benchgate_out=five.json",
                           "BENCHGATE_FIXTURE_SLOWDOWN=5");
  EXPECT_EQ(five.exit_code, 1) << five.out;
  const json five_spin =
      FindResult(json::parse(ReadFile(dir_ / "five.json")), "BM_Spin/iterations:20/manual_time");
  EXPECT_EQ(five_spin["verdict"]["status"], "regression");
  EXPECT_NE(five_spin["verdict"]["reasons"].dump().find("stands although the machine ran "),
            std::string::npos)
      << five_spin["verdict"].dump();

  const Outcome unprobed = Run(filter +
                                   "--benchgate_baseline=fast.json --benchgate_speed_probe=false "
                                   "--benchgate_out=u.json",
                               "BENCHGATE_FIXTURE_SLOWDOWN=1.3");
  EXPECT_EQ(unprobed.exit_code, 1) << unprobed.out;
  const json u = json::parse(ReadFile(dir_ / "u.json"));
  EXPECT_FALSE(u["benchgate"].contains("speed_probe"));
  EXPECT_FALSE(u["benchgate"]["gate"].contains("machine"));
}

// The first pass is 30% slow, the confirmation run is not: a noise spike.
// (Google Benchmark 1.7.1 calls BM_Spin twice per repetition when a memory
// manager is registered: 10 repetitions are 20 invocations.)
TEST_F(RunnerE2ETest, ConfirmationRunClearsANoiseSpike) {
  const std::string filter = "--benchmark_filter='BM_Spin/' --benchgate_speed_probe=false ";
  ASSERT_EQ(Run(filter + "--benchgate_out=base.json").exit_code, 0);
  const std::string spike = "BENCHGATE_FIXTURE_SLOWDOWN=1.3 BENCHGATE_FIXTURE_SPIKE=20";
  const Outcome cleared =
      Run(filter + "--benchgate_baseline=base.json --benchgate_out=c.json", spike);
  EXPECT_EQ(cleared.exit_code, 0) << cleared.out << cleared.err;
  const json spin =
      FindResult(json::parse(ReadFile(dir_ / "c.json")), "BM_Spin/iterations:20/manual_time");
  EXPECT_EQ(spin["verdict"]["confirmation"], "cleared") << spin["verdict"].dump();
  EXPECT_NE(spin["verdict"]["status"], "regression");
  // The spiked first pass is slower as a whole than the clean extra round:
  // set aside as one block, every sample kept in the JSON with its round.
  EXPECT_EQ(spin["verdict"]["rounds_set_aside"]["candidate"], json::array({0}))
      << spin["verdict"].dump();
  EXPECT_EQ(spin["samples"]["rounds"].size(), spin["samples"]["real_time"].size());

  // Without confirmation the same spike fails the gate: what confirmation buys.
  const Outcome unconfirmed =
      Run(filter + "--benchgate_baseline=base.json --benchgate_confirm=0", spike);
  EXPECT_EQ(unconfirmed.exit_code, 1) << unconfirmed.out;
}

// Five recorded runs teach the gate this benchmark's noise; a 30% slower run
// is then a regression against the history's centre, with no baseline file.
TEST_F(RunnerE2ETest, HistoryAloneJudgesTheCandidate) {
  const std::string flags = "--benchmark_filter='BM_Spin/' --benchgate_history=h.json ";
  for (int i = 0; i < 5; ++i) ASSERT_EQ(Run(flags + "--benchgate_record").exit_code, 0);
  const json history = json::parse(ReadFile(dir_ / "h.json"));
  EXPECT_EQ(history["schema"], "benchgate.history/1");
  ASSERT_EQ(history["environments"].size(), 1u);
  EXPECT_EQ(history["environments"]
                .begin()
                .value()["benchmarks"]["BM_Spin/iterations:20/manual_time"]
                .size(),
            5u);

  const Outcome same = Run(flags + "--benchgate_out=same.json");
  EXPECT_EQ(same.exit_code, 0) << same.out;
  const json unchanged =
      FindResult(json::parse(ReadFile(dir_ / "same.json")), "BM_Spin/iterations:20/manual_time");
  EXPECT_EQ(unchanged["verdict"]["status"], "unchanged") << unchanged["verdict"].dump();
  EXPECT_EQ(unchanged["verdict"]["p_method"], "history");

  const Outcome slower = Run(flags + "--benchgate_out=slow.json", "BENCHGATE_FIXTURE_SLOWDOWN=1.3");
  EXPECT_EQ(slower.exit_code, 1) << slower.out;
  const json spin =
      FindResult(json::parse(ReadFile(dir_ / "slow.json")), "BM_Spin/iterations:20/manual_time");
  EXPECT_EQ(spin["verdict"]["status"], "regression");
  EXPECT_NE(spin["verdict"]["reasons"][0].get<std::string>().find("over 5 runs"), std::string::npos)
      << spin["verdict"].dump();
}

// --benchgate_history_runs bounds what is kept (and learnt from): the third
// recorded run pushes the first out.
TEST_F(RunnerE2ETest, HistoryRunsBoundsTheRecordedSeries) {
  const std::string flags =
      "--benchmark_filter='BM_Spin/' --benchgate_history=h.json --benchgate_record "
      "--benchgate_history_runs=2 --benchgate_history_decay=0.5 ";
  for (int i = 0; i < 3; ++i) ASSERT_EQ(Run(flags).exit_code, 0);
  const json history = json::parse(ReadFile(dir_ / "h.json"));
  ASSERT_EQ(history["environments"].size(), 1u);
  EXPECT_EQ(history["environments"]
                .begin()
                .value()["benchmarks"]["BM_Spin/iterations:20/manual_time"]
                .size(),
            2u);
}

TEST_F(RunnerE2ETest, RecordWithoutHistoryIsBadInput) {
  const Outcome run = Run("--benchgate_record");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(
      run.err,
      "benchgate: error: --benchgate_record: expected --benchgate_history=FILE to record into\n");
}

TEST_F(RunnerE2ETest, CorruptHistoryIsBadInputAndIsKept) {
  std::ofstream(dir_ / "h.json") << "{ not json";
  const Outcome run = Run("--benchgate_history=h.json --benchgate_record");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "benchgate: error: h.json:1:4: expected valid JSON (syntax error while parsing object "
            "key - invalid literal; last read: '{ no'; expected string literal)\n");
  EXPECT_EQ(ReadFile(dir_ / "h.json"), "{ not json");
}

TEST_F(RunnerE2ETest, PlainGoogleBenchmarkJsonWorksAsBaseline) {
  const std::string filter = "--benchmark_filter='BM_Spin/' ";
  ASSERT_EQ(Run(filter + "--benchmark_out=plain.json").exit_code, 0);
  const Outcome slower =
      Run(filter + "--benchgate_baseline=plain.json", "BENCHGATE_FIXTURE_SLOWDOWN=1.3");
  EXPECT_EQ(slower.exit_code, 1) << slower.out << slower.err;
}

TEST_F(RunnerE2ETest, MissingBaselineIsBadInput) {
  const Outcome run = Run("--benchgate_baseline=missing.json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(
      run.err,
      "benchgate: error: missing.json: expected a readable file (No such file or directory)\n");
  EXPECT_EQ(run.out.find("BM_Spin"), std::string::npos) << "no benchmark may run";
}

TEST_F(RunnerE2ETest, UnknownBenchgateFlagIsBadInput) {
  const Outcome run = Run("--benchgate_outt=x.json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err.rfind("benchgate: error: --benchgate_outt: unknown flag; expected one of ", 0),
            0u)
      << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1);
}

TEST_F(RunnerE2ETest, BadFlagFromTheEnvironmentIsBadInput) {
  const Outcome run = Run("", "BENCHGATE_ALPHA=2");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "benchgate: error: BENCHGATE_ALPHA: expected a number between 0 and 1 (exclusive), got "
            "'2'\n");
}

TEST_F(RunnerE2ETest, UnwritableOutputIsBadInputBeforeAnyBenchmarkRuns) {
  const Outcome run = Run("--benchgate_out=no/such/dir/out.json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "benchgate: error: --benchgate_out: expected an existing directory for "
            "'no/such/dir/out.json'\n");
  EXPECT_EQ(run.out.find("BM_Spin"), std::string::npos);
}

TEST_F(RunnerE2ETest, FilterMatchingNothingIsBadInput) {
  const Outcome run = Run("--benchmark_filter=NoSuchBenchmark");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(
      run.err.find("benchgate: error: --benchmark_filter: expected a filter matching at least "
                   "one benchmark, got 'NoSuchBenchmark'"),
      std::string::npos)
      << run.err;
}

// One spelling on every Google Benchmark version, checked by benchgate: a
// bad value is its one line, exit 2, with nothing from Google Benchmark.
TEST_F(RunnerE2ETest, BadMinTimeIsOneLineOfBadInput) {
  const Outcome run = Run("--benchmark_min_time=soon");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "benchgate: error: --benchmark_min_time: expected seconds (0.5 or 0.5s) or an "
            "iteration count (100x), got 'soon'\n");
}

TEST_F(RunnerE2ETest, UnrecognizedArgumentIsBadInput) {
  const Outcome run = Run("--no_such_flag");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "benchgate: error: --no_such_flag: unrecognized argument; expected a --benchmark_* or "
            "--benchgate_* flag (see --help)\n");
}

TEST_F(RunnerE2ETest, ConsoleShowsOneRowPerBenchmarkNotPerRepetition) {
  const Outcome run = Run("--benchmark_filter='BM_Spin/' --benchmark_color=false");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::size_t rows = 0;
  for (std::size_t at = run.out.find("BM_Spin/iterations:20"); at != std::string::npos;
       at = run.out.find("BM_Spin/iterations:20", at + 1)) {
    ++rows;
  }
  EXPECT_EQ(rows, 1u) << run.out;
  EXPECT_NE(run.out.find("Median [95% CI]"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("\033["), std::string::npos) << "no colour when asked";
}

std::string Thresholds(const std::string& name) {
  return std::string(BENCHGATE_TEST_DATA_DIR) + "/e2e/" + name;
}

TEST_F(RunnerE2ETest, BudgetFromAThresholdFileFailsTheGate) {
  const Outcome run =
      Run("--benchmark_filter='Spin/|Allocate' --benchgate_out=out.json "
          "--benchgate_thresholds=" +
          Thresholds("spin_over_budget.json"));
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  const json out = json::parse(ReadFile(dir_ / "out.json"));
  const json spin = FindResult(out, "BM_Spin/iterations:20/manual_time");
  EXPECT_EQ(spin["verdict"]["status"], "budget_exceeded");
  ASSERT_EQ(spin["verdict"]["reasons"].size(), 2u) << spin.dump();
  EXPECT_EQ(spin["verdict"]["reasons"][1], "confirmed after 1 extra round");
  EXPECT_EQ(spin["verdict"]["confirmation"], "confirmed");
  const std::string reason = spin["verdict"]["reasons"][0];
  EXPECT_EQ(reason.rfind("median 20", 0), 0u) << reason;
  EXPECT_NE(reason.find("> budget 100 us (" + Thresholds("spin_over_budget.json") + ":3:"),
            std::string::npos)
      << reason;
  EXPECT_EQ(FindResult(out, "BM_Allocate/iterations:1000")["verdict"]["status"], "pass");
  EXPECT_EQ(out["benchgate"]["gate"]["status"], "fail");
}

TEST_F(RunnerE2ETest, BudgetsWithinLimitsPass) {
  const Outcome run =
      Run("--benchmark_filter='Spin/|Allocate' --benchgate_out=out.json "
          "--benchgate_thresholds=" +
          Thresholds("spin_within_budget.json"));
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  const json spin =
      FindResult(json::parse(ReadFile(dir_ / "out.json")), "BM_Spin/iterations:20/manual_time");
  EXPECT_EQ(spin["verdict"]["status"], "pass");
  EXPECT_EQ(spin["verdict"]["budgets"].size(), 1u);
}

TEST_F(RunnerE2ETest, ThresholdPatternMatchingNothingIsBadInput) {
  const Outcome run = Run("--benchgate_thresholds=" + Thresholds("typo_pattern.json"));
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_EQ(run.err, "benchgate: error: " + Thresholds("typo_pattern.json") +
                         ":2:29: expected the pattern \"BM_Spn/.*\" to match a benchmark name, got "
                         "no match among 6 benchmarks\n");
}

TEST_F(RunnerE2ETest, MalformedThresholdFileIsBadInputBeforeAnyBenchmarkRuns) {
  std::ofstream(dir_ / "bad.json") << "{ \"schema\": \"benchgate.thresholds/1\", \"budgets\": [ { "
                                      "\"pattern\": \"BM_Spin/.*\", \"median\": \"10 usec\" } ] }";
  const Outcome run = Run("--benchgate_thresholds=bad.json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err.rfind("benchgate: error: bad.json:1:", 0), 0u) << run.err;
  EXPECT_EQ(run.out.find("BM_Spin"), std::string::npos) << "no benchmark may run";
}

TEST_F(RunnerE2ETest, CompareDotPyReadsTheEnrichedJsonUnchanged) {
  const char* compare = "/usr/share/benchmark/compare.py";
  if (!fs::exists(compare) || std::system("/usr/bin/python3 -c 'import scipy' 2>/dev/null") != 0) {
    GTEST_SKIP() << "compare.py (libbenchmark-tools) or python3-scipy not installed";
  }
  ASSERT_EQ(Run("--benchmark_filter='BM_Spin/' --benchgate_out=a.json").exit_code, 0);
  ASSERT_EQ(Run("--benchmark_filter='BM_Spin/' --benchgate_out=b.json").exit_code, 0);
  const std::string command = std::string("/usr/bin/python3 ") + compare + " benchmarks '" +
                              (dir_ / "a.json").string() + "' '" + (dir_ / "b.json").string() +
                              "' > '" + (dir_ / "compare.txt").string() + "' 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << ReadFile(dir_ / "compare.txt");
  EXPECT_NE(ReadFile(dir_ / "compare.txt").find("BM_Spin"), std::string::npos);
}

}  // namespace
