#include "benchgate/io/thresholds_reader.h"

#include <gtest/gtest.h>

namespace benchgate {
namespace {

TEST(ThresholdsReaderTest, ParsesAMinimalFile) {
  const auto rules = ParseThresholds(R"({"schema": "benchgate.thresholds/1"})", "t.json");
  EXPECT_TRUE(rules.empty());
}

}  // namespace
}  // namespace benchgate
