// The Wilcoxon signed-rank test and the one-sample Hodges-Lehmann estimate
// with its distribution-free (Tukey) interval: the statistics of paired
// differences, such as one log ratio candidate / baseline per round of
// benchgate-ab (one baseline and one candidate process per round).
//
// The test is computed as SciPy 1.10's scipy.stats.wilcoxon computes it,
// two-sided, without continuity correction, zeros dropped ("wilcox"):
//   wilcoxon(d, alternative="two-sided", zero_method="wilcox",
//            method="exact" | "approx")
// so its p-values can be checked against the reference implementation.
#ifndef BENCHGATE_STATS_SIGNED_RANK_H_
#define BENCHGATE_STATS_SIGNED_RANK_H_

#include <cstddef>
#include <vector>

#include "benchgate/sample_view.h"
#include "benchgate/stats/status.h"

namespace benchgate {

// Largest number of non-zero differences for which kAuto uses the exact
// null distribution (SciPy's "auto" switches at the same size).
inline constexpr std::size_t kSignedRankExactMax = 50;

enum class SignedRankMethod {
  // Exact when there are no ties among |d| and no zero differences and at
  // most kSignedRankExactMax of them; asymptotic otherwise.
  kAuto,
  // The exact null distribution of the positive rank sum. Like SciPy, with
  // ties the rank sum is truncated to an integer; with zeros SciPy switches
  // to the normal approximation, and so does this. Up to 400 non-zero
  // differences; beyond, the status is kInvalidArgument.
  kExact,
  // Normal approximation with the tie correction of the variance, after
  // dropping zero differences (SciPy's method="approx").
  kAsymptotic,
};

// "auto", "exact", "asymptotic".
const char* SignedRankMethodName(SignedRankMethod method) noexcept;

struct SignedRankResult {
  // kOk; kEmpty (no differences); kNonFinite; kAllEqual (every difference
  // is zero: nothing to rank, where SciPy raises); kInvalidArgument (kExact
  // beyond its size).
  StatStatus status = StatStatus::kEmpty;
  std::size_t n = 0;               // non-zero differences: the ranked ones
  std::size_t zeros = 0;           // dropped
  double r_plus = 0, r_minus = 0;  // rank sums of the positive and negative differences
  double statistic = 0;            // min(r_plus, r_minus): SciPy's two-sided statistic
  // 1 (no evidence) rather than 0 when status is not kOk, so a caller that
  // forgets the status never sees a discovery.
  double p_value = 1;
  SignedRankMethod method = SignedRankMethod::kAsymptotic;  // the one used
  double z = 0;           // standardised statistic (asymptotic only)
  bool has_ties = false;  // some |d| shared by non-zero differences
};

// Two-sided test of "the differences are symmetric about zero".
SignedRankResult SignedRankTest(SampleView differences,
                                SignedRankMethod method = SignedRankMethod::kAuto);

// Exact null distribution of the positive rank sum of n untied non-zero
// differences, P(W+ = w) for w = 0 .. n(n+1)/2 (n <= 400 is cheap).
std::vector<double> SignedRankPmf(std::size_t n);

// Exact null distribution of the positive rank sum of n untied non-zero
// differences: P(W+ <= w). 1 for w >= n(n+1)/2, 0 for w < 0; n <= 400.
double SignedRankCdf(std::size_t n, double w);

struct OneSampleShift {
  // kOk; kEmpty; kNonFinite; kTooFew (so few values that even
  // [min, max] of the Walsh averages cannot reach the level: n <= 5 at 95%);
  // kInvalidArgument (level outside (0, 1), or more than 2,000 values).
  // Numbers are 0 unless kOk.
  StatStatus status = StatStatus::kEmpty;
  double estimate = 0;  // median of the n(n+1)/2 Walsh averages (d_i + d_j)/2, i <= j
  double lower = 0, upper = 0;
  // Exact: the achieved coverage 1 - 2 P(W+ <= k - 1) (>= level).
  // Normal approximation: the nominal level.
  double coverage = 0;
  bool exact = false;  // critical value from the exact distribution
};

// Hodges-Lehmann one-sample estimate (the pseudo-median) and the
// distribution-free interval of Tukey (Moses): with the Walsh averages
// sorted, [W_(k), W_(N - k + 1)], N = n(n+1)/2, as R computes it in the
// exact case of wilcox.test(d, conf.int = TRUE, conf.level = level):
// - n <= kSignedRankExactMax: k = qsignrank((1 - level) / 2, n), at least 1
//   (ties and zeros do not change the distribution used; R would switch to
//   a root search of the normal approximation there);
// - larger n: k = floor(N/2 + 0.5 - z sigma), sigma^2 = n(n+1)(2n+1)/24,
//   z the normal quantile of (1 + level) / 2, at least 1.
// Every value counts, zeros included (they are where the centre is).
// Cost: the N averages are materialised, so at most 2,000 values.
OneSampleShift HodgesLehmannOneSample(SampleView values, double level = 0.95);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_SIGNED_RANK_H_
