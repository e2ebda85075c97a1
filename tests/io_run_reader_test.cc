#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "benchgate/error.h"
#include "gate/verdict.h"
#include "io/enriched_writer.h"
#include "io/json_text.h"
#include "io/run_reader.h"
#include "model/environment.h"
#include "support/error_message.h"
#include "support/read_file.h"

namespace benchgate {
namespace {

const std::string kDir = std::string(BENCHGATE_TEST_DATA_DIR) + "/io/";
const std::string kGbenchInputs = "/usr/share/benchmark/gbench/Inputs/";

// The one-line message of the error reading `path`, or "no error".
std::string FileError(const std::string& path) {
  return test::ErrorMessageOf([&] { ReadRunFile(path); });
}

std::string TextError(const std::string& text) {
  return test::ErrorMessageOf([&] { ReadRunText(text, "t.json"); });
}

const SampleSet& Find(const RunData& run, const std::string& name) {
  for (const SampleSet& set : run.benchmarks) {
    if (set.name == name) return set;
  }
  ADD_FAILURE() << "no benchmark " << name;
  static const SampleSet kNone;
  return kNone;
}

// --- Bad files: one file per mistake, exact messages. ---

TEST(RunReaderErrorTest, FileLevelProblemsHaveNoPlace) {
  EXPECT_EQ(FileError(kDir + "empty.json"),
            kDir + "empty.json: expected a JSON object, got an empty file");
  EXPECT_EQ(FileError(kDir + "absent.json"),
            kDir + "absent.json: expected a readable file (No such file or directory)");
  EXPECT_EQ(FileError(kDir), kDir + ": expected a file, found a directory");
  EXPECT_EQ(FileError(kDir + "not_object.json"),
            kDir + "not_object.json: expected a JSON object at the top level, got an array");
  EXPECT_EQ(FileError(kDir + "no_benchmarks.json"),
            kDir + "no_benchmarks.json: expected a member \"benchmarks\"");
}

// Positions counted by hand in the files (columns in bytes, from 1).
TEST(RunReaderErrorTest, SyntaxErrorsPointAtTheOffendingToken) {
  // Line 8 is `      "real_time": 1.5` (22 bytes) and the file ends there.
  EXPECT_EQ(FileError(kDir + "truncated.json"),
            kDir +
                "truncated.json:8:23: expected ',' or '}' after an object member, got the end "
                "of the file");
  // Line 2 lacks its comma; line 3's key starts in column 3.
  EXPECT_EQ(FileError(kDir + "missing_comma.json"),
            kDir +
                "missing_comma.json:3:3: expected ',' or '}' after an object member, got "
                "\"benchmarks\"");
  // An ELF header: 0x7f is no JSON token; the shown token stops at the 0x0a byte.
  EXPECT_EQ(FileError(kDir + "garbage.bin"),
            kDir +
                "garbage.bin:1:1: expected a JSON value, got "
                "'\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\xff\\xfe\\x10\\x9c' (invalid literal)");
}

TEST(RunReaderErrorTest, ContentErrorsNameTheJsonPointer) {
  EXPECT_EQ(FileError(kDir + "benchmarks_not_array.json"),
            kDir + "benchmarks_not_array.json:/benchmarks: expected an array, got an object");
  EXPECT_EQ(FileError(kDir + "name_not_string.json"),
            kDir + "name_not_string.json:/benchmarks/1/name: expected a non-empty string, got 42");
  EXPECT_EQ(FileError(kDir + "missing_name.json"),
            kDir + "missing_name.json:/benchmarks/0: expected a member \"name\"");
  EXPECT_EQ(FileError(kDir + "real_time_string.json"),
            kDir +
                "real_time_string.json:/benchmarks/2/real_time: expected a non-negative "
                "number, got \"abc\"");
  EXPECT_EQ(
      FileError(kDir + "nan_time.json"),
      kDir + "nan_time.json:/benchmarks/0/real_time: expected a non-negative number, got NaN");
  EXPECT_EQ(FileError(kDir + "negative_time.json"),
            kDir +
                "negative_time.json:/benchmarks/0/cpu_time: expected a non-negative number, "
                "got -0.5");
  EXPECT_EQ(FileError(kDir + "unknown_unit.json"),
            kDir +
                "unknown_unit.json:/benchmarks/1/time_unit: expected a time unit ns, us, ms or "
                "s for \"BM_B/8\", got \"fs\"");
  EXPECT_EQ(
      FileError(kDir + "unknown_schema.json"),
      kDir + "unknown_schema.json:/benchgate/schema_version: expected schema version 1, got 2");
  EXPECT_EQ(FileError(kDir + "enriched_length_mismatch.json"),
            kDir +
                "enriched_length_mismatch.json:/benchgate/results/0/samples/cpu_time: expected "
                "3 values, one per real_time sample, got 2");
}

// deep.json: `{"benchmarks": ` is 15 bytes, so the k-th '[' is in column
// 15 + k at depth k + 1, and depth 257 is reached at column 271.
TEST(RunReaderErrorTest, DeepNestingIsRejectedBeforeParsing) {
  EXPECT_EQ(FileError(kDir + "deep.json"),
            kDir + "deep.json:1:271: expected at most 256 levels of nesting");
  // 100,000 levels would overflow a recursive parser or destructor.
  const std::size_t levels = 100000;
  EXPECT_EQ(TextError(std::string(levels, '[') + std::string(levels, ']')),
            "t.json:1:257: expected at most 256 levels of nesting");
  std::string objects;
  for (std::size_t i = 0; i < levels; ++i) objects += "{\"a\":";
  EXPECT_EQ(TextError(objects + "1" + std::string(levels, '}')),
            "t.json:1:1281: expected at most 256 levels of nesting");  // 5 bytes per level
  // Exactly the limit is fine: the top-level object is level 1.
  const std::string deepest = std::string(255, '[') + std::string(255, ']');
  EXPECT_EQ(TextError("{\"benchmarks\": [], \"x\": " + deepest + "}"), "no error");
}

TEST(RunReaderErrorTest, SyntaxMessagesForCommonMistakes) {
  EXPECT_EQ(TextError("{\"benchmarks\": [tru]}"),
            "t.json:1:17: expected a JSON value, got 'tru' (invalid literal)");
  EXPECT_EQ(TextError("{\"benchmarks\": []} x"),
            "t.json:1:20: expected the end of the file after the JSON value, got 'x' (invalid "
            "literal)");
  EXPECT_EQ(TextError("{\"benchmarks\": [1.]}"),
            "t.json:1:17: expected a JSON value, got '1.' (invalid number; expected digit after "
            "'.')");
  EXPECT_EQ(TextError("{\"benchmarks\": [],}"),
            "t.json:1:19: expected a quoted object key, got '}'");
  EXPECT_EQ(TextError("{\"benchmarks\" []}"),
            "t.json:1:15: expected ':' after an object key, got '['");
  EXPECT_EQ(TextError("{\"benchmarks\": [1 2]}"),
            "t.json:1:19: expected ',' or ']' after an array element, got '2'");
  // A raw line break inside a string: the place is the break itself.
  EXPECT_EQ(TextError("{\"benchmarks\": [\"ab\ncd\"]}"),
            "t.json:1:20: expected a JSON value, got an invalid string: control character "
            "U+000A (LF) must be escaped to \\u000A or \\n");
  EXPECT_EQ(TextError("{\"benchmarks\": [\"abc"),
            "t.json:1:21: expected a JSON value, got an invalid string: missing closing quote");
  EXPECT_EQ(TextError(" \n\t "), "t.json: expected a JSON object, got an empty file");
}

// NaN becomes null (4 bytes) and Infinity null (also 4) for the strict
// parser; places are still counted in the original text.
TEST(RunReaderErrorTest, PlacesAfterNonFiniteTokensAreInTheOriginalText) {
  EXPECT_EQ(TextError("{\"benchmarks\": [NaN NaN]}"),
            "t.json:1:21: expected ',' or ']' after an array element, got 'NaN'");
  EXPECT_EQ(TextError("{\"benchmarks\": [-Infinity, Infinity NaN]}"),
            "t.json:1:37: expected ',' or ']' after an array element, got 'NaN'");
}

// Rows are streamed out of the parser one by one (never one tree of a
// million rows); the order of messages stays that of a whole-document read.
TEST(RunReaderErrorTest, StreamedRowsKeepTheWholeDocumentsRules) {
  // A wrong row before a syntax error: the syntax error is reported.
  EXPECT_EQ(TextError(R"({"benchmarks": [{"name": 1}, {"name": "B"} x]})"),
            "t.json:1:44: expected ',' or ']' after an array element, got 'x' (invalid literal)");
  // The first wrong row is named with its index, not a later one.
  EXPECT_EQ(TextError(R"({"benchmarks": [{"name": "A", "real_time": 1, "cpu_time": 1},
                                         [], {"name": 2}]})"),
            "t.json:/benchmarks/1: expected an object, got an array");
  // Two "benchmarks" members would otherwise be read as one run.
  EXPECT_EQ(TextError(R"({"benchmarks": [], "benchmarks": []})"),
            "t.json:/benchmarks: expected one \"benchmarks\" member, got two");
  // Arrays elsewhere, and "benchmarks" below the top level, are not streamed.
  const RunData run = ReadRunText(
      R"({"context": {"benchmarks": [1, 2]}, "benchmarks": [
            {"name": "A", "real_time": 1, "cpu_time": 1, "time_unit": "us"},
            {"name": "A", "real_time": 3, "cpu_time": 2, "time_unit": "us"}]})",
      "t.json");
  ASSERT_EQ(run.benchmarks.size(), 1u);
  EXPECT_EQ(run.benchmarks[0].real_time_ns, (std::vector<double>{1000, 3000}));
}

