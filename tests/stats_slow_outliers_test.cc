// One-sided (slow) outliers. Reference values are hand calculations, written
// out next to each case.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "stats/slow_outliers.h"

namespace benchgate {
namespace {

using Indices = std::vector<std::size_t>;

// The baseline of issue 11's first case: four repetitions inside a burst.
// Sorted: 277 278 278 279 280 281 309 396 542 542; median 280.5.
// Clean side (<= 280.5) distances: 3.5 2.5 2.5 1.5 0.5, squares summing to
// 27.25 -> scale sqrt(27.25 / 5) = 2.3345; fence 280.5 + 4.5 x 2.3345 =
// 291.01 (the floor, 0.005 x 280.5 = 1.4025, is smaller). Beyond: 396, 542,
// 542, 309 at positions 3, 4, 5, 6; 4 <= 0.4 x 10, a minority.
// Kept: 278 278 279 277 280 281. Their CV: mean 1673 / 6, squared
// deviations 65 / 6, sd sqrt(65 / 30), CV 0.5279%. Their clean side: median
// 278.5, distances 0.5 0.5 1.5, scale sqrt(2.75 / 3) = 0.9574, over 278.5:
// 0.3438%. The noise spread is the smaller, 0.3438%.
TEST(SlowOutliersTest, BurstInBaselineHandCalculated) {
  const std::vector<double> x = {278, 278, 279, 396, 542, 542, 309, 277, 280, 281};
  const SlowOutliers s = FindSlowOutliers(x);
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_DOUBLE_EQ(s.centre, 280.5);
  EXPECT_DOUBLE_EQ(s.clean_scale, std::sqrt(27.25 / 5));
  EXPECT_DOUBLE_EQ(s.fence, 280.5 + 4.5 * std::sqrt(27.25 / 5));
  EXPECT_EQ(s.indices, (Indices{3, 4, 5, 6}));
  EXPECT_FALSE(s.majority);
  EXPECT_DOUBLE_EQ(s.kept_spread, std::sqrt(2.75 / 3) / 278.5);
  const std::vector<double> kept = KeptValues(x, s);
  EXPECT_DOUBLE_EQ(KeptCv(kept), std::sqrt(65.0 / 30) / (1673.0 / 6));
  EXPECT_DOUBLE_EQ(CleanSideSpread(kept), std::sqrt(2.75 / 3) / 278.5);
  EXPECT_EQ(KeptValues(x, s), (std::vector<double>{278, 278, 279, 277, 280, 281}));
}

// Fast values are never set aside: interference does not make code faster.
// 100 101 102 103 104 and 50: median 101.5, clean distances 1.5 0.5 51.5,
// squares 2654.75 -> scale sqrt(2654.75 / 3) = 29.75, fence 235.4: nothing
// above (a fast value only widens the fence).
TEST(SlowOutliersTest, FastValuesStay) {
  const std::vector<double> x = {100, 101, 102, 103, 104, 50};
  const SlowOutliers s = FindSlowOutliers(x);
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_DOUBLE_EQ(s.fence, 101.5 + 4.5 * std::sqrt(2654.75 / 3));
  EXPECT_TRUE(s.indices.empty());
}

// The floor: a perfectly tight sample (scale 0) sets aside only values more
// than 0.5% above the centre. 1000 x 7, 1004, 1006: median 1000, scale 0,
// fence 1005 -> only 1006 (position 8). Kept 1000 x 7, 1004: CV sqrt(2) /
// 1000.5 (squared deviations 7 x 0.25 + 12.25 = 14), clean side 0: spread 0.
TEST(SlowOutliersTest, FloorKeepsTinyExcesses) {
  const std::vector<double> x = {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1004, 1006};
  const SlowOutliers s = FindSlowOutliers(x);
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_DOUBLE_EQ(s.clean_scale, 0.0);
  EXPECT_DOUBLE_EQ(s.fence, 1005.0);
  EXPECT_EQ(s.indices, (Indices{8}));
  EXPECT_DOUBLE_EQ(s.kept_spread, 0.0);
  EXPECT_DOUBLE_EQ(KeptCv(KeptValues(x, s)), std::sqrt(2.0) / 1000.5);
}

// A burst over most of the sample cannot be told from the clean part, so
// the rule refuses rather than guess. With max_share 0.3: 7 x 10 and 3 x 30
// -> median 10, clean distances all 0, fence 10 + 0.005 x 10 = 10.05, three
// beyond (3 <= 0.3 x 10): set aside. 6 x 10 and 4 x 30: four beyond, more
// than 3: nothing set aside, `majority`.
TEST(SlowOutliersTest, MajorityIsNotSetAside) {
  SlowOutlierRule rule;
  rule.max_share = 0.3;
  const std::vector<double> three = {10, 10, 10, 10, 10, 10, 10, 30, 30, 30};
  const SlowOutliers ok = FindSlowOutliers(three, rule);
  EXPECT_EQ(ok.indices, (Indices{7, 8, 9}));
  EXPECT_FALSE(ok.majority);
  const std::vector<double> four = {10, 10, 10, 10, 10, 10, 30, 30, 30, 30};
  const SlowOutliers refused = FindSlowOutliers(four, rule);
  EXPECT_TRUE(refused.indices.empty());
  EXPECT_TRUE(refused.majority);
  // Refused: the spread is that of all values. CV: mean 18, squared
  // deviations 6 x 64 + 4 x 144 = 960, sd sqrt(960 / 9); clean side: six
  // values at the median 10, spread 0. The smaller: 0.
  EXPECT_DOUBLE_EQ(refused.kept_spread, 0.0);
  EXPECT_DOUBLE_EQ(KeptCv(four), std::sqrt(960.0 / 9) / 18);
}

// Rates: interference lowers them, so the low side is set aside.
// 1000 1001 999 1000 1002 700: median 1000, clean (>= 1000) distances 0 1 0 2
// -> scale sqrt(5 / 4) = 1.118, fence 1000 - max(4.5 x 1.118, 5) = 994.97
// -> 700 (999 stays).
TEST(SlowOutliersTest, RatesSetAsideTheLowSide) {
  SlowOutlierRule rule;
  rule.slow_is_high = false;
  const std::vector<double> x = {1000, 1001, 999, 1000, 1002, 700};
  const SlowOutliers s = FindSlowOutliers(x, rule);
  ASSERT_EQ(s.status, StatStatus::kOk);
  EXPECT_DOUBLE_EQ(s.clean_scale, std::sqrt(1.25));
  EXPECT_DOUBLE_EQ(s.fence, 1000 - 4.5 * std::sqrt(1.25));
  EXPECT_EQ(s.indices, (Indices{5}));
}

TEST(SlowOutliersTest, EdgeCases) {
  EXPECT_EQ(FindSlowOutliers(std::vector<double>{}).status, StatStatus::kEmpty);
  const std::vector<double> nan = {1, 2, std::numeric_limits<double>::quiet_NaN(), 4, 5};
  EXPECT_EQ(FindSlowOutliers(nan).status, StatStatus::kNonFinite);
  // Four values: too few to set anything aside; the spread of all four.
  // 10 10 11 40: CV sqrt(220.25) / 17.75 = 83.6% (squared deviations from
  // 17.75 sum to 660.75); clean side: median 10.5, distances 0.5 0.5 -> 0.5,
  // over 10.5 = 4.76%. The smaller: 4.76%.
  const std::vector<double> four = {10, 10, 11, 40};
  const SlowOutliers s = FindSlowOutliers(four);
  EXPECT_EQ(s.status, StatStatus::kTooFew);
  EXPECT_TRUE(s.indices.empty());
  EXPECT_DOUBLE_EQ(s.kept_spread, 0.5 / 10.5);
  EXPECT_DOUBLE_EQ(KeptCv(four), std::sqrt(220.25) / 17.75);
  // All zeros: nothing to set aside, no spread, no division by zero.
  const std::vector<double> zeros(6, 0.0);
  const SlowOutliers z = FindSlowOutliers(zeros);
  EXPECT_EQ(z.status, StatStatus::kOk);
  EXPECT_TRUE(z.indices.empty());
  EXPECT_DOUBLE_EQ(z.kept_spread, 0.0);
}

// Rounds as blocks. Round 0: 100 101 102 100 101 (clean distances 1 0 1 0,
// scale sqrt(0.5), fence 104.2: nothing set aside, centre 101);
// round 1: 130 131 132 130 131 (centre 131), 29.7% slower. One-sided U test
// of round 1 against round 0: U1 = 25 of 25; with the ties (four pairs) the
// asymptotic p is 0.0056 by hand (sigma^2 = 25/12 (11 - 24/90) = 22.36,
// z = (25 - 12.5 - 0.5) / 4.729 = 2.538), below 0.01: round 1 disturbed.
TEST(DisturbedRoundsTest, SlowRoundSetAside) {
  const std::vector<double> x = {100, 101, 102, 100, 101, 130, 131, 132, 130, 131};
  const std::vector<std::uint32_t> rounds = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
  const RoundCheck check = FindDisturbedRounds(x, rounds, 0.025, 0.01);
  EXPECT_EQ(check.rounds, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(check.centres, (std::vector<double>{101, 131}));
  EXPECT_EQ(check.best, 0u);
  EXPECT_EQ(check.disturbed, (std::vector<std::uint32_t>{1}));
  // The same rounds in the other order: the first round is the disturbed one.
  const std::vector<std::uint32_t> swapped = {1, 1, 1, 1, 1, 0, 0, 0, 0, 0};
  const RoundCheck other = FindDisturbedRounds(x, swapped, 0.025, 0.01);
  EXPECT_EQ(other.best, 1u);
  EXPECT_EQ(other.disturbed, (std::vector<std::uint32_t>{0}));
}

// 1.98% slower is within a min_excess of 2.5%: not disturbed, however
// significant. A round of four values is never judged.
TEST(DisturbedRoundsTest, SmallExcessOrSmallRoundStays) {
  const std::vector<double> x = {101, 101, 102, 101, 101, 103, 103,
                                 104, 103, 103, 300, 300, 300, 300};
  const std::vector<std::uint32_t> rounds = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2};
  const RoundCheck check = FindDisturbedRounds(x, rounds, 0.025, 0.01);
  EXPECT_EQ(check.centres, (std::vector<double>{101, 103, 0}));
  EXPECT_TRUE(check.disturbed.empty());
  // Mismatched lengths or one round: nothing to compare.
  EXPECT_TRUE(FindDisturbedRounds(x, {0, 1}, 0.025, 0.01).disturbed.empty());
  EXPECT_TRUE(
      FindDisturbedRounds(x, std::vector<std::uint32_t>(x.size(), 3), 0.025, 0.01).rounds.size() ==
      1);
}

}  // namespace
}  // namespace benchgate
