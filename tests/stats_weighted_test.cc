#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "stats/weighted.h"

namespace benchgate {
namespace {

using Values = std::vector<double>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// With whole-number weights the rule is the ordinary median of each value
// repeated weight times, so R's median(rep(x, w)) is the reference.
TEST(WeightedMedianTest, WholeWeightsMatchTheMedianOfRepeatedValues) {
  // R: median(rep(c(3, 1, 2, 5, 4), c(1, 1, 1, 10, 1))) -> 5
  // (hand: total 14, cumulative 1, 2, 3, 4, 14 over 1..5: 7 first reached at 5)
  EXPECT_EQ(WeightedMedian(Values{3, 1, 2, 5, 4}, Values{1, 1, 1, 10, 1}).value, 5.0);
  // R: median(rep(c(1, 2, 3, 4), c(3, 1, 2, 2))) -> 2.5
  // (hand: total 8, cumulative at 2 is exactly 4: midpoint of 2 and 3)
  EXPECT_EQ(WeightedMedian(Values{1, 2, 3, 4}, Values{3, 1, 2, 2}).value, 2.5);
  // R: median(rep(c(7.5, 2, 9, 4, 4, 6), c(2, 5, 1, 3, 0, 4))) -> 4
  EXPECT_EQ(WeightedMedian(Values{7.5, 2, 9, 4, 4, 6}, Values{2, 5, 1, 3, 0, 4}).value, 4.0);
  // R: set.seed(42); x <- round(runif(9, 0, 100)); w <- sample(0:5, 9, replace = TRUE)
  //    median(rep(x, w)) -> 64
  EXPECT_EQ(
      WeightedMedian(Values{91, 94, 29, 83, 64, 52, 74, 13, 66}, Values{3, 0, 4, 5, 3, 1, 1, 2, 0})
          .value,
      64.0);
}

// Equal weights give R's median(): the mean of the two middle values.
TEST(WeightedMedianTest, EqualWeightsAreTheOrdinaryMedian) {
  // R: median(c(4, 1, 3, 2)) -> 2.5; median(c(5, 1, 3)) -> 3
  EXPECT_EQ(WeightedMedian(Values{4, 1, 3, 2}, Values{1, 1, 1, 1}).value, 2.5);
  EXPECT_EQ(WeightedMedian(Values{5, 1, 3}, Values{2, 2, 2}).value, 3.0);
  EXPECT_EQ(WeightedMedian(Values{7}, Values{0.5}).value, 7.0);
}

// Hand calculation: values 1..4, weights 1, 1, 0, 2: half the total (2) is
// reached exactly at 2; 3 has no weight, so the midpoint is with 4 -> 3.
// R: median(rep(c(1, 2, 3, 4), c(1, 1, 0, 2))) -> 3
TEST(WeightedMedianTest, MidpointSkipsValuesWithoutWeight) {
  EXPECT_EQ(WeightedMedian(Values{1, 2, 3, 4}, Values{1, 1, 0, 2}).value, 3.0);
}

// Mathematically 0.1 + 0.2 is exactly half of 0.6: midpoint of 2 and 3. In
// binary, summed as 0.3 + 0.2 + 0.1 the total rounds to 0.6 (half 0.3) while
// 0.1 + 0.2 rounds to 0.30000000000000004 (Python: 0.1 + 0.2, sum([0.3, 0.2,
// 0.1]) / 2): without the relative slack the median would be 2.
TEST(WeightedMedianTest, TieAtHalfSurvivesRounding) {
  EXPECT_EQ(WeightedMedian(Values{1, 2, 3}, Values{0.1, 0.2, 0.3}).value, 2.5);
  EXPECT_EQ(WeightedMedian(Values{3, 2, 1}, Values{0.3, 0.2, 0.1}).value, 2.5);
}

TEST(WeightedMedianTest, BadInputsAreExplicit) {
  EXPECT_EQ(WeightedMedian(Values{}, Values{}).status, StatStatus::kEmpty);
  EXPECT_EQ(WeightedMedian(Values{1, 2}, Values{1}).status, StatStatus::kInvalidArgument);
  EXPECT_EQ(WeightedMedian(Values{1, 2}, Values{1, -1}).status, StatStatus::kInvalidArgument);
  EXPECT_EQ(WeightedMedian(Values{1, 2}, Values{0, 0}).status, StatStatus::kInvalidArgument);
  const SeriesCentre nan = WeightedMedian(Values{1, kNaN}, Values{1, 1});
  EXPECT_EQ(nan.status, StatStatus::kNonFinite);
  EXPECT_EQ(nan.value, 0.0);
  EXPECT_EQ(WeightedMedian(Values{1, 2}, Values{1, kNaN}).status, StatStatus::kNonFinite);
}

// Hand calculation: 100 x 6 then 120 x 3 (oldest first), decay 0.5: the
// three newest weigh 1 + 0.5 + 0.25 = 1.75 of a total 1.998046875 (half
// 0.999): the centre follows the recent step to 120. decay 1 is the plain
// median of the 9 values: 100.
TEST(ExponentiallyWeightedMedianTest, FollowsARecentStep) {
  const Values series = {100, 100, 100, 100, 100, 100, 120, 120, 120};
  EXPECT_EQ(ExponentiallyWeightedMedian(series, 0.5).value, 120.0);
  EXPECT_EQ(ExponentiallyWeightedMedian(series, 1.0).value, 100.0);
}

// Hand calculation with the default decay 0.9: 20 runs at 100, then s runs
// at 110. The s newest weigh (1 - 0.9^s) / 0.1, the 20 older
// 0.9^s (1 - 0.9^20) / 0.1 = 0.9^s x 8.78423 (Python: (1 - 0.9**20) / 0.1):
//   s = 5: 4.09510 against 5.18700 -> the centre stays at 100;
//   s = 6: 4.68559 against 4.66828 -> more than half: the centre is 110.
TEST(ExponentiallyWeightedMedianTest, DefaultDecayTakesSixRunsToFollowAStep) {
  Values series(20, 100.0);
  for (int i = 0; i < 5; ++i) series.push_back(110);
  EXPECT_EQ(ExponentiallyWeightedMedian(series, 0.9).value, 100.0);
  series.push_back(110);
  EXPECT_EQ(ExponentiallyWeightedMedian(series, 0.9).value, 110.0);
  // R: median(c(rep(100, 20), rep(110, 6))) -> 100: unweighted, it lags.
  EXPECT_EQ(ExponentiallyWeightedMedian(series, 1.0).value, 100.0);
}

TEST(ExponentiallyWeightedMedianTest, DecayOneIsRsMedianAndBadDecayIsInvalid) {
  // R: median(c(3, 1, 4, 1, 5, 9)) -> 3.5
  EXPECT_EQ(ExponentiallyWeightedMedian(Values{3, 1, 4, 1, 5, 9}, 1.0).value, 3.5);
  for (const double decay : {0.0, -0.5, 1.5, kNaN}) {
    EXPECT_EQ(ExponentiallyWeightedMedian(Values{1, 2, 3}, decay).status,
              StatStatus::kInvalidArgument)
        << decay;
  }
  EXPECT_EQ(ExponentiallyWeightedMedian(Values{}, 0.9).status, StatStatus::kEmpty);
}

// Hand calculation: log ratios 0.019803, -0.029853, 0.020001, 0.019608,
// -0.049762, 0.025190; sorted magnitudes ... 0.020001, 0.025190 ...: median
// 0.022595; x 1.4826 / sqrt(2) = 0.023688.
// R 4.2: x <- c(100, 102, 99, 101, 103, 98, 100.5)
//        mad(diff(log(x)), center = 0) / sqrt(2) -> 0.023688095332681118
TEST(RelativeSpreadTest, MatchesR) {
  const SeriesSpread s = RelativeSpread(Values{100, 102, 99, 101, 103, 98, 100.5});
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_EQ(s.ratios, 6u);
  EXPECT_NEAR(s.relative, 0.023688095332681118, 1e-15);
}

// Twelve runs drawn with a 2% relative sigma:
// R: set.seed(1); y <- round(1000 * exp(rnorm(12, 0, 0.02)), 1)
//    mad(diff(log(y)), center = 0) / sqrt(2) -> 0.023554941505171439
TEST(RelativeSpreadTest, EstimatesTheRelativeSigmaOfARandomSeries) {
  const Values y = {987.5,  1003.7, 983.4,  1032.4, 1006.6, 983.7,
                    1009.8, 1014.9, 1011.6, 993.9,  1030.7, 1007.8};
  EXPECT_NEAR(RelativeSpread(y).relative, 0.023554941505171439, 1e-15);
  // Relative: the unit does not matter.
  Values in_us;
  for (const double v : y) in_us.push_back(v / 1000);
  EXPECT_NEAR(RelativeSpread(in_us).relative, 0.023554941505171439, 1e-12);
}

// A step in the history is one outlying ratio, not noise: 100/101
// alternating, then 110/111.1 alternating. Ten of eleven magnitudes are
// log(1.01), so the spread is log(1.01) x 1.4826 / sqrt(2) = 1.04%.
// R: s <- c(100, 101, 100, 101, 100, 101, 110, 111.1, 110, 111.1, 110, 111.1)
//    mad(diff(log(s)), center = 0) / sqrt(2) -> 0.01043149416425627
//    (around a common centre, mad(log(s)) -> 0.0707, seven times more)
TEST(RelativeSpreadTest, AStepIsNotNoise) {
  const Values s = {100, 101, 100, 101, 100, 101, 110, 111.1, 110, 111.1, 110, 111.1};
  EXPECT_NEAR(RelativeSpread(s).relative, 0.01043149416425627, 1e-15);
}

TEST(RelativeSpreadTest, EdgeInputs) {
  EXPECT_EQ(RelativeSpread(Values{}).status, StatStatus::kEmpty);
  EXPECT_EQ(RelativeSpread(Values{1, 2}).status, StatStatus::kTooFew);
  EXPECT_EQ(RelativeSpread(Values{1, 0, 2}).status, StatStatus::kInvalidArgument);
  EXPECT_EQ(RelativeSpread(Values{1, -2, 2}).status, StatStatus::kInvalidArgument);
  const SeriesSpread nan = RelativeSpread(Values{1, kNaN, 2});
  EXPECT_EQ(nan.status, StatStatus::kNonFinite);
  EXPECT_EQ(nan.relative, 0.0);
  const SeriesSpread constant = RelativeSpread(Values(5, 3.0));
  EXPECT_EQ(constant.status, StatStatus::kOk);
  EXPECT_EQ(constant.relative, 0.0);
}

}  // namespace
}  // namespace benchgate
