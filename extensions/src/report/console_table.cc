#include "report/console_table.h"

#include <algorithm>
#include <iomanip>
#include <string>

#include "model/number_format.h"
#include "report/diff_common.h"
#include "report/plain_text.h"
#include "report/undecided.h"

namespace benchgate {
namespace {

using report_detail::Counted;

// A column of the table: at least one space from its neighbour even when
// `text` fills it.
std::string Pad(const std::string& text, std::size_t width) {
  return report_detail::PadRight(text, width, 1);
}

std::string PadLeft(const std::string& text, std::size_t width) {
  return report_detail::PadLeft(text, width, 1);
}

// "669 ns" -> "669ns": a counter stays one name=value word, as in Google
// Benchmark's console.
std::string Compact(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  return text;
}

std::string MedianWithCi(const MetricStats& stats) {
  std::string text = FormatDuration(stats.median);
  if (stats.median_ci_status == StatStatus::kOk) {
    text +=
        " [" + FormatDuration(stats.median_ci_lo) + ", " + FormatDuration(stats.median_ci_hi) + "]";
  }
  return text;
}

}  // namespace

const char* ConsoleTable::Color(VerdictStatus status) const {
  return color_ ? report_detail::AnsiColor(status) : "";
}

const char* ConsoleTable::Reset() const { return color_ ? report_detail::kAnsiReset : ""; }

void ConsoleTable::PrintHeader() {
  out_ << Pad("Benchmark", name_width_) << PadLeft("Median [95% CI]", 34) << PadLeft("p90", 11)
       << PadLeft("p99", 11) << PadLeft("CV", 8) << PadLeft("Iterations", 12) << "\n"
       << std::string(name_width_ + 34 + 11 + 11 + 8 + 12, '-') << "\n";
  printed_header_ = true;
}

bool ConsoleTable::PrintNameOrError(const SampleSet& samples) {
  out_ << Pad(samples.name, name_width_);
  if (!samples.errored) return false;
  // As Google Benchmark's console says it: an error in red, a skip plain.
  if (samples.skipped) {
    out_ << "SKIPPED: " << samples.error_message << "\n";
  } else {
    out_ << Color(VerdictStatus::kError) << "ERROR: " << samples.error_message << Reset() << "\n";
  }
  return true;
}

void ConsoleTable::PrintMeasurement(const BenchmarkAnalysis& benchmark) {
  if (!printed_header_) PrintHeader();
  const SampleSet& samples = benchmark.samples;
  if (PrintNameOrError(samples)) return;
  const MetricStats& real = benchmark.real_time;
  const bool unstable = !benchmark.reasons.empty();
  out_ << PadLeft(MedianWithCi(real), 34) << PadLeft(FormatDuration(real.p90), 11)
       << PadLeft(FormatDuration(real.p99), 11)
       << (unstable ? Color(VerdictStatus::kInconclusive) : "")
       << PadLeft(FormatPercent(real.cv), 8) << (unstable ? Reset() : "")
       << PadLeft(FormatCount(benchmark.iterations), 12);
  // Counters as Google Benchmark's console shows them: name=value, rates
  // per second (their medians over the repetitions).
  for (const auto& [name, median] : benchmark.counter_medians) {
    const auto found = samples.counter_display.find(name);
    const SampleSet::CounterDisplay display =
        found == samples.counter_display.end() ? SampleSet::CounterDisplay{} : found->second;
    const std::string shown =
        display.unit == "s"
            ? Compact(FormatDuration(median * 1e9))
            : FormatQuantity(median, display.base_1024 ? 1024 : 1000) + display.unit;
    out_ << " " << name << "=" << shown;
  }
  out_ << "\n";
  out_.flush();
}

void ConsoleTable::PrintComplexity(const ComplexityRow& row) {
  if (!printed_header_) PrintHeader();
  // In the median column, the fit; in the CV column, its RMS error (Google
  // Benchmark's _BigO and _RMS rows in one line).
  const std::string fit =
      FormatDuration(row.coefficient_ns) + (row.curve == "(1)" ? "" : " x " + row.curve);
  out_ << Pad(row.name + "_BigO", name_width_) << PadLeft(fit, 34) << std::string(11 + 11, ' ')
       << PadLeft(row.has_rms ? "RMS " + FormatPercent(row.rms) : "", 8) << "\n";
  out_.flush();
}

void ConsoleTable::PrintCountingSetup(const CountingSetup& setup) {
  counts_ = true;
  out_ << "Instructions per iteration, counted under " << setup.valgrind_version
       << " (callgrind) in " << setup.processes << " processes; harness floor "
       << FormatCount(setup.harness_floor) << " (an empty loop)\n\n"
       << Pad("Benchmark", name_width_) << PadLeft("Instructions", 16) << PadLeft("Iterations", 12)
       << "  Counts\n"
       << std::string(name_width_ + 16 + 12 + 16, '-') << "\n";
}

void ConsoleTable::PrintCount(const BenchmarkAnalysis& benchmark) {
  const SampleSet& samples = benchmark.samples;
  if (PrintNameOrError(samples)) return;
  if (!samples.instructions || !samples.instructions->not_counted.empty()) {
    out_ << PadLeft("-", 16) << PadLeft("-", 12) << "  not counted\n";
    return;
  }
  const InstructionCount& count = *samples.instructions;
  out_ << PadLeft(FormatCount(benchmark.judged.median), 16)
       << PadLeft(FormatCount(static_cast<double>(count.iterations)), 12) << "  "
       << (count.deterministic ? "deterministic" : "NONDETERMINISTIC") << "\n";
  out_.flush();
}

namespace {

// What a run without a baseline judged: its budgets. "budgets of 3
// benchmarks checked: 2 held, 1 over budget"; "no budget to check".
std::string BudgetsChecked(const SuiteAnalysis& suite) {
  if (suite.budgets_checked == 0) return "no budget to check";
  const auto uncertain = static_cast<std::size_t>(
      std::count_if(suite.benchmarks.begin(), suite.benchmarks.end(), [](const auto& b) {
        return b.status == VerdictStatus::kInconclusive &&
               b.undecided == Undecided::kBudgetUncertain;
      }));
  const std::size_t not_held = std::min(suite.budgets_checked, suite.budget_exceeded + uncertain);
  std::string text = "budgets of " + std::to_string(suite.budgets_checked) + " benchmark" +
                     (suite.budgets_checked == 1 ? "" : "s") +
                     " checked: " + std::to_string(suite.budgets_checked - not_held) + " held";
  if (suite.budget_exceeded > 0)
    text += ", " + std::to_string(suite.budget_exceeded) + " over budget";
  if (uncertain > 0) text += ", " + std::to_string(uncertain) + " uncertain";
  return text;
}

}  // namespace

void ConsoleTable::PrintGate(const SuiteAnalysis& suite) {
  out_ << "\n";
  for (const std::string& warning : suite.warnings) out_ << "warning: " << warning << "\n";
  if (suite.has_baseline) {
    out_ << Pad("Benchmark", name_width_) << PadLeft("Baseline", 11) << PadLeft("Candidate", 11)
         << PadLeft("Change [95% CI]", 26) << PadLeft("p adj", 9) << "  Verdict\n"
         << std::string(name_width_ + 11 + 11 + 26 + 9 + 16, '-') << "\n";
    for (const BenchmarkAnalysis& benchmark : suite.benchmarks) {
      out_ << Pad(benchmark.samples.name, name_width_);
      if (const auto& c = benchmark.comparison) {
        const auto value = [&](double v) { return counts_ ? FormatCount(v) : FormatDuration(v); };
        out_ << PadLeft(value(c->baseline_median), 11) << PadLeft(value(c->candidate_median), 11)
             << PadLeft(report_detail::ChangeWithCi(*c), 26)
             << PadLeft(FormatPValue(c->p_adjusted), 9);
      } else {
        out_ << std::string(11 + 11 + 26 + 9, ' ');
      }
      out_ << "  " << Color(benchmark.status) << VerdictStatusName(benchmark.status) << Reset();
      // With a comparison the columns already hold the evidence; otherwise
      // (added, inconclusive, errored) the reason is the only explanation.
      const bool explained =
          benchmark.comparison && benchmark.status != VerdictStatus::kInconclusive;
      if (!explained && !benchmark.reasons.empty()) out_ << ": " << benchmark.reasons.front();
      out_ << "\n";
    }
    out_ << "\n";
  }
  const VerdictStatus summary =
      suite.gate_failed ? VerdictStatus::kRegression : VerdictStatus::kPass;
  out_ << "benchgate: gate " << Color(summary) << (suite.gate_failed ? "FAIL" : "pass") << Reset();
  if (suite.has_baseline) {
    out_ << " (" << Counted(suite.regressions, "regression") << ", "
         << Counted(suite.improvements, "improvement") << ", " << suite.unchanged << " unchanged, "
         << suite.inconclusive << " inconclusive";
    if (suite.budget_exceeded > 0) out_ << ", " << suite.budget_exceeded << " over budget";
    if (suite.added > 0) out_ << ", " << suite.added << " added";
    if (suite.removed > 0) out_ << ", " << suite.removed << " removed";
    out_ << ")";
  } else {
    out_ << " (no baseline: nothing compared; " << BudgetsChecked(suite) << ")";
  }
  if (suite.errored > 0) out_ << ", " << suite.errored << " errored";
  if (suite.skipped > 0) out_ << ", " << suite.skipped << " skipped";
  const std::string undecided = UndecidedText(suite);
  if (!undecided.empty()) out_ << "; " << undecided;
  out_ << "\n";
  out_.flush();
}

}  // namespace benchgate
