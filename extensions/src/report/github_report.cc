#include "report/github_report.h"

#include "model/number_format.h"
#include "report/markdown_report.h"
#include "report/undecided.h"
#include "report/diff_common.h"

namespace benchgate {
namespace {

// The text shown for one benchmark: its evidence where it has a comparison
// and a judged verdict, its reason otherwise.
std::string Message(const BenchmarkAnalysis& b, const RenderOptions& options) {
  std::string text = b.samples.name + ": ";
  if (b.comparison && Trend(b) != TrendMark::kNotJudged) {
    const Comparison& c = *b.comparison;
    return text + report_detail::ChangeWithCi(c) + " (" +
           report_detail::FormatValue(c.baseline_median, options) + " -> " +
           report_detail::FormatValue(c.candidate_median, options) + "), p adj " +
           FormatPValue(c.p_adjusted);
  }
  return text + report_detail::FirstReason(b);
}

void Annotate(std::ostream& out, const char* level, const std::string& title,
              const std::string& message) {
  out << "::" << level << " title=" << GithubEscapeProperty(title)
      << "::" << GithubEscapeData(message) << "\n";
}

}  // namespace

std::string GithubEscapeData(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    switch (c) {
      case '%':
        escaped += "%25";
        break;
      case '\r':
        escaped += "%0D";
        break;
      case '\n':
        escaped += "%0A";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string GithubEscapeProperty(const std::string& text) {
  std::string escaped;
  for (const char c : GithubEscapeData(text)) {
    switch (c) {
      case ':':
        escaped += "%3A";
        break;
      case ',':
        escaped += "%2C";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

void RenderGithub(const SuiteAnalysis& suite, const DiffSummary& summary,
                  const RenderOptions& options, std::ostream& annotations,
                  std::ostream* step_summary) {
  for (const BenchmarkAnalysis* b : report_detail::RegressionsFirst(suite)) {
    switch (b->status) {
      case VerdictStatus::kRegression:
        Annotate(annotations, "error", "benchgate: regression", Message(*b, options));
        break;
      case VerdictStatus::kBudgetExceeded:
        Annotate(annotations, "error", "benchgate: over budget", Message(*b, options));
        break;
      case VerdictStatus::kInconclusive:
        Annotate(annotations, "warning", "benchgate: inconclusive", Message(*b, options));
        break;
      case VerdictStatus::kError:
        Annotate(annotations, "warning", "benchgate: errored", Message(*b, options));
        break;
      default:
        break;  // the job summary lists the rest; annotations are for attention
    }
  }
  if (suite.too_many_undecided) {
    // No benchmark's annotation says why the gate failed: this one does.
    Annotate(annotations, "error", "benchgate: too many undecided", UndecidedText(suite));
  }
  annotations << "benchgate: gate " << (suite.gate_failed ? "FAIL" : "pass") << " ("
              << report_detail::SummaryLine(suite, summary) << "; geometric mean "
              << report_detail::GeomeanText(summary) << ")\n";
  annotations.flush();
  if (step_summary != nullptr) {
    RenderMarkdown(suite, summary, options, *step_summary);
    *step_summary << "\n";  // the next step's summary starts on its own line
    step_summary->flush();
  }
}

}  // namespace benchgate
