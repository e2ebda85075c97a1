// Threshold files: what a valid file turns into, and the exact one-line
// message for each kind of mistake. Positions in the expected messages are
// hand counts in the files under tests/data/thresholds/ (line:column,
// 1-based, columns in characters).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "benchgate/error.h"
#include "gate/budget_resolve.h"
#include "io/files.h"
#include "io/thresholds_reader.h"
#include "support/budget_rules.h"
#include "support/error_message.h"

namespace benchgate {
namespace {

using test::LimitOf;

const std::string kDir = std::string(BENCHGATE_TEST_DATA_DIR) + "/thresholds/";
const std::string kRepoThresholds = std::string(BENCHGATE_TEST_DATA_DIR) + "/../../thresholds/";

std::string ReadError(const std::string& path) {
  return test::ErrorMessageOf([&] { ReadThresholds(path); });
}

std::string ParseError(const std::string& text) {
  return test::ErrorMessageOf([&] { ParseThresholds(text, "t.json"); });
}

TEST(ThresholdsReaderTest, ReadsEveryFeatureOfAValidFile) {
  const std::string path = kDir + "valid.json";
  const auto rules = ReadThresholds(path);
  ASSERT_EQ(rules.size(), 4u);

  const BudgetRule& defaults = rules[0];
  EXPECT_EQ(defaults.pattern, ".*");
  EXPECT_EQ(defaults.source_rank, kRankFileDefaults);
  EXPECT_EQ(defaults.origin, path + ":6:3");
  EXPECT_EQ(defaults.max_regression, 0.10);
  EXPECT_EQ(LimitOf(defaults, "cv"), 0.05);

  const BudgetRule& lookup = rules[1];
  EXPECT_EQ(lookup.pattern, "BM_Lookup/.*");
  EXPECT_EQ(lookup.source_rank, kRankFile);
  EXPECT_EQ(lookup.origin, path + ":8:18");
  EXPECT_EQ(lookup.origin_file, path);
  EXPECT_EQ(lookup.origin_place, "8:18");
  EXPECT_EQ(LimitOf(lookup, "p99"), 1e4);
  EXPECT_EQ(lookup.max_regression, 0.03);

  // Hand conversions: ms = 1e6 ns, us = 1e3 ns, s = 1e9 ns, KiB = 1024 B.
  const BudgetRule& parse = rules[2];
  EXPECT_EQ(parse.origin, path + ":10:18");
  EXPECT_EQ(parse.limits.size(), 13u);  // 10 statistics and 3 counter bounds
  EXPECT_EQ(LimitOf(parse, "median"), 2.5e6);
  EXPECT_EQ(LimitOf(parse, "mean"), 3e6);
  EXPECT_EQ(LimitOf(parse, "p50"), 250.0);
  EXPECT_EQ(LimitOf(parse, "p90"), 1e9);
  EXPECT_EQ(LimitOf(parse, "p95"), 1.5e3);
  EXPECT_EQ(LimitOf(parse, "max"), 1e7);
  EXPECT_EQ(LimitOf(parse, "latency_p99"), 800.0);
  EXPECT_EQ(LimitOf(parse, "latency_p999"), 2e3);
  EXPECT_EQ(LimitOf(parse, "allocs_per_iter"), 0.0);
  EXPECT_EQ(LimitOf(parse, "bytes_per_iter"), 1024.0);
  EXPECT_EQ(LimitOf(parse, "counter:items_per_second", /*is_minimum=*/true), 1e6);
  EXPECT_EQ(LimitOf(parse, "counter:items_per_second", /*is_minimum=*/false), 5e6);
  EXPECT_EQ(LimitOf(parse, "counter:ratio"), -0.5);
  EXPECT_FALSE(parse.max_regression.has_value());

  const BudgetRule& sizes = rules[3];
  EXPECT_EQ(LimitOf(sizes, "allocs_per_iter"), 3.0);
  EXPECT_EQ(LimitOf(sizes, "bytes_per_iter"), 4096.0);
  EXPECT_EQ(LimitOf(sizes, "instructions"), 52000.0);
}

TEST(ThresholdsReaderTest, ReadsADirectoryInNameOrderSkippingSchemasAndOtherFiles) {
  const std::string dir = kDir + "dir";
  const auto rules = ReadThresholds(dir);
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0].origin, dir + "/a_first.json:2:3");
  EXPECT_EQ(rules[1].origin, dir + "/a_first.json:3:29");
  EXPECT_EQ(rules[2].origin, dir + "/b_second.json:2:29");
  // Same pattern, same rank: the later file wins.
  const ResolvedBudget budget = ResolveBudget("BM_X", rules);
  ASSERT_EQ(budget.limits.size(), 1u);
  EXPECT_EQ(budget.limits[0].limit.value, 1e3);
  EXPECT_EQ(budget.limits[0].origin, dir + "/b_second.json:2:29");
  EXPECT_EQ(ReadThresholds(dir + "/").size(), 3u);
}

