#include "benchgate/stats/effect_size.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <boost/math/distributions/binomial.hpp>

#include "benchgate/stats/mann_whitney.h"
#include "benchgate/stats/percentile.h"
#include "stats/checks.h"
#include "stats/normal.h"
#include "stats/sort.h"

namespace benchgate {
namespace {

std::vector<double> Sorted(SampleView values) {
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

// Number of pairs with y_j - x_i <= t (x, y sorted), in O(m + n): as y_j
// grows, the x_i that qualify (x_i >= y_j - t) start further right.
std::uint64_t CountAtMost(const std::vector<double>& x, const std::vector<double>& y, double t) {
  std::uint64_t count = 0;
  std::size_t first = 0;  // first i with y_j - x_i <= t
  for (const double yj : y) {
    while (first < x.size() && yj - x[first] > t) ++first;
    count += x.size() - first;
  }
  return count;
}

// The k-th smallest (1-based) of the differences y_j - x_i, exactly as a
// computed difference: the smallest t with CountAtMost(t) >= k.
double KthDifference(const std::vector<double>& x, const std::vector<double>& y, std::uint64_t k) {
  std::uint64_t lo = OrderedBits(y.front() - x.back());
  std::uint64_t hi = OrderedBits(y.back() - x.front());
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    if (CountAtMost(x, y, FromOrderedBits(mid)) >= k) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return FromOrderedBits(lo);
}

// The critical k of the Moses interval and the coverage it achieves.
bool MosesK(std::size_t m, std::size_t n, double level, std::uint64_t& k, double& coverage,
            bool& exact) {
  const double mn = static_cast<double>(m) * static_cast<double>(n);
  const double alpha = 1.0 - level;
  const UDistribution dist = ExactUDistribution(m, n);
  if (!dist.cdf.empty()) {
    // R: qu <- qwilcox(alpha/2, m, n), the smallest q with P(U <= q) >= alpha/2;
    // lower = d[qu] (1-based, qu raised to 1 when 0), coverage 1 - 2 P(U <= qu - 1).
    std::size_t q = 0;
    while (dist.cdf[q] < alpha / 2) ++q;
    if (q == 0) q = 1;
    k = q;
    coverage = 1.0 - 2.0 * dist.cdf[q - 1];
    exact = true;
    // When even d_(1)..d_(mn) cannot reach the level, R still reports it;
    // benchgate says the sizes are too small instead.
    return coverage >= level;
  }
  const double z = NormalQuantile(1.0 - alpha / 2);
  const double kk = std::floor(mn / 2.0 - z * std::sqrt(mn * static_cast<double>(m + n + 1) / 12.0));
  if (kk < 1) return false;
  k = static_cast<std::uint64_t>(kk);
  coverage = level;
  exact = false;
  return true;
}

ShiftEstimate Shift(std::vector<double> x, std::vector<double> y, double level) {
  ShiftEstimate s;
  if (!ValidLevel(level)) {
    s.status = StatStatus::kInvalidArgument;
    return s;
  }
  SortDoubles(x);
  SortDoubles(y);
  const std::uint64_t total = static_cast<std::uint64_t>(x.size()) * y.size();
  // Median of the differences: the middle one, or the mean of the two.
  const double upper_mid = KthDifference(x, y, total / 2 + 1);
  s.estimate = total % 2 == 1 ? upper_mid
                              : (KthDifference(x, y, total / 2) + upper_mid) / 2.0;
  std::uint64_t k = 0;
  if (!MosesK(x.size(), y.size(), level, k, s.coverage, s.exact)) {
    s.status = StatStatus::kTooFew;
    s.estimate = 0;
    s.coverage = 0;
    return s;
  }
  s.lower = KthDifference(x, y, k);
  s.upper = KthDifference(x, y, total - k + 1);
  s.status = StatStatus::kOk;
  return s;
}

bool CheckPair(SampleView baseline, SampleView candidate, StatStatus& status) {
  if (baseline.empty() || candidate.empty()) {
    status = StatStatus::kEmpty;
    return false;
  }
  if (!AllFinite(baseline) || !AllFinite(candidate)) {
    status = StatStatus::kNonFinite;
    return false;
  }
  return true;
}

bool AllPositive(SampleView values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return v > 0; });
}

std::vector<double> Logs(SampleView values) {
  std::vector<double> logs;
  logs.reserve(values.size());
  for (const double v : values) logs.push_back(std::log(v));
  return logs;
}

// Price & Bonett's standard error of a log median from order statistics.
double LogMedianSe(const std::vector<double>& sorted_logs) {
  const std::size_t n = sorted_logs.size();
  const double rounded = std::round(static_cast<double>(n) / 2.0 - std::sqrt(static_cast<double>(n)));
  const auto c = static_cast<std::size_t>(std::max(1.0, rounded));
  const boost::math::binomial_distribution<double> binomial(static_cast<double>(n), 0.5);
  const double p = boost::math::cdf(binomial, static_cast<double>(c - 1));
  const double z = NormalQuantile(1.0 - p);
  return (sorted_logs[n - c] - sorted_logs[c - 1]) / (2.0 * z);
}

}  // namespace

