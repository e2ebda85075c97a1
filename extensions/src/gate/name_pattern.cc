#include "gate/name_pattern.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace benchgate {
namespace {

// RE2's memory budget for one compiled pattern (its default is 8 MiB too):
// a pattern whose automaton needs more is refused as too large.
constexpr std::int64_t kMaxPatternMemory = 8 << 20;

// How deeply groups nest, counting '(' outside character classes and
// escapes; RE2 parses without recursion, this bound keeps its trees small.
int NestingDepth(const std::string& pattern) {
  int depth = 0, deepest = 0;
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // the escaped character is a literal
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // "[]...]": ']' first is literal
    } else if (c == '(') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ')' && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// RE2's error codes in the words the threshold files' messages use.
std::string Problem(const re2::RE2& compiled) {
  switch (compiled.error_code()) {
    case re2::RE2::ErrorBadEscape:
      return "an invalid escape";
    case re2::RE2::ErrorBadCharClass:
      return "an invalid character class";
    case re2::RE2::ErrorBadCharRange:
      return "an invalid character range";
    case re2::RE2::ErrorMissingBracket:
      return "unbalanced brackets [ ]";
    case re2::RE2::ErrorMissingParen:
      return "unbalanced parentheses ( )";
    case re2::RE2::ErrorTrailingBackslash:
      return "a trailing backslash";
    case re2::RE2::ErrorRepeatArgument:
      return "a repeat (*, +, ?, {n}) with nothing to repeat";
    case re2::RE2::ErrorRepeatSize:
      return "an invalid repeat count in { }";
    case re2::RE2::ErrorRepeatOp:
      return "an invalid repeat operator";
    case re2::RE2::ErrorBadPerlOp:
      return "an invalid group or lookaround (RE2 has no lookarounds)";
    case re2::RE2::ErrorBadUTF8:
      return "invalid UTF-8";
    case re2::RE2::ErrorBadNamedCapture:
      return "an invalid named group";
    case re2::RE2::ErrorPatternTooLarge:
      return "a pattern too large to compile (over 8 MiB)";
    default:
      return compiled.error().empty() ? std::string("an invalid pattern") : compiled.error();
  }
}

}  // namespace

NamePattern::NamePattern(std::string pattern, std::shared_ptr<const re2::RE2> compiled)
    : pattern_(std::move(pattern)), compiled_(std::move(compiled)) {}

std::optional<NamePattern> NamePattern::Compile(const std::string& pattern, std::string* problem) {
  const auto refuse = [&](std::string why) -> std::optional<NamePattern> {
    if (problem != nullptr) *problem = std::move(why);
    return std::nullopt;
  };
  if (pattern.empty()) return refuse("an empty pattern");
  if (pattern.size() > kMaxPatternLength) {
    return refuse("longer than " + std::to_string(kMaxPatternLength) + " characters (" +
                  std::to_string(pattern.size()) + ")");
  }
  if (NestingDepth(pattern) > kMaxPatternNesting) {
    return refuse("groups nested deeper than " + std::to_string(kMaxPatternNesting));
  }
  re2::RE2::Options options;
  options.set_log_errors(false);  // the caller words the one-line error
  options.set_max_mem(kMaxPatternMemory);
  auto compiled = std::make_shared<const re2::RE2>(pattern, options);
  if (!compiled->ok()) return refuse(Problem(*compiled));
  return NamePattern(pattern, std::move(compiled));
}

bool NamePattern::Matches(const std::string& name) const {
  return re2::RE2::FullMatch(name, *compiled_);
}

bool NamePattern::MatchesPart(const std::string& name) const {
  return re2::RE2::PartialMatch(name, *compiled_);
}

std::optional<std::string> NamePatternProblem(const std::string& pattern) {
  std::string problem;
  if (NamePattern::Compile(pattern, &problem)) return std::nullopt;
  return problem;
}

std::string ShownPattern(const std::string& pattern) {
  constexpr std::size_t kShown = 60;
  std::string shown = pattern.size() <= kShown ? pattern : pattern.substr(0, kShown - 3) + "...";
  for (char& c : shown) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return "\"" + shown + "\"";
}

bool MatchesWholeName(const std::string& pattern, const std::string& name) {
  static std::mutex mutex;
  static auto* cache = new std::map<std::string, std::optional<NamePattern>>();  // never destroyed
  std::optional<NamePattern> compiled;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    auto found = cache->find(pattern);
    if (found == cache->end()) {
      found = cache->emplace(pattern, NamePattern::Compile(pattern, nullptr)).first;
    }
    compiled = found->second;  // a copy shares the compiled pattern
  }
  return compiled && compiled->Matches(name);
}

}  // namespace benchgate
