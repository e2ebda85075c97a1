// Budgets as plain values: limits per benchmark-name pattern, wherever they
// were declared (BENCHGATE_BUDGET in C++, or a threshold file), and how the
// rules that match one benchmark combine into the budget it is judged by.
//
// Matching: a pattern is an RE2 regular expression (gate/name_pattern.h:
// bounded, linear time) that must match the WHOLE benchmark name, so "BM_Sort" budgets BM_Sort
// only, never BM_Sort/1024 or BM_SortLarge. Google Benchmark's --benchmark_filter searches instead;
// for a limit, silently catching a sibling benchmark is the worse surprise, and a file pattern that
// matches nothing is reported.
//
// Precedence, highest first, decided per limit (a rule that sets only p99
// leaves the median limit of a lower rule in force):
//   1. source: a threshold file entry > BENCHGATE_BUDGET in code > the
//      "defaults" of a threshold file (defaults are the fallback of last resort);
//   2. specificity of the pattern (SpecificityOf): a literal name beats any
//      pattern with regex syntax; then the longer literal prefix; then more
//      literal characters in all;
//   3. position in the list given to ResolveBudget: the later rule wins
//      (threshold files are read in name order, code budgets sorted by file
//      and line, so the order is reproducible).
#ifndef BENCHGATE_GATE_BUDGET_RESOLVE_H_
#define BENCHGATE_GATE_BUDGET_RESOLVE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "benchgate/budget_rule.h"

namespace benchgate {

// How specific a pattern is (see the precedence above). Anchors ^ at the start
// and $ at the end are ignored (matching is whole-name anyway); an escaped
// punctuation character ("\.") is literal; a character followed by a
// quantifier (*, +, ?, {n}) is not; a top-level | leaves no literal prefix.
struct PatternSpecificity {
  bool literal = false;            // no regex syntax at all: names one benchmark
  std::size_t literal_prefix = 0;  // literal characters before the first regex syntax
  std::size_t literal_chars = 0;   // literal characters in all
};
PatternSpecificity SpecificityOf(const std::string& pattern);

// True when `a` ranks above `b` on specificity alone.
bool MoreSpecific(const PatternSpecificity& a, const PatternSpecificity& b) noexcept;

// One limit of the resolved budget and the rule it came from, so the verdict
// can name it ("p99 12.1us > 10us, budget BM_Lookup/.* at thresholds/x.json:4:18").
struct ResolvedLimit {
  Limit limit;
  std::string pattern;
  std::string origin;
};

struct ResolvedMaxRegression {
  double value = 0;
  std::string pattern;
  std::string origin;
};

// The budget one benchmark is judged by.
struct ResolvedBudget {
  // One per (statistic, is_minimum): the fixed statistics in kBudgetStatistics
  // order, then counters by name (minimum before maximum).
  std::vector<ResolvedLimit> limits;
  std::optional<ResolvedMaxRegression> max_regression;
  // The origin of every rule that matched, highest precedence first.
  std::vector<std::string> matched;

  bool empty() const noexcept { return limits.empty() && !max_regression.has_value(); }
};

// Which rules match `benchmark_name` and the limits that win. Rules with an
// invalid pattern never match (validate them first).
ResolvedBudget ResolveBudget(const std::string& benchmark_name,
                             const std::vector<BudgetRule>& rules);

// Throws benchgate::Error(origin_file, origin_place, ...) for the first rule
// of a threshold file (source rank kRankFile) whose pattern matches none of
// `names`: a typo there would otherwise disable the budget without a word.
// Code budgets and file defaults are not checked.
void CheckPatternsMatch(const std::vector<BudgetRule>& rules,
                        const std::vector<std::string>& names);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_BUDGET_RESOLVE_H_