TEST(RunReaderErrorTest, RowAndEnrichedContentMistakes) {
  EXPECT_EQ(
      TextError(R"({"benchmarks": [{"name": "A", "run_type": "warmup"}]})"),
      "t.json:/benchmarks/0/run_type: expected \"iteration\" or \"aggregate\", got \"warmup\"");
  EXPECT_EQ(TextError(R"({"benchmarks": [{"name": "A", "real_time": 1}]})"),
            "t.json:/benchmarks/0: expected a member \"cpu_time\"");
  EXPECT_EQ(TextError(R"({"benchmarks": [{"name": "A", "error_occurred": "yes"}]})"),
            "t.json:/benchmarks/0/error_occurred: expected true or false, got \"yes\"");
  EXPECT_EQ(TextError(R"({"benchmarks": [{"name": "A", "real_time": 1, "cpu_time": 1,
                                           "iterations": -3}]})"),
            "t.json:/benchmarks/0/iterations: expected a non-negative integer, got -3");
  EXPECT_EQ(TextError(R"({"benchmarks": [{"name": "A", "real_time": Infinity, "cpu_time": 1}]})"),
            "t.json:/benchmarks/0/real_time: expected a non-negative number, got Infinity");
  EXPECT_EQ(TextError(R"({"benchmarks": [], "context": [1]})"),
            "t.json:/context: expected an object, got an array");
  EXPECT_EQ(TextError(R"({"benchmarks": [], "benchgate": {"results": []}})"),
            "t.json:/benchgate: expected a member \"schema_version\"");
  EXPECT_EQ(TextError(R"({"benchmarks": [], "benchgate": {"schema_version": "1"}})"),
            "t.json:/benchgate/schema_version: expected schema version 1, got \"1\"");
  const std::string result = R"({"name": "A", "time_unit": "ns",
      "samples": {"real_time": [1], "cpu_time": [1]})";
  EXPECT_EQ(TextError(R"({"benchmarks": [], "benchgate": {"schema_version": 1, "results": [)" +
                      result + "}, " + result + "}]}}"),
            "t.json:/benchgate/results/1/name: expected each benchmark once, \"A\" is also at "
            "/benchgate/results/0");
  EXPECT_EQ(TextError(R"({"benchmarks": [], "benchgate": {"schema_version": 1, "results": [)" +
                      result + R"(, "latency": {"count": 1, "p50": 1, "p90": 1, "p99": 1,
                      "p999": 1, "max": 1, "histogram": [[1, 1, 1]]}}]}})"),
            "t.json:/benchgate/results/0/latency/histogram/0: expected [lower_ns, count], got an "
            "array");
  EXPECT_EQ(TextError(R"({"benchmarks": [], "benchgate": {"schema_version": 1, "results": [)" +
                      result + R"(, "memory": {"allocs_per_iter": 1}}]}})"),
            "t.json:/benchgate/results/0/memory: expected a member \"bytes_per_iter\"");
}

// What the run says of its machine: Google Benchmark's context (what its
// console reporter warns about), or benchgate's own words when enriched.
TEST(RunReaderTest, MachineWarningsFromTheContextOrBenchgate) {
  const RunData plain = ReadRunText(
      R"({"context": {"cpu_scaling_enabled": true, "library_build_type": "debug"},
          "benchmarks": []})",
      "t.json");
  EXPECT_EQ(plain.warnings,
            (std::vector<std::string>{
                "CPU scaling is enabled: real-time measurements may be noisy",
                "Google Benchmark library is a debug build: its overhead inflates timings"}));
  EXPECT_TRUE(ReadRunText(R"({"context": {"cpu_scaling_enabled": false,
                                          "library_build_type": "release"}, "benchmarks": []})",
                          "t.json")
                  .warnings.empty());
  const RunData enriched = ReadRunText(
      R"({"context": {"cpu_scaling_enabled": true}, "benchmarks": [],
          "benchgate": {"schema_version": 1, "results": [],
                        "environment": {"warnings": ["high load: 1-minute load average 3"]}}})",
      "t.json");
  EXPECT_EQ(enriched.warnings, std::vector<std::string>{"high load: 1-minute load average 3"});
  EXPECT_EQ(TextError(R"({"benchmarks": [], "benchgate": {"schema_version": 1, "results": [],
                          "environment": {"warnings": [1]}}})"),
            "t.json:/benchgate/environment/warnings/0: expected a string, got 1");
}

