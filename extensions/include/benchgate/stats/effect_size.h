// How large a difference between two samples is, with confidence intervals:
// the Hodges-Lehmann shift with its distribution-free (Moses) interval, and
// the relative change of medians.
//
// Sign convention everywhere: candidate relative to baseline. Differences
// are candidate - baseline, so a positive shift or change means the
// candidate's values are larger (for times: slower). In R terms the
// candidate is the first argument: wilcox.test(candidate, baseline, ...).
#ifndef BENCHGATE_STATS_EFFECT_SIZE_H_
#define BENCHGATE_STATS_EFFECT_SIZE_H_

#include "benchgate/sample_view.h"
#include "benchgate/stats/mann_whitney.h"
#include "benchgate/stats/status.h"

namespace benchgate {

struct ShiftEstimate {
  // kOk; kEmpty (a side empty); kNonFinite; kTooFew (the sizes cannot reach
  // the level: e.g. 3 vs 3 at 95%, where even [d_(1), d_(9)] covers only
  // 90%); kInvalidArgument (level outside (0, 1), kExact asked beyond the
  // sizes it can count, or a non-positive value for RelativeShift).
  // Numbers are 0 unless kOk.
  StatStatus status = StatStatus::kEmpty;
  double estimate = 0;  // median of all m n differences candidate_j - baseline_i
  double lower = 0, upper = 0;
  // Exact: the achieved coverage 1 - 2 P(U <= k - 1) (>= level).
  // Normal approximation: the nominal level.
  double coverage = 0;
  bool exact = false;  // critical value from the exact U distribution
};

// Hodges-Lehmann estimate (median of the pairwise differences) and Moses
// interval [d_(k), d_(mn - k + 1)] of the sorted differences d, with k the
// critical value of U, as R computes them:
//   wilcox.test(candidate, baseline, conf.int = TRUE, conf.level = level,
//               exact = ..., tol.root = 1e-12)
// - method kAuto: exact when there are no ties (pooled, as R checks) and both
//   sizes are at most kExactMaxSize; the normal approximation otherwise.
//   (R's own default switches at 49; pass exact = TRUE to compare at 50.)
// - exact: k = qwilcox((1 - level) / 2, m, n) (at least 1); with ties it
//   still uses the no-ties distribution, where R would fall back to normal.
// - normal approximation: the order statistic at which R's root search
//   ends, k = floor(mn/2 - 0.5 - z sigma) + 1 (continuity correction;
//   sigma tie-corrected for ties within each sample). R finds it with
//   uniroot, so its bounds are within tol.root of these order statistics.
//   R's *estimate* in this case is also a root, which for an even m n can be
//   anywhere between the two middle differences; here it is always their
//   mean, the textbook Hodges-Lehmann estimator.
// Cost: the k-th difference is selected by bisection on the value with an
// O(m + n) count per step, never materialising the m n differences, so
// 10,000 x 10,000 samples take milliseconds.
ShiftEstimate HodgesLehmannShift(SampleView baseline, SampleView candidate, double level = 0.95,
                                 MannWhitneyMethod method = MannWhitneyMethod::kAuto);

// The same on log values, reported as a relative shift exp(.) - 1: the
// natural scale for times, where a change is a ratio. Values must be > 0.
ShiftEstimate RelativeShift(SampleView baseline, SampleView candidate, double level = 0.95,
                            MannWhitneyMethod method = MannWhitneyMethod::kAuto);

struct RelativeChange {
  // kOk; kEmpty; kNonFinite; kTooFew (fewer than 2 values on a side);
  // kInvalidArgument (a value <= 0, or level outside (0, 1)).
  StatStatus status = StatStatus::kEmpty;
  double change = 0;  // median(candidate) / median(baseline) - 1
  double lower = 0, upper = 0;
};

// Ratio of medians with the distribution-free interval of Price & Bonett
// (2002), "Distribution-free confidence intervals for difference and ratio
// of medians", J. Stat. Comput. Simul. 72(2), as Bonett's R package
// statpsych implements it (ci.ratio.median2): with the logs sorted,
// c = max(1, round(n/2 - sqrt(n))), se = (log y_(n-c+1) - log y_(c)) / (2 z0),
// z0 = qnorm(1 - pbinom(c - 1, n, 1/2)); then
// log ratio +- qnorm(1 - (1 - level)/2) sqrt(se_base^2 + se_cand^2).
RelativeChange RelativeChangeOfMedians(SampleView baseline, SampleView candidate,
                                       double level = 0.95);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_EFFECT_SIZE_H_
