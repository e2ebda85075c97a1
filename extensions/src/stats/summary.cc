#include "benchgate/stats/summary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <utility>

#include "stats/checks.h"

namespace benchgate {
namespace {

// Exact order statistics x_(r) (0-based r, ascending) of [first, last),
// appended to `result`. After nth_element at r, [first, r) holds smaller
// values, so later (larger) ranks only search the rest, and the next rank
// r + 1 (type 7 asks for pairs) is the minimum of the rest.
void SelectInPlace(double* first, double* last, const std::vector<std::size_t>& ranks,
                   std::vector<double>& result) {
  std::size_t done = 0;
  for (const std::size_t r : ranks) {
    double* const nth = first + r;
    if (r == done && done > 0) {
      std::iter_swap(nth, std::min_element(nth, last));
    } else {
      std::nth_element(first + done, nth, last);
    }
    result.push_back(*nth);
    done = r + 1;
  }
}

// Exact order statistics at sorted, distinct 0-based ranks, from a copy.
// Samples are one per repetition (tens to thousands; Sampled() percentiles
// come from histograms): std::nth_element per rank takes microseconds there.
std::vector<double> SelectRanks(SampleView values, const std::vector<std::size_t>& ranks) {
  std::vector<double> data(values.begin(), values.end());
  std::vector<double> result;
  result.reserve(ranks.size());
  SelectInPlace(data.data(), data.data() + data.size(), ranks, result);
  return result;
}

// Type-7 percentiles (percentile.h) of finite, non-empty values: the two
// order statistics around h = (n - 1) q, interpolated.
std::vector<double> Type7(SampleView values, SampleView probabilities) {
  const std::size_t n = values.size();
  std::vector<std::size_t> ranks;
  for (const double probability : probabilities) {
    const double h = static_cast<double>(n - 1) * std::clamp(probability, 0.0, 1.0);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    ranks.push_back(lo);
    if (lo + 1 < n) ranks.push_back(lo + 1);
  }
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  const std::vector<double> selected = SelectRanks(values, ranks);
  const auto at = [&](std::size_t rank) {
    return selected[static_cast<std::size_t>(std::lower_bound(ranks.begin(), ranks.end(), rank) -
                                             ranks.begin())];
  };
  std::vector<double> result;
  result.reserve(probabilities.size());
  for (const double probability : probabilities) {
    const double h = static_cast<double>(n - 1) * std::clamp(probability, 0.0, 1.0);
    const double lo_index = std::floor(h);
    const auto lo = static_cast<std::size_t>(lo_index);
    const double lower = at(lo);
    const double fraction = h - lo_index;
    // Same expression as QuantileOfSorted, so both agree to the last bit.
    result.push_back(lo + 1 < n ? lower + fraction * (at(lo + 1) - lower) : lower);
  }
  return result;
}

// Two-pass mean and variance: stable for times that share many digits (a
// one-pass sum of squares loses them all at 1e9 + small).
void MeanAndStddev(SampleView values, Summary& s) {
  double sum = 0;
  for (const double v : values) sum += v;
  s.mean = sum / static_cast<double>(values.size());
  double squares = 0;
  for (const double v : values) squares += (v - s.mean) * (v - s.mean);
  s.stddev = std::sqrt(squares / static_cast<double>(values.size() - 1));
  // The CV is a ratio to the mean: undefined at mean 0, reported as 0 there
  // (documented in summary.h) rather than infinity.
  s.cv = s.mean != 0 ? s.stddev / std::fabs(s.mean) : 0;
}

}  // namespace

std::vector<double> Percentiles(SampleView values, SampleView probabilities) {
  if (values.empty() || !AllFinite(values)) return {};
  return Type7(values, probabilities);
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
  s.all_equal = s.min == s.max;
  static constexpr double kProbabilities[] = {0.25, 0.5, 0.75, 0.9, 0.95, 0.99};
  const std::vector<double> p = Type7(values, kProbabilities);
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
  std::vector<double> deviations(values.begin(), values.end());
  for (double& v : deviations) v = std::fabs(v - s.median);
  static constexpr double kHalf[] = {0.5};
  s.mad = Type7(deviations, kHalf)[0];
  s.mad_scaled = kMadToSigma * s.mad;
  s.status = StatStatus::kOk;
  return s;
}

}  // namespace benchgate