// Counter names may hold '/' and '~', escaped in pointers as RFC 6901 says.
TEST(RunReaderErrorTest, PointersEscapeSlashAndTilde) {
  EXPECT_EQ(TextError(R"({"benchmarks": [], "benchgate": {"schema_version": 1,
                          "results": [{"name": "a/b~c", "time_unit": "ns",
                                       "samples": {"real_time": [1], "cpu_time": [1]},
                                       "memory": {"allocs_per_iter": -1}}]}})"),
            "t.json:/benchgate/results/0/memory/allocs_per_iter: expected a non-negative number, "
            "got -1");
  EXPECT_EQ(TextError(R"({"benchmarks": [{"name": "a/b~c", "real_time": 1, "cpu_time": 1,
                                          "time_unit": "ns", "label": 5}]})"),
            "t.json:/benchmarks/0/label: expected a string, got 5");
}

// Truncations and byte flips of a real file: benchgate::Error or a result,
// never another exception, never a crash (run under ASan in CI).
TEST(RunReaderErrorTest, DamagedFilesNeverEscapeAsOtherExceptions) {
  const std::string good = test::ReadFile(kDir + "gbench_1.7.1_repetitions.json");
  ASSERT_FALSE(good.empty());
  int errors = 0;
  const auto attempt = [&](const std::string& text) {
    try {
      ReadRunText(text, "damaged.json");
    } catch (const Error&) {
      ++errors;
    }
  };
  for (std::size_t length = 0; length < good.size(); length += 13) attempt(good.substr(0, length));
  std::mt19937 random(20240501);  // fixed seed
  std::uniform_int_distribution<std::size_t> position(0, good.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int i = 0; i < 400; ++i) {
    std::string damaged = good;
    damaged[position(random)] = static_cast<char>(byte(random));
    attempt(damaged);
  }
  EXPECT_GT(errors, 900);  // nearly every truncation is an error
}

// --- Google Benchmark's own files. ---

// Values read off the file (real output of Google Benchmark 1.7.1).
TEST(RunReaderGbenchTest, RepetitionsOf171AreTheSamples) {
  const RunData run = ReadRunFile(kDir + "gbench_1.7.1_repetitions.json");
  EXPECT_EQ(run.source, kDir + "gbench_1.7.1_repetitions.json");
  EXPECT_EQ(run.date, "2026-11-22T13:40:28+00:00");
  EXPECT_EQ(run.environment_key, "");
  // Complexity rows (run_name "BM_Sum") add no benchmark; order is the file's.
  ASSERT_EQ(run.benchmarks.size(), 4u);
  EXPECT_EQ(run.benchmarks[0].name, "BM_Sum/8");
  EXPECT_EQ(run.benchmarks[1].name, "BM_Sum/64");
  EXPECT_EQ(run.benchmarks[2].name, "BM_Slow");
  EXPECT_EQ(run.benchmarks[3].name, "BM_Fails");

  const SampleSet& sum = run.benchmarks[0];
  ASSERT_EQ(sum.real_time_ns.size(), 3u);
  EXPECT_DOUBLE_EQ(sum.real_time_ns[0], 1.7370469321181446e+01);
  EXPECT_DOUBLE_EQ(sum.real_time_ns[2], 2.5082740012959786e+01);
  EXPECT_DOUBLE_EQ(sum.cpu_time_ns[1], 4.6127773280818403e+00);
  EXPECT_EQ(sum.iterations, (std::vector<double>{7068974, 7068974, 7068974}));
  EXPECT_EQ(sum.time_unit, "ns");
  EXPECT_EQ(sum.counters.at("elements"), (std::vector<double>{8, 8, 8}));
  EXPECT_DOUBLE_EQ(sum.counters.at("items_per_second")[0], 1.6909804912186019e+09);
  EXPECT_EQ(sum.counters.size(), 2u);
  EXPECT_FALSE(sum.aggregates_only);
  EXPECT_FALSE(sum.errored);

  // time_unit "us": 1.2525835079067388e+01 us = 12525.835079067388 ns.
  const SampleSet& slow = run.benchmarks[2];
  EXPECT_EQ(slow.time_unit, "us");
  EXPECT_DOUBLE_EQ(slow.real_time_ns[0], 12525.835079067388);
  EXPECT_DOUBLE_EQ(slow.cpu_time_ns[2], 1418.6305865921807);
  EXPECT_EQ(slow.label, "sum of 4096");
  EXPECT_EQ(slow.threads, 1);

  const SampleSet& fails = run.benchmarks[3];
  EXPECT_TRUE(fails.errored);
  EXPECT_EQ(fails.error_message, "fixture error");
  EXPECT_TRUE(fails.real_time_ns.empty());
  EXPECT_TRUE(fails.iterations.empty());
}

// Counters NaN, Infinity and -Infinity are kept as they are.
TEST(RunReaderGbenchTest, NonFiniteCountersAreKept) {
  const RunData run = ReadRunFile(kDir + "gbench_1.7.1_repetitions.json");
  const SampleSet& slow = Find(run, "BM_Slow");
  ASSERT_EQ(slow.counters.at("ratio").size(), 3u);
  EXPECT_TRUE(std::isnan(slow.counters.at("ratio")[1]));
  EXPECT_EQ(slow.counters.at("peak")[0], std::numeric_limits<double>::infinity());
  EXPECT_EQ(slow.counters.at("trough")[2], -std::numeric_limits<double>::infinity());
  // Inside strings the same words are text.
  const RunData text = ReadRunText(R"({"benchmarks": [{"name": "NaN", "real_time": 1,
      "cpu_time": 2, "label": "Infinity \"NaN\" -Infinity", "Infinity": NaN, "x": null}]})",
                                   "t.json");
  ASSERT_EQ(text.benchmarks.size(), 1u);
  EXPECT_EQ(text.benchmarks[0].name, "NaN");
  EXPECT_EQ(text.benchmarks[0].label, "Infinity \"NaN\" -Infinity");
  EXPECT_TRUE(std::isnan(text.benchmarks[0].counters.at("Infinity")[0]));
  EXPECT_EQ(text.benchmarks[0].counters.count("x"), 0u);  // a real null is no counter
}

