// benchgate-ab end to end, in-process through RunAb(): the fixture built
// twice (tests/e2e/ab_fixture_bench.cc: ab_fixture_base with
// benchmark::benchmark_main, ab_fixture_cand with benchgate::main and
// BM_Slowed 1.3x slower), and small scripts that misbehave.
#include "ab_command.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "ab_process.h"
#include "diff_command.h"
#include "model/shard.h"
#include "support/approved_files.h"
#include "support/outcome.h"
#include "support/read_file.h"
#include "support/temp_dir.h"

namespace benchgate::ab {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::Outcome;

// `terminal`: as if stderr were a terminal (progress shown).
Outcome Ab(const std::vector<std::string>& args, bool terminal = false) {
  std::ostringstream out, err;
  Outcome outcome;
  outcome.exit_code = RunAb(args, out, err, Terminals{false, terminal});
  outcome.out = out.str();
  outcome.err = err.str();
  return outcome;
}

// The lines of `text` that start with `prefix`.
std::vector<std::string> Lines(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) == 0) lines.push_back(line);
  }
  return lines;
}

class AbCommandTest : public test::TempDirTest {
 protected:
  std::string Script(const std::string& name, const std::string& body, bool executable = true) {
    const fs::path path = dir_ / name;
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    chmod(path.c_str(), executable ? 0755 : 0644);
    return path.string();
  }
};

const std::string kBase = AB_BASE_BIN;
const std::string kCand = AB_CAND_BIN;
const std::string kBudgeted = AB_BUDGETED_BIN;
// Few rounds and repetitions: the fixture's manual times make every process
// report the same samples, so the verdicts need no more.
const std::vector<std::string> kQuick = {"--", "--benchmark_repetitions=5"};

