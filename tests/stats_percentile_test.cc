#include "benchgate/stats/percentile.h"

#include <gtest/gtest.h>

#include <vector>

#include "benchgate/stats/status.h"

namespace benchgate {
namespace {

// Reference: R 4.x, quantile(c(1, 2, 3, 4, 10), c(0, .1, .25, .5, .9, .99, 1), type = 7)
//   -> 1.00 1.40 2.00 3.00 7.60 9.76 10.00 (also numpy.percentile, default "linear").
TEST(QuantileOfSortedTest, MatchesRType7) {
  const std::vector<double> sorted = {1, 2, 3, 4, 10};
  EXPECT_DOUBLE_EQ(QuantileOfSorted(sorted, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(QuantileOfSorted(sorted, 0.1), 1.4);
  EXPECT_DOUBLE_EQ(QuantileOfSorted(sorted, 0.25), 2.0);
  EXPECT_DOUBLE_EQ(QuantileOfSorted(sorted, 0.5), 3.0);
  EXPECT_DOUBLE_EQ(QuantileOfSorted(sorted, 0.9), 7.6);
  EXPECT_DOUBLE_EQ(QuantileOfSorted(sorted, 0.99), 9.76);
  EXPECT_DOUBLE_EQ(QuantileOfSorted(sorted, 1.0), 10.0);
}

TEST(QuantileOfSortedTest, ClampsProbabilityAndHandlesEdgeSizes) {
  const std::vector<double> one = {7.5};
  EXPECT_DOUBLE_EQ(QuantileOfSorted(one, 0.3), 7.5);
  EXPECT_DOUBLE_EQ(QuantileOfSorted(std::vector<double>{1, 3}, -1.0), 1.0);
  EXPECT_DOUBLE_EQ(QuantileOfSorted(std::vector<double>{1, 3}, 2.0), 3.0);
  EXPECT_DOUBLE_EQ(QuantileOfSorted(SampleView{}, 0.5), 0.0);
}

// Hand calculation: the middle value, or the mean of the two middle values.
TEST(MedianTest, OddEvenAndEmpty) {
  EXPECT_DOUBLE_EQ(Median(std::vector<double>{5, 1, 3}), 3.0);
  EXPECT_DOUBLE_EQ(Median(std::vector<double>{4, 1, 3, 2}), 2.5);
  EXPECT_DOUBLE_EQ(Median(SampleView{}), 0.0);
}

TEST(StatStatusTest, NamesAreStable) {
  EXPECT_STREQ(StatStatusName(StatStatus::kOk), "ok");
  EXPECT_STREQ(StatStatusName(StatStatus::kEmpty), "empty");
  EXPECT_STREQ(StatStatusName(StatStatus::kTooFew), "too_few");
  EXPECT_STREQ(StatStatusName(StatStatus::kAllEqual), "all_equal");
  EXPECT_STREQ(StatStatusName(StatStatus::kNonFinite), "non_finite");
  EXPECT_STREQ(StatStatusName(StatStatus::kInvalidArgument), "invalid_argument");
}

}  // namespace
}  // namespace benchgate
