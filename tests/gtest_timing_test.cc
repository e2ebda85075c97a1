// benchgate/gtest.h's timing checks, wired to GoogleTest. Their decisions
// are gate/timing_check.h's (tested with fixed data there); here every
// timed case is decided by a margin no noise can cross: sleeps (a busy
// machine only makes them longer) against limits 10x to 100x away, and
// trivial calls against a second. "Undecided" is made certain by too few
// samples for the 99.8% interval.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "benchgate/gtest.h"

namespace {

using benchgate::testing::DefaultTimingOptions;
using benchgate::testing::TimingOptions;
using std::chrono::microseconds;
using std::chrono::milliseconds;

void SleepOneMs() { std::this_thread::sleep_for(milliseconds(1)); }
void SleepThreeMs() { std::this_thread::sleep_for(milliseconds(3)); }
void Nothing() {}

// Restores the defaults after each test.
class GtestTimingTest : public testing::Test {
 protected:
  void TearDown() override { DefaultTimingOptions() = TimingOptions{}; }
};

TEST_F(GtestTimingTest, MedianPassesAndFails) {
  EXPECT_MEDIAN_AT_MOST(std::chrono::seconds(1), Nothing);
  EXPECT_MEDIAN_AT_MOST(milliseconds(100), SleepOneMs);
  EXPECT_NONFATAL_FAILURE(EXPECT_MEDIAN_AT_MOST(microseconds(100), SleepOneMs),
                          "median of SleepOneMs: ");
  EXPECT_NONFATAL_FAILURE(EXPECT_MEDIAN_AT_MOST(microseconds(100), SleepOneMs),
                          "per call (limit 100 us; 30 batches of 1 call, 99.8% interval)");
}

TEST_F(GtestTimingTest, PercentilePassesAndFails) {
  DefaultTimingOptions().percentile_samples = 200;
  EXPECT_PERCENTILE_AT_MOST(90, milliseconds(100), SleepOneMs);
  EXPECT_NONFATAL_FAILURE(EXPECT_PERCENTILE_AT_MOST(50, microseconds(100), SleepOneMs),
                          "p50 of SleepOneMs: ");
  EXPECT_NONFATAL_FAILURE(EXPECT_PERCENTILE_AT_MOST(120, milliseconds(1), Nothing),
                          "expected a percent between 0 and 100, got 120");
}

TEST_F(GtestTimingTest, NoSlowerThanComparesInterleavedBatches) {
  EXPECT_NO_SLOWER_THAN(1.0, SleepOneMs, SleepOneMs);  // within 100%
  EXPECT_NONFATAL_FAILURE(EXPECT_NO_SLOWER_THAN(0.05, SleepOneMs, SleepThreeMs),
                          "time of SleepThreeMs against SleepOneMs: +");
}

// Three samples cannot make a 99.8% interval: undecided, a pass by default
// (recorded as a property), a failure when asked.
TEST_F(GtestTimingTest, UndecidedIsRecordedAndFailsOnlyWhenAsked) {
  DefaultTimingOptions().samples = 3;
  EXPECT_MEDIAN_AT_MOST(microseconds(100), SleepOneMs);
  DefaultTimingOptions().undecided_fails = true;
  EXPECT_NONFATAL_FAILURE(EXPECT_MEDIAN_AT_MOST(microseconds(100), SleepOneMs),
                          "median of SleepOneMs: could not decide: too few samples for the "
                          "interval (limit 100 us; 3 batches of 1 call, 99.8% interval)");
}

}  // namespace
