// Reference values: R 4.2.2 with x <- c(2.1, 3.5, 1.2, 8.9, 4.4, 5.0, 3.3, 2.8, 7.1, 4.0):
//   sprintf("%.17g", c(mean(x), sd(x), median(x), mad(x), mad(x, constant=1), IQR(x)))
//   -> 4.2300000000000004 2.3065366051964387 3.75 1.63086 1.1000000000000001 1.9249999999999998
//   sprintf("%.17g", quantile(x, c(.25,.5,.75,.9,.95,.99), type=7))
//   -> 2.9249999999999998 3.75 4.8499999999999996 7.2799999999999994 8.0899999999999981 8.7380000000000013
//   sprintf("%.17g", sd(x)/mean(x)) -> 0.54528052132303506
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "benchgate/stats/percentile.h"
#include "benchgate/stats/summary.h"
#include "stats/sort.h"

namespace benchgate {
namespace {

const std::vector<double> kX = {2.1, 3.5, 1.2, 8.9, 4.4, 5.0, 3.3, 2.8, 7.1, 4.0};
constexpr double kTol = 1e-12;

TEST(SummaryTest, MatchesR) {
  const Summary s = Summarize(kX);
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_EQ(s.n, 10u);
  EXPECT_EQ(s.min, 1.2);
  EXPECT_EQ(s.max, 8.9);
  EXPECT_NEAR(s.mean, 4.2300000000000004, kTol);
  EXPECT_NEAR(s.stddev, 2.3065366051964387, kTol);
  EXPECT_NEAR(s.median, 3.75, kTol);
  EXPECT_NEAR(s.mad, 1.1000000000000001, kTol);
  EXPECT_NEAR(s.mad_scaled, 1.63086, kTol);
  EXPECT_NEAR(s.cv, 0.54528052132303506, kTol);
  EXPECT_NEAR(s.iqr, 1.9249999999999998, kTol);
  EXPECT_NEAR(s.q1, 2.9249999999999998, kTol);
  EXPECT_NEAR(s.q3, 4.8499999999999996, kTol);
  EXPECT_NEAR(s.p50, 3.75, kTol);
  EXPECT_NEAR(s.p90, 7.2799999999999994, kTol);
  EXPECT_NEAR(s.p95, 8.0899999999999981, kTol);
  EXPECT_NEAR(s.p99, 8.7380000000000013, kTol);
}

TEST(SummaryTest, EmptyIsAllZero) {
  const Summary s = Summarize({});
  EXPECT_EQ(s.status, StatStatus::kEmpty);
  EXPECT_EQ(s.n, 0u);
  EXPECT_EQ(s.mean, 0.0);
  EXPECT_EQ(s.cv, 0.0);
}

TEST(SummaryTest, OneValueHasLocationButNoSpread) {
  const Summary s = Summarize(std::vector<double>{7.5});
  EXPECT_EQ(s.status, StatStatus::kTooFew);
  EXPECT_EQ(s.n, 1u);
  EXPECT_EQ(s.min, 7.5);
  EXPECT_EQ(s.max, 7.5);
  EXPECT_EQ(s.mean, 7.5);
  EXPECT_EQ(s.median, 7.5);
  EXPECT_EQ(s.p99, 7.5);
  EXPECT_EQ(s.stddev, 0.0);
  EXPECT_EQ(s.mad, 0.0);
  EXPECT_EQ(s.cv, 0.0);
  EXPECT_EQ(s.iqr, 0.0);
  EXPECT_TRUE(s.all_equal);
}

TEST(SummaryTest, AllEqualHasZeroSpreadNotNaN) {
  const Summary s = Summarize(std::vector<double>(8, 3.0));
  EXPECT_EQ(s.status, StatStatus::kOk);
  EXPECT_EQ(s.stddev, 0.0);
  EXPECT_EQ(s.mad, 0.0);
  EXPECT_EQ(s.cv, 0.0);
  EXPECT_EQ(s.iqr, 0.0);
  EXPECT_EQ(s.p90, 3.0);
  EXPECT_TRUE(s.all_equal);
  EXPECT_FALSE(Summarize(kX).all_equal);
}

TEST(SummaryTest, NonFiniteInputIsExplicit) {
  for (const double bad :
       {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity()}) {
    const Summary s = Summarize(std::vector<double>{1.0, bad, 3.0});
    EXPECT_EQ(s.status, StatStatus::kNonFinite);
    EXPECT_EQ(s.n, 3u);
    EXPECT_EQ(s.mean, 0.0);
    EXPECT_EQ(s.max, 0.0);
    EXPECT_EQ(s.median, 0.0);
    EXPECT_EQ(s.stddev, 0.0);
  }
}

// Hand calculation: mean 0 (values -1, 1): the CV is undefined and reported as 0.
TEST(SummaryTest, ZeroMeanGivesZeroCv) {
  const Summary s = Summarize(std::vector<double>{-1.0, 1.0});
  EXPECT_EQ(s.mean, 0.0);
  EXPECT_EQ(s.cv, 0.0);
  EXPECT_NEAR(s.stddev, 1.4142135623730951, kTol);  // sqrt(2)
}

// Stability: a large common offset must not swamp the variance (a naive
// sum-of-squares formula loses every digit here). Hand calculation: values
// 1e9 + {1, 2, 3} have sd 1.
TEST(SummaryTest, VarianceIsNumericallyStable) {
  const Summary s = Summarize(std::vector<double>{1e9 + 1, 1e9 + 2, 1e9 + 3});
  EXPECT_NEAR(s.stddev, 1.0, 1e-9);
}

// Percentiles() must equal the sort-based definition (QuantileOfSorted of a
// full sort) exactly, at every probability.
void ExpectEqualsSorting(const std::vector<double>& values,
                         const std::vector<double>& probabilities, const std::string& label) {
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const std::vector<double> got = Percentiles(values, probabilities);
  ASSERT_EQ(got.size(), probabilities.size()) << label;
  for (std::size_t i = 0; i < probabilities.size(); ++i) {
    EXPECT_EQ(got[i], QuantileOfSorted(sorted, probabilities[i]))
        << label << " " << probabilities[i];
  }
}

// Selection-based percentiles equal the sort-based definition exactly.
TEST(PercentilesTest, SelectionEqualsSortingOnSeededData) {
  std::mt19937_64 rng(2024);
  std::lognormal_distribution<double> lognormal(0.0, 1.0);
  std::vector<double> values(1001);
  for (double& v : values) v = lognormal(rng);
  ExpectEqualsSorting(values, {0.99, 0.0, 0.5, 0.123, 1.0, 0.9, 0.25}, "1001");
}

TEST(PercentilesTest, EmptyOrNonFiniteGiveNothing) {
  const std::vector<double> half = {0.5};
  EXPECT_TRUE(Percentiles({}, half).empty());
  EXPECT_TRUE(
      Percentiles(std::vector<double>{1, std::numeric_limits<double>::quiet_NaN()}, half).empty());
  EXPECT_EQ(Percentiles(std::vector<double>{4.0}, half), std::vector<double>{4.0});
}

// Large inputs: the selection (std::nth_element per rank, the next rank as
// the minimum of the rest) must equal the sort-based definition exactly,
// also for heavy ties, already sorted, reverse sorted, and huge outliers.
std::vector<double> LargeData(int kind) {
  std::mt19937_64 rng(77);
  std::lognormal_distribution<double> lognormal(3.0, 0.5);
  std::vector<double> values(200003);
  for (double& v : values) v = lognormal(rng);
  if (kind == 1) {
    for (double& v : values) v = std::round(v / 8);  // a handful of distinct values
  } else if (kind == 2) {
    std::sort(values.begin(), values.end());
  } else if (kind == 3) {
    std::sort(values.rbegin(), values.rend());
  } else if (kind == 4) {
    values[100] = 1e300;
    values[200] = -1e300;
  }
  return values;
}

TEST(PercentilesTest, LargeInputsEqualSortingExactly) {
  const std::vector<double> probabilities = {0.5, 0.9, 0.95, 0.99, 0.0, 1.0, 0.001, 0.25, 0.75};
  for (int kind = 0; kind <= 4; ++kind) {
    ExpectEqualsSorting(LargeData(kind), probabilities, "kind " + std::to_string(kind));
  }
}

// A NaN or an infinity anywhere in a large input gives no percentiles.
TEST(PercentilesTest, LargeInputsWithNonFiniteGiveNothing) {
  const std::vector<double> half = {0.5, 0.99};
  for (const double bad :
       {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    std::vector<double> values = LargeData(0);
    values[values.size() - 1] = bad;
    EXPECT_TRUE(Percentiles(values, half).empty());
    values[values.size() - 1] = 1.0;
    values[77] = -bad;
    EXPECT_TRUE(Percentiles(values, half).empty());
  }
}

// Many percentiles at once (adjacent and shared ranks) at several sizes,
// with ties: still the sort-based definition exactly.
TEST(PercentilesTest, ManyPercentilesAtManySizesEqualSorting) {
  std::mt19937_64 rng(5);
  std::exponential_distribution<double> exponential(1.0);
  std::vector<double> probabilities;
  for (int i = 0; i <= 40; ++i) probabilities.push_back(i / 40.0);
  for (const std::size_t n : {8191, 8192, 8193, 30000, 123457}) {
    std::vector<double> values(n);
    for (double& v : values) v = std::floor(exponential(rng) * 1000);  // ties
    ExpectEqualsSorting(values, probabilities, "n " + std::to_string(n));
  }
}

// Values with a large common offset (times in ns since some epoch): the
// interpolation keeps every digit below the shared leading ones.
TEST(PercentilesTest, LargeOffsetInputsEqualSorting) {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> normal(0.0, 1.0);
  for (const double offset : {1e9, 1e12, -1e15}) {
    std::vector<double> values(50001);
    for (double& v : values) v = offset + normal(rng);
    ExpectEqualsSorting(values, {0.01, 0.5, 0.9, 0.99}, "offset " + std::to_string(offset));
  }
}

// The radix sort of the rank tests equals std::sort, also for values that
// share a large offset (their keys differ only in the low digits) and for
// negative values and signed zeros.
TEST(SortDoublesTest, EqualsStdSort) {
  std::mt19937_64 rng(8);
  std::uniform_real_distribution<double> uniform(-1.0, 1.0);
  for (const double offset : {0.0, 1e9, -1e6}) {
    std::vector<double> values(5000);
    for (double& v : values) v = offset + uniform(rng);
    values[10] = 0.0;
    values[11] = -0.0;
    std::vector<double> exact = values;
    std::sort(exact.begin(), exact.end());
    SortDoubles(values);
    EXPECT_EQ(values, exact) << offset;
  }
}

// Threads selecting at the same time from different data each get their
// own answers (the selection holds no shared state).
TEST(PercentilesTest, ConcurrentCallsEqualSorting) {
  const std::vector<double> probabilities = {0.5, 0.9, 0.99};
  std::vector<std::vector<double>> inputs;
  std::vector<std::vector<double>> expected;
  for (int t = 0; t < 4; ++t) {
    inputs.push_back(LargeData(t % 2));
    for (double& v : inputs.back()) v += t;
    std::vector<double> sorted = inputs.back();
    std::sort(sorted.begin(), sorted.end());
    expected.emplace_back();
    for (const double q : probabilities) expected.back().push_back(QuantileOfSorted(sorted, q));
  }
  std::vector<std::vector<double>> got(inputs.size());
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < inputs.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) got[t] = Percentiles(inputs[t], probabilities);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t t = 0; t < inputs.size(); ++t) EXPECT_EQ(got[t], expected[t]) << t;
}

// Heavy ties: all equal, two values, and one value in 90% of the places.
TEST(PercentilesTest, LargeTiedInputsEqualSorting) {
  const std::vector<double> probabilities = {0.0, 0.05, 0.5, 0.9, 0.95, 0.99, 1.0};
  for (int kind = 0; kind < 3; ++kind) {
    std::vector<double> values(100001, 7.0);
    std::mt19937_64 rng(kind);
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (kind == 1) values[i] = static_cast<double>(rng() % 2);
      if (kind == 2 && rng() % 10 == 0) values[i] = static_cast<double>(rng() % 1000);
    }
    ExpectEqualsSorting(values, probabilities, "tied kind " + std::to_string(kind));
  }
}

// The same holds for every field of Summarize on a large sample (checked
// against a plain sort and the definitions).
TEST(SummaryTest, LargeSampleMatchesDefinitions) {
  const std::vector<double> values = LargeData(0);
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const Summary s = Summarize(values);
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_EQ(s.median, QuantileOfSorted(sorted, 0.5));
  EXPECT_EQ(s.q1, QuantileOfSorted(sorted, 0.25));
  EXPECT_EQ(s.p99, QuantileOfSorted(sorted, 0.99));
  std::vector<double> deviations(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) deviations[i] = std::fabs(values[i] - s.median);
  EXPECT_EQ(s.mad, Median(deviations));
}

// Probabilities outside [0, 1] are clamped (documented), not rejected.
TEST(PercentilesTest, ProbabilitiesAreClamped) {
  const std::vector<double> probabilities = {-0.5, 1.5};
  EXPECT_EQ(Percentiles(kX, probabilities), (std::vector<double>{1.2, 8.9}));
}

}  // namespace
}  // namespace benchgate
