// benchgate-diff / benchgate-ab --format badge and badge-json: the message
// and colour for each state of the gate, the SVG against an approved file,
// and text widths that keep the words inside their box.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "report/badge_report.h"
#include "support/approved_files.h"
#include "support/report_diff_fixture.h"

namespace benchgate {
namespace {

using diff_fixture::DiffSuite;
using test::Approved;

// A suite with only the counts the badge reads.
Badge Of(std::size_t regressions, std::size_t over_budget, std::size_t inconclusive,
         bool too_many_undecided = false) {
  SuiteAnalysis suite;
  suite.regressions = regressions;
  suite.budget_exceeded = over_budget;
  suite.inconclusive = inconclusive;
  suite.too_many_undecided = too_many_undecided;
  suite.gate_failed = regressions > 0 || over_budget > 0 || too_many_undecided;
  DiffSummary summary;
  summary.regressions = regressions;
  summary.budget_exceeded = over_budget;
  summary.inconclusive = inconclusive;
  return BadgeOf(suite, summary);
}

TEST(BadgeTest, MessageAndColourFollowTheGate) {
  const Badge clean = Of(0, 0, 0);
  EXPECT_EQ(clean.message, "0 regressions");
  EXPECT_EQ(clean.color, "brightgreen");
  EXPECT_FALSE(clean.failed);
  const Badge undecided = Of(0, 0, 3);
  EXPECT_EQ(undecided.message, "0 regressions, 3 undecided");
  EXPECT_EQ(undecided.color, "yellow");
  const Badge one = Of(1, 0, 2);
  EXPECT_EQ(one.message, "1 regression");
  EXPECT_EQ(one.color, "red");
  EXPECT_TRUE(one.failed);
  EXPECT_EQ(Of(2, 1, 0).message, "2 regressions, 1 over budget");
  EXPECT_EQ(Of(0, 4, 0).message, "4 over budget");
  const Badge too_many = Of(0, 0, 7, true);
  EXPECT_EQ(too_many.message, "7 undecided");
  EXPECT_EQ(too_many.color, "red");
}

TEST(BadgeTest, SvgMatchesApprovedFile) {
  std::ostringstream out;
  const SuiteAnalysis suite = DiffSuite();
  RenderBadgeSvg(BadgeOf(suite, SummarizeDiff(suite)), out);
  EXPECT_EQ(out.str(), Approved("report/diff_badge.svg", out.str()));
  // The fixture has two regressions and a budget breach: red, and said so.
  EXPECT_NE(out.str().find("aria-label=\"perf: 2 regressions, 1 over budget\""), std::string::npos);
  EXPECT_NE(out.str().find("fill=\"#e05d44\""), std::string::npos);
}

TEST(BadgeTest, EndpointJsonIsShieldsSchemaVersionOne) {
  std::ostringstream out;
  RenderBadgeEndpoint(Of(0, 0, 3), out);
  const nlohmann::json endpoint = nlohmann::json::parse(out.str());
  EXPECT_EQ(endpoint, nlohmann::json({{"schemaVersion", 1},
                                      {"label", "perf"},
                                      {"message", "0 regressions, 3 undecided"},
                                      {"color", "yellow"},
                                      {"isError", false}}));
}

// Widths by hand from the class table in badge_report.cc: "perf" is p e (7.0
// each) r f (4.7 each) = 23.4; the SVG's left half is that + 10, rounded.
TEST(BadgeTest, TextWidthsAndBoxes) {
  EXPECT_DOUBLE_EQ(BadgeTextWidth("perf"), 23.4);
  EXPECT_DOUBLE_EQ(BadgeTextWidth("0 regressions"),
                   7.0 + 3.9 + 4.7 + 7.0 + 7.0 + 4.7 + 7.0 + 7.0 + 7.0 + 3.6 + 7.0 + 7.0 + 7.0);
  EXPECT_DOUBLE_EQ(BadgeTextWidth("mW"), 21.7);
  // A UTF-8 character counts once, as the widest glyph.
  EXPECT_DOUBLE_EQ(BadgeTextWidth("\xc3\xa9"), 11.0);
  std::ostringstream out;
  RenderBadgeSvg(Of(0, 0, 0), out);
  const long label = 33, message = std::lround(BadgeTextWidth("0 regressions") + 10);
  EXPECT_NE(out.str().find("width=\"" + std::to_string(label + message) + "\""), std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("<rect x=\"33\" width=\"" + std::to_string(message) + "\""),
            std::string::npos)
      << out.str();
}

// A label or message with markup stays text.
TEST(BadgeTest, TextIsEscaped) {
  Badge badge;
  badge.label = "<perf & co>";
  badge.message = "\"1\"";
  badge.hex = "#4c1";
  std::ostringstream out;
  RenderBadgeSvg(badge, out);
  EXPECT_EQ(out.str().find("<perf"), std::string::npos);
  EXPECT_NE(out.str().find("&lt;perf &amp; co&gt;"), std::string::npos);
}

}  // namespace
}  // namespace benchgate
