// Benchmark-name patterns (gate/name_pattern.h): RE2 semantics, and the
// bounds that keep any pattern from crashing or hanging a binary or a tool.
// Issue 14's cases: a 40 KB nested pattern once killed benchgate-diff with
// SIGSEGV through libstdc++'s recursive std::regex; a 1 MB alternation; and
// (a|aa)*(a|aa)*b against a long name, exponential for a backtracking engine.
#include <gtest/gtest.h>

#include <string>

#include "gate/name_pattern.h"

namespace benchgate {
namespace {

std::string ProblemOf(const std::string& pattern) {
  return NamePatternProblem(pattern).value_or("no problem");
}

TEST(NamePatternTest, BudgetsMatchTheWholeNameFiltersAnyPart) {
  std::string problem;
  const auto sort = NamePattern::Compile("BM_Sort", &problem);
  ASSERT_TRUE(sort) << problem;
  EXPECT_TRUE(sort->Matches("BM_Sort"));
  EXPECT_FALSE(sort->Matches("BM_Sort/1024"));
  EXPECT_TRUE(sort->MatchesPart("BM_Sort/1024"));
  EXPECT_TRUE(sort->MatchesPart("BM_SortLarge"));
  const auto sizes = NamePattern::Compile("BM_(Stable)?Sort/\\d+", &problem);
  ASSERT_TRUE(sizes) << problem;
  EXPECT_TRUE(sizes->Matches("BM_StableSort/64"));
  EXPECT_FALSE(sizes->Matches("BM_StableSort/x"));
  EXPECT_TRUE(MatchesWholeName("BM_Lookup/.*", "BM_Lookup/1024"));
  EXPECT_FALSE(MatchesWholeName("BM_Lookup/.*", "BM_Lookups"));
  EXPECT_FALSE(MatchesWholeName("BM_(", "BM_("));  // does not compile: matches nothing
}

TEST(NamePatternTest, A40KbNestedPatternIsRefusedNotACrash) {
  const std::string nested = std::string(20000, '(') + std::string(20000, ')');
  EXPECT_EQ(ProblemOf(nested), "longer than 4096 characters (40000)");
  // Within the length, the nesting bound still holds.
  const std::string deep = std::string(2000, '(') + "a" + std::string(2000, ')');
  EXPECT_EQ(ProblemOf(deep), "groups nested deeper than 100");
  EXPECT_EQ(ProblemOf(std::string(100, '(') + "a" + std::string(100, ')')), "no problem");
  // Escaped and bracketed parentheses are literals, not groups.
  EXPECT_EQ(ProblemOf(std::string(200, '\\') + "[((((]"), "no problem");
}

TEST(NamePatternTest, AMegabyteAlternationIsRefused) {
  std::string alternation;
  for (int i = 0; alternation.size() < (std::size_t{1} << 20); ++i) {
    alternation += (i > 0 ? "|BM_" : "BM_") + std::to_string(i);
  }
  EXPECT_EQ(ProblemOf(alternation).rfind("longer than 4096 characters (", 0), 0u)
      << ProblemOf(alternation);
  // A long list of names within the bound compiles and matches.
  std::string names = "BM_0";
  for (int i = 1; names.size() + 8 < kMaxPatternLength; ++i) names += "|BM_" + std::to_string(i);
  std::string problem;
  const auto list = NamePattern::Compile(names, &problem);
  ASSERT_TRUE(list) << problem;
  EXPECT_TRUE(list->Matches("BM_42"));
  EXPECT_FALSE(list->Matches("BM_42x"));
}

TEST(NamePatternTest, ExponentialBacktrackingPatternsRunInLinearTime) {
  // A backtracking engine tries 2^n ways here; RE2 walks the name once.
  std::string problem;
  const auto pattern = NamePattern::Compile("(a|aa)*(a|aa)*b", &problem);
  ASSERT_TRUE(pattern) << problem;
  const std::string name(100000, 'a');
  EXPECT_FALSE(pattern->Matches(name));
  EXPECT_FALSE(pattern->MatchesPart(name));
  EXPECT_TRUE(pattern->Matches(name + "b"));
}

TEST(NamePatternTest, ErrorsShowAShortPatternOnOneLine) {
  EXPECT_EQ(ShownPattern("BM_("), "\"BM_(\"");
  const std::string long_pattern(40000, '(');
  const std::string shown = ShownPattern(long_pattern);
  EXPECT_EQ(shown, "\"" + std::string(57, '(') + "...\"");
  EXPECT_EQ(ShownPattern("BM_a\nBM_b"), "\"BM_a BM_b\"");
}

}  // namespace
}  // namespace benchgate
