#include "report/text_report.h"

#include <algorithm>
#include <string>

#include "model/number_format.h"
#include "report/diff_common.h"
#include "report/plain_text.h"

namespace benchgate {
namespace {

using report_detail::AnsiColor;
using report_detail::DisplayWidth;
using report_detail::kAnsiReset;
using report_detail::PadLeft;
using report_detail::PadRight;

constexpr std::size_t kMarkWidth = 3;
constexpr std::size_t kValueWidth = 11;
constexpr std::size_t kChangeWidth = 26;
constexpr std::size_t kPWidth = 9;
constexpr std::size_t kNWidth = 8;
constexpr std::size_t kCvWidth = 7;
constexpr const char* kGeomeanLabel = "geometric mean";

class TextTable {
 public:
  TextTable(const SuiteAnalysis& suite, const RenderOptions& options, std::ostream& out)
      : options_(options), out_(out) {
    name_width_ = std::max(DisplayWidth("Benchmark"), DisplayWidth(kGeomeanLabel));
    for (const BenchmarkAnalysis& b : suite.benchmarks) {
      name_width_ = std::max(name_width_, DisplayWidth(b.samples.name));
    }
    name_width_ += 2;
  }

  void Header() {
    out_ << std::string(kMarkWidth, ' ') << PadRight("Benchmark", name_width_)
         << PadLeft("Baseline", kValueWidth) << PadLeft("Candidate", kValueWidth)
         << PadLeft("Change [95% CI]", kChangeWidth) << PadLeft("p adj", kPWidth);
    if (options_.verbose) {
      out_ << PadLeft("n", kNWidth) << PadLeft("CV", kCvWidth) << PadLeft("p90", kValueWidth)
           << PadLeft("p99", kValueWidth);
    }
    out_ << "  Verdict\n";
    Rule();
  }

  void Rule() {
    std::size_t width = kMarkWidth + name_width_ + 2 * kValueWidth + kChangeWidth + kPWidth + 16;
    if (options_.verbose) width += kNWidth + kCvWidth + 2 * kValueWidth;
    out_ << std::string(width, '-') << "\n";
  }

  void Row(const BenchmarkAnalysis& b) {
    const char* symbol = report_detail::TrendSymbol(Trend(b), options_.unicode);
    out_ << Colored(b.status, PadRight(symbol, kMarkWidth))
         << PadRight(b.samples.name, name_width_);
    const MetricStats& stats = report_detail::ShownStats(b, options_);
    const bool measured = stats.status == StatStatus::kOk;
    if (const auto& c = b.comparison) {
      out_ << PadLeft(Value(c->baseline_median), kValueWidth)
           << PadLeft(Value(c->candidate_median), kValueWidth)
           << PadLeft(report_detail::ChangeWithCi(*c), kChangeWidth)
           << PadLeft(FormatPValue(c->p_adjusted), kPWidth);
    } else {
      out_ << std::string(kValueWidth, ' ')
           << PadLeft(measured ? Value(stats.median) : "", kValueWidth)
           << std::string(kChangeWidth + kPWidth, ' ');
    }
    if (options_.verbose) VerboseCells(b, stats, measured);
    out_ << "  " << Colored(b.status, VerdictStatusName(b.status));
    // With a comparison the columns hold the evidence; otherwise (added,
    // inconclusive, over budget, errored) the reason is the explanation.
    const bool explained = b.comparison && Trend(b) != TrendMark::kNotJudged;
    if (!explained && !b.reasons.empty()) out_ << ": " << b.reasons.front();
    out_ << "\n";
  }

  void GeomeanRow(const DiffSummary& summary) {
    out_ << std::string(kMarkWidth, ' ') << PadRight(kGeomeanLabel, name_width_)
         << std::string(2 * kValueWidth, ' ')
         << PadLeft(report_detail::GeomeanText(summary), kChangeWidth) << std::string(kPWidth, ' ');
    if (options_.verbose) out_ << std::string(kNWidth + kCvWidth + 2 * kValueWidth, ' ');
    out_ << "  over " << report_detail::Counted(summary.geomean_count, "comparison") << "\n";
  }

 private:
  [[nodiscard]] std::string Value(double value) const {
    return report_detail::FormatValue(value, options_);
  }

  [[nodiscard]] std::string Colored(VerdictStatus status, const std::string& text) const {
    const char* color = options_.color ? AnsiColor(status) : "";
    if (*color == '\0') return text;
    return color + text + kAnsiReset;
  }

  void VerboseCells(const BenchmarkAnalysis& b, const MetricStats& stats, bool measured) {
    std::string n;
    if (b.comparison) {
      n = std::to_string(b.comparison->baseline_n) + "/" +
          std::to_string(b.comparison->candidate_n);
    } else if (measured) {
      n = "-/" + std::to_string(stats.n);
    }
    out_ << PadLeft(n, kNWidth) << PadLeft(measured ? FormatPercent(stats.cv) : "", kCvWidth)
         << PadLeft(measured ? Value(stats.p90) : "", kValueWidth)
         << PadLeft(measured ? Value(stats.p99) : "", kValueWidth);
  }

  const RenderOptions& options_;
  std::ostream& out_;
  std::size_t name_width_ = 0;
};

void Title(const RenderOptions& options, std::ostream& out) {
  out << options.title;
  if (!options.baseline_label.empty() || !options.candidate_label.empty()) {
    out << ": " << options.baseline_label << " -> " << options.candidate_label;
  }
  out << " (" << options.metric << ")\n\n";
}

}  // namespace

void RenderText(const SuiteAnalysis& suite, const DiffSummary& summary,
                const RenderOptions& options, std::ostream& out) {
  Title(options, out);
  for (const std::string& warning : suite.warnings) out << "warning: " << warning << "\n";
  if (!suite.warnings.empty()) out << "\n";
  TextTable table(suite, options, out);
  table.Header();
  for (const BenchmarkAnalysis* b : report_detail::RegressionsFirst(suite)) table.Row(*b);
  table.Rule();
  table.GeomeanRow(summary);
  if (options.verbose)
    out << "\nn: baseline/candidate repetitions; CV, p90, p99: the candidate's\n";
  const bool failed = suite.gate_failed;
  const VerdictStatus gate = failed ? VerdictStatus::kRegression : VerdictStatus::kUnchanged;
  const char* color = options.color ? AnsiColor(gate) : "";
  out << "\nbenchgate: gate " << color << (failed ? "FAIL" : "pass")
      << (*color != '\0' ? kAnsiReset : "") << " (" << report_detail::SummaryLine(suite, summary)
      << ")\n";
  out.flush();
}

}  // namespace benchgate
