// One-sided outliers: what interference on a shared machine leaves in a
// sample of benchmark times.
//
// A noisy neighbour, a page fault storm or a descheduled thread only ever
// adds time (Chen & Revels 2016), and it comes in bursts that hit a minority
// of the repetitions. So the clean part of a sample is its lower part: the
// centre is the median, the scale is measured on the values below it only
// (which the slow ones cannot reach while they are a minority), and values
// beyond centre + k x scale on the slow side are set aside. They are never
// deleted: callers keep every sample and mark these.
//
// For a rate (items per second: higher is better) interference lowers the
// value, so the slow side is the low side.
#ifndef BENCHGATE_STATS_SLOW_OUTLIERS_H_
#define BENCHGATE_STATS_SLOW_OUTLIERS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "benchgate/sample_view.h"
#include "benchgate/stats/status.h"

namespace benchgate {

struct SlowOutlierRule {
  // Scales of the clean side beyond the centre. Measured on the seeded
  // simulations (tests/gate_*simulation_test.cc, CV 3%, 10 per side): a
  // fence too close sets aside natural upper values of one side and biases
  // it (k = 4: 36 of 1,000 A/A suites with a false alarm, 1.02% of true 2%
  // shifts called regressions); too far leaves mild bursts in (k = 5: 94.4%
  // of 10% shifts caught under bursts). 4.5: 28 suites, 0.92%, 95.2%.
  double k = 4.5;
  double floor = 0.005;        // the fence is at least this share of |centre| away
  double max_share = 0.4;      // more beyond the fence than this share: not a minority
  std::size_t min_values = 5;  // fewer: nothing is set aside (kTooFew)
  bool slow_is_high = true;    // times: slow = high; rates: slow = low
};

struct SlowOutliers {
  // kOk; kEmpty; kNonFinite; kTooFew (below rule.min_values: nothing set
  // aside, the spread still computed from all values when n >= 2).
  StatStatus status = StatStatus::kEmpty;
  double centre = 0;  // median of all values
  // Root mean square distance to the centre of the values on the clean side
  // of it (the lower half for times): a semi-deviation, sigma for normal
  // data, and out of reach of the slow values while they are a minority.
  double clean_scale = 0;
  double fence = 0;  // centre +- max(k clean_scale, floor |centre|)
  // Positions (ascending) set aside: strictly beyond the fence on the slow
  // side. Empty when `majority`.
  std::vector<std::size_t> indices;
  // More than max_share of the values lie beyond the fence: they are no
  // minority, so nothing is set aside and the sample is not to be trusted.
  bool majority = false;
  // NoiseSpread of the kept values (of all of them when nothing could be
  // set aside): the instability measure.
  double kept_spread = 0;
};

SlowOutliers FindSlowOutliers(SampleView values, const SlowOutlierRule& rule = {});

// sd / |mean| (n - 1), 0 for fewer than 2 values, non-finite ones or a zero
// mean.
double KeptCv(SampleView values);

// The clean side's relative spread: the root mean square distance to the
// median of the values on the clean side of it (below it for times), over
// |median|. Interference that the fence left in (a burst too mild to stand
// out) lies on the slow side and cannot inflate it. 0 for fewer than 2
// values or a zero median.
double CleanSideSpread(SampleView values, bool slow_is_high = true);

// The noise of values cleared of slow outliers: the smaller of KeptCv and
// CleanSideSpread. Both estimate sigma / mean for clean normal data; the CV
// is the steadier at ten values, the clean side's spread the one a mild
// burst left in cannot inflate. A benchmark is unstable only when both say so.
double NoiseSpread(SampleView values, bool slow_is_high = true);

// The values not set aside, in input order.
std::vector<double> KeptValues(SampleView values, const SlowOutliers& outliers);

// Rounds as blocks. Repetitions of one benchmark measured in several rounds
// of the same process (the first pass, then confirmation or extra rounds)
// measure the same code, so a round whose clean part is slower than the
// cleanest round's was disturbed as a whole: a burst longer than the round.
// Setting aside outliers within a round cannot see that; comparing rounds
// can. Each round with at least rule.min_values values has a centre, the
// median of its values after FindSlowOutliers; the best round is the one
// with the fastest centre; a round is disturbed when its centre is slower
// than the best one's by more than `min_excess` (relative) and the
// one-sided Mann-Whitney U test of its kept values against the best round's
// gives p < `alpha`. Rounds with fewer values are never disturbed.
struct RoundCheck {
  std::vector<std::uint32_t> rounds;     // the distinct rounds, ascending
  std::vector<double> centres;           // per round (0 for a round too small)
  std::uint32_t best = 0;                // the round with the fastest centre
  std::vector<std::uint32_t> disturbed;  // ascending
};

RoundCheck FindDisturbedRounds(SampleView values, const std::vector<std::uint32_t>& rounds,
                               double min_excess, double alpha, const SlowOutlierRule& rule = {});

}  // namespace benchgate

#endif  // BENCHGATE_STATS_SLOW_OUTLIERS_H_
