// The Wilcoxon signed-rank test against SciPy, and the one-sample
// Hodges-Lehmann estimate with its Tukey interval against hand calculation
// and a brute-force enumeration of the signed-rank distribution.
//
// SciPy values: SciPy 1.10.1 (/usr/bin/python3, Debian 12), for each d
//   scipy.stats.wilcoxon(d, alternative="two-sided", zero_method="wilcox",
//                        method=M)  # M as named in each test
// printed with repr().
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "stats/signed_rank.h"

namespace benchgate {
namespace {

void ExpectRelative(double actual, double expected, double tolerance = 1e-12) {
  EXPECT_NEAR(actual, expected, tolerance * std::abs(expected)) << "expected " << expected;
}

std::vector<double> SinSeries(int n, double step, double offset) {
  std::vector<double> d;
  for (int i = 1; i <= n; ++i) d.push_back(std::sin(i * step) + offset);
  return d;
}

TEST(SignedRankTest, ExactWithoutTiesMatchesScipy) {
  // SciPy method="exact". Hand: 2 P(W+ <= 9) = 2 x 33/1024.
  const std::vector<double> d = {0.8, -0.3, 1.9, 0.45, 1.1, -0.05, 2.3, 0.7, 1.5, -0.9};
  const SignedRankResult r = SignedRankTest(d);
  ASSERT_EQ(r.status, StatStatus::kOk);
  EXPECT_EQ(r.method, SignedRankMethod::kExact);
  EXPECT_EQ(r.n, 10u);
  EXPECT_DOUBLE_EQ(r.statistic, 9.0);
  // Hand: ranks of |d| 0.05 0.3 0.45 0.7 0.8 0.9 1.1 1.5 1.9 2.3 are 1..10;
  // the negative ones are 0.05, 0.3, 0.9: r_minus = 1 + 2 + 6 = 9.
  EXPECT_DOUBLE_EQ(r.r_minus, 9.0);
  EXPECT_DOUBLE_EQ(r.r_plus, 46.0);
  EXPECT_DOUBLE_EQ(r.p_value, 0.064453125);  // SciPy; 66/1024
}

TEST(SignedRankTest, AllPositiveSixIsTwoOverSixtyFour) {
  // Hand: P(W+ = 21) = 1/64, two-sided 2/64. SciPy method="exact": 0.03125.
  const SignedRankResult r = SignedRankTest(std::vector<double>{0.1, 0.2, 0.3, 0.4, 0.5, 0.6});
  ASSERT_EQ(r.status, StatStatus::kOk);
  EXPECT_EQ(r.method, SignedRankMethod::kExact);
  EXPECT_DOUBLE_EQ(r.statistic, 0.0);
  EXPECT_DOUBLE_EQ(r.p_value, 2.0 / 64);
}

TEST(SignedRankTest, TiesUseTheCorrectedNormalApproximation) {
  // SciPy method="approx".
  const std::vector<double> d = {0.3, 0.3, -0.1, 0.5, 0.5, 0.5, -0.3, 0.2, 0.8, 0.1, 0.1, 0.9};
  const SignedRankResult r = SignedRankTest(d);
  ASSERT_EQ(r.status, StatStatus::kOk);
  EXPECT_EQ(r.method, SignedRankMethod::kAsymptotic);
  EXPECT_TRUE(r.has_ties);
  EXPECT_DOUBLE_EQ(r.statistic, 8.0);
  ExpectRelative(r.p_value, 0.014559996690942713);
}

TEST(SignedRankTest, ZerosAreDroppedAndForceTheApproximation) {
  // SciPy method="approx" (SciPy's "exact" switches to it with zeros too).
  const std::vector<double> d = {0, 0.2, -0.1, 0.4, 0, 0.6, 0.3, -0.2, 0.5, 0.7};
  const SignedRankResult r = SignedRankTest(d);
  ASSERT_EQ(r.status, StatStatus::kOk);
  EXPECT_EQ(r.method, SignedRankMethod::kAsymptotic);
  EXPECT_EQ(r.n, 8u);
  EXPECT_EQ(r.zeros, 2u);
  EXPECT_DOUBLE_EQ(r.statistic, 3.5);
  ExpectRelative(r.p_value, 0.04206273335676607);
  const SignedRankResult exact = SignedRankTest(d, SignedRankMethod::kExact);
  EXPECT_EQ(exact.method, SignedRankMethod::kAsymptotic);
  EXPECT_DOUBLE_EQ(exact.p_value, r.p_value);
}

TEST(SignedRankTest, SixEqualRatiosAsTheSlowedFixtureGives) {
  // Hand: one tie group of 6, T = 0, mean 10.5, variance (546 - 105) / 24 =
  // 18.375, z = -10.5 / sqrt(18.375) = -2.4495, p = 2 Phi(z).
  // SciPy method="approx".
  const SignedRankResult r = SignedRankTest(std::vector<double>(6, std::log(1.3)));
  ASSERT_EQ(r.status, StatStatus::kOk);
  EXPECT_EQ(r.method, SignedRankMethod::kAsymptotic);
  ExpectRelative(r.z, -10.5 / std::sqrt(18.375));
  ExpectRelative(r.p_value, 0.014305878435429648);
}

TEST(SignedRankTest, AboveFiftyTheApproximationIsUsed) {
  // d_i = sin(1.7 i) + 0.1, i = 1..60. SciPy method="approx".
  const SignedRankResult r = SignedRankTest(SinSeries(60, 1.7, 0.1));
  ASSERT_EQ(r.status, StatStatus::kOk);
  EXPECT_EQ(r.method, SignedRankMethod::kAsymptotic);
  EXPECT_DOUBLE_EQ(r.statistic, 715.0);
  ExpectRelative(r.p_value, 0.14093432293222757);
}

TEST(SignedRankTest, ExactAtFifty) {
  // d_i = sin(2.3 i) + 0.2, i = 1..50. SciPy method="exact".
  const SignedRankResult r = SignedRankTest(SinSeries(50, 2.3, 0.2));
  ASSERT_EQ(r.status, StatStatus::kOk);
  EXPECT_EQ(r.method, SignedRankMethod::kExact);
  EXPECT_DOUBLE_EQ(r.statistic, 408.0);
  ExpectRelative(r.p_value, 0.02616696817119646);
}

TEST(SignedRankTest, ExactAskedWithTiesTruncatesAsScipyDoes) {
  // SciPy method="exact" on ties: the average-rank sum truncated.
  const std::vector<double> d = {1, 1, 2, 3, -1, 4, 5};
  const SignedRankResult r = SignedRankTest(d, SignedRankMethod::kExact);
  ASSERT_EQ(r.status, StatStatus::kOk);
  EXPECT_EQ(r.method, SignedRankMethod::kExact);
  EXPECT_DOUBLE_EQ(r.statistic, 2.0);
  EXPECT_DOUBLE_EQ(r.p_value, 0.046875);
  EXPECT_EQ(SignedRankTest(d).method, SignedRankMethod::kAsymptotic);  // auto: ties
}

TEST(SignedRankTest, EdgeCasesHaveAStatusAndNoEvidence) {
  EXPECT_EQ(SignedRankTest(std::vector<double>{}).status, StatStatus::kEmpty);
  const SignedRankResult zeros = SignedRankTest(std::vector<double>(6, 0.0));
  EXPECT_EQ(zeros.status, StatStatus::kAllEqual);  // SciPy raises here
  EXPECT_EQ(zeros.p_value, 1.0);
  EXPECT_EQ(SignedRankTest(std::vector<double>{1, NAN}).status, StatStatus::kNonFinite);
}

// P(W+ <= w) by enumerating all 2^n sign patterns of the ranks 1..n.
std::vector<double> BruteForceCdf(int n) {
  const int total = n * (n + 1) / 2;
  std::vector<double> counts(static_cast<std::size_t>(total) + 1, 0);
  for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
    int sum = 0;
    for (int rank = 1; rank <= n; ++rank) {
      if ((mask >> (rank - 1)) & 1u) sum += rank;
    }
    ++counts[static_cast<std::size_t>(sum)];
  }
  double cumulative = 0;
  for (double& c : counts) {
    cumulative += c;
    c = cumulative / static_cast<double>(1u << n);
  }
  return counts;
}

TEST(SignedRankCdfTest, EqualsBruteForceEnumeration) {
  for (const int n : {1, 5, 10, 14}) {
    const std::vector<double> cdf = BruteForceCdf(n);
    for (std::size_t w = 0; w < cdf.size(); ++w) {
      EXPECT_NEAR(SignedRankCdf(static_cast<std::size_t>(n), static_cast<double>(w)), cdf[w], 1e-15)
          << "n=" << n << " w=" << w;
    }
  }
  // Tables: n = 10, P(W+ <= 8) = 25/1024.
  EXPECT_DOUBLE_EQ(SignedRankCdf(10, 8), 25.0 / 1024);
}

std::vector<double> SortedWalsh(const std::vector<double>& d) {
  std::vector<double> walsh;
  for (std::size_t i = 0; i < d.size(); ++i) {
    for (std::size_t j = i; j < d.size(); ++j) walsh.push_back((d[i] + d[j]) / 2);
  }
  std::sort(walsh.begin(), walsh.end());
  return walsh;
}

TEST(HodgesLehmannOneSampleTest, SixValuesByHand) {
  // Walsh averages of 1..6: 21 values, median 3.5. R: qsignrank(0.025, 6) = 1
  // (P(W+ <= 0) = 1/64 < 0.025 <= P(W+ <= 1) = 2/64), so [W_(1), W_(21)] =
  // [1, 6] with coverage 1 - 2/64.
  const OneSampleShift s = HodgesLehmannOneSample(std::vector<double>{3, 1, 6, 2, 5, 4});
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_DOUBLE_EQ(s.estimate, 3.5);
  EXPECT_DOUBLE_EQ(s.lower, 1);
  EXPECT_DOUBLE_EQ(s.upper, 6);
  EXPECT_DOUBLE_EQ(s.coverage, 1 - 2.0 / 64);
  EXPECT_TRUE(s.exact);
}

TEST(HodgesLehmannOneSampleTest, TenValuesAgainstBruteForce) {
  // R's exact case: k = qsignrank(0.025, 10), the smallest q with
  // P(W+ <= q) >= 0.025, from the enumeration: 9 (P(W+ <= 8) = 25/1024).
  // Interval [W_(k), W_(55 - k + 1)] of the Walsh averages listed here.
  const std::vector<double> d = {0.8, -0.3, 1.9, 0.45, 1.1, -0.05, 2.3, 0.7, 1.5, -0.9};
  const std::vector<double> cdf = BruteForceCdf(10);
  std::size_t k = 0;
  while (cdf[k] < 0.025) ++k;
  ASSERT_EQ(k, 9u);
  const std::vector<double> walsh = SortedWalsh(d);
  ASSERT_EQ(walsh.size(), 55u);
  const OneSampleShift s = HodgesLehmannOneSample(d);
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_DOUBLE_EQ(s.estimate, walsh[27]);
  EXPECT_DOUBLE_EQ(s.lower, walsh[k - 1]);
  EXPECT_DOUBLE_EQ(s.upper, walsh[55 - k]);
  EXPECT_DOUBLE_EQ(s.coverage, 1 - 2 * cdf[k - 1]);
}

TEST(HodgesLehmannOneSampleTest, LargeSamplesUseTheNormalCriticalValueWithinOneOfExact) {
  const std::vector<double> d = SinSeries(60, 1.7, 0.1);
  const OneSampleShift s = HodgesLehmannOneSample(d);
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_FALSE(s.exact);
  const std::vector<double> walsh = SortedWalsh(d);
  const auto lower_index = static_cast<std::size_t>(
      std::lower_bound(walsh.begin(), walsh.end(), s.lower) - walsh.begin());
  std::size_t exact_k = 0;
  while (SignedRankCdf(60, static_cast<double>(exact_k)) < 0.025) ++exact_k;
  EXPECT_LE(std::abs(static_cast<double>(lower_index + 1) - static_cast<double>(exact_k)), 1.0);
  EXPECT_DOUBLE_EQ(s.upper, walsh[walsh.size() - lower_index - 1]);
}

TEST(HodgesLehmannOneSampleTest, EdgeCases) {
  // Five values: even [min, max] covers only 1 - 2/32 = 93.75% < 95%.
  EXPECT_EQ(HodgesLehmannOneSample(std::vector<double>{1, 2, 3, 4, 5}).status, StatStatus::kTooFew);
  EXPECT_EQ(HodgesLehmannOneSample(std::vector<double>{}).status, StatStatus::kEmpty);
  EXPECT_EQ(HodgesLehmannOneSample(std::vector<double>{1, 2, 3, 4, 5, 6}, 1.5).status,
            StatStatus::kInvalidArgument);
  // Every value equal: the interval is that value.
  const OneSampleShift same = HodgesLehmannOneSample(std::vector<double>(6, 0.25));
  ASSERT_EQ(same.status, StatStatus::kOk);
  EXPECT_EQ(same.estimate, 0.25);
  EXPECT_EQ(same.lower, 0.25);
  EXPECT_EQ(same.upper, 0.25);
}

}  // namespace
}  // namespace benchgate
