// The one-sided sign test looked at after every round (RepeatedSignTest):
// its exact crossing chances against brute-force enumeration of every sign
// sequence, its nominal levels against an independent Python walk and hand
// calculation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "stats/repeated_sign_test.h"

namespace benchgate {
namespace {

// Every one of the 2^last equally likely sign sequences: the share in
// which some look n in [first, last] finds at most MostBeyond(n, b) of the
// first n signs "beyond".
double BruteForceCrossing(std::size_t first, std::size_t last, double b) {
  const RepeatedSignTest& looks = RepeatedSignTest::For(first, last);
  long long crossed = 0;
  for (unsigned long long signs = 0; signs < (1ULL << last); ++signs) {
    int beyond = 0;
    bool rejected = false;
    for (std::size_t n = 1; n <= last && !rejected; ++n) {
      beyond += static_cast<int>((signs >> (n - 1)) & 1);
      rejected = n >= first && beyond <= looks.MostBeyond(n, b);
    }
    crossed += rejected ? 1 : 0;
  }
  return static_cast<double>(crossed) / static_cast<double>(1ULL << last);
}

TEST(BinomialHalfCdfTest, HandValues) {
  EXPECT_DOUBLE_EQ(BinomialHalfCdf(6, 0), 1.0 / 64);
  EXPECT_DOUBLE_EQ(BinomialHalfCdf(8, 1), 9.0 / 256);       // 1 + 8
  EXPECT_NEAR(BinomialHalfCdf(10, 2), 56.0 / 1024, 1e-15);  // 1 + 10 + 45
  EXPECT_DOUBLE_EQ(BinomialHalfCdf(5, 5), 1.0);
}

TEST(RepeatedSignTestTest, CrossingChancesMatchBruteForce) {
  // One look: the level itself at attainable values.
  EXPECT_DOUBLE_EQ(RepeatedSignTest::For(6, 6).OneSidedCrossing(1.0 / 64), 1.0 / 64);
  // Looks 6..20: all 2^20 sequences.
  EXPECT_NEAR(RepeatedSignTest::For(6, 20).OneSidedCrossing(0.01953125),
              BruteForceCrossing(6, 20, 0.01953125), 1e-12);
  // Looks 6..16 at more levels: all 2^16.
  const RepeatedSignTest& fewer = RepeatedSignTest::For(6, 16);
  for (const double b : {1.0 / 64, 0.0546875}) {
    EXPECT_NEAR(fewer.OneSidedCrossing(b), BruteForceCrossing(6, 16, b), 1e-12) << b;
  }
}

// A design's nominal level at `beta` and its crossing chance over the looks.
void ExpectLevel(const RepeatedSignTest& looks, double beta, double nominal, double crossing) {
  const double b = looks.OneSidedNominal(beta);
  EXPECT_DOUBLE_EQ(b, nominal);
  EXPECT_NEAR(looks.OneSidedCrossing(b), crossing, 1e-12);
}

TEST(RepeatedSignTestTest, NominalLevelsOfLooksSixToTwenty) {
  // No regression beyond the tolerance, 5% over looks 6..20: 0.01953125
  // (= 10/512: one round of nine beyond the limit), crossing 0.04485; the
  // next attainable level crosses above 0.05 (an independent Python walk
  // over the counts, exact fractions).
  const RepeatedSignTest& looks = RepeatedSignTest::For(6, 20);
  ExpectLevel(looks, 0.05, 0.01953125, 0.0448455810546875);
  const double b = 0.01953125;
  EXPECT_EQ(looks.MostBeyond(6, b), 0);   // 1/64 <= b
  EXPECT_EQ(looks.MostBeyond(8, b), 0);   // 9/256 > b
  EXPECT_EQ(looks.MostBeyond(9, b), 1);   // 10/512 <= b
  EXPECT_EQ(looks.MostBeyond(12, b), 2);  // 79/4096 <= b
  EXPECT_EQ(looks.MostBeyond(5, b), -1);  // before the first look
}

TEST(RepeatedSignTestTest, NominalLevelsOfLooksSixToThirty) {
  // benchgate-ab's default design, looks up to round 30, at 20%
  // (kFalseQuiet): 23/256 = P(Bin(9, 1/2) <= 2), crossing 0.19999076; the
  // next attainable level, 0.0925, crosses with 0.2051. At 5%: 9/512
  // (crossing 0.0492606). From an independent Python walk over the counts
  // (exact fractions). Used by gate_sequential_analysis_test.
  const RepeatedSignTest& looks = RepeatedSignTest::For(6, 30);
  ExpectLevel(looks, 0.20, 23.0 / 256, 0.1999907586723566);
  const double quiet = 23.0 / 256;
  EXPECT_EQ(looks.MostBeyond(6, quiet), 0);
  EXPECT_EQ(looks.MostBeyond(7, quiet), 1);  // 8/128 <= 0.0898
  EXPECT_EQ(looks.MostBeyond(9, quiet), 2);  // 46/512 <= 0.0898
  EXPECT_EQ(looks.MostBeyond(30, quiet), 10);
  ExpectLevel(looks, 0.05, 9.0 / 512, 0.04926057532429695);
  const double b = 9.0 / 512;
  EXPECT_EQ(looks.MostBeyond(6, b), 0);
  EXPECT_EQ(looks.MostBeyond(10, b), 1);
  EXPECT_EQ(looks.MostBeyond(17, b), 3);
  EXPECT_EQ(looks.MostBeyond(30, b), 8);  // P(Bin(30, 1/2) <= 8) = 0.00806
}

}  // namespace
}  // namespace benchgate
