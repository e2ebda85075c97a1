// benchgate-diff end to end, in-process through RunDiff(): every format
// against approved files, exit codes, merging, metrics, thresholds, history
// mode and the bad-input corpus.
//
// The inputs are tests/data/diff/*.json, made by make_inputs.py there, whose
// verdicts are known by construction. Approved outputs live in
// tests/data/approved/diff_command/; BENCHGATE_UPDATE_APPROVED=1 rewrites them
// after the diff has been checked by eye.
#include "diff_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "stats/repeated_normal_looks.h"
#include "support/approved_files.h"
#include "support/read_file.h"
#include "support/temp_dir.h"

namespace benchgate::diff {
namespace {

namespace fs = std::filesystem;
using test::Approved;
using test::ReadFile;

const std::string kData = BENCHGATE_TEST_DATA_DIR;

struct Result {
  int code = -1;
  std::string out, err;
};

// Runs in tests/data/diff so that file labels in reports are relative.
Result Diff(std::vector<std::string> args) {
  const fs::path previous = fs::current_path();
  fs::current_path(kData + "/diff");
  std::ostringstream out, err;
  Result r;
  r.code = RunDiff(args, out, err);
  fs::current_path(previous);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::size_t Lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

class FormatTest : public testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(FormatTest, MatchesApprovedFile) {
  const auto [format, file] = GetParam();
  const Result r = Diff({"--format", format, "base.json", "cand.json"});
  EXPECT_EQ(r.code, 1) << r.err;  // BM_Regressed fails the gate
  EXPECT_EQ(r.out, Approved(file, r.out));
}

INSTANTIATE_TEST_SUITE_P(AllFormats, FormatTest,
                         testing::Values(std::pair{"text", "diff_command/diff.txt"},
                                         std::pair{"markdown", "diff_command/diff.md"},
                                         std::pair{"json", "diff_command/diff.json"},
                                         std::pair{"html", "diff_command/diff.html"},
                                         std::pair{"junit", "diff_command/diff.xml"},
                                         std::pair{"github", "diff_command/diff_github.txt"}));

// Verdicts known by construction (make_inputs.py), read from the JSON.
TEST(DiffCommandTest, VerdictsOfTheFixture) {
  const Result r = Diff({"--format", "json", "base.json", "cand.json"});
  const auto doc = nlohmann::json::parse(r.out);
  std::map<std::string, std::string> verdict;
  for (const auto& c : doc["comparisons"]) verdict[c["name"]] = c["verdict"];
  EXPECT_EQ(verdict["BM_Regressed"], "regression");
  EXPECT_EQ(verdict["BM_Improved"], "improvement");  // candidate in us, baseline in ns
  EXPECT_EQ(verdict["BM_Same"], "unchanged");
  EXPECT_EQ(verdict["BM_Slight"], "unchanged");
  EXPECT_EQ(verdict["BM_Noisy"], "inconclusive");
  EXPECT_EQ(verdict["BM_Added"], "added");
  EXPECT_EQ(verdict["BM_Removed"], "removed");
  EXPECT_EQ(verdict["BM_Errored"], "error");
  EXPECT_EQ(doc["schema"], "benchgate.diff/1");
  EXPECT_EQ(doc["summary"]["worst_regression"]["name"], "BM_Regressed");
}

TEST(DiffCommandTest, ExitCodes) {
  EXPECT_EQ(Diff({"base.json", "base.json"}).code, 0);
  EXPECT_EQ(Diff({"base.json", "cand.json"}).code, 1);
  EXPECT_EQ(Diff({"base.json", "no_such.json"}).code, 2);
  EXPECT_EQ(Diff({"base.json"}).code, 2);
  EXPECT_EQ(Diff({"--help"}).code, 0);
}

// "--tolerance nan" passed every gate before (NaN compares false with every
// bound): each number option refuses what is not a finite number in range.
TEST(DiffCommandTest, NumberOptionsRefuseNanAndInfinity) {
  const std::vector<std::pair<std::string, std::string>> cases = {{"--tolerance", "from 0 to 10"},
                                                                  {"--alpha", "from 1e-12 to 0.5"},
                                                                  {"--max-cv", "from 0 to 100"}};
  for (const auto& [option, range] : cases) {
    for (const std::string value : {"nan", "inf", "-inf", "0.02x", "-1"}) {
      const Result r = Diff({option, value, "base.json", "cand.json"});
      EXPECT_EQ(r.code, 2) << option << " " << value;
      EXPECT_EQ(r.err, "benchgate-diff: error: " + option + ": expected a number " + range +
                           ", got '" + value + "' (see --help)\n");
    }
  }
  EXPECT_EQ(Diff({"--tolerance", "0.02", "base.json", "base.json"}).code, 0);
}

// A 40 KB nested pattern as --filter: the exact one-line error, the pattern
// cut at 60 characters.
TEST(DiffCommandTest, HostileFilterExactMessage) {
  const std::string nested = std::string(20000, '(') + std::string(20000, ')');
  const Result r = Diff({"--filter", nested, "base.json", "cand.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "benchgate-diff: error: --filter: expected a valid regular expression (RE2), "
            "got \"" +
                std::string(57, '(') + "...\": longer than 4096 characters (40000)\n");
}

// Shards of one suite (split by name, as --benchmark_filter shards would
// be) merge into the same comparison as the whole file.
TEST(DiffCommandTest, ShardsMergeLikeTheWholeRun) {
  const Result whole = Diff({"--format", "json", "base.json", "cand.json"});
  const Result shards = Diff({"--format", "json", "--baseline", "base.json", "--candidate",
                              "shard_a.json", "--candidate", "shard_b.json"});
  auto a = nlohmann::json::parse(whole.out);
  auto b = nlohmann::json::parse(shards.out);
  EXPECT_EQ(a["summary"], b["summary"]);
  ASSERT_EQ(a["comparisons"].size(), b["comparisons"].size());
  for (std::size_t i = 0; i < a["comparisons"].size(); ++i) {
    // Merged rows keep the order of first appearance: compare by name.
    for (const auto& c : b["comparisons"]) {
      if (c["name"] == a["comparisons"][i]["name"]) {
        EXPECT_EQ(c["p_value"], a["comparisons"][i]["p_value"]) << c["name"];
        EXPECT_EQ(c["verdict"], a["comparisons"][i]["verdict"]) << c["name"];
      }
    }
  }
}

// Repeated runs of one side: twice the same file doubles every sample.
TEST(DiffCommandTest, RepeatedRunsDoubleTheSamples) {
  const Result r = Diff({"--format", "json", "--baseline", "base.json", "--baseline", "base.json",
                         "--candidate", "cand.json"});
  const auto doc = nlohmann::json::parse(r.out);
  for (const auto& c : doc["comparisons"]) {
    if (c["name"] == "BM_Same") {
      EXPECT_EQ(c["baseline"]["n"], 20);
    }
  }
}

// items_per_second is a rate: down 20% is a regression; the times of the
// same benchmark did not change.
TEST(DiffCommandTest, RateMetricLowerIsWorse) {
  const Result rate = Diff({"--metric", "items_per_second", "--filter", "Throughput", "--format",
                            "json", "base.json", "cand.json"});
  EXPECT_EQ(rate.code, 1);
  const auto doc = nlohmann::json::parse(rate.out);
  ASSERT_EQ(doc["comparisons"].size(), 1u);
  EXPECT_EQ(doc["comparisons"][0]["verdict"], "regression");
  EXPECT_LT(doc["comparisons"][0]["change"].get<double>(), -0.15);
  EXPECT_EQ(doc["unit"], nullptr);
  // Told the opposite direction, the same drop is an improvement.
  const Result flipped = Diff({"--metric", "items_per_second", "--direction", "lower", "--filter",
                               "Throughput", "base.json", "cand.json"});
  EXPECT_EQ(flipped.code, 0);
  EXPECT_EQ(Diff({"--filter", "Throughput", "base.json", "cand.json"}).code, 0);
}

// --p-method asymptotic reproduces compare.py's p-value. BM_Regressed's 10
// and 10 samples are fully separated, so the exact p is 2 / C(20, 10) and the
// asymptotic one is SciPy 1.10.1's
// mannwhitneyu(range(10), range(10, 20), method='asymptotic').pvalue.
TEST(DiffCommandTest, PMethodChoosesTheMannWhitneyDistribution) {
  auto p_of = [](const std::string& method) {
    const Result r = Diff({"--p-method", method, "--filter", "BM_Regressed", "--format", "json",
                           "base.json", "cand.json"});
    const auto doc = nlohmann::json::parse(r.out);
    return std::pair{doc["comparisons"][0]["p_method"].get<std::string>(),
                     doc["comparisons"][0]["p_value"].get<double>()};
  };
  const auto [exact_name, exact_p] = p_of("exact");
  EXPECT_EQ(exact_name, "exact");
  EXPECT_NEAR(exact_p, 2.0 / 184756.0, 1e-9 * exact_p);
  const auto [asym_name, asym_p] = p_of("asymptotic");
  EXPECT_EQ(asym_name, "asymptotic");
  EXPECT_NEAR(asym_p, 0.00018267179110955002, 1e-9 * asym_p);
  EXPECT_EQ(p_of("auto").first, "exact");
  EXPECT_EQ(Diff({"--p-method", "normal", "base.json", "cand.json"}).code, 2);
}

// BM_Noisy stays undecided, BM_Same is decided: half of the judged ones.
TEST(DiffCommandTest, MaxUndecidedFailsTheGate) {
  const auto diff = [](const std::string& share) {
    return Diff({"--max-undecided", share, "--filter", "Noisy|Same", "--format", "json",
                 "base.json", "cand.json"});
  };
  const Result within = diff("60%");
  EXPECT_EQ(within.code, 0) << within.err;
  EXPECT_EQ(nlohmann::json::parse(within.out)["summary"]["too_many_undecided"], false);
  for (const char* share : {"40%", "0.4", "0"}) {
    const Result over = diff(share);
    EXPECT_EQ(over.code, 1) << share << ": " << over.err;
    const auto summary = nlohmann::json::parse(over.out)["summary"];
    EXPECT_EQ(summary["too_many_undecided"], true) << share;
    EXPECT_EQ(summary["undecided"], nlohmann::json::parse(R"({"unstable": 1})")) << share;
    EXPECT_EQ(summary["regressions"], 0) << share;
  }
  EXPECT_DOUBLE_EQ(nlohmann::json::parse(diff("40%").out)["summary"]["max_undecided"].get<double>(),
                   0.4);
  // Without the option nothing fails for being undecided, but it is said.
  const Result off = Diff({"--filter", "Noisy|Same", "base.json", "cand.json"});
  EXPECT_EQ(off.code, 0);
  EXPECT_NE(off.out.find("; 1 undecided (1 unstable))"), std::string::npos) << off.out;
  const Result text =
      Diff({"--max-undecided", "10%", "--filter", "Noisy|Same", "base.json", "cand.json"});
  EXPECT_NE(text.out.find("; 1 undecided (1 unstable); more than 10.0% undecided fails the gate)"),
            std::string::npos)
      << text.out;
}

TEST(DiffCommandTest, MaxUndecidedMustBeAShare) {
  // "+10%" and "0x1": the runner's parser, which the tools now share, takes
  // plain decimals only.
  for (const char* bad :
       {"abc", "150%", "1.5", "-0.1", "-5%", "", "10 %", "%", "nan", "inf", "+10%", "0x1"}) {
    const Result r = Diff({"--max-undecided", bad, "base.json", "cand.json"});
    EXPECT_EQ(r.code, 2) << bad;
    EXPECT_EQ(r.err,
              "benchgate-diff: error: --max-undecided: expected a share from 0 to 1 such "
              "as 10% or 0.1, got '" +
                  std::string(bad) + "' (see --help)\n")
        << bad;
  }
  const Result missing = Diff({"base.json", "cand.json", "--max-undecided"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(Lines(missing.err), 1u) << missing.err;
}

// --keep-slow judges every sample: the decision's test is the plain one.
TEST(DiffCommandTest, KeepSlowSetsNothingAside) {
  const Result r = Diff({"--keep-slow", "--format", "json", "base.json", "cand.json"});
  EXPECT_EQ(r.code, 1) << r.err;
  const nlohmann::json doc = nlohmann::json::parse(r.out);  // outlives the loop
  for (const auto& c : doc["comparisons"]) {
    if (c["p_method"].is_null()) continue;
    EXPECT_EQ(c["p_method"], c["p_method_all"]) << c["name"];
    EXPECT_EQ(c["p_value"], c["p_value_all"]) << c["name"];
    EXPECT_EQ(c["set_aside"]["baseline"].size(), 0u) << c["name"];
    EXPECT_EQ(c["set_aside"]["candidate"].size(), 0u) << c["name"];
  }
}

// An enriched candidate whose round 1 ran 30% slow as a whole: benchgate-diff
// reads the rounds back and sets that round aside, as the runner did.
TEST(DiffCommandTest, EnrichedRoundsAreBlocksWhenJudgedAgain) {
  std::vector<double> times;
  std::vector<int> rounds;
  for (int round = 0; round < 3; ++round) {
    for (int k = 0; k < 5; ++k) {
      times.push_back((round == 1 ? 1300.0 : 1000.0) * (1 + 0.002 * k));
      rounds.push_back(round);
    }
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const double t : times) {
    rows.push_back({{"name", "BM_Same"},
                    {"run_name", "BM_Same"},
                    {"run_type", "iteration"},
                    {"iterations", 1000},
                    {"real_time", t},
                    {"cpu_time", t},
                    {"time_unit", "ns"}});
  }
  nlohmann::json result = {{"name", "BM_Same"}, {"time_unit", "ns"}};
  result["samples"] = {{"real_time", times}, {"cpu_time", times}, {"rounds", rounds}};
  nlohmann::json doc = {{"context", nlohmann::json::object()}, {"benchmarks", rows}};
  doc["benchgate"] = {{"schema_version", 1}, {"results", nlohmann::json::array({result})}};
  const std::string file = testing::TempDir() + "diff_rounds.json";
  std::ofstream(file) << doc.dump();
  const Result r =
      Diff({"--filter", "BM_Same", "--format", "json", "--baseline", file, "--candidate", file});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto c = nlohmann::json::parse(r.out)["comparisons"][0];
  EXPECT_EQ(c["rounds_set_aside"]["candidate"], nlohmann::json({1})) << c.dump();
  EXPECT_EQ(c["set_aside"]["candidate"], nlohmann::json({5, 6, 7, 8, 9})) << c.dump();
  EXPECT_EQ(c["verdict"], "unchanged") << c.dump();
}

// One Google Benchmark JSON process: five repetitions of each benchmark
// around `centre[name]`.
std::string WriteProcess(const std::string& file, const std::map<std::string, double>& centre) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& [name, c] : centre) {
    for (const double k : {1.0, 1.01, 0.995, 1.02, 1.005}) {
      rows.push_back({{"name", name},
                      {"run_name", name},
                      {"run_type", "iteration"},
                      {"iterations", 1000},
                      {"real_time", c * k},
                      {"cpu_time", c * k},
                      {"time_unit", "ns"}});
    }
  }
  const std::string path = testing::TempDir() + file;
  std::ofstream(path) << nlohmann::json{
      {"context", nlohmann::json::object()},
      {"benchmarks", rows}}.dump();
  return path;
}

// Rounds run interleaved (as benchgate-ab keeps them), under a +-20% factor
// shared by both processes of a round: --paired judges them as benchgate-ab
// does (one d_r per round, the signed-rank test), without it the files of a
// side are merged and the Mann-Whitney family judges.
TEST(DiffCommandTest, PairedJudgesRoundsWithTheProcessAsTheUnit) {
  std::vector<std::string> args = {"--format", "json", "--tolerance", "0.02", "--baseline"};
  std::vector<std::string> candidates = {"--candidate"};
  for (int r = 0; r < 10; ++r) {
    const double factor = 1 + 0.2 * std::sin(1.3 * r);
    const std::string tag = std::to_string(r);
    args.push_back(WriteProcess("paired-b" + tag + ".json",
                                {{"BM_Same", 1000 * factor}, {"BM_Slow", 2000 * factor}}));
    candidates.push_back(WriteProcess(
        "paired-c" + tag + ".json",
        {{"BM_Same", 1000 * factor}, {"BM_Slow", 2000 * factor * 1.05 * (1 + 0.001 * r)}}));
  }
  args.insert(args.end(), candidates.begin(), candidates.end());
  const Result pooled = Diff(args);
  ASSERT_LE(pooled.code, 1) << pooled.err;
  const nlohmann::json pooled_report = nlohmann::json::parse(pooled.out);
  for (const auto& c : pooled_report["comparisons"]) {
    EXPECT_EQ(c["p_method"].get<std::string>().rfind("signed-rank", 0), std::string::npos);
  }
  args.insert(args.begin(), {"--paired", "--fixed-rounds"});
  const Result paired = Diff(args);
  ASSERT_EQ(paired.code, 1) << paired.err;
  std::map<std::string, nlohmann::json> by_name;
  const nlohmann::json paired_report = nlohmann::json::parse(paired.out);
  for (const auto& c : paired_report["comparisons"]) {
    by_name[c["name"].get<std::string>()] = c;
  }
  EXPECT_EQ(by_name["BM_Slow"]["verdict"], "regression") << by_name["BM_Slow"].dump();
  EXPECT_EQ(by_name["BM_Slow"]["p_method"], "signed-rank-exact");
  EXPECT_NEAR(by_name["BM_Slow"]["p_value"].get<double>(), 2.0 / 1024, 1e-12);
  EXPECT_EQ(by_name["BM_Same"]["verdict"], "unchanged") << by_name["BM_Same"].dump();

  // Sequential rounds (the default, as in benchgate-ab): BM_Same (every
  // round equal: within any tolerance) is unchanged at the first look,
  // round 6; BM_Slow (every round slower) is a regression at round 10, the
  // first whose repeated p-value, spent over looks 6..60 because a suspect
  // may go on to round 60, that of the signed-rank p-value 2/1024 (0.0173,
  // a NumPy simulation of the looks), is within Benjamini-Hochberg's
  // 0.05 x 1/2 (round 9's, of 2/512, is 0.0318).
  args.erase(args.begin() + 1);
  const Result sequential = Diff(args);
  ASSERT_EQ(sequential.code, 1) << sequential.err;
  by_name.clear();
  const nlohmann::json sequential_report = nlohmann::json::parse(sequential.out);
  for (const auto& c : sequential_report["comparisons"]) {
    by_name[c["name"].get<std::string>()] = c;
  }
  const nlohmann::json& slow = by_name["BM_Slow"];
  EXPECT_EQ(slow["verdict"], "regression") << slow.dump();
  EXPECT_EQ(slow["p_method"], "signed-rank-sequential");
  EXPECT_DOUBLE_EQ(slow["p_value"].get<double>(),
                   RepeatedNormalLooks::For(6, 60).RepeatedP(2.0 / 1024));
  EXPECT_NEAR(slow["p_value"].get<double>(), 0.0173, 6e-4);
  EXPECT_EQ(slow["sequential"], nlohmann::json({{"round", 10}, {"early", true}, {"open", false}}));
  EXPECT_EQ(by_name["BM_Same"]["verdict"], "unchanged");
  EXPECT_EQ(by_name["BM_Same"]["sequential"]["round"], 6);
  EXPECT_EQ(sequential_report["summary"]["last_look"], 30);
  // The round options are only for --paired.
  const Result unpaired = Diff({"--max-rounds", "12", "base.json", "cand.json"});
  EXPECT_EQ(unpaired.code, 2);
  EXPECT_EQ(unpaired.err,
            "benchgate-diff: error: --rounds, --max-rounds, --suspect-rounds and --fixed-rounds: "
            "only with --paired (see --help)\n");
  args.insert(args.begin() + 1, "--fixed-rounds");

  // Sides of different lengths, or no sides at all, are usage errors.
  args.pop_back();
  const Result uneven = Diff(args);
  EXPECT_EQ(uneven.code, 2);
  EXPECT_EQ(uneven.err,
            "benchgate-diff: error: --candidate: --paired: expected as many candidate files as "
            "baseline files (10), got 9\n");
  const Result positional = Diff({"--paired", "base.json", "cand.json"});
  EXPECT_EQ(positional.code, 2);
  EXPECT_EQ(positional.err,
            "benchgate-diff: error: base.json: expected a --keep directory of benchgate-ab, with "
            "benchgate-ab.json (kept by benchgate-ab since sequential rounds)\n");
  const Result history = Diff({"--paired", "--history", "base.json", "cand.json"});
  EXPECT_EQ(history.code, 2);
  EXPECT_EQ(history.err,
            "benchgate-diff: error: --paired and --history are two different modes (see "
            "--help)\n");
}

// A suspect through --paired: rounds at +10% and -4% in turn (x 1 + 0.0002 r,
// as gate_sequential_analysis_test's; tests/reference/suspect_rounds.py
// counts the exact signed-rank p-values: round 37): beyond the tolerance at round 30
// yet not significant, it goes on and is decided at round 37, which the
// JSON says; --suspect-rounds 30 (no suspects) judges it at round 30.
TEST(DiffCommandTest, PairedSuspectGoesOnPastTheLastLook) {
  std::vector<std::string> args = {"--paired",    "--format", "json",
                                   "--tolerance", "0.02",     "--baseline"};
  std::vector<std::string> candidates = {"--candidate"};
  for (int r = 0; r < 40; ++r) {
    const double ratio = (r % 2 == 0 ? 1.10 : 0.96) * (1 + 0.0002 * r);
    const std::string tag = std::to_string(r);
    args.push_back(WriteProcess("suspect-b" + tag + ".json", {{"BM_Lopsided", 1000}}));
    candidates.push_back(
        WriteProcess("suspect-c" + tag + ".json", {{"BM_Lopsided", 1000 * ratio}}));
  }
  args.insert(args.end(), candidates.begin(), candidates.end());
  const Result suspect = Diff(args);
  ASSERT_EQ(suspect.code, 1) << suspect.err;
  const nlohmann::json c = nlohmann::json::parse(suspect.out)["comparisons"][0];
  EXPECT_EQ(c["verdict"], "regression") << c.dump();
  EXPECT_EQ(c["sequential"],
            nlohmann::json({{"round", 37}, {"early", true}, {"open", false}, {"suspect", true}}));
  args.insert(args.begin() + 1, {"--suspect-rounds", "30"});
  const Result without = Diff(args);
  ASSERT_EQ(without.code, 0) << without.err;
  const nlohmann::json w = nlohmann::json::parse(without.out)["comparisons"][0];
  EXPECT_EQ(w["verdict"], "inconclusive") << w.dump();
  EXPECT_EQ(w["sequential"], nlohmann::json({{"round", 30}, {"early", false}, {"open", false}}));
}

TEST(DiffCommandTest, FilterKeepsMatchingNames) {
  const Result r = Diff({"--filter", "^BM_S", "--format", "json", "base.json", "cand.json"});
  EXPECT_EQ(r.code, 0);
  std::vector<std::string> names;
  const auto doc = nlohmann::json::parse(r.out);
  for (const auto& c : doc["comparisons"]) names.push_back(c["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"BM_Same", "BM_Slight"}));
}

TEST(DiffCommandTest, ThresholdsApplyTheRunnersBudgets) {
  const std::string file = testing::TempDir() + "diff_thresholds.json";
  std::ofstream(file) << R"({ "schema": "benchgate.thresholds/1",
    "budgets": [ { "pattern": "BM_Same", "median": "400ns" },
                 { "pattern": "BM_Regressed", "max_regression": "40%" } ] })";
  const Result r = Diff({"--thresholds", file, "--format", "json", "base.json", "cand.json"});
  std::map<std::string, std::string> verdict;
  const auto doc = nlohmann::json::parse(r.out);
  for (const auto& c : doc["comparisons"]) verdict[c["name"]] = c["verdict"];
  EXPECT_EQ(verdict["BM_Same"], "budget_exceeded");  // ~500 ns, all of its CI above 400 ns
  EXPECT_EQ(verdict["BM_Regressed"], "unchanged");   // +30% is within its own 40%
  EXPECT_EQ(r.code, 1);
  std::ofstream(file) << R"({ "schema": "benchgate.thresholds/1",
    "budgets": [ { "pattern": "BM_Nothing", "median": "1us" } ] })";
  const Result typo = Diff({"--thresholds", file, "base.json", "cand.json"});
  EXPECT_EQ(typo.code, 2);
  EXPECT_EQ(Lines(typo.err), 1u) << typo.err;
}

TEST(DiffCommandTest, OutputFileIsWrittenWholeAndStdoutStaysEmpty) {
  const std::string file = testing::TempDir() + "diff_report.md";
  const Result r = Diff({"--format", "markdown", "--output", file, "base.json", "cand.json"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(ReadFile(file), Approved("diff_command/diff.md", ReadFile(file)));
  const Result bad = Diff({"--output", "/no/such/dir/report.txt", "base.json", "cand.json"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(Lines(bad.err), 1u);
}

TEST(DiffCommandTest, GithubStepSummaryIsAppended) {
  const std::string file = testing::TempDir() + "step_summary.md";
  std::ofstream(file) << "earlier step\n";
  ::setenv("GITHUB_STEP_SUMMARY", file.c_str(), 1);
  const Result r = Diff({"--format", "github", "base.json", "cand.json"});
  ::unsetenv("GITHUB_STEP_SUMMARY");
  const std::string summary = ReadFile(file);
  EXPECT_EQ(summary.rfind("earlier step\n", 0), 0u);
  EXPECT_NE(summary.find("1 regression"), std::string::npos) << summary;
  EXPECT_NE(r.out.find("::error"), std::string::npos);
}

// Aggregate-only files give one warning per benchmark and no test.
TEST(DiffCommandTest, AggregatesOnlyWarns) {
  const std::string file = kData + "/io/gbench_1.7.1_aggregates_only.json";
  const Result r = Diff({file, file});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.err.find("has only aggregate rows; its median is used and no test is possible"),
            std::string::npos)
      << r.err;
}

// Every bad input: exit 2, exactly one line on stderr that names the file
// (or the option), never a crash.
// Issue 14: hostile patterns in a threshold file or --filter end in exit 0
// or a one-line error, never a crash or a hang (a 40 KB nested pattern once
// gave SIGSEGV through std::regex's recursion).
TEST(DiffCommandTest, HostilePatternsNeverCrashOrHang) {
  const std::string file = testing::TempDir() + "diff_hostile_thresholds.json";
  const std::string nested = std::string(20000, '(') + std::string(20000, ')');
  std::string alternation;
  for (int i = 0; alternation.size() < (std::size_t{1} << 20); ++i) {
    alternation += (i > 0 ? "|BM_" : "BM_") + std::to_string(i);
  }
  for (const std::string& pattern : {nested, alternation}) {
    std::ofstream(file) << R"({"schema": "benchgate.thresholds/1", "budgets": [{"pattern": ")"
                        << pattern << R"(", "median": "1us"}]})";
    const Result budgets = Diff({"--thresholds", file, "base.json", "cand.json"});
    EXPECT_EQ(budgets.code, 2);
    ASSERT_EQ(Lines(budgets.err), 1u) << budgets.err.substr(0, 300);
    EXPECT_NE(budgets.err.find(":1:62: expected a valid regular expression (RE2) for \"pattern\""),
              std::string::npos)
        << budgets.err.substr(0, 300);
    EXPECT_LT(budgets.err.size(), 400u);
    const Result filter = Diff({"--filter", pattern, "base.json", "cand.json"});
    EXPECT_EQ(filter.code, 2);
    ASSERT_EQ(Lines(filter.err), 1u);
    EXPECT_EQ(filter.err.rfind("benchgate-diff: error: --filter: expected a valid regular "
                               "expression (RE2), got \"",
                               0),
              0u)
        << filter.err.substr(0, 300);
  }
  // Exponential for a backtracking engine, linear here: it matches nothing.
  const Result slow = Diff({"--filter", "(a|aa)*(a|aa)*b", "base.json", "cand.json"});
  EXPECT_TRUE(slow.code == 0 || (slow.code == 2 && Lines(slow.err) == 1u)) << slow.err;
}

