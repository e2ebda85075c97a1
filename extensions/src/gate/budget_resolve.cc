// Which budget rules apply to a benchmark and which of them wins each limit
// (precedence rules in gate/budget_resolve.h).
#include "gate/budget_resolve.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "benchgate/error.h"
#include "gate/name_pattern.h"

namespace benchgate {
namespace {

// True when the '$' ending `p` is escaped by an odd run of backslashes.
bool EndsEscaped(std::string_view p) {
  std::size_t backslashes = 0;
  for (std::size_t i = p.size() - 1; i > 0 && p[i - 1] == '\\'; --i) ++backslashes;
  return backslashes % 2 == 1;
}

// "\." is the character itself; "\d", "\w", "\1", ... are regex syntax.
bool IsPunctuation(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }

// Skips a character class "[...]" starting at p[i] == '['; returns the index
// after its closing ']' (or the end for an unterminated one).
std::size_t SkipClass(std::string_view p, std::size_t i) {
  ++i;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;  // a leading ']' is a member
  while (i < p.size() && p[i] != ']') i += p[i] == '\\' ? 2 : 1;
  return std::min(i + 1, p.size());
}

struct Candidate {
  const BudgetRule* rule;
  PatternSpecificity specificity;
  std::size_t index;
};

// Higher precedence first: source rank, then specificity, then the later rule.
bool Precedes(const Candidate& a, const Candidate& b) {
  if (a.rule->source_rank != b.rule->source_rank) {
    return a.rule->source_rank > b.rule->source_rank;
  }
  if (MoreSpecific(a.specificity, b.specificity)) return true;
  if (MoreSpecific(b.specificity, a.specificity)) return false;
  return a.index > b.index;
}

// Display order of a limit: kBudgetStatistics, then counters by name.
std::size_t StatisticRank(const std::string& statistic) {
  const auto* const begin = std::begin(kBudgetStatistics);
  const auto* const end = std::end(kBudgetStatistics);
  const auto* const found = std::find_if(begin, end, [&](const char* s) { return statistic == s; });
  return static_cast<std::size_t>(found - begin);
}

bool LimitOrder(const ResolvedLimit& a, const ResolvedLimit& b) {
  const auto rank_a = StatisticRank(a.limit.statistic);
  const auto rank_b = StatisticRank(b.limit.statistic);
  if (rank_a != rank_b) return rank_a < rank_b;
  if (a.limit.statistic != b.limit.statistic) return a.limit.statistic < b.limit.statistic;
  return a.limit.is_minimum && !b.limit.is_minimum;
}

}  // namespace

PatternSpecificity SpecificityOf(const std::string& pattern) {
  std::string_view p = pattern;
  if (!p.empty() && p.front() == '^') p.remove_prefix(1);
  if (!p.empty() && p.back() == '$' && !EndsEscaped(p)) p.remove_suffix(1);

  PatternSpecificity out;
  bool syntax = false;
  bool in_prefix = true;
  bool top_level_alternation = false;
  // Whether the atom a quantifier would apply to was counted, and in the prefix.
  bool last_literal = false;
  bool last_in_prefix = false;
  int depth = 0;
  const auto literal_atom = [&] {
    if (depth > 0) {  // inside a group: optional or alternative, never counted
      last_literal = false;
      return;
    }
    ++out.literal_chars;
    if (in_prefix) ++out.literal_prefix;
    last_literal = true;
    last_in_prefix = in_prefix;
  };
  const auto syntax_atom = [&] {
    syntax = true;
    in_prefix = false;
    last_literal = false;
  };
  std::size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && IsPunctuation(p[i + 1])) {
        literal_atom();
      } else {
        syntax_atom();  // \d, \w, \b, \1, ...
      }
      i += 2;
    } else if (c == '*' || c == '+' || c == '?' || c == '{') {
      // A quantified character may be absent or repeated: it is not literal.
      if (last_literal) {
        --out.literal_chars;
        if (last_in_prefix) --out.literal_prefix;
      }
      syntax_atom();
      i = c == '{' ? std::min(p.find('}', i), p.size()) + 1 : i + 1;
      if (i < p.size() && p[i] == '?') ++i;  // lazy
    } else if (c == '[') {
      syntax_atom();
      i = SkipClass(p, i);
    } else {
      if (c == '(') ++depth;
      if (c == ')' && depth > 0) --depth;
      if (c == '|' && depth == 0) top_level_alternation = true;
      if (std::strchr("().|^$", c) != nullptr) {
        syntax_atom();
      } else {
        literal_atom();
      }
      ++i;
    }
  }
  out.literal = !syntax;
  if (top_level_alternation) out.literal_prefix = out.literal_chars = 0;
  return out;
}

bool MoreSpecific(const PatternSpecificity& a, const PatternSpecificity& b) noexcept {
  if (a.literal != b.literal) return a.literal;
  if (a.literal_prefix != b.literal_prefix) return a.literal_prefix > b.literal_prefix;
  return a.literal_chars > b.literal_chars;
}

ResolvedBudget ResolveBudget(const std::string& benchmark_name,
                             const std::vector<BudgetRule>& rules) {
  std::vector<Candidate> matching;
  for (std::size_t index = 0; index < rules.size(); ++index) {
    if (!MatchesWholeName(rules[index].pattern, benchmark_name)) continue;
    matching.push_back(Candidate{&rules[index], SpecificityOf(rules[index].pattern), index});
  }
  std::sort(matching.begin(), matching.end(), Precedes);

  ResolvedBudget out;
  std::map<std::pair<std::string, bool>, ResolvedLimit> taken;
  for (const Candidate& candidate : matching) {
    const BudgetRule& rule = *candidate.rule;
    out.matched.push_back(rule.origin);
    for (const Limit& limit : rule.limits) {
      taken.emplace(std::make_pair(limit.statistic, limit.is_minimum),
                    ResolvedLimit{limit, rule.pattern, rule.origin});
    }
    if (rule.max_regression && !out.max_regression) {
      out.max_regression = ResolvedMaxRegression{*rule.max_regression, rule.pattern, rule.origin};
    }
  }
  for (auto& entry : taken) out.limits.push_back(std::move(entry.second));
  std::sort(out.limits.begin(), out.limits.end(), LimitOrder);
  return out;
}

void CheckPatternsMatch(const std::vector<BudgetRule>& rules,
                        const std::vector<std::string>& names) {
  for (const BudgetRule& rule : rules) {
    if (rule.source_rank != kRankFile) continue;
    std::string problem;
    const std::optional<NamePattern> compiled = NamePattern::Compile(rule.pattern, &problem);
    if (!compiled) {
      throw Error(rule.origin_file, rule.origin_place,
                  "expected a valid regular expression (RE2), got " + ShownPattern(rule.pattern) +
                      ": " + problem);
    }
    const auto full = [&](const std::string& name) { return compiled->Matches(name); };
    if (std::any_of(names.begin(), names.end(), full)) continue;
    std::string message = "expected the pattern " + ShownPattern(rule.pattern) +
                          " to match a benchmark name, got no match among " +
                          std::to_string(names.size()) + " benchmarks";
    const auto partial = [&](const std::string& name) { return compiled->MatchesPart(name); };
    const auto partly = std::find_if(names.begin(), names.end(), partial);
    if (partly != names.end()) {
      message += " (it matches part of \"" + *partly + "\"; patterns must match the whole name)";
    }
    throw Error(rule.origin_file, rule.origin_place, message);
  }
}

}  // namespace benchgate
