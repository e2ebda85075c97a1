#include "report/diff_common.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/number_format.h"
#include "model/sample_set.h"
#include "report/plain_text.h"
#include "report/undecided.h"

namespace benchgate::report_detail {

int AttentionRank(VerdictStatus status) {
  switch (status) {
    case VerdictStatus::kRegression:
      return 0;
    case VerdictStatus::kBudgetExceeded:
      return 1;
    case VerdictStatus::kImprovement:
      return 2;
    case VerdictStatus::kInconclusive:
      return 3;
    case VerdictStatus::kError:
      return 4;
    case VerdictStatus::kSkipped:
      return 5;
    case VerdictStatus::kAdded:
      return 6;
    case VerdictStatus::kRemoved:
      return 7;
    case VerdictStatus::kUnchanged:
      return 8;
    case VerdictStatus::kPass:
      return 9;
  }
  return 10;
}

namespace {

double ChangeOf(const BenchmarkAnalysis& b) { return b.comparison ? b.comparison->change : 0.0; }

}  // namespace

std::vector<const BenchmarkAnalysis*> RegressionsFirst(const SuiteAnalysis& suite) {
  std::vector<const BenchmarkAnalysis*> order;
  order.reserve(suite.benchmarks.size());
  for (const BenchmarkAnalysis& b : suite.benchmarks) order.push_back(&b);
  std::stable_sort(order.begin(), order.end(), [](const auto* x, const auto* y) {
    const int gx = AttentionRank(x->status), gy = AttentionRank(y->status);
    if (gx != gy) return gx < gy;
    if (x->status == VerdictStatus::kRegression) return ChangeOf(*x) > ChangeOf(*y);
    if (x->status == VerdictStatus::kImprovement) return ChangeOf(*x) < ChangeOf(*y);
    return false;
  });
  return order;
}

const char* TrendSymbol(TrendMark mark, bool unicode) {
  switch (mark) {
    case TrendMark::kStrongImprovement:
      return unicode ? "\u25BC\u25BC" : "vv";
    case TrendMark::kImprovement:
      return unicode ? "\u25BC" : "v";
    case TrendMark::kUnchanged:
      return "=";
    case TrendMark::kRegression:
      return unicode ? "\u25B2" : "^";
    case TrendMark::kStrongRegression:
      return unicode ? "\u25B2\u25B2" : "^^";
    case TrendMark::kNotJudged:
      return "";
  }
  return "";
}

std::string CountsLine(const DiffSummary& s) {
  std::string line = Counted(s.regressions, "regression") + ", " +
                     Counted(s.improvements, "improvement") + ", " + std::to_string(s.unchanged) +
                     " unchanged";
  const auto add = [&line](std::size_t count, const char* what) {
    if (count > 0) line += ", " + std::to_string(count) + " " + what;
  };
  add(s.inconclusive, "inconclusive");
  add(s.budget_exceeded, "over budget");
  add(s.added, "added");
  add(s.removed, "removed");
  add(s.errored, "errored");
  add(s.skipped, "skipped");
  return line;
}

std::string SummaryLine(const SuiteAnalysis& suite, const DiffSummary& summary) {
  const std::string undecided = UndecidedText(suite);
  return CountsLine(summary) + (undecided.empty() ? "" : "; " + undecided);
}

std::string GeomeanText(const DiffSummary& summary) {
  return summary.geomean_status == StatStatus::kOk ? FormatChange(summary.geomean_change) : "n/a";
}

std::string FormatValue(double value, const RenderOptions& options) {
  if (IsTimeMetric(options.metric)) return FormatDuration(value);
  if (!std::isfinite(value)) return "n/a";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.3g", value);
  return buffer;
}

const MetricStats& ShownStats(const BenchmarkAnalysis& benchmark, const RenderOptions& options) {
  if (options.metric == "real_time") return benchmark.real_time;
  if (options.metric == "cpu_time") return benchmark.cpu_time;
  return benchmark.judged;
}

const std::vector<double>& ShownSamples(const BenchmarkAnalysis& benchmark,
                                        const RenderOptions& options) {
  return MetricValues(benchmark.samples, options.metric);
}

std::string ChangeWithCi(const Comparison& c) {
  const ShownChange shown = DecidedChange(c);
  std::string text = FormatChange(shown.value);
  if (shown.has_interval)
    text += " [" + FormatChange(shown.lo) + ", " + FormatChange(shown.hi) + "]";
  return text;
}

std::string FirstReason(const BenchmarkAnalysis& benchmark) {
  return benchmark.reasons.empty() ? std::string() : benchmark.reasons.front();
}

bool Fails(VerdictStatus status) {
  return status == VerdictStatus::kRegression || status == VerdictStatus::kBudgetExceeded;
}

}  // namespace benchgate::report_detail
