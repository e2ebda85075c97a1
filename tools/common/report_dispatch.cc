#include "report_dispatch.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "gate/diff_summary.h"
#include "io/diff_json.h"
#include "io/files.h"
#include "report/badge_report.h"
#include "report/github_report.h"
#include "report/history_report.h"
#include "report/junit_report.h"
#include "report/markdown_report.h"
#include "report/text_report.h"

namespace benchgate::tool {
namespace {

void Render(const std::string& tool, const JudgingOptions& o, const SuiteAnalysis& suite,
            const RenderOptions& render, const ReportExtras& extras, std::ostream& out,
            std::ostream& err) {
  const DiffSummary summary = SummarizeDiff(suite);
  const HistorySeries* history = extras.history;
  if (o.format == "text") {
    RenderText(suite, summary, render, out);
    if (history) RenderHistoryText(*history, extras.runs, summary, render, out);
  } else if (o.format == "markdown") {
    RenderMarkdown(suite, summary, render, out);
    if (history) RenderHistoryMarkdown(*history, extras.runs, summary, render, out);
  } else if (o.format == "json") {
    WriteDiffJson(suite, summary, render, out, history, extras.labels);
  } else if (o.format == "html") {
    RenderHtml(suite, summary, render, out, extras.baseline_samples,
               history ? &history->series : nullptr);
  } else if (o.format == "junit") {
    RenderJunit(suite, summary, render, out);
  } else if (o.format == "badge") {
    RenderBadgeSvg(BadgeOf(suite, summary), out);
  } else if (o.format == "badge-json") {
    RenderBadgeEndpoint(BadgeOf(suite, summary), out);
  } else if (o.format == "github") {
    const char* step_summary_path = std::getenv("GITHUB_STEP_SUMMARY");
    std::ofstream step_summary;
    if (step_summary_path != nullptr && *step_summary_path != '\0') {
      step_summary.open(step_summary_path, std::ios::app);
      if (!step_summary) {
        err << tool << ": warning: cannot append to $GITHUB_STEP_SUMMARY (" << step_summary_path
            << ")\n";
      }
    }
    RenderGithub(suite, summary, render, out, step_summary.is_open() ? &step_summary : nullptr);
  }
}

}  // namespace

void WriteReport(const std::string& tool, const JudgingOptions& o, const SuiteAnalysis& suite,
                 const RenderOptions& render, const ReportExtras& extras, std::ostream& out,
                 std::ostream& err) {
  if (o.output.empty()) {
    Render(tool, o, suite, render, extras, out, err);
    return;
  }
  std::ostringstream text;
  Render(tool, o, suite, render, extras, text, err);
  WriteFileAtomically(o.output, text.str());
}

}  // namespace benchgate::tool
