// Order-statistic confidence intervals for the median and other quantiles.
#include <algorithm>
#include <cmath>
#include <vector>

#include "stats/confidence.h"
#include "stats/checks.h"

namespace benchgate {
namespace {

// P(B = i) for B ~ Binomial(n, q), i = 0..n, by the ratio recurrence in
// log space (no underflow of q^n for large n): one pass instead of n + 1
// separate evaluations.
std::vector<double> BinomialPmf(std::size_t n, double q) {
  std::vector<double> log_pmf(n + 1);
  const double nn = static_cast<double>(n);
  log_pmf[0] = nn * std::log1p(-q);
  const double log_odds = std::log(q) - std::log1p(-q);
  for (std::size_t i = 0; i < n; ++i) {
    const double ii = static_cast<double>(i);
    log_pmf[i + 1] = log_pmf[i] + std::log((nn - ii) / (ii + 1.0)) + log_odds;
  }
  std::vector<double> pmf(n + 1);
  for (std::size_t i = 0; i <= n; ++i) pmf[i] = std::exp(log_pmf[i]);
  return pmf;
}

std::vector<double> Sorted(SampleView values) {
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

// Common input checks; returns false (and sets the status) when unusable.
bool Usable(SampleView values, double level, ConfidenceInterval& ci) {
  ci.level = level;
  if (!ValidLevel(level)) {
    ci.status = StatStatus::kInvalidArgument;
    return false;
  }
  if (values.empty()) return false;
  if (!AllFinite(values)) {
    ci.status = StatStatus::kNonFinite;
    return false;
  }
  return true;
}

}  // namespace

ConfidenceInterval MedianConfidenceInterval(SampleView values, double level) {
  ConfidenceInterval ci;
  if (!Usable(values, level, ci)) return ci;
  const std::size_t n = values.size();
  const std::vector<double> pmf = BinomialPmf(n, 0.5);
  // coverage(k) = 1 - 2 P(B <= k - 1); it shrinks as k grows, so walk k up
  // while the next one still reaches the level.
  double tail = 0;  // P(B <= k - 1): every value on one side of the median
  std::size_t best = 0;
  double best_coverage = 0;
  for (std::size_t k = 1; 2 * k <= n + 1; ++k) {
    tail += pmf[k - 1];
    const double coverage = 1.0 - 2.0 * tail;
    if (coverage < level) break;
    best = k;
    best_coverage = coverage;
  }
  if (best == 0) {
    ci.status = StatStatus::kTooFew;
    return ci;
  }
  const std::vector<double> sorted = Sorted(values);
  ci.lower = sorted[best - 1];
  ci.upper = sorted[n - best];
  ci.coverage = std::min(best_coverage, 1.0);
  ci.status = StatStatus::kOk;
  return ci;
}

ConfidenceInterval QuantileConfidenceInterval(SampleView values, double q, double level) {
  ConfidenceInterval ci;
  if (!(q > 0.0 && q < 1.0)) {
    ci.level = level;
    ci.status = StatStatus::kInvalidArgument;
    return ci;
  }
  if (!Usable(values, level, ci)) return ci;
  const std::size_t n = values.size();
  if (n < 2) {
    ci.status = StatStatus::kTooFew;
    return ci;
  }
  const std::vector<double> pmf = BinomialPmf(n, q);
  // [x_(l), x_(u)] (1-based) covers the q-quantile when l <= B <= u - 1, B
  // the number of values below it. Grow [l, u - 1] from the mode of B,
  // each step taking the neighbour with more mass: the shortest interval.
  // Start inside the usable range 1 <= B <= n - 1.
  std::size_t lo = static_cast<std::size_t>(std::floor(q * static_cast<double>(n + 1)));
  lo = std::clamp<std::size_t>(lo, 1, n - 1);
  std::size_t hi = lo;  // B in [lo, hi]
  double coverage = pmf[lo];
  while (coverage < level) {
    const double left = lo > 1 ? pmf[lo - 1] : -1;  // l >= 1: B = 0 needs x_(0)
    const double right = hi + 1 < n ? pmf[hi + 1] : -1;  // u = hi + 1 <= n
    if (left < 0 && right < 0) break;
    if (left >= right) {
      coverage += pmf[--lo];
    } else {
      coverage += pmf[++hi];
    }
  }
  if (coverage < level || lo < 1 || hi + 1 > n) {
    ci.status = StatStatus::kTooFew;
    return ci;
  }
  const std::vector<double> sorted = Sorted(values);
  ci.lower = sorted[lo - 1];
  ci.upper = sorted[hi];  // x_(hi + 1), 0-based hi
  ci.coverage = std::min(coverage, 1.0);
  ci.status = StatStatus::kOk;
  return ci;
}

}  // namespace benchgate
