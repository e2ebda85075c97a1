// Timing checks decided on intervals (gate/timing_check.h): reference
// intervals from SciPy 1.10 (binom) and an exact signed-rank distribution
// computed by hand (the Walsh averages and R's qsignrank rule), and a seeded
// simulation of the false-failure rate the header documents.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <random>
#include <vector>

#include "gate/timing_check.h"

namespace benchgate {
namespace {

std::vector<double> OneToN(int n) {
  std::vector<double> values;
  for (int i = n; i >= 1; --i) values.push_back(i);  // order does not matter
  return values;
}

// Median of 30 at level 0.998: binom.cdf(6, 30, 0.5) = 0.000715 <= 0.001 <
// binom.cdf(7, ...) = 0.00261, so the interval is [x_(7), x_(24)] (coverage
// 1 - 2 x 0.000715 = 0.99857); for 1..30 that is [7, 24], median 15.5.
TEST(TimingCheckTest, MedianIntervalAgainstTheLimit) {
  const std::vector<double> values = OneToN(30);
  const TimingCheck pass = QuantileAtMost(values, 0.5, 24);
  EXPECT_EQ(pass.status, StatStatus::kOk);
  EXPECT_DOUBLE_EQ(pass.lower, 7);
  EXPECT_DOUBLE_EQ(pass.upper, 24);
  EXPECT_DOUBLE_EQ(pass.estimate, 15.5);
  EXPECT_EQ(pass.samples, 30u);
  EXPECT_EQ(pass.decision, CheckDecision::kPass);
  EXPECT_EQ(QuantileAtMost(values, 0.5, 6.5).decision, CheckDecision::kFail);
  EXPECT_EQ(QuantileAtMost(values, 0.5, 15).decision, CheckDecision::kUndecided);
  // p99 of 30 values cannot reach 99.8%: undecided, never a failure.
  const TimingCheck p99 = QuantileAtMost(values, 0.99, 1);
  EXPECT_EQ(p99.status, StatStatus::kTooFew);
  EXPECT_EQ(p99.decision, CheckDecision::kUndecided);
  EXPECT_STREQ(CheckDecisionName(p99.decision), "undecided");
}

// 20 pairs, candidate / reference = 1.1 (1 + 0.001 i): with 2^20 sign
// patterns, P(W+ <= 26) = 0.000993 <= 0.001 (R: qsignrank(0.001, 20) = 27),
// so the interval is [W_(27), W_(184)] of the 210 sorted Walsh averages of
// the log ratios: [1.104943292663, 1.115948780187], estimate 1.110436243098.
TEST(TimingCheckTest, RatioIntervalOfPairedLogRatios) {
  std::vector<double> reference(20, 1000.0), candidate;
  for (int i = 0; i < 20; ++i) candidate.push_back(1000.0 * 1.1 * (1 + 0.001 * i));
  const TimingCheck fail = RatioAtMost(reference, candidate, 1.05);
  ASSERT_EQ(fail.status, StatStatus::kOk);
  EXPECT_NEAR(fail.lower, 1.104943292663, 1e-9);
  EXPECT_NEAR(fail.upper, 1.115948780187, 1e-9);
  EXPECT_NEAR(fail.estimate, 1.110436243098, 1e-9);
  EXPECT_EQ(fail.decision, CheckDecision::kFail);
  EXPECT_EQ(RatioAtMost(reference, candidate, 1.2).decision, CheckDecision::kPass);
  EXPECT_EQ(RatioAtMost(reference, candidate, 1.11).decision, CheckDecision::kUndecided);
  // A non-positive value drops its pair.
  candidate[3] = 0;
  EXPECT_EQ(RatioAtMost(reference, candidate, 1.2).samples, 19u);
}

// The documented rate: a callable whose true median sits exactly at the
// limit fails at most 1 time in 1,000 (one side of the 99.8% interval).
// 20,000 seeded trials of 30 samples with lognormal noise of 5%, whose
// median is the limit. Expected failures at most 20 (0.1%); a 2x slower
// callable against the same limit fails in every trial.
TEST(TimingCheckTest, FalseFailureRateAtTheLimitIsAtMostOneInAThousand) {
  std::mt19937_64 random(20261129);
  std::lognormal_distribution<double> noise(0.0, 0.05);
  const double limit = 1000.0;  // the true median of `noise` x 1000 is 1000
  int false_failures = 0, slow_caught = 0, undecided = 0;
  const int trials = 20000;
  for (int t = 0; t < trials; ++t) {
    std::vector<double> same, slow;
    for (int i = 0; i < 30; ++i) {
      same.push_back(1000.0 * noise(random));
      slow.push_back(2000.0 * noise(random));
    }
    const CheckDecision decision = QuantileAtMost(same, 0.5, limit).decision;
    false_failures += decision == CheckDecision::kFail ? 1 : 0;
    undecided += decision == CheckDecision::kUndecided ? 1 : 0;
    slow_caught += QuantileAtMost(slow, 0.5, limit).decision == CheckDecision::kFail ? 1 : 0;
  }
  std::cout << "[ figures  ] median at the limit: " << false_failures << " failures, " << undecided
            << " undecided in " << trials << "; 2x slower caught " << slow_caught << "\n";
  EXPECT_LE(false_failures, trials / 1000) << false_failures;
  EXPECT_GT(undecided, trials / 2);  // at the limit, mostly "could not decide"
  EXPECT_EQ(slow_caught, trials);
}

// The same for the A/B check: two identical callables against a 1.0 ratio.
TEST(TimingCheckTest, RatioFalseFailureRateIsAtMostOneInAThousand) {
  std::mt19937_64 random(7);
  std::lognormal_distribution<double> noise(0.0, 0.05);
  int false_failures = 0, slow_caught = 0;
  const int trials = 5000;
  for (int t = 0; t < trials; ++t) {
    std::vector<double> a, b, slow;
    for (int i = 0; i < 30; ++i) {
      a.push_back(1000.0 * noise(random));
      b.push_back(1000.0 * noise(random));
      slow.push_back(2000.0 * noise(random));
    }
    false_failures += RatioAtMost(a, b, 1.0).decision == CheckDecision::kFail ? 1 : 0;
    slow_caught += RatioAtMost(a, slow, 1.05).decision == CheckDecision::kFail ? 1 : 0;
  }
  std::cout << "[ figures  ] A/A ratio: " << false_failures << " failures in " << trials
            << "; 2x slower caught " << slow_caught << "\n";
  EXPECT_LE(false_failures, trials / 1000) << false_failures;
  EXPECT_EQ(slow_caught, trials);
}

}  // namespace
}  // namespace benchgate
