#include "stats/repeated_normal_looks.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "stats/normal.h"

namespace benchgate {
namespace {

constexpr int kMaxNormalLooks = 100;
// Simpson's rule on at most this many intervals per look, at least
// kFinestStep apart: the increments' density is smooth on that scale, and
// the crossing chances agree with Pocock's constants and the simulation
// (tests). A benchmark's repeated p-value costs about (2 c / step)^2
// kernel evaluations per look: a fraction of a millisecond for 4 looks.
constexpr int kMaxIntervals = 300;
constexpr double kFinestStep = 0.05;
constexpr double kKernelReach = 9;  // standard deviations of one increment
constexpr double kNotYet = std::numeric_limits<double>::quiet_NaN();

double Density(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2 * M_PI); }

// Grid points and Simpson weights on [-b, b].
struct Grid {
  std::vector<double> at, weight;
};

Grid GridOn(double b) {
  int n = static_cast<int>(std::ceil(2 * b / kFinestStep));
  n = std::clamp(n + n % 2, 2, kMaxIntervals);
  const double step = 2 * b / n;
  Grid g;
  for (int i = 0; i <= n; ++i) {
    g.at.push_back(-b + step * i);
    const double simpson = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
    g.weight.push_back(simpson * step / 3);
  }
  return g;
}

}  // namespace

const RepeatedNormalLooks& RepeatedNormalLooks::For(int first, int last) {
  static std::mutex mutex;
  static std::map<std::pair<int, int>, std::unique_ptr<RepeatedNormalLooks>> made;
  const int to = std::clamp(last, 1, kMaxNormalLooks);
  const int from = std::clamp(first, 1, to);
  const std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<RepeatedNormalLooks>& looks = made[{from, to}];
  if (!looks) looks.reset(new RepeatedNormalLooks(from, to));
  return *looks;
}

double RepeatedNormalLooks::Crossing(double a) const {
  if (!(a > 0)) return 0;
  if (a >= 1) return 1;
  const double c = -NormalQuantile(a / 2);  // accurate for the smallest levels too
  double crossed = a;                       // the first look
  // S_first ~ N(0, first), on its continuation region.
  const double spread = std::sqrt(static_cast<double>(first_));
  Grid grid = GridOn(c * spread);
  std::vector<double> density;  // of S_k on the continuation region, at the grid
  for (const double s : grid.at) density.push_back(Density(s / spread) / spread);
  for (int k = first_ + 1; k <= last_; ++k) {
    const double b = c * std::sqrt(static_cast<double>(k));
    // Leaving at look k: from u, S_k = u + N(0, 1) beyond +-b.
    for (std::size_t i = 0; i < grid.at.size(); ++i) {
      const double u = grid.at[i];
      crossed += grid.weight[i] * density[i] * (NormalCdf(u - b) + NormalCdf(-b - u));
    }
    if (k == last_) break;
    Grid next = GridOn(b);
    std::vector<double> next_density(next.at.size(), 0.0);
    for (std::size_t j = 0; j < next.at.size(); ++j) {
      double sum = 0;
      for (std::size_t i = 0; i < grid.at.size(); ++i) {
        const double gap = next.at[j] - grid.at[i];
        if (std::abs(gap) < kKernelReach) sum += grid.weight[i] * density[i] * Density(gap);
      }
      next_density[j] = sum;
    }
    grid = std::move(next);
    density = std::move(next_density);
  }
  return std::min(crossed, 1.0);
}

double RepeatedNormalLooks::Nominal(double alpha) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto known = nominal_.find(alpha);
  if (known != nominal_.end()) return known->second;
  // Crossing is increasing in a, and Crossing(a) >= a: the level lies in
  // (0, alpha]. Bisection on log a.
  double lo = std::log(alpha / ((last_ - first_ + 1) * 4.0)), hi = std::log(alpha);
  while (hi - lo > 1e-9) {
    const double mid = (lo + hi) / 2;
    (Crossing(std::exp(mid)) <= alpha ? lo : hi) = mid;
  }
  const double level = std::exp(lo);
  nominal_.emplace(alpha, level);
  return level;
}

double RepeatedNormalLooks::RepeatedP(double smallest) const {
  if (!(smallest > 0)) return 0;
  if (smallest >= 1) return 1;
  constexpr int kPerDecade = 40, kDecades = 12;
  const double at = (std::log10(smallest) + kDecades) * kPerDecade;
  if (at <= 0) return Crossing(smallest);  // rare: computed
  const std::lock_guard<std::mutex> lock(mutex_);
  if (log_crossing_.empty()) log_crossing_.assign(kPerDecade * kDecades + 1, kNotYet);
  // The table's points, each computed the first time it is needed.
  const auto point = [&](std::size_t i) {
    if (std::isnan(log_crossing_[i])) {
      const double a = std::pow(10.0, -kDecades + static_cast<double>(i) / kPerDecade);
      log_crossing_[i] = std::log(Crossing(a));
    }
    return log_crossing_[i];
  };
  const auto i = std::min(static_cast<std::size_t>(at), log_crossing_.size() - 2);
  const double f = at - static_cast<double>(i);
  return std::min(1.0, std::exp(point(i) * (1 - f) + point(i + 1) * f));
}

}  // namespace benchgate
