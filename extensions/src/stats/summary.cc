#include "benchgate/stats/summary.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "benchgate/stats/percentile.h"
#include "stats/checks.h"

namespace benchgate {
namespace {

using Iterator = std::vector<double>::iterator;

// Type-7 percentiles by selection: after nth_element at k, [begin, k) holds
// the k smallest values, so later (larger) probabilities search only the
// rest. `order` lists probability indices by increasing probability.
std::vector<double> SelectPercentiles(std::vector<double>& data, SampleView probabilities) {
  std::vector<std::size_t> order(probabilities.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return probabilities[a] < probabilities[b]; });
  std::vector<double> result(probabilities.size());
  const std::size_t n = data.size();
  std::size_t done = 0;  // data[0, done) are the smallest values, in place
  for (const std::size_t i : order) {
    const double q = std::clamp(probabilities[i], 0.0, 1.0);
    const double h = static_cast<double>(n - 1) * q;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const Iterator begin = data.begin() + static_cast<std::ptrdiff_t>(std::min(done, lo));
    std::nth_element(begin, data.begin() + static_cast<std::ptrdiff_t>(lo), data.end());
    done = lo;
    const double lower = data[lo];
    double upper = lower;
    if (lo + 1 < n && h > static_cast<double>(lo)) {
      upper = *std::min_element(data.begin() + static_cast<std::ptrdiff_t>(lo + 1), data.end());
    }
    result[i] = lower + (h - static_cast<double>(lo)) * (upper - lower);
  }
  return result;
}

// Two-pass mean and variance: stable for times that share many digits.
void MeanAndStddev(SampleView values, Summary& s) {
  double sum = 0;
  for (const double v : values) sum += v;
  s.mean = sum / static_cast<double>(values.size());
  double squares = 0;
  for (const double v : values) squares += (v - s.mean) * (v - s.mean);
  s.stddev = std::sqrt(squares / static_cast<double>(values.size() - 1));
  s.cv = s.mean != 0 ? s.stddev / std::fabs(s.mean) : 0;
}

}  // namespace

std::vector<double> Percentiles(SampleView values, SampleView probabilities) {
  if (values.empty() || !AllFinite(values)) return {};
  std::vector<double> data(values.begin(), values.end());
  return SelectPercentiles(data, probabilities);
}

Summary Summarize(SampleView values) {
  Summary s;
  s.n = values.size();
  if (values.empty()) return s;
  if (!AllFinite(values)) {
    s.status = StatStatus::kNonFinite;
    return s;
  }
  const auto [min, max] = std::minmax_element(values.begin(), values.end());
  s.min = *min;
  s.max = *max;
  std::vector<double> data(values.begin(), values.end());
  static constexpr double kProbabilities[] = {0.25, 0.5, 0.75, 0.9, 0.95, 0.99};
  const std::vector<double> p = SelectPercentiles(data, kProbabilities);
  s.q1 = p[0];
  s.median = s.p50 = p[1];
  s.q3 = p[2];
  s.p90 = p[3];
  s.p95 = p[4];
  s.p99 = p[5];
  s.iqr = s.q3 - s.q1;
  if (values.size() == 1) {
    s.mean = s.min;
    s.status = StatStatus::kTooFew;
    return s;
  }
  MeanAndStddev(values, s);
  for (double& v : data) v = std::fabs(v - s.median);
  s.mad = Median(data);
  s.mad_scaled = kMadToSigma * s.mad;
  s.status = StatStatus::kOk;
  return s;
}

}  // namespace benchgate
