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

}  // namespace benchgate

#endif  // BENCHGATE_STATS_MW_PAIRWISE_H_
