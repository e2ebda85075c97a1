// Order statistics of the m n pairwise differences y_j - x_i without
// materialising them (10,000 x 10,000 would be 800 MB): the k-th difference
// is found by bisection on the value, each step counting the differences
// <= t with two pointers in O(m + n). Bisecting on the order-preserving
// integer image of doubles ends after at most 64 steps on a value that is
// exactly one of the computed differences, so the results equal those of
// sort(outer(y, x, "-")) bit for bit. Total O((m + n) log(m + n)) for the
// sorts plus O(64 (m + n)) per order statistic.
#ifndef BENCHGATE_STATS_MW_PAIRWISE_H_
#define BENCHGATE_STATS_MW_PAIRWISE_H_

#include <cstdint>
#include <vector>

#include "stats/sort.h"

namespace benchgate {

// Number of pairs with y_j - x_i <= t (x, y sorted ascending). As y_j grows
// the x_i that qualify (x_i >= y_j - t) start further right; rounding of
// the subtraction is monotone, so the pointer never moves back.
inline std::uint64_t CountDifferencesAtMost(const std::vector<double>& x,
                                            const std::vector<double>& y, double t) {
  std::uint64_t count = 0;
  std::size_t first = 0;  // first i with y_j - x_i <= t
  for (const double yj : y) {
    while (first < x.size() && yj - x[first] > t) ++first;
    count += x.size() - first;
  }
  return count;
}

// The k-th smallest (1-based, 1 <= k <= m n) of the differences y_j - x_i,
// x and y sorted ascending and non-empty: the smallest t with
// CountDifferencesAtMost(t) >= k. A zero difference is returned as +0.0.
inline double KthDifference(const std::vector<double>& x, const std::vector<double>& y,
                            std::uint64_t k) {
  std::uint64_t lo = OrderedBits(y.front() - x.back());
  std::uint64_t hi = OrderedBits(y.back() - x.front());
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    if (CountDifferencesAtMost(x, y, FromOrderedBits(mid)) >= k) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  // -0.0 and +0.0 count the same, and -0.0 orders first; reports want "0".
  return FromOrderedBits(lo) + 0.0;
}

// Up to this many differences, sorting them all once is cheaper than four
// bisections (a benchmark of 20 against 20 repetitions has 400); 64 Ki
// doubles are 512 KB.
inline constexpr std::uint64_t kMaterializedDifferencesMax = 1u << 16;

// The order statistics ks (1-based) of the differences, in the order asked.
// Materialised and sorted when there are few, by bisection otherwise: the
// same computed differences either way, so the same values bit for bit.
inline std::vector<double> KthDifferences(const std::vector<double>& x,
                                          const std::vector<double>& y,
                                          const std::vector<std::uint64_t>& ks) {
  std::vector<double> result;
  result.reserve(ks.size());
  const std::uint64_t total = static_cast<std::uint64_t>(x.size()) * y.size();
  if (total > kMaterializedDifferencesMax) {
    for (const std::uint64_t k : ks) result.push_back(KthDifference(x, y, k));
    return result;
  }
  std::vector<double> differences;
  differences.reserve(total);
  for (const double yj : y) {
    for (const double xi : x) differences.push_back(yj - xi);
  }
  SortDoubles(differences);
  for (const std::uint64_t k : ks) result.push_back(differences[k - 1] + 0.0);  // +0, not -0
  return result;
}

}  // namespace benchgate

#endif  // BENCHGATE_STATS_MW_PAIRWISE_H_
