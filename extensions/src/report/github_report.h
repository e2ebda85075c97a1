// benchgate-diff --format github: workflow-command annotations for GitHub
// Actions (::error for regressions and budget breaches, ::warning for
// inconclusive and errored benchmarks), a plain gate line, and the Markdown
// report for the job summary.
#ifndef BENCHGATE_REPORT_GITHUB_REPORT_H_
#define BENCHGATE_REPORT_GITHUB_REPORT_H_

#include <ostream>
#include <string>

#include "gate/diff_summary.h"
#include "gate/verdict.h"
#include "report/render_options.h"

namespace benchgate {

// annotations: the step's output (stdout). step_summary: null unless
// $GITHUB_STEP_SUMMARY is set; the caller opens that file for appending
// (std::ios::app: earlier steps' summaries stay) and the Markdown report
// (RenderMarkdown) is written to it.
void RenderGithub(const SuiteAnalysis& suite, const DiffSummary& summary,
                  const RenderOptions& options, std::ostream& annotations,
                  std::ostream* step_summary);

// A workflow command's message: % CR LF percent-encoded, as the runner
// decodes them.
std::string GithubEscapeData(const std::string& text);

// A workflow command's property value (title=...): also : and , encoded.
std::string GithubEscapeProperty(const std::string& text);

}  // namespace benchgate

#endif  // BENCHGATE_REPORT_GITHUB_REPORT_H_
