#include "stats/signed_rank.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <utility>
#include <vector>

#include "stats/checks.h"
#include "stats/normal.h"

namespace benchgate {
namespace {

// Largest n whose exact distribution is computed: n^3/6 steps, ~10^7 here.
constexpr std::size_t kExactLimit = 400;
// Largest sample whose Walsh averages are materialised (~2 million).
constexpr std::size_t kWalshLimit = 2000;

struct Ranked {
  double r_plus = 0, r_minus = 0;
  double tie_term = 0;  // sum over tie groups of t (t^2 - 1)
  bool has_ties = false;
};

// Average ranks of |d| (SciPy's rankdata), summed by sign.
Ranked RankAbsolute(const std::vector<double>& nonzero) {
  std::vector<double> magnitude(nonzero.size());
  std::vector<std::size_t> order(nonzero.size());
  for (std::size_t i = 0; i < nonzero.size(); ++i) {
    magnitude[i] = std::abs(nonzero[i]);
    order[i] = i;
  }
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return magnitude[a] < magnitude[b]; });
  Ranked ranked;
  for (std::size_t begin = 0; begin < order.size();) {
    std::size_t end = begin + 1;
    while (end < order.size() && magnitude[order[end]] == magnitude[order[begin]]) ++end;
    const auto t = static_cast<double>(end - begin);
    const double rank = (static_cast<double>(begin + 1) + static_cast<double>(end)) / 2;
    if (end - begin > 1) {
      ranked.has_ties = true;
      ranked.tie_term += t * (t * t - 1);
    }
    for (std::size_t i = begin; i < end; ++i) {
      (nonzero[order[i]] > 0 ? ranked.r_plus : ranked.r_minus) += rank;
    }
    begin = end;
  }
  return ranked;
}

// SciPy's exact two-sided p: twice the smaller tail at the truncated r_plus,
// 1 at the centre floor(N/2).
double ExactTwoSided(std::size_t n, double r_plus) {
  const std::vector<double> pmf = SignedRankPmf(n);
  const auto w = static_cast<std::size_t>(r_plus);
  if (w == (pmf.size() - 1) / 2) return 1.0;
  double less = 0, greater = 0;
  for (std::size_t i = 0; i <= w; ++i) less += pmf[i];
  for (std::size_t i = w; i < pmf.size(); ++i) greater += pmf[i];
  return std::clamp(2 * std::min(less, greater), 0.0, 1.0);
}

// Lower index k (1-based) of the Tukey interval, and whether it is exact.
struct Critical {
  std::size_t k = 1;
  double coverage = 0;
  bool exact = false;
};

Critical CriticalIndex(std::size_t n, double level) {
  const double alpha = 1 - level;
  const std::size_t total = n * (n + 1) / 2;
  Critical critical;
  if (n <= kSignedRankExactMax) {
    // R's qsignrank(alpha / 2, n): the smallest q with P(W+ <= q) >= alpha/2
    // (with R's fuzz of 10 DBL_EPSILON), then at least 1.
    const std::vector<double> pmf = SignedRankPmf(n);
    double cdf = 0;
    std::size_t q = 0;
    for (; q < pmf.size(); ++q) {
      cdf += pmf[q];
      if (cdf >= alpha / 2 - 10 * DBL_EPSILON) break;
    }
    critical.k = std::max<std::size_t>(q, 1);
    double below = 0;  // P(W+ <= k - 1)
    for (std::size_t i = 0; i < critical.k && i < pmf.size(); ++i) below += pmf[i];
    critical.coverage = 1 - 2 * below;
    critical.exact = true;
    return critical;
  }
  const double nd = static_cast<double>(n);
  const double sigma = std::sqrt(nd * (nd + 1) * (2 * nd + 1) / 24);
  const double k =
      std::floor(static_cast<double>(total) / 2 + 0.5 - NormalQuantile((1 + level) / 2) * sigma);
  critical.k = k < 1 ? 1 : static_cast<std::size_t>(k);
  critical.coverage = level;
  return critical;
}

}  // namespace

const char* SignedRankMethodName(SignedRankMethod method) noexcept {
  switch (method) {
    case SignedRankMethod::kAuto:
      return "auto";
    case SignedRankMethod::kExact:
      return "exact";
    case SignedRankMethod::kAsymptotic:
      return "asymptotic";
  }
  return "auto";
}

