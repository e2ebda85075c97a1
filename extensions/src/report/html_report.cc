#include "report/html_report.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "model/number_format.h"
#include "report/diff_common.h"
#include "report/html_charts.h"
#include "report/plain_text.h"
#include "report/undecided.h"

namespace benchgate {
namespace {

using report_detail::FormatValue;

// Warnings listed above the table; the rest are folded under a count.
constexpr std::size_t kShownWarnings = 5;

// Content-Security-Policy: nothing may be fetched, so the page is the same
// offline as online and a name that slipped through escaping could not load
// anything either.
constexpr const char* kHead = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
)";

constexpr const char* kStyle = R"(<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1d1d1f;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}h3{font-size:14px;margin:0 0 6px;word-break:break-all}
.sub{color:#666;margin:0 0 10px}.summary{font-size:15px}
.gate{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff;font-weight:600;margin-right:8px}
.gate.fail{background:#c62828}.gate.pass{background:#2e7d32}
.warnings{color:#8a5a00}details.warnings summary{cursor:pointer}
.undecided.fail{color:#c62828;font-weight:600}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{padding:4px 10px;border-bottom:1px solid #e4e4e4;text-align:right;white-space:nowrap}
th{background:#f4f4f6;cursor:pointer;user-select:none;position:sticky;top:0}
th:hover{background:#e8e8ee}th.asc::after{content:" \25B4"}th.desc::after{content:" \25BE"}
td.name,th.name,td.verdict,th.verdict{text-align:left}td.name{white-space:normal;word-break:break-all;max-width:420px}
td.mark{text-align:center;font-weight:700}
tfoot td{font-weight:600;border-top:2px solid #ccc}
.regression .mark,.regression .verdict,.budget_exceeded .verdict,.error .verdict{color:#c62828}
.improvement .mark,.improvement .verdict{color:#2e7d32}.inconclusive .verdict{color:#b26a00}
.badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;color:#fff;background:#777;margin-right:6px}
.badge.regression,.badge.budget_exceeded,.badge.error{background:#c62828}.badge.improvement{background:#2e7d32}
.badge.inconclusive{background:#b26a00}
.cards{display:flex;flex-wrap:wrap;gap:14px}
.card{border:1px solid #ddd;border-radius:6px;padding:10px 12px;width:460px}
.reason{color:#555;font-size:12px;margin:0 0 6px}
.chart text{font-size:11px;fill:#555}
</style>
)";

// Sorting: numbers by data-v, text otherwise; empty cells always last.
constexpr const char* kScript = R"(<script>
document.querySelectorAll("#results th").forEach(function (th, column) {
  th.addEventListener("click", function () {
    var body = document.querySelector("#results tbody");
    var dir = th.classList.contains("asc") ? -1 : 1;
    document.querySelectorAll("#results th").forEach(function (h) { h.classList.remove("asc", "desc"); });
    th.classList.add(dir > 0 ? "asc" : "desc");
    var key = function (row) { var c = row.cells[column]; return c.dataset.v !== undefined ? c.dataset.v : c.textContent; };
    Array.from(body.rows).sort(function (a, b) {
      var x = key(a), y = key(b);
      if (x === y) return 0; if (x === "") return 1; if (y === "") return -1;
      var nx = Number(x), ny = Number(y);
      return dir * (isNaN(nx) || isNaN(ny) ? x.localeCompare(y) : nx - ny);
    }).forEach(function (row) { body.appendChild(row); });
  });
});
</script>
)";

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  return buffer;
}

// Higher is worse, so a descending sort lists the strong regressions first.
int TrendRank(TrendMark mark) {
  switch (mark) {
    case TrendMark::kStrongRegression:
      return 5;
    case TrendMark::kRegression:
      return 4;
    case TrendMark::kNotJudged:
      return 3;
    case TrendMark::kUnchanged:
      return 2;
    case TrendMark::kImprovement:
      return 1;
    case TrendMark::kStrongImprovement:
      return 0;
  }
  return 3;
}

const char* DotColor(VerdictStatus status) {
  switch (status) {
    case VerdictStatus::kRegression:
    case VerdictStatus::kBudgetExceeded:
      return "#c62828";
    case VerdictStatus::kImprovement:
      return "#2e7d32";
    default:
      return "#4a78c2";
  }
}

class HtmlWriter {
 public:
  HtmlWriter(const SuiteAnalysis& suite, const RenderOptions& options, std::ostream& out,
             const SamplesByName* baseline_samples, const SeriesByName* history)
      : suite_(suite),
        options_(options),
        out_(out),
        baseline_samples_(baseline_samples),
        history_(history) {}

  void Header(const DiffSummary& summary) {
    const std::string sides =
        HtmlEscape(options_.baseline_label) + " \u2192 " + HtmlEscape(options_.candidate_label);
    out_ << kHead << "<title>" << HtmlEscape(options_.title) << ": " << sides << "</title>\n"
         << kStyle << "</head>\n<body>\n<h1>" << HtmlEscape(options_.title) << "</h1>\n"
         << "<p class=\"sub\">" << sides << " \u00B7 metric " << HtmlEscape(options_.metric)
         << "</p>\n<p class=\"summary\"><span class=\"gate "
         << (suite_.gate_failed ? "fail\">FAIL" : "pass\">pass") << "</span>"
         << SummaryHtml(summary) << " \u00B7 geometric mean <b>"
         << report_detail::GeomeanText(summary) << "</b> over "
         << report_detail::Counted(summary.geomean_count, "comparison") << "</p>\n";
    Warnings();
  }

  void Table(const DiffSummary& summary) {
    out_ << "<h2>Benchmarks</h2>\n<table id=\"results\">\n<thead><tr><th>Trend</th>"
         << "<th class=\"name\">Benchmark</th><th>Baseline</th><th>Candidate</th><th>Change</th>"
         << "<th>95% CI</th><th>p adj</th><th>n</th><th>CV</th><th>p99</th>"
         << "<th class=\"verdict\">Verdict</th></tr></thead>\n<tbody>\n";
    for (const BenchmarkAnalysis* b : report_detail::RegressionsFirst(suite_)) Row(*b);
    out_ << "</tbody>\n<tfoot><tr><td></td><td class=\"name\">geometric mean</td><td></td><td></td>"
         << "<td>" << report_detail::GeomeanText(summary) << "</td><td></td><td></td><td></td>"
         << "<td></td><td></td><td class=\"verdict\">over "
         << report_detail::Counted(summary.geomean_count, "comparison")
         << "</td></tr></tfoot>\n</table>\n";
  }

  void Cards() {
    std::ostringstream cards;
    for (const BenchmarkAnalysis* b : report_detail::RegressionsFirst(suite_)) {
      const std::string charts = Charts(*b);
      if (charts.empty()) continue;
      cards << "<section class=\"card\" id=\"" << Id(*b) << "\"><h3><span class=\"badge "
            << VerdictStatusName(b->status) << "\">" << VerdictStatusName(b->status) << "</span>"
            << HtmlEscape(b->samples.name) << "</h3>\n<p class=\"reason\">"
            << HtmlEscape(report_detail::FirstReason(*b)) << "</p>\n"
            << charts << "</section>\n";
    }
    if (cards.tellp() == 0) return;
    out_ << "<h2>Samples and history</h2>\n<div class=\"cards\">\n" << cards.str() << "</div>\n";
  }

  void Footer() { out_ << kScript << "</body>\n</html>\n"; }

 private:
  // The counts, then what stayed undecided; in the gate's colour when it
  // is what failed the gate.
  [[nodiscard]] std::string SummaryHtml(const DiffSummary& summary) const {
    std::string html = HtmlEscape(report_detail::CountsLine(summary));
    const std::string undecided = UndecidedText(suite_);
    if (undecided.empty()) return html;
    return html + "; <span class=\"undecided" + (suite_.too_many_undecided ? " fail" : "") + "\">" +
           HtmlEscape(undecided) + "</span>";
  }

  // The first few warnings above the table; the rest folded, so that dozens
  // of unstable benchmarks do not push the results off the page.
  void Warnings() {
    const std::vector<std::string>& warnings = suite_.warnings;
    if (warnings.empty()) return;
    const std::size_t shown = std::min(warnings.size(), kShownWarnings);
    out_ << "<ul class=\"warnings\">\n";
    for (std::size_t i = 0; i < shown; ++i) out_ << "<li>" << HtmlEscape(warnings[i]) << "</li>\n";
    out_ << "</ul>\n";
    if (shown == warnings.size()) return;
    out_ << "<details class=\"warnings\"><summary>and "
         << report_detail::Counted(warnings.size() - shown, "more warning") << "</summary>\n<ul>\n";
    for (std::size_t i = shown; i < warnings.size(); ++i) {
      out_ << "<li>" << HtmlEscape(warnings[i]) << "</li>\n";
    }
    out_ << "</ul>\n</details>\n";
  }

  [[nodiscard]] std::string Id(const BenchmarkAnalysis& b) const {
    return "b" + std::to_string(&b - suite_.benchmarks.data());
  }

  [[nodiscard]] std::string Charts(const BenchmarkAnalysis& b) const {
    report_detail::StripInput strip;
    if (baseline_samples_ != nullptr) {
      const auto it = baseline_samples_->find(b.samples.name);
      if (it != baseline_samples_->end()) strip.baseline = &it->second;
    }
    strip.candidate = &report_detail::ShownSamples(b, options_);
    const MetricStats& stats = report_detail::ShownStats(b, options_);
    if (b.comparison) {
      strip.baseline_median = b.comparison->baseline_median;
      strip.candidate_median = b.comparison->candidate_median;
      strip.has_baseline_median = strip.has_candidate_median = true;
    } else if (stats.status == StatStatus::kOk) {
      strip.candidate_median = stats.median;
      strip.has_candidate_median = true;
    }
    strip.candidate_color = DotColor(b.status);
    std::string charts = report_detail::StripPlotSvg(strip, options_);
    if (history_ != nullptr) {
      const auto it = history_->find(b.samples.name);
      if (it != history_->end()) charts += report_detail::SeriesSvg(it->second, options_);
    }
    return charts;
  }

  void Row(const BenchmarkAnalysis& b) {
    const TrendMark mark = Trend(b);
    const MetricStats& stats = report_detail::ShownStats(b, options_);
    const bool measured = stats.status == StatStatus::kOk;
    out_ << "<tr class=\"" << VerdictStatusName(b.status) << "\"><td class=\"mark\" data-v=\""
         << TrendRank(mark) << "\">" << report_detail::TrendSymbol(mark, options_.unicode)
         << "</td><td class=\"name\">";
    if (Charts(b).empty()) {
      out_ << HtmlEscape(b.samples.name);
    } else {
      out_ << "<a href=\"#" << Id(b) << "\">" << HtmlEscape(b.samples.name) << "</a>";
    }
    out_ << "</td>";
    if (const auto& c = b.comparison) {
      Cell(c->baseline_median, FormatValue(c->baseline_median, options_));
      Cell(c->candidate_median, FormatValue(c->candidate_median, options_));
      const ShownChange shown = DecidedChange(*c);
      Cell(shown.value, FormatChange(shown.value));
      out_ << "<td>"
           << (shown.has_interval
                   ? "[" + FormatChange(shown.lo) + ", " + FormatChange(shown.hi) + "]"
                   : "")
           << "</td>";
      Cell(c->p_adjusted, FormatPValue(c->p_adjusted));
    } else {
      out_ << "<td data-v=\"\"></td>";
      if (measured) {
        Cell(stats.median, FormatValue(stats.median, options_));
      } else {
        out_ << "<td data-v=\"\"></td>";
      }
      out_ << "<td data-v=\"\"></td><td></td><td data-v=\"\"></td>";
    }
    if (measured) {
      Cell(static_cast<double>(stats.n), std::to_string(stats.n));
      Cell(stats.cv, FormatPercent(stats.cv));
      Cell(stats.p99, FormatValue(stats.p99, options_));
    } else {
      out_ << "<td data-v=\"\"></td><td data-v=\"\"></td><td data-v=\"\"></td>";
    }
    out_ << "<td class=\"verdict\" data-v=\"" << report_detail::AttentionRank(b.status) << "\""
         << " title=\"" << HtmlEscape(report_detail::FirstReason(b)) << "\">"
         << VerdictStatusName(b.status) << "</td></tr>\n";
  }

  void Cell(double sort_value, const std::string& text) {
    out_ << "<td data-v=\"" << Number(sort_value) << "\">" << HtmlEscape(text) << "</td>";
  }

  const SuiteAnalysis& suite_;
  const RenderOptions& options_;
  std::ostream& out_;
  const SamplesByName* baseline_samples_;
  const SeriesByName* history_;
};

}  // namespace

void RenderHtml(const SuiteAnalysis& suite, const DiffSummary& summary,
                const RenderOptions& options, std::ostream& out,
                const SamplesByName* baseline_samples_ns, const SeriesByName* history) {
  HtmlWriter writer(suite, options, out, baseline_samples_ns, history);
  writer.Header(summary);
  writer.Table(summary);
  writer.Cards();
  writer.Footer();
  out.flush();
}

}  // namespace benchgate
