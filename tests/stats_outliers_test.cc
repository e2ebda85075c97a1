#include "stats/outliers.h"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace benchgate {
namespace {

// R 4.2.2: z <- c(1,2,3,4,5,6,7,8,9,10,18,30,-9); q <- quantile(z, c(.25,.75), type=7)
//   -> q1 3, q3 9, IQR 6; fences mild [-6, 18], severe [-15, 27].
// Hand count: -9 is mild low (between -15 and -6), 30 severe high, 18 on the fence is not an outlier.
TEST(TukeyOutliersTest, MildAndSevereCountedApart) {
  const std::vector<double> z = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 18, 30, -9};
  const TukeyOutliers t = FindTukeyOutliers(z);
  ASSERT_EQ(t.status, StatStatus::kOk);
  EXPECT_EQ(t.q1, 3.0);
  EXPECT_EQ(t.q3, 9.0);
  EXPECT_EQ(t.iqr, 6.0);
  EXPECT_EQ(t.mild_low_fence, -6.0);
  EXPECT_EQ(t.mild_high_fence, 18.0);
  EXPECT_EQ(t.severe_low_fence, -15.0);
  EXPECT_EQ(t.severe_high_fence, 27.0);
  EXPECT_EQ(t.mild_low, 1u);
  EXPECT_EQ(t.mild_high, 0u);
  EXPECT_EQ(t.severe_low, 0u);
  EXPECT_EQ(t.severe_high, 1u);
  EXPECT_EQ(t.indices, (std::vector<std::size_t>{11, 12}));
}

TEST(TukeyOutliersTest, EdgeInputs) {
  EXPECT_EQ(FindTukeyOutliers({}).status, StatStatus::kEmpty);
  EXPECT_EQ(FindTukeyOutliers(std::vector<double>{1, 2, 3}).status, StatStatus::kTooFew);
  EXPECT_EQ(FindTukeyOutliers(std::vector<double>{1, 2, 3, std::numeric_limits<double>::infinity()}).status,
            StatStatus::kNonFinite);
  // All equal: IQR 0, fences collapse on the value, nothing is outside.
  const TukeyOutliers same = FindTukeyOutliers(std::vector<double>(6, 2.0));
  EXPECT_EQ(same.status, StatStatus::kOk);
  EXPECT_TRUE(same.indices.empty());
}

// R 4.2.2: y <- c(10, 12, 11, 13, 12, 11, 40, 12, 2, 11.5, 12.5, 25)
//   median 12, mad(y, constant=1) 1; 0.6745*(y-12)/1 -> 40: 18.886, 2: -6.745, 25: 8.7685,
//   every other |M| <= 1.349.
TEST(ModifiedZScoreTest, IglewiczHoaglinRule) {
  const std::vector<double> y = {10, 12, 11, 13, 12, 11, 40, 12, 2, 11.5, 12.5, 25};
  const ZScoreOutliers z = FindModifiedZScoreOutliers(y);
  ASSERT_EQ(z.status, StatStatus::kOk);
  EXPECT_EQ(z.median, 12.0);
  EXPECT_NEAR(z.scale, 1.0 / 0.6745, 1e-12);
  EXPECT_FALSE(z.mean_ad_fallback);
  EXPECT_EQ(z.low, 1u);
  EXPECT_EQ(z.high, 2u);
  EXPECT_EQ(z.indices, (std::vector<std::size_t>{6, 8, 11}));
}

// Hand calculation: {5,5,5,5,100}: MAD 0, mean absolute deviation 95/5 = 19,
// scale 1.253314 x 19 = 23.812966, M(100) = 95 / 23.812966 = 3.989 > 3.5.
TEST(ModifiedZScoreTest, MeanAbsoluteDeviationWhenMadIsZero) {
  const ZScoreOutliers z = FindModifiedZScoreOutliers(std::vector<double>{5, 5, 5, 5, 100});
  ASSERT_EQ(z.status, StatStatus::kOk);
  EXPECT_TRUE(z.mean_ad_fallback);
  EXPECT_NEAR(z.scale, 23.812966, 1e-9);
  EXPECT_EQ(z.indices, (std::vector<std::size_t>{4}));
}

