#include "stats/weighted.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "benchgate/stats/percentile.h"
#include "benchgate/stats/summary.h"
#include "stats/checks.h"

namespace benchgate {
namespace {

// Relative slack for "the cumulative weight is exactly half": decayed
// weights (0.9^k) are rounded, and the tie must not hinge on the last bit.
constexpr double kHalfWeightSlack = 1e-12;

SeriesCentre CentreWithStatus(StatStatus status) {
  SeriesCentre centre;
  centre.status = status;
  return centre;
}

SeriesSpread SpreadWithStatus(StatStatus status) {
  SeriesSpread spread;
  spread.status = status;
  return spread;
}

}  // namespace

SeriesCentre WeightedMedian(SampleView values, SampleView weights) {
  if (values.empty()) {
    return CentreWithStatus(StatStatus::kEmpty);
  }
  if (!AllFinite(values) || !AllFinite(weights)) {
    return CentreWithStatus(StatStatus::kNonFinite);
  }
  const bool negative = std::any_of(weights.begin(), weights.end(), [](double w) { return w < 0; });
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (weights.size() != values.size() || negative || !(total > 0)) {
    return CentreWithStatus(StatStatus::kInvalidArgument);
  }
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  const double half = total / 2;
  double cumulative = 0;
  std::size_t at = 0;
  while (at < order.size()) {
    cumulative += weights[order[at]];
    if (cumulative >= half - kHalfWeightSlack * total) {
      break;
    }
    ++at;
  }
  at = std::min(at, order.size() - 1);  // the full sum W >= W/2 stops the walk inside
  SeriesCentre centre;
  centre.status = StatStatus::kOk;
  centre.value = values[order[at]];
  if (std::fabs(cumulative - half) <= kHalfWeightSlack * total) {
    // Exactly half the weight at or below this value: the median lies
    // halfway to the next value that carries weight.
    for (std::size_t next = at + 1; next < order.size(); ++next) {
      if (weights[order[next]] > 0) {
        centre.value = (centre.value + values[order[next]]) / 2;
        break;
      }
    }
  }
  return centre;
}

SeriesCentre ExponentiallyWeightedMedian(SampleView series, double decay) {
  if (!(decay > 0 && decay <= 1)) {
    return CentreWithStatus(StatStatus::kInvalidArgument);
  }
  std::vector<double> weights(series.size());
  double weight = 1;
  for (std::size_t i = series.size(); i-- > 0;) {  // the newest is last
    weights[i] = weight;
    weight *= decay;  // underflows to 0 for very old runs: harmless
  }
  return WeightedMedian(series, weights);
}

SeriesSpread RelativeSpread(SampleView series) {
  if (series.empty()) {
    return SpreadWithStatus(StatStatus::kEmpty);
  }
  if (!AllFinite(series)) {
    return SpreadWithStatus(StatStatus::kNonFinite);
  }
  if (std::any_of(series.begin(), series.end(), [](double v) { return v <= 0; })) {
    return SpreadWithStatus(StatStatus::kInvalidArgument);
  }
  if (series.size() < kMinSpreadValues) {
    return SpreadWithStatus(StatStatus::kTooFew);
  }
  std::vector<double> jumps;  // |log(x_i / x_{i-1})|
  jumps.reserve(series.size() - 1);
  for (std::size_t i = 1; i < series.size(); ++i) {
    jumps.push_back(std::fabs(std::log(series[i] / series[i - 1])));
  }
  SeriesSpread spread;
  spread.status = StatStatus::kOk;
  spread.ratios = jumps.size();
  spread.relative = kMadToSigma * Median(jumps) / std::sqrt(2.0);
  return spread;
}

}  // namespace benchgate
