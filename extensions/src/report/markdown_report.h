// benchgate-diff's pull-request comment in GitHub-flavoured Markdown: one
// summary line first ("2 regressions, 1 improvement, 310 unchanged"), then
// tables of regressions, budget breaches, improvements and benchmarks that
// were not judged, with the unchanged ones folded in <details>.
#ifndef BENCHGATE_REPORT_MARKDOWN_REPORT_H_
#define BENCHGATE_REPORT_MARKDOWN_REPORT_H_

#include <ostream>
#include <string>

#include "gate/diff_summary.h"
#include "gate/verdict.h"
#include "report/render_options.h"

namespace benchgate {

void RenderMarkdown(const SuiteAnalysis& suite, const DiffSummary& summary,
                    const RenderOptions& options, std::ostream& out);

// A benchmark name as an inline code span that survives a table cell: `|`
// escaped, backticks fenced by a longer run, line breaks flattened.
std::string MarkdownCode(const std::string& text);

// Plain text with Markdown's active characters (\ ` * _ [ ] < > | ~ &)
// backslash-escaped, line breaks flattened.
std::string MarkdownText(const std::string& text);

}  // namespace benchgate

#endif  // BENCHGATE_REPORT_MARKDOWN_REPORT_H_