TEST(ModifiedZScoreTest, EdgeInputs) {
  EXPECT_EQ(FindModifiedZScoreOutliers({}).status, StatStatus::kEmpty);
  EXPECT_EQ(FindModifiedZScoreOutliers(std::vector<double>(4, 1.0)).status, StatStatus::kAllEqual);
  EXPECT_EQ(FindModifiedZScoreOutliers(std::vector<double>{1, std::numeric_limits<double>::quiet_NaN()}).status,
            StatStatus::kNonFinite);
  EXPECT_EQ(FindModifiedZScoreOutliers(std::vector<double>{1, 2}, 0.0).status,
            StatStatus::kInvalidArgument);
  EXPECT_EQ(FindModifiedZScoreOutliers(std::vector<double>{42}).status, StatStatus::kTooFew);
  EXPECT_EQ(FindModifiedZScoreOutliers(std::vector<double>{1, -std::numeric_limits<double>::infinity()}).status,
            StatStatus::kNonFinite);
  const ZScoreOutliers same = FindModifiedZScoreOutliers(std::vector<double>(4, 1.0));
  EXPECT_EQ(same.median, 1.0);  // still meaningful when kAllEqual
  EXPECT_TRUE(same.indices.empty());
}

// R 4.2.2: w <- c(5,5,5,5,5,5,100); quantile(w, c(.25,.75), type=7) -> 5 5;
//   boxplot.stats(w)$out -> 100. With IQR 0 the fences collapse on 5 and
//   any other value is an outlier (here beyond 3 IQR = 0: severe).
TEST(TukeyOutliersTest, ZeroIqrFlagsEveryOtherValue) {
  const TukeyOutliers t = FindTukeyOutliers(std::vector<double>{5, 5, 5, 5, 5, 5, 100});
  ASSERT_EQ(t.status, StatStatus::kOk);
  EXPECT_EQ(t.iqr, 0.0);
  EXPECT_EQ(t.severe_high, 1u);
  EXPECT_EQ(t.mild_high, 0u);
  EXPECT_EQ(t.indices, (std::vector<std::size_t>{6}));
}

TEST(TukeyOutliersTest, NaNAndNegativeInfinityAreNonFinite) {
  EXPECT_EQ(FindTukeyOutliers(std::vector<double>{1, 2, 3, std::numeric_limits<double>::quiet_NaN()}).status,
            StatStatus::kNonFinite);
  const TukeyOutliers t =
      FindTukeyOutliers(std::vector<double>{1, 2, 3, 4, -std::numeric_limits<double>::infinity()});
  EXPECT_EQ(t.status, StatStatus::kNonFinite);
  EXPECT_EQ(t.q1, 0.0);
  EXPECT_TRUE(t.indices.empty());
}

// Hand calculation from the R numbers above: fences 12 -+ 3.5 / 0.6745 =
// 12 -+ 5.18903. With threshold 10 only 40 (|M| 18.886) remains; 25 (8.7685)
// and 2 (6.745) fall inside: one high outlier, index 6.
TEST(ModifiedZScoreTest, FencesAndThreshold) {
  const std::vector<double> y = {10, 12, 11, 13, 12, 11, 40, 12, 2, 11.5, 12.5, 25};
  const ZScoreOutliers z = FindModifiedZScoreOutliers(y);
  EXPECT_NEAR(z.low_fence, 12 - 3.5 / 0.6745, 1e-12);
  EXPECT_NEAR(z.high_fence, 12 + 3.5 / 0.6745, 1e-12);
  const ZScoreOutliers strict = FindModifiedZScoreOutliers(y, 10.0);
  ASSERT_EQ(strict.status, StatStatus::kOk);
  EXPECT_EQ(strict.low, 0u);
  EXPECT_EQ(strict.high, 1u);
  EXPECT_EQ(strict.indices, (std::vector<std::size_t>{6}));
  EXPECT_EQ(FindModifiedZScoreOutliers(y, std::numeric_limits<double>::infinity()).status,
            StatStatus::kInvalidArgument);
  EXPECT_EQ(FindModifiedZScoreOutliers(y, -1.0).status, StatStatus::kInvalidArgument);
}

}  // namespace
}  // namespace benchgate