TEST(RunReaderGbenchTest, AggregatesOnlyUsesTheMedian) {
  const RunData run = ReadRunFile(kDir + "gbench_1.7.1_aggregates_only.json");
  ASSERT_EQ(run.benchmarks.size(), 4u);
  const SampleSet& sum = Find(run, "BM_Sum/8");
  EXPECT_TRUE(sum.aggregates_only);
  EXPECT_EQ(sum.real_time_ns, (std::vector<double>{2.0182155610766337e+01}));  // the median row
  EXPECT_EQ(sum.cpu_time_ns, (std::vector<double>{4.4306524555740783e+00}));
  EXPECT_EQ(sum.counters.at("items_per_second"), (std::vector<double>{1.8056031431522975e+09}));
  const SampleSet& slow = Find(run, "BM_Slow");
  EXPECT_DOUBLE_EQ(slow.real_time_ns.at(0), 3241.9892412460012);  // 3.2419892412460012 us
  EXPECT_EQ(slow.label, "sum of 4096");
  EXPECT_TRUE(Find(run, "BM_Fails").errored);
  EXPECT_FALSE(Find(run, "BM_Fails").aggregates_only);
}

// The same program (gbench_versions_fixture.cc.txt) run by Google Benchmark
// 1.7.1, 1.8.3 and 1.9.5 (tests/data/io/README.md): every version's file
// reads into the same benchmarks. 1.8 added skipped rows (SkipWithMessage),
// 1.9 context fields (library_version, aslr_enabled, json_schema_version);
// the memory manager reports 3 allocations in a memory run of 16 iterations
// (3 / 16 = 0.1875 per iteration), 64 bytes at most in use, 32 not freed.
class RunReaderVersionsTest : public testing::TestWithParam<const char*> {};

TEST_P(RunReaderVersionsTest, EveryVersionReadsAlike) {
  const std::string version = GetParam();
  const RunData run = ReadRunFile(kDir + "gbench_" + version + "_fixture.json");
  const bool skips = version != "1.7.1";
  ASSERT_EQ(run.benchmarks.size(), skips ? 5u : 4u);
  for (const char* name : {"BM_Sum/8", "BM_Sum/64", "BM_Slow"}) {
    const SampleSet& set = Find(run, name);
    EXPECT_FALSE(set.errored) << name;
    EXPECT_EQ(set.real_time_ns.size(), 3u) << name;
    EXPECT_EQ(set.cpu_time_ns.size(), 3u) << name;
    ASSERT_TRUE(set.memory.has_value()) << name;
    EXPECT_EQ(set.memory->allocs_per_iter, 0.1875) << name;
    EXPECT_EQ(set.memory->max_bytes_used, 64) << name;
    EXPECT_EQ(set.memory->net_heap_growth, 32) << name;
  }
  EXPECT_EQ(Find(run, "BM_Sum/8").counters.at("elements"), (std::vector<double>{8, 8, 8}));
  const SampleSet& slow = Find(run, "BM_Slow");
  EXPECT_EQ(slow.time_unit, "us");
  EXPECT_EQ(slow.label, "sum of 4096");
  EXPECT_TRUE(std::isnan(slow.counters.at("ratio")[0]));
  EXPECT_EQ(slow.counters.at("peak")[2], std::numeric_limits<double>::infinity());
  const SampleSet& fails = Find(run, "BM_Fails");
  EXPECT_TRUE(fails.errored);
  EXPECT_FALSE(fails.skipped);
  EXPECT_EQ(fails.error_message, "fixture error");
  EXPECT_TRUE(fails.real_time_ns.empty());
  if (skips) {
    const SampleSet& skipped = Find(run, "BM_Skips");
    EXPECT_TRUE(skipped.errored);
    EXPECT_TRUE(skipped.skipped);
    EXPECT_EQ(skipped.error_message, "fixture skip");
    EXPECT_TRUE(skipped.real_time_ns.empty());
  }
}

// --benchmark_report_aggregates_only: the median (aggregate_unit "time"),
// never the cv row (aggregate_unit "percentage"); errored and skipped rows
// stay what they are.
TEST_P(RunReaderVersionsTest, AggregatesOnlyReadAlike) {
  const std::string version = GetParam();
  const RunData run = ReadRunFile(kDir + "gbench_" + version + "_fixture_aggregates.json");
  for (const char* name : {"BM_Sum/8", "BM_Sum/64", "BM_Slow"}) {
    const SampleSet& set = Find(run, name);
    EXPECT_TRUE(set.aggregates_only) << name;
    ASSERT_EQ(set.real_time_ns.size(), 1u) << name;
    EXPECT_GT(set.real_time_ns[0], 0) << name;
  }
  EXPECT_TRUE(Find(run, "BM_Fails").errored);
  if (version != "1.7.1") {
    EXPECT_TRUE(Find(run, "BM_Skips").skipped);
  }
}

INSTANTIATE_TEST_SUITE_P(GoogleBenchmark, RunReaderVersionsTest,
                         testing::Values("1.7.1", "1.8.3", "1.9.5"),
                         [](const testing::TestParamInfo<const char*>& param) {
                           std::string name = std::string("v") + param.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

TEST(RunReaderGbenchTest, MeanWhenThereIsNoMedian) {
  const RunData run = ReadRunText(R"({"benchmarks": [
      {"name": "A_mean", "run_name": "A", "run_type": "aggregate", "aggregate_name": "mean",
       "aggregate_unit": "time", "real_time": 3, "cpu_time": 2, "time_unit": "ms"},
      {"name": "A_cv", "run_name": "A", "run_type": "aggregate", "aggregate_name": "cv",
       "aggregate_unit": "percentage", "real_time": NaN, "cpu_time": NaN, "time_unit": "ms"}]})",
                                  "t.json");
  ASSERT_EQ(run.benchmarks.size(), 1u);
  EXPECT_TRUE(run.benchmarks[0].aggregates_only);
  EXPECT_EQ(run.benchmarks[0].real_time_ns, (std::vector<double>{3e6}));
  EXPECT_EQ(run.benchmarks[0].time_unit, "ms");
}

TEST(RunReaderGbenchTest, SkippedAndErroredRowsOf18) {
  const RunData run = ReadRunFile(kDir + "skipped_1.8.json");
  ASSERT_EQ(run.benchmarks.size(), 3u);
  EXPECT_TRUE(run.benchmarks[0].errored);
  EXPECT_TRUE(run.benchmarks[0].skipped);
  EXPECT_EQ(run.benchmarks[0].error_message, "no GPU on this machine");
  EXPECT_TRUE(run.benchmarks[1].errored);
  EXPECT_FALSE(run.benchmarks[1].skipped);
  EXPECT_EQ(run.benchmarks[1].error_message, "checksum mismatch");
  EXPECT_FALSE(run.benchmarks[2].errored);
  EXPECT_FALSE(run.benchmarks[2].skipped);
  EXPECT_EQ(run.benchmarks[2].real_time_ns, (std::vector<double>{12.5}));
}

