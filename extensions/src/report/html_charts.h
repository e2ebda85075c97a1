// Inline SVG charts of the HTML report. Scales and positions are layout
// (pixels from the values shown), not statistics: the medians drawn come from
// the analysis or the caller's series.
#ifndef BENCHGATE_SRC_REPORT_HTML_CHARTS_H_
#define BENCHGATE_SRC_REPORT_HTML_CHARTS_H_

#include <string>
#include <vector>

#include "report/html_report.h"
#include "report/render_options.h"

namespace benchgate::report_detail {

struct StripInput {
  const std::vector<double>* baseline = nullptr;   // may be null or empty
  const std::vector<double>* candidate = nullptr;  // may be null or empty
  double baseline_median = 0, candidate_median = 0;
  bool has_baseline_median = false, has_candidate_median = false;
  std::string candidate_color;  // CSS colour of the candidate's dots
};

// Both sides' samples as dots on one axis, each side's median as a bar.
// "" when there is nothing to draw.
std::string StripPlotSvg(const StripInput& input, const RenderOptions& options);

// Medians over runs with their interval as a band; change points as red
// rings and dashed lines. "" for an empty series.
std::string SeriesSvg(const std::vector<SeriesPoint>& series, const RenderOptions& options);

}  // namespace benchgate::report_detail

#endif  // BENCHGATE_SRC_REPORT_HTML_CHARTS_H_
