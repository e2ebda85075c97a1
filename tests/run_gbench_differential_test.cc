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
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "support/read_file.h"
#include "support/run_binary.h"

namespace {

using benchgate::test::Ran;
using benchgate::test::ReadFile;
using benchgate::test::RunBinary;

using nlohmann::json;

// Google Benchmark alone reads 1.8's "0.001s" only from 1.8 on (1.7 refuses
// it, 1.8 warns on a bare number); benchgate takes either on every version.
#if defined(BENCHGATE_GBENCH_MIN_TIME_SUFFIX)
const std::string kCommon =
    "--benchmark_min_time=0.001s --benchmark_repetitions=2 "
    "--benchmark_enable_random_interleaving=false";
#else
const std::string kCommon =
    "--benchmark_min_time=0.001 --benchmark_repetitions=2 "
    "--benchmark_enable_random_interleaving=false";
#endif

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
      "big_o",          "complexity",     "skipped",          "skip_message"};
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

// Equal shapes row by row; on failure names the first rows that differ
// rather than printing two whole documents.
void ExpectSameShapes(const json& alone, const json& gated, const std::string& context) {
  const json a = Shapes(alone), b = Shapes(gated);
  EXPECT_EQ(b.size(), a.size()) << context << ": number of rows";
  int shown = 0;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()) && shown < 3; ++i) {
    if (a[i] == b[i]) continue;
    ADD_FAILURE() << context << ": row " << i << "\n  alone: " << a[i].dump()
                  << "\n  gated: " << b[i].dump();
    ++shown;
  }
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
  ExpectSameShapes(a, b, "stdout json " + flags);
}

TEST(GbenchDifferentialTest, JsonOnStdout) { ExpectSameJson(""); }

TEST(GbenchDifferentialTest, NegativeFilterAndTimeUnit) {
  ExpectSameJson("--benchmark_filter=-BM_Vector --benchmark_time_unit=ms");
}

// Google Benchmark's own aggregates flags, on top of the registrations'
// ->ReportAggregatesOnly() and ->DisplayAggregatesOnly().
TEST(GbenchDifferentialTest, AggregatesFlagsOnStdout) {
  ExpectSameJson("--benchmark_display_aggregates_only=true");
  ExpectSameJson("--benchmark_report_aggregates_only=true");
}

TEST(GbenchDifferentialTest, FilterToFixtures) {
  ExpectSameJson("'--benchmark_filter=Table|Typed'");
}

// Runs both binaries with --benchmark_out in `format` (console on stdout):
// equal exit codes; returns the two files' texts {alone, gated}.
std::pair<std::string, std::string> OutFiles(const std::string& format, const std::string& flags) {
  // The process id keeps concurrent runs of this test apart.
  const std::string stem = testing::TempDir() + "diff_" + std::to_string(getpid());
  const std::string alone_path = stem + "_alone." + format;
  const std::string gated_path = stem + "_gated." + format;
  std::remove(alone_path.c_str());
  std::remove(gated_path.c_str());
  const std::string common = kCommon + " --benchmark_out_format=" + format + " " + flags;
  const Ran alone = RunBinary(GBENCH_BIN, common + " --benchmark_out=" + alone_path);
  const Ran gated = RunBinary(BENCHGATE_BIN, common + " --benchmark_out=" + gated_path);
  EXPECT_EQ(gated.exit_code, alone.exit_code) << format << " " << flags;
  std::pair<std::string, std::string> texts{ReadFile(alone_path), ReadFile(gated_path)};
  std::remove(alone_path.c_str());
  std::remove(gated_path.c_str());
  return texts;
}

// The first field of every line from the first line starting with `from`
// on (the context lines above it name the binary and the machine's load).
std::vector<std::string> FirstFields(const std::string& text, const std::string& from,
                                     char separator) {
  std::vector<std::string> fields;
  std::istringstream lines(text);
  bool started = false;
  for (std::string line; std::getline(lines, line);) {
    started = started || line.rfind(from, 0) == 0;
    if (started) fields.push_back(line.substr(0, line.find(separator)));
  }
  return fields;
}

TEST(GbenchDifferentialTest, AggregatesFlagsInTheOutFile) {
  // Known difference (README): with --benchmark_report_aggregates_only
  // Google Benchmark lets a registration's ->DisplayAggregatesOnly() keep
  // every row in the file; benchgate cannot see registrations and keeps the
  // aggregates of every benchmark. BM_Vector/9 is that registration.
  for (const std::string flags :
       {"--benchmark_display_aggregates_only=true",
        "--benchmark_report_aggregates_only=true --benchmark_filter=-BM_Vector/9/"}) {
    const auto [alone, gated] = OutFiles("json", flags);
    ExpectSameShapes(json::parse(alone), json::parse(gated), "--benchmark_out json " + flags);
  }
}

TEST(GbenchDifferentialTest, OutFileJson) {
  const auto [alone, gated] = OutFiles("json", "");
  ExpectSameShapes(json::parse(alone), json::parse(gated), "--benchmark_out json");
}

