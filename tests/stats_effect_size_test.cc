// Reference values: R 4.2.2 (Debian r-base-core), with the calls written
// beside each case; printed with sprintf("%.17g", ...). The candidate is R's
// first argument: wilcox.test(candidate, baseline, conf.int = TRUE, ...)
// computes differences candidate - baseline, benchgate's sign convention.
// For the normal approximation R searches the bound with uniroot; tol.root =
// 1e-12 makes its result agree with the exact order statistic to ~1e-12.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "benchgate/stats/effect_size.h"
#include "stats/mw_pairwise.h"
#include "stats/sort.h"

namespace benchgate {
namespace {

constexpr double kTight = 1e-12;  // R's exact path: the same order statistics
constexpr double kRoot = 1e-9;    // R's uniroot path (tol.root = 1e-12)

const std::vector<double> kBase = {10.1, 10.4, 9.8, 10.0, 10.3, 10.2, 9.9, 10.6};
const std::vector<double> kCand = {11.0, 10.9, 11.4, 10.7, 11.2, 10.5, 11.1, 11.3, 10.8};

void ExpectShift(const ShiftEstimate& s, double estimate, double lower, double upper,
                 double tolerance) {
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_NEAR(s.estimate, estimate, tolerance);
  EXPECT_NEAR(s.lower, lower, tolerance);
  EXPECT_NEAR(s.upper, upper, tolerance);
}

// w <- wilcox.test(kCand, kBase, conf.int=TRUE, exact=TRUE)
// w$estimate = 0.80000000000000071; w$conf.int = 0.5, 1.1000000000000014
// achieved: qu <- qwilcox(0.025, 9, 8) = 16; 1 - 2*pwilcox(15, 9, 8) = 0.95359934183463591
TEST(HodgesLehmannTest, MatchesRExactConfidenceInterval) {
  const ShiftEstimate s = HodgesLehmannShift(kBase, kCand);
  ExpectShift(s, 0.80000000000000071, 0.5, 1.1000000000000014, kTight);
  EXPECT_TRUE(s.exact);
  EXPECT_NEAR(s.coverage, 0.95359934183463591, kTight);
}

// wilcox.test(kCand, kBase, conf.int=TRUE, exact=TRUE, conf.level=0.9)
//   -> 0.80000000000000071, 0.59999999999999964, 1.0999999999999996
TEST(HodgesLehmannTest, OtherLevel) {
  ExpectShift(HodgesLehmannShift(kBase, kCand, 0.9), 0.80000000000000071, 0.59999999999999964,
              1.0999999999999996, kTight);
}

// Odd m n = 63: b7 <- kBase[1:7]
// wilcox.test(kCand, b7, conf.int=TRUE, exact=TRUE)
//   -> 0.90000000000000036, 0.59999999999999964, 1.1999999999999993
// wilcox.test(kCand, b7, conf.int=TRUE, exact=FALSE, tol.root=1e-12)
//   -> 0.899999999999474, 0.59999999999964959, 1.2000000000001581
TEST(HodgesLehmannTest, OddNumberOfDifferencesBothMethods) {
  const std::vector<double> b7(kBase.begin(), kBase.begin() + 7);
  ExpectShift(HodgesLehmannShift(b7, kCand), 0.90000000000000036, 0.59999999999999964,
              1.1999999999999993, kTight);
  const ShiftEstimate normal = HodgesLehmannShift(b7, kCand, 0.95, MannWhitneyMethod::kAsymptotic);
  ExpectShift(normal, 0.899999999999474, 0.59999999999964959, 1.2000000000001581, kRoot);
  EXPECT_FALSE(normal.exact);
  EXPECT_EQ(normal.coverage, 0.95);
}

// Even m n = 72, normal approximation:
// wilcox.test(kCand, kBase, conf.int=TRUE, exact=FALSE, tol.root=1e-12)
//   -> 0.80000000000069271, 0.50000000000001166, 1.1000000000002153
TEST(HodgesLehmannTest, NormalApproximationMatchesRRootSearch) {
  ExpectShift(HodgesLehmannShift(kBase, kCand, 0.95, MannWhitneyMethod::kAsymptotic),
              0.80000000000069271, 0.50000000000001166, 1.1000000000002153, kRoot);
}

// Ties (within and between samples): R falls back to the normal
// approximation with the within-sample tie correction, and so does auto.
// tb <- c(5, 6, 6, 7, 8, 8, 8, 9, 10, 12); tc <- c(7, 8, 9, 9, 10, 11, 11, 12, 13)
// wilcox.test(tc, tb, conf.int=TRUE, tol.root=1e-12)
//   -> 2.0000000000008056, 6.9987016503203663e-15, 4.0000000000006102
const std::vector<double> kTiedBase = {5, 6, 6, 7, 8, 8, 8, 9, 10, 12};
const std::vector<double> kTiedCand = {7, 8, 9, 9, 10, 11, 11, 12, 13};

TEST(HodgesLehmannTest, TiesTakeTheNormalApproximationLikeR) {
  const ShiftEstimate s = HodgesLehmannShift(kTiedBase, kTiedCand);
  ExpectShift(s, 2.0000000000008056, 6.9987016503203663e-15, 4.0000000000006102, kRoot);
  EXPECT_FALSE(s.exact);
  EXPECT_EQ(s.lower, 0.0);
  EXPECT_FALSE(std::signbit(s.lower));  // a zero difference is +0, not -0
}

// Asked for exact with ties, the no-ties distribution is used (R refuses);
// R code applying R's exact recipe by hand:
//   d <- sort(outer(tc, tb, "-")); qu <- qwilcox(0.025, 9, 10)  # 21
//   c(median(d), d[qu], d[90 - qu + 1], 1 - 2 * pwilcox(qu - 1, 9, 10))
//   -> 2, 0, 4, 0.95652644569053236
TEST(HodgesLehmannTest, ExplicitExactWithTiesUsesTheNoTiesDistribution) {
  const ShiftEstimate s = HodgesLehmannShift(kTiedBase, kTiedCand, 0.95, MannWhitneyMethod::kExact);
  ExpectShift(s, 2.0, 0.0, 4.0, 0.0);
  EXPECT_TRUE(s.exact);
  EXPECT_NEAR(s.coverage, 0.95652644569053236, kTight);
}

// 50 vs 50, no ties: auto is exact (R's default would switch at 49).
// x50 <- ((1:50 * 37) %% 101) / 7; y50 <- ((1:50 * 53) %% 103) / 7 + 1.5
// wilcox.test(y50, x50, conf.int=TRUE, exact=TRUE)
//   -> 1.0714285714285712, -0.78571428571428559, 2.7857142857142856
// wilcox.test(y50, x50, conf.int=TRUE, exact=FALSE, tol.root=1e-12)
//   -> 1.0714285714280782, -0.78571428571387525, 2.7857142857136834
TEST(HodgesLehmannTest, FiftyByFiftyBothMethods) {
  std::vector<double> x50, y50;
  for (int i = 1; i <= 50; ++i) {
    x50.push_back((i * 37 % 101) / 7.0);
    y50.push_back((i * 53 % 103) / 7.0 + 1.5);
  }
  const ShiftEstimate exact = HodgesLehmannShift(x50, y50);
  EXPECT_TRUE(exact.exact);
  ExpectShift(exact, 1.0714285714285712, -0.78571428571428559, 2.7857142857142856, kTight);
  ExpectShift(HodgesLehmannShift(x50, y50, 0.95, MannWhitneyMethod::kAsymptotic),
              1.0714285714280782, -0.78571428571387525, 2.7857142857136834, kRoot);
}

// 2000 vs 1999 (4 million differences, ties between the samples):
// xb <- ((1:2000 * 7919) %% 10007) / 10; yb <- ((1:1999 * 4421) %% 9973) / 10 + 30
// wilcox.test(yb, xb, conf.int=TRUE, tol.root=1e-12)
//   -> 31.09999999999954, 13.000000000000465, 49.099999999999461
// median(sort(outer(yb, xb, "-"))) -> 31.099999999999909
TEST(HodgesLehmannTest, LargeSamplesMatchR) {
  std::vector<double> xb, yb;
  for (int i = 1; i <= 2000; ++i) xb.push_back((i * 7919 % 10007) / 10.0);
  for (int i = 1; i <= 1999; ++i) yb.push_back((i * 4421 % 9973) / 10.0 + 30);
  const ShiftEstimate s = HodgesLehmannShift(xb, yb);
  EXPECT_FALSE(s.exact);
  ExpectShift(s, 31.099999999999909, 13.000000000000465, 49.099999999999461, kRoot);
  EXPECT_NEAR(s.estimate, 31.099999999999909, kTight);
}

// x = 1..2000, y = x + 3. R: wilcox.test(y, x, conf.int=TRUE, tol.root=1e-12)
//   -> 3, -33.000000000000277, 39.00000000000027
// Hand calculation: k = floor(mn/2 - 0.5 - qnorm(0.975) sqrt(mn (m+n+1)/12)) + 1
// = 1928423 (R prints the same), and the difference 3 - g occurs 2000 - g
// times among the j - i + 3, so walking up from the smallest gives d_(k).
TEST(HodgesLehmannTest, LargeSamplesByHand) {
  std::vector<double> x, y;
  for (int i = 1; i <= 2000; ++i) {
    x.push_back(i);
    y.push_back(i + 3);
  }
  const ShiftEstimate s = HodgesLehmannShift(x, y);
  ExpectShift(s, 3.0, -33.000000000000277, 39.00000000000027, kRoot);
  const double k = 1928423;
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
  EXPECT_EQ(s.upper - 3.0, 3.0 - s.lower);  // the differences are symmetric around 3
}

// Hand calculation: x = 0..9999, y = x + 0.25: the differences j - i + 0.25
// are symmetric around 0.25, so the median is 0.25 exactly (1e8 pairs,
// never materialised).
TEST(HodgesLehmannTest, TenThousandPerSide) {
  std::vector<double> x, y;
  for (int i = 0; i < 10000; ++i) {
    x.push_back(i);
    y.push_back(i + 0.25);
  }
  const ShiftEstimate s = HodgesLehmannShift(x, y);
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_EQ(s.estimate, 0.25);
  EXPECT_EQ(s.upper - 0.25, 0.25 - s.lower);
  EXPECT_LT(s.lower, 0.25);
}

// Sign convention, by hand: candidate = baseline + 5 gives +5; swapping the
// roles negates the estimate and mirrors the interval.
TEST(HodgesLehmannTest, SignConventionIsCandidateMinusBaseline) {
  const std::vector<double> base = {1.0, 2.5, 3.0, 4.5, 6.0, 7.5};
  std::vector<double> cand;
  for (const double v : base) cand.push_back(v + 5);
  const ShiftEstimate forward = HodgesLehmannShift(base, cand, 0.9);
  const ShiftEstimate backward = HodgesLehmannShift(cand, base, 0.9);
  ASSERT_EQ(forward.status, StatStatus::kOk);
  EXPECT_EQ(forward.estimate, 5.0);
  EXPECT_EQ(backward.estimate, -5.0);
  EXPECT_EQ(backward.lower, -forward.upper);
  EXPECT_EQ(backward.upper, -forward.lower);
}

// w2 <- wilcox.test(log(kCand), log(kBase), conf.int=TRUE, exact=TRUE)
// exp(c(w2$estimate, w2$conf.int)) - 1
//   -> 0.080403964854223631, 0.049019607843137303, 0.11224489795918347
TEST(RelativeShiftTest, HodgesLehmannOnLogs) {
  ExpectShift(RelativeShift(kBase, kCand), 0.080403964854223631, 0.049019607843137303,
              0.11224489795918347, kTight);
}

TEST(RelativeShiftTest, NonPositiveValuesAreInvalid) {
  EXPECT_EQ(RelativeShift(std::vector<double>{0, 1, 2}, kCand).status,
            StatStatus::kInvalidArgument);
  EXPECT_EQ(RelativeShift(kBase, std::vector<double>{-1, 1, 2}).status,
            StatStatus::kInvalidArgument);
}

TEST(HodgesLehmannTest, TooSmallForTheLevel) {
  // Exact, 3 vs 3: the widest interval [d_(1), d_(9)] covers 1 - 2/20 = 0.9 < 0.95.
  const ShiftEstimate s =
      HodgesLehmannShift(std::vector<double>{1, 2, 3}, std::vector<double>{4, 5, 6});
  EXPECT_EQ(s.status, StatStatus::kTooFew);
  EXPECT_EQ(s.estimate, 0.0);
  // ... but 0.9 is reachable (coverage exactly 0.9 = 1 - 2 P(U <= 0)).
  EXPECT_EQ(
      HodgesLehmannShift(std::vector<double>{1, 2, 3}, std::vector<double>{4, 5, 6}, 0.89).status,
      StatStatus::kOk);
  // Normal approximation, 2 vs 2: mn/2 - 0.5 - 1.96 sqrt(4 * 5 / 12) < 0.
  EXPECT_EQ(HodgesLehmannShift(std::vector<double>{1, 2}, std::vector<double>{3, 4}, 0.95,
                               MannWhitneyMethod::kAsymptotic)
                .status,
            StatStatus::kTooFew);
}

TEST(HodgesLehmannTest, EdgeInputs) {
  EXPECT_EQ(HodgesLehmannShift({}, kCand).status, StatStatus::kEmpty);
  EXPECT_EQ(HodgesLehmannShift(kBase, {}).status, StatStatus::kEmpty);
  const std::vector<double> nan = {1, std::numeric_limits<double>::quiet_NaN()};
  EXPECT_EQ(HodgesLehmannShift(kBase, nan).status, StatStatus::kNonFinite);
  EXPECT_EQ(HodgesLehmannShift(kBase, kCand, 1.0).status, StatStatus::kInvalidArgument);
  EXPECT_EQ(HodgesLehmannShift(kBase, kCand, 0.0).status, StatStatus::kInvalidArgument);
  // Exact asked where the counts do not fit: C(400, 200) > 2^120.
  std::vector<double> big(200);
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<double>(i);
  EXPECT_EQ(HodgesLehmannShift(big, big, 0.95, MannWhitneyMethod::kExact).status,
            StatStatus::kInvalidArgument);
  // All equal on both sides: estimate 0 with a zero-width interval.
  const std::vector<double> same(10, 5.0);
  const ShiftEstimate s = HodgesLehmannShift(same, same);
  EXPECT_EQ(s.status, StatStatus::kOk);
  EXPECT_EQ(s.estimate, 0.0);
  EXPECT_EQ(s.lower, 0.0);
  EXPECT_EQ(s.upper, 0.0);
}

// Price & Bonett (2002), written out in R exactly as statpsych::ci.ratio.median2:
//   f <- function(y) { n <- length(y); y <- sort(y); o <- round(n/2 - sqrt(n)); if (o < 1) o <- 1
//     l <- log(y[o]); u <- log(y[n - o + 1]); p <- pbinom(o - 1, n, .5); z0 <- qnorm(1 - p)
//     (u - l)/(2*z0) }
//   pb <- function(b, c, level = 0.95) { se <- sqrt(f(c)^2 + f(b)^2)
//     lr <- log(median(c)) - log(median(b)); z <- qnorm(1 - (1 - level)/2)
//     exp(c(lr, lr - z*se, lr + z*se)) - 1 }
void ExpectChange(const RelativeChange& r, double change, double lower, double upper) {
  ASSERT_EQ(r.status, StatStatus::kOk);
  EXPECT_NEAR(r.change, change, kTight);
  EXPECT_NEAR(r.lower, lower, kTight);
  EXPECT_NEAR(r.upper, upper, kTight);
}

// pb(kBase, kCand) -> 0.08374384236453225, 0.042477621104696883, 0.12664357688411609
// pb(kBase, kCand, 0.9) -> 0.08374384236453225, 0.049004538035840151, 0.11963358906166333
TEST(RelativeChangeTest, PriceBonettRatioOfMedians) {
  ExpectChange(RelativeChangeOfMedians(kBase, kCand), 0.08374384236453225, 0.042477621104696883,
               0.12664357688411609);
  ExpectChange(RelativeChangeOfMedians(kBase, kCand, 0.9), 0.08374384236453225,
               0.049004538035840151, 0.11963358906166333);
}

// statpsych's documented example, ci.ratio.median2(.05, y1, y2) with
// y1 (candidate) = c(36, 44, 47, 42, 49, 39, 46, 31, 33, 48),
// y2 (baseline) = c(32, 39, 26, 35, 43, 27, 40, 37, 34, 29, 49, 42, 40)
// "should return" ratio 1.162162, LL 0.927667, UL 1.455933;
// pb(y2, y1) -> 0.16216216216216228, -0.072333042801012271, 0.45593295166998082
TEST(RelativeChangeTest, StatpsychPublishedExample) {
  const std::vector<double> y1 = {36, 44, 47, 42, 49, 39, 46, 31, 33, 48};
  const std::vector<double> y2 = {32, 39, 26, 35, 43, 27, 40, 37, 34, 29, 49, 42, 40};
  const RelativeChange r = RelativeChangeOfMedians(y2, y1);
  ExpectChange(r, 0.16216216216216228, -0.072333042801012271, 0.45593295166998082);
  EXPECT_NEAR(r.change + 1, 1.162162, 5e-7);
  EXPECT_NEAR(r.lower + 1, 0.927667, 5e-7);
  EXPECT_NEAR(r.upper + 1, 1.455933, 5e-7);
}

// n = 9: n/2 - sqrt(n) = 1.5 exactly, where R's round (half to even) and
// std::round (half away from zero) both give 2; n = 2: c = max(1, round(-0.41)) = 1.
// pb(c(3.1, 2.7, 3.3, 2.9, 3.0, 3.6, 2.8, 3.2, 3.4), c(3.5, 3.9, 3.3, 4.1, 3.7))
//   -> 0.19354838709677424, 0.03061468064297812, 0.38224088895430897
// pb(c(2, 4), c(3, 9)) -> 0.99999999999999978, -0.69705407649012718, 12.20367659566689
TEST(RelativeChangeTest, SmallAndHalfwayOrderStatistics) {
  ExpectChange(
      RelativeChangeOfMedians(std::vector<double>{3.1, 2.7, 3.3, 2.9, 3.0, 3.6, 2.8, 3.2, 3.4},
                              std::vector<double>{3.5, 3.9, 3.3, 4.1, 3.7}),
      0.19354838709677424, 0.03061468064297812, 0.38224088895430897);
  ExpectChange(RelativeChangeOfMedians(std::vector<double>{2, 4}, std::vector<double>{3, 9}),
               0.99999999999999978, -0.69705407649012718, 12.20367659566689);
}

TEST(RelativeChangeTest, EdgeInputs) {
  EXPECT_EQ(RelativeChangeOfMedians(std::vector<double>{1.0}, kCand).status, StatStatus::kTooFew);
  EXPECT_EQ(RelativeChangeOfMedians(std::vector<double>{-1.0, 2.0}, kCand).status,
            StatStatus::kInvalidArgument);
  EXPECT_EQ(RelativeChangeOfMedians(kBase, std::vector<double>{0.0, 2.0}).status,
            StatStatus::kInvalidArgument);
  EXPECT_EQ(RelativeChangeOfMedians(kBase, kCand, 1.5).status, StatStatus::kInvalidArgument);
  EXPECT_EQ(RelativeChangeOfMedians({}, kCand).status, StatStatus::kEmpty);
  const std::vector<double> inf = {1, std::numeric_limits<double>::infinity()};
  EXPECT_EQ(RelativeChangeOfMedians(kBase, inf).status, StatStatus::kNonFinite);
  EXPECT_EQ(RelativeChangeOfMedians(kBase, inf).lower, 0.0);
  // Identical samples: no change, an interval around 0.
  const RelativeChange same = RelativeChangeOfMedians(kBase, kBase);
  EXPECT_EQ(same.change, 0.0);
  EXPECT_LT(same.lower, 0.0);
  EXPECT_GT(same.upper, 0.0);
}

// Few differences are sorted whole, many are bisected: both must give the
// same computed difference bit for bit, ties and signed zeros included
// (reference: the other path; zeros come out as +0).
TEST(PairwiseDifferencesTest, SortedAndBisectedOrderStatisticsAgree) {
  std::mt19937_64 random(20261128);
  std::uniform_int_distribution<int> eighths(-40, 40);
  for (int round = 0; round < 20; ++round) {
    std::vector<double> x(1 + round % 7 * 3), y(1 + round % 5 * 4);
    for (double& v : x) v = eighths(random) / 8.0;
    for (double& v : y) v = eighths(random) / 8.0;
    if (round % 4 == 0) x[0] = -0.0;
    SortDoubles(x);
    SortDoubles(y);
    std::vector<std::uint64_t> ks;
    for (std::uint64_t k = 1; k <= x.size() * y.size(); ++k) ks.push_back(k);
    const std::vector<double> sorted = KthDifferences(x, y, ks);
    for (const std::uint64_t k : ks) {
      const double bisected = KthDifference(x, y, k);
      EXPECT_EQ(std::signbit(sorted[k - 1]), std::signbit(bisected));
      EXPECT_EQ(sorted[k - 1], bisected) << "round " << round << " k " << k;
    }
  }
}

}  // namespace
}  // namespace benchgate
