// SequentialSignedRankP: the signed-rank test looked at after every round.
// References: the exact two-sided p-value of n differences all on one side
// is 2 / 2^n (SciPy: wilcoxon(range(1, n + 1)).pvalue); the repeated
// p-value of 2/256 over looks 6..30 is 0.0419 (4,000,000 walks in NumPy,
// stats_repeated_normal_looks_test); and seeded null data with bursts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "stats/burst_rounds.h"
#include "stats/sequential_signed_rank.h"
#include "stats/signed_rank.h"
#include "support/simulation.h"

namespace benchgate {
namespace {

TEST(SequentialSignedRankTest, OneBeforeTheFirstLookThenTheSmallestPValueSoFar) {
  const RepeatedNormalLooks& looks = RepeatedNormalLooks::For(6, 30);
  std::vector<double> d = {0.02, 0.03, 0.025, 0.04, 0.01};
  EXPECT_EQ(SequentialSignedRankP(d, looks), 1.0);
  // Eight rounds on one side: 2/256, repeated over the looks.
  const std::vector<double> eight = {0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08};
  EXPECT_DOUBLE_EQ(SequentialSignedRankP(eight, looks), looks.RepeatedP(2.0 / 256));
  EXPECT_NEAR(SequentialSignedRankP(eight, looks), 0.0419, 6e-4);
  // Later rounds the other way do not raise it: the eighth look stands.
  std::vector<double> more = eight;
  for (int i = 1; i <= 8; ++i) more.push_back(-0.01 * i - 0.005);
  EXPECT_DOUBLE_EQ(SequentialSignedRankP(more, looks), looks.RepeatedP(2.0 / 256));
  // Rounds beyond the last look are not looked at.
  const RepeatedNormalLooks& short_design = RepeatedNormalLooks::For(6, 7);
  EXPECT_DOUBLE_EQ(SequentialSignedRankP(eight, short_design), short_design.RepeatedP(2.0 / 128));
}

TEST(SequentialSignedRankTest, NeverRisesAsRoundsAreAdded) {
  const RepeatedNormalLooks& looks = RepeatedNormalLooks::For(6, 30);
  std::vector<double> d = {0.02, 0.03, 0.025, 0.04, 0.01};
  double previous = 1;
  for (int n = 6; n <= 30; ++n) {
    d.push_back(n % 5 == 0 ? -0.5 : 0.02 + 0.001 * n);  // a burst now and then
    const double p = SequentialSignedRankP(d, looks);
    EXPECT_LE(p, previous) << n;
    previous = p;
  }
  // 25 of 30 rounds up; the five bursts down hold the top ranks, each
  // outweighing any five rounds up: 0.023, where the rounds up alone give
  // far less.
  EXPECT_LT(previous, 0.03);
}

// Seeded null data, symmetric about zero, with bursts (2% of the rounds
// +-20..100%): the repeated p-value after 30 rounds (the smallest over the
// 25 looks, through the design) is at most 0.05 in at most 5% of the
// sequences, up to three binomial standard errors; the plain p-value looked
// at 25 times is, far more often (Armitage's inflation), so the check can
// fail.
TEST(SequentialSignedRankTest, NullSequencesWithBurstsCrossNoMoreOftenThanTheLevel) {
  const RepeatedNormalLooks& looks = RepeatedNormalLooks::For(6, 30);
  test::Draws draws(20261203);
  constexpr int kSequences = 2000;
  int repeated = 0, plain = 0;
  for (int s = 0; s < kSequences; ++s) {
    std::vector<double> d;
    bool crossed = false;
    for (int n = 1; n <= 30; ++n) {
      double x = 0.003 * draws.Normal();
      if (draws.Uniform() < 0.02) x += (draws.Uniform() < 0.5 ? 1 : -1) * draws.Between(0.2, 1.0);
      d.push_back(x);
      if (n >= 6) crossed = crossed || SignedRankTest(d).p_value <= 0.05;
    }
    repeated += SequentialSignedRankP(d, looks) <= 0.05 ? 1 : 0;
    plain += crossed ? 1 : 0;
  }
  const double error = std::sqrt(0.05 * 0.95 / kSequences);
  EXPECT_LE(repeated, kSequences * (0.05 + 3 * error));
  EXPECT_GT(plain, kSequences * 0.15);
  RecordProperty("repeated_at_most_0_05", repeated);
  RecordProperty("plain_crossed_0_05", plain);
}

TEST(WithoutBurstsTest, SetsAsideRoundsBeyondFiveTimesTheMedianSize) {
  // |d| = 0.01, 0.02, 0.01, 0.5, 0.015, 0.02, 0.012: median 0.015, limit
  // 0.075: the one burst goes, whatever its sign; the rest keep their order.
  const std::vector<double> d = {0.01, -0.02, 0.01, -0.5, 0.015, 0.02, -0.012};
  EXPECT_EQ(WithoutBursts(d), (std::vector<double>{0.01, -0.02, 0.01, 0.015, 0.02, -0.012}));
  std::vector<double> up = d;
  up[3] = 0.5;
  EXPECT_EQ(WithoutBursts(up).size(), 6u);
  // Exactly at the limit stays; a median of zero sets nothing aside.
  EXPECT_EQ(WithoutBursts(std::vector<double>{0.01, 0.01, 0.05}).size(), 3u);
  EXPECT_EQ(WithoutBursts(std::vector<double>{0, 0, 0, 0.3}).size(), 4u);
  EXPECT_EQ(WithoutBursts(d, 0).size(), d.size());
  // A real 30% shift moves every |d| and their median with it.
  EXPECT_EQ(WithoutBursts(std::vector<double>{0.26, 0.27, 0.25, 0.28, 0.24, 0.26}).size(), 6u);
}

TEST(SequentialSignedRankTest, ABurstSetAsideNoLongerHoldsTheTopRank) {
  const RepeatedNormalLooks& looks = RepeatedNormalLooks::For(6, 30);
  // Nine rounds up and one baseline burst: kept, the burst takes rank 10
  // against the rest (SciPy: wilcoxon(d).pvalue = 0.0840, looks.RepeatedP
  // of it above 0.05); set aside, 9 of 9 up: 2 / 512 (SciPy: 0.0039).
  std::vector<double> d = {0.10, 0.101, 0.102, -0.9, 0.103, 0.104, 0.105, 0.106, 0.107, 0.108};
  EXPECT_NEAR(SignedRankTest(d).p_value, 0.0840, 1e-4);
  EXPECT_GT(SequentialSignedRankP(d, looks), 0.05);
  EXPECT_DOUBLE_EQ(SequentialSignedRankP(d, looks, kBurstFactor), looks.RepeatedP(2.0 / 512));
}

// The null data of NullSequencesWithBurstsCrossNoMoreOftenThanTheLevel
// (other seed), bursts set aside at every look: still within the level,
// since the kept rounds' signs stay fair coins.
TEST(SequentialSignedRankTest, SettingBurstsAsideKeepsTheLevel) {
  const RepeatedNormalLooks& looks = RepeatedNormalLooks::For(6, 30);
  test::Draws draws(20261204);
  constexpr int kSequences = 2000;
  int crossed = 0;
  for (int s = 0; s < kSequences; ++s) {
    std::vector<double> d;
    for (int n = 1; n <= 30; ++n) {
      double x = 0.003 * draws.Normal();
      if (draws.Uniform() < 0.05) x += (draws.Uniform() < 0.5 ? 1 : -1) * draws.Between(0.2, 1.0);
      d.push_back(x);
    }
    crossed += SequentialSignedRankP(d, looks, kBurstFactor) <= 0.05 ? 1 : 0;
  }
  EXPECT_LE(crossed, kSequences * (0.05 + 3 * std::sqrt(0.05 * 0.95 / kSequences)));
  RecordProperty("crossed_0_05", crossed);
}

}  // namespace
}  // namespace benchgate