std::vector<std::string> Plus(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::vector<std::string> Args(std::vector<std::string> options) {
  options.insert(options.end(), kQuick.begin(), kQuick.end());
  return options;
}

// The closing report a person reads, as README.md shows it: the sequential
// judgment of the fixture (BM_Slowed 1.3x slower) in the text format, with
// the binaries' paths as a CI job names them and this machine's own
// warnings (virtual machine, CPU scaling: the machine's, not the
// judgment's) left out.
TEST_F(AbCommandTest, TextReportMatchesApprovedFile) {
  const Outcome run = Ab(Args({"--seed", "21", "--tolerance", "0.02", kBase, kCand}));
  ASSERT_EQ(run.exit_code, 1) << run.err << run.out;
  std::string text;
  std::istringstream in(run.out);
  for (std::string line; std::getline(in, line);) {
    const bool machine = line.rfind("warning: ", 0) == 0 && line.find("BM_") == std::string::npos;
    if (machine || (line.empty() && !text.empty() && text.ends_with("\n\n"))) continue;
    text += line + "\n";
  }
  for (const auto& [path, as] : {std::pair{kBase, std::string("base/build/my_bench")},
                                 std::pair{kCand, std::string("head/build/my_bench")}}) {
    for (std::size_t at; (at = text.find(path)) != std::string::npos;)
      text.replace(at, path.size(), as);
  }
  EXPECT_EQ(text, test::Approved("ab_command/ab.txt", text));
}

TEST_F(AbCommandTest, SameBinaryTwicePasses) {
  const Outcome run = Ab(Args({"--rounds", "6", "--seed", "1", kBase, kBase}));
  EXPECT_EQ(run.exit_code, 0) << run.err << run.out;
  EXPECT_NE(run.out.find("BM_Slowed"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("gate pass (0 regressions"), std::string::npos) << run.out;
}

TEST_F(AbCommandTest, SlowedCandidateIsARegressionJudgedOnRounds) {
  // Any binary: benchmark_main against benchgate::main.
  // The fixed design: the signed-rank test on the rounds.
  const Outcome run = Ab(
      Args({"--fixed-rounds", "--rounds", "6", "--seed", "2", "--format", "json", kBase, kCand}));
  ASSERT_EQ(run.exit_code, 1) << run.err << run.out;
  const json report = json::parse(run.out);
  EXPECT_EQ(report["schema"], "benchgate.diff/1");
  bool slowed = false, steady = false;
  for (const json& c : report["comparisons"]) {
    const std::string p_method = c["p_method"];
    EXPECT_EQ(p_method.rfind("signed-rank-", 0), 0u) << p_method;
    if (c["name"] == "BM_Slowed/iterations:20/manual_time") {
      slowed = true;
      EXPECT_EQ(c["verdict"], "regression") << c.dump();
      EXPECT_NEAR(c["shift"].get<double>(), 0.3, 0.01) << c.dump();
    } else if (c["name"] == "BM_Steady/iterations:20/manual_time") {
      steady = true;
      EXPECT_EQ(c["verdict"], "unchanged") << c.dump();
    }
  }
  EXPECT_TRUE(slowed && steady) << run.out;
}

TEST_F(AbCommandTest, EveryFormatOfBenchgateDiff) {
  for (const std::string format : {"text", "markdown", "html", "junit", "github"}) {
    const fs::path output = dir_ / ("report." + format);
    const Outcome run = Ab(Args({"--rounds", "6", "--seed", "4", "--format", format, "--output",
                                 output.string(), kBase, kCand}));
    EXPECT_EQ(run.exit_code, 1) << format << ": " << run.err;
    EXPECT_TRUE(run.out.empty()) << format;
    const std::string text = test::ReadFile(output);
    EXPECT_NE(text.find("BM_Slowed"), std::string::npos) << format << ": " << text;
  }
}

TEST_F(AbCommandTest, KeepWritesEveryProcessForBenchgateDiff) {
  const fs::path keep = dir_ / "keep";
  const Outcome run = Ab(Args(
      {"--fixed-rounds", "--rounds", "6", "--seed", "3", "--keep", keep.string(), kBase, kCand}));
  ASSERT_EQ(run.exit_code, 1) << run.err;
  std::vector<std::string> diff_args;
  for (int r = 1; r <= 6; ++r) {
    for (const std::string side : {"base", "cand"}) {
      // Zero-padded to the width of --max-rounds (12 by default here).
      const fs::path file = keep / ("r0" + std::to_string(r) + "-" + side + ".json");
      ASSERT_TRUE(fs::is_regular_file(file)) << file;
      diff_args.push_back(side == "base" ? "-b" : "-c");
      diff_args.push_back(file.string());
    }
  }
  // And the manifest of how they ran, for benchgate-diff --paired KEEP_DIR.
  EXPECT_EQ(std::distance(fs::directory_iterator(keep), fs::directory_iterator()), 13);
  const json manifest = json::parse(std::ifstream(keep / "benchgate-ab.json"));
  EXPECT_EQ(manifest["rounds"], json({{"fixed", true}, {"first", 6}, {"max", 12}, {"suspect", 0}}));
  EXPECT_EQ(manifest["seed"], 3);
  EXPECT_EQ(manifest["shard"], nullptr);
  std::ostringstream out, err;
  // benchgate-diff reads them all (each file a process of its own) and finds
  // the same regression.
  EXPECT_EQ(benchgate::diff::RunDiff(diff_args, out, err), 1) << err.str() << out.str();
}

// Sequential rounds (the default): each benchmark stops at the look that
// decides it, later rounds run only the open ones, and benchgate-diff
// --paired on the kept rounds gives the same verdicts, p-values and
// deciding rounds.
TEST_F(AbCommandTest, SequentialRoundsStopEachBenchmarkAndReplayExactly) {
  const fs::path keep = dir_ / "keep";
  const Outcome run = Ab(Args({"--seed", "21", "--tolerance", "0.02", "--format", "json", "--keep",
                               keep.string(), kBase, kCand}));
  ASSERT_EQ(run.exit_code, 1) << run.err << run.out;
  const json report = json::parse(run.out);
  EXPECT_EQ(report["summary"]["last_look"], 30);
  int last_round = 0;
  for (const json& c : report["comparisons"]) {
    EXPECT_EQ(c["p_method"], "signed-rank-sequential") << c.dump();
    // The fixture's processes repeat their manual times exactly: BM_Steady
    // is within the tolerance at the first look (round 6); BM_Slowed is
    // slower in every round, significant for Benjamini-Hochberg over two at
    // round 9 (the signed-rank p-value 2/512, repeated over looks 6..30:
    // 0.0228 <= 0.025; round 8's 2/256 gives 0.0419; stats_repeated_normal_
    // looks_test has the reference).
    const bool slowed = c["name"] == "BM_Slowed/iterations:20/manual_time";
    EXPECT_EQ(c["sequential"], json({{"round", slowed ? 9 : 6}, {"early", true}, {"open", false}}))
        << c.dump();
    last_round = std::max(last_round, c["sequential"]["round"].get<int>());
    EXPECT_EQ(c["verdict"], slowed ? "regression" : "unchanged") << c.dump();
  }
  EXPECT_TRUE(fs::is_regular_file(keep / "r09-cand.json"));
  EXPECT_FALSE(fs::exists(keep / "r10-cand.json"));
  // Rounds 7 to 9 measured the open benchmark alone.
  const json seventh = json::parse(std::ifstream(keep / "r07-base.json"));
  for (const json& row : seventh["benchmarks"]) {
    EXPECT_EQ(row["run_name"], "BM_Slowed/iterations:20/manual_time") << row.dump();
  }

  std::vector<std::string> diff_args = {"--paired", "--tolerance", "0.02", "--format", "json"};
  for (int r = 1; r <= last_round; ++r) {
    const std::string round = (r < 10 ? "r0" : "r") + std::to_string(r);
    diff_args.insert(diff_args.end(), {"-b", (keep / (round + "-base.json")).string(), "-c",
                                       (keep / (round + "-cand.json")).string()});
  }
  std::ostringstream out, err;
  ASSERT_EQ(benchgate::diff::RunDiff(diff_args, out, err), 1) << err.str();
  const json replay = json::parse(out.str());
  ASSERT_EQ(replay["comparisons"].size(), report["comparisons"].size());
  for (std::size_t i = 0; i < report["comparisons"].size(); ++i) {
    const json& a = report["comparisons"][i];
    const json& b = replay["comparisons"][i];
    for (const char* field : {"name", "verdict", "p_value", "p_adjusted", "shift", "shift_ci",
                              "sequential", "reasons"}) {
      EXPECT_EQ(a[field], b[field]) << field << ": " << a.dump() << "\n" << b.dump();
    }
  }
  // With the other design's options the replay is another judgment.
  std::ostringstream fixed_out, fixed_err;
  diff_args.insert(diff_args.begin(), "--fixed-rounds");
  ASSERT_EQ(benchgate::diff::RunDiff(diff_args, fixed_out, fixed_err), 1) << fixed_err.str();
  const json fixed = json::parse(fixed_out.str());
  EXPECT_FALSE(fixed["comparisons"][0].contains("sequential"));
  EXPECT_FALSE(fixed["summary"].contains("last_look"));

  // Later rounds measure only the open benchmarks: without BM_Steady in the
  // candidate (removed: nothing to look at), round 4 on runs BM_Slowed alone.
  const std::string only_slowed =
      Script("only_slowed.sh", "exec \"" + kBase + "\" --benchmark_filter=BM_Slowed \"$@\"");
  const fs::path kept = dir_ / "kept";
  const Outcome alone = Ab({"--rounds", "3", "--seed", "5", "--keep", kept.string(), kBase,
                            only_slowed, "--", "--benchmark_repetitions=3"});
  ASSERT_EQ(alone.exit_code, 0) << alone.err;
  const json fourth = json::parse(std::ifstream(kept / "r04-base.json"));
  for (const json& row : fourth["benchmarks"]) {
    EXPECT_EQ(row["run_name"], "BM_Slowed/iterations:20/manual_time") << row.dump();
  }
}

// The kept rounds of `from` with only the benchmarks of `shard`, as the
// shard's benchgate-ab job would have kept them (its manifest says so).
void KeepShard(const fs::path& from, const fs::path& to, const Shard& shard) {
  fs::create_directories(to);
  for (const auto& entry : fs::directory_iterator(from)) {
    json doc = json::parse(std::ifstream(entry.path()));
    if (entry.path().filename() == "benchgate-ab.json") {
      doc["shard"] = ShardName(shard);
    } else {
      json& rows = doc["benchmarks"];
      rows.erase(std::remove_if(rows.begin(), rows.end(),
                                [&](const json& row) {
                                  return ShardOfName(row["run_name"].get<std::string>(),
                                                     shard.count) != shard.index;
                                }),
                 rows.end());
      if (doc.contains("benchgate")) {
        json& results = doc["benchgate"]["results"];
        results.erase(std::remove_if(results.begin(), results.end(),
                                     [&](const json& result) {
                                       return ShardOfName(result["name"].get<std::string>(),
                                                          shard.count) != shard.index;
                                     }),
                      results.end());
      }
    }
    std::ofstream(to / entry.path().filename()) << doc.dump(1);
  }
}

// Shards of a CI matrix: benchgate-diff --paired on the N --keep
// directories judges the suite as one (one Benjamini-Hochberg over all),
// exactly as the unsharded rounds; gaps, repeats and shards of another run
// are refused.
TEST_F(AbCommandTest, ShardsCombineIntoTheVerdictsOfTheUnshardedRounds) {
  const fs::path keep = dir_ / "all";
  const Outcome run = Ab(Args({"--seed", "31", "--tolerance", "0.02", "--format", "json", "--keep",
                               keep.string(), kBase, kCand}));
  ASSERT_EQ(run.exit_code, 1) << run.err;
  for (int k = 1; k <= 3; ++k) KeepShard(keep, dir_ / ("s" + std::to_string(k)), Shard{k, 3});
  const auto diff = [&](std::vector<std::string> args) {
    std::ostringstream out, err;
    args.insert(args.begin(), {"--tolerance", "0.02", "--format", "json", "--paired"});
    Outcome o;
    o.exit_code = benchgate::diff::RunDiff(args, out, err);
    o.out = out.str();
    o.err = err.str();
    return o;
  };
  const std::string s1 = (dir_ / "s1").string(), s2 = (dir_ / "s2").string(),
                    s3 = (dir_ / "s3").string();
  const Outcome whole = diff({keep.string()});
  const Outcome sharded = diff({s2, s3, s1});  // in any order
  ASSERT_EQ(whole.exit_code, 1) << whole.err;
  ASSERT_EQ(sharded.exit_code, 1) << sharded.err;
  const json a = json::parse(whole.out)["comparisons"], b = json::parse(sharded.out)["comparisons"];
  ASSERT_EQ(a.size(), 2u);
  ASSERT_EQ(b.size(), 2u);
  for (const json& x : a) {
    bool found = false;
    for (const json& y : b) {
      if (y["name"] != x["name"]) continue;
      found = true;
      for (const char* field :
           {"verdict", "p_value", "p_adjusted", "shift", "shift_ci", "sequential", "reasons"}) {
        EXPECT_EQ(x[field], y[field]) << field << ": " << x.dump() << "\n" << y.dump();
      }
    }
    EXPECT_TRUE(found) << x["name"];
  }

  const Outcome gap = diff({s1, s3});
  EXPECT_EQ(gap.exit_code, 2);
  EXPECT_EQ(gap.err,
            "benchgate-diff: error: " + s1 + ": expected all 3 shards, shard 2/3 is missing\n");
  const Outcome twice = diff({s1, s2, s2, s3});
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_EQ(twice.err, "benchgate-diff: error: " + s2 +
                           ": expected each shard once, shard 2/3 is also " + s2 + "\n");
  // Shard jobs must run one benchgate-ab run: the same split, seed,
  // binaries and design. Shard 3's manifest, changed one field at a time.
  const json kept_manifest = json::parse(std::ifstream(dir_ / "s3" / "benchgate-ab.json"));
  const auto another = [&](const char* field, const json& value, const std::string& what) {
    json manifest = kept_manifest;
    manifest[field] = value;
    std::ofstream(dir_ / "s3" / "benchgate-ab.json") << manifest.dump();
    const Outcome o = diff({s1, s2, s3});
    EXPECT_EQ(o.exit_code, 2) << field;
    EXPECT_EQ(o.err, "benchgate-diff: error: " + s3 +
                         ": expected the shards of one benchgate-ab run, got another " + what +
                         " than " + s1 + "\n");
  };
  another("shard", "3/4", "split");
  another("seed", 32, "seed");
  another("candidate", "/elsewhere/bench", "pair of binaries");
  another("rounds", json({{"fixed", false}, {"first", 6}, {"max", 40}, {"suspect", 60}}),
          "design of rounds");
  another("rounds", json({{"fixed", false}, {"first", 6}, {"max", 30}, {"suspect", 45}}),
          "design of rounds");
  std::ofstream(dir_ / "s3" / "benchgate-ab.json") << kept_manifest.dump();
  // Round options given on the command line must be the ones the rounds ran with.
  const Outcome options = diff({"--max-rounds", "12", s1, s2, s3});
  EXPECT_EQ(options.exit_code, 2);
  EXPECT_EQ(options.err, "benchgate-diff: error: " + s1 +
                             ": expected the round options it ran with (--rounds 6 --max-rounds "
                             "30 --suspect-rounds 60) or none\n");
  // Kept before suspects went on (no "suspect"): none did.
  for (const std::string& shard : {s1, s2, s3}) {
    json manifest = json::parse(std::ifstream(fs::path(shard) / "benchgate-ab.json"));
    manifest["rounds"].erase("suspect");
    std::ofstream(fs::path(shard) / "benchgate-ab.json") << manifest.dump();
  }
  const Outcome before = diff({"--max-rounds", "12", s1, s2, s3});
  EXPECT_EQ(before.err, "benchgate-diff: error: " + s1 +
                            ": expected the round options it ran with (--rounds 6 --max-rounds "
                            "30 --suspect-rounds 30) or none\n");
  EXPECT_EQ(diff({s1, s2, s3}).exit_code, 1);
  // Shard 3's manifest wrong in one place: exit 2 and the place named.
  const auto refused = [&](const json& manifest, const std::string& place) {
    std::ofstream(dir_ / "s3" / "benchgate-ab.json") << manifest.dump();
    const Outcome outcome = diff({s1, s2, s3});
    EXPECT_EQ(outcome.exit_code, 2) << place;
    EXPECT_EQ(outcome.err, "benchgate-diff: error: " + s3 + "/benchgate-ab.json:" + place + "\n");
  };
  json wrong = kept_manifest;
  wrong["rounds"]["suspect"] = "60";
  refused(wrong, "/rounds/suspect: expected a non-negative integer, got \"60\"");
  // Fewer rounds for suspects than for the rest: no design benchgate-ab runs.
  wrong["rounds"]["suspect"] = 20;
  refused(wrong, "/rounds/suspect: expected 30 (max) to 100, got 20");
  // A count beyond an int is an error, not a wrapped 30.
  wrong["rounds"]["suspect"] = 60;
  wrong["rounds"]["max"] = 4294967326u;
  refused(wrong, "/rounds/max: expected 6 (first) to 100, got 4294967326");
  for (const std::string& shard : {s1, s2, s3}) {
    json manifest = json::parse(std::ifstream(fs::path(shard) / "benchgate-ab.json"));
    manifest["rounds"]["suspect"] = 60;
    std::ofstream(fs::path(shard) / "benchgate-ab.json") << manifest.dump();
  }
  // A benchmark in two shards' rounds.
  const fs::path s4 = dir_ / "s4";
  fs::copy(dir_ / "s1", s4);
  json fourth = kept_manifest;
  fourth["shard"] = "3/3";
  std::ofstream(s4 / "benchgate-ab.json") << fourth.dump();
  const Outcome overlap = diff({s1, s2, s4.string()});
  EXPECT_EQ(overlap.exit_code, 2);
  EXPECT_EQ(overlap.err.rfind("benchgate-diff: error: " + (s4 / "r01-base.json").string() +
                                  ": expected shards without a benchmark in common, ",
                              0),
            0u)
      << overlap.err;
  // A round kept on one side only.
  fs::remove(s4 / "r01-cand.json");
  const Outcome half = diff({s4.string()});
  EXPECT_EQ(half.exit_code, 2);
  EXPECT_EQ(half.err, "benchgate-diff: error: " + s4.string() +
                          ": expected both files of round 1, got " +
                          (s4 / "r01-base.json").string() + " alone\n");
  const Outcome no_manifest = diff({(dir_ / "nowhere").string()});
  EXPECT_EQ(no_manifest.exit_code, 2);
  EXPECT_NE(no_manifest.err.find("expected a --keep directory of benchgate-ab"), std::string::npos)
      << no_manifest.err;
}

// --shard K/N runs the shard's benchmarks only, in every round; a shard with
// none of them is a mistake in the matrix (the fixture's two benchmarks fall
// in shards 1 and 2 of 3).
TEST_F(AbCommandTest, AShardRunsItsBenchmarksOnly) {
  const fs::path keep = dir_ / "s2";
  const Outcome two = Ab(Args({"--shard", "2/3", "--seed", "4", "--format", "json", "--keep",
                               keep.string(), kBase, kCand}));
  ASSERT_LE(two.exit_code, 1) << two.err;
  const json report = json::parse(two.out);
  ASSERT_EQ(report["comparisons"].size(), 1u);
  EXPECT_EQ(ShardOfName(report["comparisons"][0]["name"].get<std::string>(), 3), 2);
  const json first = json::parse(std::ifstream(keep / "r01-base.json"));
  for (const json& row : first["benchmarks"]) {
    EXPECT_EQ(ShardOfName(row["run_name"].get<std::string>(), 3), 2) << row.dump();
  }
  const json manifest = json::parse(std::ifstream(keep / "benchgate-ab.json"));
  EXPECT_EQ(manifest["shard"], "2/3");
  EXPECT_EQ(manifest["seed"], 4);

  const Outcome none = Ab(Args({"--shard", "3/3", kBase, kCand}));
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err,
            "benchgate-ab: error: --shard: expected benchmarks in shard 3/3, got none of the 2 "
            "selected (fewer shards, or a wider --benchmark_filter)\n");
  const Outcome bad = Ab({"--shard", "4/3", kBase, kCand});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "benchgate-ab: error: --shard: expected K/N, 1 <= K <= N <= 1000, got '4/3' (see "
            "--help)\n");
}

