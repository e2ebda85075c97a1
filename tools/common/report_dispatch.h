// The one dispatch from --format to the renderers, shared by benchgate-diff
// and benchgate-ab: the report goes to standard output or, with --output, to
// a file written atomically.
#ifndef BENCHGATE_TOOLS_COMMON_REPORT_DISPATCH_H_
#define BENCHGATE_TOOLS_COMMON_REPORT_DISPATCH_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "gate/history_series.h"
#include "gate/verdict.h"
#include "judging_options.h"
#include "report/html_report.h"
#include "report/render_options.h"

namespace benchgate::tool {

// What some formats show beyond the analysis (all optional).
struct ReportExtras {
  const SamplesByName* baseline_samples = nullptr;   // html: strip plots
  const HistorySeries* history = nullptr;            // history mode
  std::size_t runs = 0;                              // history mode: runs read
  const std::vector<std::string>* labels = nullptr;  // json: the runs' labels
};

// Renders `suite` in `options.format` to `out` (or, with --output, writes it
// to that file atomically). `tool` names warnings on `err`.
void WriteReport(const std::string& tool, const JudgingOptions& options, const SuiteAnalysis& suite,
                 const RenderOptions& render, const ReportExtras& extras, std::ostream& out,
                 std::ostream& err);

}  // namespace benchgate::tool

#endif  // BENCHGATE_TOOLS_COMMON_REPORT_DISPATCH_H_
