// benchgate-diff's pull-request comment against an approved file.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/markdown_report.h"
#include "support/approved_files.h"
#include "support/report_diff_fixture.h"

namespace benchgate {
namespace {

using diff_fixture::DiffOptions;
using diff_fixture::DiffSuite;
using test::Approved;

std::string Render(const SuiteAnalysis& suite) {
  std::ostringstream out;
  RenderMarkdown(suite, SummarizeDiff(suite), DiffOptions(), out);
  return out.str();
}

TEST(MarkdownReportTest, CommentMatchesApprovedFile) {
  const std::string text = Render(DiffSuite());
  EXPECT_EQ(text, Approved("report/diff_markdown.md", text));
}

TEST(MarkdownReportTest, SummaryLineComesFirst) {
  const std::string text = Render(DiffSuite());
  EXPECT_EQ(
      text.rfind("**benchgate-diff: FAIL** \u00B7 2 regressions, 2 improvements, 1 unchanged", 0),
      0u)
      << text;
}

TEST(MarkdownReportTest, SummaryLineSaysWhatStayedUndecided) {
  EXPECT_NE(Render(DiffSuite()).find("1 errored, 1 skipped; 1 undecided (1 unstable) \u00B7 geometric mean"),
            std::string::npos);
  const std::string text = Render(diff_fixture::UndecidedSuite());
  EXPECT_EQ(
      text.rfind("**benchgate-diff: FAIL** \u00B7 0 regressions, 0 improvements, "
                 "1 unchanged, 2 inconclusive; " +
                     std::string(diff_fixture::kUndecidedText) + " \u00B7 geometric mean +6.2%\n",
                 0),
      0u)
      << text;
}

TEST(MarkdownReportTest, UnchangedAreFoldedAfterTheRest) {
  const std::string text = Render(DiffSuite());
  const auto details = text.find("<details><summary>1 unchanged</summary>");
  ASSERT_NE(details, std::string::npos) << text;
  EXPECT_GT(text.find("`BM_Lookup`"), details);
  EXPECT_LT(text.find("#### Regressions (2)"), details);
  EXPECT_LT(text.find("`BM_Sort/1024`"), text.find("`BM_Hash/64`"));
}

TEST(MarkdownReportTest, NoUnchangedNoDetails) {
  SuiteAnalysis suite = DiffSuite();
  suite.benchmarks.erase(suite.benchmarks.begin());  // BM_Lookup, the unchanged one
  EXPECT_EQ(Render(suite).find("<details>"), std::string::npos);
}

TEST(MarkdownReportTest, PipesInNamesDoNotSplitCells) {
  // Every table row has exactly its columns' pipes: 7 for the plain tables.
  const std::string text = Render(DiffSuite());
  const auto start = text.find("| \u25BC\u25BC | ");
  ASSERT_NE(start, std::string::npos) << text;
  const std::string row = text.substr(start, text.find('\n', start) - start);
  std::size_t unescaped = 0;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++unescaped;
  }
  EXPECT_EQ(unescaped, 7u) << row;
}

TEST(MarkdownEscapeTest, CodeSpans) {
  EXPECT_EQ(MarkdownCode("BM_Sort/1024"), "`BM_Sort/1024`");
  EXPECT_EQ(MarkdownCode("a|b"), "`a\\|b`");
  EXPECT_EQ(MarkdownCode("a`b"), "``a`b``");
  EXPECT_EQ(MarkdownCode("`a``"), "``` `a`` ```");
  EXPECT_EQ(MarkdownCode("a\nb"), "`a b`");
}

TEST(MarkdownEscapeTest, Text) {
  EXPECT_EQ(MarkdownText("BM_A/.* <x> | *y*"), "BM\\_A/.\\* \\<x\\> \\| \\*y\\*");
  EXPECT_EQ(MarkdownText("plain words 1.0%"), "plain words 1.0%");
}

TEST(MarkdownReportTest, EmptySuiteIsTheSummaryLineAlone) {
  EXPECT_EQ(Render(SuiteAnalysis{}),
            "**benchgate-diff: pass** \u00B7 0 regressions, 0 improvements, 0 unchanged \u00B7 "
            "geometric mean n/a\n\n`base.json` \u2192 `cand.json`, metric `real_time`\n");
}

}  // namespace
}  // namespace benchgate
