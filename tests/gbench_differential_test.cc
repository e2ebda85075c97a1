// The differential test of issue 13: one benchmark source using every
// registration feature (tests/e2e/differential_bench.cc), built with Google
// Benchmark alone (differential_gbench) and through benchgate_adopt_main()
// (differential_benchgate), run with the same flags. Exit codes, listings,
// the `benchmarks` array of the JSON (names, run types, repetitions,
// aggregates, complexity rows, counters, errors, labels; never timings) and
// the purity of stdout in json and csv must agree.
//
// Random interleaving is off on both sides (benchgate turns it on by
// default, which reorders rows; README: differences) and repetitions are
// given (benchgate's default is its preset's).
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "run_binary.h"

namespace {

using benchgate::test::Ran;
using benchgate::test::ReadWholeFile;
using benchgate::test::RunBinary;

using nlohmann::json;

const std::string kCommon =
    "--benchmark_min_time=0.001 --benchmark_repetitions=2 "
    "--benchmark_enable_random_interleaving=false";

// The fields of a row that do not depend on timing.
json Shape(const json& row) {
  static const std::set<std::string> kTimed = {"real_time",
                                               "cpu_time",
                                               "iterations",
                                               "bytes_per_second",
                                               "items_per_second",
                                               "family_index",
                                               "per_family_instance_index"};
  static const std::set<std::string> kKept = {
      "name",           "run_name",       "run_type",         "aggregate_name",
      "aggregate_unit", "repetitions",    "repetition_index", "threads",
      "time_unit",      "error_occurred", "error_message",    "label",
      "big_o",          "complexity"};
  json shape = json::object();
  std::vector<std::string> counters;
  for (const auto& [key, value] : row.items()) {
    if (kKept.count(key) != 0) {
      shape[key] = value;
    } else if (kTimed.count(key) == 0 && key != "rms") {
      counters.push_back(key);  // a user counter: its presence, not its value
    }
    if (key == "rms" || key == "big_o") shape["has_" + key] = true;
  }
  shape["counters"] = counters;
  return shape;
}

json Shapes(const json& document) {
  json shapes = json::array();
  for (const json& row : document.at("benchmarks")) shapes.push_back(Shape(row));
  return shapes;
}

// Both binaries with `flags` and JSON on stdout: equal exit codes, stdout
// pure JSON on both sides, equal shapes row by row.
void ExpectSameJson(const std::string& flags) {
  const Ran alone = RunBinary(GBENCH_BIN, kCommon + " --benchmark_format=json " + flags);
  const Ran gated = RunBinary(BENCHGATE_BIN, kCommon + " --benchmark_format=json " + flags);
  EXPECT_EQ(gated.exit_code, alone.exit_code) << flags;
  json a, b;
  ASSERT_NO_THROW(a = json::parse(alone.out)) << flags;
  ASSERT_NO_THROW(b = json::parse(gated.out)) << flags << "\n" << gated.out.substr(0, 400);
  const json sa = Shapes(a), sb = Shapes(b);
  ASSERT_EQ(sb.size(), sa.size()) << flags;
  for (std::size_t i = 0; i < sa.size(); ++i) {
    EXPECT_EQ(sb[i], sa[i]) << flags << " row " << i;
  }
}

TEST(GbenchDifferentialTest, JsonOnStdout) { ExpectSameJson(""); }

TEST(GbenchDifferentialTest, NegativeFilterAndTimeUnit) {
  ExpectSameJson("--benchmark_filter=-BM_Vector --benchmark_time_unit=ms");
}

TEST(GbenchDifferentialTest, FilterToFixtures) {
  ExpectSameJson("'--benchmark_filter=Table|Typed'");
}

// --benchmark_out in each format, console on stdout.
TEST(GbenchDifferentialTest, OutFileInJsonAndCsv) {
  const std::string dir = testing::TempDir();
  const Ran alone = RunBinary(GBENCH_BIN, kCommon + " --benchmark_out=" + dir + "diff_alone.json");
  const Ran gated =
      RunBinary(BENCHGATE_BIN, kCommon + " --benchmark_out=" + dir + "diff_gated.json");
  EXPECT_EQ(gated.exit_code, alone.exit_code);
  // Known difference (README): a benchmark registered with
  // ->DisplayAggregatesOnly() keeps only its aggregates in benchgate's
  // --benchmark_out (Google Benchmark alone writes every row there); its
  // rows (BM_Vector/9) are compared apart until that is mended.
  const auto without_display_only = [](json shapes) {
    json kept = json::array();
    for (const json& row : shapes) {
      if (row.at("run_name").get<std::string>().rfind("BM_Vector/9/", 0) != 0) kept.push_back(row);
    }
    return kept;
  };
  const json a = json::parse(ReadWholeFile(dir + "diff_alone.json"));
  const json b = json::parse(ReadWholeFile(dir + "diff_gated.json"));
  EXPECT_EQ(without_display_only(Shapes(b)), without_display_only(Shapes(a)));
  for (const char* file : {"diff_alone.csv", "diff_gated.csv"}) std::remove((dir + file).c_str());
  RunBinary(GBENCH_BIN,
            kCommon + " --benchmark_out_format=csv --benchmark_out=" + dir + "diff_alone.csv");
  RunBinary(BENCHGATE_BIN,
            kCommon + " --benchmark_out_format=csv --benchmark_out=" + dir + "diff_gated.csv");
  // Same header and the same names in the same order (the first column).
  // From the header on (the context lines above it name the binary).
  const auto names = [](const std::string& csv) {
    std::vector<std::string> first;
    std::istringstream lines(csv);
    bool header = false;
    for (std::string line; std::getline(lines, line);) {
      header = header || line.rfind("name,", 0) == 0;
      if (header && line.find("BM_Vector/9/") == std::string::npos) {
        first.push_back(line.substr(0, line.find(',')));
      }
    }
    return first;
  };
  const std::string csv_alone = ReadWholeFile(dir + "diff_alone.csv");
  ASSERT_FALSE(csv_alone.empty());
  EXPECT_EQ(names(ReadWholeFile(dir + "diff_gated.csv")), names(csv_alone));
}

// CSV on stdout: nothing but the CSV (no warning, no gate line).
TEST(GbenchDifferentialTest, CsvOnStdoutIsPure) {
  const Ran alone = RunBinary(GBENCH_BIN, kCommon + " --benchmark_format=csv");
  const Ran gated = RunBinary(BENCHGATE_BIN, kCommon + " --benchmark_format=csv");
  EXPECT_EQ(gated.exit_code, alone.exit_code);
  std::size_t lines_alone = 0, lines_gated = 0;
  for (const char c : alone.out) lines_alone += c == '\n' ? 1 : 0;
  for (const char c : gated.out) lines_gated += c == '\n' ? 1 : 0;
  EXPECT_EQ(lines_gated, lines_alone);
  EXPECT_EQ(gated.out.find("benchgate"), std::string::npos);
  EXPECT_EQ(gated.out.rfind("name,", 0), 0u);
}

TEST(GbenchDifferentialTest, ListingsAndHelp) {
  for (const std::string flags :
       {"--benchmark_list_tests", "--benchmark_list_tests --benchmark_filter=-Vector",
        "--benchmark_list_tests --benchmark_filter=Typed"}) {
    const Ran alone = RunBinary(GBENCH_BIN, flags);
    const Ran gated = RunBinary(BENCHGATE_BIN, flags);
    EXPECT_EQ(gated.exit_code, alone.exit_code) << flags;
    EXPECT_EQ(gated.out, alone.out) << flags;
  }
  EXPECT_EQ(RunBinary(BENCHGATE_BIN, "--help").exit_code,
            RunBinary(GBENCH_BIN, "--help").exit_code);
}

// --benchmark_context: the key reaches the JSON's context on both sides.
TEST(GbenchDifferentialTest, ContextReachesTheJson) {
  const std::string flags = kCommon +
                            " --benchmark_filter=BM_Manual --benchmark_format=json "
                            "--benchmark_context=pr=1234";
  const json a = json::parse(RunBinary(GBENCH_BIN, flags).out);
  const json b = json::parse(RunBinary(BENCHGATE_BIN, flags).out);
  EXPECT_EQ(a.at("context").value("pr", ""), "1234");
  EXPECT_EQ(b.at("context").value("pr", ""), "1234");
}

}  // namespace
