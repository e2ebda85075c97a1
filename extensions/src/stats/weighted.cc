#include "benchgate/stats/weighted.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "benchgate/stats/percentile.h"
#include "benchgate/stats/summary.h"
#include "stats/checks.h"

namespace benchgate {

SeriesCentre WeightedMedian(SampleView values, SampleView weights) {
  SeriesCentre centre;
  if (values.empty()) return centre;
  if (!AllFinite(values) || !AllFinite(weights)) {
    centre.status = StatStatus::kNonFinite;
    return centre;
  }
  const bool negative = std::any_of(weights.begin(), weights.end(), [](double w) { return w < 0; });
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (weights.size() != values.size() || negative || !(total > 0)) {
    centre.status = StatStatus::kInvalidArgument;
    return centre;
  }
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  double cumulative = 0;
  for (const std::size_t i : order) {
    cumulative += weights[i];
    if (cumulative >= total / 2) {
      centre.value = values[i];
      break;
    }
  }
  centre.status = StatStatus::kOk;
  return centre;
}

SeriesCentre ExponentiallyWeightedMedian(SampleView series, double decay) {
  if (!(decay > 0 && decay <= 1)) {
    SeriesCentre invalid;
    invalid.status = StatStatus::kInvalidArgument;
    return invalid;
  }
  std::vector<double> weights(series.size());
  double weight = 1;
  for (std::size_t i = series.size(); i-- > 0;) {  // newest last in the series
    weights[i] = weight;
    weight *= decay;
  }
  return WeightedMedian(series, weights);
}

SeriesSpread RelativeSpread(SampleView series) {
  SeriesSpread spread;
  if (series.empty()) return spread;
  if (!AllFinite(series)) {
    spread.status = StatStatus::kNonFinite;
    return spread;
  }
  if (std::any_of(series.begin(), series.end(), [](double v) { return v <= 0; })) {
    spread.status = StatStatus::kInvalidArgument;
    return spread;
  }
  if (series.size() < 3) {
    spread.status = StatStatus::kTooFew;
    return spread;
  }
  // On the log scale a spread is relative: sd(log x) ~ CV for small CVs, and
  // MAD ignores the odd run that hit a noisy neighbour.
  std::vector<double> logs;
  for (const double v : series) logs.push_back(std::log(v));
  const double centre = Median(logs);
  for (double& v : logs) v = std::fabs(v - centre);
  spread.relative = kMadToSigma * Median(logs);
  spread.status = StatStatus::kOk;
  return spread;
}

}  // namespace benchgate
