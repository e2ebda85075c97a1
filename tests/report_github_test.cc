// benchgate-diff --format github: annotations and the job summary against
// approved files, and the workflow-command escaping.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/github_report.h"
#include "report/markdown_report.h"
#include "support/approved_files.h"
#include "support/report_diff_fixture.h"

namespace benchgate {
namespace {

using diff_fixture::DiffOptions;
using diff_fixture::DiffSuite;
using test::Approved;

TEST(GithubReportTest, AnnotationsMatchApprovedFile) {
  const SuiteAnalysis suite = DiffSuite();
  std::ostringstream annotations;
  RenderGithub(suite, SummarizeDiff(suite), DiffOptions(), annotations, nullptr);
  EXPECT_EQ(annotations.str(), Approved("report/diff_github.txt", annotations.str()));
}

TEST(GithubReportTest, StepSummaryIsTheMarkdownReport) {
  const SuiteAnalysis suite = DiffSuite();
  const DiffSummary summary = SummarizeDiff(suite);
  std::ostringstream annotations, step_summary, markdown;
  step_summary << "earlier step\n";  // appended to, never replaced
  RenderGithub(suite, summary, DiffOptions(), annotations, &step_summary);
  RenderMarkdown(suite, summary, DiffOptions(), markdown);
  EXPECT_EQ(step_summary.str(), "earlier step\n" + markdown.str() + "\n");
}

TEST(GithubReportTest, ErrorsForTheGateWarningsForTheUnjudged) {
  const SuiteAnalysis suite = DiffSuite();
  std::ostringstream out;
  RenderGithub(suite, SummarizeDiff(suite), DiffOptions(), out, nullptr);
  const std::string text = out.str();
  EXPECT_EQ(text.rfind("::error title=benchgate%3A regression::BM_Sort/1024: +30.0%", 0), 0u)
      << text;
  EXPECT_NE(text.find("::error title=benchgate%3A over budget::BM_Alloc: p99"), std::string::npos);
  EXPECT_NE(text.find("::warning title=benchgate%3A inconclusive::BM_Noisy"), std::string::npos);
  EXPECT_NE(text.find("::warning title=benchgate%3A errored::BM_Broken"), std::string::npos);
  EXPECT_EQ(text.find("BM_Lookup"), std::string::npos);  // unchanged: no annotation
}

TEST(GithubReportTest, GateLineSaysWhatStayedUndecided) {
  const SuiteAnalysis suite = DiffSuite();
  std::ostringstream out;
  RenderGithub(suite, SummarizeDiff(suite), DiffOptions(), out, nullptr);
  EXPECT_NE(out.str().find("1 errored, 1 skipped; 1 undecided (1 unstable); geometric mean +1.4%)\n"),
            std::string::npos)
      << out.str();
  EXPECT_EQ(out.str().find("too many undecided"), std::string::npos);
}

// Nothing regressed: one error annotation says why the gate failed.
TEST(GithubReportTest, TooManyUndecidedIsAnError) {
  const SuiteAnalysis suite = diff_fixture::UndecidedSuite();
  std::ostringstream out;
  RenderGithub(suite, SummarizeDiff(suite), DiffOptions(), out, nullptr);
  const std::string text = out.str();
  const std::string escaped = GithubEscapeData(diff_fixture::kUndecidedText);
  EXPECT_NE(text.find("\n::error title=benchgate%3A too many undecided::" + escaped + "\n"),
            std::string::npos)
      << text;
  std::size_t errors = 0;
  for (auto at = text.find("::error "); at != std::string::npos; at = text.find("::error ", at + 1))
    ++errors;
  EXPECT_EQ(errors, 1u) << text;
  EXPECT_NE(text.find("benchgate: gate FAIL (0 regressions, 0 improvements, 1 unchanged, "
                      "2 inconclusive; " +
                      std::string(diff_fixture::kUndecidedText) + "; geometric mean +6.2%)\n"),
            std::string::npos)
      << text;
}

TEST(GithubEscapeTest, DataAndProperties) {
  // GitHub's toolkit (@actions/core, command.ts): escapeData encodes % CR LF,
  // escapeProperty additionally : and ,.
  EXPECT_EQ(GithubEscapeData("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
  EXPECT_EQ(GithubEscapeProperty("50% a\r\nb: c, d"), "50%25 a%0D%0Ab%3A c%2C d");
}

TEST(GithubEscapeTest, NameCannotInjectACommand) {
  SuiteAnalysis suite = DiffSuite();
  suite.benchmarks[1].samples.name = "BM_X\n::error::forged";  // BM_Hash/64, a regression
  std::ostringstream out;
  RenderGithub(suite, SummarizeDiff(suite), DiffOptions(), out, nullptr);
  EXPECT_EQ(out.str().find("\n::error::forged"), std::string::npos);
  EXPECT_NE(out.str().find("BM_X%0A::error::forged"), std::string::npos);
}

}  // namespace
}  // namespace benchgate
