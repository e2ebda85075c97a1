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

}  // namespace
}  // namespace benchgate
