#include "gate/history_series.h"

#include "stats/confidence.h"
#include "benchgate/stats/percentile.h"

namespace benchgate {

HistorySeries BuildHistorySeries(const std::vector<RunData>& runs,
                                 const std::vector<std::string>& labels, const std::string& metric,
                                 double ci_level, const ChangePointOptions& options) {
  HistorySeries history;
  std::map<std::string, std::vector<std::size_t>> run_of_point;  // per benchmark
  for (std::size_t r = 0; r < runs.size(); ++r) {
    for (const SampleSet& set : runs[r].benchmarks) {
      const std::vector<double>& values = MetricValues(set, metric);
      if (set.errored || values.empty()) continue;
      SeriesPoint point;
      point.run = r < labels.size() ? labels[r] : std::to_string(r);
      point.median_ns = Median(values);
      const auto ci = MedianConfidenceInterval(values, ci_level);
      // Too few values for an interval: the point alone, no error bar.
      point.lo_ns = ci.status == StatStatus::kOk ? ci.lower : point.median_ns;
      point.hi_ns = ci.status == StatStatus::kOk ? ci.upper : point.median_ns;
      history.series[set.name].push_back(point);
      run_of_point[set.name].push_back(r);
    }
  }
  for (auto& [name, points] : history.series) {
    std::vector<double> medians;
    for (const SeriesPoint& p : points) medians.push_back(p.median_ns);
    for (const ChangePoint& step : FindChangePoints(medians, options)) {
      points[step.index].change_point = true;
      history.steps.push_back({name, points[step.index].run, run_of_point[name][step.index], step});
    }
  }
  return history;
}

}  // namespace benchgate
