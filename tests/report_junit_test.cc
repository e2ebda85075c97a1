// benchgate-diff --format junit against an approved file, and the escaping
// that keeps the XML well-formed whatever the benchmark names hold.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/junit_report.h"
#include "support/approved_files.h"
#include "support/count_occurrences.h"
#include "support/report_diff_fixture.h"

namespace benchgate {
namespace {

using diff_fixture::DiffOptions;
using diff_fixture::DiffSuite;
using test::Approved;
using test::Occurrences;

std::string Render(const SuiteAnalysis& suite) {
  std::ostringstream out;
  RenderJunit(suite, SummarizeDiff(suite), DiffOptions(), out);
  return out.str();
}

TEST(JunitReportTest, MatchesApprovedFile) {
  const std::string xml = Render(DiffSuite());
  EXPECT_EQ(xml, Approved("report/diff_junit.xml", xml));
}

TEST(JunitReportTest, OneTestCasePerBenchmarkFailuresForTheGate) {
  const std::string xml = Render(DiffSuite());
  EXPECT_EQ(Occurrences(xml, "<testcase "), 11u);
  // Two regressions and one budget breach fail; the errored one is an error;
  // inconclusive, skipped (SkipWithMessage), added and removed are skipped.
  EXPECT_EQ(Occurrences(xml, "<failure "), 3u);
  EXPECT_EQ(Occurrences(xml, "<error "), 1u);
  EXPECT_EQ(Occurrences(xml, "<skipped "), 4u);
  EXPECT_NE(xml.find("tests=\"11\" failures=\"3\" errors=\"1\" skipped=\"4\""), std::string::npos);
  EXPECT_NE(xml.find("<skipped message=\"skipped: no GPU on this machine\"/>"),
            std::string::npos)
      << xml;
  EXPECT_NE(
      xml.find("name=\"BM_Sort/1024\">\n      <failure type=\"regression\" message=\""
               "regression: +30.0% [+28.0%, +33.0%]: 10.0 us -&gt; 13.0 us, p adj 3.3e-05\">"),
      std::string::npos)
      << xml;
}

TEST(JunitReportTest, UndecidedIsAProperty) {
  const std::string xml = Render(DiffSuite());
  EXPECT_NE(xml.find("<property name=\"undecided\" value=\"1 undecided (1 unstable)\"/>"),
            std::string::npos)
      << xml;
  EXPECT_EQ(xml.find("undecided share"), std::string::npos);  // no --max-undecided
}

// No benchmark's test case fails, so the gate's own does.
TEST(JunitReportTest, TooManyUndecidedIsAFailingTestCase) {
  const std::string xml = Render(diff_fixture::UndecidedSuite());
  EXPECT_NE(xml.find("tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"2\""), std::string::npos)
      << xml;
  const std::string text = XmlEscape(diff_fixture::kUndecidedText);
  EXPECT_NE(xml.find("<testcase classname=\"benchgate.gate\" name=\"undecided share\">\n"
                     "      <failure type=\"too_many_undecided\" message=\"" +
                     text + "\">" + text + "</failure>\n    </testcase>\n"),
            std::string::npos)
      << xml;
  EXPECT_EQ(Occurrences(xml, "<failure "), 1u);
}

// With --max-undecided the gate's test case is there, passing or not, so CI
// tracks it as one test across runs.
TEST(JunitReportTest, UndecidedShareWithinTheLimitPasses) {
  SuiteAnalysis suite = diff_fixture::UndecidedSuite();
  suite.max_undecided = 0.9;
  suite.too_many_undecided = false;
  suite.gate_failed = false;
  const std::string xml = Render(suite);
  EXPECT_NE(xml.find("tests=\"4\" failures=\"0\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("name=\"undecided share\">\n      <system-out>2 undecided (1 unstable, 1 "
                     "interval straddles the tolerance) after 2 extra rounds</system-out>"),
            std::string::npos)
      << xml;
  suite.benchmarks.resize(1);  // BM_Lookup alone
  suite.inconclusive = 0;
  suite.undecided.clear();
  EXPECT_NE(Render(suite).find("<system-out>nothing undecided</system-out>"), std::string::npos);
}

TEST(JunitReportTest, NamesAreEscaped) {
  const std::string xml = Render(DiffSuite());
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_NE(
      xml.find(
          "name=\"BM_Esc&lt;script&gt;alert(&apos;x|y&apos;)&lt;/script&gt;&amp;&quot;q&quot;\""),
      std::string::npos);
}

TEST(XmlEscapeTest, ControlCharactersAndBadUtf8) {
  EXPECT_EQ(XmlEscape("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
  EXPECT_EQ(XmlEscape(std::string("a\x01"
                                  "b\x1f",
                                  4)),
            "a?b?");
  // 0xFF can never start UTF-8; 0xC3 0x28 is a lead byte without its
  // continuation; 0xED 0xA0 0x80 is a UTF-16 surrogate (RFC 3629 forbids it).
  EXPECT_EQ(XmlEscape("x\xff"), "x\xEF\xBF\xBD");
  EXPECT_EQ(XmlEscape("\xC3\x28"), "\xEF\xBF\xBD(");
  EXPECT_EQ(XmlEscape("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(XmlEscape("\xC3\xA9t\xC3\xA9 \xE2\x96\xB2"),
            "\xC3\xA9t\xC3\xA9 \xE2\x96\xB2");  // été ▲
}

TEST(JunitReportTest, EmptySuite) {
  const std::string xml = Render(SuiteAnalysis{});
  EXPECT_NE(xml.find("<testsuites name=\"benchgate-diff\" tests=\"0\" failures=\"0\""),
            std::string::npos)
      << xml;
  EXPECT_EQ(xml.find("<testcase"), std::string::npos);
}

}  // namespace
}  // namespace benchgate