TEST_F(AbCommandTest, TheSameSeedReplaysTheSameOrder) {
  const std::vector<std::string> args = {"--fixed-rounds", "--rounds", "6", "--seed", "12345"};
  const Outcome first = Ab(Args(Plus(args, {kBase, kBase})), true);
  const Outcome second = Ab(Args(Plus(args, {kBase, kBase})), true);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const std::vector<std::string> order = Lines(first.err, "benchgate-ab: round ");
  EXPECT_EQ(order, Lines(second.err, "benchgate-ab: round "));
  ASSERT_EQ(order.size(), 6u);
  const std::vector<bool> expected = BaselineFirst(12345, 6);
  for (std::size_t r = 0; r < 6; ++r) {
    // Rounds after the first tell the time left too.
    EXPECT_EQ(order[r].rfind("benchgate-ab: round " + std::to_string(r + 1) + " of 6: " +
                                 (expected[r] ? "base then candidate" : "candidate then base"),
                             0),
              0u)
        << order[r];
    EXPECT_EQ(order[r].find(" left") != std::string::npos, r > 0) << order[r];
  }
  EXPECT_EQ(Lines(first.err, "benchgate-ab: seed "),
            std::vector<std::string>{"benchgate-ab: seed 12345 (replay with --seed 12345)"});
}

