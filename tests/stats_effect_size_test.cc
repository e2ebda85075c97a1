// Reference values: R 4.2.2 (Debian r-base-core), with the calls written
// beside each case; printed with sprintf("%.17g", ...).
#include "benchgate/stats/effect_size.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace benchgate {
namespace {

const std::vector<double> kBase = {10.1, 10.4, 9.8, 10.0, 10.3, 10.2, 9.9, 10.6};
const std::vector<double> kCand = {11.0, 10.9, 11.4, 10.7, 11.2, 10.5, 11.1, 11.3, 10.8};

// w <- wilcox.test(cand, base, conf.int=TRUE, exact=TRUE)
// w$estimate = 0.80000000000000071; w$conf.int = 0.5, 1.1000000000000014
// achieved: qu <- qwilcox(0.025, 9, 8) = 16; 1 - 2*pwilcox(15, 9, 8) = 0.95359934183463591
TEST(HodgesLehmannTest, MatchesRExactConfidenceInterval) {
  const ShiftEstimate s = HodgesLehmannShift(kBase, kCand);
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_TRUE(s.exact);
  EXPECT_NEAR(s.estimate, 0.80000000000000071, 1e-12);
  EXPECT_NEAR(s.lower, 0.5, 1e-12);
  EXPECT_NEAR(s.upper, 1.1000000000000014, 1e-12);
  EXPECT_NEAR(s.coverage, 0.95359934183463591, 1e-12);
}

// wilcox.test(cand, base, conf.int=TRUE, exact=TRUE, conf.level=0.9)
//   -> 0.80000000000000071, 0.59999999999999964, 1.0999999999999996
TEST(HodgesLehmannTest, OtherLevel) {
  const ShiftEstimate s = HodgesLehmannShift(kBase, kCand, 0.9);
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_NEAR(s.lower, 0.59999999999999964, 1e-12);
  EXPECT_NEAR(s.upper, 1.0999999999999996, 1e-12);
}

// w2 <- wilcox.test(log(cand), log(base), conf.int=TRUE, exact=TRUE)
// exp(c(w2$estimate, w2$conf.int)) - 1
//   -> 0.080403964854223631, 0.049019607843137303, 0.11224489795918347
TEST(RelativeShiftTest, HodgesLehmannOnLogs) {
  const ShiftEstimate s = RelativeShift(kBase, kCand);
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_NEAR(s.estimate, 0.080403964854223631, 1e-12);
  EXPECT_NEAR(s.lower, 0.049019607843137303, 1e-12);
  EXPECT_NEAR(s.upper, 0.11224489795918347, 1e-12);
}

TEST(RelativeShiftTest, NonPositiveValuesAreInvalid) {
  EXPECT_EQ(RelativeShift(std::vector<double>{0, 1, 2}, kCand).status,
            StatStatus::kInvalidArgument);
}

// Large samples take the normal approximation. Hand calculation: with
// x = 1..n and y = x + 3, the differences y_j - x_i are symmetric around 3,
// so the estimate is 3 and the interval symmetric around it.
TEST(HodgesLehmannTest, LargeSamplesUseTheNormalApproximation) {
  std::vector<double> x, y;
  for (int i = 1; i <= 2000; ++i) {
    x.push_back(i);
    y.push_back(i + 3);
  }
  const ShiftEstimate s = HodgesLehmannShift(x, y);
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_FALSE(s.exact);
  EXPECT_EQ(s.estimate, 3.0);
  EXPECT_LT(s.lower, 3.0);
  EXPECT_GT(s.upper, 3.0);
  EXPECT_DOUBLE_EQ(s.upper - 3.0, 3.0 - s.lower);  // symmetric differences
}

// Hand calculation: k = floor(mn/2 - z sqrt(mn(m+n+1)/12)), and the value
// 3 - g occurs 2000 - g times among the differences j - i + 3.
TEST(HodgesLehmannTest, LargeSamplesLowerBoundByHand) {
  std::vector<double> x, y;
  for (int i = 1; i <= 2000; ++i) {
    x.push_back(i);
    y.push_back(i + 3);
  }
  const ShiftEstimate s = HodgesLehmannShift(x, y);
  const double mn = 2000.0 * 2000.0;
  const double k = std::floor(mn / 2 - 1.959963984540054 * std::sqrt(mn * 4001 / 12));
  // Walk the differences from the smallest (3 - 1999) up to the k-th.
  double cumulative = 0;
  int lower_gap = 1999;
  for (int gap = 1999; gap >= 0; --gap) {
    cumulative += 2000 - gap;  // differences equal to 3 - gap
    if (cumulative >= k) {
      lower_gap = gap;
      break;
    }
  }
  EXPECT_EQ(s.lower, 3.0 - lower_gap);
}

TEST(HodgesLehmannTest, TooSmallForTheLevel) {
  // 3 vs 3: the widest interval [d_(1), d_(9)] covers 1 - 2/20 = 0.9 < 0.95.
  const ShiftEstimate s = HodgesLehmannShift(std::vector<double>{1, 2, 3}, std::vector<double>{4, 5, 6});
  EXPECT_EQ(s.status, StatStatus::kTooFew);
  EXPECT_EQ(s.estimate, 0.0);
}

TEST(HodgesLehmannTest, EdgeInputs) {
  EXPECT_EQ(HodgesLehmannShift({}, kCand).status, StatStatus::kEmpty);
  const std::vector<double> nan = {1, std::numeric_limits<double>::quiet_NaN()};
  EXPECT_EQ(HodgesLehmannShift(kBase, nan).status, StatStatus::kNonFinite);
  EXPECT_EQ(HodgesLehmannShift(kBase, kCand, 1.0).status, StatStatus::kInvalidArgument);
  // All equal on both sides: estimate 0 with a zero-width interval.
  const std::vector<double> same(10, 5.0);
  const ShiftEstimate s = HodgesLehmannShift(same, same);
  EXPECT_EQ(s.status, StatStatus::kOk);
  EXPECT_EQ(s.estimate, 0.0);
  EXPECT_EQ(s.lower, 0.0);
  EXPECT_EQ(s.upper, 0.0);
}

// Hand calculation: base {1, 2}, cand {2, 3}: pairs (c > b): (2>1), (3>1),
// (3>2) = 3, tie (2=2) = 1/2 -> 3.5 / 4 = 0.875.
TEST(ProbabilityOfSuperiorityTest, CountsPairsWithHalfTies) {
  EXPECT_DOUBLE_EQ(ProbabilityOfSuperiority(std::vector<double>{1, 2}, std::vector<double>{2, 3}), 0.875);
  EXPECT_DOUBLE_EQ(ProbabilityOfSuperiority(kBase, kBase), 0.5);
  EXPECT_DOUBLE_EQ(ProbabilityOfSuperiority({}, kBase), 0.5);
}

// Price & Bonett (2002), written out in R as statpsych::ci.ratio.median2:
//   f <- function(y) { n <- length(y); y <- sort(y); o <- round(n/2 - sqrt(n)); if (o < 1) o <- 1
//     l <- log(y[o]); u <- log(y[n - o + 1]); p <- pbinom(o - 1, n, .5); z0 <- qnorm(1 - p); (u - l)/(2*z0) }
//   se <- sqrt(f(cand)^2 + f(base)^2); lr <- log(median(cand)/median(base))
//   exp(c(lr, lr - qnorm(.975)*se, lr + qnorm(.975)*se)) - 1
//   -> 0.08374384236453225, 0.042477621104696883, 0.12664357688411609
TEST(RelativeChangeTest, PriceBonettRatioOfMedians) {
  const RelativeChange r = RelativeChangeOfMedians(kBase, kCand);
  ASSERT_EQ(r.status, StatStatus::kOk);
  EXPECT_NEAR(r.change, 0.08374384236453225, 1e-12);
  EXPECT_NEAR(r.lower, 0.042477621104696883, 1e-12);
  EXPECT_NEAR(r.upper, 0.12664357688411609, 1e-12);
}

TEST(RelativeChangeTest, EdgeInputs) {
  EXPECT_EQ(RelativeChangeOfMedians(std::vector<double>{1.0}, kCand).status, StatStatus::kTooFew);
  EXPECT_EQ(RelativeChangeOfMedians(std::vector<double>{-1.0, 2.0}, kCand).status,
            StatStatus::kInvalidArgument);
  EXPECT_EQ(RelativeChangeOfMedians({}, kCand).status, StatStatus::kEmpty);
  const std::vector<double> inf = {1, std::numeric_limits<double>::infinity()};
  EXPECT_EQ(RelativeChangeOfMedians(kBase, inf).status, StatStatus::kNonFinite);
  // Identical samples: no change, an interval around 0.
  const RelativeChange same = RelativeChangeOfMedians(kBase, kBase);
  EXPECT_EQ(same.change, 0.0);
  EXPECT_LT(same.lower, 0.0);
  EXPECT_GT(same.upper, 0.0);
}

}  // namespace
}  // namespace benchgate
