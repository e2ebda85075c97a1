#include "report/diff_common.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/number_format.h"
#include "model/sample_set.h"
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

std::string Counted(std::size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
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
  std::string text = FormatChange(c.change);
  if (c.change_status == StatStatus::kOk) {
    text += " [" + FormatChange(c.change_lo) + ", " + FormatChange(c.change_hi) + "]";
  }
  return text;
}

std::string FirstReason(const BenchmarkAnalysis& benchmark) {
  return benchmark.reasons.empty() ? std::string() : benchmark.reasons.front();
}

bool Fails(VerdictStatus status) {
  return status == VerdictStatus::kRegression || status == VerdictStatus::kBudgetExceeded;
}

std::size_t DisplayWidth(const std::string& text) {
  // Every byte except UTF-8 continuation bytes (10xxxxxx) starts a code point.
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

namespace {

// Length of the well-formed UTF-8 sequence at text[at], or 0 (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t SequenceLength(const std::string& text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  if (byte(at + 1) < lo || byte(at + 1) > hi) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

}  // namespace

std::string ValidUtf8(const std::string& text) {
  std::string valid;
  valid.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = SequenceLength(text, at);
    if (length == 0) {
      valid += "\xEF\xBF\xBD";
      ++at;
    } else {
      valid.append(text, at, length);
      at += length;
    }
  }
  return valid;
}

std::string PadRight(const std::string& text, std::size_t width) {
  const std::size_t shown = DisplayWidth(text);
  return shown >= width ? text : text + std::string(width - shown, ' ');
}

std::string PadLeft(const std::string& text, std::size_t width) {
  const std::size_t shown = DisplayWidth(text);
  return shown >= width ? text : std::string(width - shown, ' ') + text;
}

}  // namespace benchgate::report_detail