TEST(RunReaderGbenchTest, PreRunNameFilesGroupByName) {
  const RunData run = ReadRunFile(kDir + "legacy_names.json");
  ASSERT_EQ(run.benchmarks.size(), 2u);
  EXPECT_EQ(run.benchmarks[0].name, "BM_Copy/64");  // "_median" etc. removed
  EXPECT_TRUE(run.benchmarks[0].aggregates_only);
  EXPECT_EQ(run.benchmarks[0].real_time_ns, (std::vector<double>{41}));
  EXPECT_EQ(run.benchmarks[1].name, "BM_Fill/8");
  EXPECT_EQ(run.benchmarks[1].real_time_ns, (std::vector<double>{7000, 9000}));
  EXPECT_EQ(run.date, "2017-03-01 12:00:00");
}

TEST(RunReaderGbenchTest, InterleavedRowsComeBackInRegistrationOrder) {
  // Interleaved repetitions write each benchmark when it finished: here
  // BM_B/2 (family 1, instance 1), BM_A (family 0), then BM_B/1.
  const char* text = R"({"benchmarks": [
    {"name": "BM_B/2", "family_index": 1, "per_family_instance_index": 1, "run_type": "iteration",
     "iterations": 1, "real_time": 4, "cpu_time": 4, "time_unit": "ns"},
    {"name": "BM_A", "family_index": 0, "per_family_instance_index": 0, "run_type": "iteration",
     "iterations": 1, "real_time": 1, "cpu_time": 1, "time_unit": "ns"},
    {"name": "BM_B/1", "family_index": 1, "per_family_instance_index": 0, "run_type": "iteration",
     "iterations": 1, "real_time": 2, "cpu_time": 2, "time_unit": "ns"},
    {"name": "BM_B/2", "family_index": 1, "per_family_instance_index": 1, "run_type": "iteration",
     "iterations": 1, "real_time": 5, "cpu_time": 5, "time_unit": "ns"}]})";
  const RunData run = ReadRunText(text, "t.json");
  ASSERT_EQ(run.benchmarks.size(), 3u);
  EXPECT_EQ(run.benchmarks[0].name, "BM_A");
  EXPECT_EQ(run.benchmarks[1].name, "BM_B/1");
  EXPECT_EQ(run.benchmarks[2].name, "BM_B/2");
  EXPECT_EQ(run.benchmarks[2].real_time_ns, (std::vector<double>{4, 5}));
  // Without the indices (before Google Benchmark 1.6): as they came.
  const RunData legacy = ReadRunText(R"({"benchmarks": [
    {"name": "BM_B", "run_type": "iteration", "iterations": 1, "real_time": 4, "cpu_time": 4},
    {"name": "BM_A", "run_type": "iteration", "iterations": 1, "real_time": 1, "cpu_time": 1}]})",
                                     "t.json");
  ASSERT_EQ(legacy.benchmarks.size(), 2u);
  EXPECT_EQ(legacy.benchmarks[0].name, "BM_B");
  // A wrong index is bad input, named by its place.
  const std::string wrong = TextError(R"({"benchmarks": [{"name": "BM_A", "family_index": "x",
      "per_family_instance_index": 0, "run_type": "iteration", "iterations": 1, "real_time": 1,
      "cpu_time": 1}]})");
  EXPECT_NE(wrong.find("/benchmarks/0/family_index"), std::string::npos) << wrong;
}

TEST(RunReaderGbenchTest, EmptyBenchmarksIsAValidEmptyRun) {
  const RunData run = ReadRunFile(kDir + "empty_benchmarks.json");
  EXPECT_TRUE(run.benchmarks.empty());
  EXPECT_EQ(run.date, "2024-01-01T00:00:00+00:00");
}

TEST(RunReaderGbenchTest, ByteOrderMarkIsSkipped) {
  const RunData run = ReadRunText("\xEF\xBB\xBF{\"benchmarks\": []}", "t.json");
  EXPECT_TRUE(run.benchmarks.empty());
}

// compare.py's inputs (copied into tests/data/io): values read off the files.
TEST(RunReaderGbenchTest, CompareInputsCopies) {
  const RunData test1 = ReadRunFile(kDir + "gbench_inputs_test1_run1.json");
  EXPECT_EQ(test1.date, "2016-08-02 17:44:46");
  ASSERT_EQ(test1.benchmarks.size(), 14u);  // 16 rows minus the BigO and RMS rows
  EXPECT_EQ(test1.benchmarks[0].name, "BM_SameTimes");
  EXPECT_EQ(test1.benchmarks[0].real_time_ns, (std::vector<double>{10}));
  EXPECT_EQ(Find(test1, "BM_NotBadTimeUnit").real_time_ns, (std::vector<double>{0.4e9}));
  EXPECT_EQ(Find(test1, "BM_hasLabel").label, "a label");
  for (const SampleSet& set : test1.benchmarks) EXPECT_NE(set.name, "MyComplexityTest");

  const RunData test3 = ReadRunFile(kDir + "gbench_inputs_test3_run0.json");
  ASSERT_EQ(test3.benchmarks.size(), 4u);
  EXPECT_EQ(Find(test3, "BM_Two").real_time_ns, (std::vector<double>{9, 8}));
  EXPECT_EQ(Find(test3, "medium").cpu_time_ns, (std::vector<double>{80, 82}));
  // Aggregate rows without an aggregate_name: neither median nor mean.
  EXPECT_TRUE(Find(test3, "short").aggregates_only);
  EXPECT_TRUE(Find(test3, "short").real_time_ns.empty());
}

TEST(RunReaderGbenchTest, EveryInstalledCompareInputReads) {
  if (!std::filesystem::is_directory(kGbenchInputs)) {
    GTEST_SKIP() << kGbenchInputs << " is absent (Debian package libbenchmark-tools)";
  }
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kGbenchInputs)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    EXPECT_EQ(FileError(entry.path().string()), "no error");
  }
  EXPECT_GE(files, 8);  // 1.7.1 ships test1_run1 .. test4_run1
  // test2_run.json: BM_Hi, 42 ms real time.
  EXPECT_EQ(Find(ReadRunFile(kGbenchInputs + "test2_run.json"), "BM_Hi").real_time_ns,
            (std::vector<double>{42e6}));
  // test4_run.json: rows without any time name 12 benchmarks with no sample.
  const RunData test4 = ReadRunFile(kGbenchInputs + "test4_run.json");
  EXPECT_EQ(test4.benchmarks.size(), 12u);
  EXPECT_TRUE(test4.benchmarks[0].real_time_ns.empty());
}