TEST(GbenchDifferentialTest, OutFileCsv) {
  // Google Benchmark's CSV reporter checks that no benchmark brings a
  // counter its header lacks (BM_Counters here) with BM_CHECK, which aborts
  // where the library was built with checks (Debian's 1.7.1) and is compiled
  // out of a release build (NDEBUG) of 1.8 or 1.9, which writes every row.
  // Either way benchgate must end alike (OutFiles compares exit codes) with
  // the same rows on disk.
  const auto [alone_all, gated_all] = OutFiles("csv", "");
  ASSERT_NE(alone_all.find("BM_Linear"), std::string::npos);
  EXPECT_EQ(FirstFields(gated_all, "name,", ','), FirstFields(alone_all, "name,", ','));
  // Without it, both run to the end.
  const auto [alone, gated] = OutFiles("csv", "--benchmark_filter=-BM_Counters");
  const std::vector<std::string> names = FirstFields(alone, "name,", ',');
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names.back(), "\"BM_Template<std::string>/iterations:20_cv\"");
  EXPECT_EQ(FirstFields(gated, "name,", ','), names);
}

TEST(GbenchDifferentialTest, OutFileConsole) {
  const auto [alone, gated] = OutFiles("console", "");
  const std::vector<std::string> names = FirstFields(alone, "Benchmark ", ' ');
  ASSERT_GT(names.size(), 100u);
  EXPECT_EQ(FirstFields(gated, "Benchmark ", ' '), names);
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

// Google Benchmark hands its display reporter only the aggregates of a
// ->DisplayAggregatesOnly() benchmark; benchgate still judges it from every
// repetition. ->ReportAggregatesOnly() keeps the repetitions from every
// reporter: benchgate says it cannot judge that one, and fails with exit 2
// when it is all there is.
TEST(GbenchDifferentialTest, AggregatesOnlyRegistrations) {
  const std::string out = testing::TempDir() + "diff_" + std::to_string(getpid()) + ".json";
  const Ran ran = RunBinary(BENCHGATE_BIN, kCommon +
                                               " --benchmark_format=json "
                                               "--benchmark_filter=BM_Vector/[79]/ "
                                               "--benchgate_out=" +
                                               out);
  EXPECT_EQ(ran.exit_code, 0);
  const json enriched = json::parse(ReadFile(out));
  std::remove(out.c_str());
  const json& results = enriched.at("benchgate").at("results");
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].at("name"), "BM_Vector/9/iterations:20/repeats:2");
  EXPECT_EQ(results[0].at("samples").at("real_time").size(), 2u);
  const json& warnings = enriched.at("benchgate").at("gate").at("warnings");
  // The first warning (an unstable-CV one may follow, timings being tiny).
  ASSERT_GE(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].get<std::string>().rfind(
                "BM_Vector/7/iterations:20/repeats:2: registered with ->ReportAggregatesOnly(), "
                "so Google Benchmark hands out only its aggregates; benchgate has no samples",
                0),
            0u);
  // stderr names it too (stdout is JSON).
  const Ran stderr_of =
      RunBinary(BENCHGATE_BIN, kCommon + " --benchmark_format=json --benchmark_filter=BM_Vector/7/",
                /*stderr_only=*/true);
  EXPECT_EQ(stderr_of.exit_code, 2);
  // The whole error, as its last line (machine warnings may come above it).
  const std::string error =
      std::string("benchgate: error: ") + BENCHGATE_BIN +
      ": expected a benchmark with samples; BM_Vector/7/iterations:20/repeats:2: registered "
      "with ->ReportAggregatesOnly(), so Google Benchmark hands out only its aggregates; "
      "benchgate has no samples and does not judge it (remove it; "
      "--benchmark_report_aggregates_only keeps outputs as lean and the samples)\n";
  ASSERT_GE(stderr_of.out.size(), error.size()) << stderr_of.out;
  EXPECT_EQ(stderr_of.out.substr(stderr_of.out.size() - error.size()), error) << stderr_of.out;
}

// ->Complexity(): benchgate's console shows each family's fit after its
// rows (Google Benchmark's BigO and RMS rows in one line); the BigO rows,
// named after the family, are no sign of a benchmark without samples.
TEST(GbenchDifferentialTest, ComplexityIsShown) {
  const Ran gated = RunBinary(BENCHGATE_BIN, kCommon + " --benchmark_filter=BM_Linear");
  EXPECT_EQ(gated.exit_code, 0);
  EXPECT_NE(gated.out.find("BM_Linear/iterations:50_BigO"), std::string::npos) << gated.out;
  EXPECT_NE(gated.out.find(" x N "), std::string::npos) << gated.out;
  EXPECT_NE(gated.out.find("BM_LinearOwn/iterations:50_BigO"), std::string::npos);
  EXPECT_NE(gated.out.find(" x f(N) "), std::string::npos) << gated.out;
  EXPECT_EQ(gated.out.find("ReportAggregatesOnly"), std::string::npos) << gated.out;
}

}  // namespace
