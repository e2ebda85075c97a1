// Rounds that a burst over a whole process dominated, set aside by |d|.
//
// On a shared machine a burst slows every benchmark of one process, so one
// round's log ratio d_r of a benchmark is tens of times its usual size
// (+-20..100% where the benchmark's rounds differ by 1%). In the
// signed-rank test such a round takes the top rank, and a few of them on
// the baseline side outweigh a real regression: the seeded simulation's
// misses (gate_sequential_simulation_test) were benchmarks that met several.
//
// A round is set aside when |d_r| > factor x the median |d| of the rounds.
// The selection looks at |d| alone: under the null (d symmetric about zero)
// the signs of the kept rounds are still fair coins independent of their
// sizes, so the signed-rank test on them keeps its exact distribution (a
// conditional test, given the |d|s). With a real shift every |d| grows with
// it, and the median |d| with them: a 30% regression is not set aside.
// Resampled on benchgate-ab's calibration rounds (bench/ab_resample_designs.py
// BURST_K=5): 5% slowdowns caught 92.1% -> 93.5%, memcpy 49.2% -> 54.6%,
// the same false regressions and rounds.
#ifndef BENCHGATE_STATS_BURST_ROUNDS_H_
#define BENCHGATE_STATS_BURST_ROUNDS_H_

#include <vector>

#include "benchgate/sample_view.h"

namespace benchgate {

inline constexpr double kBurstFactor = 5;

// The rounds kept, in their order. All of them when the median |d| is zero
// (ties at zero: nothing to measure a burst against) or factor <= 0.
std::vector<double> WithoutBursts(SampleView log_ratios, double factor = kBurstFactor);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_BURST_ROUNDS_H_
