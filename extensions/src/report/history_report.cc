#include "report/history_report.h"

#include <algorithm>
#include <string>

#include "model/number_format.h"
#include "report/diff_common.h"
#include "report/markdown_report.h"
#include "report/plain_text.h"

namespace benchgate {
namespace {

using report_detail::FormatValue;

std::string StepsLine(const HistorySeries& history, std::size_t runs) {
  const std::size_t n = history.steps.size();
  return "History: " + std::to_string(runs) + " runs, " + std::to_string(history.series.size()) +
         " benchmarks, " + std::to_string(n) + (n == 1 ? " step" : " steps") + " found";
}

std::string StepText(const SeriesStep& step, const RenderOptions& options) {
  return FormatChange(step.point.change) + " at run " + std::to_string(step.run_index + 1) + " (" +
         step.run + "): " + FormatValue(step.point.before, options) + " -> " +
         FormatValue(step.point.after, options) + ", p=" + FormatPValue(step.point.p_value);
}

std::string Extremes(const DiffSummary& summary) {
  std::string text = "Best improvement: ";
  text += summary.best_improvement_name.empty()
              ? "none"
              : summary.best_improvement_name + " " + FormatChange(summary.best_improvement);
  text += "; worst regression: ";
  text += summary.worst_regression_name.empty()
              ? "none"
              : summary.worst_regression_name + " " + FormatChange(summary.worst_regression);
  return text;
}

}  // namespace

void RenderHistoryText(const HistorySeries& history, std::size_t runs, const DiffSummary& summary,
                       const RenderOptions& options, std::ostream& out) {
  out << "\n" << StepsLine(history, runs) << "\n";
  std::size_t width = 0;
  for (const SeriesStep& step : history.steps) width = std::max(width, step.benchmark.size());
  for (const SeriesStep& step : history.steps) {
    out << "  " << report_detail::PadRight(step.benchmark, width) << "  " << StepText(step, options)
        << "\n";
  }
  out << Extremes(summary) << "\n";
}

void RenderHistoryMarkdown(const HistorySeries& history, std::size_t runs,
                           const DiffSummary& summary, const RenderOptions& options,
                           std::ostream& out) {
  out << "\n### " << StepsLine(history, runs) << "\n\n";
  if (!history.steps.empty()) {
    out << "| Benchmark | Step |\n|---|---|\n";
    for (const SeriesStep& step : history.steps) {
      out << "| " << MarkdownCode(step.benchmark) << " | " << StepText(step, options) << " |\n";
    }
    out << "\n";
  }
  out << Extremes(summary) << "\n";
}

}  // namespace benchgate