// --- Enriched JSON. ---

// Real output of gate_fixture_bench; values read off the file.
TEST(RunReaderEnrichedTest, FixtureBenchOutput) {
  const RunData run = ReadRunFile(kDir + "enriched_fixture_bench.json");
  EXPECT_EQ(run.environment_key, "00c63b818866efc8");
  EXPECT_EQ(run.date, "2026-11-22T13:41:08+00:00");
  ASSERT_EQ(run.benchmarks.size(), 4u);

  const SampleSet& spin = run.benchmarks[0];
  EXPECT_EQ(spin.name, "BM_Spin/iterations:20/manual_time");
  EXPECT_EQ(spin.real_time_ns, (std::vector<double>{200570.0, 200630.0, 200619.99999999994}));
  EXPECT_EQ(spin.iterations, (std::vector<double>{20, 20, 20}));
  EXPECT_FALSE(spin.latency.has_value());

  const SampleSet& sampled = run.benchmarks[1];
  ASSERT_TRUE(sampled.latency.has_value());
  EXPECT_EQ(sampled.latency->count, 120u);
  EXPECT_EQ(sampled.latency->p50, 50105.0);
  EXPECT_EQ(sampled.latency->p999, 4299065.0);
  ASSERT_EQ(sampled.latency->buckets.size(), 8u);
  EXPECT_EQ(sampled.latency->buckets[0], (std::pair<double, std::uint64_t>{49920.0, 107}));
  ASSERT_TRUE(sampled.memory.has_value());
  EXPECT_EQ(sampled.memory->bytes_per_iter, 3753.125);
  EXPECT_EQ(sampled.memory->max_bytes_used, 60013);
  EXPECT_EQ(sampled.memory->net_heap_growth, 88);
  EXPECT_EQ(sampled.counters.at("p99").size(), 3u);  // Sampled()'s counters, from the rows

  const SampleSet& allocate = run.benchmarks[2];
  ASSERT_TRUE(allocate.memory.has_value());
  EXPECT_EQ(allocate.memory->allocs_per_iter, 1.0);
  EXPECT_EQ(allocate.memory->bytes_per_iter, 40.0);

  EXPECT_TRUE(run.benchmarks[3].errored);
  EXPECT_EQ(run.benchmarks[3].error_message, "fixture error");
}

// The rows alone give the same samples: the enriched file is a superset.
TEST(RunReaderEnrichedTest, RowsAloneGiveTheSameSamples) {
  const RunData enriched = ReadRunFile(kDir + "enriched_fixture_bench.json");
  std::string text = test::ReadFile(kDir + "enriched_fixture_bench.json");
  text.replace(text.find("\"benchgate\":"), 12, "\"renamed\":");
  const RunData plain = ReadRunText(text, "plain.json");
  ASSERT_EQ(plain.benchmarks.size(), enriched.benchmarks.size());
  for (std::size_t i = 0; i < plain.benchmarks.size(); ++i) {
    EXPECT_EQ(plain.benchmarks[i].name, enriched.benchmarks[i].name);
    ASSERT_EQ(plain.benchmarks[i].real_time_ns.size(), enriched.benchmarks[i].real_time_ns.size());
    for (std::size_t j = 0; j < plain.benchmarks[i].real_time_ns.size(); ++j) {
      EXPECT_NEAR(plain.benchmarks[i].real_time_ns[j], enriched.benchmarks[i].real_time_ns[j],
                  1e-9 * enriched.benchmarks[i].real_time_ns[j]);
    }
  }
  EXPECT_EQ(plain.environment_key, "");
  EXPECT_FALSE(plain.benchmarks[1].latency.has_value());
  // Rows carry allocs_per_iter but not bytes_per_iter (see run_reader.h).
  EXPECT_EQ(plain.benchmarks[2].memory->allocs_per_iter, 1.0);
  EXPECT_EQ(plain.benchmarks[2].memory->bytes_per_iter, 0.0);
}

TEST(RunReaderEnrichedTest, ResultsWinOverRowsAndKeepRowCounters) {
  const RunData run = ReadRunText(R"({"benchmarks": [
      {"name": "A", "run_type": "iteration", "real_time": 1, "cpu_time": 1, "time_unit": "ns",
       "bytes_per_second": 10},
      {"name": "B", "run_type": "iteration", "real_time": 2, "cpu_time": 2, "time_unit": "ns"}],
    "benchgate": {"schema_version": 1, "environment": {"key": "k1"}, "results": [
      {"name": "A", "time_unit": "us", "samples": {"real_time": [5, 6], "cpu_time": [4, 3]}},
      {"name": "C", "time_unit": "ns", "error_message": "failed"},
      {"name": "D", "time_unit": "ns", "skip_message": "no GPU"}]}})",
                                  "t.json");
  ASSERT_EQ(run.benchmarks.size(), 4u);
  EXPECT_EQ(run.environment_key, "k1");
  EXPECT_EQ(run.benchmarks[0].real_time_ns, (std::vector<double>{5000, 6000}));
  EXPECT_EQ(run.benchmarks[0].cpu_time_ns, (std::vector<double>{4000, 3000}));
  EXPECT_EQ(run.benchmarks[0].time_unit, "us");
  EXPECT_EQ(run.benchmarks[0].counters.at("bytes_per_second"), (std::vector<double>{10}));
  EXPECT_EQ(run.benchmarks[1].real_time_ns, (std::vector<double>{2}));  // no result: rows
  EXPECT_EQ(run.benchmarks[2].name, "C");
  EXPECT_TRUE(run.benchmarks[2].errored);
  EXPECT_FALSE(run.benchmarks[2].skipped);
  EXPECT_EQ(run.benchmarks[2].error_message, "failed");
  EXPECT_TRUE(run.benchmarks[3].errored);  // a skip (Google Benchmark 1.8+): no samples either
  EXPECT_TRUE(run.benchmarks[3].skipped);
  EXPECT_EQ(run.benchmarks[3].error_message, "no GPU");
}

// The runner's extra rounds: each sample's round comes back as written.
TEST(RunReaderEnrichedTest, RoundsAreReadBack) {
  const RunData run = ReadRunText(R"({"benchmarks": [], "benchgate": {"schema_version": 1,
      "results": [
        {"name": "A", "time_unit": "ns",
         "samples": {"real_time": [1, 2, 3], "cpu_time": [1, 2, 3], "rounds": [0, 1, 4294967295]}},
        {"name": "B", "time_unit": "ns", "samples": {"real_time": [1], "cpu_time": [1]}}]}})",
                                  "t.json");
  ASSERT_EQ(run.benchmarks.size(), 2u);
  EXPECT_EQ(run.benchmarks[0].rounds, (std::vector<std::uint32_t>{0, 1, 4294967295u}));
  EXPECT_TRUE(run.benchmarks[1].rounds.empty());  // all from round 0
}

