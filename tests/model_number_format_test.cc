#include <gtest/gtest.h>

#include <limits>

#include "model/number_format.h"

namespace benchgate {
namespace {

// Hand calculation: three significant digits in the largest unit >= 1.
TEST(FormatDurationTest, PicksTheLargestUnitAndThreeDigits) {
  EXPECT_EQ(FormatDuration(0.5), "0.500 ns");
  EXPECT_EQ(FormatDuration(0), "0 ns");
  // Below 0.1 ns: three significant digits, never "0.000 ns" (issue 11).
  EXPECT_EQ(FormatDuration(5.6e-7), "5.6e-07 ns");
  EXPECT_EQ(FormatDuration(0.0123), "0.0123 ns");
  EXPECT_EQ(FormatDuration(0.1), "0.100 ns");
  EXPECT_EQ(FormatDuration(1.0), "1.00 ns");
  EXPECT_EQ(FormatDuration(12.345), "12.3 ns");
  EXPECT_EQ(FormatDuration(999.4), "999 ns");
  EXPECT_EQ(FormatDuration(1234), "1.23 us");
  EXPECT_EQ(FormatDuration(45678), "45.7 us");
  EXPECT_EQ(FormatDuration(2.5e6), "2.50 ms");
  EXPECT_EQ(FormatDuration(2.5e9), "2.50 s");
  EXPECT_EQ(FormatDuration(7200e9), "7200 s");
}

TEST(FormatDurationTest, RoundingNeverPrintsAThousandOfAUnit) {
  EXPECT_EQ(FormatDuration(999.97), "1.00 us");
  EXPECT_EQ(FormatDuration(999999.9), "1.00 ms");
}

TEST(FormatDurationTest, NonFiniteIsNotAvailable) {
  EXPECT_EQ(FormatDuration(std::numeric_limits<double>::quiet_NaN()), "n/a");
  EXPECT_EQ(FormatDuration(std::numeric_limits<double>::infinity()), "n/a");
}

TEST(FormatChangeTest, SignedPercentWithOneDecimal) {
  EXPECT_EQ(FormatChange(0.052), "+5.2%");
  EXPECT_EQ(FormatChange(-0.1234), "-12.3%");
  EXPECT_EQ(FormatChange(0.0), "+0.0%");
  EXPECT_EQ(FormatChange(-0.0004), "+0.0%");  // rounds to zero: no minus sign
  EXPECT_EQ(FormatChange(-0.0005001), "-0.1%");
  EXPECT_EQ(FormatPercent(0.012), "1.2%");
}

TEST(FormatPValueTest, ReadableAcrossMagnitudes) {
  EXPECT_EQ(FormatPValue(0.5), "0.50");
  EXPECT_EQ(FormatPValue(0.0004), "0.0004");
  EXPECT_EQ(FormatPValue(3.2e-9), "3.2e-09");
  EXPECT_EQ(FormatCount(1234567), "1234567");
}

// Expected texts by hand: three significant digits after a decimal prefix.
TEST(NumberFormatTest, QuantitiesLikeGoogleBenchmarksCounters) {
  EXPECT_EQ(FormatQuantity(6793480), "6.79M");
  EXPECT_EQ(FormatQuantity(1234), "1.23k");
  EXPECT_EQ(FormatQuantity(999.96e3), "1.00M");  // rounds up into the next prefix
  EXPECT_EQ(FormatQuantity(3), "3.00");
  EXPECT_EQ(FormatQuantity(123.4), "123");
  EXPECT_EQ(FormatQuantity(0.25), "0.25");
  EXPECT_EQ(FormatQuantity(4.76e-7), "4.76e-07");
  EXPECT_EQ(FormatQuantity(0), "0");
  EXPECT_EQ(FormatQuantity(-2.5e9), "-2.50G");
  EXPECT_EQ(FormatQuantity(std::numeric_limits<double>::quiet_NaN()), "n/a");
  // Prefixes in 1024s (OneK::kIs1024): 2048 = 2 x 1024, 3 x 1024^2.
  EXPECT_EQ(FormatQuantity(2048, 1024), "2.00k");
  EXPECT_EQ(FormatQuantity(3 * 1024.0 * 1024.0, 1024), "3.00M");
  EXPECT_EQ(FormatQuantity(1000, 1024), "1000");
}

}  // namespace
}  // namespace benchgate
