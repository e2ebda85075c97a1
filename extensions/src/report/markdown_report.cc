#include "report/markdown_report.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <string_view>
#include <vector>

#include "model/number_format.h"
#include "report/diff_common.h"

namespace benchgate {
namespace {

using Benchmarks = std::vector<const BenchmarkAnalysis*>;

std::string Flattened(const std::string& text) {
  std::string flat = text;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  std::replace(flat.begin(), flat.end(), '\r', ' ');
  return flat;
}

std::size_t LongestBacktickRun(const std::string& text) {
  std::size_t longest = 0, run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

class MarkdownWriter {
 public:
  MarkdownWriter(const RenderOptions& options, std::ostream& out) : options_(options), out_(out) {}

  void SummaryLine(const SuiteAnalysis& suite, const DiffSummary& summary) {
    out_ << "**" << MarkdownText(options_.title) << ": " << (suite.gate_failed ? "FAIL" : "pass")
         << "** \u00B7 " << MarkdownText(report_detail::SummaryLine(suite, summary))
         << " \u00B7 geometric mean " << report_detail::GeomeanText(summary) << "\n\n";
    if (!options_.baseline_label.empty() || !options_.candidate_label.empty()) {
      out_ << MarkdownCode(options_.baseline_label) << " \u2192 "
           << MarkdownCode(options_.candidate_label) << ", ";
    }
    out_ << "metric " << MarkdownCode(options_.metric) << "\n";
    for (const std::string& warning : suite.warnings) {
      out_ << "\n> **warning:** " << MarkdownText(warning);
    }
    if (!suite.warnings.empty()) out_ << "\n";
  }

  void Section(const std::string& heading, const Benchmarks& benchmarks, bool with_reason) {
    if (benchmarks.empty()) return;
    out_ << "\n#### " << heading << " (" << benchmarks.size() << ")\n\n";
    Table(benchmarks, with_reason);
  }

  void Folded(const Benchmarks& benchmarks) {
    if (benchmarks.empty()) return;
    out_ << "\n<details><summary>" << benchmarks.size()
         << " unchanged</summary>\n\n";  // the blank line lets Markdown resume inside HTML
    Table(benchmarks, /*with_reason=*/false);
    out_ << "\n</details>\n";
  }

 private:
  void Table(const Benchmarks& benchmarks, bool with_reason) {
    out_ << "| | Benchmark | Baseline | Candidate | Change [95% CI] | p adj |"
         << (with_reason ? " Verdict |" : "") << "\n"
         << "|:-:|:--|--:|--:|--:|--:|" << (with_reason ? ":--|" : "") << "\n";
    for (const BenchmarkAnalysis* b : benchmarks) Row(*b, with_reason);
  }

  void Row(const BenchmarkAnalysis& b, bool with_reason) {
    out_ << "| " << report_detail::TrendSymbol(Trend(b), options_.unicode) << " | "
         << MarkdownCode(b.samples.name) << " | ";
    const MetricStats& stats = report_detail::ShownStats(b, options_);
    if (const auto& c = b.comparison) {
      out_ << Value(c->baseline_median) << " | " << Value(c->candidate_median) << " | "
           << report_detail::ChangeWithCi(*c) << " | " << FormatPValue(c->p_adjusted) << " |";
    } else {
      out_ << " | " << (stats.status == StatStatus::kOk ? Value(stats.median) : "") << " | | |";
    }
    if (with_reason) {
      out_ << " " << VerdictStatusName(b.status);
      const std::string reason = report_detail::FirstReason(b);
      if (!reason.empty()) out_ << ": " << MarkdownText(reason);
      out_ << " |";
    }
    out_ << "\n";
  }

  [[nodiscard]] std::string Value(double value) const {
    return report_detail::FormatValue(value, options_);
  }

  const RenderOptions& options_;
  std::ostream& out_;
};

Benchmarks Only(const Benchmarks& all, const std::function<bool(VerdictStatus)>& keep) {
  Benchmarks kept;
  std::copy_if(all.begin(), all.end(), std::back_inserter(kept),
               [&keep](const BenchmarkAnalysis* b) { return keep(b->status); });
  return kept;
}

}  // namespace

std::string MarkdownCode(const std::string& text) {
  const std::string flat = Flattened(text);
  const std::string fence(LongestBacktickRun(flat) + 1, '`');
  // A space keeps a leading or trailing backtick from joining the fence.
  const bool pad = !flat.empty() && (flat.front() == '`' || flat.back() == '`');
  std::string code = fence + (pad ? " " : "");
  for (const char c : flat) {
    if (c == '|') code += '\\';
    code += c;
  }
  return code + (pad ? " " : "") + fence;
}

std::string MarkdownText(const std::string& text) {
  static constexpr std::string_view kActive = "\\`*_[]<>|~&";
  std::string escaped;
  for (const char c : Flattened(text)) {
    if (kActive.find(c) != std::string_view::npos) escaped += '\\';
    escaped += c;
  }
  return escaped;
}

void RenderMarkdown(const SuiteAnalysis& suite, const DiffSummary& summary,
                    const RenderOptions& options, std::ostream& out) {
  using V = VerdictStatus;
  const Benchmarks all = report_detail::RegressionsFirst(suite);
  MarkdownWriter writer(options, out);
  writer.SummaryLine(suite, summary);
  writer.Section("Regressions", Only(all, [](V s) { return s == V::kRegression; }), false);
  writer.Section("Over budget", Only(all, [](V s) { return s == V::kBudgetExceeded; }), true);
  writer.Section("Improvements", Only(all, [](V s) { return s == V::kImprovement; }), false);
  writer.Section("Not judged",
                 Only(all,
                      [](V s) {
                        return s == V::kInconclusive || s == V::kError || s == V::kSkipped ||
                               s == V::kAdded || s == V::kRemoved || s == V::kPass;
                      }),
                 true);
  writer.Folded(Only(all, [](V s) { return s == V::kUnchanged; }));
  out.flush();
}

}  // namespace benchgate