TEST(ThresholdsReaderTest, UnknownKeyNamesItAndTheExpectedOnes) {
  EXPECT_EQ(ReadError(kDir + "unknown_key.json"),
            kDir +
                "unknown_key.json:3:34: expected a budget key (pattern, median, mean, p50, p90, "
                "p95, p99, max, cv, latency_p99, latency_p999, allocs_per_iter, bytes_per_iter, "
                "instructions, counters, max_regression), got unknown key \"p98\"");
}

TEST(ThresholdsReaderTest, BadUnit) {
  EXPECT_EQ(ReadError(kDir + "bad_unit.json"),
            kDir +
                "bad_unit.json:3:41: expected a duration with a unit (ns, us, ms, s) for "
                "\"p99\", such as \"10us\", got \"10 usec\"");
}

TEST(ThresholdsReaderTest, WrongType) {
  EXPECT_EQ(ReadError(kDir + "wrong_type.json"),
            kDir +
                "wrong_type.json:2:14: expected an array of budget objects for \"budgets\", "
                "got an object");
}

TEST(ThresholdsReaderTest, InvalidRegex) {
  EXPECT_EQ(ReadError(kDir + "invalid_regex.json"),
            kDir +
                "invalid_regex.json:3:18: expected a valid regular expression (RE2) for "
                "\"pattern\", got \"BM_Lookup/(1024\": unbalanced parentheses ( )");
}

TEST(ThresholdsReaderTest, MissingSchema) {
  EXPECT_EQ(ReadError(kDir + "missing_schema.json"),
            kDir +
                "missing_schema.json:1:1: expected \"schema\": \"benchgate.thresholds/1\" in "
                "the top-level object");
}

TEST(ThresholdsReaderTest, WrongSchema) {
  EXPECT_EQ(ReadError(kDir + "wrong_schema.json"),
            kDir +
                "wrong_schema.json:1:13: expected \"schema\": \"benchgate.thresholds/1\", got "
                "\"benchgate.thresholds/2\"");
}

TEST(ThresholdsReaderTest, PatternThatMatchesNothing) {
  const std::string path = kDir + "unmatched_pattern.json";
  const auto rules = ReadThresholds(path);
  const std::vector<std::string> names = {"BM_Lookup/8", "BM_Lookup/1024"};
  try {
    CheckPatternsMatch(rules, names);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(), (path + ":4:18: expected the pattern \"BM_Lokup/.*\" to match a "
                                       "benchmark name, got no match among 2 benchmarks")
                                   .c_str());
    EXPECT_EQ(error.source(), path);
    EXPECT_EQ(error.place(), "4:18");
  }
}

TEST(ThresholdsReaderTest, SyntaxErrorAtNlohmannsPosition) {
  EXPECT_EQ(ReadError(kDir + "syntax_error.json"),
            kDir +
                "syntax_error.json:3:49: expected valid JSON (comments allowed): syntax error "
                "while parsing object key - unexpected '}'; expected string literal");
}

TEST(ThresholdsReaderTest, DuplicateKey) {
  EXPECT_EQ(ReadError(kDir + "duplicate_key.json"),
            kDir + "duplicate_key.json:3:49: expected each key once per object, got \"p99\" again");
}

TEST(ThresholdsReaderTest, EmptyFileAndCommentsOnly) {
  const std::string expected =
      ":1:1: expected a JSON object with \"schema\": \"benchgate.thresholds/1\", got an empty file";
  EXPECT_EQ(ReadError(kDir + "empty.json"), kDir + "empty.json" + expected);
  EXPECT_EQ(ReadError(kDir + "comments_only.json"), kDir + "comments_only.json" + expected);
}

TEST(ThresholdsReaderTest, NonexistentPath) {
  EXPECT_EQ(ReadError(kDir + "no_such.json"),
            kDir +
                "no_such.json: expected a threshold file or a directory of them (No such file "
                "or directory)");
}

TEST(ThresholdsReaderTest, DirectoryWithoutThresholdFiles) {
  EXPECT_EQ(
      ReadError(kDir + "no_threshold_files"),
      kDir + "no_threshold_files: expected a directory with at least one threshold file (*.json)");
}