ShiftEstimate HodgesLehmannShift(SampleView baseline, SampleView candidate, double level) {
  ShiftEstimate s;
  if (!CheckPair(baseline, candidate, s.status)) return s;
  return Shift({baseline.begin(), baseline.end()}, {candidate.begin(), candidate.end()}, level);
}

ShiftEstimate RelativeShift(SampleView baseline, SampleView candidate, double level) {
  ShiftEstimate s;
  if (!CheckPair(baseline, candidate, s.status)) return s;
  if (!AllPositive(baseline) || !AllPositive(candidate)) {
    s.status = StatStatus::kInvalidArgument;
    return s;
  }
  s = Shift(Logs(baseline), Logs(candidate), level);
  if (s.status != StatStatus::kOk) return s;
  s.estimate = std::expm1(s.estimate);
  s.lower = std::expm1(s.lower);
  s.upper = std::expm1(s.upper);
  return s;
}

double ProbabilityOfSuperiority(SampleView baseline, SampleView candidate) {
  if (baseline.empty() || candidate.empty()) return 0.5;
  // U of the candidate counts pairs where it is larger (ties count 1/2).
  const MannWhitneyResult test = MannWhitneyU(candidate, baseline, Alternative::kTwoSided,
                                              MannWhitneyMethod::kAsymptotic);
  if (test.status == StatStatus::kNonFinite) return 0.5;
  return test.u1 / (static_cast<double>(baseline.size()) * static_cast<double>(candidate.size()));
}

RelativeChange RelativeChangeOfMedians(SampleView baseline, SampleView candidate, double level) {
  RelativeChange r;
  if (!CheckPair(baseline, candidate, r.status)) return r;
  if (!ValidLevel(level) || !AllPositive(baseline) || !AllPositive(candidate)) {
    r.status = StatStatus::kInvalidArgument;
    return r;
  }
  if (baseline.size() < 2 || candidate.size() < 2) {
    r.status = StatStatus::kTooFew;
    return r;
  }
  const std::vector<double> base_logs = Sorted(Logs(baseline));
  const std::vector<double> cand_logs = Sorted(Logs(candidate));
  const double log_ratio = std::log(Median(candidate)) - std::log(Median(baseline));
  const double se = std::hypot(LogMedianSe(base_logs), LogMedianSe(cand_logs));
  const double z = NormalQuantile(1.0 - (1.0 - level) / 2.0);
  r.change = std::expm1(log_ratio);
  r.lower = std::expm1(log_ratio - z * se);
  r.upper = std::expm1(log_ratio + z * se);
  r.status = StatStatus::kOk;
  return r;
}

}  // namespace benchgate
