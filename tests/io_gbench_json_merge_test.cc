// MergeGbenchJson: the instructions measure's processes' Google Benchmark
// JSON as one document. Inputs are Google Benchmark 1.7.1's layout (its
// JSONReporter), cut down by hand.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "benchgate/error.h"
#include "io/gbench_json_merge.h"

namespace benchgate {
namespace {

std::string Document(const std::string& host, const std::string& rows) {
  return "{\n  \"context\": {\n    \"host_name\": \"" + host + "\"\n  },\n  \"benchmarks\": [" +
         rows + "\n  ]\n}\n";
}

TEST(GbenchJsonMergeTest, OneContextAndEveryRowInOrderByteForByte) {
  const std::string a = Document(
      "a",
      "\n    {\n      \"name\": \"BM_A\",\n      \"real_time\": 1.0000000000000000e+00\n    }");
  const std::string b = Document("b",
                                 "\n    {\n      \"name\": \"BM_\\u0001B\"\n    },\n    {\n      "
                                 "\"name\": \"BM_B_mean\"\n    }");
  const std::string empty = Document("c", "");
  const std::string merged = MergeGbenchJson({{"a", a}, {"c", empty}, {"b", b}});
  EXPECT_EQ(
      merged,
      "{\n  \"context\": {\n    \"host_name\": \"a\"\n  },\n  \"benchmarks\": [\n    {\n"
      "      \"name\": \"BM_A\",\n      \"real_time\": 1.0000000000000000e+00\n    },\n    {\n"
      "      \"name\": \"BM_\\u0001B\"\n    },\n    {\n      \"name\": \"BM_B_mean\"\n    }\n"
      "  ]\n}\n");
  const auto parsed = nlohmann::json::parse(merged);
  EXPECT_EQ(parsed["benchmarks"].size(), 3u);
  EXPECT_EQ(parsed["context"]["host_name"], "a");
  EXPECT_EQ(nlohmann::json::parse(MergeGbenchJson({{"c", empty}}))["benchmarks"].size(), 0u);
}

TEST(GbenchJsonMergeTest, ATextWithoutBenchmarksNamesItsLabel) {
  try {
    MergeGbenchJson({{"benchmark BM_X", "{\"context\": {}}"}});
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(),
                 "benchmark BM_X: expected Google Benchmark JSON with a \"benchmarks\" array");
  }
}

}  // namespace
}  // namespace benchgate
