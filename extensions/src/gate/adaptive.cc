#include "gate/adaptive.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/number_format.h"
#include "stats/weighted.h"

namespace benchgate {
namespace {

// "3.22%", "5%", "0.123%": three significant digits, no trailing zeros, so
// a spread of 0.12% does not print as "0.1%" next to a tolerance of 1%.
std::string Percent(double fraction) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g%%", fraction * 100);
  return text;
}

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

std::string Runs(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " run" : " runs");
}

Tolerance Static(Tolerance t, const AdaptiveConfig& config, const std::string& why) {
  t.value = config.static_tolerance;
  t.from_history = false;
  t.spread = 0;
  t.explanation = "static " + Percent(config.static_tolerance) + " (" + why + ")";
  return t;
}

}  // namespace

Tolerance ToleranceFor(const std::vector<HistoryEntry>& runs, const AdaptiveConfig& config) {
  Tolerance t;
  const std::size_t used =
      config.max_runs == 0 ? runs.size() : std::min(runs.size(), config.max_runs);
  t.runs = used;
  std::vector<double> medians;
  medians.reserve(used);
  for (std::size_t i = runs.size() - used; i < runs.size(); ++i) {
    medians.push_back(runs[i].median_ns);
  }
  const SeriesCentre centre = ExponentiallyWeightedMedian(medians, config.decay);
  if (centre.status == StatStatus::kOk) {
    t.centre_ns = centre.value;
  }

  // The spread needs kMinSpreadValues medians whatever min_runs says.
  const std::size_t needed = std::max(config.min_runs, kMinSpreadValues);
  if (used == 0) {
    return Static(t, config, "no runs of history, need " + std::to_string(needed));
  }
  if (used < needed) {
    return Static(t, config, "only " + Runs(used) + " of history, need " + std::to_string(needed));
  }
  const SeriesSpread spread = RelativeSpread(medians);
  if (spread.status == StatStatus::kInvalidArgument) {
    return Static(t, config, "history of " + Runs(used) + " has a median <= 0");
  }
  if (spread.status != StatStatus::kOk) {
    return Static(t, config, "history of " + Runs(used) + " has a non-finite median");
  }
  if (centre.status != StatStatus::kOk) {
    return Static(t, config, "decay " + Number(config.decay) + " is outside (0, 1]");
  }

  t.from_history = true;
  t.spread = spread.relative;
  // A NaN k (a caller's mistake) must not leak out: the loosest bound.
  const double raw = std::isnan(config.k) ? config.ceiling : config.k * spread.relative;
  // min(max()) rather than std::clamp: a floor above the ceiling must not be
  // undefined behaviour; the ceiling wins.
  t.value = std::min(std::max(raw, config.floor), config.ceiling);
  const std::string detail =
      Number(config.k) + " x spread " + Percent(t.spread) + " over " + Runs(used);
  if (t.value == raw) {
    t.explanation = "tolerance " + Percent(t.value) + " = " + detail;
  } else {
    t.explanation = "tolerance " + Percent(t.value) + " (" +
                    (t.value == config.ceiling ? "ceiling" : "floor") + "; " + detail + ")";
  }
  return t;
}

Tolerance ToleranceOf(const std::string& name, const ResolvedBudget& budget,
                      const BenchmarkHistory* history, const AdaptiveConfig& adaptive,
                      double static_tolerance) {
  AdaptiveConfig config = adaptive;
  config.static_tolerance = static_tolerance;
  Tolerance tolerance;
  tolerance.value = static_tolerance;
  if (history != nullptr) {
    const auto it = history->find(name);
    tolerance =
        ToleranceFor(it == history->end() ? std::vector<HistoryEntry>{} : it->second, config);
  }
  if (budget.max_regression) {
    tolerance.value = budget.max_regression->value;
    tolerance.from_history = false;
    tolerance.explanation = "max_regression " + FormatPercent(tolerance.value) + " (" +
                            budget.max_regression->origin + ")";
  }
  return tolerance;
}

Comparison CompareWithHistory(const MetricStats& real_time, std::size_t n,
                              const Tolerance& tolerance) {
  Comparison c;
  c.baseline_n = tolerance.runs;
  c.candidate_n = n;
  c.baseline_median = tolerance.centre_ns;
  c.candidate_median = real_time.median;
  c.change = c.candidate_median / c.baseline_median - 1;
  c.change_status = real_time.median_ci_status;
  c.change_lo = real_time.median_ci_lo / c.baseline_median - 1;
  c.change_hi = real_time.median_ci_hi / c.baseline_median - 1;
  c.shift = c.change;
  c.shift_status = c.change_status;
  c.shift_lo = c.change_lo;
  c.shift_hi = c.change_hi;
  c.p_method = "history";
  c.tolerance = tolerance.value;
  return c;
}

}  // namespace benchgate
