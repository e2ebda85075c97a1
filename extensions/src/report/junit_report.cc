#include "report/junit_report.h"

#include "model/number_format.h"
#include "report/undecided.h"
#include "report/diff_common.h"

namespace benchgate {
namespace {

std::string Attribute(const char* name, const std::string& value) {
  return std::string(" ") + name + "=\"" + XmlEscape(value) + "\"";
}

std::string AllReasons(const BenchmarkAnalysis& b) {
  std::string text;
  for (const std::string& reason : b.reasons) text += (text.empty() ? "" : "\n") + reason;
  return text;
}

// "+30.0% [+28.0%, +33.0%]: 10.0 us -> 13.0 us, p adj 3.3e-05"
std::string Evidence(const BenchmarkAnalysis& b, const RenderOptions& options) {
  if (!b.comparison) return report_detail::FirstReason(b);
  const Comparison& c = *b.comparison;
  return report_detail::ChangeWithCi(c) + ": " +
         report_detail::FormatValue(c.baseline_median, options) + " -> " +
         report_detail::FormatValue(c.candidate_median, options) + ", p adj " +
         FormatPValue(c.p_adjusted);
}

void TestCase(const BenchmarkAnalysis& b, const RenderOptions& options, std::ostream& out) {
  out << "    <testcase" << Attribute("classname", "benchgate." + options.metric)
      << Attribute("name", b.samples.name);
  const std::string verdict = VerdictStatusName(b.status);
  switch (b.status) {
    case VerdictStatus::kRegression:
      out << ">\n      <failure" << Attribute("type", verdict)
          << Attribute("message", verdict + ": " + Evidence(b, options)) << ">"
          << XmlEscape(AllReasons(b)) << "</failure>\n    </testcase>\n";
      return;
    case VerdictStatus::kBudgetExceeded:
      out << ">\n      <failure" << Attribute("type", verdict)
          << Attribute("message", verdict + ": " + report_detail::FirstReason(b)) << ">"
          << XmlEscape(AllReasons(b)) << "</failure>\n    </testcase>\n";
      return;
    case VerdictStatus::kError:
      out << ">\n      <error" << Attribute("type", verdict)
          << Attribute("message", report_detail::FirstReason(b)) << "/>\n    </testcase>\n";
      return;
    case VerdictStatus::kInconclusive:
    case VerdictStatus::kSkipped:
    case VerdictStatus::kAdded:
    case VerdictStatus::kRemoved:
      out << ">\n      <skipped"
          << Attribute("message", verdict + ": " + report_detail::FirstReason(b))
          << "/>\n    </testcase>\n";
      return;
    case VerdictStatus::kUnchanged:
    case VerdictStatus::kImprovement:
    case VerdictStatus::kPass:
      break;
  }
  out << ">\n      <system-out>" << XmlEscape(verdict + ": " + Evidence(b, options))
      << "</system-out>\n    </testcase>\n";
}

// A gate run with --max-undecided has one suite-level test case, so that a
// gate failed for too many undecided benchmarks shows a failing test (no
// benchmark's own test case fails for it) and CI tracks it as one test
// across runs, passing or not.
bool HasUndecidedCase(const SuiteAnalysis& suite) {
  return suite.too_many_undecided || suite.max_undecided < 1;
}

void UndecidedCase(const SuiteAnalysis& suite, std::ostream& out) {
  const std::string text = UndecidedText(suite);
  out << "    <testcase" << Attribute("classname", "benchgate.gate")
      << Attribute("name", "undecided share");
  if (suite.too_many_undecided) {
    out << ">\n      <failure" << Attribute("type", "too_many_undecided")
        << Attribute("message", text) << ">" << XmlEscape(text) << "</failure>\n    </testcase>\n";
    return;
  }
  out << ">\n      <system-out>" << XmlEscape(text.empty() ? "nothing undecided" : text)
      << "</system-out>\n    </testcase>\n";
}

std::string Properties(const SuiteAnalysis& suite, const DiffSummary& summary,
                       const RenderOptions& options) {
  const auto property = [](const char* name, const std::string& value) {
    return std::string("      <property") + Attribute("name", name) + Attribute("value", value) +
           "/>\n";
  };
  std::string text = "    <properties>\n" + property("metric", options.metric) +
                     property("geomean_change", report_detail::GeomeanText(summary)) +
                     property("gate", suite.gate_failed ? "fail" : "pass");
  const std::string undecided = UndecidedText(suite);
  if (!undecided.empty()) text += property("undecided", undecided);
  return text + "    </properties>\n";
}

}  // namespace

void RenderJunit(const SuiteAnalysis& suite, const DiffSummary& summary,
                 const RenderOptions& options, std::ostream& out) {
  const bool undecided_case = HasUndecidedCase(suite);
  const std::string tests = std::to_string(suite.benchmarks.size() + (undecided_case ? 1 : 0));
  const std::string failures = std::to_string(summary.regressions + summary.budget_exceeded +
                                              (suite.too_many_undecided ? 1 : 0));
  const std::string errors = std::to_string(summary.errored);
  const std::string skipped =
      std::to_string(summary.inconclusive + summary.skipped + summary.added + summary.removed);
  const std::string counts = Attribute("tests", tests) + Attribute("failures", failures) +
                             Attribute("errors", errors) + Attribute("skipped", skipped);
  std::string name = options.title;
  if (!options.baseline_label.empty() || !options.candidate_label.empty()) {
    name += ": " + options.baseline_label + " -> " + options.candidate_label;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"
      << Attribute("name", options.title) << counts << ">\n  <testsuite"
      << Attribute("name", name + " (" + options.metric + ")") << counts << ">\n"
      << Properties(suite, summary, options);
  if (undecided_case) UndecidedCase(suite, out);
  for (const BenchmarkAnalysis& b : suite.benchmarks) TestCase(b, options, out);
  out << "  </testsuite>\n</testsuites>\n";
  out.flush();
}

}  // namespace benchgate
