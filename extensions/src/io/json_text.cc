#include "io/json_text.h"

#include <string_view>

#include "benchgate/error.h"
#include "benchgate/io/run_reader.h"

namespace benchgate {
namespace {

// Length of a bare NaN, Infinity or -Infinity token at text[i], or 0.
std::size_t NonFiniteTokenAt(const std::string& text, std::size_t i) {
  const std::string_view rest(text.data() + i, text.size() - i);
  for (const std::string_view token : {"-Infinity", "Infinity", "NaN"}) {
    if (rest.substr(0, token.size()) == token) return token.size();
  }
  return 0;
}

// One pass outside strings: replaces NaN, Infinity and -Infinity by null,
// which the readers take as a non-finite value, and checks the nesting
// depth. Lines are unchanged, so syntax errors keep their line numbers.
std::string Sanitize(const std::string& text, const std::string& source) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < text.size()) {
        out.push_back(text[++i]);
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) {
        throw Error(source, LineColumn(text, i),
                    "expected at most " + std::to_string(kMaxJsonDepth) + " levels of nesting");
      }
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (const std::size_t length = NonFiniteTokenAt(text, i); length > 0) {
      out += "null";
      i += length - 1;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string LineColumn(const std::string& text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

nlohmann::json ParseJsonText(const std::string& text, const std::string& source) {
  const std::string clean = Sanitize(text, source);
  if (clean.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw Error(source, "1:1", "expected a JSON object, found an empty file");
  }
  try {
    return nlohmann::json::parse(clean);
  } catch (const nlohmann::json::parse_error& error) {
    // nlohmann's byte is 1-based and points just past the offending token.
    const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    std::string what = error.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while
    // parsing value - unexpected end of input; expected '[', '{', or a literal": keep the tail.
    const auto detail = what.find("syntax error while parsing");
    if (detail != std::string::npos) what = what.substr(detail);
    throw Error(source, LineColumn(clean, offset), "expected valid JSON (" + what + ")");
  }
}

}  // namespace benchgate