TEST(DiffCommandTest, BadInputCorpus) {
  const std::string io = kData + "/io/";
  for (const char* name :
       {"empty.json", "truncated.json", "not_object.json", "no_benchmarks.json",
        "benchmarks_not_array.json", "real_time_string.json", "name_not_string.json",
        "nan_time.json", "negative_time.json", "unknown_unit.json", "missing_name.json",
        "unknown_schema.json", "deep.json", "missing_comma.json", "garbage.bin",
        "enriched_length_mismatch.json", "no_such_file.json"}) {
    const std::string path = io + name;
    for (const auto& args : {std::vector<std::string>{path, "base.json"},
                             std::vector<std::string>{"base.json", path}}) {
      const Result r = Diff(args);
      EXPECT_EQ(r.code, 2) << name;
      EXPECT_EQ(Lines(r.err), 1u) << name << ": " << r.err;
      EXPECT_EQ(r.err.rfind("benchgate-diff: error: " + path, 0), 0u) << name << ": " << r.err;
    }
  }
  for (const auto& args : {std::vector<std::string>{"--bogus", "base.json", "cand.json"},
                           std::vector<std::string>{"--format", "pdf", "base.json", "cand.json"},
                           std::vector<std::string>{"--alpha", "2", "base.json", "cand.json"},
                           std::vector<std::string>{"--filter", "(", "base.json", "cand.json"},
                           std::vector<std::string>{"--metric", "nope", "base.json", "cand.json"},
                           std::vector<std::string>{"a.json", "b.json", "c.json"},
                           std::vector<std::string>{"--history", "base.json"}}) {
    const Result r = Diff(args);
    EXPECT_EQ(r.code, 2) << args[0];
    EXPECT_EQ(Lines(r.err), 1u) << args[0] << ": " << r.err;
    EXPECT_EQ(r.err.rfind("benchgate-diff: error: ", 0), 0u) << r.err;
  }
}

