// How large a difference between two samples is, with confidence intervals:
// the Hodges-Lehmann shift with its distribution-free (Moses) interval, the
// probability of superiority, and the relative change of medians.
//
// Sign convention everywhere: candidate relative to baseline, so a positive
// shift or change means the candidate's values are larger (for times: slower).
#ifndef BENCHGATE_STATS_EFFECT_SIZE_H_
#define BENCHGATE_STATS_EFFECT_SIZE_H_

#include <cstddef>

#include "benchgate/sample_view.h"
#include "benchgate/stats/status.h"

namespace benchgate {

struct ShiftEstimate {
  // kOk; kEmpty (a side empty); kNonFinite; kTooFew (the sizes cannot reach
  // the level: e.g. 3 vs 3 at 95%); kInvalidArgument (level outside (0, 1),
  // or a non-positive value for the relative version). Numbers 0 unless kOk.
  StatStatus status = StatStatus::kEmpty;
  double estimate = 0;  // median of all differences candidate_j - baseline_i
  double lower = 0, upper = 0;
  double coverage = 0;  // achieved (exact) or nominal (normal approximation)
  bool exact = false;   // critical value from the exact U distribution
};

// Hodges-Lehmann estimate and Moses interval [d_(k), d_(mn-k+1)] of the
// sorted pairwise differences, k from the U distribution: exact (as R's
// wilcox.test(candidate, baseline, conf.int = TRUE, exact = TRUE)) when both
// sizes are at most kExactMaxSize; otherwise the normal approximation
// k = floor(mn/2 - z sqrt(mn(m+n+1)/12)) (Hollander & Wolfe), which differs
// slightly from R's root-finding interval. The k-th difference is found by
// bisection on the values with an O(m + n) count, never materialising the
// m n differences, so 10,000 x 10,000 samples are fine.
ShiftEstimate HodgesLehmannShift(SampleView baseline, SampleView candidate, double level = 0.95);

// The same on log values, reported as a relative shift exp(.) - 1: the
// natural scale for times, where a change is a ratio. Values must be > 0.
ShiftEstimate RelativeShift(SampleView baseline, SampleView candidate, double level = 0.95);

// P(candidate > baseline) + P(equal) / 2 over all pairs: U / (m n), with U
// counting pairs where the candidate is larger. 0.5 means no effect.
// Returns 0.5 for empty input.
double ProbabilityOfSuperiority(SampleView baseline, SampleView candidate);

struct RelativeChange {
  StatStatus status = StatStatus::kEmpty;
  double change = 0;  // median(candidate) / median(baseline) - 1
  double lower = 0, upper = 0;
};

// Ratio of medians with the distribution-free interval of Price & Bonett
// (2002), "Distribution-free confidence intervals for difference and ratio
// of medians", J. Stat. Comput. Simul. 72(2): log ratio +- z sqrt(se1^2 +
// se2^2), se from order statistics c = round(n/2 - sqrt(n)) of the logs.
// Needs positive values (kInvalidArgument otherwise) and 2+ values per side.
RelativeChange RelativeChangeOfMedians(SampleView baseline, SampleView candidate,
                                       double level = 0.95);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_EFFECT_SIZE_H_
