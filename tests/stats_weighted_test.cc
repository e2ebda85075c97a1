#include "benchgate/stats/weighted.h"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace benchgate {
namespace {

// Hand calculation: values 1..5 with weights 1,1,1,1,10: half the total (7)
// is first reached at 5; equal weights give the lower middle value.
TEST(WeightedMedianTest, LowerWeightedMedian) {
  EXPECT_EQ(WeightedMedian(std::vector<double>{3, 1, 2, 5, 4}, std::vector<double>{1, 1, 1, 10, 1}).value, 5.0);
  EXPECT_EQ(WeightedMedian(std::vector<double>{4, 1, 3, 2}, std::vector<double>{1, 1, 1, 1}).value, 2.0);
  EXPECT_EQ(WeightedMedian(std::vector<double>{7}, std::vector<double>{0.5}).value, 7.0);
}

TEST(WeightedMedianTest, BadInputsAreExplicit) {
  EXPECT_EQ(WeightedMedian({}, {}).status, StatStatus::kEmpty);
  EXPECT_EQ(WeightedMedian(std::vector<double>{1, 2}, std::vector<double>{1}).status,
            StatStatus::kInvalidArgument);
  EXPECT_EQ(WeightedMedian(std::vector<double>{1, 2}, std::vector<double>{1, -1}).status,
            StatStatus::kInvalidArgument);
  EXPECT_EQ(WeightedMedian(std::vector<double>{1, 2}, std::vector<double>{0, 0}).status,
            StatStatus::kInvalidArgument);
  EXPECT_EQ(WeightedMedian(std::vector<double>{1, std::numeric_limits<double>::quiet_NaN()},
                           std::vector<double>{1, 1}).status,
            StatStatus::kNonFinite);
}

// Hand calculation: series 100 x6 then 120 x3 (oldest first), decay 0.5:
// weights of the three newest are 1 + 0.5 + 0.25 = 1.75 of a total just
// under 2: the centre follows the recent step to 120; with decay 1 (plain
// median of 9 values) it stays at 100.
TEST(ExponentiallyWeightedMedianTest, FollowsARecentStep) {
  const std::vector<double> series = {100, 100, 100, 100, 100, 100, 120, 120, 120};
  EXPECT_EQ(ExponentiallyWeightedMedian(series, 0.5).value, 120.0);
  EXPECT_EQ(ExponentiallyWeightedMedian(series, 1.0).value, 100.0);
  EXPECT_EQ(ExponentiallyWeightedMedian(series, 0.0).status, StatStatus::kInvalidArgument);
}

// R 4.2.2: x <- c(100, 102, 99, 101, 103, 98, 100.5); mad(log(x)) -> 0.021964846185049076
TEST(RelativeSpreadTest, MadOfLogsMatchesR) {
  const SeriesSpread s = RelativeSpread(std::vector<double>{100, 102, 99, 101, 103, 98, 100.5});
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_NEAR(s.relative, 0.021964846185049076, 1e-15);
}

TEST(RelativeSpreadTest, EdgeInputs) {
  EXPECT_EQ(RelativeSpread(std::vector<double>{1, 2}).status, StatStatus::kTooFew);
  EXPECT_EQ(RelativeSpread(std::vector<double>{1, 0, 2}).status, StatStatus::kInvalidArgument);
  EXPECT_EQ(RelativeSpread(std::vector<double>(5, 3.0)).relative, 0.0);
}

}  // namespace
}  // namespace benchgate
