// Benchmark-name patterns: threshold files, BENCHGATE_BUDGET, benchgate-diff
// --filter. A pattern is repository content that anyone opening a pull
// request can change, so none may crash or hang a binary or a tool
// (DESIGN.md, "Patterns"): patterns are RE2 regular expressions (linear-time
// matching, no recursion, memory bounded per pattern), and a pattern beyond
// the bounds below is refused with a reason in words before it is compiled.
//
// Syntax: RE2's, which is ECMAScript's and POSIX's for everything benchmark
// names need (. * + ? {n,m} | () (?:) [] \d \w ^ $); no backreferences or
// lookarounds, and a '{' that starts no valid repeat is a literal.
// Semantics: budgets match the WHOLE name (Matches), --filter any part of it
// (MatchesPart), as Google Benchmark's --benchmark_filter does.
#ifndef BENCHGATE_GATE_NAME_PATTERN_H_
#define BENCHGATE_GATE_NAME_PATTERN_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace re2 {
class RE2;
}  // namespace re2

namespace benchgate {

// Longer patterns are refused: a benchmark name is short, and a list of
// names this long is better written as a prefix and a class.
inline constexpr std::size_t kMaxPatternLength = 4096;
// Groups nested deeper than this are refused.
inline constexpr int kMaxPatternNesting = 100;

class NamePattern {
 public:
  // Compiles `pattern`, or returns nullopt and sets `*problem` to why not
  // ("unbalanced parentheses ( )", "longer than 4096 characters", ...).
  static std::optional<NamePattern> Compile(const std::string& pattern, std::string* problem);

  bool Matches(const std::string& name) const;      // the whole name
  bool MatchesPart(const std::string& name) const;  // any part of it
  const std::string& pattern() const { return pattern_; }

 private:
  NamePattern(std::string pattern, std::shared_ptr<const re2::RE2> compiled);
  std::string pattern_;
  std::shared_ptr<const re2::RE2> compiled_;
};

// Why `pattern` is not usable, or nullopt when it compiles.
std::optional<std::string> NamePatternProblem(const std::string& pattern);

// The pattern as an error message shows it: quoted, at most 60 characters
// ("..." after), so that a 40 KB pattern still makes a one-line error.
std::string ShownPattern(const std::string& pattern);

// Whether `name` matches `pattern` whole: false for a pattern that does not
// compile. Compiled patterns are cached (thread-safe), so matching every
// benchmark against every rule compiles each pattern once.
bool MatchesWholeName(const std::string& pattern, const std::string& name);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_NAME_PATTERN_H_
