// The console table is compared to approved files under
// tests/data/approved/report/: a change in layout is a deliberate change of
// those files. Set BENCHGATE_UPDATE_APPROVED=1 to rewrite them after checking
// the diff by eye.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/console_table.h"
#include "support/approved_files.h"
#include "support/report_diff_fixture.h"

namespace benchgate {
namespace {

using diff_fixture::Compared;
using test::Approved;

BenchmarkAnalysis Measured(const std::string& name, double median_ns, double cv) {
  BenchmarkAnalysis b;
  b.samples.name = name;
  b.real_time.status = StatStatus::kOk;
  b.real_time.n = 10;
  b.real_time.median = median_ns;
  b.real_time.median_ci_status = StatStatus::kOk;
  b.real_time.median_ci_lo = median_ns * 0.99;
  b.real_time.median_ci_hi = median_ns * 1.02;
  b.real_time.p90 = median_ns * 1.05;
  b.real_time.p99 = median_ns * 1.2;
  b.real_time.cv = cv;
  b.iterations = 5000;
  return b;
}

SuiteAnalysis JudgedSuite() {
  SuiteAnalysis suite;
  suite.has_baseline = true;
  BenchmarkAnalysis slow = Measured("BM_Sort/1024", 13'000, 0.01);
  slow.comparison = Compared(10'000, 13'000, 0.3, 0.28, 0.33, 1.1e-5, 3.3e-5);
  slow.status = VerdictStatus::kRegression;
  slow.reasons = {"+30.0% [+28.0%, +33.0%], p=1.1e-05 adj 3.3e-05 > tolerance 5.0%"};
  BenchmarkAnalysis same = Measured("BM_Lookup", 52.5, 0.02);
  same.comparison = Compared(52, 52.5, 0.0096, -0.01, 0.02, 0.48, 0.72);
  same.status = VerdictStatus::kUnchanged;
  same.reasons = {"+1.0% [-1.0%, +2.0%], p=0.48 adj 0.72 not significant; tolerance 5.0%"};
  BenchmarkAnalysis added = Measured("BM_New", 2.5e6, 0.01);
  added.status = VerdictStatus::kAdded;
  added.reasons = {"not in the baseline"};
  suite.benchmarks = {slow, same, added};
  suite.regressions = 1;
  suite.unchanged = 1;
  suite.added = 1;
  suite.gate_failed = true;
  return suite;
}

TEST(ConsoleTableTest, MeasurementRowsMatchApprovedFile) {
  std::ostringstream out;
  ConsoleTable table(out, /*color=*/false);
  table.SetNameWidth(20);
  table.PrintMeasurement(Measured("BM_Sort/1024", 12'345, 0.012));
  table.PrintMeasurement(Measured("BM_Lookup", 52.5, 0.081));
  BenchmarkAnalysis failed;
  failed.samples.name = "BM_Broken";
  failed.samples.errored = true;
  failed.samples.error_message = "connection refused";
  table.PrintMeasurement(failed);
  BenchmarkAnalysis skipped;
  skipped.samples.name = "BM_NoGpu";
  skipped.samples.errored = true;
  skipped.samples.skipped = true;
  skipped.samples.error_message = "no GPU on this machine";
  table.PrintMeasurement(skipped);
  EXPECT_EQ(out.str(), Approved("report/console_measurements.txt", out.str()));
}

// Counters after the columns, as Google Benchmark's console shows them
// (name=value, rates per second, inverted rates as a time per item), their
// medians over the repetitions; texts by hand from FormatQuantity's rule.
TEST(ConsoleTableTest, CountersAsNameValueWords) {
  std::ostringstream out;
  ConsoleTable table(out, /*color=*/false);
  BenchmarkAnalysis b = Measured("BM_Parse", 250, 0.01);
  b.counter_medians = {
      {"bytes_per_second", 68.7e6}, {"kibi", 2048}, {"per_item", 4.76e-7}, {"plain", 6}};
  b.samples.counter_display = {
      {"bytes_per_second", {"/s", false}}, {"kibi", {"", true}}, {"per_item", {"s", false}}};
  table.PrintMeasurement(b);
  EXPECT_NE(out.str().find("5000 bytes_per_second=68.7M/s kibi=2.00k per_item=476ns plain=6.00\n"),
            std::string::npos)
      << out.str();
}

TEST(ConsoleTableTest, GateTableMatchesApprovedFile) {
  std::ostringstream out;
  ConsoleTable table(out, /*color=*/false);
  table.SetNameWidth(20);
  table.PrintGate(JudgedSuite());
  EXPECT_EQ(out.str(), Approved("report/console_gate.txt", out.str()));
}

// A family's fitted complexity in one line: the coefficient (Google
// Benchmark's _BigO row, 5.72 in ns per N) in the median column and the RMS
// (its _RMS row, 0.03) in the CV column. Expected text written by hand.
TEST(ConsoleTableTest, ComplexityInOneLine) {
  std::ostringstream out;
  ConsoleTable table(out, /*color=*/false);
  table.SetNameWidth(30);
  table.PrintComplexity(ComplexityRow{"BM_Sort/iterations:50", 5.72, "N", 0.03, true});
  table.PrintComplexity(ComplexityRow{"BM_Hash", 40.0, "(1)", 0, false});
  const std::string text = out.str();
  // Name padded to 30; the fit right-aligned in 34; p90 and p99 blank (22);
  // "RMS 3.0%" fills its 8 columns, so one space keeps it apart.
  const std::string first = "BM_Sort/iterations:50_BigO" + std::string(4, ' ') +
                            std::string(34 - 11, ' ') + "5.72 ns x N" + std::string(22, ' ') +
                            " RMS 3.0%\n";
  EXPECT_NE(text.find(first), std::string::npos) << text;
  // A constant: the time alone (three significant digits), no RMS.
  const std::string second = "BM_Hash_BigO" + std::string(18, ' ') + std::string(34 - 7, ' ') +
                             "40.0 ns" + std::string(22 + 8, ' ') + "\n";
  EXPECT_NE(text.find(second), std::string::npos) << text;
}

TEST(ConsoleTableTest, ColourOnlyWhenAsked) {
  std::ostringstream plain;
  ConsoleTable(plain, false).PrintGate(JudgedSuite());
  EXPECT_EQ(plain.str().find('\033'), std::string::npos);
  std::ostringstream colored;
  ConsoleTable(colored, true).PrintGate(JudgedSuite());
  EXPECT_NE(colored.str().find("\033[31mregression\033[0m"), std::string::npos) << colored.str();
}

TEST(ConsoleTableTest, NoBaselineSaysSo) {
  std::ostringstream out;
  SuiteAnalysis suite;
  suite.benchmarks = {Measured("BM_A", 10, 0.01)};
  ConsoleTable(out, false).PrintGate(suite);
  EXPECT_EQ(out.str(),
            "\nbenchgate: gate pass (no baseline: nothing compared; no budget to check)\n");
}

TEST(ConsoleTableTest, NoBaselineSaysWhatTheBudgetsFound) {
  // Three benchmarks' budgets judged: one held, one broken, one uncertain.
  SuiteAnalysis suite;
  suite.benchmarks = {Measured("BM_A", 10, 0.01), Measured("BM_B", 10, 0.01),
                      Measured("BM_C", 10, 0.01)};
  suite.benchmarks[1].status = VerdictStatus::kBudgetExceeded;
  suite.benchmarks[2].status = VerdictStatus::kInconclusive;
  suite.benchmarks[2].undecided = Undecided::kBudgetUncertain;
  suite.budgets_checked = 3;
  suite.budget_exceeded = 1;
  suite.inconclusive = 1;
  suite.gate_failed = true;
  std::ostringstream out;
  ConsoleTable(out, false).PrintGate(suite);
  EXPECT_EQ(out.str(),
            "\nbenchgate: gate FAIL (no baseline: nothing compared; budgets of 3 benchmarks "
            "checked: 1 held, 1 over budget, 1 uncertain); 1 undecided\n");
}

}  // namespace
}  // namespace benchgate