TEST(RunReaderErrorTest, RoundsMustBeOnePerSampleAndWhole) {
  const auto with_rounds = [](const std::string& rounds) {
    return TextError(R"({"benchmarks": [], "benchgate": {"schema_version": 1, "results": [
        {"name": "A", "time_unit": "ns",
         "samples": {"real_time": [1, 2], "cpu_time": [1, 2], "rounds": )" +
                     rounds + "}}]}}");
  };
  const std::string at = "t.json:/benchgate/results/0/samples/rounds";
  EXPECT_EQ(with_rounds("[0, 1]"), "no error");
  EXPECT_EQ(with_rounds("[0]"), at + ": expected 2 values, one per real_time sample, got 1");
  EXPECT_EQ(with_rounds("{}"), at + ": expected an array, got an object");
  const std::string expected = ": expected a round, an integer from 0 to 4294967295, got ";
  EXPECT_EQ(with_rounds("[0, -1]"), at + "/1" + expected + "-1");
  EXPECT_EQ(with_rounds("[4294967296, 0]"), at + "/0" + expected + "4294967296");
  EXPECT_EQ(with_rounds("[0, 1.5]"), at + "/1" + expected + "1.5");
  EXPECT_EQ(with_rounds("[0, NaN]"), at + "/1" + expected + "NaN");
  EXPECT_EQ(with_rounds(R"([0, "1"])"), at + "/1" + expected + "\"1\"");
  EXPECT_EQ(with_rounds("[0, null]"), at + "/1" + expected + "null");
}

// What the runner writes, benchgate-diff reads: the same rounds, so a
// re-judged file sets aside the same disturbed rounds.
TEST(RunReaderEnrichedTest, WrittenRoundsReadBackTheSame) {
  SuiteAnalysis analysis;
  BenchmarkAnalysis extra;
  extra.samples.name = "BM_Extra";
  extra.samples.real_time_ns = {100, 110, 120, 130, 140};
  extra.samples.cpu_time_ns = extra.samples.real_time_ns;
  extra.samples.iterations = {10, 10, 10, 10, 10};
  extra.samples.rounds = {0, 0, 1, 1, 2};
  analysis.benchmarks.push_back(extra);
  BenchmarkAnalysis first = extra;
  first.samples.name = "BM_FirstPass";
  first.samples.rounds = {0, 0, 0, 0, 0};  // round 0 alone: nothing to write
  analysis.benchmarks.push_back(first);
  const std::string text =
      RenderEnrichedJson(R"({"context": {}, "benchmarks": []})", Environment{}, analysis);
  const nlohmann::json doc = nlohmann::json::parse(text);
  EXPECT_EQ(doc["benchgate"]["results"][0]["samples"]["rounds"], nlohmann::json({0, 0, 1, 1, 2}));
  EXPECT_FALSE(doc["benchgate"]["results"][1]["samples"].contains("rounds"));
  const RunData run = ReadRunText(text, "e.json");
  EXPECT_EQ(Find(run, "BM_Extra").rounds, extra.samples.rounds);
  EXPECT_EQ(Find(run, "BM_Extra").real_time_ns, extra.samples.real_time_ns);
  EXPECT_TRUE(Find(run, "BM_FirstPass").rounds.empty());
}

// The verdict says what the decision set aside and why it stayed undecided;
// the gate, how many stayed undecided and whether that failed it.
TEST(EnrichedWriterTest, VerdictAndGateTellWhatWasUndecided) {
  SuiteAnalysis analysis;
  BenchmarkAnalysis b;
  b.samples.name = "BM_Wide";
  b.samples.real_time_ns = {100, 101, 150, 151, 102};
  b.samples.cpu_time_ns = b.samples.real_time_ns;
  b.samples.rounds = {0, 0, 1, 1, 2};
  b.status = VerdictStatus::kInconclusive;
  b.undecided = Undecided::kStraddles;
  b.extra_rounds = 2;
  Comparison c;
  c.p_value = 0.01;
  c.p_method = "trimmed-exact";
  c.p_value_all = 0.2;
  c.p_method_all = "exact";
  c.candidate_set_aside = {2, 3};
  c.candidate_rounds_set_aside = {1};
  c.baseline_spread = 0.01;
  c.candidate_spread = 0.02;
  b.comparison = c;
  analysis.benchmarks.push_back(b);
  analysis.inconclusive = 1;
  analysis.undecided = {{"interval straddles the tolerance", 1}};
  analysis.extra_rounds = 2;
  analysis.max_undecided = 0.1;
  analysis.too_many_undecided = true;
  analysis.gate_failed = true;
  const nlohmann::json doc = nlohmann::json::parse(
      RenderEnrichedJson(R"({"context": {}, "benchmarks": []})", Environment{}, analysis));
  const nlohmann::json& verdict = doc["benchgate"]["results"][0]["verdict"];
  EXPECT_EQ(verdict["status"], "inconclusive");
  EXPECT_EQ(verdict["undecided"], "interval straddles the tolerance");
  EXPECT_EQ(verdict["extra_rounds"], 2);
  EXPECT_EQ(verdict["p_method"], "trimmed-exact");
  EXPECT_EQ(verdict["p_value_all"], 0.2);
  EXPECT_EQ(verdict["p_method_all"], "exact");
  EXPECT_EQ(verdict["set_aside"],
            nlohmann::json::parse(R"({"baseline": [], "candidate": [2, 3]})"));
  EXPECT_EQ(verdict["rounds_set_aside"],
            nlohmann::json::parse(R"({"baseline": [], "candidate": [1]})"));
  EXPECT_EQ(verdict["spread"], nlohmann::json::parse(R"({"baseline": 0.01, "candidate": 0.02})"));
  const nlohmann::json& gate = doc["benchgate"]["gate"];
  EXPECT_EQ(gate["status"], "fail");
  EXPECT_EQ(gate["undecided"], nlohmann::json::parse(R"({"interval straddles the tolerance": 1})"));
  EXPECT_EQ(gate["too_many_undecided"], true);
  EXPECT_EQ(gate["max_undecided"], 0.1);
  EXPECT_EQ(gate["extra_rounds"], 2);
}

// The binary's BENCHGATE_BUDGET rules travel in its enriched JSON and come
// back as they were declared, ranked as code.
TEST(EnrichedWriterTest, CodeBudgetsRoundTrip) {
  BudgetRule p99;
  p99.pattern = "BM_Lookup/.*";
  p99.limits = {Limit{"p99", 10000, false}, Limit{"counter:items_per_second", 1e6, true}};
  p99.max_regression = 0.05;
  p99.origin = "bench/lookup.cc:42";
  BudgetRule allocs;
  allocs.pattern = "BM_Parse";
  allocs.limits = {Limit{"allocs_per_iter", 0, false}};
  allocs.origin = "bench/parse.cc:7";
  const std::string text = RenderEnrichedJson(R"({"context": {}, "benchmarks": []})", Environment{},
                                              SuiteAnalysis{}, {p99, allocs});
  const RunData run = ReadRunText(text, "e.json");
  ASSERT_EQ(run.budgets.size(), 2u);
  const BudgetRule& back = run.budgets[0];
  EXPECT_EQ(back.pattern, "BM_Lookup/.*");
  ASSERT_EQ(back.limits.size(), 2u);
  EXPECT_EQ(back.limits[0].statistic, "p99");
  EXPECT_EQ(back.limits[0].value, 10000);
  EXPECT_FALSE(back.limits[0].is_minimum);
  EXPECT_EQ(back.limits[1].statistic, "counter:items_per_second");
  EXPECT_TRUE(back.limits[1].is_minimum);
  EXPECT_EQ(back.max_regression, 0.05);
  EXPECT_EQ(back.origin, "bench/lookup.cc:42");
  EXPECT_EQ(back.origin_file, "bench/lookup.cc");
  EXPECT_EQ(back.origin_place, "42");
  EXPECT_EQ(back.source_rank, kRankCode);
  EXPECT_FALSE(run.budgets[1].max_regression.has_value());
  // No rules, no key: files of binaries without budgets stay as they were.
  EXPECT_FALSE(nlohmann::json::parse(RenderEnrichedJson(
      R"({"context": {}, "benchmarks": []})", Environment{}, SuiteAnalysis{}))["benchgate"]
                   .contains("budgets"));
}

// The error of reading an enriched file whose "benchgate" object has
// `member` = `value` (JSON text) beside its schema version.
std::string ErrorOfBenchgateMember(const std::string& member, const std::string& value) {
  const std::string text = R"({"context": {}, "benchmarks": [], "benchgate": {
      "schema_version": 1, ")" +
                           member + "\": " + value + "}}";
  return test::ErrorMessageOf([&] { ReadRunText(text, "e.json"); });
}

TEST(EnrichedReaderTest, BadCodeBudgetNamesItsPlace) {
  const auto error_of = [](const std::string& budgets) {
    return ErrorOfBenchgateMember("budgets", budgets);
  };
  EXPECT_EQ(error_of(R"([{"pattern": "BM_A", "origin": "a.cc:1", "limits": [
                {"statistic": "p42", "value": 1, "minimum": false}]}])"),
            "e.json:/benchgate/budgets/0: expected a budget statistic (median, mean, p50, p90, "
            "p95, p99, max, cv, latency_p99, latency_p999, allocs_per_iter, bytes_per_iter or "
            "counter:<name>), got \"p42\"");
  EXPECT_EQ(error_of(R"([{"pattern": "BM_A", "origin": "a.cc:1", "limits": [
                {"statistic": "p99", "value": "fast", "minimum": false}]}])"),
            "e.json:/benchgate/budgets/0/limits/0/value: expected a number, got \"fast\"");
  EXPECT_EQ(error_of(R"({"pattern": "BM_A"})"),
            "e.json:/benchgate/budgets: expected an array, got an object");
}

