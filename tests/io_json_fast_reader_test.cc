// The fast JSON reader must read every valid text exactly as nlohmann's
// parser does (same values, same number types) and give up, leaving the
// text to nlohmann, on everything nlohmann rejects. The reference for every
// case is nlohmann::json::parse itself on the same text.
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "benchgate/error.h"
#include "io/run_reader.h"
#include "io/json_fast_reader.h"
#include "io/json_text.h"
#include "support/read_file.h"

namespace benchgate {
namespace {

using nlohmann::json;

// Same tree, same number types (json's own == calls 1 and 1.0 equal).
bool SameTree(const json& a, const json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto it = a.begin(); it != a.end(); ++it) {
      const auto other = b.find(it.key());
      if (other == b.end() || !SameTree(*it, *other)) return false;
    }
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!SameTree(a[i], b[i])) return false;
    }
    return true;
  }
  return a == b;
}

bool NlohmannAccepts(const std::string& text) {
  try {
    const json document = json::parse(text);
    return !document.is_discarded();
  } catch (const json::exception&) {
    return false;
  }
}

FastReadResult Fast(const std::string& text) {
  return FastReadJson(text, NonFinite::kAsDouble, nullptr);
}

TEST(JsonFastReaderTest, ValidTextsReadAsNlohmannReadsThem) {
  const std::vector<std::string> texts = {
      R"({"a": 1, "b": [true, false, null], "c": {"d": "e"}})",
      R"([])",
      R"({})",
      R"("just a string")",
      R"(42)",
      R"(  [ 1 , 2 ]  )",
      // Integers: unsigned without a sign, signed when negative, double on overflow.
      R"([0, -0, 7, -7, 18446744073709551615, 18446744073709551616,
          -9223372036854775808, -9223372036854775809])",
      // Doubles, correctly rounded like strtod.
      R"([0.1, -2.5e-3, 1E5, 1e+5, 2.2250738585072014e-308, 4e-320, 1.7976931348623157e308,
          0.30000000000000004, 123456789012345678901234567890.0])",
      // Escapes, \u with a surrogate pair and \u0000, raw UTF-8 of 2, 3 and 4 bytes.
      R"({"s": "q\" b\\ s\/ \b\f\n\r\t \u00e9 \u20AC \ud83d\ude00 \u0000 é € 😀 ߿ ퟿ "})",
      // A repeated key keeps its last value.
      R"({"k": 1, "k": "two"})",
      "\t\r\n{\"x\"\n:\r[\t]}\n",
  };
  for (const std::string& text : texts) {
    const FastReadResult fast = Fast(text);
    ASSERT_TRUE(fast.complete) << text;
    EXPECT_TRUE(SameTree(fast.root, json::parse(text))) << text << "\n" << fast.root.dump();
  }
}

TEST(JsonFastReaderTest, NonFiniteTokensAsDoubleOrNull) {
  const std::string text = R"([NaN, Infinity, -Infinity, -NaN, null])";
  const json doubles = FastReadJson(text, NonFinite::kAsDouble, nullptr).root;
  ASSERT_EQ(doubles.size(), 5u);
  EXPECT_TRUE(std::isnan(doubles[0].get<double>()));
  EXPECT_EQ(doubles[1].get<double>(), std::numeric_limits<double>::infinity());
  EXPECT_EQ(doubles[2].get<double>(), -std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(doubles[3].get<double>()));
  EXPECT_TRUE(doubles[4].is_null());
  const json nulls = FastReadJson(text, NonFinite::kAsNull, nullptr).root;
  EXPECT_EQ(nulls, json::parse("[null, null, null, null, null]"));
}

// Everything here is invalid JSON (nlohmann throws), and the fast reader
// gives up rather than guess.
TEST(JsonFastReaderTest, GivesUpWhereNlohmannRejects) {
  const std::vector<std::string> texts = {
      "",
      "   ",
      "{",
      "[1,]",
      "{\"a\":1,}",
      "{\"a\" 1}",
      "{a: 1}",
      "[01]",
      "[1.]",
      "[.5]",
      "[+1]",
      "[-]",
      "[1e]",
      "[1e+]",
      "[tru]",
      "[nul]",
      "[NaNa]",
      "[1 2]",
      "{} x",
      "[\"\\x\"]",
      "[\"\\u12\"]",
      "[\"\\uDC00\"]",
      "[\"\\uD800\"]",
      "[\"\\uD800\\u0041\"]",
      "[\"tab\there\"]",
      "[\"unterminated",
      "[\"\xC0\x80\"]",
      "[\"\xED\xA0\x80\"]",
      "[\"\xF5\x80\x80\x80\"]",
      "[\"\xE2\x82\"]",
      "[\"\x80\"]",
      "[\"\xF4\x90\x80\x80\"]",
      "[1e400]",
      "['a']",
  };
  for (const std::string& text : texts) {
    EXPECT_FALSE(Fast(text).complete) << text;
    if (text != "[NaNa]") {
      EXPECT_FALSE(NlohmannAccepts(text)) << text;
    }
  }
  // Our depth limit (nlohmann has none): ParseJson's error names it.
  EXPECT_FALSE(
      Fast(std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']')).complete);
  // Valid for nlohmann, left to it: a byte order mark, a number that
  // underflows a double (strtod's 0 with ERANGE).
  for (const std::string& text : {std::string("\xEF\xBB\xBF[1]"), std::string("[1e-400]")}) {
    EXPECT_FALSE(Fast(text).complete) << text;
    EXPECT_TRUE(NlohmannAccepts(text)) << text;
  }
  // Deep but within the limit is read.
  const std::string deep = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(Fast(deep).complete);
}

