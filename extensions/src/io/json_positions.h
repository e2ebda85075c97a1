// Line and column of every key and value of a JSON text (with // and /* */
// comments), by JSON pointer, so that a reader can point at the offending
// key or value of a semantically wrong file: nlohmann_json reports positions
// for syntax errors only.
#ifndef BENCHGATE_IO_JSON_POSITIONS_H_
#define BENCHGATE_IO_JSON_POSITIONS_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace benchgate {

// 1-based; columns count characters (UTF-8 sequences), not bytes.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;

  std::string ToString() const;  // "12:5"
};

// Line and column of byte `offset` of `text` (clamped to its end).
TextPosition PositionOfOffset(std::string_view text, std::size_t offset);

class JsonPositions {
 public:
  // `text` must already have parsed as JSON with comments; what does not
  // parse yields incomplete maps, never a crash.
  static JsonPositions Scan(std::string_view text);

  // False for a text of nothing but white space and comments.
  bool has_root() const noexcept { return !values_.empty(); }

  // Where the value at `pointer` starts ("" is the root). Falls back to the
  // nearest enclosing value known, then to 1:1.
  TextPosition Value(const std::string& pointer) const;
  // Where the key of the member at `pointer` starts; the value when none.
  TextPosition Key(const std::string& pointer) const;

  // The first key repeated within one object, if any (nlohmann keeps the
  // last one silently).
  struct Duplicate {
    std::string key;
    std::string pointer;
    TextPosition position;
  };
  const std::optional<Duplicate>& first_duplicate() const noexcept { return first_duplicate_; }

  // JSON pointer escaping of one reference token: "~" -> "~0", "/" -> "~1".
  static std::string Escape(std::string_view token);

 private:
  friend class JsonPositionScanner;
  std::map<std::string, TextPosition> values_;
  std::map<std::string, TextPosition> keys_;
  std::optional<Duplicate> first_duplicate_;
};

}  // namespace benchgate

#endif  // BENCHGATE_IO_JSON_POSITIONS_H_
