// Reference values: R 4.2.2,
//   p <- c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9)
//   sprintf("%.17g", p.adjust(p, "holm")); sprintf("%.17g", p.adjust(p, "BH"))
#include "benchgate/stats/multiple_testing.h"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace benchgate {
namespace {

const std::vector<double> kP = {0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9};

void ExpectNear(const std::vector<double>& actual, const std::vector<double>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(actual[i], expected[i], 1e-15) << i;
}

TEST(MultipleTestingTest, HolmMatchesR) {
  const AdjustedPValues r = HolmAdjust(kP);
  EXPECT_EQ(r.status, StatStatus::kOk);
  ExpectNear(r.adjusted, {0.06, 0.16, 0.15, 0.035, 0.4, 0.16, 0.9});
}

TEST(MultipleTestingTest, BenjaminiHochbergMatchesR) {
  const AdjustedPValues r = BenjaminiHochbergAdjust(kP);
  EXPECT_EQ(r.status, StatStatus::kOk);
  ExpectNear(r.adjusted, {0.035, 0.056, 0.056, 0.035, 0.23333333333333336, 0.056, 0.9});
}

// Hand calculation: Holm caps m p at 1; BH of one p-value is itself.
TEST(MultipleTestingTest, CapsAndSingleValues) {
  ExpectNear(HolmAdjust(std::vector<double>{0.6, 0.7}).adjusted, {1.0, 1.0});
  ExpectNear(BenjaminiHochbergAdjust(std::vector<double>{0.03}).adjusted, {0.03});
  ExpectNear(HolmAdjust(std::vector<double>{0.03}).adjusted, {0.03});
}

TEST(MultipleTestingTest, EmptyInputIsEmptyOutput) {
  EXPECT_EQ(HolmAdjust({}).status, StatStatus::kOk);
  EXPECT_TRUE(HolmAdjust({}).adjusted.empty());
  EXPECT_TRUE(BenjaminiHochbergAdjust({}).adjusted.empty());
}

TEST(MultipleTestingTest, InvalidPValuesAreExplicit) {
  const std::vector<double> nan = {0.1, std::numeric_limits<double>::quiet_NaN()};
  EXPECT_EQ(HolmAdjust(nan).status, StatStatus::kNonFinite);
  EXPECT_TRUE(HolmAdjust(nan).adjusted.empty());
  EXPECT_EQ(BenjaminiHochbergAdjust(std::vector<double>{0.1, 1.5}).status,
            StatStatus::kInvalidArgument);
  EXPECT_EQ(BenjaminiHochbergAdjust(std::vector<double>{-0.1}).status, StatStatus::kInvalidArgument);
}

// With 500 null p-values evenly spread (i/501), BH adjusts every one to
// at least ... the smallest p 1/501 becomes 500/501 * ... >= alpha: no
// discovery at 0.05 (hand calculation: min_j 500 p_(j) / j = 500/501).
TEST(MultipleTestingTest, UniformNullsYieldNoDiscoveries) {
  std::vector<double> p;
  for (int i = 1; i <= 500; ++i) p.push_back(i / 501.0);
  const AdjustedPValues r = BenjaminiHochbergAdjust(p);
  for (const double adjusted : r.adjusted) EXPECT_NEAR(adjusted, 500.0 / 501.0, 1e-12);
}

}  // namespace
}  // namespace benchgate
