// The exact null distribution of the Mann-Whitney U statistic, counted in
// 128-bit integers. Shared by the exact test (mann_whitney.cc) and the exact
// Moses confidence interval of the Hodges-Lehmann shift (effect_size.cc).
#ifndef BENCHGATE_STATS_MW_EXACT_H_
#define BENCHGATE_STATS_MW_EXACT_H_

#include <cstddef>
#include <vector>

namespace benchgate {

__extension__ using MwCount = unsigned __int128;

// True when the counts for sample sizes m and n can be computed exactly:
// C(m + n, m) below 2^120 (every intermediate stays below 2^121, far from
// overflow) and m n at most kMwExactMaxCells (memory and time stay small).
// 50 vs 50 (C(100, 50) ~ 2^96) is feasible; so is 5 vs 10,000.
inline constexpr std::size_t kMwExactMaxCells = std::size_t{1} << 20;
bool MwExactFeasible(std::size_t m, std::size_t n);

// Null distribution of U for sizes m, n, counted up to U = max_u.
struct MwCounts {
  MwCount total = 0;            // C(m + n, m), all arrangements
  std::vector<MwCount> counts;  // counts[u] = arrangements with U = u, u = 0..max_u
};

// The counts of U are the coefficients of the Gaussian binomial
// [m + n choose m]_q = prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i). Each factor
// is a multiplication and an exact power-series division, both of which
// only look at lower coefficients, so truncating at max_u is exact:
// O(min(m, n) max_u). Requires MwExactFeasible(m, n).
MwCounts MwExactCounts(std::size_t m, std::size_t n, std::size_t max_u);

// P(U <= k), k clamped to m n; sums the shorter tail (symmetry around
// m n / 2) in integers, so even 1e-29 keeps full relative precision.
// Requires MwExactFeasible(m, n).
double MwExactCdf(std::size_t m, std::size_t n, std::size_t k);

// R's qwilcox(p, m, n) for p in (0, 0.5]: the smallest q with
// P(U <= q) >= p, compared with R's 10 DBL_EPSILON slack. Also returns
// P(U <= q - 1) (0 when q = 0), the tail left outside. Requires feasibility.
struct MwQuantile {
  std::size_t q = 0;
  double cdf_below = 0;
};
MwQuantile MwExactQuantile(std::size_t m, std::size_t n, double p);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_MW_EXACT_H_
