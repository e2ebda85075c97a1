// Change points in a series of per-run values (a benchmark's median over its
// history, oldest first): the runs where the level stepped up or down.
//
// Binary segmentation with a rank statistic: in a segment, every split that
// leaves at least min_segment values on each side is scored by the two-sided
// Mann-Whitney U p-value between its two sides; the best split is accepted
// only when that p-value, multiplied by the number of splits scanned
// (Bonferroni over the scan, so a flat series rarely yields a step), is
// below alpha and the medians of the two sides differ by at least
// min_change. Accepted splits are searched again on both sides. Ranks make
// it robust to the odd outlier run, which a mean-based CUSUM is not.
#ifndef BENCHGATE_STATS_CHANGE_POINTS_H_
#define BENCHGATE_STATS_CHANGE_POINTS_H_

#include <cstddef>
#include <vector>

#include "benchgate/sample_view.h"

namespace benchgate {

struct ChangePointOptions {
  double alpha = 0.01;          // per accepted split, after the scan's Bonferroni factor
  std::size_t min_segment = 3;  // values on each side of a split
  double min_change = 0.02;     // relative change of the segments' medians
  std::size_t max_points = 16;  // at most this many steps per series
};

struct ChangePoint {
  std::size_t index = 0;  // first value of the new level
  // Medians of the segments on either side, as finally segmented, and the
  // relative step after / before - 1.
  double before = 0, after = 0, change = 0;
  double p_value = 1;  // Mann-Whitney between those two segments (unadjusted)
};

// Change points in ascending order of index; none for a series with a
// non-finite value or shorter than 2 x min_segment.
std::vector<ChangePoint> FindChangePoints(SampleView series,
                                          const ChangePointOptions& options = {});

}  // namespace benchgate

#endif  // BENCHGATE_STATS_CHANGE_POINTS_H_