// Google Benchmark's own compare.py inputs (libbenchmark-tools) are read
// without error, pairwise as compare.py's tests use them.
TEST(DiffCommandTest, GoogleBenchmarksSampleInputs) {
  const std::string dir = "/usr/share/benchmark/gbench/Inputs/";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "libbenchmark-tools is not installed";
  for (const auto& [a, b] : {std::pair{"test1_run1.json", "test1_run2.json"},
                             std::pair{"test2_run.json", "test2_run.json"},
                             std::pair{"test3_run0.json", "test3_run1.json"},
                             std::pair{"test4_run0.json", "test4_run1.json"},
                             std::pair{"test4_run.json", "test4_run.json"}}) {
    const Result r = Diff({dir + a, dir + b});
    EXPECT_NE(r.code, 2) << a << ": " << r.err;
  }
}

// History mode: 30 runs, a 10% step at run 18 (index 17) in BM_Step, flat
// noise in BM_Flat (seeded); the step is found and named, the flat series
// has none.
TEST(DiffCommandTest, HistoryFindsAnInjectedStep) {
  const fs::path dir = test::FreshTempDir("benchgate_diff_history_" + std::to_string(getpid()));
  std::mt19937_64 rng(2026);
  std::normal_distribution<double> noise(0.0, 0.01);
  for (int run = 0; run < 30; ++run) {
    nlohmann::json rows = nlohmann::json::array();
    for (const char* name : {"BM_Step", "BM_Flat"}) {
      const double centre = std::string(name) == "BM_Step" && run >= 17 ? 1100 : 1000;
      for (int rep = 0; rep < 10; ++rep) {
        rows.push_back({{"name", name},
                        {"run_name", name},
                        {"run_type", "iteration"},
                        {"repetitions", 10},
                        {"repetition_index", rep},
                        {"threads", 1},
                        {"iterations", 100},
                        {"real_time", centre * (1 + noise(rng))},
                        {"cpu_time", centre},
                        {"time_unit", "ns"}});
      }
    }
    char file[32];
    std::snprintf(file, sizeof file, "run_%02d.json", run + 1);
    std::ofstream(dir / file) << nlohmann::json{
        {"context", nlohmann::json::object()},
        {"benchmarks", rows}}.dump();
  }
  const Result r = Diff({"--history", "--format", "json", dir.string()});
  EXPECT_EQ(r.code, 1) << r.err;  // newest vs oldest: BM_Step +10%
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["history"]["steps"].size(), 1u) << doc["history"]["steps"].dump();
  const auto& step = doc["history"]["steps"][0];
  EXPECT_EQ(step["benchmark"], "BM_Step");
  EXPECT_EQ(step["run"], "run_18.json");
  EXPECT_EQ(step["run_index"], 17);
  EXPECT_NEAR(step["change"].get<double>(), 0.10, 0.01);
  EXPECT_EQ(doc["history"]["runs"].size(), 30u);
  EXPECT_EQ(doc["history"]["series"]["BM_Flat"].size(), 30u);

  const Result text = Diff({"--history", dir.string()});
  EXPECT_NE(text.out.find("History: 30 runs, 2 benchmarks, 1 step found"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("at run 18 (run_18.json)"), std::string::npos) << text.out;
  const Result html = Diff({"--history", "--format", "html", dir.string()});
  EXPECT_NE(html.out.find("change point"), std::string::npos);
  fs::remove_all(dir);
}

