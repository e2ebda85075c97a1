// benchgate-diff's text table against approved files under tests/data/approved/report/.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/text_report.h"
#include "support/approved_files.h"
#include "support/report_diff_fixture.h"

namespace benchgate {
namespace {

using diff_fixture::DiffOptions;
using diff_fixture::DiffSuite;
using test::Approved;

std::string Render(const SuiteAnalysis& suite, const RenderOptions& options) {
  std::ostringstream out;
  RenderText(suite, SummarizeDiff(suite), options, out);
  return out.str();
}

TEST(TextReportTest, TableMatchesApprovedFile) {
  const std::string text = Render(DiffSuite(), DiffOptions());
  EXPECT_EQ(text, Approved("report/diff_text.txt", text));
}

TEST(TextReportTest, VerboseTableMatchesApprovedFile) {
  RenderOptions options = DiffOptions();
  options.verbose = true;
  const std::string text = Render(DiffSuite(), options);
  EXPECT_EQ(text, Approved("report/diff_text_verbose.txt", text));
}

TEST(TextReportTest, AsciiMarksMatchApprovedFile) {
  RenderOptions options = DiffOptions();
  options.unicode = false;
  const std::string text = Render(DiffSuite(), options);
  EXPECT_EQ(text, Approved("report/diff_text_ascii.txt", text));
  for (const char c : text) EXPECT_LT(static_cast<unsigned char>(c), 0x80);
}

TEST(TextReportTest, RegressionsComeFirstLargestFirst) {
  const std::string text = Render(DiffSuite(), DiffOptions());
  const auto sort = text.find("BM_Sort/1024"), hash = text.find("BM_Hash/64"),
             alloc = text.find("BM_Alloc"), lookup = text.find("BM_Lookup");
  ASSERT_NE(lookup, std::string::npos);
  EXPECT_LT(sort, hash);
  EXPECT_LT(hash, alloc);
  EXPECT_LT(alloc, lookup);
}

TEST(TextReportTest, ColourOnlyWhenAsked) {
  RenderOptions options = DiffOptions();
  EXPECT_EQ(Render(DiffSuite(), options).find('\033'), std::string::npos);
  options.color = true;
  const std::string colored = Render(DiffSuite(), options);
  EXPECT_NE(colored.find("\033[31mregression\033[0m"), std::string::npos) << colored;
  EXPECT_NE(colored.find("\033[32mimprovement\033[0m"), std::string::npos) << colored;
  EXPECT_NE(colored.find("gate \033[31mFAIL\033[0m"), std::string::npos) << colored;
}

TEST(TextReportTest, CounterMetricIsNotADuration) {
  SuiteAnalysis suite;
  suite.has_baseline = true;
  suite.benchmarks = {diff_fixture::Judged("BM_Items", VerdictStatus::kUnchanged, 1.5e6, 1.52e6,
                                           0.0133, -0.01, 0.03, 0.5, 0.5, "")};
  RenderOptions options = DiffOptions();
  options.metric = "items_per_second";
  const std::string text = Render(suite, options);
  EXPECT_NE(text.find("1.5e+06"), std::string::npos) << text;
  EXPECT_EQ(text.find(" ms"), std::string::npos) << text;
  EXPECT_NE(text.find("gate pass"), std::string::npos) << text;
}

TEST(TextReportTest, GateLineSaysWhatStayedUndecided) {
  const std::string text = Render(DiffSuite(), DiffOptions());
  EXPECT_NE(text.find("\nbenchgate: gate FAIL (2 regressions, 2 improvements, 1 unchanged, "
                      "1 inconclusive, 1 over budget, 1 added, 1 removed, 1 errored, 1 skipped; "
                      "1 undecided (1 unstable))\n"),
            std::string::npos)
      << text;
}

// Nothing regressed: the gate line alone says why the gate failed.
TEST(TextReportTest, TooManyUndecidedIsWhyTheGateFailed) {
  const std::string text = Render(diff_fixture::UndecidedSuite(), DiffOptions());
  const std::string gate =
      "benchgate: gate FAIL (0 regressions, 0 improvements, 1 unchanged, "
      "2 inconclusive; " +
      std::string(diff_fixture::kUndecidedText) + ")\n";
  ASSERT_GE(text.size(), gate.size());
  EXPECT_EQ(text.substr(text.size() - gate.size()), gate) << text;
}

TEST(TextReportTest, NothingUndecidedNothingSaid) {
  SuiteAnalysis suite = DiffSuite();
  suite.benchmarks.erase(suite.benchmarks.begin() + 6);  // BM_Noisy
  suite.inconclusive = 0;
  suite.undecided.clear();
  EXPECT_EQ(Render(suite, DiffOptions()).find("undecided"), std::string::npos);
}

TEST(TextReportTest, EmptySuite) {
  const std::string text = Render(SuiteAnalysis{}, DiffOptions());
  EXPECT_NE(text.find("geometric mean"), std::string::npos) << text;
  EXPECT_NE(text.find("n/a           over 0 comparisons"), std::string::npos) << text;
  EXPECT_NE(text.find("gate pass (0 regressions, 0 improvements, 0 unchanged)"), std::string::npos)
      << text;
}

}  // namespace
}  // namespace benchgate
