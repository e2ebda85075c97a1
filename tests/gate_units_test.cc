#include "gate/units.h"

#include <gtest/gtest.h>

namespace benchgate {
namespace {

// Hand calculation: 1 us = 1e3 ns, 1 ms = 1e6 ns, 1 s = 1e9 ns.
TEST(UnitsTest, DurationsInNanoseconds) {
  EXPECT_EQ(ParseDuration("250ns"), 250.0);
  EXPECT_EQ(ParseDuration("10us"), 10'000.0);
  EXPECT_EQ(ParseDuration("10\xC2\xB5s"), 10'000.0);  // micro sign
  EXPECT_EQ(ParseDuration("2.5 ms"), 2.5e6);
  EXPECT_EQ(ParseDuration(" 1s "), 1e9);
  EXPECT_EQ(ParseDuration("0ns"), 0.0);
}

TEST(UnitsTest, DurationsRejectTyposAndBareNumbers) {
  EXPECT_EQ(ParseDuration("10"), std::nullopt);
  EXPECT_EQ(ParseDuration("10 usec"), std::nullopt);
  EXPECT_EQ(ParseDuration("10 US"), std::nullopt);
  EXPECT_EQ(ParseDuration("-5us"), std::nullopt);
  EXPECT_EQ(ParseDuration("us"), std::nullopt);
  EXPECT_EQ(ParseDuration(""), std::nullopt);
  EXPECT_EQ(ParseDuration("1e999 s"), std::nullopt);
}

// Hand calculation: KiB = 1024, KB = 1000 (IEC vs SI prefixes).
TEST(UnitsTest, SizesInBytes) {
  EXPECT_EQ(ParseBytes("512B"), 512.0);
  EXPECT_EQ(ParseBytes("1 KiB"), 1024.0);
  EXPECT_EQ(ParseBytes("4 KB"), 4000.0);
  EXPECT_EQ(ParseBytes("2MiB"), 2.0 * 1024 * 1024);
  EXPECT_EQ(ParseBytes("64"), 64.0);
  EXPECT_EQ(ParseBytes("1 kib"), std::nullopt);
  EXPECT_EQ(ParseBytes("1 KiBs"), std::nullopt);
}

TEST(UnitsTest, PercentagesAsFractions) {
  EXPECT_EQ(ParsePercent("5%"), 0.05);
  EXPECT_EQ(ParsePercent("0.5 %"), 0.005);
  EXPECT_EQ(ParsePercent("5"), std::nullopt);
  EXPECT_EQ(ParsePercent("5%%"), std::nullopt);
}

TEST(UnitsTest, PlainCounts) {
  EXPECT_EQ(ParseCount("0"), 0.0);
  EXPECT_EQ(ParseCount("1.5e3"), 1500.0);
  EXPECT_EQ(ParseCount("3 allocs"), std::nullopt);
  EXPECT_EQ(ParseCount("nan"), std::nullopt);
}

}  // namespace
}  // namespace benchgate
