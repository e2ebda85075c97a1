#include "stats/change_points.h"

#include <algorithm>
#include <cmath>

#include "benchgate/stats/mann_whitney.h"
#include "benchgate/stats/percentile.h"
#include "checks.h"

namespace benchgate {
namespace {

struct Split {
  std::size_t at = 0;
  double p_value = 1;
};

double RelativeStep(double before, double after) { return before != 0 ? after / before - 1 : 0; }

// The best split of series[begin, end) by the Mann-Whitney p-value of its
// two sides; p_value is already multiplied by the number of splits scanned.
Split BestSplit(SampleView series, std::size_t begin, std::size_t end, std::size_t min_segment) {
  Split best;
  best.at = 0;
  std::size_t scanned = 0;
  for (std::size_t at = begin + min_segment; at + min_segment <= end; ++at) {
    ++scanned;
    const auto test = MannWhitneyU(series.subspan(begin, at - begin), series.subspan(at, end - at));
    if (test.status == StatStatus::kOk && (best.at == 0 || test.p_value < best.p_value)) {
      best = {at, test.p_value};
    }
  }
  best.p_value = std::min(1.0, best.p_value * static_cast<double>(scanned));
  return best;
}

void Segment(SampleView series, std::size_t begin, std::size_t end,
             const ChangePointOptions& options, std::vector<std::size_t>& found) {
  if (found.size() >= options.max_points || end - begin < 2 * options.min_segment) return;
  const Split split = BestSplit(series, begin, end, options.min_segment);
  if (split.at == 0 || split.p_value >= options.alpha) return;
  const double step = RelativeStep(Median(series.subspan(begin, split.at - begin)),
                                   Median(series.subspan(split.at, end - split.at)));
  if (std::abs(step) < options.min_change) return;
  found.push_back(split.at);
  Segment(series, begin, split.at, options, found);
  Segment(series, split.at, end, options, found);
}

}  // namespace

std::vector<ChangePoint> FindChangePoints(SampleView series, const ChangePointOptions& options) {
  std::vector<ChangePoint> points;
  const std::size_t min_segment = std::max<std::size_t>(options.min_segment, 1);
  if (!AllFinite(series) || series.size() < 2 * min_segment) return points;
  ChangePointOptions used = options;
  used.min_segment = min_segment;
  std::vector<std::size_t> found;
  Segment(series, 0, series.size(), used, found);
  std::sort(found.begin(), found.end());
  // Report each step between its final neighbouring segments, which may be
  // shorter than the segment it was found in.
  for (std::size_t k = 0; k < found.size(); ++k) {
    const std::size_t begin = k == 0 ? 0 : found[k - 1];
    const std::size_t end = k + 1 == found.size() ? series.size() : found[k + 1];
    const SampleView left = series.subspan(begin, found[k] - begin);
    const SampleView right = series.subspan(found[k], end - found[k]);
    ChangePoint point;
    point.index = found[k];
    point.before = Median(left);
    point.after = Median(right);
    point.change = RelativeStep(point.before, point.after);
    point.p_value = MannWhitneyU(left, right).p_value;
    points.push_back(point);
  }
  return points;
}

}  // namespace benchgate
