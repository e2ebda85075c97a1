// What every benchgate-diff renderer needs besides the analysis: the names to
// print and the choices of the command line. Renderers take
//   (const SuiteAnalysis&, const DiffSummary&, const RenderOptions&, std::ostream&)
// and compute nothing: every number comes from gate/.
#ifndef BENCHGATE_REPORT_RENDER_OPTIONS_H_
#define BENCHGATE_REPORT_RENDER_OPTIONS_H_

#include <string>

namespace benchgate {

struct RenderOptions {
  // The compared metric: "real_time", "cpu_time" (both shown as durations)
  // or a user counter's name (shown as a plain number).
  std::string metric = "real_time";
  bool verbose = false;  // text: adds n, CV, p90 and p99
  bool color = false;    // text: ANSI colours; set it only for a terminal
  bool unicode = true;   // trend marks as triangles; false: ASCII "^^" ... "vv"
  std::string title = "benchgate-diff";
  std::string baseline_label;   // e.g. the baseline file's name
  std::string candidate_label;  // e.g. the candidate file's name
};

}  // namespace benchgate

#endif  // BENCHGATE_REPORT_RENDER_OPTIONS_H_
