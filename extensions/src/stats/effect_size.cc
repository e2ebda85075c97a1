#include "benchgate/stats/effect_size.h"

#include <algorithm>
#include <boost/math/distributions/binomial.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

#include "benchgate/stats/percentile.h"
#include "stats/checks.h"
#include "stats/mw_exact.h"
#include "stats/mw_pairwise.h"
#include "stats/normal.h"
#include "stats/sort.h"

namespace benchgate {
namespace {

// Sum over runs of equal values of t^3 - t (sorted input).
double TieTerm(const std::vector<double>& sorted) {
  double term = 0;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i + 1;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    const auto t = static_cast<double>(j - i);
    term += t * t * t - t;
    i = j;
  }
  return term;
}

bool ShareAValue(const std::vector<double>& x, const std::vector<double>& y) {
  std::size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] == y[j]) return true;
    if (x[i] < y[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return false;
}

// Which order statistic of the differences bounds the Moses interval.
struct MosesRank {
  StatStatus status = StatStatus::kOk;
  std::uint64_t k = 0;  // lower = d_(k), upper = d_(mn - k + 1)
  double coverage = 0;
};

// R: qu <- qwilcox(alpha/2, m, n); if (qu == 0) qu <- 1;
// achieved.alpha <- 2 * pwilcox(trunc(qu) - 1, m, n). When qu is 0 even
// [d_(1), d_(mn)] misses the level; R warns, benchgate says kTooFew.
MosesRank ExactRank(std::size_t m, std::size_t n, double level) {
  MosesRank rank;
  if (!MwExactFeasible(m, n)) {
    rank.status = StatStatus::kInvalidArgument;
    return rank;
  }
  // A suite's benchmarks mostly share their repetitions: the distribution
  // of U is built once per thread for the last (m, n, level) asked.
  struct Last {
    std::size_t m = 0, n = 0;
    double level = -1;
    MwQuantile q;
  };
  thread_local Last last;
  if (last.m != m || last.n != n || last.level != level) {
    last = {m, n, level, MwExactQuantile(m, n, (1.0 - level) / 2.0)};
  }
  const MwQuantile q = last.q;
  if (q.q == 0) {
    rank.status = StatStatus::kTooFew;
    return rank;
  }
  rank.k = q.q;
  rank.coverage = 1.0 - 2.0 * q.cdf_below;
  return rank;
}

// R's uniroot on W(d) = (U(d) - mn/2 - 0.5 sign(.)) / sigma - z. Between
// two adjacent differences d_(r) < d < d_(r+1), U(d) = mn - r and no
// difference is tied, so sigma has only the ties within each sample; the
// root is the jump at d_(k) with k the smallest r where
// (mn/2 - r - 0.5) / sigma < z.
MosesRank NormalRank(std::size_t m, std::size_t n, double level, double within_tie_term) {
  MosesRank rank;
  const double mn = static_cast<double>(m) * static_cast<double>(n);
  const double total = static_cast<double>(m + n);
  const double sigma =
      std::sqrt(mn / 12.0 * ((total + 1.0) - within_tie_term / (total * (total - 1.0))));
  const double z = NormalQuantile(1.0 - (1.0 - level) / 2.0);
  const double bound = mn / 2.0 - 0.5 - z * sigma;
  if (bound < 0) {  // R would return the range [d_(1), d_(mn)] below the level
    rank.status = StatStatus::kTooFew;
    return rank;
  }
  rank.k = static_cast<std::uint64_t>(std::floor(bound)) + 1;
  rank.coverage = level;
  return rank;
}

ShiftEstimate Shift(std::vector<double> x, std::vector<double> y, double level,
                    MannWhitneyMethod method) {
  ShiftEstimate s;
  if (!ValidLevel(level)) {
    s.status = StatStatus::kInvalidArgument;
    return s;
  }
  SortDoubles(x);
  SortDoubles(y);
  const double within_tie_term = TieTerm(x) + TieTerm(y);
  const bool pooled_ties = within_tie_term > 0 || ShareAValue(x, y);
  const bool small = x.size() <= kExactMaxSize && y.size() <= kExactMaxSize;
  s.exact = method == MannWhitneyMethod::kExact ||
            (method == MannWhitneyMethod::kAuto && small && !pooled_ties);
  const MosesRank rank = s.exact ? ExactRank(x.size(), y.size(), level)
                                 : NormalRank(x.size(), y.size(), level, within_tie_term);
  if (rank.status != StatStatus::kOk) {
    s.status = rank.status;
    s.exact = false;
    return s;
  }
  const std::uint64_t total = static_cast<std::uint64_t>(x.size()) * y.size();
  // Median of the differences: the middle one, or the mean of the two.
  // Each order statistic is asked once: above 64 Ki differences each costs
  // a bisection.
  const std::uint64_t middle = total / 2 + 1;
  const bool odd = total % 2 == 1;
  std::vector<std::uint64_t> ks = {rank.k, total - rank.k + 1, middle};
  if (!odd) ks.push_back(middle - 1);
  const std::vector<double> d = KthDifferences(x, y, ks);
  s.lower = d[0];
  s.upper = d[1];
  s.estimate = odd ? d[2] : (d[3] + d[2]) / 2.0;
  s.coverage = rank.coverage;
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

// Price & Bonett's standard error of a log median from two order
// statistics symmetric around the middle (statpsych's ci.ratio.median2).
// n >= 2 keeps pbinom(c - 1, n, 1/2) <= 1/4, so z0 > 0.
double LogMedianSe(std::vector<double> logs) {
  std::sort(logs.begin(), logs.end());
  const std::size_t n = logs.size();
  const double rounded =
      std::round(static_cast<double>(n) / 2.0 - std::sqrt(static_cast<double>(n)));
  const auto c = static_cast<std::size_t>(std::max(1.0, rounded));
  const boost::math::binomial_distribution<double> binomial(static_cast<double>(n), 0.5);
  const double p = boost::math::cdf(binomial, static_cast<double>(c - 1));
  const double z0 = NormalQuantile(1.0 - p);
  return (logs[n - c] - logs[c - 1]) / (2.0 * z0);
}

}  // namespace

ShiftEstimate HodgesLehmannShift(SampleView baseline, SampleView candidate, double level,
                                 MannWhitneyMethod method) {
  ShiftEstimate s;
  if (!CheckPair(baseline, candidate, s.status)) return s;
  return Shift({baseline.begin(), baseline.end()}, {candidate.begin(), candidate.end()}, level,
               method);
}

ShiftEstimate RelativeShift(SampleView baseline, SampleView candidate, double level,
                            MannWhitneyMethod method) {
  ShiftEstimate s;
  if (!CheckPair(baseline, candidate, s.status)) return s;
  if (!AllPositive(baseline) || !AllPositive(candidate)) {
    s.status = StatStatus::kInvalidArgument;
    return s;
  }
  s = Shift(Logs(baseline), Logs(candidate), level, method);
  if (s.status != StatStatus::kOk) return s;
  s.estimate = std::expm1(s.estimate);
  s.lower = std::expm1(s.lower);
  s.upper = std::expm1(s.upper);
  return s;
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
  const double log_ratio = std::log(Median(candidate)) - std::log(Median(baseline));
  const double se = std::hypot(LogMedianSe(Logs(baseline)), LogMedianSe(Logs(candidate)));
  const double z = NormalQuantile(1.0 - (1.0 - level) / 2.0);
  r.change = std::expm1(log_ratio);
  r.lower = std::expm1(log_ratio - z * se);
  r.upper = std::expm1(log_ratio + z * se);
  r.status = StatStatus::kOk;
  return r;
}

}  // namespace benchgate
