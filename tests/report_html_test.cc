// benchgate-diff --format html: an approved file, escaping, offline-ness and
// the charts that must be present.
#include <gtest/gtest.h>

#include <limits>
#include <sstream>
#include <string>

#include "report/html_report.h"
#include "support/approved_files.h"
#include "support/count_occurrences.h"
#include "support/report_diff_fixture.h"

namespace benchgate {
namespace {

using diff_fixture::DiffOptions;
using diff_fixture::DiffSuite;
using test::Approved;
using test::Occurrences;

SamplesByName BaselineSamples() {
  SamplesByName samples;
  for (const BenchmarkAnalysis& b : DiffSuite().benchmarks) {
    if (b.comparison)
      samples[b.samples.name] = diff_fixture::SamplesAround(b.comparison->baseline_median);
  }
  return samples;
}

// Six runs of BM_Sort/1024: flat at 10 us, then a step to 13 us at run 5.
SeriesByName History() {
  SeriesByName history;
  const double medians[] = {10'000, 10'100, 9'900, 10'050, 13'000, 13'100};
  int run = 1;
  for (const double median : medians) {
    history["BM_Sort/1024"].push_back(
        {"run " + std::to_string(run), median, median * 0.98, median * 1.02, run == 5});
    ++run;
  }
  history[diff_fixture::kNastyName] = {{"<i>x</i>", 2'000, 1'900, 2'100, false}};
  return history;
}

std::string Render(const SamplesByName* baseline, const SeriesByName* history) {
  std::ostringstream out;
  const SuiteAnalysis suite = DiffSuite();
  RenderHtml(suite, SummarizeDiff(suite), DiffOptions(), out, baseline, history);
  return out.str();
}

TEST(HtmlReportTest, PageMatchesApprovedFile) {
  const SamplesByName baseline = BaselineSamples();
  const SeriesByName history = History();
  const std::string html = Render(&baseline, &history);
  EXPECT_EQ(html, Approved("report/diff.html", html));
}

TEST(HtmlReportTest, NamesAreEscaped) {
  const SamplesByName baseline = BaselineSamples();
  const SeriesByName history = History();
  const std::string html = Render(&baseline, &history);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);  // the run label of the history
  EXPECT_NE(html.find("&lt;i&gt;x&lt;/i&gt;"), std::string::npos);
  EXPECT_NE(html.find("BM_Esc&lt;script&gt;alert(&#39;x|y&#39;)&lt;/script&gt;&amp;&quot;q&quot;"),
            std::string::npos);
  EXPECT_EQ(Occurrences(html, "<script>"), 1u);  // the sorting script alone
}

TEST(HtmlReportTest, OpensOffline) {
  const SamplesByName baseline = BaselineSamples();
  const SeriesByName history = History();
  const std::string html = Render(&baseline, &history);
  // The SVG namespace is a name, not a fetch; nothing else may point outside.
  std::string rest = html;
  for (auto at = rest.find("http://www.w3.org/2000/svg"); at != std::string::npos;
       at = rest.find("http://www.w3.org/2000/svg")) {
    rest.erase(at, 26);
  }
  for (const char* outside : {"http:", "https:", "src=", "@import", "url(", "<link"}) {
    EXPECT_EQ(rest.find(outside), std::string::npos) << outside;
  }
  EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
}

TEST(HtmlReportTest, ChartsForEverySideAndTheHistory) {
  const SamplesByName baseline = BaselineSamples();
  const SeriesByName history = History();
  const std::string html = Render(&baseline, &history);
  // Strip plots: the seven comparisons and BM_New (candidate only); series:
  // BM_Sort/1024 and the escaped name. BM_Broken and BM_Gone have none.
  EXPECT_EQ(Occurrences(html, "aria-label=\"samples of both sides\""), 8u);
  EXPECT_EQ(Occurrences(html, "aria-label=\"median over runs\""), 2u);
  EXPECT_EQ(Occurrences(html, "class=\"change-point\""), 1u);
  EXPECT_NE(html.find("<title>run 5: 13.0 us (change point)</title>"), std::string::npos);
  EXPECT_EQ(Occurrences(html, "<section class=\"card\""), 8u);
  // Every benchmark has a table row; the summary states the gate.
  EXPECT_EQ(Occurrences(html, "<tr class="), 11u);
  EXPECT_NE(html.find("<span class=\"gate fail\">FAIL</span>2 regressions"), std::string::npos);
}

TEST(HtmlReportTest, SummarySaysWhatStayedUndecided) {
  const std::string html = Render(nullptr, nullptr);
  EXPECT_NE(html.find("1 errored, 1 skipped; <span class=\"undecided\">1 undecided (1 unstable)</span> "
                      "\u00B7 geometric mean"),
            std::string::npos);
  std::ostringstream out;
  const SuiteAnalysis suite = diff_fixture::UndecidedSuite();
  RenderHtml(suite, SummarizeDiff(suite), DiffOptions(), out);
  // Nothing regressed: the summary says, in the gate's colour, why it failed.
  EXPECT_NE(out.str().find("<span class=\"gate fail\">FAIL</span>0 regressions, 0 improvements, "
                           "1 unchanged, 2 inconclusive; <span class=\"undecided fail\">" +
                           HtmlEscape(diff_fixture::kUndecidedText) + "</span>"),
            std::string::npos)
      << out.str();
}

std::string RenderWarnings(std::size_t count) {
  SuiteAnalysis suite;
  for (std::size_t i = 0; i < count; ++i) {
    suite.warnings.push_back("BM_" + std::to_string(i) + ": unstable");
  }
  std::ostringstream out;
  RenderHtml(suite, SummarizeDiff(suite), DiffOptions(), out);
  return out.str();
}

// Dozens of warnings would push the table off the first screen: five are
// listed, the rest are folded under their count.
TEST(HtmlReportTest, LongWarningListsAreFolded) {
  const std::string html = RenderWarnings(50);
  EXPECT_EQ(Occurrences(html, "<li>"), 50u);
  const auto details = html.find(
      "<details class=\"warnings\"><summary>and 45 more warnings"
      "</summary>\n<ul>\n<li>BM_5: unstable</li>");
  ASSERT_NE(details, std::string::npos) << html;
  EXPECT_LT(html.find("<li>BM_4: unstable</li>"), details);
  EXPECT_GT(html.find("<li>BM_49: unstable</li>"), details);
  EXPECT_LT(html.find("</details>"), html.find("<h2>Benchmarks</h2>"));
  EXPECT_NE(RenderWarnings(6).find("<summary>and 1 more warning</summary>"), std::string::npos);
  const std::string five = RenderWarnings(5);
  EXPECT_EQ(five.find("<details"), std::string::npos);
  EXPECT_EQ(Occurrences(five, "<li>"), 5u);
}

TEST(HtmlReportTest, WithoutBaselineSamplesOrHistory) {
  const std::string html = Render(nullptr, nullptr);
  EXPECT_EQ(html.find("median over runs"), std::string::npos);
  EXPECT_EQ(Occurrences(html, "aria-label=\"samples of both sides\""), 8u);  // candidate dots
  EXPECT_EQ(Occurrences(html, "fill=\"#777\""), 0u);                         // no baseline dots
}

TEST(HtmlEscapeTest, EveryActiveCharacter) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape("BM_Sort/1024"), "BM_Sort/1024");
}

TEST(HtmlReportTest, EmptySuiteIsStillAPage) {
  std::ostringstream out;
  RenderHtml(SuiteAnalysis{}, SummarizeDiff(SuiteAnalysis{}), DiffOptions(), out);
  const std::string html = out.str();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("</html>\n"), std::string::npos);
  EXPECT_EQ(html.find("<section"), std::string::npos);
  EXPECT_EQ(html.find("<tr class="), std::string::npos);
}

TEST(HtmlReportTest, NonFiniteSamplesAreSkipped) {
  SuiteAnalysis suite;
  BenchmarkAnalysis b = diff_fixture::Measured("BM_A", 100, 0.01);
  b.samples.real_time_ns = {100, std::numeric_limits<double>::quiet_NaN(), 101};
  suite.benchmarks = {b};
  std::ostringstream out;
  RenderHtml(suite, SummarizeDiff(suite), DiffOptions(), out);
  EXPECT_EQ(Occurrences(out.str(), "r=\"3\""), 2u);  // two dots, no NaN coordinate
  EXPECT_EQ(out.str().find("nan"), std::string::npos);
}

}  // namespace
}  // namespace benchgate
