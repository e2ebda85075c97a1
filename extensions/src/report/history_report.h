// benchgate-diff --history, text and Markdown: the steps found in each
// benchmark's series (which run made it slower or faster, and by how much)
// and the history's best improvement and worst regression. Printed after
// the judged table of the newest run against the oldest.
#ifndef BENCHGATE_REPORT_HISTORY_REPORT_H_
#define BENCHGATE_REPORT_HISTORY_REPORT_H_

#include <cstddef>
#include <ostream>

#include "gate/diff_summary.h"
#include "gate/history_series.h"
#include "report/render_options.h"

namespace benchgate {

void RenderHistoryText(const HistorySeries& history, std::size_t runs, const DiffSummary& summary,
                       const RenderOptions& options, std::ostream& out);

void RenderHistoryMarkdown(const HistorySeries& history, std::size_t runs,
                           const DiffSummary& summary, const RenderOptions& options,
                           std::ostream& out);

}  // namespace benchgate

#endif  // BENCHGATE_REPORT_HISTORY_REPORT_H_
