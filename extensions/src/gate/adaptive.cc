#include "benchgate/gate/adaptive.h"

#include <algorithm>
#include <cstdio>

#include "benchgate/report/format.h"
#include "benchgate/stats/weighted.h"

namespace benchgate {

Tolerance ToleranceFor(const std::vector<HistoryEntry>& runs, const AdaptiveConfig& config) {
  Tolerance t;
  t.value = config.static_tolerance;
  const std::size_t used = std::min(runs.size(), config.max_runs);
  t.runs = used;
  std::vector<double> medians;
  for (std::size_t i = runs.size() - used; i < runs.size(); ++i) medians.push_back(runs[i].median_ns);
  const SeriesCentre centre = ExponentiallyWeightedMedian(medians, config.decay);
  if (centre.status == StatStatus::kOk) t.centre_ns = centre.value;
  const SeriesSpread spread = RelativeSpread(medians);
  if (used < config.min_runs || spread.status != StatStatus::kOk) {
    t.explanation = "static tolerance " + FormatPercent(t.value) + " (" + std::to_string(used) +
                    " runs of history, need " + std::to_string(config.min_runs) + ")";
    return t;
  }
  t.spread = spread.relative;
  t.value = std::clamp(config.k * spread.relative, config.floor, config.ceiling);
  t.from_history = true;
  char k[16];
  std::snprintf(k, sizeof k, "%g", config.k);
  t.explanation = "tolerance " + FormatPercent(t.value) + " = clamp(" + k + " x spread " +
                  FormatPercent(t.spread) + ", " + FormatPercent(config.floor) + ", " +
                  FormatPercent(config.ceiling) + ") over " + std::to_string(used) + " runs";
  return t;
}

}  // namespace benchgate
