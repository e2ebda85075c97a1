// Timing checks inside unit tests (benchgate/gtest.h), decided on intervals
// so that a noisy machine yields "undecided" instead of a flaky failure.
// Pure functions of the measured values: the measuring is the caller's.
//
// Each check has three outcomes at interval level `level`:
//   pass       the whole interval is on the right side of the limit;
//   fail       the whole interval is beyond the limit;
//   undecided  the interval contains the limit, or the values cannot reach
//              the level (too few for that quantile).
// A check whose true value is exactly at the limit fails with probability
// at most (1 - level) / 2 (one side of a two-sided interval of exact
// coverage): at the default level 0.998, 1 in 1,000. Further inside the
// limit, less.
#ifndef BENCHGATE_GATE_TIMING_CHECK_H_
#define BENCHGATE_GATE_TIMING_CHECK_H_

#include <cstddef>

#include "benchgate/sample_view.h"
#include "benchgate/stats/status.h"

namespace benchgate {

inline constexpr double kTimingCheckLevel = 0.998;

enum class CheckDecision { kPass, kFail, kUndecided };

const char* CheckDecisionName(CheckDecision decision) noexcept;  // "pass", "fail", "undecided"

struct TimingCheck {
  CheckDecision decision = CheckDecision::kUndecided;
  StatStatus status = StatStatus::kEmpty;  // of the interval; not kOk: undecided
  double estimate = 0;                     // the quantile, or the ratio
  double lower = 0, upper = 0;             // the interval at `level` (0 unless kOk)
  std::size_t samples = 0;
};

// Is the q-quantile of `values` at most `limit`? The estimate is the type-7
// quantile; the interval is the distribution-free one from order statistics
// (QuantileConfidenceInterval).
TimingCheck QuantileAtMost(SampleView values, double q, double limit,
                           double level = kTimingCheckLevel);

// Is `candidate` at most `max_ratio` times `reference`? The values are
// paired (sample i of both measured back to back, in random order):
// d_i = log(candidate_i / reference_i), the Hodges-Lehmann estimate of the
// d_i with its Tukey interval (HodgesLehmannOneSample), as ratios exp(.).
// Pairs with a non-positive value are dropped.
TimingCheck RatioAtMost(SampleView reference, SampleView candidate, double max_ratio,
                        double level = kTimingCheckLevel);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_TIMING_CHECK_H_
