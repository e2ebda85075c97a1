// benchgate-diff --format html: one self-contained page that opens offline
// (inline CSS, a few lines of inline JavaScript, inline SVG; no network):
// the summary, a sortable table, and per benchmark a strip plot of both
// sides' samples and, for a history, the series of medians over runs with
// change points marked.
#ifndef BENCHGATE_REPORT_HTML_REPORT_H_
#define BENCHGATE_REPORT_HTML_REPORT_H_

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "gate/diff_summary.h"
#include "gate/history_series.h"
#include "gate/verdict.h"
#include "report/markup_escape.h"  // HtmlEscape
#include "report/render_options.h"

namespace benchgate {

using SamplesByName = std::map<std::string, std::vector<double>>;

// baseline_samples_ns: the baseline's samples of the compared metric per
// benchmark name (the candidate's are in the analysis); history: series per
// benchmark name, oldest first. Either may be null: its charts are left out.
void RenderHtml(const SuiteAnalysis& suite, const DiffSummary& summary,
                const RenderOptions& options, std::ostream& out,
                const SamplesByName* baseline_samples_ns = nullptr,
                const SeriesByName* history = nullptr);

}  // namespace benchgate

#endif  // BENCHGATE_REPORT_HTML_REPORT_H_