TEST_F(AbCommandTest, ProgressOnlyOnATerminalAndOneClosingLine) {
  const Outcome run = Ab(Args({"--fixed-rounds", "--rounds", "6", "--seed", "9", kBase, kBase}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(Lines(run.err, "benchgate-ab: round ").empty()) << run.err;
  const std::vector<std::string> closing = Lines(run.err, "benchgate-ab: 6 rounds in ");
  EXPECT_EQ(closing.size(), 1u) << run.err;
  // Sequential: one closing line too, with what the looks saved.
  const Outcome sequential = Ab(Args({"--seed", "9", kBase, kBase}));
  ASSERT_EQ(sequential.exit_code, 0) << sequential.err;
  EXPECT_TRUE(Lines(sequential.err, "benchgate-ab: round ").empty()) << sequential.err;
  const std::vector<std::string> lines = Lines(sequential.err, "benchgate-ab: ");
  const auto summary = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
    return line.find(" rounds per benchmark on average)") != std::string::npos;
  });
  EXPECT_NE(summary, lines.end()) << sequential.err;
}

TEST_F(AbCommandTest, UndecidedBenchmarksGetExtraRoundsOfTheirOwn) {
  // 3 rounds are too few to judge anything (6 are needed): extra rounds in
  // batches of 2 (half of --rounds, rounded up) go on until both benchmarks
  // are decided, at 7 rounds, before --max-rounds.
  const fs::path keep = dir_ / "keep";
  const Outcome run = Ab(Args({"--fixed-rounds", "--rounds", "3", "--max-rounds", "8", "--seed",
                               "5", "--format", "json", "--keep", keep.string(), kBase, kCand}),
                         true);
  ASSERT_EQ(run.exit_code, 1) << run.err << run.out;
  const json report = json::parse(run.out);
  for (const json& c : report["comparisons"]) {
    EXPECT_EQ(c["extra_rounds"], 4) << c.dump();
    EXPECT_EQ(c["verdict"],
              c["name"] == "BM_Slowed/iterations:20/manual_time" ? "regression" : "unchanged")
        << c.dump();
  }
  EXPECT_EQ(report["summary"]["extra_rounds"], 4) << run.out;
  EXPECT_TRUE(fs::is_regular_file(keep / "r7-cand.json"));
  EXPECT_FALSE(fs::exists(keep / "r8-cand.json"));
  EXPECT_EQ(Lines(run.err, "benchgate-ab: extra round ").size(), 4u) << run.err;
  EXPECT_EQ(Lines(run.err, "benchgate-ab: 3 rounds and 4 extra rounds (2 benchmarks) in ").size(),
            1u)
      << run.err;
}