// Inline texts for the rest of the checks; "t.json" names them.
TEST(ThresholdsReaderTest, ValueMistakes) {
  const std::string head =
      "{\"schema\": \"benchgate.thresholds/1\", \"budgets\": [{\"pattern\": \"B\", ";
  EXPECT_EQ(ParseError(head + "\"p99\": 10}]}"),
            "t.json:1:74: expected a duration with a unit (ns, us, ms, s) for \"p99\", such as "
            "\"10us\", got 10");
  EXPECT_EQ(ParseError(head + "\"cv\": 0.05}]}"),
            "t.json:1:73: expected a percentage for \"cv\", such as \"5%\", got 0.05");
  EXPECT_EQ(
      ParseError(head + "\"max_regression\": \"-5%\"}]}"),
      "t.json:1:85: expected a percentage for \"max_regression\", such as \"5%\", got \"-5%\"");
  EXPECT_EQ(ParseError(head + "\"allocs_per_iter\": -1}]}"),
            "t.json:1:86: expected a non-negative number for \"allocs_per_iter\", got -1");
  EXPECT_EQ(
      ParseError(head + "\"bytes_per_iter\": \"1 kib\"}]}"),
      "t.json:1:85: expected a size for \"bytes_per_iter\" in bytes or with a unit (B, KB, MB, "
      "GB, KiB, MiB, GiB), such as \"1 KiB\", got \"1 kib\"");
  EXPECT_EQ(ParseError(head + "\"counters\": {\"x\": {\"min\": \"1M\"}}}]}"),
            "t.json:1:93: expected a number for \"min\" of counter \"x\", got \"1M\"");
  EXPECT_EQ(ParseError(head + "\"counters\": {\"x\": {\"minimum\": 1}}}]}"),
            "t.json:1:86: expected a counter limit key (min, max), got unknown key \"minimum\"");
  EXPECT_EQ(
      ParseError(head + "\"counters\": {\"x\": 5}}]}"),
      "t.json:1:85: expected {\"min\": number} and/or {\"max\": number} for counter \"x\", got 5");
  EXPECT_EQ(ParseError(head + "\"counters\": []}]}"),
            "t.json:1:79: expected an object of counter limits for \"counters\", such as "
            "{\"items_per_second\": {\"min\": 1e6}}, got an array");
}

TEST(ThresholdsReaderTest, StructureMistakes) {
  const std::string schema = "{\"schema\": \"benchgate.thresholds/1\", ";
  EXPECT_EQ(
      ParseError("[1]"),
      "t.json:1:1: expected a JSON object with \"schema\": \"benchgate.thresholds/1\", got an "
      "array");
  EXPECT_EQ(ParseError(schema + "\"budget\": []}"),
            "t.json:1:38: expected a top-level key (schema, $schema, defaults, budgets), got "
            "unknown key \"budget\"");
  EXPECT_EQ(ParseError(schema + "\"budgets\": [\"BM_X\"]}"),
            "t.json:1:50: expected a budget object, got \"BM_X\"");
  EXPECT_EQ(ParseError(schema + "\"budgets\": [{\"p99\": \"1us\"}]}"),
            "t.json:1:50: expected \"pattern\" (a regular expression matching whole benchmark "
            "names) in this budget");
  EXPECT_EQ(ParseError(schema + "\"budgets\": [{\"pattern\": 7, \"p99\": \"1us\"}]}"),
            "t.json:1:62: expected a regular expression string for \"pattern\", got 7");
  EXPECT_EQ(ParseError(schema + "\"budgets\": [{\"pattern\": \"BM_X\"}]}"),
            "t.json:1:50: expected at least one limit in the budget for \"BM_X\"");
  EXPECT_EQ(ParseError(schema + "\"defaults\": {\"pattern\": \"x\"}}"),
            "t.json:1:51: expected a defaults key (median, mean, p50, p90, p95, p99, max, cv, "
            "latency_p99, latency_p999, allocs_per_iter, bytes_per_iter, instructions, "
            "counters, max_regression), got unknown key \"pattern\"");
  EXPECT_EQ(ParseError(schema + "\"defaults\": {}}"),
            "t.json:1:50: expected at least one limit in \"defaults\"");
  EXPECT_EQ(ParseError(schema + "\"$schema\": 1}"),
            "t.json:1:49: expected the path or URL of a JSON Schema for \"$schema\", got 1");
  EXPECT_EQ(ParseError("{\"schema\": \"benchgate.thresholds/1\", \"budgets\": [1e999]}"),
            "t.json: expected valid JSON (comments allowed): number overflow parsing '1e999'");
}

