#include "benchgate/stats/mann_whitney.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "stats/checks.h"
#include "stats/normal.h"
#include "stats/sort.h"

namespace benchgate {
namespace {

__extension__ using Int128 = __int128;

struct Ranking {
  double rank_sum_x = 0;
  double tie_term = 0;  // sum over tie groups of t^3 - t
  bool has_ties = false;
};

// Average ranks of the pooled sample (SciPy's rankdata "average"). Each
// side is sorted on its own (radix) and the two merged, several times
// faster than one index sort through a comparator.
Ranking Rank(SampleView x, SampleView y) {
  std::vector<double> xs(x.begin(), x.end());
  std::vector<double> ys(y.begin(), y.end());
  SortDoubles(xs);
  SortDoubles(ys);
  Ranking ranking;
  std::size_t i = 0, j = 0;
  double next_rank = 1;  // rank of the next pooled position
  while (i < xs.size() || j < ys.size()) {
    const double value = j == ys.size() || (i < xs.size() && xs[i] <= ys[j]) ? xs[i] : ys[j];
    std::size_t in_x = 0, in_y = 0;
    while (i < xs.size() && xs[i] == value) ++i, ++in_x;
    while (j < ys.size() && ys[j] == value) ++j, ++in_y;
    const double t = static_cast<double>(in_x + in_y);
    const double average_rank = next_rank + (t - 1) / 2.0;
    ranking.rank_sum_x += average_rank * static_cast<double>(in_x);
    if (t > 1) {
      ranking.has_ties = true;
      ranking.tie_term += t * t * t - t;
    }
    next_rank += t;
  }
  return ranking;
}

double AsymptoticP(double u, std::size_t n1, std::size_t n2, double tie_term, double& z) {
  const double m = static_cast<double>(n1);
  const double k = static_cast<double>(n2);
  const double n = m + k;
  const double mu = m * k / 2.0;
  const double s = std::sqrt(m * k / 12.0 * ((n + 1.0) - tie_term / (n * (n - 1.0))));
  // SciPy always uses the survival function, so the continuity correction
  // is always a subtraction.
  z = (u - mu - 0.5) / s;
  return NormalSf(z);
}

}  // namespace

const char* MannWhitneyMethodName(MannWhitneyMethod method) noexcept {
  switch (method) {
    case MannWhitneyMethod::kAuto: return "auto";
    case MannWhitneyMethod::kExact: return "exact";
    case MannWhitneyMethod::kAsymptotic: return "asymptotic";
  }
  return "unknown";
}

UDistribution ExactUDistribution(std::size_t m, std::size_t n) {
  UDistribution dist;
  if (m > kExactMaxSize || n > kExactMaxSize) return dist;
  dist.m = m;
  dist.n = n;
  // Counts of U are the coefficients of prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i),
  // the Gaussian binomial coefficient. Each step multiplies by (1 - q^(n+i))
  // then divides exactly by (1 - q^i); 128-bit integers keep it exact.
  std::vector<Int128> c(m * n + 1, 0);
  c[0] = 1;
  std::size_t degree = 0;
  for (std::size_t i = 1; i <= m; ++i) {
    const std::size_t shift = n + i;
    const std::size_t new_degree = degree + n;  // i n
    for (std::size_t j = std::min(new_degree, degree + shift); j >= shift; --j) c[j] -= c[j - shift];
    for (std::size_t j = i; j <= new_degree; ++j) c[j] += c[j - i];
    degree = new_degree;
  }
  Int128 total = 0;
  for (const Int128 count : c) total += count;
  dist.total = static_cast<double>(total);
  dist.cdf.resize(c.size());
  Int128 running = 0;
  for (std::size_t u = 0; u < c.size(); ++u) {
    running += c[u];
    // Divide in 128 bits first where possible to keep full precision.
    dist.cdf[u] = static_cast<double>(running) / dist.total;
  }
  return dist;
}

MannWhitneyResult MannWhitneyU(SampleView x, SampleView y, Alternative alternative,
                               MannWhitneyMethod method) {
  MannWhitneyResult r;
  if (x.empty() || y.empty()) return r;
  if (!AllFinite(x) || !AllFinite(y)) {
    r.status = StatStatus::kNonFinite;
    return r;
  }
  const std::size_t n1 = x.size();
  const std::size_t n2 = y.size();
  const Ranking ranking = Rank(x, y);
  r.has_ties = ranking.has_ties;
  r.u1 = ranking.rank_sum_x - static_cast<double>(n1) * static_cast<double>(n1 + 1) / 2.0;
  r.u2 = static_cast<double>(n1) * static_cast<double>(n2) - r.u1;

  if (method == MannWhitneyMethod::kAuto) {
    const bool small = n1 <= kExactMaxSize && n2 <= kExactMaxSize;
    method = small && !ranking.has_ties ? MannWhitneyMethod::kExact : MannWhitneyMethod::kAsymptotic;
  }
  r.method = method;

  double u = std::max(r.u1, r.u2);
  double factor = 2;
  if (alternative == Alternative::kGreater) {
    u = r.u1;
    factor = 1;
  } else if (alternative == Alternative::kLess) {
    u = r.u2;
    factor = 1;
  }

  if (method == MannWhitneyMethod::kExact) {
    const UDistribution dist = ExactUDistribution(n1, n2);
    if (dist.cdf.empty()) {
      r.status = StatStatus::kInvalidArgument;
      return r;
    }
    // P(U >= k) = P(U <= m n - k) by symmetry; k is U truncated, as SciPy does.
    const auto k = static_cast<std::size_t>(u);
    r.p_value = std::min(1.0, factor * dist.cdf[n1 * n2 - k]);
    r.status = StatStatus::kOk;
    return r;
  }
  const std::size_t n = n1 + n2;
  if (ranking.tie_term >= static_cast<double>(n) * static_cast<double>(n * n - 1)) {
    // One tie group holds every value: the ranks carry no information.
    r.status = StatStatus::kAllEqual;
    r.p_value = 1;
    return r;
  }
  r.p_value = std::clamp(factor * AsymptoticP(u, n1, n2, ranking.tie_term, r.z), 0.0, 1.0);
  r.status = StatStatus::kOk;
  return r;
}

}  // namespace benchgate
