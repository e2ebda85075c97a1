#include "stats/mw_exact.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace benchgate {
namespace {

// Signed during the computation: multiplying by (1 - q^s) makes
// coefficients negative before the division restores them.
__extension__ using SignedCount = __int128;

double ToDouble(MwCount count) { return static_cast<double>(count); }

}  // namespace

bool MwExactFeasible(std::size_t m, std::size_t n) {
  if (m == 0 || n == 0) return true;
  if (m > kMwExactMaxCells / n) return false;
  const double log_total = std::lgamma(static_cast<double>(m + n) + 1.0) -
                           std::lgamma(static_cast<double>(m) + 1.0) -
                           std::lgamma(static_cast<double>(n) + 1.0);
  return log_total < 120.0 * std::log(2.0);
}

MwCounts MwExactCounts(std::size_t m, std::size_t n, std::size_t max_u) {
  // The distribution of U is the same for (m, n) and (n, m); the loop runs
  // over the smaller size.
  if (m > n) std::swap(m, n);
  max_u = std::min(max_u, m * n);
  std::vector<SignedCount> c(max_u + 1, 0);
  c[0] = 1;
  for (std::size_t i = 1; i <= m; ++i) {
    const std::size_t limit = std::min(i * n, max_u);  // degree of [n+i choose i]_q, truncated
    const std::size_t shift = n + i;
    for (std::size_t j = limit; j >= shift; --j) c[j] -= c[j - shift];
    for (std::size_t j = i; j <= limit; ++j) c[j] += c[j - i];
  }
  MwCounts result;
  result.counts.reserve(c.size());
  for (const SignedCount count : c) result.counts.push_back(static_cast<MwCount>(count));
  // C(m + n, m) by the multiplicative formula; each partial product is a
  // binomial coefficient, so the division is exact.
  MwCount total = 1;
  for (std::size_t i = 1; i <= m; ++i) total = total * (n + i) / i;
  result.total = total;
  return result;
}

double MwExactCdf(std::size_t m, std::size_t n, std::size_t k) {
  const std::size_t mn = m * n;
  if (k >= mn) return 1.0;
  // Lower tail directly when it is the shorter one; otherwise
  // P(U <= k) = 1 - P(U >= k + 1) = 1 - P(U <= mn - k - 1).
  const bool lower = k <= mn / 2;
  const std::size_t tail_end = lower ? k : mn - k - 1;
  const MwCounts dist = MwExactCounts(m, n, tail_end);
  MwCount tail = 0;
  for (const MwCount count : dist.counts) tail += count;
  const MwCount numerator = lower ? tail : dist.total - tail;
  return ToDouble(numerator) / ToDouble(dist.total);
}

MwQuantile MwExactQuantile(std::size_t m, std::size_t n, double p) {
  const MwCounts dist = MwExactCounts(m, n, m * n / 2);
  const double total = ToDouble(dist.total);
  const double target = p - 10 * DBL_EPSILON;  // R's qwilcox slack
  MwQuantile result;
  MwCount below = 0;  // arrangements with U < q
  for (std::size_t q = 0; q < dist.counts.size(); ++q) {
    if (ToDouble(below + dist.counts[q]) / total >= target) {
      result.q = q;
      result.cdf_below = ToDouble(below) / total;
      return result;
    }
    below += dist.counts[q];
  }
  // Unreachable for p <= 0.5: P(U <= floor(mn / 2)) >= 1/2 by symmetry.
  result.q = m * n / 2;
  result.cdf_below = ToDouble(below - dist.counts.back()) / total;
  return result;
}

}  // namespace benchgate