// The machine's speed through a run (model/speed_probe.h) travels in the
// enriched JSON; with a baseline that had one, the gate says how it changed.
TEST(EnrichedWriterTest, SpeedProbeRoundTrips) {
  SpeedProbe probe;
  probe.points_ns = {1.31e6, 1.29e6, 1.4e6};
  SuiteAnalysis analysis;
  analysis.machine = MachineChange{0.25, 1.0e6, 1.25e6};
  const std::string text = RenderEnrichedJson(R"({"context": {}, "benchmarks": []})", Environment{},
                                              analysis, {}, nullptr, nullptr, &probe);
  const RunData run = ReadRunText(text, "e.json");
  ASSERT_TRUE(run.speed_probe);
  EXPECT_EQ(run.speed_probe->kind, kSpeedProbeKind);
  EXPECT_EQ(run.speed_probe->points_ns, probe.points_ns);
  const nlohmann::json machine = nlohmann::json::parse(text)["benchgate"]["gate"]["machine"];
  EXPECT_EQ(machine["change"], 0.25);
  EXPECT_EQ(machine["baseline_ns"], 1.0e6);
  EXPECT_EQ(machine["candidate_ns"], 1.25e6);
  // No probe, no key: a run without one reads back without one.
  const std::string plain =
      RenderEnrichedJson(R"({"context": {}, "benchmarks": []})", Environment{}, SuiteAnalysis{});
  EXPECT_FALSE(nlohmann::json::parse(plain)["benchgate"].contains("speed_probe"));
  EXPECT_FALSE(nlohmann::json::parse(plain)["benchgate"]["gate"].contains("machine"));
  EXPECT_FALSE(ReadRunText(plain, "e.json").speed_probe);
}

TEST(EnrichedReaderTest, BadSpeedProbeNamesItsPlace) {
  const auto error_of = [](const std::string& probe) {
    return ErrorOfBenchgateMember("speed_probe", probe);
  };
  EXPECT_EQ(error_of(R"([1, 2])"),
            "e.json:/benchgate/speed_probe: expected an object, got an array");
  EXPECT_EQ(error_of(R"({"points_ns": [1]})"),
            "e.json:/benchgate/speed_probe: expected a member \"kind\"");
  EXPECT_EQ(error_of(R"({"kind": "k", "points_ns": []})"),
            "e.json:/benchgate/speed_probe/points_ns: expected at least one point, got none");
  EXPECT_EQ(
      error_of(R"({"kind": "k", "points_ns": [1e6, "fast"]})"),
      "e.json:/benchgate/speed_probe/points_ns/1: expected a non-negative number, got \"fast\"");
  EXPECT_EQ(error_of(R"({"kind": "k", "points_ns": [0]})"),
            "e.json:/benchgate/speed_probe/points_ns/0: expected a positive time in nanoseconds, "
            "got 0");
}

// --- The history file's parse keeps its own wording (run_runner_e2e_test pins it). ---

TEST(JsonTextTest, LegacyParseKeepsNlohmannsWordingAndNullForNaN) {
  try {
    ParseJsonText("{ not json", "h.json");
    ADD_FAILURE() << "expected an error";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(),
                 "h.json:1:4: expected valid JSON (syntax error while parsing object key - "
                 "invalid literal; last read: '{ no'; expected string literal)");
  }
  const nlohmann::json doc = ParseJsonText(R"({"a": [NaN, -Infinity, 1]})", "h.json");
  EXPECT_TRUE(doc["a"][0].is_null());
  EXPECT_TRUE(doc["a"][1].is_null());
  EXPECT_EQ(doc["a"][2], 1);
}

}  // namespace
}  // namespace benchgate
