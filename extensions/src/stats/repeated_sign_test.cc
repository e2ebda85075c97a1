#include "stats/repeated_sign_test.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace benchgate {
namespace {

// Levels computed two ways may differ in the last bits.
constexpr double kRelativeSlack = 1e-9;

bool AtMost(double p, double level) { return p <= level * (1 + kRelativeSlack); }

// Rows P(Bin(n) <= m), m = 0..n, by Pascal's rule on the probabilities.
std::vector<std::vector<double>> BinomialHalfRows(std::size_t last) {
  std::vector<std::vector<double>> cdf(last + 1);
  std::vector<double> pmf(1, 1.0);
  for (std::size_t n = 0; n <= last; ++n) {
    if (n > 0) {
      std::vector<double> next(n + 1, 0.0);
      for (std::size_t m = 0; m < pmf.size(); ++m) {
        next[m] += pmf[m] / 2;
        next[m + 1] += pmf[m] / 2;
      }
      pmf = std::move(next);
    }
    double sum = 0;
    for (const double p : pmf) cdf[n].push_back(std::min(sum += p, 1.0));
  }
  return cdf;
}

// The largest attainable level whose crossing chance is at most `limit`:
// crossing is monotone in the level, so a binary search over the sorted
// attainable ones.
template <typename Crossing>
double Nominal(const std::vector<double>& attainable, double limit, const Crossing& crossing) {
  std::size_t lo = 0, hi = attainable.size();  // answer in [lo, hi)
  if (hi == 0 || crossing(attainable[0]) > limit) return 0;
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    (crossing(attainable[mid]) <= limit ? lo : hi) = mid;
  }
  return attainable[lo];
}

}  // namespace

double BinomialHalfCdf(std::size_t n, std::size_t m) {
  if (m >= n) return 1;
  // C(n, i) / 2^n by the multiplicative recurrence from 2^-n: exact while
  // the coefficients fit in 53 bits, and within a few ulps beyond.
  double term = std::ldexp(1.0, -static_cast<int>(n));
  double sum = term;
  for (std::size_t i = 0; i < m; ++i) {
    term = term * static_cast<double>(n - i) / static_cast<double>(i + 1);
    sum += term;
  }
  return std::min(sum, 1.0);
}

RepeatedSignTest::RepeatedSignTest(std::size_t first, std::size_t last)
    : first_(first), last_(last), cdf_(BinomialHalfRows(last)) {
  for (std::size_t n = first; n <= last; ++n) {
    for (std::size_t m = 0; 2 * m <= n; ++m) one_sided_.push_back(cdf_[n][m]);
  }
  std::sort(one_sided_.begin(), one_sided_.end());
  one_sided_.erase(std::unique(one_sided_.begin(), one_sided_.end()), one_sided_.end());
}

const RepeatedSignTest& RepeatedSignTest::For(std::size_t first, std::size_t last) {
  static std::mutex mutex;
  static std::map<std::pair<std::size_t, std::size_t>, std::unique_ptr<RepeatedSignTest>> made;
  last = std::clamp<std::size_t>(last, 1, kMaxLooks);
  first = std::clamp<std::size_t>(first, 1, last);
  const std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<RepeatedSignTest>& slot = made[{first, last}];
  if (!slot) slot.reset(new RepeatedSignTest(first, last));
  return *slot;
}

template <typename Rejects>
double RepeatedSignTest::Crossing(const Rejects& rejects) const {
  std::vector<double> alive(1, 1.0);  // P(count = c, no look rejected yet)
  double crossed = 0;
  for (std::size_t n = 1; n <= last_; ++n) {
    std::vector<double> next(n + 1, 0.0);
    for (std::size_t c = 0; c < alive.size(); ++c) {
      next[c] += alive[c] / 2;
      next[c + 1] += alive[c] / 2;
    }
    if (n >= first_) {
      for (std::size_t c = 0; c <= n; ++c) {
        if (next[c] > 0 && rejects(n, c)) {
          crossed += next[c];
          next[c] = 0;
        }
      }
    }
    alive = std::move(next);
  }
  return std::min(crossed, 1.0);
}

double RepeatedSignTest::OneSidedCrossing(double b) const {
  return Crossing([&](std::size_t n, std::size_t c) { return AtMost(cdf_[n][c], b); });
}

double RepeatedSignTest::OneSidedNominal(double beta) const {
  return Nominal(one_sided_, beta, [&](double b) { return OneSidedCrossing(b); });
}

int RepeatedSignTest::MostBeyond(std::size_t n, double b) const {
  if (n < first_ || n > last_) return -1;
  int most = -1;
  for (std::size_t m = 0; m <= n && AtMost(cdf_[n][m], b); ++m) most = static_cast<int>(m);
  return most;
}

}  // namespace benchgate
