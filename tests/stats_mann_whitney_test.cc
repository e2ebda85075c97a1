// Reference values: SciPy 1.10.1 (Debian bookworm's python3-scipy), e.g.
//   from scipy.stats import mannwhitneyu
//   mannwhitneyu(x, y, alternative="two-sided", method="exact")
// printed with repr(); the generating script is quoted beside each case.
#include "benchgate/stats/mann_whitney.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace benchgate {
namespace {

constexpr double kRelative = 1e-9;

void ExpectP(const MannWhitneyResult& r, double expected) {
  ASSERT_EQ(r.status, StatStatus::kOk);
  EXPECT_NEAR(r.p_value, expected, std::fabs(expected) * kRelative) << "p=" << r.p_value;
}

struct Case {
  Alternative alternative;
  MannWhitneyMethod method;
  double p;
};

void CheckAll(const std::vector<double>& x, const std::vector<double>& y, double u1,
              const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const MannWhitneyResult r = MannWhitneyU(x, y, c.alternative, c.method);
    EXPECT_EQ(r.u1, u1);
    EXPECT_EQ(r.method, c.method);
    ExpectP(r, c.p);
  }
}

constexpr auto kTwo = Alternative::kTwoSided;
constexpr auto kLess = Alternative::kLess;
constexpr auto kGreater = Alternative::kGreater;
constexpr auto kExact = MannWhitneyMethod::kExact;
constexpr auto kAsym = MannWhitneyMethod::kAsymptotic;

// x = [19.2, 21.5, 20.1, 22.8, 18.7]; y = [23.4, 24.9, 22.1, 25.3, 26.0, 24.4, 23.9]
TEST(MannWhitneyTest, SmallSamplesAllAlternativesBothMethods) {
  CheckAll({19.2, 21.5, 20.1, 22.8, 18.7}, {23.4, 24.9, 22.1, 25.3, 26.0, 24.4, 23.9}, 1.0,
           {{kTwo, kExact, 0.005050505050505051},
            {kTwo, kAsym, 0.009366111633066719},
            {kLess, kExact, 0.0025252525252525255},
            {kLess, kAsym, 0.004683055816533359},
            {kGreater, kExact, 0.9987373737373736},
            {kGreater, kAsym, 0.9971169395428814}});
}

// SciPy's own docstring example (Ludbrook & Dudley): has ties.
// x = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
// y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
TEST(MannWhitneyTest, TiesUseTheTieCorrectedNormalApproximation) {
  const std::vector<double> x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
  const std::vector<double> y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
  CheckAll(x, y, 58.0,
           {{kTwo, kExact, 0.13591114767585355},
            {kTwo, kAsym, 0.13291945818531892},
            {kLess, kExact, 0.9432538050185106},
            {kLess, kAsym, 0.9442044002897128},
            {kGreater, kExact, 0.06795557383792677},
            {kGreater, kAsym, 0.06645972909265946}});
  const MannWhitneyResult automatic = MannWhitneyU(x, y);
  EXPECT_TRUE(automatic.has_ties);
  EXPECT_EQ(automatic.method, kAsym);  // ties: never exact in auto
}

// s1 = 1..50, s2 = 51..100: complete separation, p ~ 2e-29, relative precision kept.
TEST(MannWhitneyTest, ExtremeSeparationKeepsRelativePrecision) {
  std::vector<double> s1, s2;
  for (int i = 1; i <= 50; ++i) {
    s1.push_back(i);
    s2.push_back(i + 50);
  }
  CheckAll(s1, s2, 0.0,
           {{kTwo, kExact, 1.9823306042836686e-29},
            {kTwo, kAsym, 7.066071930388932e-18},
            {kLess, kExact, 9.911653021418343e-30},
            {kLess, kAsym, 3.533035965194466e-18},
            {kGreater, kExact, 1.0},
            {kGreater, kAsym, 1.0}});
  EXPECT_EQ(MannWhitneyU(s1, s2).method, kExact);  // auto: no ties, both <= 50
}

// rng = np.random.default_rng(12345); u = np.round(rng.normal(100, 5, 50), 6);
// v = np.round(rng.normal(103, 5, 50), 6)  (values printed by the script, pasted here)
TEST(MannWhitneyTest, FiftyVersusFiftyOverlapping) {
  const std::vector<double> u = {
      92.880875,  106.318642, 95.646691,  98.704134,  99.623283,  96.295577,  93.161036,
      103.244464, 101.805291, 90.235685,  111.737048, 104.842485, 96.203064,  104.510991,
      97.665234,  99.696552,  103.944222, 93.716659,  102.879288, 106.994895, 106.61149,
      98.501507,  104.514597, 91.892086,  99.209054,  102.24742,  93.281995,  99.591562,
      108.6237,   113.090797, 103.886807, 104.143166, 95.205058,  93.953059,  92.93854,
      102.707734, 103.759697, 96.706198,  93.856625,  101.287789, 101.564515, 99.345942,
      106.349916, 99.535188,  99.669246,  94.458928,  100.679784, 106.735389, 100.30572,
      100.354573};
  const std::vector<double> v = {
      105.168273, 104.387418, 105.651262, 105.683605, 106.09175,  99.024913,  104.500155,
      94.986492,  104.333994, 96.691881,  102.643646, 105.370249, 100.925731, 103.488583,
      94.797911,  98.713706,  106.441409, 97.227352,  106.252262, 96.0582,    98.463088,
      97.522873,  103.035728, 105.6718,   97.670961,  102.092636, 111.109759, 101.41304,
      98.920925,  104.932895, 101.881805, 99.491546,  94.021434,  107.091628, 100.144835,
      103.003928, 97.681786,  109.508573, 106.739365, 107.90438,  102.447907, 105.339593,
      107.453036, 108.115047, 104.561917, 102.690477, 101.202602, 99.25678,   98.172605,
      104.800173};
  CheckAll(u, v, 936.0,
           {{kTwo, kExact, 0.030250104170100524},
            {kTwo, kAsym, 0.03067892588235193},
            {kLess, kExact, 0.015125052085050262},
            {kLess, kAsym, 0.015339462941175965},
            {kGreater, kExact, 0.9851404031643805},
            {kGreater, kAsym, 0.9849247021192783}});
}

