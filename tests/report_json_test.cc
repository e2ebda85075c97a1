// benchgate-diff --format json (schema benchgate.diff/1, DESIGN.md): an
// approved file, and the document read back to check the contract's keys.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "io/diff_json.h"
#include "support/approved_files.h"
#include "support/report_diff_fixture.h"

namespace benchgate {
namespace {

using diff_fixture::DiffOptions;
using diff_fixture::DiffSuite;
using nlohmann::json;
using test::Approved;

std::string Render(const SuiteAnalysis& suite, const RenderOptions& options = DiffOptions()) {
  std::ostringstream out;
  WriteDiffJson(suite, SummarizeDiff(suite), options, out);
  return out.str();
}

const json& Entry(const json& document, const std::string& name) {
  for (const json& entry : document.at("comparisons")) {
    if (entry.at("name") == name) return entry;
  }
  throw std::runtime_error("no entry " + name);
}

TEST(DiffJsonTest, MatchesApprovedFile) {
  const std::string text = Render(DiffSuite());
  EXPECT_EQ(text, Approved("report/diff.json", text));
}

TEST(DiffJsonTest, ContractKeys) {
  const json document = json::parse(Render(DiffSuite()));
  EXPECT_EQ(document.at("schema"), "benchgate.diff/1");
  EXPECT_EQ(document.at("metric"), "real_time");
  EXPECT_EQ(document.at("comparisons").size(), 11u);
  const json& sort = Entry(document, "BM_Sort/1024");
  EXPECT_EQ(sort.at("verdict"), "regression");
  EXPECT_EQ(sort.at("trend"), "strong_regression");
  EXPECT_EQ(sort.at("baseline").at("n"), 10);
  EXPECT_EQ(sort.at("baseline").at("median"), 10'000.0);
  EXPECT_EQ(sort.at("candidate").at("median"), 13'000.0);
  EXPECT_EQ(sort.at("change"), 0.3);
  EXPECT_EQ(sort.at("change_ci"), json({0.28, 0.33}));
  EXPECT_EQ(sort.at("p_value"), 1.1e-5);
  EXPECT_EQ(sort.at("p_method"), "exact");
  EXPECT_EQ(sort.at("p_adjusted"), 3.3e-5);
  const json& summary = document.at("summary");
  EXPECT_EQ(summary.at("regressions"), 2);
  EXPECT_EQ(summary.at("improvements"), 2);
  EXPECT_EQ(summary.at("unchanged"), 1);
  EXPECT_EQ(summary.at("inconclusive"), 1);
  EXPECT_EQ(summary.at("errored"), 1);
  EXPECT_EQ(summary.at("skipped"), 1);
  EXPECT_EQ(Entry(document, "BM_NoGpu").at("verdict"), "skipped");
  EXPECT_EQ(Entry(document, "BM_NoGpu").at("skip_message"), "no GPU on this machine");
  // Geometric mean of the seven median ratios (1.3, 1.07, 0.75, 0.95, 1.0,
  // 1.1, 52.5/52), minus 1: Python, math.prod(r) ** (1 / 7) - 1 = 0.013798211010946.
  EXPECT_NEAR(summary.at("geomean_change").get<double>(), 0.013798211010946, 1e-12);
  EXPECT_EQ(summary.at("gate"), "fail");
}

// What the decision judged: the plain test on every sample next to the
// trimmed one, what was set aside, each side's spread.
TEST(DiffJsonTest, DecisionDetails) {
  const json document = json::parse(Render(DiffSuite()));
  const json& sort = Entry(document, "BM_Sort/1024");
  EXPECT_EQ(sort.at("p_value_all"), 1.1e-5);
  EXPECT_EQ(sort.at("p_method_all"), "exact");
  EXPECT_EQ(sort.at("set_aside"), json::parse(R"({"baseline": [], "candidate": []})"));
  EXPECT_FALSE(sort.contains("rounds_set_aside"));
  EXPECT_EQ(sort.at("spread"), json::parse(R"({"baseline": 0.01, "candidate": 0.01})"));
  EXPECT_FALSE(sort.contains("undecided"));
  EXPECT_FALSE(sort.contains("extra_rounds"));
  const json& hash = Entry(document, "BM_Hash/64");
  EXPECT_EQ(hash.at("p_method"), "trimmed-exact");
  EXPECT_EQ(hash.at("p_value"), 2e-4);
  EXPECT_EQ(hash.at("p_method_all"), "exact");
  EXPECT_EQ(hash.at("p_value_all"), 4e-4);
  EXPECT_EQ(hash.at("set_aside").at("candidate"), json({9}));
  EXPECT_EQ(Entry(document, "BM_Noisy").at("undecided"), "unstable");
  const json& added = Entry(document, "BM_New");
  for (const char* key : {"p_value_all", "p_method_all", "set_aside", "spread"}) {
    EXPECT_TRUE(added.at(key).is_null()) << key;
  }
  const json& summary = document.at("summary");
  EXPECT_EQ(summary.at("undecided"), json::parse(R"({"unstable": 1})"));
  EXPECT_EQ(summary.at("too_many_undecided"), false);
  EXPECT_EQ(summary.at("max_undecided"), 1.0);
  EXPECT_EQ(summary.at("extra_rounds"), 0);
}

TEST(DiffJsonTest, UndecidedRoundsAndTheGate) {
  const std::string text = Render(diff_fixture::UndecidedSuite());
  const json document = json::parse(text);
  const json& wide = Entry(document, "BM_Wide");
  EXPECT_EQ(wide.at("undecided"), "interval straddles the tolerance");
  EXPECT_EQ(wide.at("extra_rounds"), 2);
  EXPECT_EQ(wide.at("set_aside"), json::parse(R"({"baseline": [], "candidate": [4, 5, 6]})"));
  EXPECT_EQ(wide.at("rounds_set_aside"), json::parse(R"({"baseline": [], "candidate": [1]})"));
  EXPECT_EQ(wide.at("p_method"), "trimmed-exact");
  EXPECT_EQ(wide.at("p_value_all"), 0.03);
  EXPECT_FALSE(Entry(document, "BM_Lookup").contains("undecided"));
  const json& summary = document.at("summary");
  // The engine's order (Undecided's), kept as written.
  EXPECT_EQ(nlohmann::ordered_json::parse(text).at("summary").at("undecided").dump(),
            R"({"unstable":1,"interval straddles the tolerance":1})");
  EXPECT_EQ(summary.at("too_many_undecided"), true);
  EXPECT_EQ(summary.at("max_undecided"), 0.1);
  EXPECT_EQ(summary.at("extra_rounds"), 2);
  EXPECT_EQ(summary.at("regressions"), 0);
  EXPECT_EQ(summary.at("gate"), "fail");
}

TEST(DiffJsonTest, MissingStatisticsAreNull) {
  const json document = json::parse(Render(DiffSuite()));
  const json& added = Entry(document, "BM_New");
  EXPECT_EQ(added.at("verdict"), "added");
  EXPECT_TRUE(added.at("baseline").is_null());
  EXPECT_EQ(added.at("candidate").at("median"), 2.5e6);
  EXPECT_TRUE(added.at("change").is_null());
  EXPECT_TRUE(added.at("p_value").is_null());
  const json& gone = Entry(document, "BM_Gone");
  EXPECT_TRUE(gone.at("candidate").is_null());
  EXPECT_EQ(Entry(document, "BM_Broken").at("error_message"), "connection refused");
  SuiteAnalysis nothing;
  const json empty = json::parse(Render(nothing));
  EXPECT_TRUE(empty.at("summary").at("geomean_change").is_null());
  EXPECT_EQ(empty.at("summary").at("geomean_status"), "empty");
}

TEST(DiffJsonTest, NamesRoundTripAndBadUtf8IsReplaced) {
  SuiteAnalysis suite = DiffSuite();
  const json document = json::parse(Render(suite));
  EXPECT_EQ(Entry(document, diff_fixture::kNastyName).at("verdict"), "improvement");
  suite.benchmarks.front().samples.name = "BM_\xff";
  const json replaced = json::parse(Render(suite));
  EXPECT_EQ(replaced.at("comparisons").at(0).at("name"), "BM_\xEF\xBF\xBD");
}

TEST(DiffJsonTest, CounterMetricHasNoUnit) {
  RenderOptions options = DiffOptions();
  options.metric = "items_per_second";
  const json document = json::parse(Render(DiffSuite(), options));
  EXPECT_TRUE(document.at("unit").is_null());
  EXPECT_EQ(document.at("metric"), "items_per_second");
}

}  // namespace
}  // namespace benchgate
