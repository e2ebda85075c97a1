#include "io/json_syntax_error.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace benchgate {
namespace {

// Longest piece of the offending token quoted in a message: enough to
// recognise it, short enough to keep a binary file's message on one screen line.
constexpr std::size_t kMaxShownBytes = 24;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsStructural(char c) {
  return c == '[' || c == ']' || c == '{' || c == '}' || c == ':' || c == ',';
}

// A byte of a number, a literal or garbage (not of a string or a delimiter).
bool IsWordByte(char c) { return !IsSpace(c) && !IsStructural(c) && c != '"'; }

// One past the end of the token starting at text[start] (not whitespace):
// one structural character, a string up to its closing quote, or a run of
// anything else (a number, a literal, garbage).
std::size_t TokenEnd(const std::string& text, std::size_t start) {
  if (IsStructural(text[start])) return start + 1;
  if (text[start] == '"') {
    for (std::size_t i = start + 1; i < text.size(); ++i) {
      if (text[i] == '\\') {
        ++i;
      } else if (text[i] == '"') {
        return i + 1;
      }
    }
    return text.size();
  }
  std::size_t end = start;
  while (end < text.size() && IsWordByte(text[end])) ++end;
  return end;
}

// Start of the token holding `offset` (the next token when `offset` is
// whitespace; `offset` itself past the last token). Tokenises from the
// beginning: it runs once, on the error path, so simplicity wins over speed.
std::size_t TokenStart(const std::string& text, std::size_t offset) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (IsSpace(text[i])) {
      ++i;
      continue;
    }
    const std::size_t end = TokenEnd(text, i);
    if (offset < end) return i;
    i = end;
  }
  return std::min(offset, text.size());
}

// Printable ASCII as is, every other byte as \xNN: the message stays one
// valid UTF-8 line whatever the file holds.
std::string Printable(std::string_view raw) {
  std::string out;
  for (const char c : raw.substr(0, kMaxShownBytes)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f) {
      out.push_back(c);
    } else {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02x", byte);
      out += hex;
    }
  }
  if (raw.size() > kMaxShownBytes) out += "...";
  return out;
}

std::string TokenAt(const std::string& text, std::size_t start) {
  if (start >= text.size()) return "the end of the file";
  const std::string_view token(text.data() + start, TokenEnd(text, start) - start);
  if (token.front() == '"') return Printable(token);  // a string shows its own quotes
  return "'" + Printable(token) + "'";
}

// The parts of nlohmann's message "[json.exception.parse_error.101] parse
// error at line 1, column 4: syntax error while parsing object key - invalid
// literal; last read: '{ no'; expected string literal".
struct NlohmannMessage {
  std::string context;      // "object key"
  std::string lexer_error;  // "invalid literal" (empty when the token itself was valid)
  std::string unexpected;   // "end of input", "string literal", ... (valid tokens only)
  std::string expected;     // "string literal"
};

NlohmannMessage Split(std::string_view what) {
  NlohmannMessage message;
  constexpr std::string_view kSyntax = "syntax error ", kWhile = "while parsing ";
  const auto syntax = what.find(kSyntax);
  if (syntax == std::string_view::npos) return message;
  what.remove_prefix(syntax + kSyntax.size());
  const auto dash = what.find("- ");
  if (dash == std::string_view::npos) return message;
  if (what.substr(0, kWhile.size()) == kWhile && dash > kWhile.size()) {
    message.context = what.substr(kWhile.size(), dash - kWhile.size() - 1);
  }
  what.remove_prefix(dash + 2);
  constexpr std::string_view kLastRead = "; last read: '", kExpected = "; expected ";
  const auto expected = what.rfind(kExpected);
  if (const auto last_read = what.find(kLastRead); last_read != std::string_view::npos) {
    message.lexer_error = what.substr(0, last_read);
    if (expected != std::string_view::npos && expected > last_read) {
      message.expected = what.substr(expected + kExpected.size());
    }
    return message;
  }
  constexpr std::string_view kUnexpected = "unexpected ";
  if (what.substr(0, kUnexpected.size()) == kUnexpected) {
    const auto end = expected == std::string_view::npos ? what.size() : expected;
    message.unexpected = what.substr(kUnexpected.size(), end - kUnexpected.size());
  }
  if (expected != std::string_view::npos)
    message.expected = what.substr(expected + kExpected.size());
  return message;
}

std::string Expectation(const NlohmannMessage& message) {
  if (message.context == "object key") return "expected a quoted object key";
  if (message.context == "object separator") return "expected ':' after an object key";
  if (message.context == "object") return "expected ',' or '}' after an object member";
  if (message.context == "array") return "expected ',' or ']' after an array element";
  if (message.context == "value") {
    return message.expected == "end of input" ? "expected the end of the file after the JSON value"
                                              : "expected a JSON value";
  }
  return "expected valid JSON";
}

}  // namespace

SyntaxErrorText DescribeSyntaxError(const std::string& text, std::size_t last_read,
                                    const std::string& nlohmann_what) {
  const NlohmannMessage message = Split(nlohmann_what);
  last_read = std::min(last_read, text.size());
  // Inside a string the culprit is one character (a raw newline, a bad
  // escape or UTF-8 byte): point at it. Elsewhere point at the whole token.
  const bool in_string = message.lexer_error.rfind("invalid string", 0) == 0;
  // A bad literal or number is noticed at the first byte that does not fit,
  // which may already be the next delimiter ("tru]"): blame the word before it.
  std::size_t blamed = last_read;
  if (!message.lexer_error.empty() && !in_string && blamed > 0 && IsWordByte(text[blamed - 1]) &&
      (blamed == text.size() || !IsWordByte(text[blamed]))) {
    --blamed;
  }
  SyntaxErrorText error;
  error.offset = in_string ? last_read : TokenStart(text, blamed);
  std::string found;
  if (message.unexpected == "end of input") {
    found = "the end of the file";
  } else if (in_string) {
    found = "an " + message.lexer_error;
  } else {
    found = TokenAt(text, error.offset);
    if (!message.lexer_error.empty()) found += " (" + message.lexer_error + ")";
  }
  error.expected = Expectation(message) + ", got " + found;
  return error;
}

}  // namespace benchgate
