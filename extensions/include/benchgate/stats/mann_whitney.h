// The Mann-Whitney U test (Wilcoxon rank-sum), computed as SciPy's
// scipy.stats.mannwhitneyu does (SciPy 1.10), so its p-values can be checked
// against the reference implementation.
#ifndef BENCHGATE_STATS_MANN_WHITNEY_H_
#define BENCHGATE_STATS_MANN_WHITNEY_H_

#include <cstddef>
#include <vector>

#include "benchgate/sample_view.h"
#include "benchgate/stats/status.h"

namespace benchgate {

// SciPy's meaning: kGreater means x is stochastically greater than y.
enum class Alternative { kTwoSided, kLess, kGreater };

enum class MannWhitneyMethod {
  // Exact when there are no ties and both samples have at most
  // kExactMaxSize values; asymptotic otherwise. (SciPy's "auto" uses exact
  // only when one sample has at most 8 values; the exact distribution here
  // is cheap enough to use it further, where it is more accurate.)
  kAuto,
  kExact,       // the null distribution of U, counted exactly (no tie correction)
  kAsymptotic,  // normal approximation with tie and continuity corrections
};

inline constexpr std::size_t kExactMaxSize = 50;

const char* MannWhitneyMethodName(MannWhitneyMethod method) noexcept;  // "exact", ...

struct MannWhitneyResult {
  // kOk, kEmpty (either sample empty), kNonFinite, kAllEqual (every value
  // equal: no ranking information, p = 1), kInvalidArgument (exact asked
  // beyond the sizes it supports).
  StatStatus status = StatStatus::kEmpty;
  double u1 = 0;  // U of x: R1 - n1 (n1 + 1) / 2 (SciPy's statistic)
  double u2 = 0;  // n1 n2 - u1
  double p_value = 1;
  MannWhitneyMethod method = MannWhitneyMethod::kAsymptotic;  // the one used
  double z = 0;           // standardised statistic (asymptotic only)
  bool has_ties = false;
};

// The exact method supports n1, n2 <= kExactMaxSize (the counts then fit in
// 128-bit integers: C(100, 50) ~ 1e29); asked beyond, the status is
// kInvalidArgument. With ties it uses the integer part of U, like SciPy, and
// is not tie-corrected.
MannWhitneyResult MannWhitneyU(SampleView x, SampleView y,
                               Alternative alternative = Alternative::kTwoSided,
                               MannWhitneyMethod method = MannWhitneyMethod::kAuto);

// Counts of the null distribution of U for sample sizes m, n: the
// coefficients of the Gaussian binomial [m + n choose m]_q, as doubles
// (exact up to 2^53, correctly rounded beyond). Empty when unsupported.
// Used by the exact test and by the Moses confidence interval.
struct UDistribution {
  std::size_t m = 0, n = 0;
  double total = 0;  // C(m + n, m)
  std::vector<double> cdf;  // cdf[u] = P(U <= u), u = 0..m n
};
UDistribution ExactUDistribution(std::size_t m, std::size_t n);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_MANN_WHITNEY_H_