// By SciPy's recurrence (_get_wilcoxon_distr): adding rank k halves every
// probability and shifts one copy by k.
std::vector<double> SignedRankPmf(std::size_t n) {
  std::vector<double> pmf(1, 1.0);
  for (std::size_t k = 1; k <= n; ++k) {
    std::vector<double> next(k * (k + 1) / 2 + 1, 0.0);
    const std::size_t m = pmf.size();
    for (std::size_t i = 0; i < m; ++i) next[i] = pmf[i] * 0.5;
    for (std::size_t i = 0; i < m; ++i) next[next.size() - m + i] += pmf[i] * 0.5;
    pmf = std::move(next);
  }
  return pmf;
}

double SignedRankCdf(std::size_t n, double w) {
  if (w < 0) return 0;
  const std::size_t total = n * (n + 1) / 2;
  if (w >= static_cast<double>(total)) return 1;
  if (n > kExactLimit) return 0;
  const std::vector<double> pmf = SignedRankPmf(n);
  double cdf = 0;
  for (std::size_t i = 0; i <= static_cast<std::size_t>(w); ++i) cdf += pmf[i];
  return std::min(cdf, 1.0);
}

SignedRankResult SignedRankTest(SampleView differences, SignedRankMethod method) {
  SignedRankResult result;
  if (differences.empty()) return result;
  if (!AllFinite(differences)) {
    result.status = StatStatus::kNonFinite;
    return result;
  }
  std::vector<double> nonzero;
  for (const double d : differences) {
    if (d != 0) nonzero.push_back(d);
  }
  result.n = nonzero.size();
  result.zeros = differences.size() - nonzero.size();
  if (nonzero.empty()) {
    result.status = StatStatus::kAllEqual;
    return result;
  }
  const Ranked ranked = RankAbsolute(nonzero);
  result.r_plus = ranked.r_plus;
  result.r_minus = ranked.r_minus;
  result.statistic = std::min(ranked.r_plus, ranked.r_minus);
  result.has_ties = ranked.has_ties;

  bool exact = method == SignedRankMethod::kExact;
  if (method == SignedRankMethod::kAuto) {
    exact = !ranked.has_ties && result.n <= kSignedRankExactMax;
  }
  if (result.zeros > 0) exact = false;  // SciPy switches to the approximation
  if (exact) {
    if (result.n > kExactLimit) {
      result.status = StatStatus::kInvalidArgument;
      return result;
    }
    result.method = SignedRankMethod::kExact;
    result.p_value = ExactTwoSided(result.n, ranked.r_plus);
  } else {
    const auto n = static_cast<double>(result.n);
    const double mean = n * (n + 1) / 4;
    const double variance = (n * (n + 1) * (2 * n + 1) - 0.5 * ranked.tie_term) / 24;
    result.method = SignedRankMethod::kAsymptotic;
    result.z = (result.statistic - mean) / std::sqrt(variance);
    result.p_value = std::min(1.0, 2 * NormalSf(std::abs(result.z)));
  }
  result.status = StatStatus::kOk;
  return result;
}

OneSampleShift HodgesLehmannOneSample(SampleView values, double level) {
  OneSampleShift shift;
  if (values.empty()) return shift;
  if (!AllFinite(values)) {
    shift.status = StatStatus::kNonFinite;
    return shift;
  }
  if (!ValidLevel(level) || values.size() > kWalshLimit) {
    shift.status = StatStatus::kInvalidArgument;
    return shift;
  }
  const std::size_t n = values.size();
  const Critical critical = CriticalIndex(n, level);
  if (critical.coverage < level) {
    shift.status = StatStatus::kTooFew;
    return shift;
  }
  std::vector<double> walsh;
  walsh.reserve(n * (n + 1) / 2);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i; j < n; ++j) walsh.push_back((values[i] + values[j]) / 2);
  }
  std::sort(walsh.begin(), walsh.end());
  const std::size_t total = walsh.size();
  shift.estimate =
      total % 2 == 1 ? walsh[total / 2] : (walsh[total / 2 - 1] + walsh[total / 2]) / 2;
  const std::size_t k = std::min(critical.k, (total + 1) / 2);
  shift.lower = walsh[k - 1];
  shift.upper = walsh[total - k];
  shift.coverage = critical.coverage;
  shift.exact = critical.exact;
  shift.status = StatStatus::kOk;
  return shift;
}

}  // namespace benchgate
