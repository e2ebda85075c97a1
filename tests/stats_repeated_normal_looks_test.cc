// RepeatedNormalLooks: the chance that a two-sided test looked at after each
// of K equal rounds crosses a constant nominal level at some look.
// References: Pocock's constants C_P(K, 0.05), the boundary |Z_k| >= C_P
// that crosses with 0.05 over K looks (Pocock 1977, Table 1; Jennison &
// Turnbull 2000, Table 2.1), and a seeded simulation of the sums.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "stats/normal.h"
#include "stats/repeated_normal_looks.h"

namespace benchgate {
namespace {

double TwoSided(double z) { return 2 * (1 - NormalCdf(z)); }

// The share of 200,000 seeded walks S_k (sums of N(0, 1)) that reach
// |S_k| >= c sqrt(k) at some look k = first..last.
double SimulatedCrossing(int first, int last, double c, std::uint64_t seed) {
  std::mt19937_64 engine(seed);
  std::normal_distribution<double> normal;
  int crossed = 0;
  constexpr int kWalks = 200000;
  for (int w = 0; w < kWalks; ++w) {
    double sum = 0;
    for (int k = 1; k <= last; ++k) {
      sum += normal(engine);
      if (k >= first && std::abs(sum) >= c * std::sqrt(static_cast<double>(k))) {
        ++crossed;
        break;
      }
    }
  }
  return static_cast<double>(crossed) / kWalks;
}

TEST(RepeatedNormalLooksTest, OneLookIsTheLevelItself) {
  const RepeatedNormalLooks& once = RepeatedNormalLooks::For(1, 1);
  EXPECT_DOUBLE_EQ(once.Crossing(0.05), 0.05);
  EXPECT_NEAR(once.Nominal(0.05), 0.05, 1e-9);
}

TEST(RepeatedNormalLooksTest, PococksConstantsCrossWithFivePercent) {
  // C_P(K, 0.05) to three decimals: the crossing chance at that boundary is
  // 0.05 to within what the rounding moves it (about 1e-4).
  const std::vector<std::pair<int, double>> pocock = {
      {2, 2.178}, {3, 2.289}, {4, 2.361}, {5, 2.413}, {6, 2.453}, {10, 2.555}, {20, 2.672}};
  for (const auto& [looks, c] : pocock) {
    EXPECT_NEAR(RepeatedNormalLooks::For(1, looks).Crossing(TwoSided(c)), 0.05, 2e-4) << looks;
  }
  // The nominal level of 4 looks (the runner's default rounds): 0.0182.
  EXPECT_NEAR(RepeatedNormalLooks::For(1, 4).Nominal(0.05), TwoSided(2.361), 1e-4);
}

TEST(RepeatedNormalLooksTest, BetweenTheLevelAndBonferroni) {
  for (const int looks : {2, 4, 8, 30}) {
    const RepeatedNormalLooks& l = RepeatedNormalLooks::For(1, looks);
    for (const double a : {1e-6, 1e-3, 0.01, 0.05}) {
      const double crossing = l.Crossing(a);
      EXPECT_GT(crossing, a) << looks << " " << a;
      EXPECT_LE(crossing, looks * a) << looks << " " << a;
    }
    EXPECT_EQ(l.Crossing(0), 0);
    EXPECT_EQ(l.Crossing(1), 1);
    EXPECT_NEAR(l.Crossing(l.Nominal(0.01)), 0.01, 1e-8) << looks;
  }
}

TEST(RepeatedNormalLooksTest, RepeatedPFollowsTheCrossingChance) {
  // The interpolated table against the computation itself, between and
  // beyond its points.
  for (const auto& [first, last] : std::vector<std::pair<int, int>>{{1, 4}, {2, 4}, {2, 6}}) {
    const RepeatedNormalLooks& looks = RepeatedNormalLooks::For(first, last);
    for (const double p : {3e-14, 2.2e-9, 1.0825e-5, 0.0037, 0.02, 0.31, 0.97}) {
      EXPECT_NEAR(looks.RepeatedP(p) / looks.Crossing(p), 1, 1e-3) << first << " " << p;
    }
    EXPECT_EQ(looks.RepeatedP(1), 1);
  }
}

TEST(RepeatedNormalLooksTest, LaterLooksOnlyAgreeWithASimulation) {
  // Looks at rounds 2..4 only (the runner's extra rounds): 200,000 seeded
  // walks, each look at the nominal level for 5%.
  const RepeatedNormalLooks& looks = RepeatedNormalLooks::For(2, 4);
  const double c = NormalQuantile(1 - looks.Nominal(0.05) / 2);
  EXPECT_LT(looks.Nominal(0.05), 0.05);
  EXPECT_GT(looks.Nominal(0.05), RepeatedNormalLooks::For(1, 3).Nominal(0.05));  // more alike
  // The runner's later looks for 4 rounds at 0.35 of 5%: 0.00805, from
  // SciPy's multivariate normal (Genz) on the looks' correlations sqrt(j/k):
  // brentq(lambda a: 1 - mvn(cov).cdf(c(a), lower_limit=-c(a)) - 0.0175).
  EXPECT_NEAR(looks.Nominal(0.0175), 0.008052494, 1e-4);
  EXPECT_NEAR(SimulatedCrossing(2, 4, c, 4), 0.05, 0.002);
}

TEST(RepeatedNormalLooksTest, AgreesWithASimulationOfTheSums) {
  // 200,000 seeded walks of 5 looks at the nominal level: the share that
  // crosses, 0.05 up to 4 binomial standard errors (0.002).
  const RepeatedNormalLooks& looks = RepeatedNormalLooks::For(1, 5);
  const double c = NormalQuantile(1 - looks.Nominal(0.05) / 2);
  EXPECT_NEAR(SimulatedCrossing(1, 5, c, 20261202), 0.05, 0.002);
}

TEST(RepeatedNormalLooksTest, BenchgateAbsLooksSixToThirty) {
  // benchgate-ab's sequential design (gate/sequential_analysis.h): looks at
  // rounds 6..30. Reference: 4,000,000 walks in NumPy (default_rng(7),
  // tests/reference/pocock_walks.py 30): the 95th percentile of
  // max |S_k| / sqrt(k) over k = 6..30 is 2.5909,
  // nominal 2 (1 - Phi(2.5909)) = 0.009573; the share of walks whose
  // smallest p-value is at most 2/256 (8 rounds all one side) is 0.04192,
  // at most 2/128 is 0.07631 (binomial standard errors 1e-4).
  const RepeatedNormalLooks& looks = RepeatedNormalLooks::For(6, 30);
  EXPECT_NEAR(looks.Nominal(0.05), 0.009573, 2e-4);
  EXPECT_NEAR(looks.Crossing(2.0 / 256), 0.04192, 6e-4);
  EXPECT_NEAR(looks.Crossing(2.0 / 128), 0.07631, 6e-4);
}

TEST(RepeatedNormalLooksTest, SuspectsLookOnToSixty) {
  // A suspect's regression test (gate/sequential_analysis.h) spends its
  // level over looks 6..60. Reference: 4,000,000 NumPy walks of 60 steps
  // (default_rng(7), tests/reference/pocock_walks.py 60): the 95th
  // percentile of max |S_k| / sqrt(k) over k = 6..60 is 2.7154, nominal 2 (1 - Phi(2.7154)) =
  // 0.006621; the share of walks whose smallest p-value is at most 2/256 is 0.05757, at most 2/512
  // is 0.03177 (binomial standard errors 1e-4).
  const RepeatedNormalLooks& looks = RepeatedNormalLooks::For(6, 60);
  EXPECT_NEAR(looks.Nominal(0.05), 0.006621, 2e-4);
  EXPECT_NEAR(looks.Crossing(2.0 / 256), 0.05757, 6e-4);
  EXPECT_NEAR(looks.Crossing(2.0 / 512), 0.03177, 6e-4);
  // Longer looking costs level: each look of 6..60 is held to less than
  // each look of 6..30.
  EXPECT_LT(looks.Nominal(0.05), RepeatedNormalLooks::For(6, 30).Nominal(0.05));
}

}  // namespace
}  // namespace benchgate