TEST_F(AbCommandTest, ExtraRoundsMeasureOnlyTheUndecided) {
  // A candidate without BM_Steady: BM_Steady is removed (decided), BM_Slowed
  // has too few rounds. The extra round's filter selects BM_Slowed alone,
  // so the baseline's extra process reports nothing else.
  const std::string only_slowed =
      Script("only_slowed.sh", "exec \"" + kBase + "\" --benchmark_filter=BM_Slowed \"$@\"");
  const fs::path keep = dir_ / "keep";
  const Outcome run =
      Ab({"--fixed-rounds", "--rounds", "3", "--max-rounds", "4", "--seed", "5", "--keep",
          keep.string(), kBase, only_slowed, "--", "--benchmark_repetitions=3"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json extra = json::parse(std::ifstream(keep / "r4-base.json"));
  std::size_t repetitions = 0;
  for (const json& row : extra["benchmarks"]) {  // repetitions and their aggregates
    EXPECT_EQ(row["run_name"], "BM_Slowed/iterations:20/manual_time");
    repetitions += row["run_type"] == "iteration" ? 1 : 0;
  }
  EXPECT_EQ(repetitions, 3u) << extra.dump();
  EXPECT_EQ(Lines(run.err, "benchgate-ab: 3 rounds and 1 extra round (1 benchmark) in ").size(), 1u)
      << run.err;
}

TEST_F(AbCommandTest, NoExtraRoundsBeyondMaxRoundsOrMaxSeconds) {
  Outcome run = Ab(Args({"--fixed-rounds", "--rounds", "3", "--max-rounds", "3", "--seed", "5",
                         "--format", "json", kBase, kCand}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json report = json::parse(run.out);  // outlives the loop, unlike a temporary
  for (const json& c : report["comparisons"]) {
    EXPECT_EQ(c["verdict"], "inconclusive") << c.dump();
  }
  run = Ab(Args(
      {"--fixed-rounds", "--rounds", "3", "--max-seconds", "0.001", "--seed", "5", kBase, kCand}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Lines(run.err,
                  "benchgate-ab: no further round: --max-seconds 0.001 reached with 2 "
                  "benchmarks undecided")
                .size(),
            1u)
      << run.err;
  // Sequential: the benchmarks still open are judged as they stand, and say so.
  run = Ab(Args({"--rounds", "3", "--max-seconds", "0.001", "--seed", "5", "--format", "json",
                 kBase, kCand}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Lines(run.err,
                  "benchgate-ab: no further round: --max-seconds 0.001 reached with 2 "
                  "benchmarks open")
                .size(),
            1u)
      << run.err;
  const json open = json::parse(run.out);
  for (const json& c : open["comparisons"]) {
    EXPECT_EQ(c["verdict"], "inconclusive") << c.dump();
    EXPECT_EQ(c["sequential"]["open"], true) << c.dump();
    EXPECT_EQ(c["sequential"]["round"], 3) << c.dump();
  }
}

TEST_F(AbCommandTest, MachineWarningsOnceWhateverTheRounds) {
  // A candidate whose Google Benchmark context says CPU scaling is on, in
  // every one of its processes.
  const std::string scaling =
      Script("scaling.sh", "\"" + kBase +
                               "\" \"$@\" || exit $?\nfor a in \"$@\"; do case \"$a\" in "
                               "--benchmark_out=*) sed -i 's/\"cpu_scaling_enabled\": "
                               "false/\"cpu_scaling_enabled\": true/' \"${a#--benchmark_out=}\";; "
                               "esac; done");
  const Outcome run =
      Ab(Args({"--rounds", "6", "--seed", "6", "--format", "json", kBase, scaling}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  // Once, and said to be the candidate's (the baseline's processes had it off).
  EXPECT_EQ(Lines(run.err, "benchgate-ab: warning: candidate: CPU scaling is enabled").size(), 1u)
      << run.err;
  const json report = json::parse(run.out);
  std::size_t mentions = 0;
  for (const json& warning : report["warnings"]) {
    mentions += warning.get<std::string>().find("CPU scaling is enabled") != std::string::npos;
  }
  EXPECT_EQ(mentions, 1u) << report["warnings"].dump();
  // The text report on stdout shows it: not again on stderr, where a person
  // at a terminal would read it twice.
  const Outcome text = Ab(Args({"--rounds", "6", "--seed", "6", kBase, scaling}));
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(Lines(text.out, "warning: candidate: CPU scaling is enabled").size(), 1u) << text.out;
  EXPECT_EQ(text.err.find("CPU scaling"), std::string::npos) << text.err;
}

// The load benchgate-ab's own processes make is not a warning about the
// machine: a candidate whose enriched JSON says "high load" in every
// process is not reported as such.
TEST_F(AbCommandTest, ItsOwnLoadIsNoWarning) {
  // Into the environment's warnings (a list on lines of their own; the
  // gate's are an empty [] here).
  const std::string loaded =
      Script("loaded.sh",
             "\"" + kCand +
                 "\" \"$@\" || exit $?\nsed -i 's/\"warnings\": \\[$/\"warnings\": [\"high load: "
                 "1-minute load average 1.07 is above 1.00\",/' \"$BENCHGATE_OUT\"");
  const Outcome run = Ab(Args({"--rounds", "6", "--seed", "6", "--format", "json", kBase, loaded}));
  ASSERT_EQ(run.exit_code, 1) << run.err;  // BM_Slowed, as always
  EXPECT_EQ(run.err.find("high load"), std::string::npos) << run.err;
  EXPECT_EQ(run.out.find("high load"), std::string::npos);
  // The candidate's other machine warnings still come through.
  EXPECT_NE(run.err.find("candidate: debug build"), std::string::npos) << run.err;
}

TEST_F(AbCommandTest, EnrichedLatencyAndMemoryReachTheBudgets) {
  // The candidate's enriched JSON carries BM_Slowed's latency histogram and
  // BM_Steady's allocation per iteration; --thresholds budgets judge them.
  const fs::path thresholds = dir_ / "budgets.json";
  std::ofstream(thresholds) << R"({"schema": "benchgate.thresholds/1", "budgets": [
      {"pattern": "BM_Steady.*", "allocs_per_iter": 0},
      {"pattern": "BM_Slowed.*", "latency_p99": "10s"}]})";
  const Outcome run = Ab(Args({"--rounds", "6", "--seed", "8", "--format", "json", "--thresholds",
                               thresholds.string(), kBase, kCand}));
  ASSERT_EQ(run.exit_code, 1) << run.err << run.out;
  const json report = json::parse(run.out);  // outlives the loop, unlike a temporary
  for (const json& c : report["comparisons"]) {
    const std::string reasons = c["reasons"].dump();
    if (c["name"] == "BM_Steady/iterations:20/manual_time") {
      EXPECT_EQ(c["verdict"], "budget_exceeded") << c.dump();
      EXPECT_NE(reasons.find("allocs_per_iter"), std::string::npos) << reasons;
    } else {
      EXPECT_EQ(c["verdict"], "regression") << c.dump();
      EXPECT_EQ(reasons.find("not measured"), std::string::npos) << reasons;
    }
  }
}

// A BENCHGATE_BUDGET in the candidate's code judges it without any
// --thresholds file, in benchgate-ab and in benchgate-diff on the kept runs,
// as the runner itself would.
TEST_F(AbCommandTest, CodeBudgetsOfTheCandidateAreJudged) {
  const fs::path keep = dir_ / "keep";
  const Outcome run = Ab(Args({"--rounds", "6", "--seed", "8", "--format", "json", "--keep",
                               keep.string(), kBase, kBudgeted}));
  ASSERT_EQ(run.exit_code, 1) << run.err << run.out;
  const json report = json::parse(run.out);
  bool judged = false;
  for (const json& c : report["comparisons"]) {
    if (c["name"] != "BM_Steady/iterations:20/manual_time") continue;
    judged = true;
    EXPECT_EQ(c["verdict"], "budget_exceeded") << c.dump();
    const std::string reasons = c["reasons"].dump();
    EXPECT_NE(reasons.find("allocs_per_iter"), std::string::npos) << reasons;
    EXPECT_NE(reasons.find("ab_fixture_bench.cc:"), std::string::npos) << reasons;  // its origin
  }
  EXPECT_TRUE(judged) << run.out;
  std::ostringstream out, err;
  EXPECT_EQ(benchgate::diff::RunDiff({"--format", "json", (keep / "r01-base.json").string(),
                                      (keep / "r01-cand.json").string()},
                                     out, err),
            1)
      << err.str();
  EXPECT_NE(out.str().find("budget_exceeded"), std::string::npos) << out.str();
}

TEST(AbOrderTest, SeedsGiveDifferentOrders) {
  EXPECT_EQ(BaselineFirst(7, 40), BaselineFirst(7, 40));
  EXPECT_NE(BaselineFirst(7, 40), BaselineFirst(8, 40));
}

TEST_F(AbCommandTest, MissingBinary) {
  const Outcome run = Ab({"/nonexistent/bench", kBase});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "benchgate-ab: error: baseline binary /nonexistent/bench: no such file\n");
}

TEST_F(AbCommandTest, NonExecutableFile) {
  const std::string plain = Script("plain.sh", "exit 0", false);
  const Outcome run = Ab({kBase, plain});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "benchgate-ab: error: candidate binary " + plain + ": not executable\n");
}

TEST_F(AbCommandTest, BinaryThatExitsOne) {
  const std::string failing =
      Script("failing.sh",
             "echo 'starting' >&2\necho 'failing.sh: error: unrecognized command-line flag: "
             "--nope' >&2\nexit 1");
  const Outcome run = Ab(Args({"--rounds", "6", "--seed", "1", failing, kBase}));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(Lines(run.err, "benchgate-ab: error: "),
            std::vector<std::string>{"benchgate-ab: error: baseline binary " + failing +
                                     ", round 1: exited with status 1: failing.sh: error: "
                                     "unrecognized command-line flag: --nope"})
      << run.err;
}

TEST_F(AbCommandTest, BinaryThatRejectsAPassedFlag) {
  // Seed 1 runs the candidate first in round 1.
  const Outcome run = Ab({"--rounds", "6", "--seed", "1", kBase, kBase, "--", "--benchmark_nope"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(Lines(run.err, "benchgate-ab: error: "),
            std::vector<std::string>{"benchgate-ab: error: candidate binary " + kBase +
                                     ", round 1: exited with status 1: " + kBase +
                                     ": error: unrecognized command-line flag: --benchmark_nope"})
      << run.err;
}

TEST_F(AbCommandTest, BinaryThatCrashes) {
  const std::string crashing = Script("crashing.sh", "kill -SEGV $$");
  const Outcome run = Ab(Args({"--rounds", "6", "--seed", "1", kBase, crashing}));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(Lines(run.err, "benchgate-ab: error: "),
            std::vector<std::string>{"benchgate-ab: error: candidate binary " + crashing +
                                     ", round 1: killed by signal 11 (Segmentation fault)"})
      << run.err;
}

TEST_F(AbCommandTest, BinaryThatWritesNoJson) {
  const std::string silent = Script("silent.sh", "exit 0");
  const Outcome run = Ab(Args({"--rounds", "6", "--seed", "1", kBase, silent}));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(Lines(run.err, "benchgate-ab: error: "),
            std::vector<std::string>{"benchgate-ab: error: candidate binary " + silent +
                                     ", round 1: wrote no JSON to --benchmark_out (is it a "
                                     "Google Benchmark binary?)"})
      << run.err;
}

TEST_F(AbCommandTest, BinaryThatWritesMalformedJson) {
  const std::string broken =
      Script("broken.sh",
             "for a in \"$@\"; do case \"$a\" in --benchmark_out=*) printf '{\"benchmarks\": [' > "
             "\"${a#--benchmark_out=}\";; esac; done");
  const Outcome run = Ab(Args({"--rounds", "6", "--seed", "1", kBase, broken}));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(Lines(run.err, "benchgate-ab: error: "),
            std::vector<std::string>{
                "benchgate-ab: error: candidate binary " + broken +
                ", round 1: r01-cand.json:1:17: expected a JSON value, got the end of the file"})
      << run.err;
}

TEST_F(AbCommandTest, TemporaryFilesAreRemovedOnError) {
  const fs::path tmp = dir_ / "tmp";
  fs::create_directories(tmp);
  setenv("TMPDIR", tmp.c_str(), 1);
  const std::string silent = Script("silent.sh", "exit 0");
  const Outcome run = Ab(Args({"--rounds", "6", kBase, silent}));
  unsetenv("TMPDIR");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(fs::is_empty(tmp));
}

TEST_F(AbCommandTest, InterruptStopsTheChildAndRemovesTemporaryFiles) {
  const fs::path tmp = dir_ / "tmp";
  fs::create_directories(tmp);
  setenv("TMPDIR", tmp.c_str(), 1);
  // The child sends SIGINT to benchgate-ab (this test process), as Ctrl-C would.
  const std::string interrupting = Script("interrupting.sh", "kill -INT $PPID\nexec sleep 5");
  const Outcome run = Ab(Args({"--rounds", "6", interrupting, interrupting}));
  unsetenv("TMPDIR");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(Lines(run.err, "benchgate-ab: error: "),
            std::vector<std::string>{"benchgate-ab: error: interrupted by signal 2 (Interrupt)"})
      << run.err;
  EXPECT_TRUE(fs::is_empty(tmp));
}

TEST_F(AbCommandTest, UsageErrors) {
  Outcome run = Ab({kBase});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "benchgate-ab: error: expected two binaries, BASELINE_BINARY CANDIDATE_BINARY, got 1 "
            "(see --help)\n");
  run = Ab({kBase, kBase, "--", "--benchmark_out=x.json"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "benchgate-ab: error: --benchmark_out: set by benchgate-ab for each process (--keep "
            "DIR keeps the files) (see --help)\n");
  run = Ab({"--rounds", "0", kBase, kBase});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err.rfind("benchgate-ab: error: --rounds", 0), 0u) << run.err;
  run = Ab({"--rounds", "6", "--max-rounds", "5", kBase, kBase});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "benchgate-ab: error: --max-rounds: expected at least --rounds (6), got 5 (see "
            "--help)\n");
  // Sequential looks: 100 rounds at most.
  run = Ab({"--max-rounds", "101", kBase, kBase});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "benchgate-ab: error: --max-rounds: expected at most 100 with sequential rounds, got "
            "101; --fixed-rounds allows more (see --help)\n");
  // Suspects: from --max-rounds to 100, sequential rounds only.
  run = Ab({"--suspect-rounds", "20", kBase, kBase});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "benchgate-ab: error: --suspect-rounds: expected 30 (--max-rounds) to 100, got 20 (see "
            "--help)\n");
  run = Ab({"--max-rounds", "60", "--suspect-rounds", "101", kBase, kBase});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "benchgate-ab: error: --suspect-rounds: expected 60 (--max-rounds) to 100, got 101 "
            "(see --help)\n");
  run = Ab({"--fixed-rounds", "--suspect-rounds", "40", kBase, kBase});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "benchgate-ab: error: --suspect-rounds: expected sequential rounds, got --fixed-rounds "
            "(see --help)\n");
  // NaN compares false with every bound: it must still be refused.
  for (const std::string value : {"-1", "nan", "inf", "1s"}) {
    run = Ab({"--max-seconds", value, kBase, kBase});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err,
              "benchgate-ab: error: --max-seconds: expected a number of at least 0, got '" + value +
                  "' (see --help)\n");
  }
  run = Ab({"--tolerance", "nan", kBase, kBase});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "benchgate-ab: error: --tolerance: expected a number from 0 to 10, got 'nan' (see "
            "--help)\n");
}

}  // namespace
}  // namespace benchgate::ab