TEST(JsonFastReaderTest, StreamedObjectsArriveAsMembersInDocumentOrder) {
  std::vector<std::vector<std::pair<std::string, json>>> objects;
  std::vector<json> others;
  StreamedArray streamed;
  streamed.member = "rows";
  streamed.take = [&](const json& element, std::size_t index) {
    EXPECT_EQ(index, objects.size() + others.size());
    others.push_back(element);
  };
  streamed.take_object = [&](std::span<const JsonMember> members, std::size_t index) {
    EXPECT_EQ(index, objects.size() + others.size());
    std::vector<std::pair<std::string, json>> copy;
    for (const JsonMember& member : members) copy.emplace_back(member.key, member.value);
    objects.push_back(std::move(copy));
  };
  const FastReadResult fast = FastReadJson(
      R"({"rows": [{"b": 1, "a": [2], "b": "x"}, 3, {}], "inner": {"rows": [{"c": 1}]}})",
      NonFinite::kAsDouble, &streamed);
  ASSERT_TRUE(fast.complete);
  EXPECT_EQ(fast.handed, 3u);
  // The document keeps the streamed member empty, and nested "rows" whole.
  EXPECT_EQ(fast.root, json::parse(R"({"rows": [], "inner": {"rows": [{"c": 1}]}})"));
  ASSERT_EQ(objects.size(), 2u);
  const std::vector<std::pair<std::string, json>> first = {
      {"b", 1}, {"a", json::array({2})}, {"b", "x"}};
  EXPECT_EQ(objects[0], first);
  EXPECT_TRUE(objects[1].empty());
  EXPECT_EQ(others, std::vector<json>{3});
}

TEST(JsonFastReaderTest, RefusedElementIsKeptAndLaterOnesAreNotHanded) {
  int taken = 0;
  StreamedArray streamed;
  streamed.member = "rows";
  streamed.take = [&](const json&, std::size_t) {
    if (++taken == 2) throw std::runtime_error("second");
  };
  const FastReadResult fast =
      FastReadJson(R"({"rows": [1, 2, 3, 4]})", NonFinite::kAsDouble, &streamed);
  EXPECT_TRUE(fast.complete);
  EXPECT_EQ(taken, 2);
  EXPECT_EQ(fast.handed, 4u);
  EXPECT_THROW(std::rethrow_exception(fast.refused), std::runtime_error);
  // A second streamed member is nlohmann's to report.
  EXPECT_FALSE(
      FastReadJson(R"({"rows": [], "rows": []})", NonFinite::kAsDouble, &streamed).complete);
}

// The fast reader gives up on the last row, after handing the others over;
// nlohmann's parse then reads every row once more: none may count twice.
TEST(JsonFastReaderTest, RowsReadAgainAfterGivingUpAreNotCountedTwice) {
  const RunData run = ReadRunText(R"({"benchmarks": [
      {"name": "A", "real_time": 1, "cpu_time": 1, "time_unit": "ns"},
      {"name": "A", "real_time": 2, "cpu_time": 2, "time_unit": "ns"},
      {"name": "A", "real_time": 3, "cpu_time": 3, "time_unit": "ns", "tiny": 1e-400}]})",
                                  "t.json");
  ASSERT_EQ(run.benchmarks.size(), 1u);
  EXPECT_EQ(run.benchmarks[0].real_time_ns, (std::vector<double>{1, 2, 3}));
}

// Differential check on damaged copies of real files: wherever the fast
// reader finishes, nlohmann's parser reads the same tree; wherever nlohmann
// (given the same text with the non-finite tokens of the original written
// as null) rejects it, the fast reader has given up. Seeded, so a failure
// reproduces.
TEST(JsonFastReaderTest, DamagedFilesAgreeWithNlohmann) {
  const std::string dir = std::string(BENCHGATE_TEST_DATA_DIR) + "/io/";
  const char kBytes[] = "{}[]\",:0123456789.eE+-tfnul \\\x80\xC3\xA9\xFF";
  std::mt19937_64 random(7);
  int complete = 0, given_up = 0;
  for (const char* file : {"gbench_1.7.1_repetitions.json", "enriched_fixture_bench.json"}) {
    const std::string original = test::ReadFile(dir + file);
    ASSERT_FALSE(original.empty()) << file;
    ASSERT_TRUE(Fast(original).complete) << file;
    for (int round = 0; round < 1000; ++round) {
      std::string text = original;
      const int edits = 1 + static_cast<int>(random() % 3);
      for (int e = 0; e < edits; ++e) {
        const std::size_t at = random() % text.size();
        const char byte = kBytes[random() % (sizeof kBytes - 1)];
        switch (random() % 3) {
          case 0:
            text[at] = byte;
            break;
          case 1:
            text.insert(at, 1, byte);
            break;
          default:
            text.erase(at, 1 + random() % 8);
        }
      }
      const FastReadResult fast = FastReadJson(text, NonFinite::kAsNull, nullptr);
      if (text.find("NaN") != std::string::npos || text.find("Infinity") != std::string::npos) {
        continue;  // nlohmann cannot read those at all; ParseJson's own pass covers them
      }
      if (fast.complete) {
        ++complete;
        ASSERT_TRUE(NlohmannAccepts(text)) << file << " round " << round;
        EXPECT_TRUE(SameTree(fast.root, json::parse(text))) << file << " round " << round;
      } else {
        ++given_up;
        EXPECT_FALSE(NlohmannAccepts(text) && text.rfind("\xEF\xBB\xBF", 0) != 0 &&
                     text.find("e-4") == std::string::npos)
            << file << " round " << round;
      }
    }
  }
  // Both outcomes are exercised.
  EXPECT_GT(complete, 50);
  EXPECT_GT(given_up, 500);
}

}  // namespace
}  // namespace benchgate