// Columns count characters: "µ" is two bytes of UTF-8 but one column.
TEST(ThresholdsReaderTest, ColumnsCountCharactersNotBytes) {
  EXPECT_EQ(ParseError("{\"schema\": \"benchgate.thresholds/1\", \"budgets\": [{\"pattern\": "
                       "\"µ\", \"p99\": 1}]}"),
            "t.json:1:74: expected a duration with a unit (ns, us, ms, s) for \"p99\", such as "
            "\"10us\", got 1");
}

// Keys are compared decoded ("p\u0039\u0039" is "p99"); "/" and "~" in a
// counter name do not confuse the JSON pointer behind the position.
TEST(ThresholdsReaderTest, EscapedKeysKeepTheirPositions) {
  const std::string head =
      "{\"schema\": \"benchgate.thresholds/1\", \"budgets\": [{\"pattern\": \"B\", ";
  EXPECT_EQ(ParseError(head + "\"p99\": \"1us\", \"p\\u0039\\u0039\": \"2us\"}]}"),
            "t.json:1:81: expected each key once per object, got \"p99\" again");
  EXPECT_EQ(ParseError(head + "\"counters\": {\"a/b~c\": {\"min\": 1}, \"a\": {\"b~c\": 1}}}]}"),
            "t.json:1:107: expected a counter limit key (min, max), got unknown key \"b~c\"");
}

// A UTF-8 byte order mark is no column, for syntax errors (nlohmann's byte
// count includes it) and for the positions of values alike.
TEST(ThresholdsReaderTest, ByteOrderMarkIsNoColumn) {
  EXPECT_EQ(ParseError("\xEF\xBB\xBF{\"schema\": 1}"),
            "t.json:1:12: expected \"schema\": \"benchgate.thresholds/1\", got 1");
  EXPECT_EQ(ParseError("\xEF\xBB\xBF{\"schema\" 1}"),
            "t.json:1:11: expected valid JSON (comments allowed): syntax error while parsing "
            "object separator - unexpected number literal; expected ':'");
}

// Deep nesting is no crash (the position scanner stops at 64 levels).
TEST(ThresholdsReaderTest, DeepNestingIsAnOrdinaryError) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(ParseError(deep),
            "t.json:1:1: expected a JSON object with \"schema\": \"benchgate.thresholds/1\", got "
            "an array");
  const std::string inner =
      "{\"schema\": \"benchgate.thresholds/1\", \"budgets\": " + std::string(100, '[') +
      std::string(100, ']') + "}";
  EXPECT_EQ(ParseError(inner), "t.json:1:50: expected a budget object, got an array");
}

TEST(ThresholdsReaderTest, TheBundledSuiteFileReadsAndMatchesTheSuite) {
  const auto rules = ReadThresholds(kRepoThresholds + "suite.json");
  EXPECT_GE(rules.size(), 2u);
  // benchgate_suite_bench --benchmark_list_tests (bench/suite_*.cc).
  const std::vector<std::string> names = {"BM_Sort/1024",
                                          "BM_Sort/65536",
                                          "BM_StableSort/4096",
                                          "BM_HashLookup/1024",
                                          "BM_HashLookup/1048576",
                                          "BM_StringKeyLookup",
                                          "BM_StringConcat/16",
                                          "BM_StringConcat/256",
                                          "BM_StringReserved/16",
                                          "BM_StringReserved/256",
                                          "BM_VectorOfStrings",
                                          "BM_MutexIncrement/real_time/threads:1",
                                          "BM_MutexIncrement/real_time/threads:2",
                                          "BM_AtomicIncrement/real_time/threads:1",
                                          "BM_AtomicIncrement/real_time/threads:2"};
  EXPECT_NO_THROW(CheckPatternsMatch(rules, names));
  // The other two bundled binaries have only a tolerance on time (the main
  // job judges each run against the previous one), the suite's 20%.
  std::size_t all = rules.size();
  for (const char* file : {"stats.json", "sampled.json"}) {
    const auto tolerance_only = ReadThresholds(kRepoThresholds + file);
    ASSERT_EQ(tolerance_only.size(), 1u) << file;
    EXPECT_TRUE(tolerance_only[0].limits.empty()) << file;
    EXPECT_EQ(tolerance_only[0].max_regression, 0.20) << file;
    all += tolerance_only.size();
  }
  // Reading the whole directory skips the JSON Schema next to it.
  EXPECT_EQ(ReadThresholds(kRepoThresholds).size(), all);
}

TEST(ThresholdsReaderTest, TheJsonSchemaIsValidJson) {
  const auto schema =
      nlohmann::json::parse(ReadWholeFile(kRepoThresholds + "benchgate.thresholds.schema.json"));
  EXPECT_EQ(schema.at("$schema"), "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema.at("properties").at("schema").at("const"), kThresholdsSchema);
}

}  // namespace
}  // namespace benchgate
