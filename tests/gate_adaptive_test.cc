#include "benchgate/gate/adaptive.h"

#include <gtest/gtest.h>

#include <vector>

namespace benchgate {
namespace {

std::vector<HistoryEntry> Runs(const std::vector<double>& medians) {
  std::vector<HistoryEntry> runs;
  for (const double m : medians) runs.push_back(HistoryEntry{m, 0, 10, "t", "c"});
  return runs;
}

TEST(AdaptiveToleranceTest, TooLittleHistoryUsesTheStaticDefaultAndSaysSo) {
  const Tolerance t = ToleranceFor(Runs({100, 101, 99}), AdaptiveConfig{});
  EXPECT_FALSE(t.from_history);
  EXPECT_EQ(t.value, 0.05);
  EXPECT_EQ(t.explanation, "static tolerance 5.0% (3 runs of history, need 5)");
}

// R: mad(log(c(100, 102, 99, 101, 103, 98, 100.5))) = 0.021964846185049076;
// 3 x 0.02196 = 0.0659, inside [1%, 25%].
TEST(AdaptiveToleranceTest, KTimesTheRobustSpread) {
  const Tolerance t = ToleranceFor(Runs({100, 102, 99, 101, 103, 98, 100.5}), AdaptiveConfig{});
  EXPECT_TRUE(t.from_history);
  EXPECT_EQ(t.runs, 7u);
  EXPECT_NEAR(t.value, 3 * 0.021964846185049076, 1e-12);
  EXPECT_EQ(t.explanation, "tolerance 6.6% = clamp(3 x spread 2.2%, 1.0%, 25.0%) over 7 runs");
}

// Hand calculation: a perfectly quiet benchmark has spread 0 -> the 1% floor;
// a wildly noisy one (medians 1..16) hits the 25% ceiling.
TEST(AdaptiveToleranceTest, ClampedToFloorAndCeiling) {
  EXPECT_EQ(ToleranceFor(Runs({50, 50, 50, 50, 50, 50}), AdaptiveConfig{}).value, 0.01);
  EXPECT_EQ(ToleranceFor(Runs({1, 16, 2, 8, 4, 12}), AdaptiveConfig{}).value, 0.25);
}

// The centre is the exponentially weighted median of the kept runs, and only
// the last max_runs runs count.
TEST(AdaptiveToleranceTest, CentreAndWindow) {
  AdaptiveConfig config;
  config.max_runs = 5;
  config.decay = 0.5;
  const Tolerance t = ToleranceFor(Runs({500, 500, 500, 100, 100, 100, 120, 120}), config);
  EXPECT_EQ(t.runs, 5u);
  EXPECT_EQ(t.centre_ns, 120.0);  // weights 1/16,1/8,1/4 (100) vs 1/2,1 (120)
}

}  // namespace
}  // namespace benchgate