// Runs measured in different environments (here: another compiler version,
// as a CI image upgrade makes) are said to be, with the field that differs,
// above the verdicts; each side's machine warnings are said once.
TEST(DiffCommandTest, DifferentEnvironmentsAreNamed) {
  const std::string enriched = kData + "/io/enriched_fixture_bench.json";
  nlohmann::json upgraded = nlohmann::json::parse(ReadFile(enriched));
  auto& environment = upgraded["benchgate"]["environment"];
  environment["compiler_version"] = "13.2.0";
  environment["key"] = "0123456789abcdef";
  const fs::path other = fs::path(testing::TempDir()) / "upgraded_compiler.json";
  std::ofstream(other) << upgraded.dump();
  const Result r = Diff({enriched, other.string()});
  fs::remove(other);
  EXPECT_NE(r.out.find("warning: the baseline and the candidate were measured in different "
                       "environments (compiler_version 12.2.0 vs 13.2.0): a change may be the "
                       "environment's, not the code's\n"),
            std::string::npos)
      << r.out;
  // The fixture's own machine warnings, on both sides: once each, unprefixed.
  EXPECT_NE(r.out.find("warning: running in a virtual machine (other)"), std::string::npos);
  EXPECT_EQ(r.out.find("baseline: running"), std::string::npos) << r.out;
  const Result same = Diff({enriched, enriched});
  EXPECT_EQ(same.out.find("different environments"), std::string::npos) << same.out;
}

}  // namespace
}  // namespace benchgate::diff
