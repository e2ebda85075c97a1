// Reference values: R 4.2.2 (Debian r-base-core), printed with
// sprintf("%.17g", p.adjust(p, METHOD)) for METHOD "holm" and "BH"; the
// vector p is written beside each case.
#include "stats/multiple_testing.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace benchgate {
namespace {

void ExpectNear(const AdjustedPValues& actual, const std::vector<double>& expected) {
  ASSERT_EQ(actual.status, StatStatus::kOk);
  ASSERT_EQ(actual.adjusted.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_NEAR(actual.adjusted[i], expected[i], 1e-15) << "index " << i;
  }
}

// p <- c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9)
const std::vector<double> kP = {0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9};

TEST(MultipleTestingTest, HolmMatchesR) {
  ExpectNear(HolmAdjust(kP), {0.059999999999999998, 0.16, 0.14999999999999999,
                              0.035000000000000003, 0.40000000000000002, 0.16,
                              0.90000000000000002});
}

TEST(MultipleTestingTest, BenjaminiHochbergMatchesR) {
  ExpectNear(BenjaminiHochbergAdjust(kP),
             {0.035000000000000003, 0.055999999999999994, 0.055999999999999994,
              0.035000000000000003, 0.23333333333333336, 0.055999999999999994,
              0.90000000000000002});
}

// Three-way tie, an exact 0 and an exact 1, unsorted:
// q <- c(0.02, 0.001, 0.02, 0.5, 0.02, 0.0, 1.0, 0.049, 0.3, 0.011)
const std::vector<double> kQ = {0.02, 0.001, 0.02, 0.5, 0.02, 0.0, 1.0, 0.049, 0.3, 0.011};

TEST(MultipleTestingTest, TiesZerosAndOnesHolm) {
  ExpectNear(HolmAdjust(kQ), {0.14000000000000001, 0.0090000000000000011, 0.14000000000000001, 1,
                              0.14000000000000001, 0, 1, 0.19600000000000001,
                              0.89999999999999991, 0.087999999999999995});
}

TEST(MultipleTestingTest, TiesZerosAndOnesBenjaminiHochberg) {
  ExpectNear(BenjaminiHochbergAdjust(kQ),
             {0.033333333333333333, 0.0050000000000000001, 0.033333333333333333,
              0.55555555555555558, 0.033333333333333333, 0, 1, 0.070000000000000007, 0.375,
              0.033333333333333333});
}

// s <- (1:25)^2 / 700: Holm hits the cap of 1 from the 6th value on; BH's
// step-up minimum passes through the first values.
TEST(MultipleTestingTest, TwentyFiveIncreasingValues) {
  std::vector<double> s;
  for (int i = 1; i <= 25; ++i) s.push_back(i * i / 700.0);
  std::vector<double> holm = {0.035714285714285712, 0.13714285714285715, 0.29571428571428571,
                              0.50285714285714289, 0.75};
  holm.resize(25, 1.0);
  ExpectNear(HolmAdjust(s), holm);
  ExpectNear(BenjaminiHochbergAdjust(s),
             {0.035714285714285712, 0.071428571428571425, 0.10714285714285715,
              0.14285714285714285,  0.17857142857142855,  0.2142857142857143,
              0.25000000000000006,  0.2857142857142857,   0.3214285714285714,
              0.3571428571428571,   0.39285714285714285,  0.4285714285714286,
              0.4642857142857143,   0.50000000000000011,  0.53571428571428581,
              0.5714285714285714,   0.60714285714285721,  0.64285714285714279,
              0.6785714285714286,   0.71428571428571419,  0.75,
              0.7857142857142857,   0.82142857142857129,  0.85714285714285721,
              0.8928571428571429});
}

// r <- c(0.8, 0.6, 0.7): p.adjust(r, "holm") -> 1 1 1; "BH" -> 0.8 0.8 0.8.
// Hand calculation for one value: both adjustments leave it unchanged.
TEST(MultipleTestingTest, CapsAndSingleValues) {
  const std::vector<double> r = {0.8, 0.6, 0.7};
  ExpectNear(HolmAdjust(r), {1.0, 1.0, 1.0});
  ExpectNear(BenjaminiHochbergAdjust(r), {0.80000000000000004, 0.80000000000000004,
                                          0.80000000000000004});
  ExpectNear(BenjaminiHochbergAdjust(std::vector<double>{0.03}), {0.03});
  ExpectNear(HolmAdjust(std::vector<double>{0.03}), {0.03});
}

TEST(MultipleTestingTest, EmptyInputIsEmptyOutput) {
  EXPECT_EQ(HolmAdjust({}).status, StatStatus::kOk);
  EXPECT_TRUE(HolmAdjust({}).adjusted.empty());
  EXPECT_EQ(BenjaminiHochbergAdjust({}).status, StatStatus::kOk);
  EXPECT_TRUE(BenjaminiHochbergAdjust({}).adjusted.empty());
}

TEST(MultipleTestingTest, InvalidPValuesAreExplicit) {
  const std::vector<double> nan = {0.1, std::numeric_limits<double>::quiet_NaN()};
  EXPECT_EQ(HolmAdjust(nan).status, StatStatus::kNonFinite);
  EXPECT_TRUE(HolmAdjust(nan).adjusted.empty());
  EXPECT_EQ(BenjaminiHochbergAdjust(nan).status, StatStatus::kNonFinite);
  const std::vector<double> inf = {std::numeric_limits<double>::infinity()};
  EXPECT_EQ(HolmAdjust(inf).status, StatStatus::kNonFinite);
  EXPECT_EQ(BenjaminiHochbergAdjust(std::vector<double>{0.1, 1.5}).status,
            StatStatus::kInvalidArgument);
  EXPECT_EQ(HolmAdjust(std::vector<double>{-0.1}).status, StatStatus::kInvalidArgument);
  EXPECT_TRUE(HolmAdjust(std::vector<double>{-0.1}).adjusted.empty());
}

// Properties on 500 random p-values (fixed seed): each adjusted value lies
// in [p, 1]; the order of the p-values is kept (monotone); Holm is never
// below BH (FWER control is stricter than FDR control).
TEST(MultipleTestingTest, MonotoneBoundedAndOrdered) {
  std::mt19937_64 rng(20240611);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  std::vector<double> p(500);
  for (double& v : p) v = std::pow(uniform(rng), 3);  // skewed towards 0
  const AdjustedPValues holm = HolmAdjust(p);
  const AdjustedPValues bh = BenjaminiHochbergAdjust(p);
  ASSERT_EQ(holm.adjusted.size(), p.size());
  ASSERT_EQ(bh.adjusted.size(), p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    EXPECT_GE(bh.adjusted[i], p[i]);
    EXPECT_LE(holm.adjusted[i], 1.0);
    EXPECT_GE(holm.adjusted[i], bh.adjusted[i]);
    for (std::size_t j = 0; j < p.size(); j += 7) {
      if (p[i] < p[j]) {
        EXPECT_LE(holm.adjusted[i], holm.adjusted[j]);
        EXPECT_LE(bh.adjusted[i], bh.adjusted[j]);
      }
    }
  }
}

// Hand calculation: 500 null p-values evenly spread, p_(j) = j/501: BH's
// m p_(j) / j = 500/501 for every j, so every adjusted value is 500/501 and
// nothing is discovered at 0.05.
TEST(MultipleTestingTest, UniformNullsYieldNoDiscoveries) {
  std::vector<double> p;
  for (int i = 1; i <= 500; ++i) p.push_back(i / 501.0);
  const AdjustedPValues r = BenjaminiHochbergAdjust(p);
  ASSERT_EQ(r.adjusted.size(), 500u);
  for (const double adjusted : r.adjusted) EXPECT_NEAR(adjusted, 500.0 / 501.0, 1e-12);
}

}  // namespace
}  // namespace benchgate