// big1 = np.arange(1, 10001, dtype=float); big2 = big1 + 150.5 (asymptotic)
TEST(MannWhitneyTest, TenThousandPerSideAsymptotic) {
  std::vector<double> a, b;
  for (int i = 1; i <= 10000; ++i) {
    a.push_back(i);
    b.push_back(i + 150.5);
  }
  CheckAll(a, b, 48506325.0,
           {{kTwo, kAsym, 0.000253548412120876},
            {kLess, kAsym, 0.000126774206060438},
            {kGreater, kAsym, 0.9998732270053812}});
  EXPECT_EQ(MannWhitneyU(a, b).method, kAsym);  // auto: beyond the exact bound
}

TEST(MannWhitneyTest, ExactBeyondItsBoundIsAnInvalidArgument) {
  const std::vector<double> big(51, 1.0), small = {2.0};
  EXPECT_EQ(MannWhitneyU(big, small, kTwo, kExact).status, StatStatus::kInvalidArgument);
}

// Hand calculation: identical values give U1 = n1 n2 / 2 and no information.
TEST(MannWhitneyTest, AllEqualIsExplicit) {
  const std::vector<double> same = {3, 3, 3, 3};
  const MannWhitneyResult r = MannWhitneyU(same, same);
  EXPECT_EQ(r.status, StatStatus::kAllEqual);
  EXPECT_EQ(r.p_value, 1.0);
  EXPECT_EQ(r.u1, 8.0);
}

TEST(MannWhitneyTest, EmptyAndNonFiniteInputs) {
  const std::vector<double> some = {1, 2, 3};
  EXPECT_EQ(MannWhitneyU({}, some).status, StatStatus::kEmpty);
  EXPECT_EQ(MannWhitneyU(some, {}).status, StatStatus::kEmpty);
  EXPECT_EQ(MannWhitneyU(some, {}).p_value, 1.0);
  const std::vector<double> nan = {1, std::numeric_limits<double>::quiet_NaN()};
  const std::vector<double> inf = {1, std::numeric_limits<double>::infinity()};
  EXPECT_EQ(MannWhitneyU(nan, some).status, StatStatus::kNonFinite);
  EXPECT_EQ(MannWhitneyU(some, inf).status, StatStatus::kNonFinite);
}

// Hand calculation: one value each, x < y: U1 = 0; exact P(U >= 1) = 1/2,
// two-sided 2 x 1/2 = 1.
TEST(MannWhitneyTest, OneValuePerSide) {
  const MannWhitneyResult r = MannWhitneyU(std::vector<double>{1.0}, std::vector<double>{2.0});
  EXPECT_EQ(r.status, StatStatus::kOk);
  EXPECT_EQ(r.u1, 0.0);
  EXPECT_EQ(r.p_value, 1.0);
}

// Hand calculation: m = n = 2 gives counts 1,1,2,1,1 over U = 0..4 (the
// Gaussian binomial [4 choose 2]_q = 1 + q + 2q^2 + q^3 + q^4).
TEST(MannWhitneyTest, ExactDistributionSmallCase) {
  const UDistribution d = ExactUDistribution(2, 2);
  EXPECT_EQ(d.total, 6.0);
  ASSERT_EQ(d.cdf.size(), 5u);
  EXPECT_DOUBLE_EQ(d.cdf[0], 1.0 / 6);
  EXPECT_DOUBLE_EQ(d.cdf[1], 2.0 / 6);
  EXPECT_DOUBLE_EQ(d.cdf[2], 4.0 / 6);
  EXPECT_DOUBLE_EQ(d.cdf[3], 5.0 / 6);
  EXPECT_DOUBLE_EQ(d.cdf[4], 1.0);
  // C(100, 50) = 100891344545564193334812497256 (exact integer).
  EXPECT_NEAR(ExactUDistribution(50, 50).total, 1.00891344545564193e29, 1e14);
  EXPECT_TRUE(ExactUDistribution(51, 2).cdf.empty());
}

TEST(MannWhitneyTest, MethodNames) {
  EXPECT_STREQ(MannWhitneyMethodName(kExact), "exact");
  EXPECT_STREQ(MannWhitneyMethodName(kAsym), "asymptotic");
}

}  // namespace
}  // namespace benchgate
