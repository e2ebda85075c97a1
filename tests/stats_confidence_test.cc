#include "benchgate/stats/confidence.h"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include <boost/math/distributions/binomial.hpp>

namespace benchgate {
namespace {

const std::vector<double> kX = {2.1, 3.5, 1.2, 8.9, 4.4, 5.0, 3.3, 2.8, 7.1, 4.0};

std::vector<double> OneTo(int n) {
  std::vector<double> values;
  for (int i = n; i >= 1; --i) values.push_back(i);  // unsorted on purpose
  return values;
}

// R 4.2.2, the largest k with coverage 1 - 2 pbinom(k-1, n, .5) >= .95:
//   for (n in c(6,10,20,50)) { k <- max(which(sapply(1:floor((n+1)/2),
//     function(k) 1-2*pbinom(k-1,n,.5)) >= .95)); cat(n, k, 1-2*pbinom(k-1,n,.5)) }
//   -> 6 1 0.96875 | 10 2 0.978515625 | 20 6 0.95861053466796875 | 50 18 0.96716086243573141
TEST(MedianCiTest, OrderStatisticsMatchR) {
  struct Case {
    int n;
    int k;
    double coverage;
  };
  for (const Case c : {Case{6, 1, 0.96875}, Case{10, 2, 0.978515625},
                       Case{20, 6, 0.95861053466796875}, Case{50, 18, 0.96716086243573141}}) {
    const ConfidenceInterval ci = MedianConfidenceInterval(OneTo(c.n));
    ASSERT_EQ(ci.status, StatStatus::kOk) << c.n;
    EXPECT_EQ(ci.lower, c.k) << c.n;                // x_(k) of 1..n is k
    EXPECT_EQ(ci.upper, c.n - c.k + 1) << c.n;      // x_(n-k+1)
    EXPECT_NEAR(ci.coverage, c.coverage, 1e-12) << c.n;
    EXPECT_EQ(ci.level, 0.95);
  }
}

// Hand calculation: 5 values reach at most 1 - 2/32 = 0.9375 < 0.95.
TEST(MedianCiTest, TooFewValuesForTheLevel) {
  EXPECT_EQ(MedianConfidenceInterval(OneTo(5)).status, StatStatus::kTooFew);
  EXPECT_EQ(MedianConfidenceInterval(OneTo(5), 0.9).status, StatStatus::kOk);
  EXPECT_EQ(MedianConfidenceInterval(OneTo(1)).status, StatStatus::kTooFew);
}

TEST(MedianCiTest, EdgeInputs) {
  EXPECT_EQ(MedianConfidenceInterval({}).status, StatStatus::kEmpty);
  EXPECT_EQ(MedianConfidenceInterval(kX, 1.0).status, StatStatus::kInvalidArgument);
  EXPECT_EQ(MedianConfidenceInterval(kX, 0.0).status, StatStatus::kInvalidArgument);
  std::vector<double> bad = kX;
  bad[3] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(MedianConfidenceInterval(bad).status, StatStatus::kNonFinite);
  const ConfidenceInterval same = MedianConfidenceInterval(std::vector<double>(10, 4.0));
  EXPECT_EQ(same.status, StatStatus::kOk);
  EXPECT_EQ(same.lower, 4.0);
  EXPECT_EQ(same.upper, 4.0);
}

// The coverage reported equals the binomial probability of the chosen order
// statistics, P(l <= B <= u - 1), B ~ Binomial(n, q) (Boost here, as R's
// pbinom(u-1, n, q) - pbinom(l-1, n, q)), and reaches the level.
TEST(QuantileCiTest, CoverageIsTheBinomialProbabilityOfTheOrderStatistics) {
  for (const double q : {0.1, 0.5, 0.9, 0.95}) {
    const ConfidenceInterval ci = QuantileConfidenceInterval(OneTo(100), q);
    ASSERT_EQ(ci.status, StatStatus::kOk) << q;
    const boost::math::binomial_distribution<double> b(100, q);
    const double expected = boost::math::cdf(b, ci.upper - 1) - boost::math::cdf(b, ci.lower - 1);
    EXPECT_NEAR(ci.coverage, expected, 1e-12) << q;
    EXPECT_GE(ci.coverage, 0.95) << q;
    EXPECT_LE(ci.lower, q * 100 + 1) << q;  // the point estimate lies inside
    EXPECT_GE(ci.upper, q * 100) << q;
  }
}

// Hand calculation: p90 of 100 values: B ~ Bin(100, .9) has sd 3, so about
// +-6 order statistics around 90 are needed: the interval is within [80, 97].
TEST(QuantileCiTest, P90OfAHundredValues) {
  const ConfidenceInterval ci = QuantileConfidenceInterval(OneTo(100), 0.9);
  EXPECT_GE(ci.lower, 80);
  EXPECT_LE(ci.upper, 97);
}

// Hand calculation: the p99 of 10 values lies above x_(10) with probability
// 0.99^10 = 0.904 > 0.05, so no pair of observed values can cover it at 95%.
TEST(QuantileCiTest, TailQuantileOfFewValuesIsTooFew) {
  EXPECT_EQ(QuantileConfidenceInterval(OneTo(10), 0.99).status, StatStatus::kTooFew);
  EXPECT_EQ(QuantileConfidenceInterval(OneTo(1), 0.5).status, StatStatus::kTooFew);
  EXPECT_EQ(QuantileConfidenceInterval(OneTo(10), 1.0).status, StatStatus::kInvalidArgument);
}

// SciPy 1.10.1:
//   bootstrap((x,), np.mean, method="BCa", n_resamples=100000, random_state=s, vectorized=False)
//   seeds 1, 2, 3 -> (3.0999999999999996, 5.88), (3.09, 5.87), (3.1, 5.86)
//   method="percentile" -> (2.97, 5.66), (2.97, 5.66), (2.97, 5.67)
// Different generators: agreement within 0.05 (the seeds' own spread is 0.02,
// BCa and percentile differ by 0.13-0.22, so the tolerance separates them).
TEST(BootstrapTest, AgreesWithSciPyBcaAndPercentile) {
  BootstrapOptions options;
  options.resamples = 100000;
  const ConfidenceInterval bca = BootstrapConfidenceInterval(kX, MeanOf, options);
  ASSERT_EQ(bca.status, StatStatus::kOk);
  EXPECT_NEAR(bca.lower, 3.095, 0.05);
  EXPECT_NEAR(bca.upper, 5.87, 0.05);
  options.method = BootstrapMethod::kPercentile;
  const ConfidenceInterval percentile = BootstrapConfidenceInterval(kX, MeanOf, options);
  EXPECT_NEAR(percentile.lower, 2.97, 0.05);
  EXPECT_NEAR(percentile.upper, 5.663, 0.05);
}

// rng = np.random.default_rng(7); y = np.round(rng.lognormal(3.0, 0.4, 40), 4)
// bootstrap((y,), np.mean, method="BCa", n_resamples=100000, random_state=1|2)
//   -> (16.39552867022521, 19.96183050692881), (16.409039999999997, 19.988560190865996)
TEST(BootstrapTest, AgreesWithSciPyOnSkewedData) {
  const std::vector<double> y = {
      20.0954, 22.635,  17.9995, 14.066,  16.7455, 13.5088, 20.5746, 34.3323, 16.496,  15.671,
      24.4331, 23.1676, 20.9506, 13.8435, 19.8519, 26.5259, 11.7319, 16.7258, 9.3887,  11.9913,
      9.6148,  18.2829, 12.0978, 22.3876, 21.3852, 18.6385, 7.3397,  16.1921, 19.6996, 21.0168,
      10.8911, 16.5916, 13.5799, 14.5336, 30.703,  14.5412, 19.8259, 28.61,   15.9038, 19.2079};
  BootstrapOptions options;
  options.resamples = 100000;
  const ConfidenceInterval bca = BootstrapConfidenceInterval(y, MeanOf, options);
  ASSERT_EQ(bca.status, StatStatus::kOk);
  EXPECT_NEAR(bca.lower, 16.40, 0.06);
  EXPECT_NEAR(bca.upper, 19.975, 0.06);
}

// The same seed gives the same interval on every machine: pinned values
// from this implementation (xoshiro256** + Lemire, no std:: distributions).
TEST(BootstrapTest, SeededAndReproducible) {
  BootstrapOptions options;
  options.resamples = 2000;
  options.seed = 42;
  const ConfidenceInterval a = BootstrapConfidenceInterval(kX, MedianOf, options);
  const ConfidenceInterval b = BootstrapConfidenceInterval(kX, MedianOf, options);
  ASSERT_EQ(a.status, StatStatus::kOk);
  EXPECT_EQ(a.lower, b.lower);
  EXPECT_EQ(a.upper, b.upper);
  EXPECT_EQ(a.lower, 2.4500000000000002);
  EXPECT_EQ(a.upper, 5.0);
  options.seed = 43;
  const ConfidenceInterval c = BootstrapConfidenceInterval(kX, MeanOf, options);
  options.seed = 42;
  const ConfidenceInterval d = BootstrapConfidenceInterval(kX, MeanOf, options);
  EXPECT_NE(c.lower, d.lower);
}

TEST(BootstrapTest, EdgeInputs) {
  EXPECT_EQ(BootstrapConfidenceInterval({}, MeanOf).status, StatStatus::kEmpty);
  EXPECT_EQ(BootstrapConfidenceInterval(std::vector<double>{1.0}, MeanOf).status, StatStatus::kTooFew);
  EXPECT_EQ(BootstrapConfidenceInterval(std::vector<double>(5, 2.0), MeanOf).status,
            StatStatus::kAllEqual);
  std::vector<double> bad = kX;
  bad[0] = -std::numeric_limits<double>::infinity();
  EXPECT_EQ(BootstrapConfidenceInterval(bad, MeanOf).status, StatStatus::kNonFinite);
  BootstrapOptions options;
  options.level = 1.5;
  EXPECT_EQ(BootstrapConfidenceInterval(kX, MeanOf, options).status, StatStatus::kInvalidArgument);
  options.level = 0.95;
  options.resamples = 1;
  EXPECT_EQ(BootstrapConfidenceInterval(kX, MeanOf, options).status, StatStatus::kInvalidArgument);
}

}  // namespace
}  // namespace benchgate
