// Which rules match a benchmark, which one wins each limit, and the check
// that every threshold-file pattern matches a benchmark.
#include <gtest/gtest.h>

#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "benchgate/error.h"
#include "gate/budget_registry.h"
#include "gate/budget_resolve.h"
#include "support/budget_rules.h"
#include "support/error_message.h"

namespace benchgate {
namespace {

using test::Rule;

Limit Max(std::string statistic, double value) { return Limit{std::move(statistic), value, false}; }

// "statistic<=value@origin" per limit, so one comparison shows the whole result.
std::vector<std::string> Describe(const ResolvedBudget& budget) {
  std::vector<std::string> out;
  for (const ResolvedLimit& l : budget.limits) {
    char value[32];
    std::snprintf(value, sizeof value, "%g", l.limit.value);
    out.push_back(l.limit.statistic + (l.limit.is_minimum ? ">=" : "<=") + value + "@" + l.origin);
  }
  return out;
}

struct SpecificityCase {
  const char* pattern;
  bool literal;
  std::size_t prefix, chars;
};

// Hand counts, following the definition in gate/budget_resolve.h.
TEST(PatternSpecificityTest, CountsLiteralCharacters) {
  const SpecificityCase cases[] = {
      {"BM_Sort/1024", true, 12, 12},
      {"^BM_Sort$", true, 7, 7},    // anchors ignored
      {"BM_Sort\\.x", true, 9, 9},  // an escaped dot is a literal character
      {"BM_Sort/.*", false, 8, 8},
      {"BM_Sort/[0-9]+", false, 8, 8},
      {"BM_Sorts?", false, 7, 7},              // the optional s is not literal
      {"a{2}b", false, 0, 1},                  // nor is a repeated a
      {"BM_\\d+/1", false, 3, 5},              // \d is a class; "/1" counts, after the prefix
      {"BM_(Sort|Lookup)/1024", false, 3, 8},  // nothing inside a group counts
      {"BM_A|BM_B", false, 0, 0},              // top-level alternation: no common prefix
      {".*", false, 0, 0},
      {"BM_Sort\\$", true, 8, 8},  // an escaped $ at the end is kept
  };
  for (const auto& c : cases) {
    const PatternSpecificity s = SpecificityOf(c.pattern);
    EXPECT_EQ(s.literal, c.literal) << c.pattern;
    EXPECT_EQ(s.literal_prefix, c.prefix) << c.pattern;
    EXPECT_EQ(s.literal_chars, c.chars) << c.pattern;
  }
}

TEST(PatternSpecificityTest, LiteralThenPrefixThenLiteralCount) {
  const auto more = [](const char* a, const char* b) {
    return MoreSpecific(SpecificityOf(a), SpecificityOf(b));
  };
  EXPECT_TRUE(more("BM_Lookup/1024", "BM_Lookup/.*"));
  EXPECT_TRUE(more("B", "BM_Lookup/10.*"));  // a literal name beats any regex
  EXPECT_TRUE(more("BM_Lookup/.*", "BM_.*"));
  EXPECT_TRUE(more("BM_.*/1024", "BM_.*"));  // same prefix, more literal characters
  EXPECT_TRUE(more("BM_.*", ".*"));
  EXPECT_FALSE(more("BM_.*", "BM_.*"));
  EXPECT_FALSE(more(".*", "BM_.*"));
}

TEST(ResolveBudgetTest, PatternsMatchTheWholeName) {
  const std::vector<BudgetRule> rules = {Rule("BM_Sort", {Max("p99", 1)}, kRankFile, "t.json:1:1")};
  EXPECT_FALSE(ResolveBudget("BM_Sort", rules).empty());
  EXPECT_TRUE(ResolveBudget("BM_Sort/1024", rules).empty());
  EXPECT_TRUE(ResolveBudget("BM_SortLarge", rules).empty());
  EXPECT_TRUE(ResolveBudget("X_BM_Sort", rules).empty());
}

TEST(ResolveBudgetTest, FileBeatsCodeEvenWhenCodeIsMoreSpecific) {
  const std::vector<BudgetRule> rules = {
      Rule("BM_Lookup/1024", {Max("p99", 5000), Max("median", 900)}, kRankCode, "x.cc:10"),
      Rule("BM_Lookup/.*", {Max("p99", 10000)}, kRankFile, "t.json:4:18"),
  };
  const ResolvedBudget budget = ResolveBudget("BM_Lookup/1024", rules);
  // Per limit: p99 from the file, the median only the code sets stays.
  EXPECT_EQ(Describe(budget),
            (std::vector<std::string>{"median<=900@x.cc:10", "p99<=10000@t.json:4:18"}));
  EXPECT_EQ(budget.matched, (std::vector<std::string>{"t.json:4:18", "x.cc:10"}));
  EXPECT_EQ(budget.limits[1].pattern, "BM_Lookup/.*");
}

TEST(ResolveBudgetTest, MoreSpecificPatternWinsWithinOneSource) {
  const std::vector<BudgetRule> rules = {
      Rule("BM_Lookup/1024", {Max("p99", 5000)}, kRankFile, "t.json:3:18"),
      Rule("BM_Lookup/.*", {Max("p99", 20000), Max("max", 1e6)}, kRankFile, "t.json:2:18"),
      Rule(".*", {Max("p99", 1)}, kRankFile, "t.json:4:18"),
  };
  EXPECT_EQ(Describe(ResolveBudget("BM_Lookup/1024", rules)),
            (std::vector<std::string>{"p99<=5000@t.json:3:18", "max<=1e+06@t.json:2:18"}));
  EXPECT_EQ(Describe(ResolveBudget("BM_Lookup/8", rules)),
            (std::vector<std::string>{"p99<=20000@t.json:2:18", "max<=1e+06@t.json:2:18"}));
  EXPECT_EQ(Describe(ResolveBudget("BM_Other", rules)),
            (std::vector<std::string>{"p99<=1@t.json:4:18"}));
}

TEST(ResolveBudgetTest, FileDefaultsComeLast) {
  const std::vector<BudgetRule> rules = {
      Rule(".*", {Max("cv", 0.05)}, kRankFileDefaults, "t.json:2:3", 0.10),
      Rule("BM_.*", {}, kRankCode, "x.cc:5", 0.03),
  };
  const ResolvedBudget budget = ResolveBudget("BM_X", rules);
  ASSERT_TRUE(budget.max_regression.has_value());
  EXPECT_EQ(budget.max_regression->value, 0.03);
  EXPECT_EQ(budget.max_regression->origin, "x.cc:5");
  EXPECT_EQ(Describe(budget), (std::vector<std::string>{"cv<=0.05@t.json:2:3"}));
  const ResolvedBudget other = ResolveBudget("Other", rules);
  ASSERT_TRUE(other.max_regression.has_value());
  EXPECT_EQ(other.max_regression->value, 0.10);
  EXPECT_EQ(other.max_regression->pattern, ".*");
}

TEST(ResolveBudgetTest, LaterRuleWinsATie) {
  const std::vector<BudgetRule> rules = {
      Rule("BM_.*", {Max("mean", 1)}, kRankFile, "a.json:1:1"),
      Rule("BM_.*", {Max("mean", 2)}, kRankFile, "b.json:1:1"),
  };
  EXPECT_EQ(Describe(ResolveBudget("BM_X", rules)),
            (std::vector<std::string>{"mean<=2@b.json:1:1"}));
}

TEST(ResolveBudgetTest, OrdersLimitsAndKeepsCounterMinimumAndMaximum) {
  const std::vector<BudgetRule> rules = {
      Rule("BM_X",
           {Limit{"counter:zeta", 3, false}, Limit{"counter:alpha", 9, false},
            Limit{"counter:alpha", 1, true}, Max("bytes_per_iter", 64), Max("median", 5)},
           kRankFile, "t.json:1:1")};
  EXPECT_EQ(Describe(ResolveBudget("BM_X", rules)),
            (std::vector<std::string>{"median<=5@t.json:1:1", "bytes_per_iter<=64@t.json:1:1",
                                      "counter:alpha>=1@t.json:1:1", "counter:alpha<=9@t.json:1:1",
                                      "counter:zeta<=3@t.json:1:1"}));
}

TEST(ResolveBudgetTest, AnInvalidPatternNeverMatches) {
  const std::vector<BudgetRule> rules = {Rule("BM_(", {Max("p99", 1)}, kRankCode, "x.cc:1")};
  EXPECT_TRUE(ResolveBudget("BM_(", rules).empty());
  EXPECT_TRUE(ResolveBudget("BM_(", rules).matched.empty());
}

std::string CheckError(const std::vector<BudgetRule>& rules,
                       const std::vector<std::string>& names) {
  return test::ErrorMessageOf([&] { CheckPatternsMatch(rules, names); });
}

TEST(CheckPatternsMatchTest, ReportsAFilePatternThatMatchesNothing) {
  const std::vector<std::string> names = {"BM_Sort/1024", "BM_Sort/65536", "BM_Hash"};
  EXPECT_EQ(CheckError({Rule("BM_Sort/.*", {Max("p99", 1)}, kRankFile, "t.json:3:18")}, names),
            "no error");
  EXPECT_EQ(CheckError({Rule("BM_Sort/.*", {Max("p99", 1)}, kRankFile, "t.json:3:18"),
                        Rule("BM_Srot.*", {Max("p99", 1)}, kRankFile, "t.json:7:18")},
                       names),
            "t.json:7:18: expected the pattern \"BM_Srot.*\" to match a benchmark name, got no "
            "match among 3 benchmarks");
}

TEST(CheckPatternsMatchTest, HintsWhenOnlyPartOfANameMatches) {
  EXPECT_EQ(CheckError({Rule("BM_Sort", {Max("p99", 1)}, kRankFile, "t.json:3:18")},
                       {"BM_Hash", "BM_Sort/1024"}),
            "t.json:3:18: expected the pattern \"BM_Sort\" to match a benchmark name, got no "
            "match among 2 benchmarks (it matches part of \"BM_Sort/1024\"; patterns must match "
            "the whole name)");
}

TEST(CheckPatternsMatchTest, IgnoresCodeBudgetsAndFileDefaults) {
  const std::vector<BudgetRule> rules = {
      Rule("BM_Gone", {Max("p99", 1)}, kRankCode, "x.cc:1"),
      Rule(".*", {Max("cv", 1)}, kRankFileDefaults, "t.json:2:3"),
  };
  EXPECT_EQ(CheckError(rules, {}), "no error");
}

}  // namespace
}  // namespace benchgate
