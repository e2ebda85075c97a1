// benchgate-diff --history: a benchmark's series of medians over many runs,
// with their confidence intervals and the runs where the level stepped.
// Derived here, in gate/, from the same statistics as every other report;
// report/ and io/ only render it.
#ifndef BENCHGATE_GATE_HISTORY_SERIES_H_
#define BENCHGATE_GATE_HISTORY_SERIES_H_

#include <map>
#include <string>
#include <vector>

#include "model/sample_set.h"
#include "stats/change_points.h"

namespace benchgate {

// One run of a benchmark's history: its median with the median's
// distribution-free CI, and whether a change point was found at this run.
struct SeriesPoint {
  std::string run;                             // label: a file name, a date or a commit
  double median_ns = 0, lo_ns = 0, hi_ns = 0;  // the metric's values (ns for times)
  bool change_point = false;
};

using SeriesByName = std::map<std::string, std::vector<SeriesPoint>>;

// A step found in one benchmark's series, named by the run where it happened.
struct SeriesStep {
  std::string benchmark;
  std::string run;        // label of the first run at the new level
  std::size_t run_index;  // its position in the history, 0 = oldest
  ChangePoint point;
};

struct HistorySeries {
  SeriesByName series;
  std::vector<SeriesStep> steps;  // by benchmark name, then run
};

// runs: oldest first; labels: one per run. A benchmark missing from a run,
// errored there or without values of `metric` has no point for that run.
HistorySeries BuildHistorySeries(const std::vector<RunData>& runs,
                                 const std::vector<std::string>& labels, const std::string& metric,
                                 double ci_level, const ChangePointOptions& options);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_HISTORY_SERIES_H_
