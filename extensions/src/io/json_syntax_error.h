// nlohmann's parse errors retold in benchgate's words: what was expected at
// that point of the grammar, what was found, and where the offending token
// starts (nlohmann reports the byte after the last one it read, which for a
// string or a literal is past its end).
#ifndef BENCHGATE_IO_JSON_SYNTAX_ERROR_H_
#define BENCHGATE_IO_JSON_SYNTAX_ERROR_H_

#include <cstddef>
#include <string>

namespace benchgate {

struct SyntaxErrorText {
  std::size_t offset = 0;  // byte offset into the parsed text; text.size() for its end
  std::string expected;    // "expected ',' or ']' after an array element, got '}'"
};

// `last_read` is the offset in `text` of the last byte nlohmann read
// (text.size() at the end) and `nlohmann_what` its exception's what().
SyntaxErrorText DescribeSyntaxError(const std::string& text, std::size_t last_read,
                                    const std::string& nlohmann_what);

}  // namespace benchgate

#endif  // BENCHGATE_IO_JSON_SYNTAX_ERROR_H_
